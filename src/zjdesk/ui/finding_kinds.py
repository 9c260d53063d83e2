"""How a finding is shown: its kind (red, to do, yellow, to review, blue), colour, name and rank.

One home for these, used by the findings panel, the marks beside the fields and the step navigator.
"""

from __future__ import annotations

from typing import Protocol

# "todo": a finding that only says something is not filled in yet (Finding.is_todo).
# "review": a carried-forward or imported field not yet confirmed (yellow, counted on its own).
SEVERITY_COLOURS = {"red": "#c62828", "todo": "#1e6fd9", "yellow": "#e0a100", "review": "#e0a100", "blue": "#7b8794"}
SEVERITY_NAMES = {"red": "必须修改", "todo": "待填写", "yellow": "请留意", "review": "待复核", "blue": "建议"}
SEVERITY_ORDER = {"red": 0, "todo": 1, "yellow": 2, "review": 3, "blue": 4}
WORD_JOINER = "\u2060"  # between characters: no line break inside a word ("建 / 议")


class Shown(Protocol):
    """What the kind of a listed item depends on (a finding, or a group of 待复核 marks)."""

    @property
    def check(self) -> str: ...
    @property
    def severity(self) -> str: ...
    @property
    def is_todo(self) -> bool: ...


def kind_of(finding: Shown) -> str:
    """How ``finding`` is shown: red, todo, yellow, review or blue."""
    if finding.check == "review_pending":
        return "review"
    return "todo" if finding.is_todo else finding.severity


def unbreakable(text: str) -> str:
    """``text`` that a wrapping label never breaks inside (its characters joined by word joiners)."""
    return WORD_JOINER.join(text)


def readable(text: str) -> str:
    """``text`` without the word joiners :func:`unbreakable` put in."""
    return text.replace(WORD_JOINER, "")
