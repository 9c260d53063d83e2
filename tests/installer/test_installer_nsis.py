"""installer/zjdesk.nsi: it compiles, installs per user, and its uninstaller never touches year files."""

from __future__ import annotations

import importlib.util
import re
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from zjdesk.distribution.running_mark import RUNNING_MUTEX_NAME

REPO = Path(__file__).resolve().parents[2]
SCRIPT_PATH = REPO / "installer" / "zjdesk.nsi"
SCRIPT = SCRIPT_PATH.read_text(encoding="utf-8")


def _load_bundle_filter():
    spec = importlib.util.spec_from_file_location("bundle_filter", REPO / "installer" / "bundle_filter.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_filter = _load_bundle_filter()


def _function(name: str) -> str:
    match = re.search(rf"^Function {re.escape(name)}$.*?^FunctionEnd", SCRIPT, re.MULTILINE | re.DOTALL)
    assert match, f"function {name} not found"
    return match.group(0)


def _commands(block: str) -> list[str]:
    return [line.strip() for line in block.splitlines() if line.strip() and not line.strip().startswith(";")]


def _section(name: str) -> str:
    match = re.search(rf'^Section "{name}".*?^SectionEnd', SCRIPT, re.MULTILINE | re.DOTALL)
    assert match, f"section {name} not found"
    return match.group(0)


def _placeholder_bundle(folder: Path) -> Path:
    """The layout of PyInstaller's one-folder build, with tiny files."""
    bundle = folder / "zjdesk"
    (bundle / "_internal" / "resources" / "icons").mkdir(parents=True)
    (bundle / "zjdesk.exe").write_bytes(b"MZ placeholder")
    (bundle / "zjdesk-cli.exe").write_bytes(b"MZ placeholder")
    (bundle / "LICENSE.txt").write_text("MIT License\n", encoding="utf-8")
    (bundle / "THIRD-PARTY-NOTICES.txt").write_text("notices\n", encoding="utf-8")
    (bundle / "_internal" / "python311.dll").write_bytes(b"placeholder")
    (bundle / "_internal" / "resources" / "icons" / "zjdesk.png").write_bytes(b"placeholder")
    return bundle


def _makensis(*defines: str) -> subprocess.CompletedProcess[str]:
    makensis = shutil.which("makensis")
    assert makensis, "makensis is needed (Debian package nsis)"
    # The build scripts read the script as UTF-8 whatever the machine's code page (Chinese text).
    return subprocess.run(
        [makensis, "-V2", "-WX", "-INPUTCHARSET", "UTF8", *defines, str(SCRIPT_PATH)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _version_defines(version: str) -> list[str]:
    return [f"-DVERSION={version}", f"-DVERSION_NUMBERS={bundle_filter.version_numbers_text(version)}"]


def _fixed_file_info(exe: bytes) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """File and product version (four numbers each) from the VS_FIXEDFILEINFO of a Windows program."""
    offset = exe.find(struct.pack("<I", 0xFEEF04BD))
    assert offset > 0, "no version resource"
    _signature, _struct_version, file_ms, file_ls, product_ms, product_ls = struct.unpack_from("<6I", exe, offset)

    def numbers(most: int, least: int) -> tuple[int, ...]:
        return (most >> 16, most & 0xFFFF, least >> 16, least & 0xFFFF)

    return numbers(file_ms, file_ls), numbers(product_ms, product_ls)


def test_script_compiles_against_the_bundle_layout(tmp_path: Path) -> None:
    bundle = _placeholder_bundle(tmp_path)
    setup = tmp_path / "zjdesk-0.1.0-setup.exe"
    result = _makensis(*_version_defines("0.1.0"), f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={setup}", "-DCOMPRESSOR=zlib")
    assert result.returncode == 0, result.stdout + result.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert len(data) > 20_000


@pytest.mark.parametrize(("version", "numbers"), [("0.2.0rc1", (0, 2, 0, 3001)), ("0.2.0.post1", (0, 2, 0, 4001))])
def test_pre_and_post_releases_build_with_four_version_numbers(tmp_path: Path, version: str, numbers: tuple) -> None:
    bundle = _placeholder_bundle(tmp_path)
    setup = tmp_path / f"zjdesk-{version}-setup.exe"
    result = _makensis(*_version_defines(version), f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={setup}", "-DCOMPRESSOR=zlib")
    assert result.returncode == 0, result.stdout + result.stderr
    data = setup.read_bytes()
    assert _fixed_file_info(data) == (numbers, numbers)
    # The version as people read it stays in the strings (Explorer: Properties -> Details).
    assert version.encode("utf-16-le") in data


def test_script_refuses_to_build_without_a_version(tmp_path: Path) -> None:
    bundle = _placeholder_bundle(tmp_path)
    result = _makensis(f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={tmp_path / 'x.exe'}", "-DVALIDATE_ONLY")
    assert result.returncode != 0
    assert "VERSION" in result.stdout + result.stderr


@pytest.mark.parametrize("numbers", [None, "0.2.0", "0.2.0rc1"])
def test_script_refuses_version_numbers_windows_cannot_take(tmp_path: Path, numbers: str | None) -> None:
    bundle = _placeholder_bundle(tmp_path)
    defines = ["-DVERSION=0.2.0rc1", f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={tmp_path / 'x.exe'}", "-DVALIDATE_ONLY"]
    if numbers is not None:
        defines.append(f"-DVERSION_NUMBERS={numbers}")
    result = _makensis(*defines)
    assert result.returncode != 0
    assert not (tmp_path / "x.exe").exists()
    if numbers is None:
        assert "VERSION_NUMBERS" in result.stdout + result.stderr


def test_script_fails_when_the_bundle_is_missing(tmp_path: Path) -> None:
    result = _makensis(*_version_defines("0.1.0"), f"-DBUNDLE_DIR={tmp_path / 'nothing'}", f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert result.returncode != 0


def test_the_uninstaller_is_signed_as_it_is_written_when_signing_is_configured(tmp_path: Path) -> None:
    bundle = _placeholder_bundle(tmp_path)
    log = tmp_path / "signed.log"
    signer = tmp_path / "sign.py"
    # Stands in for installer/sign-windows.ps1: records the file it was given, which must be a Windows program.
    signer.write_text(
        "import pathlib, sys\n"
        "data = pathlib.Path(sys.argv[1]).read_bytes()\n"
        f"with open({str(log)!r}, 'a', encoding='latin-1') as log:\n"
        "    log.write(data[:2].decode('latin-1') + '\\n')\n",
        encoding="utf-8",
    )
    runner = f'"{sys.executable}"' if " " in sys.executable else sys.executable
    result = _makensis(
        *_version_defines("0.1.0"),
        f"-DBUNDLE_DIR={bundle}",
        f"-DOUTFILE={tmp_path / 'x.exe'}",
        "-DCOMPRESSOR=zlib",
        f"-DSIGN_RUNNER={runner}",
        f"-DSIGN_SCRIPT={signer}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert log.read_text().splitlines() == ["MZ"]  # the uninstaller, once


def test_build_scripts_pass_the_version_numbers_and_read_the_script_as_utf8() -> None:
    for script in ("build-windows.ps1", "build-linux.sh"):
        text = (REPO / "installer" / script).read_text(encoding="utf-8")
        assert "INPUTCHARSET" in text and "UTF8" in text, script
        assert "VERSION_NUMBERS=" in text and "version-numbers" in text, script


def test_installer_and_uninstaller_wait_until_zjdesk_is_closed() -> None:
    on_init, un_on_init = _commands(_function(".onInit")), _commands(_function("un.onInit"))
    assert '!insertmacro WAIT_UNTIL_CLOSED "" "${RUNNING_MESSAGE_INSTALL}"' in on_init
    assert '!insertmacro WAIT_UNTIL_CLOSED "un." "${RUNNING_MESSAGE_UNINSTALL}"' in un_on_init
    # The install section checks again right before it removes the old program: zjdesk may have been
    # started since the installer opened; nothing is removed while it runs.
    program = _commands(_section("zjdesk"))
    wait = program.index('!insertmacro WAIT_UNTIL_CLOSED "" "${RUNNING_MESSAGE_INSTALL}"')
    remove = program.index('RMDir /r "$INSTDIR\\_internal"')
    copy = program.index('File /r "${BUNDLE_DIR}${SEP}*"')
    assert wait < remove < copy
    # The message is Chinese and tells what to do; silent installs (/S) give up instead of waiting.
    message = re.search(r'^!define RUNNING_MESSAGE_INSTALL "(.*)"$', SCRIPT, re.MULTILINE)
    assert message and "zjdesk 正在运行" in message.group(1) and "重试" in message.group(1) and "取消" in message.group(1)
    assert "/SD IDCANCEL IDCANCEL`" in SCRIPT


def test_running_check_looks_for_the_programs_mutex_and_locked_programs() -> None:
    assert f'!define RUNNING_MUTEX "{RUNNING_MUTEX_NAME}"' in SCRIPT
    check = re.search(r"^  Function \$\{PREFIX\}IsZjdeskRunning$.*?^  FunctionEnd", SCRIPT, re.MULTILINE | re.DOTALL)
    assert check
    body = check.group(0)
    assert 'OpenMutexW(i 0x00100000, i 0, w "${RUNNING_MUTEX}")' in body
    # Programs of older versions hold no mutex: a running .exe cannot be opened for writing.
    assert '"$INSTDIR\\${EXE_NAME}"' in body and '"$INSTDIR\\${CLI_EXE_NAME}"' in body
    assert "FileOpen $1 $1 a" in body
    assert '!insertmacro DEFINE_RUNNING_CHECK ""' in SCRIPT and '!insertmacro DEFINE_RUNNING_CHECK "un."' in SCRIPT


def test_installer_refuses_windows_older_than_10_1809_in_chinese() -> None:
    assert "!define MIN_WINDOWS_BUILD 17763" in SCRIPT
    on_init = _commands(_function(".onInit"))
    check = on_init.index("${IfNot} ${RunningX64}")
    assert on_init[check + 1 : check + 3] == ["${OrIfNot} ${AtLeastWin10}", "${OrIfNot} ${AtLeastBuild} ${MIN_WINDOWS_BUILD}"]
    message = next(line for line in on_init[check:] if line.startswith("MessageBox"))
    assert "Windows 10（1809 版" in message and "64 位" in message and "安装不会继续" in message
    assert on_init[on_init.index(message) + 1] == "Abort"
    # The version check comes before the running check: on an old Windows nothing else matters.
    assert check < on_init.index('!insertmacro WAIT_UNTIL_CLOSED "" "${RUNNING_MESSAGE_INSTALL}"')
    assert "${AtLeastBuild}" not in _function("un.onInit")  # uninstalling works on any Windows


def test_installs_per_user_without_administrator_rights() -> None:
    assert re.search(r"^RequestExecutionLevel user$", SCRIPT, re.MULTILINE)
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\zjdesk"' in SCRIPT
    assert "HKLM" not in SCRIPT
    assert "$PROGRAMFILES" not in SCRIPT
    assert "SetShellVarContext all" not in SCRIPT


def test_shows_simplified_chinese() -> None:
    assert re.search(r'^!insertmacro MUI_LANGUAGE "SimpChinese"$', SCRIPT, re.MULTILINE)
    assert 'MUI_LANGUAGE "English"' not in SCRIPT
    assert "Unicode true" in SCRIPT


def test_creates_shortcuts_association_and_program_list_entry() -> None:
    program = _section("zjdesk")
    assert '"$SMPROGRAMS\\${SHORTCUT_NAME}.lnk"' in program
    assert '"$DESKTOP\\${SHORTCUT_NAME}.lnk"' in program
    assert 'WriteRegStr HKCU "${CLASSES_KEY}\\.zjd" "" "${PROG_ID}"' in program
    assert "${PROG_ID}\\DefaultIcon" in program
    assert re.search(r'\$\{PROG_ID\}\\shell\\open\\command" "" "\$\\"\$INSTDIR\\\$\{EXE_NAME\}\$\\" \$\\"%1\$\\""', program)
    for value in ("DisplayName", "DisplayVersion", "UninstallString", "DisplayIcon", "Publisher"):
        assert f'"${{UNINSTALL_KEY}}" "{value}"' in program
    assert '"${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"' in program
    assert '!define CLASSES_KEY "Software\\Classes"' in SCRIPT
    assert '!define UNINSTALL_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\zjdesk"' in SCRIPT


def test_uninstall_removes_the_program_but_never_year_files() -> None:
    uninstall = _section("Uninstall")
    commands = [line.strip() for line in uninstall.splitlines() if line.strip() and not line.strip().startswith(";")]
    recursive_removals = [line for line in commands if line.startswith("RMDir /r")]
    # Only the bundle's own library folder is removed recursively; the install folder only when empty.
    assert recursive_removals == ['RMDir /r "$INSTDIR\\_internal"']
    assert 'RMDir "$INSTDIR"' in commands
    deletions = [line for line in commands if line.startswith("Delete ")]
    assert all("*" not in line and ".zjd" not in line for line in deletions)
    for name in ("EXE_NAME", "CLI_EXE_NAME", "LICENSE_FILE", "NOTICES_FILE"):
        assert f'Delete "$INSTDIR\\${{{name}}}"' in commands
    assert not any("$LOCALAPPDATA" in line or "$DOCUMENTS" in line or "$APPDATA" in line for line in commands)
    # Shortcuts, association and the program-list entry go.
    assert 'DeleteRegKey HKCU "${UNINSTALL_KEY}"' in commands
    assert 'DeleteRegKey HKCU "${CLASSES_KEY}\\${PROG_ID}"' in commands
    assert any("$SMPROGRAMS" in line for line in deletions)
    assert any("$DESKTOP" in line for line in deletions)


def test_an_upgrade_keeps_the_users_settings_and_data() -> None:
    program = _commands(_section("zjdesk"))
    # Over an older version only the library folder is replaced; nothing else is removed.
    assert [line for line in program if line.startswith(("RMDir", "Delete"))] == ['RMDir /r "$INSTDIR\\_internal"']
    # The settings (QSettings: HKCU\Software\zjdesk) and the data folder (%LOCALAPPDATA%\zjdesk) are the user's.
    for block in (program, _commands(_section("Uninstall"))):
        assert not any("Software\\zjdesk" in line and "Uninstall" not in line for line in block if "DeleteReg" in line)
        assert not any("$LOCALAPPDATA\\zjdesk" in line for line in block)


def test_install_dir_is_remembered_under_hkcu() -> None:
    assert 'InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"' in SCRIPT


@pytest.mark.parametrize("icon_line", ["!define MUI_ICON", "!define MUI_UNICON"])
def test_installer_uses_the_program_icon(icon_line: str) -> None:
    assert f'{icon_line} "${{ICON_FILE}}"' in SCRIPT
    assert (REPO / "resources" / "icons" / "zjdesk.ico").is_file()
