"""Each step's mark in the navigator: red, yellow, todo, done (filled in, nothing open) or open (not yet filled in).

A field that is merely not yet filled in (a required text, an indicator still to be scored) is a to-do,
not an error: on a new year the navigator and the findings panel show a list of things to fill in,
and keep red for real problems (sums that do not add up, figures that contradict each other).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from zjdesk.domain.model import YearData
from zjdesk.ui.steps import STEPS, step_of_path


def _has_content(value: Any) -> bool:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_has_content(getattr(value, item.name)) for item in dataclasses.fields(value))
    if isinstance(value, list):
        return any(_has_content(item) for item in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value is not False


# Checks whose findings only say "not filled in yet" (red ones, and the goal table's blue 实际完成值).
TODO_CHECKS = frozenset({"required_missing", "judged_score_missing", "goal_row_incomplete", "goal_actual_missing"})


def is_todo(finding: Any) -> bool:
    """True for a finding that asks for something still to be filled in, not for a mistake."""
    return getattr(finding, "check", "") in TODO_CHECKS


def step_statuses(year: YearData, findings: Iterable[Any]) -> list[str]:
    """One status per step of :data:`STEPS`."""
    rank = {"red": 0, "yellow": 1, "todo": 2}
    worst: dict[int, str] = {}
    for finding in findings:
        if getattr(finding, "acknowledged", False) or (finding.severity not in ("red", "yellow") and not is_todo(finding)):
            continue
        index = step_of_path(getattr(finding, "path", "") or "")
        status = "todo" if is_todo(finding) else finding.severity
        if index not in worst or rank[status] < rank[worst[index]]:
            worst[index] = status
    open_kinds = set(worst.values())
    statuses = []
    for index, step in enumerate(STEPS):
        if index in worst:
            statuses.append(worst[index])
        elif not step.parts:
            # 预览与导出: the report is ready when no step has anything open
            statuses.append("red" if "red" in open_kinds else "todo" if "todo" in open_kinds else "done")
        elif any(_has_content(getattr(year, part)) for part in step.parts if part not in ("unplaced", "indicator_set")):
            statuses.append("done")
        else:
            statuses.append("open")
    return statuses
