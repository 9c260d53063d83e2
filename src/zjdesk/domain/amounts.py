"""Numbers as people type them: amounts in 万元 (exact decimals), counts and plain numbers.

Finance officers type amounts in every way Chinese input methods allow: full-width digits
(１５５７．１５), thousands separators (1,557.15 or １，５５７．１５) and a trailing unit (万元).
Everything goes through :func:`parse_amount`; nothing in zjdesk holds money as float. Counts
(:func:`parse_count`) and 分值/得分/百分比 (:func:`parse_decimal`) are read the same way. Every parser
ends in :func:`zjdesk.domain.limits.check_number`, so typed values meet the limits every other way
in meets.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from zjdesk.domain.limits import AMOUNT, COUNT, DECIMAL, MAX_COUNT, MAX_COUNT_DIGITS, YEAR, NumberError, check_number

CENT = Decimal("0.01")

# Full-width forms (U+FF01..U+FF5E) map onto ASCII by a fixed offset; the ideographic
# full stop and comma variants officers type by accident are added by hand.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({ord("。"): ord("."), ord("，"): ord(","), ord("　"): ord(" "), ord("－"): ord("-")})

# A final point without decimals (1557.) is 1557: an amount typed key by key passes through it.
_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d*)?$", re.ASCII)
# A score or a percentage: plain decimals only (Decimal() itself also takes 1e3, 1_000 and Arabic-Indic digits).
_DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$", re.ASCII)


def _unsigned_zero(value: Decimal) -> Decimal:
    """``-0`` as ``0``: a typed -0 must never print as -0.00 in the report."""
    return value.copy_abs() if value.is_zero() else value


class AmountError(NumberError):
    """An amount that cannot be read; ``str(error)`` is a Chinese message for the user."""


def normalise_width(text: str) -> str:
    """Turn full-width digits and punctuation into their ASCII forms."""
    return text.translate(_FULL_WIDTH)


def parse_amount(text: str) -> Decimal | None:
    """Read an amount in 万元 as typed by a person.

    Returns ``None`` for an empty field. Accepts full-width digits, thousands separators and a
    trailing 万元 (or 万). Anything else raises :class:`AmountError` with a message in Chinese.
    """
    raw = normalise_width(text).strip()
    if not raw:
        return None
    for unit in ("万元", "万"):
        if raw.endswith(unit):
            raw = raw[: -len(unit)].rstrip()
            break
    if not _AMOUNT.match(raw):
        raise AmountError(f"“{text.strip()}”不是有效的金额：请只填写数字（单位万元），例如 1557.15 或 1,557.15万元。")
    value = Decimal(raw.replace(",", ""))  # the pattern admits only plain decimals
    try:
        check_number(value, AMOUNT, text)
    except NumberError as error:
        raise AmountError(str(error)) from error
    return _unsigned_zero(value).quantize(CENT)


def parse_count(text: str, kind: str = COUNT) -> int | None:
    """A whole number as typed (``17``, ``１７``, ``17人``; a year for ``kind`` YEAR); ``None`` when empty."""
    raw = normalise_width(text).strip()
    for unit in ("人", "名", "年度", "年"):
        raw = raw.removesuffix(unit).rstrip()
    if not raw:
        return None
    # ASCII digits only: str.isdigit() also admits ² and ①, which int() then refuses in English.
    if not (raw.isascii() and raw.isdigit()):
        if kind == YEAR:
            raise NumberError(f"“{text.strip()}”不是年份：请只填写数字，例如 2024。")
        raise NumberError(f"“{text.strip()}”不是人数：请只填写整数，例如 17。")
    if len(raw) > MAX_COUNT_DIGITS:  # never int() thousands of digits: refused as any too large count
        return check_number(MAX_COUNT + 1, kind, text)
    return check_number(int(raw), kind, text)


def parse_decimal(text: str, *suffixes: str, negative: bool = False) -> Decimal | None:
    """A 分值, 得分 or 百分比 as typed (``4.5``, ``４.５分``, ``95%``); ``None`` for an empty field."""
    raw = normalise_width(text).strip()
    for suffix in suffixes:
        raw = raw.removesuffix(suffix).rstrip()
    raw = raw.removesuffix("分").removesuffix("%").rstrip()
    if not raw:
        return None
    if not _DECIMAL.match(raw):
        raise NumberError(f"“{text.strip()}”不是数字：请填写例如 5 或 4.5。")
    value = Decimal(raw)
    if value < 0 and not negative:
        raise NumberError("不能为负数。")
    return check_number(_unsigned_zero(value), DECIMAL, text)


def format_amount(value: Decimal | None, *, unit: bool = False) -> str:
    """Format an amount with two decimals (``1557.15``), optionally followed by 万元."""
    if value is None:
        return ""
    text = f"{_unsigned_zero(value.quantize(CENT, rounding=ROUND_HALF_UP)):f}"
    return f"{text}万元" if unit else text


def format_percent(value: Decimal | None, places: int = 2) -> str:
    """Format a ratio given in percent (``100.45``) as ``100.45%``."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    return f"{_unsigned_zero(value.quantize(quantum, rounding=ROUND_HALF_UP)):f}%"


def format_number(value: Decimal | int | None) -> str:
    """A score or threshold as people write it: ``10``, ``92.5``, ``3.33`` (no trailing zeros, no exponent)."""
    if value is None:
        return ""
    rounded = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
