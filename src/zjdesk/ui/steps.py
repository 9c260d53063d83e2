"""The program's steps: each step of :mod:`zjdesk.domain.steps` with the page that edits it.

The step's key, title and parts are the domain's; this module adds only which page class edits it.
Pages are built the first time they are shown, and their modules imported then (a fast start);
every page gets the same :class:`PageContext`, from which it takes what it needs.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zjdesk.domain.steps import STEPS, Step, step_index, step_index_of_path

if TYPE_CHECKING:
    from zjdesk.ui.export_controller import ExportController
    from zjdesk.ui.live_score import LiveScore
    from zjdesk.ui.open_year import OpenYear
    from zjdesk.ui.pages.base import StepPage

__all__ = ["PAGE_CLASSES", "STEPS", "PageContext", "Step", "build_page", "step_index", "step_index_of_path"]

# step key → "module:Class" of the page that edits it.
PAGE_CLASSES: dict[str, str] = {
    "cover": "zjdesk.ui.pages.cover:CoverPage",
    "profile": "zjdesk.ui.pages.profile:ProfilePage",
    "tasks": "zjdesk.ui.pages.tasks:TasksPage",
    "goals": "zjdesk.ui.pages.goals:GoalsPage",
    "figures": "zjdesk.ui.pages.figures:FiguresPage",
    "team": "zjdesk.ui.pages.team:TeamPage",
    "evaluation": "zjdesk.ui.pages.evaluation:EvaluationPage",
    "closing": "zjdesk.ui.pages.closing:ClosingPage",
    "export": "zjdesk.ui.pages.export:ExportPage",
}


@dataclass(frozen=True)
class PageContext:
    """What a step page may use: its step, the open year, the live score and the window's controllers."""

    step: Step
    open_year: OpenYear
    live_score: LiveScore
    exports: ExportController
    indicator_actions: dict[str, Callable[[], None]]
    goal_actions: dict[str, Callable[[], None]] = field(default_factory=dict)  # the goal table's import, export


def build_page(context: PageContext) -> StepPage:
    """The page of ``context.step``, its module imported now."""
    module, _, name = PAGE_CLASSES[context.step.key].partition(":")
    page_class: type[StepPage] = getattr(importlib.import_module(module), name)
    return page_class(context)
