"""The rates of zjdesk.domain.rates: formulas, rounding, unknown inputs."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.demo import demo_year
from zjdesk.domain.model import Goal, YearData
from zjdesk.domain.rates import RATE_FORMULAS, RATE_INPUTS, RATE_LABELS, compute_rates, missing_rate_inputs


def test_every_rate_has_a_label_a_formula_and_inputs():
    rates = compute_rates(YearData())
    assert set(rates) == set(RATE_LABELS) == set(RATE_FORMULAS) == set(RATE_INPUTS)


def test_empty_year_has_no_rates():
    assert all(value is None for value in compute_rates(YearData()).values())


def test_demo_rates():
    rates = compute_rates(demo_year())
    assert rates["budget_execution_rate"] == Decimal("100.00")
    assert rates["revenue_expenditure_rate"] == Decimal("100.00")
    assert rates["final_budget_rate"] == Decimal("100.00")
    # 15 在职 of 17 编制
    assert rates["staff_control_rate"] == Decimal("88.24")
    # (1557.15 − 1564.10) / 1564.10
    assert rates["expenditure_change_rate"] == Decimal("-0.44")
    assert rates["three_public_change_rate"] is None


def test_rates_round_half_up_to_two_decimals():
    year = YearData()
    year.figures.budget.total = Decimal("3")
    year.figures.final_expenditure.total = Decimal("2")
    assert compute_rates(year)["budget_execution_rate"] == Decimal("66.67")
    year.figures.final_expenditure.total = Decimal("0.00025")
    year.figures.budget.total = Decimal("1")
    assert compute_rates(year)["budget_execution_rate"] == Decimal("0.03")


def test_zero_denominator_is_unknown_not_zero():
    year = YearData()
    year.figures.budget.total = Decimal(0)
    year.figures.final_expenditure.total = Decimal(5)
    assert compute_rates(year)["budget_execution_rate"] is None
    assert missing_rate_inputs(year, "budget_execution_rate") == ["figures.budget.total"]


def test_adjustment_rate_is_the_size_of_the_adjustment():
    year = YearData()
    year.figures.initial_budget = Decimal(200)
    year.figures.budget_adjustment = Decimal(-30)
    assert compute_rates(year)["budget_adjustment_rate"] == Decimal("15.00")


def test_staff_totals_fall_back_to_category_sums():
    year = demo_year()
    year.profile.actual_total = None
    # the categories say 8 + 9 = 17 actual against 17 establishment
    assert compute_rates(year)["staff_control_rate"] == Decimal("100.00")


def test_change_and_goal_rates():
    year = YearData()
    year.figures.three_public_actual = Decimal("11")
    year.figures.three_public_prior_actual = Decimal("10")
    year.goals = [Goal(text) for text in ("一", "二", "三", "四")]
    year.figures.goals_completed = 3
    rates = compute_rates(year)
    assert rates["three_public_change_rate"] == Decimal("10.00")
    assert rates["goal_completion_rate"] == Decimal("75.00")


def test_missing_inputs_name_field_paths():
    year = YearData()
    assert missing_rate_inputs(year, "procurement_execution_rate") == [
        "figures.procurement_actual",
        "figures.procurement_plan",
    ]
    assert missing_rate_inputs(year, "goal_completion_rate") == ["figures.goals_completed", "goals"]
