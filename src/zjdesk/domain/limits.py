"""The limits of every number a year holds, and the one check every way in goes through.

Numbers reach a year by the officer's typing (the number fields), a JSON file (``zjdesk load``),
the year file itself, last year's Word report (``import-docx``) and spreadsheets (the indicator
table, the goal table). Each of them calls :func:`check_number` — directly, through
:func:`check_field` or :func:`number_problems` (a whole year), or through the parsers of typed text
built on it (:mod:`zjdesk.domain.amounts`) — so a value one of them accepts every other accepts too,
and a refusal reads the same everywhere.

The limits are far beyond any real unit's figures and far inside what the two-decimal arithmetic
of the rates and scores can carry exactly (Decimal's 28 digits): a number outside them is a slip of
the keyboard, a pasted account number or a damaged file, never a real figure.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any, TypeVar

from zjdesk.domain.errors import UserError
from zjdesk.domain.registry import info_at

# The kinds of number a year holds; :func:`number_kind` tells which a field is.
AMOUNT = "amount"  # 万元 with at most two decimals (the figures)
DECIMAL = "decimal"  # 分值, 得分, 百分比 and the numbers of a scoring rule
COUNT = "count"  # people, goals, violations: a whole number
YEAR = "year"  # the evaluation year (0 while not set)

MAX_AMOUNT = Decimal(10) ** 12  # 万元, exclusive: a trillion 万元 is no unit's budget
AMOUNT_PLACES = 2
MAX_DECIMAL = Decimal(1_000_000)  # exclusive: no weight, score or percentage comes near it
DECIMAL_PLACES = 4
MAX_COUNT_DIGITS = 7  # no unit counts ten million people
MAX_COUNT: int = 10**MAX_COUNT_DIGITS - 1
FIRST_YEAR, LAST_YEAR = 2000, 2100

# The model's declared kinds (zjdesk.domain.field_info) → the limits that apply to them.
_DECLARED_KINDS = {"amount": AMOUNT, "percent": DECIMAL, "count": COUNT}


Number = TypeVar("Number", int, Decimal)


class NumberError(UserError, ValueError):
    """A number outside its limits (or not a number); ``str(error)`` is the Chinese message."""


@lru_cache(maxsize=4096)  # asked for every number of every part a year file or a JSON file holds
def number_kind(path: str, whole: bool) -> str:
    """The kind of the number at ``path`` (a dotted field path); ``whole`` for int fields.

    A field the model declares (a figure, a percentage, a count of people) has the limits of its
    declared kind; the rest — weights, scores and the numbers of a scoring rule — are plain decimals
    or counts.
    """
    if path == "cover.evaluation_year":
        return YEAR
    info = info_at(path)
    declared = _DECLARED_KINDS.get(info.kind) if info is not None else None
    if declared is not None and (declared in (COUNT, YEAR)) == whole:
        return declared
    return COUNT if whole else DECIMAL


def _shown(value: Any, text: str | None) -> str:
    """What the message quotes: the typed text or the value, shortened when it runs to pages."""
    if text is not None:
        shown = text.strip()
    elif isinstance(value, int) and abs(value) >= 10**40:  # str() refuses ints of thousands of digits
        return f"{len(str(abs(value))) if value.bit_length() < 10_000 else '上千'}位的整数"
    else:
        shown = str(value)
    return shown if len(shown) <= 40 else f"{shown[:16]}…（共 {len(shown)} 个字符）"


def check_number(value: Number, kind: str, text: str | None = None) -> Number:
    """Return ``value`` when it lies within the limits of ``kind``, else raise :class:`NumberError`.

    ``text`` is what was typed or read (named in the message); without it the value is shown.
    """
    if kind in (COUNT, YEAR):
        if isinstance(value, bool) or not isinstance(value, int):
            raise NumberError(f"“{_shown(value, text)}”不是整数：请只填写整数，例如 17。")
        if kind == YEAR:
            if value != 0 and not FIRST_YEAR <= value <= LAST_YEAR:
                raise NumberError(
                    f"“{_shown(value, text)}”不是有效的评价年度：请填写 {FIRST_YEAR} 至 {LAST_YEAR} 之间的年份，例如 2024。"
                )
            return value
        if value < 0:
            raise NumberError(f"“{_shown(value, text)}”是负数：人数和项数不能为负数。")
        if value > MAX_COUNT:
            raise NumberError(f"“{_shown(value, text)}”过大：人数和项数最多 {MAX_COUNT_DIGITS} 位，请核对位数。")
        return value
    if not isinstance(value, Decimal) or not value.is_finite():
        raise NumberError(f"“{_shown(value, text)}”不是有效的数字。")
    if kind == AMOUNT:
        if value.copy_abs() >= MAX_AMOUNT:  # abs() rounds to the context: 1E+999999999 would overflow
            raise NumberError(f"“{_shown(value, text)}”的数额过大：金额以万元为单位，请核对位数。")
        if not _has_places(value, AMOUNT_PLACES):
            raise NumberError(f"“{_shown(value, text)}”的小数超过两位：金额以万元为单位，最多保留两位小数。")
        return value
    if value.copy_abs() >= MAX_DECIMAL:
        raise NumberError(f"“{_shown(value, text)}”过大：分值、得分和百分比不会超过 {MAX_DECIMAL:,}，请核对位数。")
    if not _has_places(value, DECIMAL_PLACES):
        raise NumberError(f"“{_shown(value, text)}”的小数位数过多：分值、得分和百分比最多保留 {DECIMAL_PLACES} 位小数。")
    return value


def _has_places(value: Decimal, places: int) -> bool:
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= -places:
        return True
    try:  # 1.50 has exponent -2 yet one decimal; magnitudes are bounded, so quantize cannot overflow
        return value == value.quantize(Decimal(1).scaleb(-places))
    except InvalidOperation:
        return False


def check_field(path: str, value: Any) -> Any:
    """:func:`check_number` for the field at ``path`` (``None`` — not filled in — always passes)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return check_number(value, number_kind(path, whole=True))
    if isinstance(value, Decimal):
        return check_number(value, number_kind(path, whole=False))
    return value


def number_problems(root: Any, prefix: str = "") -> list[tuple[str, str]]:
    """(path, message) of every number under ``root`` (a year or a part of it) outside its limits."""
    problems = []
    for path, value in _numbers(root, prefix):
        try:
            check_field(path, value)
        except NumberError as error:
            problems.append((path, str(error)))
    return problems


def _numbers(value: Any, path: str) -> Iterator[tuple[str, Any]]:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from _numbers(getattr(value, item.name), f"{path}.{item.name}" if path else item.name)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _numbers(item, f"{path}.{index}")
    elif isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        yield path, value
