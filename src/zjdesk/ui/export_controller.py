"""Preview, print and export of the report: the controller behind the 预览与导出 step and Ctrl+P.

The report's content comes from :mod:`zjdesk.report` (one outline, several renderers); this
module asks where to write, refuses a final export while red findings remain (offering a draft,
marked 草稿 on every page), lists the yellow findings not yet checked before a final print or export
(one click goes to a finding's field), and keeps the QPrinter referenced while a preview dialog uses it.

A QPrinter is made only when the officer prints (打印, 打印预览): building one asks the print
system (CUPS on Linux, which may be another machine) for its printers. The on-screen preview draws
page images and PDF files are written by QPdfWriter, neither of which needs a printer.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from zjdesk.domain.checks_base import Finding, blocking_findings
from zjdesk.domain.errors import UserError
from zjdesk.ui import dialogs
from zjdesk.ui.folders import name_part, real_folder
from zjdesk.ui.live_score import LiveScore
from zjdesk.ui.open_year import OpenYear

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from zjdesk.report.outline import Outline
    from zjdesk.report.qt_document import ReportDocument

FORMATS = {
    "docx": ("导出 Word 报告", ".docx", dialogs.WORD_FILTER),
    "pdf": ("导出 PDF 报告", ".pdf", dialogs.PDF_FILTER),
    "xlsx": ("导出数据表和评分表", "-数据表与评分表.xlsx", dialogs.EXCEL_FILTER),
}


class ExportController(QObject):
    """Builds the preview, prints, and writes .docx / PDF / .xlsx files of the open year."""

    exported = Signal(list)  # the paths written
    finding_chosen = Signal(object)  # a finding the officer clicked in the pre-export list: show its field

    def __init__(
        self,
        parent: QWidget,
        open_year: OpenYear,
        live_score: LiveScore,
        default_folder: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.open_year = open_year
        self.live_score = live_score
        self.default_folder = default_folder  # the program's: the last real year file's folder, else Documents
        self.printer: QPrinter | None = None  # kept referenced: a preview dialog paints on it later
        go_to_finding = getattr(parent, "go_to_finding", None)
        if go_to_finding is not None:
            self.finding_chosen.connect(go_to_finding)

    # -- what is printed ---------------------------------------------------------------------------

    def red_findings(self) -> list[Finding]:
        """The findings that block a final export now."""
        self.live_score.start_checks()  # an export asked for before the deferred first check must not skip it
        return blocking_findings(self.live_score.findings)

    def outline(self, *, draft: bool = False) -> Outline:
        """The report outline of the year as it is now."""
        from zjdesk.report.engine import outline_for  # the report modules load at the first preview or export

        return outline_for(self.open_year.snapshot(), draft=draft)

    def preview(self) -> ReportDocument:
        """The laid-out report for the on-screen preview (marked 草稿 while red findings remain)."""
        from zjdesk.report.qt_document import preview_document

        return preview_document(self.outline(draft=bool(self.red_findings())))

    def _draft_allowed(self, action: str) -> bool | None:
        """None: cancelled; False: final; True: draft (red findings remain and the officer agreed)."""
        red = self.red_findings()
        if not red:
            return False
        todo = sum(1 for item in red if item.is_todo)
        parts = []
        if todo:
            parts.append(f"{todo} 项必填内容或评分尚未填写")
        if len(red) > todo:
            parts.append(f"{len(red) - todo} 项必须修改的问题")
        question = (
            f"还有 {'、'.join(parts)}（见“检查结果”），正式文件要等这些都处理后才能{action}。\n\n"
            f"现在{action}草稿吗？草稿每页都标注“草稿”，不能报送。"
        )
        return True if dialogs.ask_yes_no(self.parent_widget, f"{action}草稿", question) else None

    def open_yellow_findings(self) -> list[Finding]:
        """The yellow findings not yet checked: what a final export would carry into the official document."""
        from zjdesk.report.export import open_yellow_findings

        self.live_score.start_checks()
        return open_yellow_findings(self.live_score.findings)

    def _yellow_confirmed(self, action: str) -> bool:
        """Before a final print or export: the officer sees the open yellow findings and goes on, or goes to one."""
        findings = self.open_yellow_findings()
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
        from PySide6.QtPrintSupport import QPrinter  # only now: a printer asks the print system for printers

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
        from zjdesk.report.qt_document import print_outline

        dialogs.show_print_preview(self.parent_widget, printer, lambda target: print_outline(outline, target))

    def _print(self, printer: QPrinter, draft: bool) -> bool:
        from zjdesk.report.qt_document import print_outline

        try:
            print_outline(self.outline(draft=draft), printer)
        except (RuntimeError, UserError) as error:
            dialogs.show_error(self.parent_widget, "打印失败", f"无法打印（{error}）：请检查打印机是否已连接并处于就绪状态。")
            return False
        return True

    # -- exporting ---------------------------------------------------------------------------------

    def suggested_stem(self, draft: bool = False) -> str:
        cover = self.open_year.year.cover
        stem = f"{name_part(cover.unit_name) or '单位'}{cover.evaluation_year or ''}年度部门整体支出绩效自评报告"
        return stem + ("（草稿）" if draft else "")

    def base_folder(self) -> str:
        """Where exports go by default: the year file's folder, or (for the demo) the program's default folder."""
        own = real_folder(Path(self.open_year.path))
        if own:
            return own
        if self.default_folder is not None:
            return self.default_folder()
        from zjdesk.store.folders import documents_dir

        return str(documents_dir())

    def suggested_folder_name(self) -> str:
        """``湛江市某某局2025年度自评报告``: the folder the three files are offered to go into."""
        cover = self.open_year.year.cover
        return f"{name_part(cover.unit_name) or '单位'}{cover.evaluation_year or ''}年度自评报告"

    def _ask_export_folder(self) -> str | None:
        """The folder to export into, the dialog opened on a new folder named after the unit and year.

        The suggested folder is made so the dialog can show it selected, and removed again (rmdir
        removes only an empty folder) when the officer chooses another one or cancels.
        """
        base = Path(self.base_folder())
        suggested = base / self.suggested_folder_name()
        made = False
        if not suggested.exists():
            try:
                suggested.mkdir()
                made = True
            except OSError:
                suggested = base  # a read-only or missing folder: the dialog opens there, the export says why not
        chosen = dialogs.ask_folder(self.parent_widget, "导出到文件夹（报告、数据表和评分表）", str(suggested))
        if made and (not chosen or Path(chosen) != suggested):
            with contextlib.suppress(OSError):
                suggested.rmdir()
        return chosen

    def export_all(self) -> list[Path]:
        """The three things submitted together — report (.docx and PDF), data sheet and score sheet — into one folder."""
        wants_draft = self._draft_allowed("导出")
        if wants_draft is None or (not wants_draft and not self._yellow_confirmed("导出")):
            return []
        folder = self._ask_export_folder()
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
        from zjdesk.report.export import RedFindingsError, export_year

        try:
            written = export_year(
                self.open_year.snapshot(), draft=draft, docx=targets.get("docx"), pdf=targets.get("pdf"), xlsx=targets.get("xlsx")
            )
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
        suggested = str(Path(self.base_folder()) / (self.suggested_stem(draft) + suffix))
        target = dialogs.ask_export_path(self.parent_widget, title + ("（草稿）" if draft else ""), suggested, file_filter)
        if not target:
            return []
        return self._write({kind: target}, draft)
