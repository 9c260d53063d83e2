"""The score sheet of a report read back: each indicator's score and 扣分原因, by the table's header names."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import docx

from support.import_docs import numbered_seed_lines, seed_lines
from zjdesk.demo import demo_year
from zjdesk.docx_import import import_docx, import_docx_bytes
from zjdesk.domain.scoring_sets import reference_indicator_set
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for


def test_an_exported_score_sheet_gives_back_every_score_and_deduction_reason(tmp_path: Path) -> None:
    year = demo_year()
    indicators = year.indicator_set.indicators
    indicators[0].judged_score, indicators[0].deduction_reason = Decimal("4.5"), "部分目标未量化"
    indicators[16].judged_score, indicators[16].deduction_reason = Decimal("8"), "满意度调查样本偏少"
    target = tmp_path / "report.docx"
    target.write_bytes(render_docx(outline_for(year, draft=True)))  # as exported, without the printout's page plan: no Qt here
    result = import_docx(target)
    imported = result.year.indicator_set
    assert [item.level3 for item in imported.indicators] == [item.level3 for item in indicators]
    assert [item.weight for item in imported.indicators] == [item.weight for item in indicators]
    # every printed score becomes the indicator's judged score (the fallback of a computed rule)
    from zjdesk.domain.scoring import score_year

    printed = [item.score for item in score_year(year).indicators]
    assert [item.judged_score for item in imported.indicators] == printed
    assert imported.indicators[0].deduction_reason == "部分目标未量化"
    assert imported.indicators[16].deduction_reason == "满意度调查样本偏少"
    assert [item.deduction_reason for item in imported.indicators[1:16]] == [""] * 15
    # the rules are the reference set's (the sheet names the reference set), so computed indicators compute again
    reference = {item.level3: item for item in reference_indicator_set().indicators}
    assert all(item.rule == reference[item.level3].rule for item in imported.indicators)
    assert imported.is_reference and imported.name == year.indicator_set.name
    assert all(item.explanation == reference[item.level3].explanation for item in imported.indicators)
    # imported scores await review like every imported field, and the import says what it read
    assert "indicator_set.indicators.0.judged_score" in result.year.review
    assert "indicator_set.indicators.0.deduction_reason" in result.year.review
    assert any(line.startswith("评分表：17项指标，17项有得分") for line in result.found)
    assert score_year(result.year).total == score_year(year).total


def _document_with_table(rows: list[list[str]], merges: list[tuple[int, int, int, int]] = ()) -> bytes:
    document = docx.Document()
    for line in numbered_seed_lines():
        document.add_paragraph(line)
    table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=False):
            cell.text = value
    for top, left, bottom, right in merges:
        table.cell(top, left).merge(table.cell(bottom, right))
    document.add_paragraph("指标体系：湛江市2025年部门整体支出绩效评价指标")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_score_sheet_is_read_by_its_header_names_whatever_the_order_and_extra_rows() -> None:
    # A bureau's own layout: a title row, 序号 first, the score before the criteria, a 扣分原因 column,
    # 一级 and 二级 cells left blank under a merged group, then 合计, 等级 and a sign-off line.
    rows = [
        ["部门整体支出绩效自评评分表", "", "", "", "", "", "", ""],
        ["序号", "一级指标", "二级指标", "三级指标", "分值（分）", "自评得分", "评分标准", "扣分原因"],
        ["1", "预算编制", "目标设定", "绩效目标合理性", "5", "4", "目标依据充分", "部分目标未量化。"],
        ["2", "", "", "绩效指标明确性", "5", "5", "指标细化", "—"],
        ["3", "", "预算配置", "在职人员控制率", "5", "5分", "≤100%得满分", ""],
        ["4", "履职效益", "履职效益", "自定义指标：档案数字化", "10", "待评", "按完成情况", ""],
        ["", "合计", "", "", "25", "14", "", ""],
        ["", "自评等级", "", "", "", "良", "", ""],
        ["评价人：张三　审核人：李四　日期：2025年5月14日", "", "", "", "", "", "", ""],
    ]
    data = _document_with_table(rows, merges=[(0, 0, 0, 7), (8, 0, 8, 7)])
    result = import_docx_bytes(data, "湛江某局2024年自评报告.docx")
    indicators = result.year.indicator_set.indicators
    assert [item.level3 for item in indicators] == [
        "绩效目标合理性",
        "绩效指标明确性",
        "在职人员控制率",
        "自定义指标：档案数字化",
    ]
    assert [(item.level1, item.level2) for item in indicators] == [
        ("预算编制", "目标设定"),
        ("预算编制", "目标设定"),
        ("预算编制", "预算配置"),
        ("履职效益", "履职效益"),
    ]
    assert [item.judged_score for item in indicators] == [Decimal(4), Decimal(5), Decimal(5), None]
    assert indicators[0].deduction_reason == "部分目标未量化" and indicators[1].deduction_reason == ""
    assert indicators[2].rule.kind == "linear"  # matched to the reference indicator of that name
    assert indicators[3].rule.kind == "judged" and indicators[3].weight == Decimal(10)
    assert result.year.indicator_set.name == "湛江市2025年部门整体支出绩效评价指标"
    assert not result.year.indicator_set.is_reference


def test_a_report_without_a_score_sheet_leaves_the_indicator_set_to_the_program() -> None:
    from support.import_docs import build_docx

    result = import_docx_bytes(build_docx(seed_lines()), "seed.docx")
    assert result.year.indicator_set.indicators == []
    assert not any(path.startswith("indicator_set") for path in result.year.review)


def test_where_the_year_was_read_is_reported_and_an_unread_year_is_zero() -> None:
    from support.import_docs import build_docx

    result = import_docx_bytes(build_docx(seed_lines()), "seed.docx")
    assert result.year.cover.evaluation_year == 2024 and result.year_source.startswith("封面")
    lines = [line for line in seed_lines() if not line.startswith("评价年度")]
    lines = [line.replace("现将2024年度", "现将") for line in lines]
    unread = import_docx_bytes(build_docx(lines), "seed.docx")
    assert unread.year.cover.evaluation_year == 0 and unread.year_source == ""


def test_a_reason_keeps_its_own_punctuation() -> None:
    rows = [
        ["一级指标", "二级指标", "三级指标", "分值", "得分", "评分说明"],
        ["预算编制", "目标设定", "绩效目标合理性", "5", "4", "自评得 4/5 分，扣分原因：目标（产出）未量化，需改进。"],
    ]
    indicator = import_docx_bytes(_document_with_table(rows), "r.docx").year.indicator_set.indicators[0]
    assert indicator.deduction_reason == "目标（产出）未量化，需改进"


GOAL_TABLE = [
    ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值", "得分", "偏差原因"],
    ["产出指标", "数量指标", "馆藏档案数字化数量", "≥", "12", "万卷", "12.6", "20", "20", ""],
    ["效益指标", "社会效益指标", "接待查档人次", "≥", "9000", "人次", "8600", "20", "19.11", "场馆改造暂停现场查档一个月"],
]


def test_a_goal_table_is_not_taken_for_the_score_sheet() -> None:
    # A unit's own report often carries the 绩效目标完成情况表 and no score sheet: its 三级指标/分值/得分
    # columns once made it the year's indicator set (two goal rows worth 40 points, scored 39.11 of 40).
    result = import_docx_bytes(_document_with_table(GOAL_TABLE), "湛江市档案馆2025年自评报告.docx")
    assert result.year.indicator_set.indicators == []
    assert not any(line.startswith("评分表：") for line in result.found)
    kept = "".join([*result.year.unplaced, result.year.other])  # the rows' text stays, to be placed by hand
    assert "馆藏档案数字化数量" in kept and "19.11" in kept


def test_a_score_sheet_after_a_goal_table_is_still_read() -> None:
    document = docx.Document(io.BytesIO(_document_with_table(GOAL_TABLE)))
    sheet = [["一级指标", "二级指标", "三级指标", "分值", "得分"], ["预算编制", "目标设定", "绩效目标合理性", "5", "4"]]
    table = document.add_table(rows=len(sheet), cols=len(sheet[0]))
    for row, values in zip(table.rows, sheet, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    result = import_docx_bytes(buffer.getvalue(), "湛江市档案馆2025年自评报告.docx")
    assert [(item.level3, item.judged_score) for item in result.year.indicator_set.indicators] == [("绩效目标合理性", Decimal(4))]
