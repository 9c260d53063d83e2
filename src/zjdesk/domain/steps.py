"""The steps the report is filled in by, in report order, and which parts of the year each one holds.

The one place a step is named: the program's navigator and pages, the checks' messages ("请在“支出情况”
一步中填写") and the command line's findings all take the titles from here. The program adds each
step's page (:mod:`zjdesk.ui.steps`).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    """A step of the wizard."""

    key: str
    title: str
    parts: tuple[str, ...]  # top-level parts of the year (the first component of a field path)


STEPS: tuple[Step, ...] = (
    Step("cover", "封面与基本信息", ("cover", "unplaced")),
    Step("profile", "单位基本情况", ("profile",)),
    Step("tasks", "年度工作任务", ("tasks",)),
    Step("goals", "绩效目标", ("goals",)),
    Step("figures", "支出情况", ("figures",)),
    Step("team", "自评工作开展", ("team", "process")),
    Step("evaluation", "绩效自评", ("indicator_set", "evaluation")),
    Step("closing", "经验、问题与改进", ("practices", "problems", "improvements", "other")),
    Step("export", "预览与导出", ()),
)
STEP_KEYS: tuple[str, ...] = tuple(step.key for step in STEPS)


def step_index(key: str) -> int:
    """The position of the step ``key`` (``"figures"`` → 4)."""
    return STEP_KEYS.index(key)


def step_of(key: str) -> Step:
    """The step called ``key``."""
    return STEPS[step_index(key)]


def step_index_of_path(path: str) -> int:
    """The index of the step that holds the field at ``path`` (the first step if none does)."""
    part = path.split(".", 1)[0]
    for index, step in enumerate(STEPS):
        if part in step.parts:
            return index
    return 0


def step_for_path(path: str) -> Step:
    """The step that holds the field at ``path``."""
    return STEPS[step_index_of_path(path)]


def step_caption(path: str) -> str:
    """How a message names the step of the field at ``path``: ``第 5 步“支出情况”``."""
    index = step_index_of_path(path)
    return f"第 {index + 1} 步“{STEPS[index].title}”"
