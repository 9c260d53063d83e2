"""Preview, print and export of the report: the controller behind the 预览与导出 step and Ctrl+P.

The report's content comes from :mod:`zjdesk.report` (one outline, several renderers); this
module only asks where to write, refuses a final export while red findings remain (a draft is
always possible, marked 草稿), and keeps the QPrinter alive while a preview dialog uses it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from zjdesk.domain.model import YearData
from zjdesk.ui import dialogs
from zjdesk.ui.document import Document
from zjdesk.ui.score_service import ScoreService

try:
    from zjdesk.report.engine import outline_for
except ImportError:  # pragma: no cover - the report package lands on its own branch
    outline_for = None  # type: ignore[assignment]


class ExportController(QObject):
    """Builds the preview document, prints, and writes .docx / PDF / .xlsx files."""

    exported = Signal(str)  # path written

    def __init__(self, parent: QWidget, document: Document, scores: ScoreService) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.scores = scores
        self.printer: Any = None  # kept referenced while a preview dialog draws on it
        self.preview_dialog: Any = None

    @staticmethod
    def figures_paragraph(year: YearData) -> str:
        """The generated paragraph of （四）部门整体支出情况 as the report will print it."""
        if outline_for is None:
            return ""
        for block in outline_for(year).blocks:
            if getattr(block, "source", "") == "figures":
                return block.text
        return ""

    def red_findings(self) -> list[Any]:
        return [item for item in self.scores.findings if item.severity == "red" and not getattr(item, "acknowledged", False)]

    def suggested_name(self, suffix: str, draft: bool = False) -> str:
        cover = self.document.year.cover
        stem = f"{cover.unit_name or '单位'}{cover.evaluation_year or ''}年度部门整体支出绩效自评报告"
        if draft:
            stem += "（草稿）"
        return str(Path(self.document.path).with_name(stem + suffix))

    def print_report(self) -> None:  # filled in with the report's Qt renderer
        dialogs.show_info(self.parent_widget, "打印", "报告打印功能尚未就绪。")

    def print_preview(self) -> None:
        dialogs.show_info(self.parent_widget, "打印预览", "报告打印功能尚未就绪。")
