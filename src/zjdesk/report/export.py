"""Export a year: the report (.docx, PDF) and the sheets (.xlsx), shared by the CLI and the desktop program.

Everything is rendered in memory first, then each output goes to a temporary file in its target
folder and is moved into place, so a failed export never leaves a half-written file. While the
year has red findings the final export is refused; a draft export goes ahead and marks every
page 草稿.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from zjdesk.domain.checks import Finding, blocking_findings, run_checks
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.domain.scoring import YearScore, score_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.outline import Outline
from zjdesk.report.xlsx_writer import render_xlsx
from zjdesk.store.output_files import check_target, write_all_atomically

MAX_LISTED = 20

PathLike = str | os.PathLike[str]


class NothingToExportError(UserError):
    """No output was asked for."""


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


def export_year(
    year: YearData,
    *,
    docx: PathLike | None = None,
    pdf: PathLike | None = None,
    xlsx: PathLike | None = None,
    draft: bool = False,
) -> list[Path]:
    """Write the report and sheets of ``year`` to the given paths; returns the paths written, in that order.

    Raises :class:`RedFindingsError` (exit status 1) for a final export while red findings remain,
    :class:`~zjdesk.store.output_files.OutputFileError` when a target cannot be written; nothing is written in either case.
    """
    outputs = [_Output(Path(path), kind) for path, kind in ((docx, "docx"), (pdf, "pdf"), (xlsx, "xlsx")) if path]
    if not outputs:
        raise NothingToExportError("没有指定要导出的文件：请至少给出 --docx、--pdf 或 --xlsx 之一。")
    for output in outputs:
        check_target(output.path)
    score = score_year(year)
    if not draft:
        blocking = red_findings(year, score)
        if blocking:
            raise RedFindingsError(blocking)
    outline = outline_for(year, draft=draft, score=score)
    contents = [(output.path, render(outline, output.kind)) for output in outputs]
    write_all_atomically(contents)
    return [output.path for output in outputs]


def render(outline: Outline, kind: str) -> bytes:
    """The bytes of one output format (``docx``, ``pdf`` or ``xlsx``)."""
    if kind == "docx":
        return render_docx(outline)
    if kind == "xlsx":
        return render_xlsx(outline)
    if kind == "pdf":
        from zjdesk.report.qt_document import pdf_bytes  # Qt only when a PDF is asked for

        return pdf_bytes(outline)
    raise ValueError(kind)
