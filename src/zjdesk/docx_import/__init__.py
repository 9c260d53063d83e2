"""Importing last year's Word report (.docx) into a year.

:func:`import_docx` checks the archive (size, zip bomb, damage, DTDs: :mod:`.safety`) before any
XML parser runs, reads the body as plain lines (:mod:`.lines`), cuts them into sections by their
headings (:mod:`.headings`) and lets one parser per section fill the year (:mod:`.cover`,
:mod:`.profile`, :mod:`.tasks`, :mod:`.figures`, :mod:`.team`, :mod:`.evaluation`); the score
sheet's table, read by its header names, gives the indicator set and its scores (:mod:`.score_sheet`), and the goal
table the goals' indicator rows (:mod:`.goal_tables`). Text no parser
can place is kept in ``year.unplaced`` (未识别内容); every imported field's path is listed in
``year.review`` (待复核). Every failure is a :class:`DocxImportError` with a Chinese message.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from zjdesk.docx_import.errors import DamagedDocxError, DocxImportError, NotAReportError, UnsafeDocxError
from zjdesk.docx_import.goal_tables import find_goal_tables, is_goal_table_caption, merge_goal_tables
from zjdesk.docx_import.lines import document_lines, open_document
from zjdesk.docx_import.reader import read_lines
from zjdesk.docx_import.result import Collector, ImportResult, imported_paths
from zjdesk.docx_import.safety import check_archive, read_file
from zjdesk.docx_import.score_sheet import parse_score_sheet
from zjdesk.domain.limits import number_problems
from zjdesk.domain.model import DEFAULT_OPENING_TEXT
from zjdesk.domain.paths import get_value, set_value

__all__ = [
    "DamagedDocxError",
    "DocxImportError",
    "ImportResult",
    "NotAReportError",
    "UnsafeDocxError",
    "import_docx",
    "import_docx_bytes",
]


def import_docx(path: str | os.PathLike[str], *, evaluation_year: int = 0) -> ImportResult:
    """Read the report at ``path`` into a new year; the file is only read, nothing is written.

    ``evaluation_year`` is the year the officer says the report is of, for a report that does not
    state it: the figures' years (上年, 2023年…) are read against it.
    """
    return import_docx_bytes(read_file(path), Path(path).name, evaluation_year=evaluation_year)


def import_docx_bytes(data: bytes, name: str = "该文件", *, evaluation_year: int = 0) -> ImportResult:
    """Read a report given as the bytes of a .docx file (``name`` is used in messages)."""
    check_archive(data, name)
    document = open_document(data, name)
    try:
        goal_tables = find_goal_tables(document)
        lines = document_lines(document, skip=goal_tables.tables, rows=goal_tables.unread, is_caption=is_goal_table_caption)
    except Exception as error:  # hostile or damaged XML can break python-docx anywhere while reading
        raise DamagedDocxError(f"“{name}”的正文无法读取（文件已损坏）：请在 Word/WPS 中打开并另存为 .docx 后再导入。") from error
    out = read_lines(lines, name, evaluation_year, goal_table_read=bool(goal_tables.read))
    try:
        parse_score_sheet(document, lines, name, out)
    except Exception as error:  # a malformed table must not lose the rest of the report
        out.note(f"评分表：未能读取（{type(error).__name__}），指标体系请另行导入或使用参考指标体系")
    merge_goal_tables(goal_tables, out)
    year = out.year
    _drop_numbers_out_of_range(out)
    year.unplaced = list(out.unplaced)
    year.review = imported_paths(year) + out.reviewed
    if not year.cover.opening_text:
        # The report had no opening paragraph: the usual middle part serves, and is not 待复核.
        year.cover.opening_text = DEFAULT_OPENING_TEXT
    if out.unplaced:
        out.note(f"未识别内容：{len(out.unplaced)}段，请在“未识别内容”中逐段放到合适的位置")
    else:
        out.note("未识别内容：无")
    return ImportResult(year=year, found=out.found, unplaced=list(out.unplaced), year_source=out.year_source)


def _drop_numbers_out_of_range(out: Collector) -> None:
    """Leave out any number beyond the limits every way into a year shares (the officer fills it in).

    The field gets its default (not filled in: ``None``; a weight or the year: zero).
    """
    for path, message in number_problems(out.year):
        parent_path, _, name = path.rpartition(".")
        parent = get_value(out.year, parent_path) if parent_path else out.year
        declared = {item.name: item for item in dataclasses.fields(parent)} if dataclasses.is_dataclass(parent) else {}
        default: object = None
        if name in declared:
            item = declared[name]
            default = item.default if item.default is not dataclasses.MISSING else None
        set_value(out.year, path, default)
        out.note(f"未导入 {path}：{message}")
