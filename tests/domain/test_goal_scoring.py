"""Scoring the goal table: the worked examples, each 指标性质, the region rules, and properties of every rule."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.goal_scoring import score_goals, score_row
from zjdesk.domain.model import Goal, GoalIndicator, QualitativeBand, RegionRules, YearData
from zjdesk.domain.rates import compute_rates
from zjdesk.domain.scoring import score_year
from zjdesk.domain.scoring_sets import reference_indicator_set

RULES = RegionRules()


def row(nature: str, target: str, actual: str, weight: str = "10", name: str = "指标", **more: str) -> GoalIndicator:
    return GoalIndicator(level3=name, nature=nature, target=target, actual=actual, weight=Decimal(weight), **more)


def test_worked_example_occupancy_at_least_95_percent():
    outcome = score_row(row("≥", "95", "92", name="物业出租率", unit="%"), RULES)
    assert outcome.score == Decimal("9.68")
    assert outcome.met is False
    assert outcome.explanation == "物业出租率 实际 92% 低于目标 95%：10 × 92 ÷ 95，得 9.68/10 分"


def test_worked_example_reception_cost_at_most_300_yuan():
    outcome = score_row(row("≤", "300", "330", name="单位接待成本", unit="元/人"), RULES)
    assert outcome.score == Decimal("9.09")
    assert outcome.explanation == "单位接待成本 实际 330元/人 高于目标 300元/人：10 × 300 ÷ 330，得 9.09/10 分"


def test_worked_example_qualitative_partly_reached():
    outcome = score_row(row("定性", "平稳有序", "部分达成", name="信访秩序平稳"), RULES)
    assert outcome.score == Decimal(6)
    assert outcome.met is False
    assert outcome.explanation == "信访秩序平稳 定性评级“部分达成”，按分值的 60% 计，得 6/10 分"


@pytest.mark.parametrize(
    ("nature", "target", "actual", "score", "met"),
    [
        ("≥", "95", "95", "10", True),
        ("≥", "95", "99.5", "10", True),
        ("≥", "３", "２", "6.67", False),  # full-width digits are digits
        ("≥", "0", "-5", "0", False),  # a target of 0 cannot be prorated
        ("≤", "300", "280", "10", True),
        ("≤", "0", "2", "0", False),  # 投诉 ≤ 0, actual 2
        ("=", "100", "100", "10", True),
        ("=", "100", "98", "9.8", False),
        ("=", "100", "102", "9.8", False),
        ("定性", "达标", "达成", "10", True),
        ("定性", "达标", "基本达成", "8", False),
        ("定性", "达标", "未达成", "0", False),
    ],
)
def test_each_nature(nature, target, actual, score, met):
    outcome = score_row(row(nature, target, actual), RULES)
    assert outcome.score == Decimal(score)
    assert outcome.met is met
    assert outcome.explanation.endswith(f"得 {score}/10 分")


def test_half_up_rounding_to_two_decimals():
    # 5 × 1 ÷ 8 = 0.625 → 0.63 and 5 × 3 ÷ 8 = 1.875 → 1.88: half up, not half even
    assert score_row(row("≥", "8", "1", weight="5"), RULES).score == Decimal("0.63")
    assert score_row(row("≥", "8", "3", weight="5"), RULES).score == Decimal("1.88")  # 1.875


@pytest.mark.parametrize(
    ("indicator", "missing", "words"),
    [
        (GoalIndicator(level3="甲", target="95", actual="92"), "weight", "尚未填写分值"),
        (GoalIndicator(level3="甲", target="95", actual="", weight=Decimal(5)), "actual", "尚未填写实际完成值"),
        (GoalIndicator(level3="甲", target="", actual="92", weight=Decimal(5)), "target", "尚未填写指标值"),
        (GoalIndicator(level3="甲", target="平稳", actual="92", weight=Decimal(5)), "target", "不是数字"),
        (GoalIndicator(level3="甲", target="95", actual="较好", weight=Decimal(5)), "actual", "不是数字"),
        (GoalIndicator(level3="甲", nature="定性", target="平稳", actual="完成", weight=Decimal(5)), "actual", "不是定性评级"),
        (GoalIndicator(level3="甲", nature="≈", target="95", actual="92", weight=Decimal(5)), "nature", "无法识别"),
        (GoalIndicator(level3="甲", target="95", actual="92", weight=Decimal(-2)), "weight", "应大于零"),
    ],
)
def test_a_row_that_cannot_be_scored_says_what_is_missing(indicator, missing, words):
    outcome = score_row(indicator, RULES)
    assert outcome.score is None and outcome.met is None
    assert outcome.missing == (missing,)
    assert words in outcome.explanation


def test_equal_tolerance_is_a_setting_of_the_set():
    rules = RegionRules(equal_tolerance=Decimal(5))
    within = score_row(row("=", "100", "96"), rules)
    assert within.score == Decimal(10) and within.met is True
    assert "允许偏差 5%" in within.explanation
    assert score_row(row("=", "100", "94"), rules).score == Decimal("9.4")


def test_qualitative_bands_are_edited_in_the_set():
    rules = RegionRules(qualitative_bands=[QualitativeBand("优秀", Decimal(100)), QualitativeBand("一般", Decimal(50))])
    assert score_row(row("定性", "好", "一般"), rules).score == Decimal(5)
    assert score_row(row("定性", "好", "部分达成"), rules).score is None  # not a band of this set


def test_overshoot_deduction_only_without_a_reason():
    rules = RegionRules(overshoot="deduct")
    far = score_row(row("≥", "100", "135"), rules)
    assert far.score == Decimal(8) and far.deduction == Decimal(2)
    assert "超出目标 35%" in far.explanation and "扣 2 分" in far.explanation
    assert score_row(row("≥", "100", "129"), rules).score == Decimal(10)  # below 30 %
    assert score_row(row("≥", "100", "135", deviation="新增承租户较多"), rules).score == Decimal(10)
    assert score_row(row("≥", "100", "135"), RULES).score == Decimal(10)  # the reference set never deducts


# -- the table as a whole, and the rule kind that scores 履职效益 from it ----------------------------


def test_example_year_scores_performance_from_its_goal_table():
    score = score_year(example_year())
    by_code = {item.indicator.code: item for item in score.indicators}
    outputs = by_code["key_task_completion"]
    assert not outputs.fell_back_to_judged
    # 产出 rows: 48.77 of 50 → × 10 = 9.754 → 9.75
    assert outputs.score == Decimal("9.75")
    assert outputs.explanation == "按绩效目标表计分：产出指标 8 项得 48.77/50 分（得分率 97.54%），得 9.75/10 分"
    effects = by_code["social_benefit"]
    assert effects.score == Decimal("8.67")  # 26 of 30 × 10
    assert "效益指标、满意度指标 5 项得 26/30 分" in effects.explanation
    assert (score.goals.met, score.goals.not_met, score.goals.pending) == (10, 3, 0)


def test_a_goal_without_rows_falls_back_to_judged_and_says_so():
    year = example_year()
    year.goals.append(Goal("新增的目标"))
    item = next(i for i in score_year(year).indicators if i.indicator.code == "key_task_completion")
    assert item.fell_back_to_judged
    assert item.missing_inputs == ["goals.4.indicators"]
    assert item.explanation.startswith("目标5尚未细化为绩效指标，无法按绩效目标表计分，改按自评：")


def test_the_demo_has_no_rows_and_keeps_its_judged_scores():
    score = score_year(demo_year())
    assert score.total == Decimal(100)
    for code in ("key_task_completion", "social_benefit"):
        item = next(i for i in score.indicators if i.indicator.code == code)
        assert item.fell_back_to_judged and "目标1、目标2、目标3、目标4尚未细化为绩效指标" in item.explanation
    assert score.goals.rows == [] and score.goals.goals_without_rows == [0, 1, 2, 3]


def test_a_row_without_its_actual_makes_the_rule_wait():
    year = example_year()
    year.goals[0].indicators[1].actual = ""
    item = next(i for i in score_year(year).indicators if i.indicator.code == "key_task_completion")
    assert item.fell_back_to_judged and item.missing_inputs == ["goals.0.indicators.1.actual"]
    assert "产出指标有 1 项尚不能计分" in item.explanation


def test_region_rules_switch_caps_and_the_execution_budget():
    year = example_year()
    year.figures.final_expenditure.total = Decimal("500.00")  # 60.94 % of 820.50: capped at 79
    assert score_year(year).cap is not None
    year.indicator_set.region_rules.apply_caps = False
    assert score_year(year).cap is None
    year.indicator_set.region_rules.execution_basis = "initial"
    assert compute_rates(year)["budget_execution_rate"] == Decimal("64.10")  # 500 ÷ 780 (年初预算数)
    year.figures.initial_budget = None
    item = next(i for i in score_year(year).indicators if i.indicator.code == "budget_execution")
    assert item.missing_inputs == ["figures.initial_budget"]


def test_reference_set_scores_performance_from_the_goal_table():
    kinds = {item.code: (item.rule.kind, item.rule.levels) for item in reference_indicator_set().indicators}
    assert kinds["key_task_completion"] == ("goal_indicators", ["产出指标"])
    assert kinds["social_benefit"] == ("goal_indicators", ["效益指标", "满意度指标"])


# -- properties --------------------------------------------------------------------------------------

positive = st.decimals(min_value="0.01", max_value=100000, places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value="0.5", max_value=100, places=1, allow_nan=False, allow_infinity=False)


def _half_up(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _score(nature: str, target: Decimal, actual: Decimal, weight: Decimal, rules: RegionRules = RULES) -> Decimal:
    outcome = score_row(row(nature, f"{target:f}", f"{actual:f}", f"{weight:f}"), rules)
    assert outcome.score is not None
    assert Decimal(0) <= outcome.score <= weight
    assert outcome.score == outcome.score.quantize(Decimal("0.01"))
    assert outcome.explanation.endswith(" 分") and "\n" not in outcome.explanation
    return outcome.score


@settings(max_examples=200, deadline=None)
@given(positive, positive, weights)
def test_higher_is_better_is_full_marks_or_actual_over_target(target, actual, weight):
    score = _score("≥", target, actual, weight)
    expected = weight if actual >= target else _half_up(weight * actual / target)
    assert score == expected


@settings(max_examples=200, deadline=None)
@given(positive, positive, weights)
def test_lower_is_better_is_full_marks_or_target_over_actual(target, actual, weight):
    score = _score("≤", target, actual, weight)
    expected = weight if actual <= target else _half_up(weight * target / actual)
    assert score == expected


@settings(max_examples=200, deadline=None)
@given(positive, positive, weights)
def test_equal_is_symmetric_and_full_only_when_equal(target, actual, weight):
    score = _score("=", target, actual, weight)
    assert score == _score("=", actual, target, weight)
    assert score == _half_up(weight * min(actual, target) / max(actual, target))


@settings(max_examples=200, deadline=None)
@given(positive, positive, positive, weights)
def test_more_is_never_worse_when_higher_is_better(target, low, high, weight):
    low, high = min(low, high), max(low, high)
    assert _score("≥", target, low, weight) <= _score("≥", target, high, weight)
    assert _score("≤", target, low, weight) >= _score("≤", target, high, weight)


@settings(max_examples=200, deadline=None)
@given(positive, positive, weights, st.decimals(min_value=0, max_value=50, places=1))
def test_a_tolerance_never_lowers_an_equal_score(target, actual, weight, tolerance):
    assert _score("=", target, actual, weight, RegionRules(equal_tolerance=tolerance)) >= _score("=", target, actual, weight)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(RegionRules().qualitative_bands), weights)
def test_a_rating_earns_its_share_of_the_weight(band, weight):
    outcome = score_row(row("定性", "平稳", band.name, f"{weight:f}"), RULES)
    assert outcome.score == _half_up(weight * band.percent / 100)
    assert outcome.met is (band.percent == 100)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(positive, positive, weights), min_size=1, max_size=8), weights)
def test_the_outputs_indicator_is_the_table_share_of_its_weight(rows, weight):
    year = YearData(indicator_set=reference_indicator_set())
    year.goals = [Goal("目标", [row("≥", f"{t:f}", f"{a:f}", f"{w:f}", level1="产出指标") for t, a, w in rows])]
    year.goals.append(Goal("效益", [row("≥", "1", "1", level1="效益指标")]))
    for indicator in year.indicator_set.indicators:
        if indicator.code == "key_task_completion":
            indicator.weight = weight
    table = score_goals(year)
    total = sum((item.score for item in table.rows_of(["产出指标"])), Decimal(0))
    weights_total = sum((item.weight for item in table.rows_of(["产出指标"])), Decimal(0))
    item = next(i for i in score_year(year).indicators if i.indicator.code == "key_task_completion")
    assert item.score == _half_up(total / weights_total * weight)
    assert Decimal(0) <= item.score <= weight
