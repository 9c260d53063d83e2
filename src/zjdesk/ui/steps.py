"""The steps of the wizard, in report order, and which parts of the year each one edits."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Step:
    key: str
    title: str
    parts: tuple[str, ...]  # top-level parts of the year (first component of a field path)


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


def step_of_path(path: str) -> int:
    """The index of the step whose page holds the field at ``path`` (the first step if none does)."""
    part = path.split(".", 1)[0]
    for index, step in enumerate(STEPS):
        if part in step.parts:
            return index
    return 0
