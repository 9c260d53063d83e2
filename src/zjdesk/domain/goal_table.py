"""Putting an imported goal table into a year: rows attach to the year's goal of the same text.

"Same text" ignores what sheets add or drop around a goal: its number (目标1：, 1、, （一）), spaces
and the punctuation at its end. A sheet that names a goal only by its number (目标1, 目标二) means the
year's goal of that number; one that shortens a goal (做好甲工作 for 做好甲工作，确保全年完成) means the
one goal whose text begins so. A goal the year does not have yet is added after the others. The
imported rows replace the rows the goal had, so importing a table exported from this year gives
the same year; the 待复核 marks and acknowledgements of the replaced rows go with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.model import Goal, GoalIndicator, YearData
from zjdesk.domain.report_words import chinese_numeral

_NUMBERING = re.compile(
    r"^\s*(?:(?:绩效)?目标\s*[0-9一二三四五六七八九十]+\s*[：:、.．]?|[（(]\s*[0-9一二三四五六七八九十]+\s*[）)]|"
    r"[0-9]+\s*[、.．:：)）](?!\d)|[一二三四五六七八九十]+\s*[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
_END_PUNCTUATION = "。；;，,.、！!？?：:"
# A goal named by its number alone: 目标1, 绩效目标二, （3）, 4.
_NUMBER_ONLY = re.compile(
    r"^(?:(?:绩效)?目标\s*(?P<a>[0-9]+|[一二三四五六七八九十]+)|[（(]\s*(?P<b>[0-9]+|[一二三四五六七八九十]+)\s*[）)]|"
    r"(?P<c>[0-9]+))\s*[：:、.．]?$"
)
_CHINESE_NUMBERS = {chinese_numeral(number): number for number in range(1, 100)}
# The shortest shortened goal text that still picks a goal by its beginning.
MIN_PREFIX = 4


def strip_goal_number(text: str) -> str:
    """A goal's text without the number a sheet put before it (目标1：, 1、): the report numbers goals itself."""
    return _NUMBERING.sub("", (text or "").strip(), count=1).strip()


def goal_key(text: str) -> str:
    """What makes two goal texts the same goal: no numbering, no spaces, no final punctuation."""
    raw = normalise_width(text or "")
    raw = _NUMBERING.sub("", raw, count=1)
    return "".join(raw.split()).rstrip(_END_PUNCTUATION)


@dataclass
class ImportedGoal:
    """A goal as a sheet gives it: its text and its rows."""

    text: str
    rows: list[GoalIndicator] = field(default_factory=list)


@dataclass
class GoalImportSummary:
    """What an import changed: goals whose rows were replaced, goals added, rows in all."""

    updated: list[int] = field(default_factory=list)  # indices of the year's goals
    added: list[int] = field(default_factory=list)
    rows: int = 0


def goal_number(text: str) -> int | None:
    """The number of a goal named by its number alone (目标1 → 1, 目标二 → 2), else None."""
    match = _NUMBER_ONLY.match("".join(normalise_width(text or "").split()))
    if match is None:
        return None
    digits = match["a"] or match["b"] or match["c"]
    return int(digits) if digits.isdigit() else _CHINESE_NUMBERS.get(digits)


def _matching_goal(keys: list[str], text: str) -> int | None:
    """The index among the year's goals (by their keys) that ``text`` names: same text, its number, or its beginning."""
    key = goal_key(text)
    if key in keys:
        return keys.index(key)
    number = goal_number(text)
    if number is not None:
        return number - 1 if 0 < number <= len(keys) else None
    if len(key) < MIN_PREFIX:
        return None
    shortened = [index for index, other in enumerate(keys) if other and (other.startswith(key) or key.startswith(other))]
    return shortened[0] if len(shortened) == 1 else None


def merge_goal_table(year: YearData, imported: list[ImportedGoal]) -> GoalImportSummary:
    """Attach the imported rows to ``year`` (changed in place); see the module docstring."""
    summary = GoalImportSummary()
    keys = [goal_key(goal.text) for goal in year.goals]  # the year's goals as they stood: what a number refers to
    by_key: dict[str, int] = {}
    collected: dict[int, list[GoalIndicator]] = {}
    for item in imported:
        key = goal_key(item.text)
        index = by_key.get(key) if key else None
        if index is None:
            index = _matching_goal(keys, item.text)
        if index is None:
            year.goals.append(Goal(text="" if goal_number(item.text) else strip_goal_number(item.text)))
            index = len(year.goals) - 1
            summary.added.append(index)
        elif index not in collected and index not in summary.added:
            summary.updated.append(index)
        if key:
            by_key.setdefault(key, index)
        collected.setdefault(index, []).extend(item.rows)
    for index, rows in collected.items():
        year.goals[index].indicators = rows
        summary.rows += len(rows)
        _forget_rows(year, index)
    return summary


def _forget_rows(year: YearData, goal: int) -> None:
    prefix = f"goals.{goal}.indicators."
    year.review = [path for path in year.review if not path.startswith(prefix)]
    year.acknowledgements = [item for item in year.acknowledgements if not item.path.startswith(prefix)]
