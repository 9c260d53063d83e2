"""One set of limits for every number a year holds, the same refusal wherever a value comes in."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.amounts import parse_amount, parse_count, parse_decimal
from zjdesk.domain.limits import AMOUNT, COUNT, DECIMAL, YEAR, NumberError, check_number, number_kind, number_problems
from zjdesk.domain.rates import compute_rates
from zjdesk.domain.serialize import FormatError, dumps, loads


def _document_with(path: list[str], value: object) -> str:
    document = json.loads(dumps(demo_year()))
    target = document["year"]
    for key in path[:-1]:
        target = target[int(key)] if isinstance(target, list) else target[key]
    target[path[-1]] = value
    return json.dumps(document, ensure_ascii=False)


def test_an_amount_with_a_vanishing_exponent_is_refused_on_load_and_nothing_downstream_overflows() -> None:
    with pytest.raises(FormatError, match="小数超过两位"):
        loads(_document_with(["figures", "budget", "total"], "1e-999999"))
    with pytest.raises(FormatError, match="小数超过两位"):
        loads(_document_with(["figures", "initial_budget"], "1E-20"))


@pytest.mark.parametrize("huge", ["1e999999999", "-1E+999999999", "1e1000000"])
def test_an_exponent_beyond_decimals_range_is_too_large_not_an_overflow(huge: str) -> None:
    # abs() of such a value rounds to the decimal context and raises decimal.Overflow.
    with pytest.raises(FormatError, match="过大"):
        loads(_document_with(["figures", "budget", "total"], huge))
    with pytest.raises(FormatError, match="过大"):
        loads(_document_with(["evaluation", "stated_score"], huge))
    with pytest.raises(NumberError):  # typed, it is refused (as no plain decimal), never an Overflow
        parse_decimal(huge, "分", negative=True)


def test_loading_and_typing_refuse_the_same_amounts_with_the_same_words() -> None:
    for typed in ("12.345", "1000000000000", "-1000000000000.5"):
        with pytest.raises(NumberError) as typed_error:
            parse_amount(typed)
        with pytest.raises(FormatError) as loaded_error:
            loads(_document_with(["figures", "budget", "total"], typed))
        reason = str(typed_error.value).split("”", 1)[1]
        assert reason in str(loaded_error.value)


def test_a_weight_of_thirty_million_points_is_refused_in_every_way_in() -> None:
    with pytest.raises(NumberError, match="过大"):
        parse_decimal("30000000", "分")
    with pytest.raises(FormatError, match="过大"):
        loads(_document_with(["indicator_set", "indicators", "0", "weight"], "30000000"))


def test_integers_of_thousands_of_digits_are_refused_not_converted() -> None:
    text = dumps(demo_year()).replace('"evaluation_year": 2024', '"evaluation_year": ' + "9" * 5000)
    with pytest.raises(FormatError, match="上千位"):
        loads(text)
    with pytest.raises(NumberError, match="过大"):
        parse_count("9" * 5000)
    with pytest.raises(FormatError, match="过大"):
        loads(_document_with(["profile", "establishment_total"], 10**40))


def test_a_lone_surrogate_in_any_text_is_refused_on_load() -> None:
    text = _document_with(["cover", "unit_name"], "\ud800湛江")
    with pytest.raises(FormatError, match=r"cover\.unit_name"):
        loads(text)


def test_json_nested_thousands_deep_inside_a_field_is_refused() -> None:
    with pytest.raises(FormatError, match="嵌套"):
        loads(_document_with(["goals"], []).replace('"goals": []', '"goals": ' + "[" * 50_000 + "]" * 50_000))


def test_number_kinds_follow_the_field() -> None:
    assert number_kind("figures.budget.total", whole=False) == AMOUNT
    assert number_kind("figures.payment_progress_rate", whole=False) == DECIMAL
    assert number_kind("indicator_set.indicators.3.weight", whole=False) == DECIMAL
    assert number_kind("profile.staff.0.actual", whole=True) == COUNT
    assert number_kind("cover.evaluation_year", whole=True) == YEAR


def test_number_problems_name_every_out_of_range_value() -> None:
    year = demo_year()
    assert number_problems(year) == []
    year.figures.payment_progress_rate = Decimal("99999999999999999999")
    year.profile.staff[0].actual = -3
    year.cover.evaluation_year = 20244
    paths = [path for path, _message in number_problems(year)]
    assert paths == ["cover.evaluation_year", "profile.staff.0.actual", "figures.payment_progress_rate"]


def test_values_at_the_limits_are_accepted_and_compute() -> None:
    year = demo_year()
    year.figures.budget.total = check_number(Decimal("999999999999.99"), AMOUNT)
    year.figures.final_expenditure.total = Decimal("0.01")
    year.figures.payment_progress_rate = check_number(Decimal("999999.9999"), DECIMAL)
    compute_rates(year)
    assert loads(dumps(year)) == year
