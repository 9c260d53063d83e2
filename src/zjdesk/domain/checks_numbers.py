"""Checks on the structured data: required fields, amounts, sums, staff counts, years."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from zjdesk.domain.amounts import format_amount
from zjdesk.domain.checks_base import BLUE, RED, YELLOW, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.checks_text_figures import GRADE_WORDS
from zjdesk.domain.model import Breakdown
from zjdesk.domain.paths import get_value
from zjdesk.domain.registry import amount_fields, breakdown_parts, figure_fields, label_of
from zjdesk.domain.scoring_rules import format_number
from zjdesk.domain.steps import step_for_path

# Fields the report cannot do without (empty: None, "", 0 for a year, or an empty list): each is a part of
# the report's outline, which would print （未填写） under its heading. Each message names the field by
# its declared name and sends the officer to the step that holds it.
REQUIRED_FIELDS: tuple[str, ...] = (
    "cover.unit_name",
    "cover.evaluation_year",
    "cover.fill_date",
    "tasks",
    "goals",
    "figures.budget.total",
    "figures.final_expenditure.total",
    "team.leaders",
    "process.work_process",
    "process.disclosure_text",
    "evaluation.budgeting",
    "evaluation.execution",
    "evaluation.supervision",
    "indicator_set.indicators",
)


def _is_empty(value: object) -> bool:
    return value is None or value == "" or value == [] or (isinstance(value, int) and value == 0)


def check_required(context: CheckContext) -> Iterator[Finding]:
    """Red: a field the report cannot do without is empty."""
    for path in REQUIRED_FIELDS:
        value = get_value(context.year, path)
        if isinstance(value, str):
            value = value.strip()
        if _is_empty(value):
            name, step = label_of(path, path), step_for_path(path).title
            yield Finding("required_missing", RED, f"必填项“{name}”尚未填写：请在“{step}”一步中填写。", path)
    # 自评材料报送时间及质量 is the officer's text, or written from the submission date when there is none.
    process = context.year.process
    if not process.submission_text.strip() and process.submission_date is None:
        path = "process.submission_text"
        name, step = label_of(path, path), step_for_path(path).title
        yield Finding("required_missing", RED, f"必填项“{name}”尚未填写：请在“{step}”一步中填写，或填写报送日期。", path)


def _signed_numbers(context: CheckContext) -> Iterator[tuple[str, str, Decimal | int | None, str]]:
    """(path, name, value, unit) of every figure and count whose declaration does not allow a value below zero."""
    year = context.year
    for path, name, info in amount_fields():
        if not info.signed:
            yield path, name, get_value(year, path), "金额"
    for item in figure_fields():
        if item.info.kind in ("percent", "count") and not item.info.signed:
            yield item.path, item.info.label, get_value(year, item.path), "数值"
    for path in ("profile.establishment_total", "profile.actual_total"):
        yield path, label_of(path), get_value(year, path), "人数"
    for index, category in enumerate(year.profile.staff):
        for part in ("actual", "establishment"):
            path = f"profile.staff.{index}.{part}"
            yield path, f"{category.name}{label_of(path)}", getattr(category, part), "人数"


def check_pending_entries(context: CheckContext) -> Iterator[Finding]:
    """Red: an entry typed into a number field that could not be used (the file keeps the last valid value)."""
    for entry in context.year.pending:
        name = label_of(entry.path)
        typed = f"“{entry.text.strip()}”"
        reason = entry.reason.rstrip("。").removeprefix(typed)  # the reason quotes the entry itself
        where = f"“{name}”中输入的" if name else "输入的"
        yield Finding("pending_entry", RED, f"{where}{typed}{reason}（未保存，请改正或清空该栏）。", entry.path)


def check_negative_amounts(context: CheckContext) -> Iterator[Finding]:
    """Red: an amount or a count of people below zero (where the field's declaration does not allow it)."""
    for path, name, value, what in _signed_numbers(context):
        if value is None or value >= 0:
            continue
        shown = format_amount(value) if isinstance(value, Decimal) and what == "金额" else str(value)
        yield Finding("negative_amount", RED, f"“{name}”为负数（{shown}）：{what}不能小于零，请核对后改正。", path)


def check_year_fields(context: CheckContext) -> Iterator[Finding]:
    """Red: dates that do not belong to the evaluation year or the year after it."""
    year = context.year
    evaluation_year = year.cover.evaluation_year
    if not evaluation_year:
        return
    allowed = f"{evaluation_year}年或{evaluation_year + 1}年"
    for path, name, value in (
        ("cover.fill_date", "填报日期", year.cover.fill_date),
        ("process.submission_date", "自评材料报送日期", year.process.submission_date),
    ):
        if value is not None and value.year not in (evaluation_year, evaluation_year + 1):
            yield Finding(
                "year_mismatch",
                RED,
                f"{name}为{value.year}年，与评价年度{evaluation_year}年不符（应为{allowed}）：请核对评价年度和日期。",
                path,
                fingerprint=fingerprint(evaluation_year, value),
            )


def check_breakdowns(context: CheckContext) -> Iterator[Finding]:
    """Yellow: 基本支出 + 项目支出 + 其他 does not add up to the total."""
    for figure in figure_fields():
        if figure.info.kind != "breakdown":
            continue
        name = figure.info.label
        breakdown: Breakdown = get_value(context.year, figure.path)
        parts = [(part.info.label, getattr(breakdown, part.name)) for part in breakdown_parts() if part.name != "total"]
        known = [(label, value) for label, value in parts if value is not None]
        if breakdown.total is None or not known:
            continue
        parts_sum = sum((value for _, value in known), Decimal(0))
        complete = breakdown.basic is not None and breakdown.project is not None
        if parts_sum == breakdown.total or (not complete and parts_sum < breakdown.total):
            continue
        terms = " + ".join(f"{label} {format_amount(value)}" for label, value in known)
        difference = breakdown.total - parts_sum
        stated = f"{name}：{terms} = {format_amount(parts_sum)} 万元，"
        if difference > 0:
            other = breakdown_parts()[-1].info.label
            advice = (
                f"比合计 {format_amount(breakdown.total)} 万元少 {format_amount(difference)} 万元。"
                f"请核对各项金额与合计；差额如属{other}，请填入“{other}”一栏。"
            )
        else:
            advice = (
                f"比合计 {format_amount(breakdown.total)} 万元多 {format_amount(-difference)} 万元：分项之和不能大于合计。"
                "请核对合计是否少算，或某一分项是否多填（重复计入、小数点错位）。"
            )
        yield Finding(
            "breakdown_sum",
            YELLOW,
            stated + advice,
            f"{figure.path}.total",
            fingerprint=fingerprint(breakdown.total, breakdown.basic, breakdown.project, breakdown.other),
        )


def _sum_finding(check: str, path: str, what: str, total: int, parts: list[tuple[str, int]], unit: str) -> Finding:
    terms = " + ".join(f"{name} {count}" for name, count in parts)
    parts_sum = sum(count for _, count in parts)
    return Finding(
        check,
        YELLOW,
        f"{what}合计 {total} {unit}，但分项 {terms} = {parts_sum} {unit}：请核对合计数和各分项人数。",
        path,
        fingerprint=fingerprint(total, *(count for _, count in parts)),
    )


def check_staff_counts(context: CheckContext) -> Iterator[Finding]:
    """Yellow: staff categories or retiree groups that do not add up to their totals."""
    profile = context.year.profile
    staff = profile.staff
    if staff and profile.establishment_total is not None and all(s.establishment is not None for s in staff):
        parts = [(s.name, s.establishment or 0) for s in staff]
        if sum(count for _, count in parts) != profile.establishment_total:
            yield _sum_finding("staff_sum", "profile.establishment_total", "核定编制", profile.establishment_total, parts, "名")
    if staff and profile.actual_total is not None and all(s.actual is not None for s in staff):
        parts = [(s.name, s.actual or 0) for s in staff]
        if sum(count for _, count in parts) != profile.actual_total:
            yield _sum_finding("staff_sum", "profile.actual_total", "在职人员", profile.actual_total, parts, "人")
    retirees = profile.retirees
    if retirees and profile.retirees_total is not None and all(r.count is not None for r in retirees):
        parts = [(r.origin, r.count or 0) for r in retirees]
        if sum(count for _, count in parts) != profile.retirees_total:
            yield _sum_finding("retirees_sum", "profile.retirees_total", "退休人员", profile.retirees_total, parts, "人")


def _over(check_path: str, who: str, actual: int | None, establishment: int | None) -> Finding | None:
    if actual is None or establishment is None or actual <= establishment:
        return None
    return Finding(
        "staff_over_establishment",
        YELLOW,
        f"{who}实有 {actual} 人，超过核定编制 {establishment} 名（超编 {actual - establishment} 人）："
        "请核对人数；如属历史原因超编，请在说明中写明原因后确认。",
        check_path,
        fingerprint=fingerprint(actual, establishment),
    )


def check_over_establishment(context: CheckContext) -> Iterator[Finding]:
    """Yellow: more staff than the establishment allows (the unit, a category, a subordinate unit)."""
    profile = context.year.profile
    candidates = [_over("profile.actual_total", "本单位", profile.actual_total, profile.establishment_total)]
    candidates += [
        _over(f"profile.staff.{i}.actual", item.name or f"第{i + 1}类人员", item.actual, item.establishment)
        for i, item in enumerate(profile.staff)
    ]
    candidates += [
        _over(f"profile.subordinate_units.{i}.actual", unit.name or f"第{i + 1}个下属单位", unit.actual, unit.establishment)
        for i, unit in enumerate(profile.subordinate_units)
    ]
    yield from (finding for finding in candidates if finding is not None)


def check_stated_score(context: CheckContext) -> Iterator[Finding]:
    """Yellow: the score or grade written in the report differs from the live score, once that score is the year's."""
    evaluation = context.year.evaluation
    score = context.score
    # A provisional total (indicators still to score, numbers still to review) is nothing to compare or correct by.
    if score.provisional:
        return
    if evaluation.stated_score is not None and evaluation.stated_score != score.total:
        yield Finding(
            "stated_score_mismatch",
            YELLOW,
            f"导入的原报告写明自评分数 {format_number(evaluation.stated_score)} 分，按评分表计算为 "
            f"{format_number(score.total)} 分：本年度报告按计算结果输出，请核对评分表各项得分。",
            "evaluation.stated_score",
            fix=Fix(f"改为 {format_number(score.total)} 分", "evaluation.stated_score", evaluation.stated_score, score.total),
            fingerprint=fingerprint(evaluation.stated_score, score.total),
        )
    # 优秀 and 优 are the same grade: a report writes either.
    if (
        evaluation.stated_grade
        and score.grade
        and GRADE_WORDS.get(evaluation.stated_grade, evaluation.stated_grade) != score.grade
    ):
        yield Finding(
            "stated_score_mismatch",
            YELLOW,
            f"导入的原报告写明等级“{evaluation.stated_grade}”，按评分表计算为“{score.grade}”：请核对评分表各项得分。",
            "evaluation.stated_grade",
            fix=Fix(f"改为“{score.grade}”", "evaluation.stated_grade", evaluation.stated_grade, score.grade),
            fingerprint=fingerprint(evaluation.stated_grade, score.grade),
        )


# Optional parts that the report prints as a heading; empty is allowed but usually an oversight.
OPTIONAL_PARTS: tuple[tuple[str, str], ...] = (
    ("profile.sections", "内设科室及职责"),
    ("tasks", "年度重点工作任务"),
    ("team.members", "评价小组成员"),
    ("practices", "主要做法和经验"),
    ("problems", "存在问题"),
    ("improvements", "改进措施"),
)


def check_empty_optional(context: CheckContext) -> Iterator[Finding]:
    """Blue: an optional section that is still empty."""
    for path, name in OPTIONAL_PARTS:
        if not get_value(context.year, path):
            yield Finding("empty_optional", BLUE, f"“{name}”尚未填写：建议补充，使报告内容完整。", path)
