"""installer/zjdesk.nsi: it compiles, installs per user, and its uninstaller never touches year files."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SCRIPT_PATH = REPO / "installer" / "zjdesk.nsi"
SCRIPT = SCRIPT_PATH.read_text(encoding="utf-8")


def _section(name: str) -> str:
    match = re.search(rf'^Section "{name}".*?^SectionEnd', SCRIPT, re.MULTILINE | re.DOTALL)
    assert match, f"section {name} not found"
    return match.group(0)


def _placeholder_bundle(folder: Path) -> Path:
    """The layout of PyInstaller's one-folder build, with tiny files."""
    bundle = folder / "zjdesk"
    (bundle / "_internal" / "resources" / "icons").mkdir(parents=True)
    (bundle / "zjdesk.exe").write_bytes(b"MZ placeholder")
    (bundle / "_internal" / "python311.dll").write_bytes(b"placeholder")
    (bundle / "_internal" / "resources" / "icons" / "zjdesk.png").write_bytes(b"placeholder")
    return bundle


def _makensis(*defines: str) -> subprocess.CompletedProcess[str]:
    makensis = shutil.which("makensis")
    assert makensis, "makensis is needed (Debian package nsis)"
    return subprocess.run(
        [makensis, "-V2", "-WX", *defines, str(SCRIPT_PATH)], capture_output=True, text=True, timeout=120, check=False
    )


def test_script_compiles_against_the_bundle_layout(tmp_path: Path) -> None:
    bundle = _placeholder_bundle(tmp_path)
    setup = tmp_path / "zjdesk-0.1.0-setup.exe"
    result = _makensis("-DVERSION=0.1.0", f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={setup}", "-DCOMPRESSOR=zlib")
    assert result.returncode == 0, result.stdout + result.stderr
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert len(data) > 20_000


def test_script_refuses_to_build_without_a_version(tmp_path: Path) -> None:
    bundle = _placeholder_bundle(tmp_path)
    result = _makensis(f"-DBUNDLE_DIR={bundle}", f"-DOUTFILE={tmp_path / 'x.exe'}", "-DVALIDATE_ONLY")
    assert result.returncode != 0
    assert "VERSION" in result.stdout + result.stderr


def test_script_fails_when_the_bundle_is_missing(tmp_path: Path) -> None:
    result = _makensis("-DVERSION=0.1.0", f"-DBUNDLE_DIR={tmp_path / 'nothing'}", f"-DOUTFILE={tmp_path / 'x.exe'}")
    assert result.returncode != 0


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
    assert not any("$LOCALAPPDATA" in line or "$DOCUMENTS" in line or "$APPDATA" in line for line in commands)
    # Shortcuts, association and the program-list entry go.
    assert 'DeleteRegKey HKCU "${UNINSTALL_KEY}"' in commands
    assert 'DeleteRegKey HKCU "${CLASSES_KEY}\\${PROG_ID}"' in commands
    assert any("$SMPROGRAMS" in line for line in deletions)
    assert any("$DESKTOP" in line for line in deletions)


def test_install_dir_is_remembered_under_hkcu() -> None:
    assert 'InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"' in SCRIPT


@pytest.mark.parametrize("icon_line", ["!define MUI_ICON", "!define MUI_UNICON"])
def test_installer_uses_the_program_icon(icon_line: str) -> None:
    assert f'{icon_line} "${{ICON_FILE}}"' in SCRIPT
    assert (REPO / "resources" / "icons" / "zjdesk.ico").is_file()
