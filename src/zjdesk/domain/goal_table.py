"""Putting an imported goal table into a year: rows attach to the year's goal of the same text.

"Same text" ignores what sheets add or drop around a goal: its number (目标1：, 1、, （一）), spaces
and the punctuation at its end. A goal the year does not have yet is added after the others. The
imported rows replace the rows the goal had, so importing a table exported from this year gives
the same year; the 待复核 marks and acknowledgements of the replaced rows go with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.model import Goal, GoalIndicator, YearData

_NUMBERING = re.compile(
    r"^\s*(?:(?:绩效)?目标\s*[0-9一二三四五六七八九十]+\s*[：:、.．]?|[（(]\s*[0-9一二三四五六七八九十]+\s*[）)]|"
    r"[0-9]+\s*[、.．:：)）](?!\d)|[一二三四五六七八九十]+\s*[、.．]|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
_END_PUNCTUATION = "。；;，,.、！!？?：:"


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


def merge_goal_table(year: YearData, imported: list[ImportedGoal]) -> GoalImportSummary:
    """Attach the imported rows to ``year`` (changed in place); see the module docstring."""
    summary = GoalImportSummary()
    by_key = {goal_key(goal.text): index for index, goal in enumerate(year.goals) if goal_key(goal.text)}
    collected: dict[int, list[GoalIndicator]] = {}
    for item in imported:
        key = goal_key(item.text)
        index = by_key.get(key)
        if index is None:
            year.goals.append(Goal(text=strip_goal_number(item.text)))
            index = len(year.goals) - 1
            by_key[key] = index
            summary.added.append(index)
        elif index not in collected and index not in summary.added:
            summary.updated.append(index)
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
