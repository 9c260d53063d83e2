"""The goal table to and from .xlsx: a plain sheet, the 一体化 platform's layout, the round trip, bad sheets."""

from __future__ import annotations

import copy
import io
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.model import RegionRules
from zjdesk.domain.serialize import dumps
from zjdesk.store.goal_xlsx import GoalSheetError, goal_table_to_xlsx, import_goal_sheet, read_goal_sheet

BANDS = RegionRules().qualitative_bands
GOALS = [goal.text for goal in demo_year().goals]


def _save(workbook: openpyxl.Workbook, path: Path) -> Path:
    workbook.save(path)
    return path


def plain_sheet(path: Path) -> Path:
    """The columns in the order of the report, one header row, the goal on every row."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(
        [
            "绩效目标",
            "一级指标",
            "二级指标",
            "三级指标",
            "指标性质",
            "指标值",
            "度量单位",
            "实际完成值",
            "分值",
            "偏差原因分析及改进措施",
        ]
    )
    sheet.append([GOALS[3], "产出指标", "质量指标", "物业出租率", "≥", 95, "%", 92, 10, "部分商铺空置"])
    sheet.append([GOALS[3], "产出指标", "成本指标", "物业维修成本", "≤", 30, "万元", 28.5, 5, ""])
    sheet.append(
        [GOALS[1], "效益指标", "社会效益指标", "信访秩序平稳", "定性", "平稳有序", "", "部分达成", 10, "个别时段衔接不畅"]
    )
    return _save(workbook, path)


def platform_sheet(path: Path) -> Path:
    """As the platform exports it: title and unit rows, a header merged over two rows, other names and order,
    goals merged down, signs and units inside the values, full-width digits, a 合计 row and a note."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "部门整体绩效目标表"
    sheet["A1"] = "2024年度部门整体支出绩效自评表"
    sheet.merge_cells("A1:K1")
    sheet["A2"] = "单位名称（盖章）：湛江市人民政府驻广州办事处"
    sheet.merge_cells("A2:K2")
    header = [
        "序号",
        "年度绩效目标",
        "绩效指标",
        None,
        None,
        "指标值（年度目标值）",
        "实际值",
        "权重",
        "得分",
        "偏差原因",
        "计量单位",
    ]
    sheet.append(header)
    sheet.append([None, None, "一级指标", "二级指标", "三级指标", None, None, None, None, None, None])
    for column in ("A", "B", "F", "G", "H", "I", "J", "K"):
        sheet.merge_cells(f"{column}3:{column}4")
    sheet.merge_cells("C3:E3")
    rows = [
        (1, "目标1：" + GOALS[0], "产出指标", "数量指标", "接待团组数", "≥60个", "６４", 10, "=10", ""),
        (2, None, "产出指标", "成本指标", "单位接待成本", "≤300元/人", "330元/人", "１０", None, "下半年团组增多"),
        (3, None, "满意度指标", "服务对象满意度指标", "来访团组满意度", "大于等于90%", "0.95", "5", None, "问卷调查61份"),
        (4, GOALS[3].rstrip("。"), "产出指标", "质量指标", "物业出租率", "不低于95%", "92%", 10, None, "招租延迟"),
        (5, None, "效益指标", "社会效益指标", "信访秩序平稳", "平稳有序", "部分达成预期指标", 10, None, "衔接不畅"),
    ]
    for row in rows:
        sheet.append([*row, None])
    sheet["G7"].number_format = "0%"
    sheet["G7"].value = 0.95
    sheet.merge_cells("B5:B7")
    sheet.merge_cells("B8:B9")
    sheet.merge_cells("C5:C6")
    sheet.append([None, "合计", None, None, None, None, None, 45, None, None, None])
    sheet.append(["注：本表由预算管理一体化系统导出。"])
    return _save(workbook, path)


def test_plain_sheet_attaches_rows_to_the_goals_of_the_same_text(tmp_path: Path):
    year = demo_year()
    summary = import_goal_sheet(plain_sheet(tmp_path / "plain.xlsx"), year)
    assert summary.updated == [3, 1] and summary.added == [] and summary.rows == 3
    rent, cost = year.goals[3].indicators
    assert (rent.level3, rent.nature, rent.target, rent.unit, rent.actual, rent.weight) == (
        "物业出租率",
        "≥",
        "95",
        "%",
        "92",
        10,
    )
    assert (cost.nature, cost.target, cost.unit, cost.actual, cost.weight) == ("≤", "30", "万元", "28.5", 5)
    order = year.goals[1].indicators[0]
    assert (order.nature, order.target, order.actual, order.deviation) == ("定性", "平稳有序", "部分达成", "个别时段衔接不畅")
    assert year.goals[0].indicators == [] and year.goals[2].indicators == []


def test_platform_layout_is_read(tmp_path: Path):
    year = demo_year()
    summary = import_goal_sheet(platform_sheet(tmp_path / "platform.xlsx"), year)
    assert summary.updated == [0, 3] and summary.rows == 5
    visits, cost, satisfaction = year.goals[0].indicators
    assert (visits.level1, visits.level2, visits.level3) == ("产出指标", "数量指标", "接待团组数")
    assert (visits.nature, visits.target, visits.unit, visits.actual, visits.weight) == ("≥", "60", "个", "64", 10)
    # the 一级指标 merged over two rows is carried down
    assert (cost.level1, cost.nature, cost.target, cost.unit, cost.actual, cost.weight) == (
        "产出指标",
        "≤",
        "300",
        "元/人",
        "330",
        10,
    )
    assert (satisfaction.nature, satisfaction.target, satisfaction.unit) == ("≥", "90", "%")
    assert satisfaction.actual == "95"  # a cell holding 0.95 shown as 95%
    rent, order = year.goals[3].indicators
    assert (rent.nature, rent.target, rent.unit, rent.actual) == ("≥", "95", "%", "92")
    assert (order.nature, order.actual) == ("定性", "部分达成")  # the platform's wording of the rating
    assert [goal.text for goal in year.goals] == GOALS  # 目标1： and the missing full stop did not add goals


def test_a_goal_the_year_does_not_have_is_added(tmp_path: Path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["三级指标", "绩效目标", "指标值", "实际完成值", "分值"])  # any column order
    sheet.append(["签约项目数", "目标5：促成合作项目落地。", "≥3个", "4", "5分"])
    path = _save(workbook, tmp_path / "new.xlsx")
    year = demo_year()
    summary = import_goal_sheet(path, year)
    assert summary.added == [4]
    assert year.goals[4].text == "促成合作项目落地。"
    row = year.goals[4].indicators[0]
    assert (row.nature, row.target, row.unit, row.actual, row.weight) == ("≥", "3", "个", "4", Decimal(5))


def test_export_then_import_gives_the_same_year(tmp_path: Path):
    year = example_year()
    year.goals[0].indicators[0].weight = Decimal("2.50")  # exactness survives Excel
    year.goals[2].indicators[0].nature = "="  # stays the sign, not a formula
    year.goals.append(copy.deepcopy(year.goals[0]))
    year.goals[-1].text = "一个没有指标的目标"
    year.goals[-1].indicators = []
    path = tmp_path / "table.xlsx"
    path.write_bytes(goal_table_to_xlsx(year))
    again = copy.deepcopy(year)
    for goal in again.goals:
        goal.indicators = []
    import_goal_sheet(path, again)
    assert dumps(again) == dumps(year)


def test_export_is_a_printable_sheet_with_computed_scores(tmp_path: Path):
    path = tmp_path / "table.xlsx"
    path.write_bytes(goal_table_to_xlsx(example_year()))
    sheet = openpyxl.load_workbook(path).active
    assert sheet["A1"].value == "部门整体支出绩效目标完成情况表"
    assert [cell.value for cell in sheet[3]][:4] == ["绩效目标", "一级指标", "二级指标", "三级指标"]
    assert sheet["J5"].value == pytest.approx(9.68)  # 物业出租率's 得分
    assert "A4:A7" in {str(merged) for merged in sheet.merged_cells.ranges}  # goal 1 over its four rows
    assert sheet.page_setup.orientation == "landscape" and sheet.print_title_rows == "$3:$3"


# -- bad sheets: a message naming the cell, and nothing changed --------------------------------------


def _refused(path: Path, *words: str) -> str:
    year = demo_year()
    before = dumps(year)
    with pytest.raises(GoalSheetError) as raised:
        import_goal_sheet(path, year)
    assert dumps(year) == before
    message = str(raised.value)
    assert "\n" not in message
    for word in words:
        assert word in message
    return message


def _sheet_with(tmp_path: Path, row: list[object], name: str = "bad.xlsx") -> Path:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["绩效目标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值"])
    sheet.append(row)
    return _save(workbook, tmp_path / name)


def test_not_a_workbook(tmp_path: Path):
    text = tmp_path / "table.xlsx"
    text.write_text("绩效目标,三级指标\n", encoding="utf-8")
    _refused(text, "不是可以读取的 .xlsx 文件")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    _refused(folder, "文件夹")
    _refused(tmp_path / "missing.xlsx", "找不到文件")
    docx = tmp_path / "report.xlsx"
    with zipfile.ZipFile(docx, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    _refused(docx, "是 Word 文档，不是 Excel 工作簿")


def test_damaged_workbook(tmp_path: Path):
    good = plain_sheet(tmp_path / "good.xlsx").read_bytes()
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(good[: len(good) // 2])
    _refused(damaged, "damaged.xlsx")
    # a package whose sheet is not XML
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, b"<worksheet><sheetData><row" if item.filename.endswith("sheet1.xml") else data)
    _refused(broken, "已损坏")


def test_zip_bomb(tmp_path: Path):
    good = plain_sheet(tmp_path / "good.xlsx").read_bytes()
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        target.writestr("xl/media/padding.bin", b"\0" * (60 * 1024 * 1024))  # 60 MB of zeros, a few kB packed
    assert bomb.stat().st_size < 1024 * 1024
    _refused(bomb, "压缩炸弹")


@pytest.mark.parametrize(("rows", "words"), [(5_000, "超过 2000 行"), (100_000, "过大")])
def test_thousands_of_rows(tmp_path: Path, rows: int, words: str):
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["绩效目标", "三级指标", "指标值", "实际完成值", "分值"])
    for number in range(rows):
        sheet.append([GOALS[0], f"指标{number}", 10, 9, 1])
    path = tmp_path / "huge.xlsx"
    workbook.save(path)
    _refused(path, words)  # the rows beyond the table's limit; a sheet part of 100 000 rows before it is parsed


def test_formulas_are_named_by_cell(tmp_path: Path):
    path = _sheet_with(tmp_path, [GOALS[0], "接待团组数", "≥", 60, "个", "=SUM(60,4)", 10])
    _refused(path, "第 2 行 F 列（实际完成值）", "公式", "粘贴为数值")


@pytest.mark.parametrize(
    ("weight", "words"),
    [(-5, "“-5”不是有效的分值"), ("十分", "“十分”不是数字"), (0, "不是有效的分值")],
)
def test_bad_weights_are_named_by_cell(tmp_path: Path, weight, words):
    path = _sheet_with(tmp_path, [GOALS[0], "接待团组数", "≥", 60, "个", 64, weight])
    _refused(path, "第 2 行 G 列（分值）", words)


@pytest.mark.parametrize(
    ("row", "cell", "words"),
    [
        ([GOALS[0], "接待团组数", "≥", "六十", "个", 64, 10], "第 2 行 D 列（指标值）", "“六十”不是数字"),
        ([GOALS[0], "接待团组数", "≥", 60, "个", "六十四", 10], "第 2 行 F 列（实际完成值）", "“六十四”不是数字"),
        ([GOALS[0], "接待团组数", "大约", 60, "个", 64, 10], "第 2 行 C 列（指标性质）", "不是指标性质"),
        ([GOALS[0], "接待团组数", "≥", "≤60", "个", 64, 10], "第 2 行 D 列（指标值）", "不一致"),
        ([GOALS[0], "接待成本", "≤", "300元", "元/人", 330, 10], "第 2 行 D 列（指标值）", "单位“元”与度量单位“元/人”不一致"),
        ([None, "接待团组数", "≥", 60, "个", 64, 10], "第 2 行 A 列（绩效目标）", "缺少绩效目标"),
        ([GOALS[0], None, "≥", 60, "个", 64, 10], "第 2 行 B 列（三级指标）", "缺少指标名称"),
    ],
)
def test_text_where_numbers_belong_and_other_slips_are_named_by_cell(tmp_path: Path, row, cell, words):
    _refused(_sheet_with(tmp_path, row), cell, words)


def test_every_problem_of_the_sheet_is_listed_at_once(tmp_path: Path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["绩效目标", "三级指标", "指标值", "实际完成值", "分值"])
    sheet.append([GOALS[0], "甲", "十", 1, 1])
    sheet.append([None, "乙", 10, 1, "-1"])
    with pytest.raises(GoalSheetError) as raised:
        read_goal_sheet(_save(workbook, tmp_path / "two.xlsx"), BANDS)
    assert len(raised.value.problems) == 2
    assert "有 2 处无法导入，年度文件未作任何修改" in str(raised.value)


def test_a_sheet_without_the_header(tmp_path: Path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["项目", "金额"])
    _refused(_save(workbook, tmp_path / "other.xlsx"), "找不到绩效指标表的表头")
    workbook = openpyxl.Workbook()
    workbook.active.append(["三级指标", "指标值"])
    workbook.active.append(["甲", 1])
    _refused(_save(workbook, tmp_path / "nogoal.xlsx"), "没有“绩效目标”列")


def test_export_prints_every_line_and_keeps_numbers_numbers(tmp_path: Path):
    """Rows as tall as their wrapped text (a spreadsheet does not grow them), the goal over its rows,
    a long unit name's caption whole; 指标值 and 实际完成值 typed as plain numbers are numbers."""
    from zjdesk.store.xlsx_layout import row_height, wrapped_lines

    year = example_year()
    year.cover.unit_name = "湛江市某某区农业农村和水务综合行政执法与乡村振兴发展服务中心（湛江市某某区水利工程建设管理所）" * 2
    year.goals[2].text = "配合做好信访劝返工作，维护良好秩序。" * 6  # longer than its two rows
    year.goals[0].indicators[0].target = "2.50"  # a number would lose the zero as typed
    path = tmp_path / "table.xlsx"
    path.write_bytes(goal_table_to_xlsx(year))
    sheet = openpyxl.load_workbook(path).active
    widths = [sheet.column_dimensions[openpyxl.utils.get_column_letter(c)].width for c in range(1, 12)]
    assert sheet.row_dimensions[2].height >= row_height(wrapped_lines(str(sheet["A2"].value), sum(widths)))
    assert wrapped_lines(str(sheet["A2"].value), sum(widths)) >= 2
    merged = {merged.min_row: merged.max_row for merged in sheet.merged_cells.ranges if merged.min_col == 1}
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if cell.value is None or (cell.column == 1 and cell.row > 3):
                continue
            assert sheet.row_dimensions[cell.row].height >= row_height(wrapped_lines(str(cell.value), widths[cell.column - 1]))
    for top, bottom in merged.items():
        if top >= 4:
            room = sum(sheet.row_dimensions[row].height for row in range(top, bottom + 1))
            assert room >= row_height(wrapped_lines(str(sheet.cell(top, 1).value), widths[0]))
    assert sheet["F4"].value == "2.50" and sheet["H4"].value == 12500  # 出租物业面积: 2.50 as typed, 12500 a number
    assert sheet["H6"].value == pytest.approx(99.2) and sheet["F5"].value == 95
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    again = copy.deepcopy(year)
    for goal in again.goals:
        goal.indicators = []
    import_goal_sheet(path, again)
    assert dumps(again) == dumps(year)  # the numbers read back as the text they were typed as
