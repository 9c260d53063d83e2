"""The demo year scores what the seed says, and a poorly executed budget is capped."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.demo import demo_year
from zjdesk.domain.scoring import score_year


def test_demo_scores_100_and_grade_excellent():
    score = score_year(demo_year())
    assert score.total == Decimal(100)
    assert score.grade == "优"
    assert score.cap is None
    assert score.summary() == "自评分数100分，等级优。"
    assert [group.name for group in score.groups] == ["预算编制", "预算执行", "预算监督", "履职效益"]
    assert sum(group.weight for group in score.groups) == Decimal(100)


def test_demo_computed_indicators_use_the_figures():
    score = score_year(demo_year())
    by_name = {item.name: item for item in score.indicators}
    execution = by_name["预算完成率"]
    assert not execution.fell_back_to_judged
    assert execution.explanation == "预算完成率 100.00% ≥ 95%，得 10/10 分"
    assert execution.inputs == {"budget_execution_rate": Decimal("100.00")}
    staff = by_name["在职人员控制率"]
    assert not staff.fell_back_to_judged and staff.score == Decimal(5)


def test_demo_indicators_without_data_fall_back_to_judged_and_say_so():
    score = score_year(demo_year())
    procurement = next(item for item in score.indicators if item.name == "政府采购执行率")
    assert procurement.fell_back_to_judged
    assert procurement.missing_inputs == ["figures.procurement_actual", "figures.procurement_plan"]
    assert "缺少数据（政府采购实际金额、政府采购计划金额）" in procurement.explanation
    assert procurement.score == Decimal(5)


def test_execution_rate_65_percent_is_capped_at_79_and_graded_medium():
    year = demo_year()
    year.figures.final_expenditure.total = Decimal("1012.15")  # 1012.15 / 1557.15 = 65.00%
    score = score_year(year)
    execution = next(item for item in score.indicators if item.name == "预算完成率")
    assert execution.score == Decimal(2)
    assert score.uncapped_total == Decimal(92)
    assert score.cap is not None and score.cap.lowered_total
    assert score.cap.max_total == Decimal(79)
    assert score.total == Decimal(79)
    assert score.grade == "中"
    assert "预算完成率 65.00% 在 60% 至 70% 之间" in score.cap.explanation
    assert "计 79 分" in score.cap.explanation


def test_execution_rate_below_50_percent_is_capped_at_59_and_graded_poor():
    year = demo_year()
    year.figures.final_expenditure.total = Decimal("700")
    score = score_year(year)
    assert score.total == Decimal(59)
    assert score.grade == "差"


def test_execution_rate_75_percent_is_capped_at_89_and_graded_good():
    year = demo_year()
    year.figures.final_expenditure.total = Decimal("1167.86")  # 75.00%
    score = score_year(year)
    assert score.uncapped_total == Decimal(94)
    assert score.total == Decimal(89)
    assert score.grade == "良"


def test_demo_and_reference_files_round_trip_exactly():
    from zjdesk.domain.scoring_sets import REFERENCE_FILE, indicator_set_dumps, indicator_set_loads
    from zjdesk.domain.serialize import dumps, loads
    from zjdesk.resources import resource_path

    demo_text = resource_path("demo", "demo-2024.json").read_text(encoding="utf-8")
    assert dumps(loads(demo_text)) == demo_text
    reference_text = resource_path(*REFERENCE_FILE).read_text(encoding="utf-8")
    assert indicator_set_dumps(indicator_set_loads(reference_text)) == reference_text


def test_demo_carries_the_reference_set():
    from zjdesk.domain.scoring_sets import reference_indicator_set

    year = demo_year()
    reference = reference_indicator_set()
    assert year.indicator_set.is_reference and year.indicator_set.name == reference.name
    assert [i.rule for i in year.indicator_set.indicators] == [i.rule for i in reference.indicators]
    assert year.indicator_set.caps == reference.caps
