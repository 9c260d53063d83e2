"""The .xlsx as it prints: every cell's text inside its row, merged labels, the caption and the notes."""

from __future__ import annotations

import io
from itertools import pairwise

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

from zjdesk.demo import example_year
from zjdesk.domain.model import YearData
from zjdesk.report.engine import outline_for
from zjdesk.report.xlsx_writer import render_xlsx
from zjdesk.store.xlsx_layout import LINE_HEIGHT, ROW_PADDING, wrapped_lines


def _workbook(year: YearData) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(outline_for(year))))


def _height(sheet: Worksheet, row: int) -> float:
    return sheet.row_dimensions[row].height or 15.0


def _merged_range(sheet: Worksheet, row: int, column: int) -> tuple[int, int]:
    """The rows the cell at (row, column) covers: itself alone or its merged range."""
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return merged.min_row, merged.max_row
    return row, row


def _needs(lines: int) -> float:
    return lines * LINE_HEIGHT + ROW_PADDING


def _assert_every_cell_fits(sheet: Worksheet) -> None:
    widths = {letter: dimension.width for letter, dimension in sheet.column_dimensions.items()}
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if not isinstance(cell.value, str) or not cell.value or cell.data_type == "f":
                continue
            top, bottom = _merged_range(sheet, cell.row, cell.column)
            columns = [cell.column_letter]
            for merged in sheet.merged_cells.ranges:
                if merged.min_row == cell.row and merged.min_col == cell.column:
                    columns = [openpyxl.utils.get_column_letter(c) for c in range(merged.min_col, merged.max_col + 1)]
            width = sum(widths[letter] for letter in columns)
            room = sum(_height(sheet, number) for number in range(top, bottom + 1))
            scale = (cell.font.sz or 11) / 11  # a note's 10 pt fits more on a line and takes less of one
            needs = wrapped_lines(cell.value, width / scale) * LINE_HEIGHT * scale + ROW_PADDING
            assert room >= needs - 1e-6, (sheet.title, cell.coordinate, cell.value)


def test_a_label_alone_in_a_merged_column_gets_the_height_its_text_needs() -> None:
    """经济效益指标 under 效益指标 is one row of its own: two lines in the 19 mm column, not clipped to one."""
    sheet = _workbook(example_year())["绩效目标完成情况表"]
    row = next(cells[0].row for cells in sheet.iter_rows(min_row=4) if cells[2].value == "经济效益指标")
    assert _merged_range(sheet, row, 3) == (row, row)
    assert _height(sheet, row) >= _needs(2)
    _assert_every_cell_fits(sheet)


def test_a_goal_longer_than_its_rows_makes_the_last_of_them_taller() -> None:
    year = example_year()
    goal = year.goals[0]
    goal.text = "做好物业管理和国有资产出租工作，" * 8
    goal.indicators = goal.indicators[:2]
    sheet = _workbook(year)["绩效目标完成情况表"]
    top, bottom = _merged_range(sheet, 4, 1)
    assert (top, bottom) == (4, 5)
    label_lines = wrapped_lines(str(sheet["A4"].value), sheet.column_dimensions["A"].width)
    assert _height(sheet, 4) + _height(sheet, 5) >= _needs(label_lines)
    assert _height(sheet, 5) > _height(sheet, 4)  # the growth goes to the last row, as Word does
    _assert_every_cell_fits(sheet)


def test_every_cell_of_every_sheet_fits_its_row() -> None:
    for sheet in _workbook(example_year()).worksheets:
        _assert_every_cell_fits(sheet)


def test_a_long_unit_name_that_wraps_within_the_sheet_gets_every_caption_line() -> None:
    year = example_year()
    year.cover.unit_name = "湛江市某某区农业农村和水务综合行政执法与乡村振兴发展服务中心（湛江市某某区水利工程建设管理所）"
    sheet = _workbook(year)["数据表"]
    caption = str(sheet["A2"].value)
    width = sum(sheet.column_dimensions[letter].width for letter in "ABCDE")
    assert wrapped_lines(caption, width) == 3  # the name alone takes more than the portrait sheet's width
    assert _height(sheet, 2) >= 3 * LINE_HEIGHT


def test_a_note_spans_the_table_and_wraps_inside_the_print_area() -> None:
    sheet = _workbook(example_year())["绩效目标完成情况表"]
    row = next(cells[0].row for cells in sheet.iter_rows(min_row=4) if str(cells[0].value or "").startswith("得分计算"))
    assert _merged_columns(sheet, row) == (1, 11)
    assert sheet.cell(row, 1).alignment.wrap_text
    assert _height(sheet, row) >= 2 * LINE_HEIGHT * 10 / 11  # a long note needs more than one line of 10 pt
    area = sheet.print_area.split("$")[-1]
    assert int(area) >= row


def _merged_columns(sheet: Worksheet, row: int) -> tuple[int, int]:
    for merged in sheet.merged_cells.ranges:
        if merged.min_row == row == merged.max_row:
            return merged.min_col, merged.max_col
    return 1, 1


def _pages(sheet: Worksheet) -> list[range]:
    """The table rows of each printed page, by the sheet's page breaks (a break follows row ``id``)."""
    last = max(row for row in range(4, sheet.max_row + 1) if any(cell.value for cell in sheet[row]))
    starts = [4, *(brk.id + 1 for brk in sheet.row_breaks.brk), last + 1]
    return [range(low, high) for low, high in pairwise(starts)]


def _long_goals_year() -> YearData:
    year = example_year()
    for goal in year.goals:
        goal.indicators = [*goal.indicators, *goal.indicators][:5]
    return year


def test_every_printed_page_holds_whole_groups_and_no_more_than_fits() -> None:
    """A 一级指标 or a goal never starts on one page and ends on the next; 合计 to 单位（盖章） print together."""
    for year in (example_year(), _long_goals_year()):
        for sheet in _workbook(year).worksheets:
            landscape = sheet.page_setup.orientation == "landscape"
            margins = sheet.page_margins
            page_height = ((210 if landscape else 297) / 25.4 - margins.top - margins.bottom) * 72
            pages = _pages(sheet)
            assert len(pages) >= 2, sheet.title  # each of these sheets is longer than a page
            for number, rows in enumerate(pages):
                above = range(1, 4) if number == 0 else range(3, 4)  # title and caption once, the header on every page
                assert sum(_height(sheet, row) for row in (*above, *rows)) <= page_height, (sheet.title, number)
            starts = {rows.start for rows in pages}
            for merged in sheet.merged_cells.ranges:
                if merged.min_col == 1 and merged.min_row >= 4 and merged.max_row > merged.min_row:
                    assert not any(merged.min_row < start <= merged.max_row for start in starts), (sheet.title, str(merged))
            labels = {row: str(sheet.cell(row, 1).value or "") for row in range(4, sheet.max_row + 1)}
            for start in starts - {4}:
                assert not labels[start - 1].startswith(("一、", "二、", "三、", "四、", "五、")), labels[start - 1]
            total = next((row for row, label in labels.items() if label == "合计"), None)
            if total is not None:
                end = max(row for row, label in labels.items() if label.startswith(("单位负责人", "合计")))
                assert not any(total < start <= end for start in starts), sheet.title


def test_a_large_amount_shows_whole_instead_of_hashes() -> None:
    """A number cannot wrap: Excel prints ##### in a column narrower than its digits (half an em each)."""
    year = example_year()
    row = year.goals[0].indicators[3]  # 资产出租收入, in 万元
    row.target, row.actual = "123456.78", "120000.50"
    sheet = _workbook(year)["绩效目标完成情况表"]
    for coordinate in ("F7", "H7"):
        cell = sheet[coordinate]
        assert isinstance(cell.value, int | float) and cell.number_format == "0.00"
        inner = (sheet.column_dimensions[cell.column_letter].width * 7 + 5) * 0.75 - 2 * 2.25
        assert inner >= len("123456.78") * 11 / 2, coordinate


def test_a_goal_longer_than_a_page_prints_its_label_again_on_the_next() -> None:
    year = example_year()
    goal = year.goals[0]
    goal.indicators = [*goal.indicators, *goal.indicators, *goal.indicators, *goal.indicators][:14]
    for number, row in enumerate(goal.indicators):
        row.deviation = f"第{number + 1}项：" + "原因分析及改进措施，" * 6
    sheet = _workbook(year)["绩效目标完成情况表"]
    pages = _pages(sheet)
    goal_rows = [row for row in range(4, sheet.max_row + 1) if str(sheet.cell(row, 1).value).endswith(goal.text)]
    cut = [rows.start for rows in pages if rows.start in goal_rows and rows.start != goal_rows[0]]
    assert cut  # the goal does not fit on one page
    for start in cut:
        top, _ = _merged_range(sheet, start, 1)
        assert top == start  # a merged cell of its own, starting on this page, with the goal's text
    _assert_every_cell_fits(sheet)
