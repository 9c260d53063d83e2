"""Each step's mark in the navigator: red, yellow, done (filled in, nothing open) or open (not yet filled in)."""

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


def step_statuses(year: YearData, findings: Iterable[Any]) -> list[str]:
    """One status per step of :data:`STEPS`."""
    worst: dict[int, str] = {}
    any_red = False
    for finding in findings:
        if getattr(finding, "acknowledged", False) or finding.severity not in ("red", "yellow"):
            continue
        index = step_of_path(getattr(finding, "path", "") or "")
        any_red = any_red or finding.severity == "red"
        if worst.get(index) != "red":
            worst[index] = finding.severity
    statuses = []
    for index, step in enumerate(STEPS):
        if index in worst:
            statuses.append(worst[index])
        elif not step.parts:
            statuses.append("red" if any_red else "done")
        elif any(_has_content(getattr(year, part)) for part in step.parts if part not in ("unplaced", "indicator_set")):
            statuses.append("done")
        else:
            statuses.append("open")
    return statuses
