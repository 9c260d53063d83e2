"""Step 9 预览与导出: the report as it will print, print preview, print, export .docx / PDF / .xlsx, draft."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTextBrowser, QWidget

from zjdesk.ui.document import Document
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.widgets.form import Card


class ExportPage(StepPage):
    title = "预览与导出"
    intro = "核对报告全文，然后打印或导出。仍有红色问题时只能导出草稿（页眉标注“草稿”）。"

    def __init__(self, document: Document, controller, parent: QWidget | None = None) -> None:
        self.controller = controller
        super().__init__(document, parent)

    def build(self) -> None:
        actions = Card("打印与导出")
        row = QHBoxLayout()
        for name, text, handler in (
            ("export.preview", "打印预览…", self.controller.print_preview),
            ("export.print", "打印…", self.controller.print_report),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(handler)
            row.addWidget(button)
        row.addStretch(1)
        holder = QWidget()
        holder.setLayout(row)
        actions.add(holder)
        self.status = QLabel("")
        self.status.setObjectName("hint")
        actions.add(self.status)
        self.column.addWidget(actions)
        preview = Card("报告预览")
        self.preview = QTextBrowser()
        self.preview.setObjectName("reportPreview")
        self.preview.setMinimumHeight(560)
        preview.add(self.preview)
        self.column.addWidget(preview)
