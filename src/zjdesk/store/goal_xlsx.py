"""The goal table to and from .xlsx, as the 一体化 system and units' own sheets lay it out.

Export writes one sheet: a title, the unit and year, the header 绩效目标 / 一级指标 / 二级指标 /
三级指标 / 指标性质 / 指标值 / 度量单位 / 实际完成值 / 分值 / 得分 / 偏差原因分析及改进措施, and one
row per indicator with the goal merged down over its rows. Import reads that sheet back, and the
sheets units download from the platform, with :mod:`zjdesk.domain.goal_rows` (which reads the
same table in a Word report): the header anywhere in the first rows, merged over two rows, its
columns in any order and under other names, the sign and unit inside the value. Anything it cannot
read is named by row and column, and nothing is imported then.

Every workbook is opened through :func:`open_workbook`, which applies the limits on size and
content; a stricter reader can wrap or replace that one function.
"""

from __future__ import annotations

import io
import os
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from zjdesk.domain.goal_rows import COLUMN_NAMES, GoalSheetError, SheetCell, find_header, no_header_message, read_goal_rows
from zjdesk.domain.goal_scoring import score_goals
from zjdesk.domain.goal_table import GoalImportSummary, ImportedGoal, merge_goal_table
from zjdesk.domain.goal_values import number_text
from zjdesk.domain.model import GoalIndicator, QualitativeBand, YearData
from zjdesk.domain.report_words import GOAL_SHEET_TITLE, GOAL_TABLE_COLUMNS
from zjdesk.domain.xml_text import xml_safe
from zjdesk.store.xlsx_input import open_workbook as open_xlsx
from zjdesk.store.xlsx_layout import PAGE_FOOTER, row_height, wrapped_lines

__all__ = ["GoalSheetError", "goal_table_to_xlsx", "import_goal_sheet", "open_workbook", "read_goal_sheet"]

SHEET_TITLE = "绩效目标表"
MAX_COLUMNS = 40
COLUMN_WIDTHS = (30, 12, 14, 24, 9, 12, 10, 12, 8, 8, 40)


# -- opening -----------------------------------------------------------------------------------


def open_workbook(path: str | os.PathLike[str]) -> Any:
    """Open an .xlsx for reading: checked as every imported sheet is (size, zip bomb, damage, DTD;
    :mod:`zjdesk.store.xlsx_input`), read-only (rows stream), formulas as written."""
    return open_xlsx(path, GoalSheetError, data_only=False)


# -- reading (the rows are read by zjdesk.domain.goal_rows) ------------------------------------


def _sheet_cell(cell: Any) -> SheetCell:
    value = getattr(cell, "value", None)
    number_format = getattr(cell, "number_format", "") or ""
    return SheetCell(value, getattr(cell, "data_type", "") == "f", isinstance(value, (int, float)) and "%" in number_format)


def _place(row_number: int, index: int, key: str) -> str:
    return f"第 {row_number} 行 {get_column_letter(index + 1)} 列（{COLUMN_NAMES.get(key, key)}）"


def read_goal_sheet(path: str | os.PathLike[str], bands: list[QualitativeBand]) -> list[ImportedGoal]:
    """The goals and indicator rows of a sheet, or :class:`GoalSheetError` naming each cell it cannot read."""
    source = Path(path)
    workbook = open_workbook(source)
    try:
        return _read_workbook(workbook, source.name, bands)
    except GoalSheetError:
        raise
    except Exception as error:  # the rows stream from the package: damage can surface while reading
        raise GoalSheetError(f"“{source.name}”已损坏，读取到一半出错：请重新导出或另存为 .xlsx 后再导入。") from error
    finally:
        workbook.close()


def _sheets_in_order(workbook: Any) -> list[Any]:
    sheets = list(workbook.worksheets)
    return sorted(sheets, key=lambda sheet: sheet.title != SHEET_TITLE)


def _read_workbook(workbook: Any, name: str, bands: list[QualitativeBand]) -> list[ImportedGoal]:
    for sheet in _sheets_in_order(workbook):
        if not hasattr(sheet, "iter_rows"):
            continue  # a chart sheet
        rows = (tuple(_sheet_cell(cell) for cell in row) for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=False))
        header = find_header(rows)
        if header is not None:
            return read_goal_rows(rows, header[0], header[1], name, bands, _place)
    raise GoalSheetError(no_header_message(name))


def import_goal_sheet(path: str | os.PathLike[str], year: YearData) -> GoalImportSummary:
    """Read the sheet whole, then attach its rows to ``year`` (changed only when the whole sheet reads)."""
    imported = read_goal_sheet(path, year.indicator_set.region_rules.qualitative_bands)
    return merge_goal_table(year, imported)


# -- writing -----------------------------------------------------------------------------------

_PLAIN_NUMBER = re.compile(r"-?\d{1,15}(\.\d{1,6})?")
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _weight_cell(weight: Decimal | None) -> Any:
    """A weight as a number when Excel keeps it exactly as written, else as text (2.50)."""
    if weight is None:
        return None
    return _number_cell(f"{weight:f}")


def _number_cell(text: str) -> Any:
    """A value typed as a plain number (12000, 99.2) as a number, as Excel keeps it; anything else
    (≥95%, 平稳有序, 2.50 whose zero a number would lose) as the text it is."""
    try:
        value = Decimal(text)
    except ArithmeticError:
        return text
    if not value.is_finite() or not _PLAIN_NUMBER.fullmatch(text):
        return text
    as_float = float(value)
    if number_text(Decimal(repr(as_float))) != text:
        return text
    return int(as_float) if as_float.is_integer() and "." not in text else as_float


def goal_table_to_xlsx(year: YearData) -> bytes:
    """The year's goal table as an .xlsx workbook (bytes), ready to edit and import again."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    count = len(GOAL_TABLE_COLUMNS)
    last = get_column_letter(count)
    sheet.append([GOAL_SHEET_TITLE])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([xml_safe(f"单位名称：{year.cover.unit_name}　　评价年度：{year.cover.evaluation_year or ''}年度")])
    sheet.merge_cells(f"A2:{last}2")
    sheet.append([header for _, header in GOAL_TABLE_COLUMNS])
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    scores = {item.path: item.score for item in score_goals(year).rows}
    for g, goal in enumerate(year.goals):
        first = sheet.max_row + 1
        rows: list[GoalIndicator | None] = [*goal.indicators] or [None]  # a goal without rows: one line
        for r, row in enumerate(rows):
            score = scores.get(f"goals.{g}.indicators.{r}")
            values: list[Any] = [goal.text if r == 0 else None]
            if row is not None:
                values += [row.level1, row.level2, row.level3, row.nature, _number_cell(row.target), row.unit]
                values += [_number_cell(row.actual)]
                values += [_weight_cell(row.weight), float(score) if score is not None else None, row.deviation]
            _append_text_row(sheet, values, count)
        if len(rows) > 1:
            sheet.merge_cells(start_row=first, start_column=1, end_row=sheet.max_row, end_column=1)
        _fit_goal(sheet, first, goal.text)
    for index, width in enumerate(COLUMN_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.row_dimensions[2].height = row_height(wrapped_lines(str(sheet["A2"].value), sum(COLUMN_WIDTHS)))
    sheet.row_dimensions[3].height = row_height(
        max(wrapped_lines(header, w) for (_, header), w in zip(GOAL_TABLE_COLUMNS, COLUMN_WIDTHS, strict=True))
    )
    sheet.freeze_panes = "B4"
    sheet.print_title_rows = "3:3"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.oddFooter.center.text = PAGE_FOOTER
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _append_text_row(sheet: Any, values: list[Any], count: int) -> None:
    """A row whose strings stay text (= is the 指标性质 "=", not a formula) and XML-safe, as tall as
    its wrapped text (the goal in the first column is measured over all of its rows, by _fit_goal)."""
    values = values + [None] * (count - len(values))
    sheet.append([xml_safe(value) if isinstance(value, str) else value for value in values])
    lines = 1
    for index, cell in enumerate(sheet[sheet.max_row]):
        if cell.data_type == "f":
            cell.data_type = "s"
        cell.border = _BORDER
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        if index > 0 and cell.value is not None:
            lines = max(lines, wrapped_lines(str(cell.value), COLUMN_WIDTHS[index]))
    sheet.row_dimensions[sheet.max_row].height = row_height(lines)


def _fit_goal(sheet: Any, first: int, text: str) -> None:
    """Make a goal's last row taller when the goal's text needs more room than its rows have."""
    rows = range(first, sheet.max_row + 1)
    room = sum(sheet.row_dimensions[row].height for row in rows)
    needed = row_height(wrapped_lines(xml_safe(text), COLUMN_WIDTHS[0]))
    if needed > room:
        sheet.row_dimensions[sheet.max_row].height += needed - room
