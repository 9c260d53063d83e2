"""Amounts in 万元: exact decimals, one parser, one formatter.

Finance officers type amounts in every way Chinese input methods allow: full-width digits
(１５５７．１５), thousands separators (1,557.15 or １，５５７．１５) and a trailing unit (万元).
Everything goes through :func:`parse_amount`; nothing in zjdesk holds money as float.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zjdesk.domain.errors import UserError

CENT = Decimal("0.01")
# No unit's budget comes near a trillion 万元: more digits than this are a slip of the keyboard
# (or a pasted account number), and would overflow the two-decimal arithmetic of the rates.
MAX_AMOUNT = Decimal(10) ** 12

# Full-width forms (U+FF01..U+FF5E) map onto ASCII by a fixed offset; the ideographic
# full stop and comma variants officers type by accident are added by hand.
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FULL_WIDTH.update({ord("。"): ord("."), ord("，"): ord(","), ord("　"): ord(" "), ord("－"): ord("-")})

_AMOUNT = re.compile(r"^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")


class AmountError(UserError, ValueError):
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
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation as error:  # pragma: no cover - the regex admits only valid decimals
        raise AmountError(f"“{text.strip()}”不是有效的金额。") from error
    if abs(value) >= MAX_AMOUNT:
        raise AmountError(f"“{text.strip()}”的数额过大：金额以万元为单位，请核对位数。")
    if value != value.quantize(CENT):
        raise AmountError(f"“{text.strip()}”的小数超过两位：金额以万元为单位，最多保留两位小数。")
    return value.quantize(CENT)


def format_amount(value: Decimal | None, *, unit: bool = False) -> str:
    """Format an amount with two decimals (``1557.15``), optionally followed by 万元."""
    if value is None:
        return ""
    text = f"{value.quantize(CENT, rounding=ROUND_HALF_UP):f}"
    return f"{text}万元" if unit else text


def format_percent(value: Decimal | None, places: int = 2) -> str:
    """Format a ratio given in percent (``100.45``) as ``100.45%``."""
    if value is None:
        return ""
    quantum = Decimal(1).scaleb(-places)
    return f"{value.quantize(quantum, rounding=ROUND_HALF_UP):f}%"


def format_number(value: Decimal | int | None) -> str:
    """A score or threshold as people write it: ``10``, ``92.5``, ``3.33`` (no trailing zeros, no exponent)."""
    if value is None:
        return ""
    rounded = Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
