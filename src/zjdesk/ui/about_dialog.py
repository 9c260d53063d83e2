"""帮助 → 关于: the program's version and build, what a support person asks for, and the licences.

The first tab lists the version, the build, the Python and Qt versions, the system, and the program,
data and log folders, with a button that copies all of it (to paste into a message to support). The
second tab shows zjdesk's licence and the third-party notices shipped beside the program.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSettings, QSysInfo, Qt, qVersion
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import zjdesk
from zjdesk.distribution.build_info import current_build
from zjdesk.distribution.notices import installed_notices, program_folder
from zjdesk.store.user_data import log_dir, user_data_dir
from zjdesk.ui.screen_fit import fit_dialog, scrolling

PRODUCT_TITLE = "部门整体支出绩效自评报告"
COPIED_MESSAGE = "已复制到剪贴板：可粘贴到微信、QQ 或邮件中发给技术支持人员。"
THIRD_PARTY_LINE = (
    "zjdesk 以 MIT 许可证发布。本程序使用 Qt 和 PySide6（LGPL-3.0，© The Qt Company Ltd. 及其他贡献者）、Python、"
    "SQLAlchemy、lxml、python-docx、openpyxl、pypdf 等第三方软件，各以其许可证发布，全文如下。"
)


def _folder_line(folder: Path) -> str:
    return str(folder) if folder.is_dir() else f"{folder}（尚未创建）"


def support_details() -> list[tuple[str, str]]:
    """What a support person needs to know about this installation, as (label, value) pairs."""
    program = program_folder() or Path(zjdesk.__file__).resolve().parent
    kernel = f"{QSysInfo.kernelType()} {QSysInfo.kernelVersion()}，{QSysInfo.currentCpuArchitecture()}"
    system = f"{QSysInfo.prettyProductName()}（{kernel}）"
    return [
        ("版本", zjdesk.__version__),
        ("构建", current_build().describe()),
        ("Python", f"{platform.python_version()}（{platform.architecture()[0].replace('bit', ' 位')}）"),
        ("Qt", f"{qVersion()}（PySide6 {pyside_version}）"),
        ("操作系统", system),
        ("程序位置", str(program)),
        ("数据文件夹", _folder_line(user_data_dir())),
        ("日志文件夹", _folder_line(log_dir())),
        ("设置", QSettings().fileName()),
    ]


def support_text(details: list[tuple[str, str]] | None = None) -> str:
    """The details as plain text, one ``label：value`` per line, as the copy button puts them on the clipboard."""
    lines = [f"zjdesk {PRODUCT_TITLE}"]
    lines += [f"{label}：{value}" for label, value in (details if details is not None else support_details())]
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    """关于 zjdesk: details for support with a copy button, and the licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("关于 zjdesk")
        # Only a minimum width: the height follows the content, so nothing is ever squeezed or clipped.
        self.setMinimumWidth(640)
        self.details = support_details()
        layout = QVBoxLayout(self)

        title = QLabel(f"zjdesk {zjdesk.__version__}")
        title.setObjectName("pageTitle")
        subtitle = QLabel(f"{PRODUCT_TITLE}编写程序。所有修改即时保存到年度文件（.zjd）。")
        subtitle.setObjectName("pageIntro")
        layout.addWidget(title)
        layout.addWidget(subtitle)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("about.tabs")
        self.tabs.addTab(scrolling(self._details_tab()), "程序信息")  # scrolls on a short screen (150 %)
        self.licence_tab = self._licence_tab()
        self.tabs.addTab(self.licence_tab, "许可证")
        self.tabs.currentChanged.connect(self._tab_shown)
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox()
        buttons.addButton("关闭", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, 640)

    def _details_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        for row, (label, value) in enumerate(self.details):
            name = QLabel(label)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            shown = QLabel(value)
            shown.setObjectName(f"about.{label}")
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(name, row, 0)
            grid.addWidget(shown, row, 1)
        layout.addLayout(grid)
        copy_row = QHBoxLayout()
        self.copy_button = QPushButton("复制以上信息")
        self.copy_button.setObjectName("about.copy")
        self.copy_button.clicked.connect(self.copy_details)
        self.copied = QLabel("")
        self.copied.setObjectName("about.copied")
        self.copied.setWordWrap(True)
        copy_row.addWidget(self.copy_button)
        copy_row.addWidget(self.copied, 1)
        layout.addSpacing(8)
        layout.addLayout(copy_row)
        layout.addStretch(1)
        return tab

    def _licence_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        third_party = QLabel(THIRD_PARTY_LINE)
        third_party.setWordWrap(True)
        third_party.setObjectName("hint")
        layout.addWidget(third_party)
        self.licences = QPlainTextEdit()
        self.licences.setObjectName("about.licences")
        self.licences.setReadOnly(True)
        self.licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        layout.addWidget(self.licences, 1)
        return tab

    def copy_details(self) -> None:
        """Put the details on the clipboard and say so."""
        QGuiApplication.clipboard().setText(support_text(self.details))
        self.copied.setText(COPIED_MESSAGE)

    def _tab_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.licence_tab and not self.licences.toPlainText():
            self.licences.setPlainText(_licence_text())


def _licence_text() -> str:
    try:
        return installed_notices()
    except (OSError, UnicodeDecodeError) as error:
        # A built program whose LICENSE.txt or THIRD-PARTY-NOTICES.txt went missing.
        name = getattr(error, "filename", None) or ""
        return f"找不到许可证文件{f'（{name}）' if name else ''}：程序文件不完整，请重新安装 zjdesk。"
