"""结转新年度: year N+1 built from year N.

What comes along (DESIGN §7): the cover's unit and notice, the unit profile with its sections,
subordinate units and retirees, the tasks, the goals with their indicator rows and targets (the
实际完成值 and 偏差原因 start empty, so the 得分 does too), the team, the process texts and the
indicator set (its scores cleared). Last year's final accounts become this year's comparison
figures; every other figure starts unknown. What a field does is its declaration's carry rule
(:mod:`zjdesk.domain.field_info`): kept, started empty, or taken from another field. Every carried
value — each text, and each number too (核定编制, 在职, 离退休, every count of a staff category or a
subordinate unit, the comparison figures), and every indicator row of the goals — is listed in
``review`` until the officer edits or confirms it (待复核): last year's staffing must not reach this
year's report unread. An acknowledged finding stays acknowledged only where the value it was about
came along unchanged (its fingerprint still matches a finding of the new year).
"""

from __future__ import annotations

import copy
import dataclasses

from zjdesk.domain.checks import run_checks
from zjdesk.domain.model import Acknowledgement, Cover, Figures, Goal, Indicator, IndicatorSet, Process, YearData
from zjdesk.domain.paths import iter_filled_fields, set_value
from zjdesk.domain.registry import figure_fields, info_at

# The parts whose values are carried forward and must be reviewed (the goals' rows: see goal_review_paths).
CARRIED_PARTS = ("cover", "profile", "tasks", "goals", "figures", "team", "process")
# Carried but not to review: the unit's name, the attachment number and the standard opening text
# stay the same from year to year, and the evaluation year is set, not carried.
NOT_REVIEWED = ("cover.unit_name", "cover.attachment_number", "cover.opening_text", "cover.evaluation_year")


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


def goal_review_paths(goals: list[Goal]) -> list[str]:
    """Each goal's text and each of its indicator rows (a row is reviewed as a whole: one 待复核, one 确认)."""
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
    _clear_uncarried(year)
    year.review = carried_paths(year)
    year.acknowledgements = surviving_acknowledgements(year, last.acknowledgements)
    return year


def _clear_uncarried(year: YearData) -> None:
    """Empty every declared field whose carry rule says a new year starts it empty (the figures: see above)."""
    for part in CARRIED_PARTS:
        if part == "figures":
            continue  # carried_figures applied each figure's rule (a breakdown's parts follow their total)
        for path, _value in list(iter_filled_fields(getattr(year, part), part)):
            info = info_at(path)
            if info is not None and info.carry == "empty":
                set_value(year, path, None)


def carried_paths(year: YearData) -> list[str]:
    """The path of every value of ``year`` that came from last year and awaits 复核: texts and numbers alike.

    A goal's indicator row is reviewed as a whole (its targets are one statement).
    """
    paths: list[str] = []
    for part in CARRIED_PARTS:
        if part == "goals":
            paths.extend(goal_review_paths(year.goals))
            continue
        paths.extend(path for path, _value in iter_filled_fields(getattr(year, part), part) if path not in NOT_REVIEWED)
    return paths


def surviving_acknowledgements(year: YearData, acknowledgements: list[Acknowledgement]) -> list[Acknowledgement]:
    """The acknowledgements that still match a finding of ``year`` with the same fingerprint."""
    if not acknowledgements:
        return []
    year.acknowledgements = []
    current = {(finding.check, finding.path, finding.fingerprint) for finding in run_checks(year)}
    return [item for item in acknowledgements if (item.check, item.path, item.value) in current]
