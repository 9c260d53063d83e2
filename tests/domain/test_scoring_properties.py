"""Properties of the score engine, the checks' fixes and the amounts, checked with hypothesis."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from zjdesk.demo import demo_year
from zjdesk.domain.amounts import format_amount, parse_amount
from zjdesk.domain.checks import apply_fix, run_checks
from zjdesk.domain.model import Band, Indicator, IndicatorSet, ScoreCap, ScoringRule, YearData
from zjdesk.domain.rates import RATE_LABELS
from zjdesk.domain.scoring import score_year
from zjdesk.domain.scoring_sets import reference_indicator_set

amounts = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
optional_amounts = st.none() | amounts
weights = st.decimals(min_value="0.5", max_value=30, places=1, allow_nan=False, allow_infinity=False)
small = st.decimals(min_value=-50, max_value=200, places=2, allow_nan=False, allow_infinity=False)


@st.composite
def rules(draw) -> ScoringRule:
    kind = draw(st.sampled_from(["judged", "bands", "linear", "pro_rata", "checklist", "unknown"]))
    metric = draw(st.sampled_from(sorted(RATE_LABELS)))
    bands = [
        Band(
            lower=draw(st.none() | small),
            upper=draw(st.none() | small),
            points=draw(small),
            upper_inclusive=draw(st.booleans()),
        )
        for _ in range(draw(st.integers(0, 4)))
    ]
    return ScoringRule(
        kind=kind,
        metric=metric,
        bands=bands,
        threshold=draw(st.none() | small),
        per_point=draw(st.none() | small),
        direction=draw(st.sampled_from(["higher", "lower"])),
        target=draw(st.none() | small),
        checklist=draw(st.lists(st.sampled_from(["甲", "乙", "丙"]), max_size=3)),
        per_item=draw(st.none() | small),
    )


@st.composite
def years(draw) -> YearData:
    year = YearData()
    figures = year.figures
    figures.budget.total = draw(optional_amounts)
    figures.final_revenue.total = draw(optional_amounts)
    figures.final_expenditure.total = draw(optional_amounts)
    figures.prior_final_expenditure.total = draw(optional_amounts)
    figures.initial_budget = draw(optional_amounts)
    figures.budget_adjustment = draw(st.none() | small)
    figures.carry_over = draw(optional_amounts)
    figures.public_funds_budget, figures.public_funds_actual = draw(optional_amounts), draw(optional_amounts)
    figures.three_public_budget, figures.three_public_actual = draw(optional_amounts), draw(optional_amounts)
    figures.three_public_prior_actual = draw(optional_amounts)
    figures.procurement_plan, figures.procurement_actual = draw(optional_amounts), draw(optional_amounts)
    figures.payment_progress_rate = draw(st.none() | small)
    year.profile.establishment_total = draw(st.none() | st.integers(0, 100))
    year.profile.actual_total = draw(st.none() | st.integers(0, 100))
    indicators = [
        Indicator(
            level1=draw(st.sampled_from(["甲", "乙"])),
            weight=draw(weights),
            rule=draw(rules()),
            judged_score=draw(st.none() | small),
            checklist_met=draw(st.lists(st.booleans(), max_size=4)),
            violations=draw(st.none() | st.integers(0, 5)),
        )
        for _ in range(draw(st.integers(0, 6)))
    ]
    caps = [
        ScoreCap(
            metric=draw(st.sampled_from(sorted(RATE_LABELS))),
            lower=draw(st.none() | small),
            upper=draw(st.none() | small),
            max_total=draw(st.decimals(0, 100, places=0)),
        )
        for _ in range(draw(st.integers(0, 3)))
    ]
    total = sum((item.weight for item in indicators), Decimal(0))
    year.indicator_set = IndicatorSet(total_weight=total, indicators=indicators, caps=caps)
    return year


@settings(max_examples=150, deadline=None)
@given(years())
def test_every_score_lies_within_zero_and_its_weight_and_the_total_within_the_set(year):
    score = score_year(year)
    for item in score.indicators:
        assert Decimal(0) <= item.score <= item.weight
        assert item.explanation
    assert Decimal(0) <= score.total <= year.indicator_set.total_weight
    assert score.total <= score.uncapped_total
    assert sum((group.score for group in score.groups), Decimal(0)) == score.uncapped_total


@settings(max_examples=100, deadline=None)
@given(years())
def test_checks_never_fail_on_any_year(year):
    for finding in run_checks(year):
        assert finding.severity in ("red", "yellow", "blue")
        assert finding.message and finding.path


def _reference_score(expenditure: Decimal, metric_rule: str) -> Decimal:
    year = demo_year()
    year.figures.final_expenditure.total = expenditure
    if metric_rule == "reference":
        return score_year(year).indicators[4].score
    rule = {
        "pro_rata": ScoringRule(kind="pro_rata", metric="budget_execution_rate", target=Decimal(100)),
        "linear": ScoringRule(kind="linear", metric="budget_execution_rate", threshold=Decimal(95), per_point=Decimal("0.7")),
    }[metric_rule]
    year.indicator_set = IndicatorSet(indicators=[Indicator(weight=Decimal(10), rule=rule)])
    return score_year(year).indicators[0].score


@settings(max_examples=60, deadline=None)
@given(amounts, amounts, st.sampled_from(["reference", "pro_rata", "linear"]))
def test_a_higher_execution_rate_never_lowers_a_higher_is_better_score(first, second, rule):
    low, high = sorted((first, second))
    assert _reference_score(low, rule) <= _reference_score(high, rule)


def test_reference_set_weights_sum_to_its_total():
    reference = reference_indicator_set()
    assert sum(item.weight for item in reference.indicators) == reference.total_weight == Decimal(100)
    assert reference.is_reference and reference.source.startswith("参考指标体系")


@settings(max_examples=300, deadline=None)
@given(amounts)
def test_formatting_then_parsing_an_amount_is_the_identity(value):
    assert parse_amount(format_amount(value)) == value
    assert parse_amount(format_amount(value, unit=True)) == value


@settings(max_examples=300, deadline=None)
@given(st.integers(0, 10**9), st.integers(0, 99))
def test_parsing_then_formatting_a_canonical_amount_is_the_identity(units, cents):
    text = f"{units}.{cents:02d}"
    assert format_amount(parse_amount(text)) == text


chinese = st.sampled_from([*"预算执行情况良好资金", " ", "\u3000", ",", ";", ":", "(", ")", "，", "。", "a", "1"])


@settings(max_examples=200, deadline=None)
@given(st.text(chinese, min_size=1, max_size=30))
def test_text_fixes_leave_nothing_to_fix(text):
    year = YearData()
    year.other = text
    for _ in range(3):  # one fix per run: a second fix from the same run is stale and refused
        fixable = [f for f in run_checks(year) if f.check in ("stray_space", "half_width_punctuation") and f.fix]
        if fixable:
            apply_fix(year, fixable[0])
    left = {f.check for f in run_checks(year) if f.path == "other"}
    assert not left & {"stray_space", "half_width_punctuation"}


doubling = st.sampled_from(["执", "行", "预算", "执行", "的", "，", "。", "、", "；"])


@settings(max_examples=200, deadline=None)
@given(st.lists(doubling, min_size=1, max_size=12).map("".join))
@example("。" * 12)  # halved pass by pass: more passes than a fixed few
def test_removing_doubles_leaves_nothing_doubled(text):
    year = YearData()
    year.other = text
    fixable = [f for f in run_checks(year) if f.check == "doubled_text" and f.path == "other"]
    if fixable:
        apply_fix(year, fixable[0])
    assert not [f for f in run_checks(year) if f.check == "doubled_text" and f.path == "other"]
