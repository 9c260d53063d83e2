"""The 部门整体支出绩效目标完成情况表 in every renderer, the goals paragraph and the 数据表's counts."""

from __future__ import annotations

import io
import re

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.report_words import GOAL_SHEET_TITLE
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.xlsx_writer import render_xlsx

# The PDF test lays the report out with Qt: the program's QApplication must exist first.
pytestmark = pytest.mark.usefixtures("qt_application")


@pytest.fixture(scope="module")
def outline():
    return outline_for(example_year())


def test_the_goal_sheet_follows_the_score_sheet(outline):
    assert [table.key for table in outline.tables] == ["data_sheet", "score_sheet", "goal_sheet"]
    sheet = outline.table("goal_sheet")
    assert sheet.title == GOAL_SHEET_TITLE and sheet.landscape
    assert [column.header for column in sheet.columns] == [
        "绩效目标",
        "一级指标",
        "二级指标",
        "三级指标",
        "指标性质",
        "指标值",
        "度量单位",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ]
    assert sheet.width_mm == pytest.approx(225)  # the landscape text block
    rent = next(row.cells for row in sheet.rows if row.cells[3] == "物业出租率")
    assert rent[0] == "目标1：做好物业管理和国有资产出租工作，保障资产保值增值。"
    assert rent[4:10] == ("≥", "95", "%", "92", "10", "9.68")
    assert rent[10].startswith("部分商铺租约于9月到期")
    total = sheet.rows[-1]
    assert total.kind == "total" and total.cells[0] == "合计"
    by_column = {first: text for first, _span, text in total.placed(len(sheet.columns))}
    assert (by_column[8], by_column[9], by_column[10]) == ("80", "74.77", "达成10项，未达成3项")
    assert sheet.vertical_spans(0)[0] == 4  # goal 1 merged over its four rows
    assert "得分四舍五入保留两位小数" in sheet.notes[0]


def test_the_demo_has_no_goal_sheet_and_its_goals_paragraph_is_as_published():
    outline = outline_for(demo_year())
    assert [table.key for table in outline.tables] == ["data_sheet", "score_sheet"]
    goals = [block.text for block in outline.blocks if getattr(block, "source", "").startswith("goals.")]
    assert goals == [f"目标{i + 1}：{goal.text}" for i, goal in enumerate(demo_year().goals)]


def test_a_goal_without_rows_is_listed_in_the_sheet():
    year = example_year()
    year.goals[3].indicators = []
    year.goals[2].indicators[1].actual = ""
    sheet = outline_for(year).table("goal_sheet")
    assert sheet.rows[-2].cells[:2] == ("目标4：开展宣传推介和招商联络，促成合作项目落地。", "（未细化为绩效指标）")
    pending = next(row.cells for row in sheet.rows if row.cells[3] == "信访秩序平稳")
    assert pending[7] == "—" and pending[9] == "—"
    assert sheet.rows[-1].cells[-1] == "达成6项，未达成2项，待填写1项"


def test_the_data_sheet_counts_indicators_met_and_not_met(outline):
    rows = {row.cells[1]: row.cells[2:4] for row in outline.table("data_sheet").rows if len(row.cells) > 2}
    assert rows["绩效目标"] == ("4", "个")
    assert rows["绩效指标"] == ("13", "项")
    assert rows["已达成指标"] == ("10", "项")
    assert rows["未达成指标"] == ("3", "项")


def test_docx_has_the_goal_sheet_landscape_with_a_repeated_header(outline):
    document = docx.Document(io.BytesIO(render_docx(outline)))
    titles = [p.text for p in document.paragraphs]
    assert titles.index(GOAL_SHEET_TITLE) > titles.index("部门整体支出绩效自评评分表")
    table = document.tables[-1]
    assert [cell.text for cell in table.rows[0].cells][:4] == ["绩效目标", "一级指标", "二级指标", "三级指标"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    texts = {cell.text for row in table.rows for cell in row.cells}
    assert {"9.68", "9.09", "6", "74.77", "部分达成"} <= texts
    last = document.sections[-1]
    assert last.page_width > last.page_height  # landscape


def test_xlsx_has_the_goal_sheet_landscape_with_a_repeated_header(outline):
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(outline)))
    assert workbook.sheetnames == ["数据表", "评分表", "绩效目标完成情况表"]
    sheet = workbook["绩效目标完成情况表"]
    assert sheet["A1"].value == GOAL_SHEET_TITLE
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.print_title_rows == "$3:$3"
    rent = next(row for row in sheet.iter_rows(values_only=True) if "物业出租率" in row)
    assert float(rent[9]) == 9.68 and rent[4] == "≥"  # 得分 a number, 指标性质 text (not a formula)


def test_pdf_draws_the_goal_sheet_and_every_total_row(outline):
    from pypdf import PdfReader

    from zjdesk.report.qt_document import pdf_bytes

    reader = PdfReader(io.BytesIO(pdf_bytes(outline)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert GOAL_SHEET_TITLE in text
    flat = re.sub(r"\s+", "", text)  # a cell's text wraps where its column is full
    assert "9.68" in text and "74.77" in text and "达成10项，未达成3项" in flat
    # the total rows of both sheets are drawn (a bold format set after layout used to blank them)
    assert len(re.findall("合\\s*计", text)) == 2  # the score sheet's and the goal sheet's
    assert "自评等级" in text
    landscape = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    assert any(GOAL_SHEET_TITLE in page.extract_text() for page in landscape)


def test_the_note_under_the_goal_sheet_is_written_as_report_text_without_spaces():
    """得分计算：… is printed under the table a bureau reads: a space beside a Chinese word reads as a typing slip."""
    from decimal import Decimal

    year = example_year()
    rules = year.indicator_set.region_rules
    rules.overshoot, rules.equal_tolerance = "deduct", Decimal("5")
    (note,) = outline_for(year).table("goal_sheet").notes
    assert " " not in note, note
    assert "未达到的得分为分值×实际完成值÷指标值" in note
    assert "与指标值相差不超过5%得满分" in note
    assert "达成100%、基本达成80%、部分达成60%、未达成0%" in note
    assert "超出指标值30%及以上且未说明原因的，扣2分。" in note
