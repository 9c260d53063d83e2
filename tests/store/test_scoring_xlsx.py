"""Indicator sets to and from .xlsx: round trip, bureau-style sheets, row-by-row errors."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.model import IndicatorSet
from zjdesk.domain.scoring import score_year
from zjdesk.domain.scoring_sets import reference_indicator_set
from zjdesk.store.indicator_xlsx import IndicatorSheetError, import_indicator_set, indicator_set_to_xlsx


def _sheet(tmp_path, rows, name="bureau.xlsx"):
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    path = tmp_path / name
    workbook.save(path)
    return path


def test_export_then_import_is_the_identity(tmp_path):
    year = demo_year()
    path = tmp_path / "set.xlsx"
    path.write_bytes(indicator_set_to_xlsx(year.indicator_set))
    imported = import_indicator_set(path, IndicatorSet())
    reference = reference_indicator_set()
    assert [i.rule for i in imported.indicators] == [i.rule for i in reference.indicators]
    assert [(i.level1, i.level2, i.level3, i.weight, i.criteria) for i in imported.indicators] == [
        (i.level1, i.level2, i.level3, i.weight, i.criteria) for i in reference.indicators
    ]
    assert imported.name == reference.name and imported.is_reference
    assert imported.caps == reference.caps and imported.grades == reference.grades


def test_exported_sheet_has_the_documented_columns(tmp_path):
    workbook = openpyxl.load_workbook(_write(tmp_path, reference_indicator_set()))
    header = [cell.value for cell in workbook["指标体系"][1]]
    assert header[:6] == ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准"]


def _write(tmp_path, indicator_set):
    path = tmp_path / "out.xlsx"
    path.write_bytes(indicator_set_to_xlsx(indicator_set))
    return path


def test_bureau_sheet_with_title_merged_levels_extra_columns_and_total(tmp_path):
    path = _sheet(
        tmp_path,
        [
            ["某市2025年部门整体支出绩效评价指标表"],
            ["序号", "一级指标", "二级 指标", "三级指标", "分值（分）", "指标解释", "评分标准", "备注"],
            [1, "预算编制", "目标设定", "绩效目标合理性", 60, "目标是否合理", "合理得满分", "x"],
            [2, None, None, "在职人员控制率", "20分", "在职/编制", "≤100%满分", None],
            [3, "履职效益", "满意度", "服务对象满意度", 20.0, "", "", None],
            [None, "合计", None, None, 100, None, None, None],
        ],
    )
    current = demo_year().indicator_set
    imported = import_indicator_set(path, current)
    assert [(i.level1, i.level2, i.level3, i.weight) for i in imported.indicators] == [
        ("预算编制", "目标设定", "绩效目标合理性", Decimal(60)),
        ("预算编制", "目标设定", "在职人员控制率", Decimal(20)),
        ("履职效益", "满意度", "服务对象满意度", Decimal(20)),
    ]
    # a known indicator keeps its rule and judged score; an unknown one is judged
    assert imported.indicators[1].rule.kind == "linear"
    assert imported.indicators[0].judged_score == Decimal(5)
    assert imported.indicators[2].rule.kind == "judged"
    assert imported.source == "从 bureau.xlsx 导入" and not imported.is_reference
    assert imported.caps == current.caps


def test_imported_set_scores(tmp_path):
    year = demo_year()
    path = _sheet(
        tmp_path,
        [["一级指标", "二级指标", "三级指标", "分值"], ["预算执行", "预算执行", "预算完成率", 100]],
    )
    year.indicator_set = import_indicator_set(path, year.indicator_set)
    score = score_year(year)
    assert score.total == Decimal(100)  # the banded rule is kept, its points scaled from 10 to 100
    assert score.indicators[0].explanation.startswith("预算完成率 100.00% ≥ 95%")


def test_malformed_sheet_is_explained_row_by_row(tmp_path):
    path = _sheet(
        tmp_path,
        [
            ["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准"],
            ["预算编制", "目标设定", "绩效目标合理性", "五", "", ""],
            ["预算编制", "目标设定", None, 5, "只有解释", ""],
            ["预算编制", "目标设定", "绩效指标明确性", None, "", ""],
            ["预算编制", "目标设定", "在职人员控制率", -1, "", ""],
        ],
    )
    with pytest.raises(IndicatorSheetError) as caught:
        import_indicator_set(path, IndicatorSet())
    problems = caught.value.problems
    assert problems == [
        "第2行（绩效目标合理性）：分值“五”不是数字。",
        "第3行：缺少“三级指标”名称。",
        "第4行（绩效指标明确性）：缺少分值。",
        "第5行（在职人员控制率）：分值应大于零（现为 -1）。",
    ]
    assert "4 处需要修改" in str(caught.value)


def test_sheet_without_header_or_rows(tmp_path):
    with pytest.raises(IndicatorSheetError, match="找不到指标表的表头"):
        import_indicator_set(_sheet(tmp_path, [["名称", "分数"], ["a", 1]]), IndicatorSet())
    with pytest.raises(IndicatorSheetError, match="没有指标行"):
        import_indicator_set(_sheet(tmp_path, [["三级指标", "分值"]], "empty.xlsx"), IndicatorSet())


def test_not_an_xlsx(tmp_path):
    path = tmp_path / "fake.xlsx"
    path.write_text("not a workbook")
    with pytest.raises(IndicatorSheetError, match=r"不是可以读取的 \.xlsx 文件"):
        import_indicator_set(path, IndicatorSet())
