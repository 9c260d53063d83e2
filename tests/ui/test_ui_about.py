"""帮助 → 关于: what a support person needs, copied with one click, and the licences the program ships."""

from __future__ import annotations

import json
import platform
import sys
from pathlib import Path

import pytest
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QLabel

import zjdesk
from support.ui import DialogRecorder, make_program
from zjdesk.demo import demo_year
from zjdesk.distribution.build_info import BUILD_INFO_FILE
from zjdesk.store.yearfile import write_new_year_file
from zjdesk.ui import dialogs
from zjdesk.ui.about_dialog import COPIED_MESSAGE, AboutDialog


@pytest.fixture
def user_folder(tmp_path, monkeypatch) -> Path:
    """zjdesk's own folder (user_data_dir) inside the test's folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    return tmp_path / "data" / "zjdesk"


@pytest.fixture
def about(qtbot, user_folder):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _shown(dialog: AboutDialog, label: str) -> str:
    widget = dialog.findChild(QLabel, f"about.{label}")
    assert widget is not None, f"no line {label}"
    return widget.text()


def test_help_menu_opens_the_about_dialog(qtbot, tmp_path, monkeypatch, user_folder):
    DialogRecorder(monkeypatch)
    path = tmp_path / "演示.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    opened: list[AboutDialog] = []

    def show_about(parent):
        dialog = AboutDialog(parent)  # the real dialog, shown without blocking the test
        dialog.show()
        opened.append(dialog)

    monkeypatch.setattr(dialogs, "show_about", show_about)
    help_menu = next(action.menu() for action in window.menuBar().actions() if action.text() == "帮助(&H)")
    about_action = window.findChild(QAction, "action.about")
    assert about_action in help_menu.actions() and about_action.text() == "关于 zjdesk"
    about_action.trigger()
    assert len(opened) == 1 and opened[0].parent() is window
    assert opened[0].windowTitle() == "关于 zjdesk"
    window.close()


def test_shows_version_python_qt_and_the_folders(about, user_folder):
    assert _shown(about, "版本") == zjdesk.__version__
    assert _shown(about, "Python").startswith(platform.python_version())
    assert _shown(about, "Qt") == f"{qVersion()}（PySide6 {pyside_version}）"
    assert _shown(about, "构建") == "从源代码运行（未打包）"
    assert _shown(about, "数据文件夹") == str(user_folder)
    # The log folder is <data folder>/logs; until something writes a log it does not exist, and says so.
    assert _shown(about, "日志文件夹") == f"{user_folder / 'logs'}（尚未创建）"


def test_log_folder_is_shown_plainly_once_it_exists(qtbot, user_folder):
    (user_folder / "logs").mkdir(parents=True)
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert _shown(dialog, "日志文件夹") == str(user_folder / "logs")


def test_copy_button_puts_every_line_on_the_clipboard(qtbot, about, user_folder):
    QGuiApplication.clipboard().setText("")
    assert about.copied.text() == ""
    qtbot.mouseClick(about.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert about.copied.text() == COPIED_MESSAGE
    lines = copied.splitlines()
    assert lines[0].startswith("zjdesk ")
    for label, value in about.details:
        assert f"{label}：{value}" in lines
    assert f"数据文件夹：{user_folder}" in lines
    assert f"Qt：{qVersion()}（PySide6 {pyside_version}）" in lines


def test_licence_tab_shows_zjdesk_licence_and_the_third_party_notices(about):
    assert about.licences.toPlainText() == ""  # read only when the tab is opened
    about.tabs.setCurrentWidget(about.licence_tab)
    assert about.tabs.currentWidget() is about.licence_tab
    text = about.licences.toPlainText()
    assert text.startswith("MIT License")
    for name in ("PySide6_Essentials", "SQLAlchemy", "lxml", "python-docx", "openpyxl", "pypdf", "Python"):
        assert f"\n{name} " in text, name
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text
    assert about.licences.isReadOnly()


def test_a_built_program_shows_its_build_and_the_files_beside_it(qtbot, tmp_path, monkeypatch, user_folder):
    program = tmp_path / "zjdesk"
    (program / "_internal").mkdir(parents=True)
    (program / "LICENSE.txt").write_text("MIT License\n\nzjdesk licence as shipped\n", encoding="utf-8-sig")
    (program / "THIRD-PARTY-NOTICES.txt").write_text("notices as shipped: Qt 6\n", encoding="utf-8-sig")
    build = {"version": "0.2.0rc1", "built_at": "2026-12-01 08:30 UTC", "commit": "0d54d82", "system": "Windows AMD64"}
    (program / "_internal" / BUILD_INFO_FILE).write_text(json.dumps(build), encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(program / "_internal"), raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "zjdesk.exe"))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert _shown(dialog, "构建") == "2026-12-01 08:30 UTC 构建，提交 0d54d82，Windows AMD64"
    assert _shown(dialog, "程序位置") == str(program)
    dialog.tabs.setCurrentWidget(dialog.licence_tab)
    text = dialog.licences.toPlainText()
    assert "zjdesk licence as shipped" in text and "notices as shipped: Qt 6" in text


def test_a_built_program_missing_its_notices_says_so_in_chinese(qtbot, tmp_path, monkeypatch, user_folder):
    program = tmp_path / "zjdesk"
    program.mkdir()
    (program / "LICENSE.txt").write_text("MIT License\n", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(program / "zjdesk.exe"))
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentWidget(dialog.licence_tab)
    text = dialog.licences.toPlainText()
    assert text.startswith("找不到许可证文件") and "THIRD-PARTY-NOTICES.txt" in text and "请重新安装" in text
