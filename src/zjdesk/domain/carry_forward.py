"""结转新年度: year N+1 built from year N.

What comes along (DESIGN §7): the cover's unit and notice, the unit profile with its sections,
subordinate units and retirees, the tasks, the goals with their indicator rows and targets (the
实际完成值 and 偏差原因 start empty, so the 得分 does too), the team, the process texts and the
indicator set (its scores cleared). Last year's final accounts become this year's comparison
figures; every other figure starts unknown. Every carried text, and every indicator row of the
goals, is listed in ``review`` until the officer edits or confirms it (待复核). An acknowledged
finding stays acknowledged only where the value it was about came along unchanged (its
fingerprint still matches a finding of the new year).
"""

from __future__ import annotations

import copy
import dataclasses

from zjdesk.domain.checks import run_checks
from zjdesk.domain.model import Acknowledgement, Cover, Figures, Goal, Indicator, IndicatorSet, Process, YearData
from zjdesk.domain.paths import iter_text_fields
from zjdesk.domain.registry import figure_fields

# The parts whose texts are carried forward and must be reviewed (the goals' rows: see _goal_review).
CARRIED_TEXT_PARTS = ("cover", "profile", "tasks", "goals", "team", "process")
UNREVIEWED_PATHS = ("cover.unit_name", "cover.attachment_number", "cover.opening_text")


def _fresh_indicator(indicator: Indicator) -> Indicator:
    return dataclasses.replace(
        copy.deepcopy(indicator),
        judged_score=None,
        deduction_reason="",
        checklist_met=[],
        violations=None,
    )


def carried_figures(last: Figures) -> Figures:
    """This year's figures from last year's, as each figure's declaration says (most start empty)."""
    figures = Figures()
    for item in figure_fields():
        if item.info.carry == "keep":
            setattr(figures, item.name, copy.deepcopy(getattr(last, item.name)))
        elif item.info.carry == "from":
            setattr(figures, item.name, copy.deepcopy(getattr(last, item.info.carry_from)))
    return figures


def _fresh_goal(goal: Goal) -> Goal:
    """A goal for the new year: its text and rows with their targets; this year's results start empty."""
    rows = [dataclasses.replace(row, actual="", deviation="") for row in goal.indicators]
    return Goal(text=goal.text, indicators=rows)


def _goal_review(goals: list[Goal]) -> list[str]:
    """Each goal's text and each of its indicator rows (a row is reviewed as a whole)."""
    paths = []
    for g, goal in enumerate(goals):
        if goal.text.strip():
            paths.append(f"goals.{g}.text")
        paths.extend(f"goals.{g}.indicators.{r}" for r in range(len(goal.indicators)))
    return paths


def carry_forward(previous: YearData) -> YearData:
    """The next evaluation year, carried forward from ``previous`` (which is left unchanged)."""
    last = copy.deepcopy(previous)
    cover = Cover(
        attachment_number=last.cover.attachment_number,
        evaluation_year=(last.cover.evaluation_year + 1) if last.cover.evaluation_year else 0,
        unit_name=last.cover.unit_name,
        fill_date=None,
        notice_title=last.cover.notice_title,
        notice_number=last.cover.notice_number,
        opening_text=last.cover.opening_text,
        preparer=last.cover.preparer,
        preparer_phone=last.cover.preparer_phone,
        unit_head=last.cover.unit_head,
    )
    figures = carried_figures(last.figures)
    indicator_set: IndicatorSet = dataclasses.replace(
        last.indicator_set, indicators=[_fresh_indicator(item) for item in last.indicator_set.indicators]
    )
    process = Process(
        work_process=last.process.work_process,
        submission_date=None,
        submission_text=last.process.submission_text,
        disclosure_text=last.process.disclosure_text,
    )
    year = YearData(
        cover=cover,
        profile=last.profile,
        tasks=last.tasks,
        goals=[_fresh_goal(goal) for goal in last.goals],
        figures=figures,
        team=last.team,
        process=process,
        indicator_set=indicator_set,
        acknowledgements=list(last.acknowledgements),
    )
    year.review = []
    for part in CARRIED_TEXT_PARTS:
        if part == "goals":
            year.review.extend(_goal_review(year.goals))
            continue
        year.review.extend(
            path for path, text in iter_text_fields(getattr(year, part), part) if text.strip() and path not in UNREVIEWED_PATHS
        )
    year.acknowledgements = surviving_acknowledgements(year, last.acknowledgements)
    return year


def surviving_acknowledgements(year: YearData, acknowledgements: list[Acknowledgement]) -> list[Acknowledgement]:
    """The acknowledgements that still match a finding of ``year`` with the same fingerprint."""
    if not acknowledgements:
        return []
    year.acknowledgements = []
    current = {(finding.check, finding.path, finding.fingerprint) for finding in run_checks(year)}
    return [item for item in acknowledgements if (item.check, item.path, item.value) in current]
