"""Reading a spreadsheet (.xlsx) an officer imports: the checks every sheet import goes through.

The indicator table (指标体系) and the goal table come from bureaus as Excel workbooks. Before
openpyxl parses anything, the file goes through the same safety layer as a Word report
(:mod:`zjdesk.input_files`: a regular file of modest size, no zip bomb, no damaged part, no DTD),
with limits for sheets. The workbook is then read in openpyxl's streaming (read-only) mode, at most
:data:`MAX_COLUMNS` columns wide, and a sheet that declares or holds more than :data:`MAX_ROWS` rows
is refused: a stray cell on row 1,048,576 must not make zjdesk build a million rows. Anything
openpyxl raises on a damaged file becomes the importer's own Chinese message.
"""

from __future__ import annotations

import dataclasses
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openpyxl

from zjdesk.domain.errors import UserError
from zjdesk.input_files import MB, ArchiveRules, check_archive, read_input

# A bureau's indicator table is tens of KB; formatting and a logo bring it to a few hundred.
XLSX_RULES = ArchiveRules(
    kind="Excel 工作簿",
    repair="请在 Excel 或 WPS 中打开并另存为“Excel 工作簿（.xlsx）”后再导入",
    not_this_kind="不是可以读取的 .xlsx 文件：请在 Excel 或 WPS 中另存为“Excel 工作簿（.xlsx）”后再导入。",
    incomplete="不是可以读取的 .xlsx 文件（它是别的文件打包成的）：请选择 Excel 工作簿（.xlsx）。",
    required_parts=("[Content_Types].xml", "xl/workbook.xml"),
    damaged=UserError,
    unsafe=UserError,
    max_file_bytes=20 * MB,
    max_entries=1000,
    max_total_uncompressed=100 * MB,
    max_xml_part_bytes=10 * MB,
)
MAX_ROWS = 10_000
MAX_COLUMNS = 200


def open_workbook(path: str | os.PathLike[str], error: type[UserError], *, data_only: bool = True) -> Any:
    """The workbook at ``path``, read-only and checked; every refusal is ``error`` with a Chinese message.

    ``data_only`` reads each formula's last computed value; without it, the formulas as written.
    """
    source = Path(path)
    name = source.name or str(source)
    rules = dataclasses.replace(XLSX_RULES, damaged=error, unsafe=error)
    data = read_input(source, "Excel 工作簿", rules.max_file_bytes, error)
    check_archive(data, name, rules)
    try:
        return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception as problem:  # openpyxl raises many kinds (KeyError, ParseError, TypeError…) on damaged parts
        raise error(f"“{name}”不是可以读取的 .xlsx 文件（文件已损坏）：{rules.repair}。") from problem


def sheet_rows(
    sheet: Any, name: str, error: type[UserError], *, min_row: int = 1, max_row: int | None = None
) -> Iterator[tuple[int, tuple[Any, ...]]]:
    """(row number, cell values) of ``sheet`` from ``min_row``, refusing sheets beyond the limits."""
    declared = sheet.max_row or 0
    if declared > MAX_ROWS and max_row is None:
        raise error(_too_many_rows(name, sheet.title, declared))
    last = MAX_ROWS if max_row is None else min(max_row, MAX_ROWS)
    try:
        for number, values in enumerate(sheet.iter_rows(min_row=min_row, max_col=MAX_COLUMNS, values_only=True), start=min_row):
            if number > last:
                if max_row is not None:
                    return
                if any(value not in (None, "") for value in values):
                    raise error(_too_many_rows(name, sheet.title, number))
                continue  # empty rows past the limit: read on (streaming) to see whether content follows
            yield number, values
    except UserError:
        raise
    except Exception as problem:  # a damaged sheet part shows only when it is parsed
        raise error(f"“{name}”的工作表“{sheet.title}”已损坏，无法读取：{XLSX_RULES.repair}。") from problem


def _too_many_rows(name: str, title: str, rows: int) -> str:
    return (
        f"“{name}”的工作表“{title}”有 {rows} 行，超过可导入的 {MAX_ROWS} 行：请删除表格下方多余的内容"
        "（按 Ctrl+End 可找到最后一个单元格）后另存，再导入。"
    )
