"""The start page: new year file, new year carried forward, open, recent files, the demo and example years, import."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

import zjdesk
from zjdesk.store.file_names import displayable
from zjdesk.ui.screen_fit import fit_to_screen
from zjdesk.ui.style import own_style

ACTIONS = (
    ("start.new", "新建年度文件", "从空白开始填写一个评价年度", "new_year_file"),
    (
        "start.carry",
        "结转新年度",
        "由上年的年度文件生成下一年度，沿用的内容标记“待复核”",
        "carry_forward_file",
    ),
    ("start.import", "从往年报告导入", "读取往年的 Word 报告（.docx），生成年度文件后逐项核对", "import_report"),
    ("start.open", "打开年度文件", "继续编辑已有的 .zjd 年度文件", "open_file"),
    ("start.demo", "打开演示年度", "驻广州办事处2024年度报告", "open_demo"),
    ("start.example", "打开示例年度", "虚构单位，含完整指标表", "open_example"),
)
# Said in full when the pointer rests on the button (the side-by-side buttons have room for one line).
TOOLTIPS = {
    "start.demo": "2024年度 湛江市人民政府驻广州办事处：按已公开的自评报告录入，绩效目标未细化为指标",
    "start.example": "虚构的示例单位：每个绩效目标都有完整的指标表，演示逐项计分、偏差原因和检查",
}
# Shown side by side on one row: the two years to look at before starting one's own.
SIDE_BY_SIDE = ("start.demo", "start.example")


class StartPage(QWidget):
    """The first window without a file: what would you like to do?"""

    def __init__(self, program: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.program = program
        self.setObjectName("startPage")
        own_style(self)
        self.setWindowTitle("zjdesk 部门整体支出绩效自评")
        # The content scrolls when the screen is shorter than it (1366×768 at 150 %: 464 logical pixels).
        frame = QVBoxLayout(self)
        frame.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("startScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        content = QWidget()
        content.setObjectName("startContent")
        scroll.setWidget(content)
        frame.addWidget(scroll)
        outer = QVBoxLayout(content)
        # Compact enough for 1280×720, and 1366×768 at 125% (about 1093×554 inside the window).
        outer.setContentsMargins(44, 24, 44, 18)
        outer.setSpacing(14)
        title = QLabel("部门整体支出绩效自评报告")
        title.setObjectName("startTitle")
        subtitle = QLabel("按步骤填写，自动计分、检查数据，生成报告、数据表和评分表，直接打印。每一处修改都会自动保存。")
        subtitle.setObjectName("pageIntro")
        subtitle.setWordWrap(True)
        outer.addWidget(title)
        outer.addWidget(subtitle)

        columns = QHBoxLayout()
        columns.setSpacing(28)
        actions = QVBoxLayout()
        actions.setSpacing(10)
        self.buttons: dict[str, QPushButton] = {}
        pair = QHBoxLayout()
        pair.setSpacing(10)
        for name, caption, description, method in ACTIONS:
            if not hasattr(program, method):
                continue
            button = QPushButton()
            button.setObjectName(name)
            button.setProperty("startAction", True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            label_holder = QVBoxLayout(button)
            label_holder.setContentsMargins(16, 8, 16, 8)
            label_holder.setSpacing(2)
            head = QLabel(caption)
            head.setObjectName("actionTitle")
            body = QLabel(description)
            body.setObjectName("actionText")
            body.setWordWrap(True)
            for label in (head, body):
                label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
                label_holder.addWidget(label)
            button.setMinimumHeight(64)
            # A push button is as tall as one line of text; this one grows to its wrapped description.
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            button.setAccessibleName(caption)
            button.setToolTip(TOOLTIPS.get(name, ""))
            button.clicked.connect(getattr(program, method))
            if name in SIDE_BY_SIDE:
                pair.addWidget(button, 1)
                if pair.count() == 1:
                    actions.addLayout(pair)
            else:
                actions.addWidget(button)
            self.buttons[name] = button
        actions.addStretch(1)
        columns.addLayout(actions, 1)

        recent_frame = QFrame()
        recent_frame.setObjectName("recentFrame")
        recent_layout = QVBoxLayout(recent_frame)
        recent_layout.setContentsMargins(16, 12, 16, 12)
        recent_caption = QLabel("最近打开")
        recent_caption.setObjectName("panelCaption")
        recent_layout.addWidget(recent_caption)
        self.recent = QListWidget()
        self.recent.setObjectName("start.recent")
        self.recent.itemActivated.connect(self._open_recent)
        self.recent.itemDoubleClicked.connect(self._open_recent)
        recent_layout.addWidget(self.recent, 1)
        self.recent_empty = QLabel(
            "还没有打开过年度文件。\n\n第一次使用：点左侧“新建年度文件”从空白开始，"
            "或“从往年报告导入”读取去年的 Word 报告；想先看看效果，可以“打开演示年度”或“打开示例年度”。"
        )
        self.recent_empty.setObjectName("hint")
        self.recent_empty.setWordWrap(True)
        recent_layout.addWidget(self.recent_empty)
        self.recent_spacer = QWidget()  # keeps the empty note at the top of the panel
        recent_layout.addWidget(self.recent_spacer, 1)
        columns.addWidget(recent_frame, 1)
        outer.addLayout(columns, 1)

        footer = QLabel(f"zjdesk {zjdesk.__version__}　·　离线使用，数据只保存在您选择的年度文件中")
        footer.setObjectName("hint")
        outer.addWidget(footer)
        self.refresh_recent()
        fit_to_screen(self, (980, 640))

    def refresh_recent(self) -> None:
        """Show the recent-files list as the program keeps it."""
        self.recent.clear()
        for path in self.program.recent_files():
            item = QListWidgetItem(f"{displayable(Path(path).name)}\n{displayable(str(Path(path).parent))}")
            item.setSizeHint(QSize(0, 52))
            item.setData(Qt.ItemDataRole.UserRole, os.fsencode(path).hex())  # Qt cannot carry undecodable names
            item.setToolTip(displayable(path))
            self.recent.addItem(item)
        self.recent_empty.setVisible(self.recent.count() == 0)
        self.recent_spacer.setVisible(self.recent.count() == 0)
        self.recent.setVisible(self.recent.count() > 0)

    def _open_recent(self, item: QListWidgetItem) -> None:
        self.program.open_path(os.fsdecode(bytes.fromhex(str(item.data(Qt.ItemDataRole.UserRole)))))
