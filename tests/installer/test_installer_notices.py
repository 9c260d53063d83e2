"""The licences the program ships (zjdesk.distribution.notices), what a build records, and the bundle check."""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib import metadata
from pathlib import Path

import pytest

from zjdesk.distribution import build_info, notices, running_mark

REPO = Path(__file__).resolve().parents[2]
# What the bundle carries, as PyInstaller names it: dotted modules and paths inside the bundle.
BUNDLE_MODULES = [
    "lxml.etree",
    "PySide6/QtCore.abi3.so",
    "PySide6\\QtWidgets.pyd",
    "shiboken6.Shiboken",
    "docx.parts.document",
    "sqlalchemy.orm.session",
    "openpyxl.workbook",
    "et_xmlfile.xmlfile",
    "pypdf._writer",
    "zjdesk.cli",
    "json.decoder",
    "lib-dynload/_sqlite3.so",
]


def _load_check_bundle():
    spec = importlib.util.spec_from_file_location("check_bundle", REPO / "installer" / "check_bundle.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _names(distributions) -> list[str]:
    return [str(distribution.metadata["Name"]) for distribution in distributions]


def test_bundled_modules_are_traced_to_their_distributions() -> None:
    names = _names(notices.bundled_distributions(BUNDLE_MODULES))
    for expected in ("lxml", "PySide6_Essentials", "shiboken6", "python-docx", "SQLAlchemy", "openpyxl", "et_xmlfile", "pypdf"):
        assert expected in names
    assert "zjdesk" not in names  # zjdesk's own licence is LICENSE.txt
    assert len(names) == len(set(names)) == 8  # json and lib-dynload belong to Python


def test_notices_carry_name_version_licence_and_shipped_licence_texts() -> None:
    distributions = notices.bundled_distributions(BUNDLE_MODULES)
    bootloader = metadata.distribution("pytest")  # any distribution: the build passes PyInstaller's
    text = notices.notices_text(distributions, bootloader=bootloader)
    for distribution in [*distributions, bootloader]:
        name, version = distribution.metadata["Name"], distribution.version
        assert f"\n  {name} {version} — {notices.licence_of(distribution)}\n" in text  # the contents
        assert f"\n{name} {version}\n{notices.RULE}\n许可证 / Licence: " in text  # its own section
        for file_name, licence in notices.licence_texts(distribution):
            assert f"--- {file_name} ---\n{licence}" in text
    assert notices.licence_texts(metadata.distribution("lxml"))  # lxml ships its licence texts
    assert notices.PYINSTALLER_NOTE in text


def test_notices_tell_what_the_lgpl_asks_for_qt() -> None:
    pyside = metadata.distribution("PySide6_Essentials")
    qt = notices.qt_version(pyside.version)
    text = notices.notices_text([pyside], qt_files=["PySide6/Qt6Core.dll", "PySide6/plugins/platforms/qwindows.dll"])
    assert "LGPL-3.0" in text
    assert f"https://download.qt.io/archive/qt/{'.'.join(qt.split('.')[:2])}/{qt}/" in text
    assert f"https://code.qt.io/cgit/pyside/pyside-setup.git/ , tag v{pyside.version}" in text
    assert "替换 Qt 库 / Replacing the Qt libraries" in text and "_internal\\PySide6" in text
    assert "  _internal/PySide6/Qt6Core.dll\n" in text
    # The licence texts themselves: the LGPL and the GPL it refers to.
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007" in text
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3, 29 June 2007" in text


def test_without_qt_there_is_no_qt_section() -> None:
    text = notices.notices_text([metadata.distribution("lxml")])
    assert "Replacing the Qt libraries" not in text and "GNU LESSER GENERAL PUBLIC LICENSE" not in text


def test_python_is_listed_with_its_licence_text() -> None:
    notice = notices.python_notice()
    assert notice.version == ".".join(map(str, sys.version_info[:3]))
    assert notice.texts and "PYTHON SOFTWARE FOUNDATION LICENSE" in notice.texts[0][1]


def _distribution(folder: Path, metadata_lines: list[str], files: dict[str, str] | None = None) -> metadata.Distribution:
    """A distribution as pip installs it: a .dist-info folder with METADATA and, maybe, licence files."""
    info = folder / "example-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("\n".join(["Metadata-Version: 2.4", "Name: example", "Version: 1.0", *metadata_lines]) + "\n")
    for name, text in (files or {}).items():
        (info / name).parent.mkdir(parents=True, exist_ok=True)
        (info / name).write_text(text, encoding="utf-8")
    return metadata.PathDistribution(info)


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["License-Expression: BSD-3-Clause", "License: ignored"], "BSD-3-Clause"),
        (["License: MIT"], "MIT"),
        # A whole licence pasted into the License field: the classifier says it shorter.
        (["License: " + "x" * 200, "Classifier: License :: OSI Approved :: MIT License"], "MIT License"),
        ([], "未注明 / not stated"),
    ],
)
def test_licence_is_read_from_the_metadata(tmp_path: Path, lines: list[str], expected: str) -> None:
    assert notices.licence_of(_distribution(tmp_path, lines)) == expected


def test_licence_files_are_found_where_wheels_put_them(tmp_path: Path) -> None:
    distribution = _distribution(
        tmp_path,
        ["License-File: LICENSE", "License-File: NOTICE.txt"],
        {"licenses/LICENSE": "the licence\n", "licenses/NOTICE.txt": "the notice\n", "RECORD": ""},
    )
    assert notices.licence_texts(distribution) == (("LICENSE", "the licence"), ("NOTICE.txt", "the notice"))
    # Older wheels: no License-File, the licence beside METADATA, found through the RECORD of installed files.
    record = "example-1.0.dist-info/COPYING,,\nexample-1.0.dist-info/METADATA,,\nexample/__init__.py,,\n"
    older = _distribution(tmp_path / "old", ["Home-page: https://example.org"], {"COPYING": "old style\n", "RECORD": record})
    assert notices.licence_texts(older) == (("COPYING", "old style"),)
    assert notices.home_page_of(older) == "https://example.org"


def test_source_run_lists_what_zjdesk_runs_on() -> None:
    names = _names(notices.runtime_distributions())
    for expected in ("PySide6_Essentials", "shiboken6", "SQLAlchemy", "python-docx", "lxml", "openpyxl", "pypdf"):
        assert expected in names
    assert "pytest" not in names and "pyinstaller" not in names  # extras (test, build) are not the program


def test_text_files_are_written_for_windows(tmp_path: Path) -> None:
    path = tmp_path / "NOTICES.txt"
    notices.write_text_file(path, "第一行\n第二行\n")
    assert path.read_bytes() == "\ufeff第一行\r\n第二行\r\n".encode()


def test_built_program_reads_the_files_beside_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "zjdesk.exe"))
    with pytest.raises(OSError):
        notices.installed_notices()
    notices.write_text_file(tmp_path / notices.LICENSE_FILE_NAME, "MIT License\n")
    notices.write_text_file(tmp_path / notices.NOTICES_FILE_NAME, "shipped notices\n")
    text = notices.installed_notices()
    assert text.startswith("MIT License\n") and text.rstrip().endswith("shipped notices")


def test_build_record_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    info = build_info.new_build_info("0.2.0rc1", REPO, "6.22.3")
    assert info.frozen and info.version == "0.2.0rc1" and info.built_at.endswith(" UTC")
    build_info.write_build_info(tmp_path / build_info.BUILD_INFO_FILE, info)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert build_info.current_build() == info
    assert info.describe().startswith(f"{info.built_at} 构建，")
    (tmp_path / build_info.BUILD_INFO_FILE).write_text("{broken", encoding="utf-8")
    assert build_info.current_build().describe().startswith("构建时间不详")


def test_running_mark_is_made_on_windows_only() -> None:
    held = running_mark.mark_running()
    if sys.platform != "win32":
        assert held is False
        return
    import ctypes

    # What the installer does (installer/zjdesk.nsi, IsZjdeskRunning): open the mutex by its name.
    assert held is True and running_mark.mark_running() is True
    handle = ctypes.windll.kernel32.OpenMutexW(0x00100000, False, running_mark.RUNNING_MUTEX_NAME)
    assert handle
    ctypes.windll.kernel32.CloseHandle(handle)


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A built folder as check_bundle expects it, with the notices of the environment's distributions."""
    bundle = tmp_path / "zjdesk"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("zjdesk", "zjdesk-cli"):
        (bundle / (f"{name}.exe" if sys.platform == "win32" else name)).write_bytes(b"MZ")
    notices.write_text_file(bundle / notices.LICENSE_FILE_NAME, (REPO / "LICENSE").read_text(encoding="utf-8"))
    text = notices.notices_text(notices.bundled_distributions(BUNDLE_MODULES))
    notices.write_text_file(bundle / notices.NOTICES_FILE_NAME, text)
    info = build_info.new_build_info(_load_check_bundle().project_version(REPO / "pyproject.toml"), REPO, "6.22.3")
    build_info.write_build_info(bundle / "_internal" / build_info.BUILD_INFO_FILE, info)
    return bundle


def test_bundle_check_accepts_a_complete_folder(fake_bundle: Path) -> None:
    check_bundle = _load_check_bundle()
    assert check_bundle.check_files(fake_bundle, check_bundle.project_version(REPO / "pyproject.toml")) == []


def test_bundle_check_finds_missing_programs_licences_and_sections(fake_bundle: Path) -> None:
    check_bundle = _load_check_bundle()
    version = check_bundle.project_version(REPO / "pyproject.toml")
    check_bundle.program_path(fake_bundle, "zjdesk-cli").unlink()
    path = fake_bundle / notices.NOTICES_FILE_NAME
    text = path.read_text(encoding="utf-8-sig")
    lxml = metadata.distribution("lxml")
    # The section of lxml goes missing, and the line naming pypdf in the contents.
    text = text.replace(f"\n{lxml.metadata['Name']} {lxml.version}\n{notices.RULE}\n", "\n")
    text = "\n".join(line for line in text.splitlines() if not line.startswith("  pypdf "))
    notices.write_text_file(path, text)
    (fake_bundle / "_internal" / build_info.BUILD_INFO_FILE).write_text(json.dumps({"version": "0.0.1"}), encoding="utf-8")
    problems = check_bundle.check_files(fake_bundle, version)
    assert any("zjdesk-cli" in problem and "missing" in problem for problem in problems)
    assert any(f"lists lxml {lxml.version} but has no section" in problem for problem in problems)
    assert any("does not list pypdf" in problem for problem in problems)
    assert any("records '0.0.1'" in problem for problem in problems)
    (fake_bundle / notices.NOTICES_FILE_NAME).unlink()
    assert f"{notices.NOTICES_FILE_NAME} is missing" in check_bundle.check_files(fake_bundle, version)
