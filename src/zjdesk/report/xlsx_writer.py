"""Render the outline's sheets (数据表, 评分表 …) to one .xlsx workbook, one worksheet each, ready to print.

A4 (the score sheet landscape), fitted to the page width, the header row repeated on every
printed page, column widths from the outline, wrapped text, borders and the report's fonts.
Numbers are numbers (amounts, scores, head counts, rates), an unknown figure is an empty cell, and
a total is a ``SUM`` formula over the column above it with the value the report prints stored as
its result — so Excel and WPS show it at once and a reviewer can check it. Rows are as tall as
their wrapped text needs (Excel and LibreOffice do not grow rows of a file written by a program),
and page breaks keep each merged group (a 一级指标, a goal) on one page, where it prints its label.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from zjdesk.domain.xml_text import xml_safe_copy
from zjdesk.report.docx_package import utc
from zjdesk.report.outline import DRAFT_MARK, ColumnSum, Outline, Row, Table
from zjdesk.report.page_spec import FONTS, TABLE, page_size_mm
from zjdesk.store.xlsx_layout import (
    CELL_FONT_SIZE,
    LINE_HEIGHT,
    PAGE_FOOTER,
    ROW_PADDING,
    number_width_units,
    wrapped_lines,
)

SHEET_NAMES = {"data_sheet": "数据表", "score_sheet": "评分表", "goal_sheet": "绩效目标完成情况表"}
BODY_FONT = FONTS["fangsong"].name
HEADER_FONT = FONTS["heiti"].name
TITLE_FONT = FONTS["xiaobiaosong"].name
NOTE_FONT_SIZE = 10
MM_PER_CHARACTER_UNIT = 2.0  # an Excel column-width unit is about 2 mm in these fonts
_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HORIZONTAL = {"left": "left", "center": "center", "right": "right", "justify": "left"}
FIRST_DATA_ROW = 4
SIDE_MARGIN_INCHES = 0.6
TOP_MARGIN_INCHES = 0.8
# Of a page's printable height, what the pages are planned on: rows are rounded to whole pixels
# when printed, and a page planned a little short never loses a row to the next one.
PAGE_FILL = 0.96


def render_xlsx(outline: Outline, *, when: datetime | None = None) -> bytes:
    """The workbook of the outline's tables as .xlsx bytes."""
    outline = xml_safe_copy(outline)  # pasted control characters would make openpyxl raise
    workbook = Workbook()
    workbook.remove(workbook.active)
    cached: dict[str, dict[str, str]] = {}  # sheet title → {cell: cached value of its formula}
    for table in outline.tables:
        sheet = workbook.create_sheet(SHEET_NAMES.get(table.key, table.title[:31]))
        cached[sheet.title] = _sheet(sheet, table, outline)
    properties = workbook.properties
    properties.title = outline.document_title
    properties.creator = outline.unit_name
    properties.lastModifiedBy = outline.unit_name
    moment = utc(when or datetime.now())
    properties.created = moment
    properties.modified = moment
    properties.language = "zh-CN"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _with_cached_results(buffer.getvalue(), [(sheet.title, cached[sheet.title]) for sheet in workbook.worksheets])


def cell_value(text: str) -> str | Decimal:
    """A cell's value from its text: numbers as Decimal (so they stay numbers in Excel), everything else as text."""
    return Decimal(text) if _NUMBER.match(text) else text


def _number_format(value: Decimal | int, text: str) -> str:
    if isinstance(value, int):
        return "0"
    return "0." + "0" * len(text.split(".")[1]) if "." in text else "0"


def _sheet(sheet: Worksheet, table: Table, outline: Outline) -> dict[str, str]:
    columns = len(table.columns)
    last = get_column_letter(columns)
    sheet.merge_cells(f"A1:{last}1")
    title = sheet.cell(1, 1, table.title)
    title.font = Font(name=TITLE_FONT, size=16, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 32
    sheet.merge_cells(f"A2:{last}2")
    caption = sheet.cell(2, 1, table.caption)
    caption.font = Font(name=BODY_FONT, size=CELL_FONT_SIZE)
    # A long unit name puts 评价年度 on a line of its own, as in the report.
    caption.alignment = Alignment(wrap_text=True, vertical="center")
    widths = _column_widths(table)
    # A long unit name wraps within the sheet's width as well: every line of the caption shows.
    sheet.row_dimensions[2].height = 20 * wrapped_lines(table.caption, sum(widths))
    header_lines = 1
    for index, column in enumerate(table.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = widths[index - 1]
        cell = sheet.cell(3, index, column.header)
        cell.font = Font(name=HEADER_FONT, size=CELL_FONT_SIZE)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BORDER
        cell.fill = PatternFill("solid", fgColor=TABLE.header_shade)
        header_lines = max(header_lines, wrapped_lines(column.header, widths[index - 1]))
    sheet.row_dimensions[3].height = header_lines * LINE_HEIGHT + ROW_PADDING

    data_rows = [FIRST_DATA_ROW + offset for offset, row in enumerate(table.rows) if row.kind == "data"]
    spans = {merged: table.vertical_spans(merged) for merged in table.merge_columns}
    # Cells merged down over several rows: their text is measured against all of those rows together.
    spanned = {
        (start + step, merged) for merged, starts in spans.items() for start, span in starts.items() for step in range(span)
    }
    cached: dict[str, str] = {}
    for offset, row in enumerate(table.rows):
        skipped = frozenset(column for column in table.merge_columns if (offset, column) in spanned)
        cached.update(_row(sheet, FIRST_DATA_ROW + offset, row, table, widths, data_rows, skipped))
    for merged, starts in spans.items():
        for start, span in starts.items():
            _fit_merged_label(sheet, FIRST_DATA_ROW + start, span, wrapped_lines(table.rows[start].cells[merged], widths[merged]))
    page_starts = _page_starts(sheet, table, widths, spans.get(table.merge_columns[0], {}) if table.merge_columns else {})
    for number in page_starts:
        sheet.row_breaks.append(Break(id=number - 1))  # a break after the row above
    # A group longer than a page is cut where a page starts, its label printed again there (as in
    # the report), so no page has rows without their 一级指标 or goal, nor half a label.
    blocks = table.merged_blocks(frozenset(number - FIRST_DATA_ROW for number in page_starts))
    for merged, starts in blocks.items():
        for start, span in starts.items():
            top = FIRST_DATA_ROW + start
            sheet.merge_cells(start_row=top, start_column=merged + 1, end_row=top + span - 1, end_column=merged + 1)
            _fit_merged_label(sheet, top, span, wrapped_lines(table.rows[start].cells[merged], widths[merged]))
    in_blocks = {
        (start + step, merged) for merged, starts in blocks.items() for start, span in starts.items() for step in range(span)
    }
    for offset, merged in sorted(spanned - in_blocks):  # a piece of one row, between two page starts
        _fit_merged_label(sheet, FIRST_DATA_ROW + offset, 1, wrapped_lines(table.rows[offset].cells[merged], widths[merged]))
    note_row = FIRST_DATA_ROW + len(table.rows) + 1
    for note in table.notes:
        # Across the table's width and wrapped, so a long note prints whole inside the print area.
        sheet.merge_cells(start_row=note_row, start_column=1, end_row=note_row, end_column=columns)
        cell = sheet.cell(note_row, 1, note)
        cell.font = Font(name=BODY_FONT, size=NOTE_FONT_SIZE)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        lines = wrapped_lines(note, sum(widths) * CELL_FONT_SIZE / NOTE_FONT_SIZE)
        sheet.row_dimensions[note_row].height = lines * LINE_HEIGHT * NOTE_FONT_SIZE / CELL_FONT_SIZE + ROW_PADDING
        note_row += 1

    sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
    sheet.print_title_rows = "3:3"
    sheet.print_area = f"A1:{last}{max(note_row - 1, FIRST_DATA_ROW + len(table.rows) - 1)}"
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = "landscape" if table.landscape else "portrait"
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = SIDE_MARGIN_INCHES
    sheet.page_margins.top = sheet.page_margins.bottom = TOP_MARGIN_INCHES
    sheet.oddFooter.center.text = PAGE_FOOTER
    sheet.oddFooter.center.font = BODY_FONT
    if outline.draft:
        sheet.oddHeader.right.text = f"{DRAFT_MARK}（未经审定，不得报送）"
        sheet.oddHeader.right.font = f"{HEADER_FONT},Bold"
        sheet.oddHeader.right.color = "C00000"
    return cached


def _column_widths(table: Table) -> list[float]:
    """Each column's width in Excel's unit: the outline's, or wider where a number would not fit.

    A number never wraps: in a column too narrow for it Excel shows ##### instead (123456.78 万元
    in the goal table's 指标值 column of 17 mm).
    """
    widths = [round(column.width_mm / MM_PER_CHARACTER_UNIT, 1) for column in table.columns]
    for row in table.rows:
        if row.kind == "group":
            continue
        for first, span, text in row.placed(len(table.columns)):
            if span == 1 and _NUMBER.match(text):
                widths[first] = max(widths[first], number_width_units(text))
    return widths


def _page_starts(sheet: Worksheet, table: Table, widths: list[float], groups: dict[int, int]) -> list[int]:
    """The sheet rows that begin a printed page, so that no group is cut by a page where it fits on one.

    A merged 一级指标 (or a goal with its indicators) stays on one page, a group title stays with
    the row after it, and 合计, 自评等级 and the sign-off rows stay together: a reader of any page
    sees which group its rows belong to, and a printed total has its table above it. The pages are
    planned on the rows' heights and the page's printable height at the scale that fits the sheet
    to the paper's width; a group longer than a page flows on, row by row.
    """
    width_mm, height_mm = page_size_mm(table.landscape)
    printable_width = (width_mm / 25.4 - 2 * SIDE_MARGIN_INCHES) * 72
    printable_height = (height_mm / 25.4 - 2 * TOP_MARGIN_INCHES) * 72
    sheet_width = sum((width * 7 + 5) * 0.75 for width in widths)  # a width unit is 7 px, plus 5 px per column
    capacity = printable_height * PAGE_FILL / min(1.0, printable_width / sheet_width)

    def height(row: int) -> float:
        return sheet.row_dimensions[row].height or LINE_HEIGHT + ROW_PADDING

    blocks: list[range] = []
    index = 0
    rows = table.rows
    while index < len(rows):
        end = index + groups.get(index, 1)
        if rows[index].kind == "group" and end < len(rows):
            end += groups.get(end, 1)  # a group's title keeps with its first row (and that row's group)
        elif rows[index].kind in ("total", "signoff"):
            end = len(rows)  # 合计 to the last sign-off row
        blocks.append(range(FIRST_DATA_ROW + index, FIRST_DATA_ROW + end))
        index = end
    title = height(FIRST_DATA_ROW - 1)  # the header row, printed again at the top of every page
    used = sum(height(row) for row in range(1, FIRST_DATA_ROW))
    starts: list[int] = []
    for block in blocks:
        block_height = sum(height(row) for row in block)
        if used + block_height > capacity and used > title and block_height <= capacity - title:
            starts.append(block.start)
            used = title
        for row in block:
            if used + height(row) > capacity and used > title:
                starts.append(row)
                used = title
            used += height(row)
    return starts


def _fit_merged_label(sheet: Worksheet, top: int, span: int, lines: int) -> None:
    """Make the last of a merged label's rows taller when the label needs more room than its rows have."""
    rows = range(top, top + span)
    height = sum(sheet.row_dimensions[row].height or LINE_HEIGHT + ROW_PADDING for row in rows)
    needed = lines * LINE_HEIGHT + ROW_PADDING
    if needed > height:
        last = sheet.row_dimensions[top + span - 1]
        last.height = (last.height or LINE_HEIGHT + ROW_PADDING) + needed - height


def _row(
    sheet: Worksheet,
    number: int,
    row: Row,
    table: Table,
    widths: list[float],
    data_rows: list[int],
    merged_down: frozenset[int] = frozenset(),
) -> dict[str, str]:
    """Write one row; returns {cell: cached result} for the totals it holds.

    ``merged_down``: the columns whose cell is merged with the rows below or above (measured apart).
    """
    columns = len(table.columns)
    cached: dict[str, str] = {}
    lines = 1
    bold = row.kind == "total"
    for position, (first, span, text) in enumerate(row.placed(columns)):
        value = row.value(position) if row.kind != "group" else text
        if isinstance(value, str):
            value = cell_value(value)  # a number written as text (a goal's 指标值) is a number in the sheet
        cell = sheet.cell(number, first + 1)
        label = row.kind in ("group", "signoff") or (bold and first == 0)
        font_name = HEADER_FONT if row.kind == "group" or (bold and first == 0) else BODY_FONT
        horizontal = (
            "left" if row.kind in ("group", "signoff") else ("center" if label else _HORIZONTAL[table.columns[first].align])
        )
        cell.style = _cell_style(sheet.parent, font_name, bold and first > 0, horizontal)  # before the number format
        if isinstance(value, ColumnSum):
            letter = get_column_letter(first + 1)
            ranges = _ranges(letter, data_rows)
            total = f"SUM({ranges})"
            cell.value = f"=MIN({total},{value.cap})" if value.cap is not None else f"={total}"
            cell.number_format = _number_format(value.value, text)
            cached[cell.coordinate] = f"{value.value.normalize():f}"
        elif isinstance(value, Decimal | int) and not isinstance(value, bool):
            cell.value = value
            cell.number_format = _number_format(value, text)
        elif value is None or value == "":
            cell.value = None
        else:
            cell.value = str(value)
            cell.data_type = "s"  # text such as "=100%得满分" is text, not an Excel formula
        if span > 1:  # the merged cell's edges take the border of its first cell
            sheet.merge_cells(start_row=number, start_column=first + 1, end_row=number, end_column=first + span)
        if first not in merged_down:
            lines = max(lines, wrapped_lines(text, sum(widths[first : first + span])))
    sheet.row_dimensions[number].height = lines * LINE_HEIGHT + ROW_PADDING
    return cached


def _cell_style(workbook: Workbook, font: str, bold: bool, horizontal: str) -> str:
    """The named cell style (font, border, wrapped alignment) of a table cell, registered once per workbook.

    One named style per kind of cell instead of a font, an alignment and a border set on every cell:
    openpyxl compares each of those with every style the workbook holds.
    """
    name = f"zjdesk {font} {'粗' if bold else ''}{horizontal}"
    if name not in workbook.named_styles:
        style = NamedStyle(name=name)
        style.font = Font(name=font, size=CELL_FONT_SIZE, bold=bold)
        style.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
        style.border = _BORDER
        workbook.add_named_style(style)
    return name


def _ranges(letter: str, rows: list[int]) -> str:
    """``F4:F20`` (or ``F4:F9,F12:F20`` when other rows lie between) for the data rows of a column."""
    if not rows:
        return f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW}"
    spans: list[tuple[int, int]] = []
    for row in rows:
        if spans and spans[-1][1] == row - 1:
            spans[-1] = (spans[-1][0], row)
        else:
            spans.append((row, row))
    return ",".join(f"{letter}{low}:{letter}{high}" for low, high in spans)


def _with_cached_results(data: bytes, sheets: list[tuple[str, dict[str, str]]]) -> bytes:
    """The workbook with each total formula's result stored beside it (openpyxl writes formulas without one)."""
    if not any(cells for _, cells in sheets):
        return data
    source = zipfile.ZipFile(io.BytesIO(data))
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            match = re.fullmatch(r"xl/worksheets/sheet(\d+)\.xml", item.filename)
            if match and int(match.group(1)) <= len(sheets):
                for coordinate, result in sheets[int(match.group(1)) - 1][1].items():
                    pattern = rf'(<c r="{coordinate}"[^>]*>)(<f>[^<]*</f>)(?:<v\s*/>|<v></v>)?'
                    content = re.sub(pattern, rf"\g<1>\g<2><v>{result}</v>", content.decode(), count=1).encode()
            target.writestr(item, content)
    return output.getvalue()
