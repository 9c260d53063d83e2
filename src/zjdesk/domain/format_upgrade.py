"""Reading what an older zjdesk wrote: a year's JSON of an earlier format, upgraded to the current one.

Used by :func:`zjdesk.domain.serialize.year_from_document` for JSON files and by the year file's
migration step (``zjdesk.store.migrations``) for the parts stored in a ``.zjd``, so both read old
data the same way. Each step works on a mapping of top-level parts (``goals``, ``review``, …):
the whole ``year`` object of a JSON document, or the parts of a file, whichever are present.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

# Format 1: a goal was one line of text at ``goals.N``.
_OLD_GOAL_PATH = re.compile(r"^goals\.(\d+)$")


def _goal_path(path: Any) -> Any:
    return _OLD_GOAL_PATH.sub(r"goals.\1.text", path) if isinstance(path, str) else path


def _from_1(parts: dict[str, Any]) -> None:
    """Format 1 → 2: each goal becomes ``{"text": …, "indicators": []}``; paths follow it to ``goals.N.text``."""
    goals = parts.get("goals")
    if isinstance(goals, list):
        parts["goals"] = [{"text": goal, "indicators": []} if isinstance(goal, str) else goal for goal in goals]
    review = parts.get("review")
    if isinstance(review, list):
        parts["review"] = [_goal_path(path) for path in review]
    acknowledgements = parts.get("acknowledgements")
    if isinstance(acknowledgements, list):
        for item in acknowledgements:
            if isinstance(item, dict) and "path" in item:
                item["path"] = _goal_path(item["path"])


# format version → the step that upgrades it to the next one.
STEPS: dict[int, Callable[[dict[str, Any]], None]] = {1: _from_1}

# The parts a step may change: the year file's migration reads and rewrites exactly these.
CHANGED_PARTS: dict[int, tuple[str, ...]] = {1: ("goals", "review", "acknowledgements")}


def upgrade_parts(parts: Any, from_version: int, to_version: int) -> Any:
    """``parts`` (a mapping of top-level parts, changed in place) upgraded from ``from_version`` to ``to_version``.

    Anything that is not a mapping is returned as it is: reading it fails later with the usual message.
    """
    if not isinstance(parts, dict):
        return parts
    for version in range(from_version, to_version):
        STEPS[version](parts)
    return parts
