"""Each step's status for the navigator: red, yellow, todo, done (filled in, nothing open) or open (not yet filled in).

A field that is merely not yet filled in (a required text, an indicator still to be scored) is a to-do,
not an error: on a new year the navigator and the findings panel show a list of things to fill in,
and keep red for real problems (sums that do not add up, figures that contradict each other).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Literal

from zjdesk.domain.checks_base import RED, YELLOW, Finding
from zjdesk.domain.model import YearData
from zjdesk.domain.steps import STEPS, step_index_of_path

StepStatus = Literal["red", "yellow", "todo", "done", "open"]
_RANK: dict[str, int] = {"red": 0, "yellow": 1, "todo": 2}
# Parts that say nothing about whether the officer has filled a step in.
_NOT_CONTENT = ("unplaced", "indicator_set")


def _has_content(value: object) -> bool:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return any(_has_content(getattr(value, item.name)) for item in dataclasses.fields(value))
    if isinstance(value, list):
        return any(_has_content(item) for item in value)
    if isinstance(value, str):
        return bool(value.strip())
    return value is not None and value is not False


def step_statuses(year: YearData, findings: Iterable[Finding]) -> list[StepStatus]:
    """One status per step of :data:`~zjdesk.domain.steps.STEPS`."""
    worst: dict[int, StepStatus] = {}
    for finding in findings:
        if finding.acknowledged or (finding.severity not in (RED, YELLOW) and not finding.is_todo):
            continue
        index = step_index_of_path(finding.path or "")
        status: StepStatus = "todo" if finding.is_todo else "red" if finding.severity == RED else "yellow"
        if index not in worst or _RANK[status] < _RANK[worst[index]]:
            worst[index] = status
    open_kinds = set(worst.values())
    statuses: list[StepStatus] = []
    for index, step in enumerate(STEPS):
        if index in worst:
            statuses.append(worst[index])
        elif not step.parts:
            # 预览与导出: the report is ready when no step has anything open
            statuses.append("red" if "red" in open_kinds else "todo" if "todo" in open_kinds else "done")
        elif any(_has_content(getattr(year, part)) for part in step.parts if part not in _NOT_CONTENT):
            statuses.append("done")
        else:
            statuses.append("open")
    return statuses
