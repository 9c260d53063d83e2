"""Preview, print and export of the report: the controller behind the 预览与导出 step and Ctrl+P.

The report's content comes from :mod:`zjdesk.report` (one outline, several renderers); this
module asks where to write, refuses a final export while red findings remain (offering a draft,
marked 草稿 on every page), and keeps the QPrinter referenced while a preview dialog uses it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.report import qt_document
from zjdesk.report.engine import outline_for
from zjdesk.report.export import RedFindingsError, export_year, open_yellow_findings
from zjdesk.report.outline import Outline
from zjdesk.ui import dialogs
from zjdesk.ui.document import Document
from zjdesk.ui.score_service import ScoreService
from zjdesk.ui.step_status import is_todo

FORMATS = {
    "docx": ("导出 Word 报告", ".docx", dialogs.WORD_FILTER),
    "pdf": ("导出 PDF 报告", ".pdf", dialogs.PDF_FILTER),
    "xlsx": ("导出数据表和评分表", "-数据表与评分表.xlsx", dialogs.EXCEL_FILTER),
}


class ExportController(QObject):
    """Builds the preview, prints, and writes .docx / PDF / .xlsx files of the open year."""

    exported = Signal(list)  # the paths written
    finding_chosen = Signal(object)  # a finding the officer clicked in the pre-export list: show its field

    def __init__(self, parent: QWidget, document: Document, scores: ScoreService) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.document = document
        self.scores = scores
        self.printer: QPrinter | None = None  # kept referenced: a preview dialog paints on it later
        if hasattr(parent, "go_to_finding"):
            self.finding_chosen.connect(parent.go_to_finding)

    @staticmethod
    def figures_paragraph(year: YearData) -> str:
        """The generated paragraph of （四）部门整体支出情况 as the report will print it."""
        for block in outline_for(year).blocks:
            if getattr(block, "source", "") == "figures":
                return block.text
        return ""

    # -- what is printed ---------------------------------------------------------------------------

    def red_findings(self) -> list[Any]:
        return [item for item in self.scores.findings if item.severity == "red"]

    def outline(self, *, draft: bool = False) -> Outline:
        """The report outline of the year as it is now."""
        year = self.document.snapshot()
        return outline_for(year, draft=draft)

    def preview(self) -> Any:
        """The laid-out report for the on-screen preview (marked 草稿 while red findings remain)."""
        return qt_document.preview_document(self.outline(draft=bool(self.red_findings())))

    def _draft_allowed(self, action: str) -> bool | None:
        """None: cancelled; False: final; True: draft (red findings remain and the officer agreed)."""
        red = self.red_findings()
        if not red:
            return False
        todo = sum(1 for item in red if is_todo(item))
        parts = []
        if todo:
            parts.append(f"{todo} 项必填内容或评分尚未填写")
        if len(red) > todo:
            parts.append(f"{len(red) - todo} 项必须修改的问题")
        question = (
            f"还有{'、'.join(parts)}（见“检查结果”），正式文件要等这些都处理后才能{action}。\n\n"
            f"现在{action}草稿吗？草稿每页都标注“草稿”，不能报送。"
        )
        return True if dialogs.ask_yes_no(self.parent_widget, f"{action}草稿", question) else None

    def _yellow_confirmed(self, action: str) -> bool:
        """Before a final print or export: the officer sees the open yellow findings and goes on, or goes to one."""
        findings = open_yellow_findings(self.scores.findings)
        if not findings:
            return True
        answer = dialogs.ask_export_despite_findings(self.parent_widget, action, findings)
        if answer is True:
            return True
        if answer is not None:
            self.finding_chosen.emit(answer)
        return False

    # -- printing ----------------------------------------------------------------------------------

    def _new_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_stem())
        self.printer = printer
        return printer

    def print_report(self) -> bool:
        """Ctrl+P: ask the printer, then print the report (a draft while red findings remain)."""
        draft = self._draft_allowed("打印")
        if draft is None or (not draft and not self._yellow_confirmed("打印")):
            return False
        printer = self._new_printer()
        if not dialogs.ask_print(self.parent_widget, printer):
            return False
        return self._print(printer, draft)

    def print_preview(self) -> None:
        """Qt's print preview of the report, from which the officer can also print."""
        draft = bool(self.red_findings())
        printer = self._new_printer()
        outline = self.outline(draft=draft)
        dialogs.show_print_preview(self.parent_widget, printer, lambda target: qt_document.print_outline(outline, target))

    def print_to_pdf(self, path: str | Path, *, draft: bool = False) -> None:
        """Print through the same path as paper printing, into a PDF file (for checking and scripts)."""
        printer = self._new_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        self._print(printer, draft)

    def _print(self, printer: QPrinter, draft: bool) -> bool:
        try:
            qt_document.print_outline(self.outline(draft=draft), printer)
        except (RuntimeError, UserError) as error:
            dialogs.show_error(self.parent_widget, "打印失败", f"无法打印（{error}）：请检查打印机是否已连接并处于就绪状态。")
            return False
        return True

    # -- exporting ---------------------------------------------------------------------------------

    def suggested_stem(self, draft: bool = False) -> str:
        cover = self.document.year.cover
        stem = f"{cover.unit_name or '单位'}{cover.evaluation_year or ''}年度部门整体支出绩效自评报告"
        return stem + ("（草稿）" if draft else "")

    def export_all(self) -> list[Path]:
        """The three things submitted together — report (.docx and PDF), data sheet and score sheet — into one folder."""
        wants_draft = self._draft_allowed("导出")
        if wants_draft is None or (not wants_draft and not self._yellow_confirmed("导出")):
            return []
        folder = dialogs.ask_folder(self.parent_widget, "导出到文件夹", str(Path(self.document.path).parent))
        if not folder:
            return []
        stem = Path(folder) / self.suggested_stem(wants_draft)
        targets = {kind: str(stem) + suffix for kind, (_title, suffix, _filter) in FORMATS.items()}
        existing = [Path(path).name for path in targets.values() if Path(path).exists()]
        if existing and not dialogs.ask_yes_no(
            self.parent_widget, "覆盖文件", "文件夹中已有：\n" + "\n".join(existing) + "\n\n要用新导出的文件替换它们吗？"
        ):
            return []
        return self._write(targets, wants_draft)

    def _write(self, targets: dict[str, str], draft: bool) -> list[Path]:
        try:
            written = export_year(self.document.snapshot(), draft=draft, **targets)
        except RedFindingsError as error:  # the year changed since the question: say so plainly
            dialogs.show_error(self.parent_widget, "不能导出正式文件", str(error))
            return []
        except UserError as error:
            dialogs.show_error(self.parent_widget, "导出失败", str(error))
            return []
        self.exported.emit([str(path) for path in written])
        return written

    def export(self, kind: str, *, draft: bool = False) -> list[Path]:
        """Ask where, then write one format (``docx``, ``pdf``, ``xlsx``); returns the paths written."""
        title, suffix, file_filter = FORMATS[kind]
        if not draft:
            wants_draft = self._draft_allowed("导出")
            if wants_draft is None or (not wants_draft and not self._yellow_confirmed("导出")):
                return []
            draft = wants_draft
        suggested = str(Path(self.document.path).with_name(self.suggested_stem(draft) + suffix))
        target = dialogs.ask_export_path(self.parent_widget, title + ("（草稿）" if draft else ""), suggested, file_filter)
        if not target:
            return []
        return self._write({kind: target}, draft)
