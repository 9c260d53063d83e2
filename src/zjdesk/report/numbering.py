"""Heading numbers of a Chinese official document: 一、 （一） 1. （1）.

The numbers are generated from a heading's position, never typed, so inserting or removing a
part renumbers everything after it.
"""

from __future__ import annotations

from zjdesk.domain.report_words import chinese_numeral

__all__ = ["HeadingCounter", "chinese_numeral", "heading_number", "list_number"]


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
    """The number of an item listed under a level-2 heading (the 改进措施 under （五）): 1. 2. 3.

    These are level-3 items, so they are numbered as level-3 headings are; 一、二、 would rank them
    above the （五） they stand under. The closing step of the program shows the same numbers.
    """
    return heading_number(3, number)


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
