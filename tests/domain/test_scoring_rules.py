"""Each rule kind of the score engine, on a one-indicator set."""

from __future__ import annotations

from decimal import Decimal as D

from zjdesk.domain.model import Band, GradeBand, Indicator, IndicatorSet, ScoreCap, ScoringRule, YearData
from zjdesk.domain.scoring import grade_for, score_year
from zjdesk.domain.scoring_rules import format_number


def _year(rule: ScoringRule, weight: str = "10", **indicator) -> YearData:
    year = YearData()
    year.indicator_set = IndicatorSet(
        total_weight=D(weight), indicators=[Indicator(level1="一级", level3="指标", weight=D(weight), rule=rule, **indicator)]
    )
    year.figures.budget.total = D("1000")
    return year


def _score(year: YearData):
    return score_year(year).indicators[0]


def _execution(year: YearData, expenditure: str) -> YearData:
    year.figures.final_expenditure.total = D(expenditure)
    return year


EXECUTION_BANDS = ScoringRule(
    kind="bands",
    metric="budget_execution_rate",
    bands=[Band(lower=D(95), points=D(10)), Band(lower=D(80), upper=D(95), points=D(6)), Band(upper=D(80), points=D(0))],
)


def test_judged_full_marks():
    item = _score(_year(ScoringRule(), judged_score=D(10)))
    assert (item.score, item.explanation, item.fell_back_to_judged) == (D(10), "自评得 10/10 分", False)


def test_judged_below_full_states_the_reason_or_its_absence():
    item = _score(_year(ScoringRule(), judged_score=D("8.5"), deduction_reason="目标不够细化"))
    assert item.explanation == "自评得 8.5/10 分，扣分原因：目标不够细化"
    assert _score(_year(ScoringRule(), judged_score=D(8))).explanation.endswith("未填写扣分原因")


def test_judged_unscored_counts_zero():
    item = _score(_year(ScoringRule()))
    assert item.score == 0 and "尚未评分" in item.explanation


def test_judged_out_of_range_is_clamped_and_says_so():
    item = _score(_year(ScoringRule(), judged_score=D(12)))
    assert item.score == D(10)
    assert "超出 0–10 分" in item.explanation


def test_bands_pick_the_first_band_holding_the_rate():
    assert _score(_execution(_year(EXECUTION_BANDS), "1004.5")).explanation == "预算完成率 100.45% ≥ 95%，得 10/10 分"
    item = _score(_execution(_year(EXECUTION_BANDS), "900"))
    assert item.score == D(6)
    assert item.explanation == "预算完成率 90.00% 在 80% 至 95% 之间，得 6/10 分"
    assert _score(_execution(_year(EXECUTION_BANDS), "950")).score == D(10)  # lower bound inclusive
    assert _score(_execution(_year(EXECUTION_BANDS), "799.9")).explanation == "预算完成率 79.99% < 80%，得 0/10 分"


def test_bands_with_inclusive_upper_bounds():
    rule = ScoringRule(
        kind="bands",
        metric="budget_execution_rate",
        bands=[Band(upper=D(10), upper_inclusive=True, points=D(10)), Band(points=D(1))],
    )
    assert _score(_execution(_year(rule), "100")).explanation == "预算完成率 10.00% ≤ 10%，得 10/10 分"
    assert _score(_execution(_year(rule), "100.1")).score == D(1)


def test_rate_outside_every_band_scores_zero():
    rule = ScoringRule(kind="bands", metric="budget_execution_rate", bands=[Band(lower=D(95), points=D(10))])
    item = _score(_execution(_year(rule), "500"))
    assert item.score == 0 and "不在任何评分区间内" in item.explanation


def test_linear_deduction_per_point_over_the_threshold():
    rule = ScoringRule(kind="linear", metric="staff_control_rate", threshold=D(100), per_point=D("0.5"), direction="lower")
    year = _year(rule, "5")
    year.profile.establishment_total, year.profile.actual_total = 35, 36
    item = _score(year)
    assert item.inputs == {"staff_control_rate": D("102.86")}
    assert item.score == D("3.57")  # 5 − 2.86 × 0.5 = 3.57
    assert item.explanation == "在职人员控制率 102.86% 超过 100% 2.86 个百分点，每个百分点扣 0.5 分，得 3.57/5 分"
    year.profile.actual_total = 30
    assert _score(year).explanation == "在职人员控制率 85.71% ≤ 100%，得 5/5 分"


def test_linear_deduction_below_a_threshold_when_higher_is_better():
    rule = ScoringRule(kind="linear", metric="budget_execution_rate", threshold=D(95), per_point=D(1))
    item = _score(_execution(_year(rule), "920"))
    assert item.score == D(7)
    assert "低于 95% 3 个百分点" in item.explanation


def test_linear_never_below_zero():
    rule = ScoringRule(kind="linear", metric="budget_execution_rate", threshold=D(95), per_point=D(1))
    assert _score(_execution(_year(rule), "100")).score == 0


def test_pro_rata_higher_is_better():
    rule = ScoringRule(kind="pro_rata", metric="procurement_execution_rate", target=D(100))
    year = _year(rule, "5")
    year.figures.procurement_plan, year.figures.procurement_actual = D(200), D(150)
    item = _score(year)
    assert item.score == D("3.75")
    assert item.explanation == "按比例计分：政府采购执行率 75.00% ÷ 目标 100% × 5，得 3.75/5 分"
    year.figures.procurement_actual = D(260)
    assert _score(year).score == D(5)


def test_pro_rata_lower_is_better():
    rule = ScoringRule(kind="pro_rata", metric="public_funds_control_rate", target=D(100), direction="lower")
    year = _year(rule, "5")
    year.figures.public_funds_budget, year.figures.public_funds_actual = D(100), D(125)
    assert _score(year).score == D(4)  # 100 / 125 × 5
    year.figures.public_funds_actual = D(80)
    assert _score(year).score == D(5)
    # nothing spent against a target typed below zero: full marks, not a division by zero
    rule.target = D(-5)
    year.figures.public_funds_actual = D(0)
    assert _score(year).score == D(5)


def test_checklist_deducts_per_unmet_item_and_per_violation():
    rule = ScoringRule(kind="checklist", checklist=["制度健全", "执行有效", "账实相符"], per_item=D(1))
    item = _score(_year(rule, "5", checklist_met=[True, False, True], violations=2))
    assert item.score == D(2)
    assert item.explanation == "3 项中 2 项符合，未符合：执行有效，发现违规 2 项，每项扣 1 分，得 2/5 分"
    assert item.inputs == {"items": 3, "met": 2, "violations": 2}


def test_checklist_without_per_item_shares_the_weight():
    rule = ScoringRule(kind="checklist", checklist=["一", "二", "三", "四"])
    assert _score(_year(rule, "10", checklist_met=[True, True, True, False])).score == D("7.5")


def test_checklist_not_filled_in_falls_back_to_judged():
    rule = ScoringRule(kind="checklist", checklist=["一", "二"], per_item=D(1))
    item = _score(_year(rule, "5", judged_score=D(5), checklist_met=[True]))
    assert item.fell_back_to_judged
    assert item.missing_inputs == ["indicator_set.indicators.0.checklist_met"]
    assert item.explanation.startswith("检查项未逐项填写，改按自评")


def test_computed_rule_without_data_falls_back_and_names_the_missing_fields():
    year = _year(EXECUTION_BANDS, judged_score=D(9), deduction_reason="数据待补")
    year.figures.budget.total = None
    item = _score(year)
    assert item.fell_back_to_judged and item.score == D(9)
    assert item.missing_inputs == ["figures.final_expenditure.total", "figures.budget.total"]
    assert item.explanation == "缺少数据（决算支出、全年预算数），无法计算，改按自评：自评得 9/10 分，扣分原因：数据待补"


def test_unknown_rule_kind_falls_back_to_judged():
    item = _score(_year(ScoringRule(kind="magic"), judged_score=D(3)))
    assert item.fell_back_to_judged and item.score == D(3) and "未知的计分方式" in item.explanation


def test_cap_that_does_not_lower_the_total_is_reported_but_harmless():
    year = _execution(_year(EXECUTION_BANDS), "650")  # 65%: 0 points
    year.indicator_set.caps = [ScoreCap(lower=D(60), upper=D(70), max_total=D(79))]
    score = score_year(year)
    assert score.total == 0 and score.cap is not None and not score.cap.lowered_total
    assert "未超过" in score.cap.explanation


def test_the_tightest_applicable_cap_wins():
    year = _execution(_year(ScoringRule(), "100", judged_score=D(100)), "450")
    year.indicator_set.caps = [ScoreCap(upper=D(60), max_total=D(69)), ScoreCap(upper=D(50), max_total=D(59))]
    assert score_year(year).total == D(59)


def test_grades_default_and_custom():
    assert [grade_for(D(value), []) for value in ("90", "89.99", "80", "79.5", "60", "59.99")] == [
        "优",
        "良",
        "良",
        "中",
        "中",
        "差",
    ]
    assert grade_for(D(85), [GradeBand("合格", D(60)), GradeBand("优秀", D(85))]) == "优秀"


def test_format_number():
    assert [format_number(D(v)) for v in ("100.00", "92.50", "3.333", "0", "-0.00")] == ["100", "92.5", "3.33", "0", "0"]
