"""Step 9 预览与导出: the report as it will print, print preview, print, export .docx / PDF / .xlsx, draft."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zjdesk.ui import dialogs
from zjdesk.ui.pages.base import StepPage, reads_only
from zjdesk.ui.steps import PageContext
from zjdesk.ui.widgets.form import Card

PREVIEW_DPI = 80
PREVIEW_WIDTH = 640  # pixels, at most: the preview narrows with the page column (small screens)
COLUMNS = 2  # buttons per row: two fit the page column of the smallest window


class ExportPage(StepPage):
    intro = (
        "核对报告全文（下方为打印效果），然后打印或导出。报告（.docx / PDF）、数据表和评分表（.xlsx）"
        "由同一份数据生成，彼此一致。仍有红色问题时只能打印或导出草稿，每页标注“草稿”。"
    )

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        self.controller = context.exports
        super().__init__(context, parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(400)
        self._timer.timeout.connect(self.render_preview)
        self._visible = False
        self.open_year.changed.connect(lambda _path: self._timer.start() if self._visible else None)
        self.controller.exported.connect(self._exported)

    def build(self) -> None:
        actions = Card("打印与导出")
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(8)
        buttons = (
            ("export.print", "打印…", "Ctrl+P", self.controller.print_report, True),
            ("export.all", "一次导出全部（Word、PDF、Excel）…", "", self.controller.export_all, True),
            ("export.preview", "打印预览…", "", self.controller.print_preview, False),
            ("export.docx", "导出 Word（.docx）…", "", lambda: self.controller.export("docx"), False),
            ("export.pdf", "导出 PDF…", "", lambda: self.controller.export("pdf"), False),
            ("export.xlsx", "导出数据表、评分表（.xlsx）…", "", lambda: self.controller.export("xlsx"), False),
            ("export.draft", "导出草稿（Word）…", "", lambda: self.controller.export("docx", draft=True), False),
        )
        for index, (name, text, shortcut, handler, primary) in enumerate(buttons):
            button = reads_only(QPushButton(text))
            button.setObjectName(name)
            if shortcut:
                button.setToolTip(f"快捷键 {shortcut}")
            if primary:
                button.setProperty("primary", True)
            button.clicked.connect(handler)
            if name == "export.all":
                button.setToolTip("报告（Word 和 PDF）、数据表和评分表（Excel）一起导出到一个文件夹")
            grid.addWidget(button, index // COLUMNS, index % COLUMNS)
        actions.add(grid_holder)
        self.status = QLabel("")
        self.status.setObjectName("exportStatus")
        self.status.setWordWrap(True)
        actions.add(self.status)
        self.fonts = QLabel("")  # which face stands in for a missing GB face (filled with the first preview)
        self.fonts.setObjectName("exportFonts")
        self.fonts.setWordWrap(True)
        self.fonts.hide()
        actions.add(self.fonts)
        # After an export: where the files went, and a way to see them in Explorer.
        self.exported_row = QWidget()
        exported = QHBoxLayout(self.exported_row)
        exported.setContentsMargins(0, 0, 0, 0)
        self.exported_label = QLabel("")
        self.exported_label.setObjectName("exportedFiles")
        self.exported_label.setWordWrap(True)
        self.exported_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = reads_only(QPushButton("打开所在文件夹"))
        self.open_folder_button.setObjectName("export.openFolder")
        self.open_folder_button.clicked.connect(self.open_export_folder)
        exported.addWidget(self.exported_label, 1)
        exported.addWidget(self.open_folder_button, 0, Qt.AlignmentFlag.AlignTop)
        self.exported_row.hide()
        self.exported_folder = ""
        actions.add(self.exported_row)
        self.column.addWidget(actions)

        preview = Card("报告预览")
        self.pages_holder = QWidget()
        self.pages_holder.setObjectName("previewPages")
        self.pages_layout = QVBoxLayout(self.pages_holder)
        self.pages_layout.setContentsMargins(12, 12, 12, 12)
        self.pages_layout.setSpacing(14)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        preview.add(self.pages_holder)
        self.column.addWidget(preview)
        self.page_labels: list[QLabel] = []

    def entering(self) -> None:
        self._visible = True
        self.render_preview()

    def leaving(self) -> None:
        self._visible = False
        self._timer.stop()

    def render_preview(self) -> None:
        """Lay the report out again and show every page as it will print."""
        red = self.controller.red_findings()
        todo = [item for item in red if item.is_todo]
        if len(todo) < len(red):
            self.status.setText(
                f"⚠ 还有 {len(red) - len(todo)} 项必须修改的问题（红色，见右侧“检查结果”）：现在只能打印或导出草稿。"
            )
            self.status.setStyleSheet("color: #c62828;")
        elif todo:
            self.status.setText(
                f"还有 {len(todo)} 项必填内容或评分尚未填写（见右侧“检查结果”中的“待填写”）："
                "填完之前只能打印或导出草稿（可先看看效果）。"
            )
            self.status.setStyleSheet("color: #1e6fd9;")
        else:
            yellow = self.controller.open_yellow_findings()
            note = f"还有 {len(yellow)} 项黄色问题未核对，导出前会列出供核对。" if yellow else ""
            self.status.setText(f"✓ 没有必须修改的问题，可以打印和导出正式文件。{note}")
            self.status.setStyleSheet("color: #2e7d32;")
        report = self.controller.preview()
        from zjdesk.report.qt_document import font_notice  # loaded with the preview, not at start

        self.fonts.setText(font_notice())
        self.fonts.setVisible(bool(self.fonts.text()))
        while len(self.page_labels) > report.page_count:
            label = self.page_labels.pop()
            label.setParent(None)
            label.deleteLater()
        for index in range(report.page_count):
            if index >= len(self.page_labels):
                label = QLabel()
                label.setObjectName("previewPage")
                self.pages_layout.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
                self.page_labels.append(label)
            width_mm = report.pages[index].size_mm[0]
            width = max(320, min(PREVIEW_WIDTH, self.viewport().width() - 140))
            dpi = min(PREVIEW_DPI, width / (width_mm / 25.4))  # landscape sheets shrink to the same width
            self.page_labels[index].setPixmap(QPixmap.fromImage(report.page_image(index, dpi)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The page images follow the column's width (the window was resized, or moved to another screen).
        if self._visible and abs(event.size().width() - event.oldSize().width()) > 40:
            self._timer.start()
        super().resizeEvent(event)

    def _exported(self, paths: list[str]) -> None:
        if not paths:
            return
        folders = {str(Path(path).parent) for path in paths}
        self.exported_folder = str(Path(paths[0]).parent)
        names = "、".join(f"“{Path(path).name}”" for path in paths)
        where = f"文件夹“{self.exported_folder}”" if len(folders) == 1 else "所选位置"
        self.exported_label.setText(f"✓ 已导出 {len(paths)} 个文件到{where}：{names}")
        self.exported_row.show()

    def open_export_folder(self) -> None:
        """Show the folder of the last export in the file manager."""
        if self.exported_folder:
            dialogs.open_folder(self, self.exported_folder)
