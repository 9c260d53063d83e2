"""The 指标值 and 实际完成值 of a goal indicator as officers and the 一体化 system write them.

``≥95%``, ``大于等于98``, ``≤300元/人``, ``95%以上``, ``等于100``, ``１００``, ``1,200人次``: a sign, a
number and a unit, any of which may be missing; or words (平稳有序, 部分达成) for a qualitative value.
:func:`read_value` takes them apart; the importer, the goals step and the score engine all read
values through it, so ``95%`` means the same everywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from zjdesk.domain.amounts import normalise_width

# Words and marks for a sign before the number, longest first so 大于等于 wins over 大于.
_LEADING_SIGNS: tuple[tuple[str, str], ...] = (
    ("大于或等于", "≥"),
    ("小于或等于", "≤"),
    ("大于等于", "≥"),
    ("小于等于", "≤"),
    ("不低于", "≥"),
    ("不少于", "≥"),
    ("不小于", "≥"),
    ("不高于", "≤"),
    ("不超过", "≤"),
    ("不多于", "≤"),
    ("不大于", "≤"),
    ("至少", "≥"),
    ("大于", "≥"),
    ("高于", "≥"),
    ("小于", "≤"),
    ("低于", "≤"),
    ("等于", "="),
    (">=", "≥"),
    ("<=", "≤"),
    ("==", "="),
    ("≥", "≥"),
    ("≧", "≥"),
    ("⩾", "≥"),
    ("≤", "≤"),
    ("≦", "≤"),
    ("⩽", "≤"),
    (">", "≥"),
    ("<", "≤"),
    ("=", "="),
)
# Words after the number: 95%以上, 300元以内.
_TRAILING_SIGNS: tuple[tuple[str, str], ...] = (
    ("及以上", "≥"),
    ("以上", "≥"),
    ("及以下", "≤"),
    ("以下", "≤"),
    ("以内", "≤"),
)
_NUMBER = re.compile(r"^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$")
# Punctuation typed after a value (12。 95%； — full-width already made half-width) ends no unit.
_SLIPS = ".,;:、!?"
MAX_UNIT_LENGTH = 12  # longer text after a number is a sentence (2024年12月底前完成), not a unit
# Far beyond any target; longer digit strings are slips of the keyboard, not numbers to score with.
MAX_DIGITS = 15


@dataclass(frozen=True)
class IndicatorValue:
    """A value taken apart: ``sign`` (≥ ≤ = or empty), ``number`` (None for words) and ``unit``."""

    text: str  # the value as written, trimmed
    sign: str = ""
    number: Decimal | None = None
    unit: str = ""
    digits: str = ""  # the number as written (half-width, without thousands separators): 95.50

    @property
    def is_number(self) -> bool:
        return self.number is not None

    @property
    def is_empty(self) -> bool:
        return not self.text


def _strip_sign(text: str) -> tuple[str, str]:
    for word, sign in _LEADING_SIGNS:
        if text.startswith(word):
            return sign, text[len(word) :].strip()
    return "", text


# The score and the checks read every row's values on each keystroke; the texts rarely change.
@lru_cache(maxsize=4096)
def read_value(text: str) -> IndicatorValue:
    """Take an indicator value apart (see the module docstring); words stay words, exactly as written."""
    written = (text or "").strip()
    raw = normalise_width(written).strip()
    if not raw:
        return IndicatorValue("")
    sign, rest = _strip_sign(raw)
    for word, trailing in _TRAILING_SIGNS:
        if rest.endswith(word) and len(rest) > len(word):
            rest = rest[: -len(word)].rstrip()
            sign = sign or trailing
            break
    found = _NUMBER.match(rest)
    if found is None:
        return IndicatorValue(written)
    digits, unit = found.group(1).replace(",", ""), found.group(2).strip().rstrip(_SLIPS).rstrip()
    if len(unit) > MAX_UNIT_LENGTH or any(char.isdigit() for char in unit) or len(digits.lstrip("+-").split(".")[0]) > MAX_DIGITS:
        return IndicatorValue(written)
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return IndicatorValue(written)
    return IndicatorValue(written, sign, number, unit, digits)


def number_text(value: Decimal) -> str:
    """A number exactly as it is, without exponent or trailing zeros: ``95``, ``92.5``, ``0.375``."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def with_unit(value: Decimal, unit: str) -> str:
    """``92%``, ``330元/人``, ``1200 人次`` is written without the space: ``1200人次``."""
    return f"{number_text(value)}{unit}"
