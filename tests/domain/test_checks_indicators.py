"""The checks on the indicator set and the judged scores."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.demo import demo_year
from zjdesk.domain.checks import apply_fix, has_blocking, run_checks


def _findings(year, check):
    return [finding for finding in run_checks(year) if finding.check == check]


def test_weights_not_adding_up_to_the_total_are_red():
    year = demo_year()
    year.indicator_set.indicators[0].weight = Decimal(6)
    findings = _findings(year, "weights_total")
    assert [finding.path for finding in findings] == ["indicator_set.total_weight"]
    assert "101" in findings[0].message
    assert has_blocking(run_checks(year))


def test_zero_weight_is_red():
    year = demo_year()
    year.indicator_set.indicators[0].weight = Decimal(0)
    year.indicator_set.indicators[1].weight = Decimal(10)
    assert [f.path for f in _findings(year, "weights_total")] == ["indicator_set.indicators.0.weight"]


def test_judged_score_out_of_range_is_red_with_a_clamping_fix():
    year = demo_year()
    year.indicator_set.indicators[0].judged_score = Decimal(7)
    findings = _findings(year, "score_out_of_range")
    assert [finding.path for finding in findings] == ["indicator_set.indicators.0.judged_score"]
    apply_fix(year, findings[0])
    assert year.indicator_set.indicators[0].judged_score == Decimal(5)
    assert _findings(year, "score_out_of_range") == []


def test_judged_below_full_without_reason_is_red_until_a_reason_is_given():
    year = demo_year()
    year.indicator_set.indicators[16].judged_score = Decimal(9)
    findings = _findings(year, "deduction_reason_missing")
    assert [finding.path for finding in findings] == ["indicator_set.indicators.16.deduction_reason"]
    year.indicator_set.indicators[16].deduction_reason = "满意度调查覆盖面不足"
    assert _findings(year, "deduction_reason_missing") == []


def test_fallback_indicator_below_full_also_needs_a_reason():
    year = demo_year()
    year.indicator_set.indicators[9].judged_score = Decimal(4)  # 政府采购执行率, no procurement figures
    assert [f.path for f in _findings(year, "deduction_reason_missing")] == ["indicator_set.indicators.9.deduction_reason"]


def test_computed_indicator_below_full_needs_no_reason():
    year = demo_year()
    year.figures.final_expenditure.total = Decimal("1450.00")  # 93.12%: 8 of 10
    assert _findings(year, "deduction_reason_missing") == []


def test_unscored_judged_indicator_is_red():
    year = demo_year()
    year.indicator_set.indicators[0].judged_score = None
    findings = _findings(year, "judged_score_missing")
    assert [finding.path for finding in findings] == ["indicator_set.indicators.0.judged_score"]


def test_missing_data_is_blue_and_points_at_the_missing_input():
    year = demo_year()
    findings = {finding.path for finding in _findings(year, "missing_data")}
    assert "figures.procurement_actual" in findings
    year.figures.procurement_plan = Decimal("100.00")
    year.figures.procurement_actual = Decimal("90.00")
    assert "figures.procurement_actual" not in {finding.path for finding in _findings(year, "missing_data")}


def test_a_budget_filled_in_as_zero_is_not_called_missing_data():
    # A unit without “三公”经费 types 0 for its budget and spending: the rate cannot be computed, but the
    # panel said 缺少数据（“三公”经费预算数）and the findings asked to 补充数据 the officer had given.
    from zjdesk.domain.scoring import score_year

    year = demo_year()
    year.figures.three_public_budget = year.figures.three_public_actual = Decimal(0)
    index = next(i for i, item in enumerate(year.indicator_set.indicators) if item.rule.metric == "three_public_control_rate")
    year.indicator_set.indicators[index].judged_score = None
    result = score_year(year).indicators[index]
    assert result.fell_back_to_judged
    assert "缺少数据" not in result.explanation and "“三公”经费预算数为0，无法计算" in result.explanation
    assert not any("three_public_budget" in finding.path for finding in _findings(year, "missing_data"))
    [missing] = [item for item in _findings(year, "judged_score_missing") if item.path.endswith(f"{index}.judged_score")]
    assert "缺少计算所需的数据" not in missing.message and "为0，无法计算" in missing.message


def test_a_checklist_not_ticked_asks_for_its_score_saying_so():
    # 管理制度健全性 and the other checklists: the to-do said 缺少计算所需的数据 beside the 计分说明
    # 检查项未逐项填写; no data is missing, the checklist is.
    year = demo_year()
    index = next(i for i, item in enumerate(year.indicator_set.indicators) if item.rule.kind == "checklist")
    indicator = year.indicator_set.indicators[index]
    indicator.checklist_met, indicator.violations, indicator.judged_score = [], None, None
    [missing] = [item for item in _findings(year, "judged_score_missing") if item.path.endswith(f".{index}.judged_score")]
    assert "（检查项未逐项填写）" in missing.message and "缺少计算所需的数据" not in missing.message


def test_a_computed_indicator_whose_rate_is_not_chosen_yet_still_scores():
    # Switching an indicator to 线性扣分 leaves its metric empty for a moment: the check for an input given
    # as 0 looked up the path "" and the score raised PathError.
    from zjdesk.domain.scoring import score_year

    year = demo_year()
    indicator = year.indicator_set.indicators[0]
    indicator.rule.kind, indicator.rule.metric, indicator.judged_score = "linear", "", None
    result = score_year(year).indicators[0]
    assert result.fell_back_to_judged and "缺少数据" in result.explanation
    assert _findings(year, "judged_score_missing")
