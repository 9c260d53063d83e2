"""Export a year: the report (.docx, PDF) and the sheets (.xlsx), shared by the CLI and the desktop program.

Everything is rendered in memory first, then each output goes to a temporary file in its target
folder and is moved into place, so a failed export never leaves a half-written file. While the
year has red findings the final export is refused; a draft export goes ahead and marks every
page 草稿. The report is laid out once, by the Qt renderer, for the PDF and the .docx alike (the
.docx repeats merged labels on the pages the printout has); every file carries the same export time.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from zjdesk.domain.checks import CHECK_NAMES, Finding, blocking_findings, run_checks
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.domain.scoring import YearScore, score_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.outline import Outline
from zjdesk.report.xlsx_writer import render_xlsx
from zjdesk.store.log_notes import note
from zjdesk.store.output_files import check_targets, write_all_atomically

if TYPE_CHECKING:
    from zjdesk.report.qt_document import ReportDocument

MAX_LISTED = 20

PathLike = str | os.PathLike[str]


class NothingToExportError(UserError):
    """No output was asked for."""


class TargetNameError(UserError):
    """An output named with the suffix of another kind of file (a PDF written as report.docx)."""


# What each kind of output is, and the suffix its file name must have.
KINDS = {"docx": ("报告（Word）", ".docx"), "pdf": ("报告（PDF）", ".pdf"), "xlsx": ("数据表和评分表（Excel）", ".xlsx")}


class RedFindingsError(UserError):
    """The final export is refused while red findings remain; ``findings`` lists them."""

    exit_status = 1

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        listed = "；".join(
            f"{index}. {finding.message}（{finding.path}）" for index, finding in enumerate(findings[:MAX_LISTED], start=1)
        )
        more = f"；另有 {len(findings) - MAX_LISTED} 项" if len(findings) > MAX_LISTED else ""
        super().__init__(
            f"还有 {len(findings)} 项必须修改的问题（红色），不能导出正式文件：{listed}{more}。"
            "请先修改；如只需查看效果，可导出草稿（--draft），每页将标注“草稿”。"
        )


@dataclass(frozen=True)
class _Output:
    path: Path
    kind: str  # docx | pdf | xlsx


def red_findings(year: YearData, score: YearScore | None = None) -> list[Finding]:
    """The findings that block a final export."""
    return blocking_findings(run_checks(year, score))


def open_yellow_findings(findings: list[Finding]) -> list[Finding]:
    """The yellow findings not yet acknowledged: what a final export carries into the official document."""
    return [finding for finding in findings if finding.severity == "yellow" and not finding.acknowledged]


def yellow_warning(findings: list[Finding]) -> str:
    """One Chinese line saying how many yellow findings a final export went out with (empty when none)."""
    count = len(findings)
    if not count:
        return ""
    examples = "、".join(dict.fromkeys(CHECK_NAMES.get(finding.check, finding.check) for finding in findings[:3]))
    return f"注意：还有 {count} 项黄色问题未核对（{examples}等），已照样导出；请用 zjdesk check 查看，核对无误后可在程序中确认。"


def export_year(
    year: YearData,
    *,
    docx: PathLike | None = None,
    pdf: PathLike | None = None,
    xlsx: PathLike | None = None,
    draft: bool = False,
    when: datetime | None = None,
    sources: Iterable[PathLike] = (),
) -> list[Path]:
    """Write the report and sheets of ``year`` to the given paths; returns the paths written, in that order.

    Raises :class:`RedFindingsError` (exit status 1) for a final export while red findings remain,
    :class:`~zjdesk.store.output_files.OutputFileError` when a target cannot be written — a year
    file, one of ``sources`` (the files the year was read from), or the same file given twice;
    nothing is written in any case. The outputs are moved into place all together: if one cannot
    be, none is.
    """
    outputs = [_Output(Path(path), kind) for path, kind in ((docx, "docx"), (pdf, "pdf"), (xlsx, "xlsx")) if path]
    if not outputs:
        raise NothingToExportError("没有指定要导出的文件：请至少给出 --docx、--pdf 或 --xlsx 之一。")
    check_targets([output.path for output in outputs], sources)
    for output in outputs:
        # --pdf 报告.docx would put a PDF over a Word report (perhaps last year's): never guess, say so.
        name, suffix = KINDS[output.kind]
        if output.path.suffix.lower() != suffix:
            raise TargetNameError(f"“{output.path.name}”不是{suffix}文件名：导出的{name}应以 {suffix} 结尾，请换一个文件名。")
    score = score_year(year)
    if not draft:
        blocking = red_findings(year, score)
        if blocking:
            raise RedFindingsError(blocking)
    outline = outline_for(year, draft=draft, score=score)
    moment = (when or datetime.now()).replace(microsecond=0)
    layout = laid_out(outline) if any(output.kind in ("docx", "pdf") for output in outputs) else None
    contents = [(output.path, render(outline, output.kind, layout=layout, when=moment)) for output in outputs]
    write_all_atomically(contents)
    note("zjdesk.report", "exported%s: %s", " (draft)" if draft else "", ", ".join(str(output.path) for output in outputs))
    return [output.path for output in outputs]


def laid_out(outline: Outline) -> ReportDocument:
    """The report laid out in pages by the Qt renderer (the PDF's pages, which the .docx follows)."""
    from zjdesk.report.qt_document import ReportDocument  # Qt only when the report itself is written

    return ReportDocument(outline)


def render(outline: Outline, kind: str, *, layout: ReportDocument | None = None, when: datetime | None = None) -> bytes:
    """The bytes of one output format (``docx``, ``pdf`` or ``xlsx``); ``layout``: the Qt renderer's pages."""
    if kind == "docx":
        return render_docx(outline, plan=(layout or laid_out(outline)).plan, when=when)
    if kind == "xlsx":
        return render_xlsx(outline, when=when)
    if kind == "pdf":
        return (layout or laid_out(outline)).pdf_bytes()
    raise ValueError(kind)
