"""Render the outline's sheets (数据表, 评分表) to one .xlsx workbook, one worksheet each, ready to print.

A4 (the score sheet landscape), fitted to the page width, the header row repeated on every
printed page, column widths from the outline, wrapped text, borders and the report's fonts.
Numbers are stored as numbers, so the totals can be checked in Excel or WPS.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from zjdesk.domain.xml_text import xml_safe_copy
from zjdesk.report.outline import DRAFT_MARK, Outline, Row, Table

SHEET_NAMES = {"data_sheet": "数据表", "score_sheet": "评分表", "goal_sheet": "绩效目标完成情况表"}
BODY_FONT = "仿宋_GB2312"
HEADER_FONT = "黑体"
TITLE_FONT = "方正小标宋简体"
MM_PER_CHARACTER_UNIT = 2.0  # an Excel column-width unit is about 2 mm in these fonts
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HORIZONTAL = {"left": "left", "center": "center", "right": "right", "justify": "left"}


def render_xlsx(outline: Outline) -> bytes:
    """The workbook of the outline's tables as .xlsx bytes."""
    outline = xml_safe_copy(outline)  # pasted control characters would make openpyxl raise
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in outline.tables:
        _sheet(workbook.create_sheet(SHEET_NAMES.get(table.key, table.title[:31])), table, outline)
    workbook.properties.title = outline.document_title
    workbook.properties.creator = "zjdesk"
    workbook.properties.language = "zh-CN"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def cell_value(text: str) -> str | Decimal:
    """A cell's value: numbers as Decimal (so they stay numbers in Excel), everything else as text."""
    return Decimal(text) if _NUMBER.match(text) else text


def _text_width(text: str) -> float:
    """The width of ``text`` in full-width characters: digits and Latin letters count half."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WF" else 0.5 for char in text)


def _number_format(text: str) -> str:
    return "0." + "0" * len(text.split(".")[1]) if "." in text else "0"


def _sheet(sheet: Worksheet, table: Table, outline: Outline) -> None:
    columns = len(table.columns)
    last = get_column_letter(columns)
    sheet.merge_cells(f"A1:{last}1")
    title = sheet.cell(1, 1, table.title)
    title.font = Font(name=TITLE_FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 32
    sheet.merge_cells(f"A2:{last}2")
    caption = sheet.cell(2, 1, table.caption)
    caption.font = Font(name=BODY_FONT, size=11)
    sheet.row_dimensions[2].height = 20

    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = round(column.width_mm / MM_PER_CHARACTER_UNIT, 1)
        cell = sheet.cell(3, index, column.header)
        cell.font = Font(name=HEADER_FONT, size=11)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        cell.fill = PatternFill("solid", fgColor="F2F2F2")

    first_data_row = 4
    for offset, row in enumerate(table.rows):
        _row(sheet, first_data_row + offset, row, table)
    for merged in table.merge_columns:
        for start, span in table.vertical_spans(merged).items():
            top = first_data_row + start
            sheet.merge_cells(start_row=top, start_column=merged + 1, end_row=top + span - 1, end_column=merged + 1)
    note_row = first_data_row + len(table.rows) + 1
    for note in table.notes:
        sheet.cell(note_row, 1, note).font = Font(name=BODY_FONT, size=10)
        note_row += 1

    sheet.freeze_panes = "A4"
    sheet.print_title_rows = "3:3"
    sheet.print_area = f"A1:{last}{max(note_row - 1, first_data_row + len(table.rows) - 1)}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if table.landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.6
    sheet.page_margins.top = sheet.page_margins.bottom = 0.8
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    sheet.oddFooter.center.font = BODY_FONT
    if outline.draft:
        sheet.oddHeader.right.text = f"{DRAFT_MARK}（未经审定，不得报送）"
        sheet.oddHeader.right.font = f"{HEADER_FONT},Bold"
        sheet.oddHeader.right.color = "C00000"


def _row(sheet: Worksheet, number: int, row: Row, table: Table) -> None:
    columns = len(table.columns)
    if row.kind == "group":
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=columns)
        cell = sheet.cell(number, 1, row.cells[0])
        cell.font = Font(name=HEADER_FONT, size=11)
        cell.alignment = Alignment(horizontal="left", vertical="center")
        for index in range(1, columns + 1):
            sheet.cell(number, index).border = _BORDER
        return
    texts = [row.cells[i] if i < len(row.cells) else "" for i in range(columns)]
    longest = 1
    for index, (text, column) in enumerate(zip(texts, table.columns, strict=True), start=1):
        cell = sheet.cell(number, index, cell_value(text) if text else None)
        if cell.data_type == "f":  # text such as "=100%得满分" is text, not an Excel formula
            cell.data_type = "s"
        if isinstance(cell.value, Decimal):
            cell.number_format = _number_format(text)
        bold = row.kind == "total"
        cell.font = Font(name=HEADER_FONT if bold and index == 1 else BODY_FONT, size=11, bold=bold and index > 1)
        cell.alignment = Alignment(horizontal=_HORIZONTAL[column.align], vertical="center", wrap_text=True)
        cell.border = _BORDER
        # Excel does not grow wrapped rows on its own when the file is written by a program.
        per_line = max(1.0, column.width_mm / 4.2 - 0.5)
        longest = max(longest, math.ceil(_text_width(text) / int(per_line)))
    if row.kind == "total":
        last = 1
        while last < columns and not texts[last]:
            last += 1
        if last > 1:
            sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=last)
            sheet.cell(number, 1).alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[number].height = max(18, 15 * longest)
