"""The one amount parser: what officers type, and what they must be told."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zjdesk.domain.amounts import AmountError, format_amount, format_percent, parse_amount, parse_decimal
from zjdesk.domain.limits import NumberError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("1557.15", "1557.15"),
        ("１５５７．１５", "1557.15"),
        ("1,557.15", "1557.15"),
        ("１，５５７．１５万元", "1557.15"),
        ("  898.41 万元 ", "898.41"),
        ("1564.1", "1564.10"),
        ("0", "0.00"),
        ("12万", "12.00"),
        ("-3.5", "-3.50"),
        ("1557.", "1557.00"),  # on its way to 1557.15, or left so
        ("１５５７．万元", "1557.00"),
    ],
)
def test_accepts_what_officers_type(typed: str, expected: str) -> None:
    assert parse_amount(typed) == Decimal(expected)


def test_minus_zero_is_zero_and_never_prints_a_sign() -> None:
    # A typed -0 (or a -0.004 that rounds away) would print as -0.00 in the report.
    assert str(parse_amount("-0")) == "0.00" and str(parse_amount("－0.00万元")) == "0.00"
    assert format_amount(Decimal("-0.00")) == "0.00" and format_amount(Decimal("-0.004")) == "0.00"
    assert format_percent(Decimal("-0.001")) == "0.00%"


@pytest.mark.parametrize("typed", ["1e3", "1_000", "١٢٣", "nan", "Infinity", "0x10"])
def test_scores_and_percentages_are_plain_decimals(typed: str) -> None:
    # Decimal() itself reads all of these; an officer typing one meant something else.
    with pytest.raises(NumberError, match="不是数字"):
        parse_decimal(typed)
    assert parse_decimal("-0") == 0 and str(parse_decimal("-0")) == "0"


def test_empty_field_is_unknown_not_zero() -> None:
    assert parse_amount("   ") is None
    assert parse_amount("") is None


@pytest.mark.parametrize("typed", ["abc", "1.2.3", "1,55.7", "12元", "1e5", "１５５７．１５６", "万元", "--1", "١٢٣"])
def test_refuses_anything_else_in_chinese(typed: str) -> None:
    with pytest.raises(AmountError) as raised:
        parse_amount(typed)
    message = str(raised.value)
    assert "金额" in message or "小数" in message
    assert any("\u4e00" <= char <= "\u9fff" for char in message)


def test_format_amount_two_decimals_and_unit() -> None:
    assert format_amount(Decimal("1564.1")) == "1564.10"
    assert format_amount(Decimal("655.69"), unit=True) == "655.69万元"
    assert format_amount(None) == ""


def test_format_percent() -> None:
    assert format_percent(Decimal("100.4463")) == "100.45%"
    assert format_percent(None) == ""


@given(st.decimals(min_value=Decimal("-99999999.99"), max_value=Decimal("99999999.99"), places=2))
def test_parsing_then_formatting_is_the_identity(value: Decimal) -> None:
    text = format_amount(value)
    assert parse_amount(text) == value
    assert format_amount(parse_amount(text)) == text


@given(st.decimals(min_value=Decimal(0), max_value=Decimal("9999999.99"), places=2))
def test_full_width_and_separators_read_the_same(value: Decimal) -> None:
    plain = format_amount(value)
    integer, _, fraction = plain.partition(".")
    grouped = f"{int(integer):,}.{fraction}"
    full_width = grouped.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789.,"})
    assert parse_amount(full_width + "万元") == value
