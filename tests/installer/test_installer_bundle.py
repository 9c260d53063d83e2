"""installer/bundle_filter.py: what the frozen build ships and what it leaves out."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _load_bundle_filter():
    spec = importlib.util.spec_from_file_location("bundle_filter", REPO / "installer" / "bundle_filter.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle_filter = _load_bundle_filter()


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt6Core.dll",
        "PySide6/Qt6Gui.dll",
        "PySide6/Qt6Widgets.dll",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6DBus.so.6",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/platforms/qoffscreen.dll",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/plugins/imageformats/qico.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
        "PySide6/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qt_zh_CN.qm",
        "resources/demo/demo-2024.json",
        "resources/icons/zjdesk.png",
        "python311.dll",
        "sqlalchemy/cyextension/collections.cp311-win_amd64.pyd",
    ],
)
def test_what_the_program_uses_is_shipped(dest: str) -> None:
    assert bundle_filter.is_kept(dest)
    assert bundle_filter.is_kept(dest.replace("/", "\\"))


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt6Network.dll",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt6Qml.dll",
        "PySide6/Qt6QmlModels.dll",
        "PySide6/Qt6Quick.dll",
        "PySide6/Qt6Pdf.dll",
        "PySide6/Qt6OpenGL.dll",
        "PySide6/Qt6Svg.dll",
        "PySide6/Qt6VirtualKeyboard.dll",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "PySide6/opengl32sw.dll",
        "libssl-3-x64.dll",
        "libcrypto-3-x64.dll",
        "libcrypto.so.3",
        "PySide6/plugins/tls/qschannelbackend.dll",
        "PySide6/plugins/networkinformation/qnetworklistmanager.dll",
        "PySide6/plugins/imageformats/qpdf.dll",
        "PySide6/plugins/imageformats/qsvg.dll",
        "PySide6/plugins/iconengines/qsvgicon.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/plugins/generic/qtuiotouchplugin.dll",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_tcp.so",
        "PySide6/translations/qtbase_de.qm",
        "PySide6/translations/qt_zh_TW.qm",
        "PySide6/translations/qtmultimedia_zh_CN.qm",
        "PySide6/translations/assistant_zh_CN.qm",
    ],
)
def test_what_the_program_does_not_use_is_left_out(dest: str) -> None:
    assert not bundle_filter.is_kept(dest)


def test_network_clients_and_unused_qt_modules_are_excluded() -> None:
    excluded = set(bundle_filter.EXCLUDED_MODULES)
    assert {"PySide6.QtNetwork", "ssl", "http.client", "urllib.request", "PySide6.QtQml", "PySide6.QtPdf"} <= excluded
    assert not {"PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "sqlite3", "asyncio"} & excluded


def test_every_zjdesk_module_is_listed_for_the_build() -> None:
    names = bundle_filter.zjdesk_module_names(REPO / "src")
    assert "zjdesk" in names
    assert "zjdesk.cli" in names
    assert "zjdesk.selftest" in names
    assert "zjdesk.commands.files" in names  # imported by name only
    module_files = list((REPO / "src" / "zjdesk").rglob("*.py"))
    assert len(names) == len(module_files)


def test_version_comes_from_pyproject() -> None:
    import zjdesk

    assert bundle_filter.project_version(REPO / "pyproject.toml") == zjdesk.__version__


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 4000)),
        ("2.0", (2, 0, 0, 4000)),
        ("0.2.0.dev3", (0, 2, 0, 3)),
        ("0.2.0a1", (0, 2, 0, 1001)),
        ("0.2.0b2", (0, 2, 0, 2002)),
        ("0.2.0rc1", (0, 2, 0, 3001)),
        ("0.2.0.post1", (0, 2, 0, 4001)),
        ("1.10.65535", (1, 10, 65535, 4000)),
    ],
)
def test_version_numbers_for_windows(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert bundle_filter.version_numbers(version) == numbers
    assert bundle_filter.version_numbers_text(version) == ".".join(map(str, numbers))


def test_version_numbers_keep_the_order_of_releases() -> None:
    from packaging.version import Version

    versions = ["0.2.0.dev1", "0.2.0a1", "0.2.0a2", "0.2.0b1", "0.2.0rc1", "0.2.0rc2", "0.2.0", "0.2.0.post1", "0.2.1.dev1"]
    assert sorted(versions, key=Version) == versions
    numbers = [bundle_filter.version_numbers(version) for version in versions]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)


@pytest.mark.parametrize("version", ["1.2.3.4", "0.2.0rc1.post1", "0.2.0+local", "1!0.2.0", "0.2.0rc1000", "x.y", "70000.0"])
def test_versions_windows_cannot_number_are_refused(version: str) -> None:
    with pytest.raises(ValueError):
        bundle_filter.version_numbers(version)


def test_build_scripts_get_the_version_from_the_command_line_helper(capsys) -> None:
    assert bundle_filter.main(["version-numbers", "0.2.0rc1"]) == 0
    assert capsys.readouterr().out == "0.2.0.3001\n"
    assert bundle_filter.main(["version"]) == 0
    assert capsys.readouterr().out.strip() == bundle_filter.project_version(REPO / "pyproject.toml")
    assert bundle_filter.main(["version-numbers", "1.2.3.4"]) == 2
    assert "three numbers" in capsys.readouterr().err


def test_spec_builds_both_programs_on_one_library_folder_without_upx() -> None:
    spec = (REPO / "installer" / "zjdesk.spec").read_text(encoding="utf-8")
    # zjdesk is windowed (no console window for the officer), zjdesk-cli a console program.
    assert 'PROGRAMS = {"zjdesk": False, "zjdesk-cli": True}' in spec
    assert "console=console" in spec and "for name, console in PROGRAMS.items()" in spec
    assert "COLLECT(*programs, a.binaries, a.datas" in spec
    assert "upx=True" not in spec
    assert spec.count("upx=False") == 2
    assert "excludes=EXCLUDED_MODULES" in spec
    assert "is_kept(entry[0])" in spec
    assert '"resources"' in spec and "zjdesk.ico" in spec
    # The licences beside the programs, the notices from what the bundle carries.
    assert "bundle / LICENSE_FILE_NAME" in spec and "bundle / NOTICES_FILE_NAME" in spec
    assert "bundled_distributions(shipped)" in spec


def test_pyinstaller_is_a_build_dependency() -> None:
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(requirement.startswith("pyinstaller") for requirement in project["optional-dependencies"]["build"])
