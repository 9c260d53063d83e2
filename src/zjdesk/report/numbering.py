"""Heading numbers of a Chinese official document: 一、 （一） 1. （1）.

The numbers are generated from a heading's position, never typed, so inserting or removing a
part renumbers everything after it.
"""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_numeral(number: int) -> str:
    """Write 1…99 as Chinese numerals (一, 十, 十一, 二十, 九十九)."""
    if not 1 <= number <= 99:
        raise ValueError(f"heading numbers run from 1 to 99, not {number}")
    tens, units = divmod(number, 10)
    if tens == 0:
        return _DIGITS[units]
    prefix = "十" if tens == 1 else _DIGITS[tens] + "十"
    return prefix + (_DIGITS[units] if units else "")


def heading_number(level: int, number: int) -> str:
    """The printed number of the ``number``-th heading of ``level`` (1–4): 一、 （一） 1. （1）."""
    if level == 1:
        return f"{chinese_numeral(number)}、"
    if level == 2:
        return f"（{chinese_numeral(number)}）"
    if level == 3:
        return f"{number}."
    if level == 4:
        return f"（{number}）"
    raise ValueError(f"heading level must be 1–4, not {level}")


def list_number(number: int) -> str:
    """The number of an item of a 一、二、三… list (the 改进措施 are numbered this way)."""
    return f"{chinese_numeral(number)}、"


class HeadingCounter:
    """Hands out heading numbers in document order; a new heading restarts every level below it."""

    def __init__(self) -> None:
        self._counts = [0, 0, 0, 0]

    def next(self, level: int) -> str:
        """The number of the next heading of ``level``."""
        self._counts[level - 1] += 1
        for lower in range(level, 4):
            self._counts[lower] = 0
        return heading_number(level, self._counts[level - 1])
