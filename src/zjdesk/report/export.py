"""Export a year: the report (.docx, PDF) and the sheets (.xlsx), shared by the CLI and the desktop program.

Everything is rendered in memory first, then each output goes to a temporary file in its target
folder and is moved into place, so a failed export never leaves a half-written file. While the
year has red findings the final export is refused; a draft export goes ahead and marks every
page 草稿.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from zjdesk.domain.checks import Finding, run_checks
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.domain.scoring import YearScore, score_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.outline import Outline
from zjdesk.report.xlsx_writer import render_xlsx

MAX_LISTED = 20

PathLike = str | os.PathLike[str]


class ExportTargetError(UserError):
    """An output file cannot be written (missing folder, read-only, open in another program)."""


class NothingToExportError(UserError):
    """No output was asked for."""


class RedFindingsError(UserError):
    """The final export is refused while red findings remain; ``findings`` lists them."""

    exit_status = 1

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        listed = "；".join(f"{index}. {finding.message}（{finding.path}）" for index, finding in
                          enumerate(findings[:MAX_LISTED], start=1))
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
    return [finding for finding in run_checks(year, score) if finding.severity == "red"]


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
    :class:`ExportTargetError` when a target cannot be written; nothing is written in either case.
    """
    outputs = [_Output(Path(path), kind) for path, kind in ((docx, "docx"), (pdf, "pdf"), (xlsx, "xlsx")) if path]
    if not outputs:
        raise NothingToExportError("没有指定要导出的文件：请至少给出 --docx、--pdf 或 --xlsx 之一。")
    for output in outputs:
        _check_target(output.path)
    score = score_year(year)
    if not draft:
        blocking = red_findings(year, score)
        if blocking:
            raise RedFindingsError(blocking)
    outline = outline_for(year, draft=draft, score=score)
    contents = [(output.path, render(outline, output.kind)) for output in outputs]
    _write_all(contents)
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


def _check_target(path: Path) -> None:
    """Refuse, before any work, a target whose folder is missing or which cannot be replaced."""
    folder = path.parent
    if not folder.is_dir():
        raise ExportTargetError(f"文件夹“{folder}”不存在：请先建立该文件夹，或选择其他保存位置。")
    if path.is_dir():
        raise ExportTargetError(f"“{path}”是一个文件夹：请给出要保存的文件名，例如 {path / '自评报告.docx'}。")
    if path.exists() and (not os.access(path, os.W_OK) or not path.stat().st_mode & stat.S_IWUSR):
        raise ExportTargetError(f"文件“{path.name}”是只读的，不能覆盖：请取消只读属性，或另存为其他文件名。")
    if not os.access(folder, os.W_OK):
        raise ExportTargetError(f"没有在文件夹“{folder}”中写入的权限：请选择其他保存位置。")


def _write_all(contents: list[tuple[Path, bytes]]) -> None:
    """Stage every output as a temporary file beside its target, then move them all into place."""
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in contents:
            staged.append((_stage(path, data), path))
        while staged:
            temporary, path = staged[0]
            try:
                os.replace(temporary, path)
            except OSError as error:
                raise ExportTargetError(
                    f"无法写入“{path.name}”（{error.strerror}）：如果该文件正在 Word、WPS、Excel 或其他程序中打开，"
                    "请先关闭它再导出。"
                ) from error
            staged.pop(0)
    finally:
        for temporary, _ in staged:
            temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _stage(path: Path, data: bytes) -> Path:
    try:
        descriptor, name = tempfile.mkstemp(prefix=".zjdesk-", suffix=path.suffix + ".tmp", dir=path.parent)
    except OSError as error:
        raise ExportTargetError(f"无法在“{path.parent}”中写入（{error.strerror}）：请选择可以写入的文件夹。") from error
    temporary = Path(name)
    try:
        # mkstemp creates 0600; give the file the mode a normal save would (or the one it replaces).
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask())
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise ExportTargetError(f"写入“{path.name}”失败（{error.strerror}）：请检查磁盘空间后重试。") from error
    return temporary
