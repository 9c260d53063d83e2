"""Any year, however odd its values, scores, checks, fixes and renders without raising."""

from __future__ import annotations

import types
import typing
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zjdesk.demo import demo_year
from zjdesk.domain.amounts import AmountError, parse_amount
from zjdesk.domain.checks import apply_fix, run_checks
from zjdesk.domain.limits import number_problems
from zjdesk.domain.model import Band, Indicator, ScoringRule, YearData
from zjdesk.domain.rates import RATE_LABELS
from zjdesk.domain.scoring import score_year
from zjdesk.domain.serialize import FormatError, dumps, loads
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.xlsx_writer import render_xlsx

# Text as officers type and paste it: Chinese, punctuation of both widths, digits, years,
# characters beyond the BMP, control characters from other programs.
_CHARACTERS = list("甲乙 ,.:;()（）。，2024年万元%0123456789\t\n𠀀😀\ufeff\u200b-*=\x0b\x00\x07")
_TEXTS = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=30)
# Up to what the program's inputs accept (amounts below 10¹² 万元): sums and fixes derived from
# them must still be values the year file reads back.
_DECIMALS = st.decimals(
    min_value=Decimal("-1e12"), max_value=Decimal("1e12"), allow_nan=False, allow_infinity=False, places=2
) | st.sampled_from([Decimal(0), Decimal("-0"), Decimal("0.000001"), Decimal("1E-20"), Decimal("9E+11")])
_RULES = st.builds(
    ScoringRule,
    kind=st.sampled_from(["judged", "bands", "linear", "pro_rata", "checklist", "unknown", ""]),
    metric=st.sampled_from([*sorted(RATE_LABELS), "", "unknown"]),
    direction=st.sampled_from(["higher", "lower", "unknown"]),
    bands=st.lists(st.builds(Band, lower=st.none() | _DECIMALS, upper=st.none() | _DECIMALS, points=_DECIMALS), max_size=3),
    threshold=st.none() | _DECIMALS,
    per_point=st.none() | _DECIMALS,
    target=st.none() | _DECIMALS,
    checklist=st.lists(_TEXTS, max_size=3),
    per_item=st.none() | _DECIMALS,
)
_SCALARS = {str: _TEXTS, Decimal: _DECIMALS, int: st.integers(-5, 10**6), bool: st.booleans(), date: st.dates()}


def _strategy(kind: Any) -> st.SearchStrategy[Any]:
    """Any value of a model type, built from its type hints (no global registration)."""
    if kind is ScoringRule:
        return _RULES
    if kind in _SCALARS:
        return _SCALARS[kind]
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return st.none() | _strategy(options[0])
    if origin is list:
        return st.lists(_strategy(typing.get_args(kind)[0]), max_size=3)
    hints = typing.get_type_hints(kind)
    return st.builds(kind, **{name: _strategy(hint) for name, hint in hints.items()})


def _years() -> st.SearchStrategy[YearData]:
    return _strategy(YearData)


YEARS = _years()


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(YEARS)
def test_any_year_scores_checks_converges_under_its_fixes_and_renders(year):
    score_year(year)
    for _ in range(100):
        fixable = [finding for finding in run_checks(year) if finding.fix is not None]
        if not fixable:
            break
        apply_fix(year, fixable[0])  # as the program does: one fix, then the checks run again
    else:
        raise AssertionError(f"automatic fixes never settle: {[(f.check, f.path) for f in fixable[:3]]}")
    outline = outline_for(year, draft=True)
    render_docx(outline)
    render_xlsx(outline)
    # The JSON reads back exactly what was dumped — unless a number lies beyond the limits every
    # way into a year shares, and then reading refuses it with a message.
    if number_problems(year):
        with pytest.raises(FormatError):
            loads(dumps(year))
    else:
        assert loads(dumps(year)) == year


def test_a_score_on_an_indicator_without_a_positive_weight_offers_no_fix_that_changes_nothing():
    year = demo_year()
    year.indicator_set.indicators[0] = Indicator(
        code="x", level1="甲", level2="乙", level3="丙", weight=Decimal(-1), judged_score=Decimal(0)
    )
    findings = run_checks(year)
    assert any(f.check == "weights_total" and f.path.endswith("0.weight") for f in findings)
    for finding in findings:
        if finding.fix is not None:
            assert finding.fix.old != finding.fix.new, finding


def test_an_amount_typed_with_far_too_many_digits_is_refused_with_a_message():
    for typed in ("9" * 40, "１" * 13, "-" + "9" * 20 + ".5"):
        with pytest.raises(AmountError, match="过大"):
            parse_amount(typed)
    assert parse_amount("999999999999.99") == Decimal("999999999999.99")


def test_a_year_json_with_an_absurd_number_is_refused_with_a_message():
    text = dumps(demo_year()).replace('"total": "1557.15"', '"total": "1E+40"', 1)
    with pytest.raises(FormatError, match="过大"):
        loads(text)


def test_rates_of_extreme_but_loadable_numbers_are_unknown_not_a_crash():
    year = demo_year()
    year.figures.final_expenditure.total = Decimal("999999999999999")
    year.figures.budget.total = Decimal("0.0000000000001")
    year.profile.actual_total = 10**40
    year.profile.establishment_total = 1
    score_year(year)
    run_checks(year)
    render_docx(outline_for(year, draft=True))


def test_the_stated_grade_fix_and_the_text_checks_do_not_undo_each_other():
    year = demo_year()
    year.indicator_set.grades[0].grade = "优 "  # a grade label typed with a trailing space
    year.evaluation.stated_grade = "良"
    for _ in range(10):
        fixable = [finding for finding in run_checks(year) if finding.fix is not None and "stated_grade" in finding.path]
        if not fixable:
            break
        apply_fix(year, fixable[0])
    assert not fixable


def test_a_json_file_nested_thousands_deep_is_refused_with_a_message():
    with pytest.raises(FormatError, match="嵌套"):
        loads("[" * 100_000)
