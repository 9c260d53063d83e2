"""The score engine: a pure function from a year's data to its self-evaluation score.

:func:`score_year` scores every indicator of the year's own indicator set by its rule (see
:mod:`zjdesk.domain.scoring_rules`), with the rates of :mod:`zjdesk.domain.rates`; a computed
indicator whose inputs are missing falls back to the officer's judged score and says so. The
total is the sum, limited by the set's caps (DESIGN §4), and graded by the set's grade bands.
The goal table is scored first (:mod:`zjdesk.domain.goal_scoring`): an indicator of the
``goal_indicators`` kind takes its score from the table's rows. It is cheap enough to run on every
keystroke.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from zjdesk.domain.amounts import format_percent
from zjdesk.domain.goal_scoring import GoalTableScore, goal_numbers, score_goals
from zjdesk.domain.model import GradeBand, Indicator, IndicatorSet, ScoreCap, YearData
from zjdesk.domain.rates import RATE_INPUTS, RATE_LABELS, compute_rates, filled_as_zero, input_label, missing_rate_inputs
from zjdesk.domain.scoring_rules import (
    RATE_RULES,
    RuleOutcome,
    checklist_is_complete,
    clamp,
    format_number,
    points_text,
    round_score,
    score_checklist,
)

# Used when a set defines no grade bands of its own (DESIGN §4).
DEFAULT_GRADES: tuple[GradeBand, ...] = (
    GradeBand("优", Decimal(90)),
    GradeBand("良", Decimal(80)),
    GradeBand("中", Decimal(60)),
    GradeBand("差", Decimal(0)),
)


@dataclass
class IndicatorScore:
    """One indicator's score and how it came about."""

    path: str  # indicator_set.indicators.4
    indicator: Indicator
    score: Decimal
    weight: Decimal
    rule_kind: str  # the rule's kind, even when it fell back to judged
    inputs: dict[str, Any] = field(default_factory=dict)
    missing_inputs: list[str] = field(default_factory=list)  # field paths
    fell_back_to_judged: bool = False
    explanation: str = ""  # one Chinese line: 预算完成率 100.45% ≥ 95%，得 10/10 分
    # Inputs carried forward or imported and not yet reviewed (待复核): the score rests on last year's numbers.
    unconfirmed_inputs: list[str] = field(default_factory=list)

    @property
    def awaits_score(self) -> bool:
        """Scored by the team's judgement (its rule, or for want of data) and not yet scored."""
        judged = self.rule_kind == "judged" or self.fell_back_to_judged
        return judged and self.indicator.judged_score is None

    @property
    def name(self) -> str:
        """The indicator's own name (三级指标, or the nearest level above it)."""
        return self.indicator.level3 or self.indicator.level2 or self.indicator.level1


@dataclass
class GroupScore:
    """The score of one 一级指标."""

    name: str
    score: Decimal
    weight: Decimal


@dataclass
class AppliedCap:
    """A cap of the set whose condition holds this year."""

    metric: str
    value: Decimal
    lower: Decimal | None
    upper: Decimal | None
    max_total: Decimal
    lowered_total: bool  # whether it changed the total (the total was above max_total)
    explanation: str


@dataclass
class YearScore:
    """The whole score of a year."""

    total: Decimal
    grade: str
    cap: AppliedCap | None
    indicators: list[IndicatorScore]
    groups: list[GroupScore]
    uncapped_total: Decimal
    max_total: Decimal  # the sum of the weights
    rates: dict[str, Decimal | None] = field(default_factory=dict)
    goals: GoalTableScore = field(default_factory=GoalTableScore)

    @property
    def provisional(self) -> bool:
        """Whether the total is not yet the year's: an indicator awaits its score, or rests on unreviewed numbers."""
        return any(item.awaits_score or item.unconfirmed_inputs for item in self.indicators)

    def summary(self) -> str:
        """``自评分数100分，等级优。`` as the report states it."""
        return f"自评分数{format_number(self.total)}分，等级{self.grade}。"


def _judged(indicator: Indicator, weight: Decimal, lead: str) -> tuple[Decimal, str]:
    """The officer's score and its explanation; ``lead`` says why it is judged."""
    judged = indicator.judged_score
    if judged is None:
        return Decimal(0), f"{lead}尚未评分，计 0/{format_number(weight)} 分"
    score = round_score(clamp(judged, weight))
    text = f"{lead}自评{points_text(score, weight)}"
    if judged != score:
        text += f"（填写的 {format_number(judged)} 分超出 0–{format_number(weight)} 分，按 {format_number(score)} 分计）"
    if score < weight:
        reason = indicator.deduction_reason.strip()
        text += f"，扣分原因：{reason}" if reason else "，未填写扣分原因"
    return score, text


def zero_inputs(year: YearData, paths: list[str]) -> bool:
    """Whether every input a rate lacks is there, given as 0 (a budget of 0 divides nothing): not missing data."""
    return bool(paths) and all(filled_as_zero(year, path) for path in paths)


def _describe_missing(paths: list[str]) -> str:
    return "、".join(input_label(path) for path in paths)


def _levels_text(levels: list[str]) -> str:
    named = [level for level in levels if level.strip()]
    return "、".join(named) if named else "全部指标"


def score_from_goals(rule_levels: list[str], weight: Decimal, goals: GoalTableScore) -> tuple[RuleOutcome | None, list[str], str]:
    """The ``goal_indicators`` rule: the rows' total score ÷ their total weight × ``weight``.

    Returns the outcome, or None with the paths still to fill in and why it falls back to judged:
    a goal without rows, no row of the levels counted, or a row that cannot be scored yet.
    """
    label = _levels_text(rule_levels)
    if goals.goals_without_rows:
        missing = [f"goals.{index}.indicators" for index in goals.goals_without_rows]
        return None, missing, f"{goal_numbers(goals.goals_without_rows)}尚未细化为绩效指标，无法按绩效目标表计分，改按自评："
    rows = goals.rows_of(rule_levels)
    if not rows:
        return None, ["goals"], f"绩效目标表中没有{label}，无法按绩效目标表计分，改按自评："
    waiting = [item for item in rows if item.score is None or item.weight is None]
    if waiting:
        missing = [f"{item.path}.{item.outcome.missing[0] if item.outcome.missing else 'actual'}" for item in waiting]
        return None, missing, f"绩效目标表中{label}有 {len(waiting)} 项尚不能计分（如未填写实际完成值），改按自评："
    total = sum((item.score for item in rows if item.score is not None), Decimal(0))
    weights = sum((item.weight for item in rows if item.weight is not None), Decimal(0))
    share = total / weights
    reason = (
        f"按绩效目标表计分：{label} {len(rows)} 项得 {format_number(total)}/{format_number(weights)} 分"
        f"（得分率 {format_percent(share * 100)}）"
    )
    return RuleOutcome(share * weight, {"goal_score": total, "goal_weight": weights, "goal_rows": len(rows)}, reason), [], ""


def score_indicator(
    year: YearData, index: int, rates: dict[str, Decimal | None], goals: GoalTableScore | None = None
) -> IndicatorScore:
    """Score the indicator at ``indicator_set.indicators.<index>`` of ``year``."""
    indicator = year.indicator_set.indicators[index]
    rule = indicator.rule
    weight = indicator.weight
    result = IndicatorScore(
        path=f"indicator_set.indicators.{index}", indicator=indicator, score=Decimal(0), weight=weight, rule_kind=rule.kind
    )
    outcome: RuleOutcome | None = None
    goal_lead = ""
    if rule.kind == "goal_indicators":
        outcome, result.missing_inputs, goal_lead = score_from_goals(
            rule.levels, weight, goals if goals is not None else score_goals(year)
        )
    elif rule.kind in RATE_RULES:
        rate = rates.get(rule.metric)
        if rate is None:
            result.missing_inputs = missing_rate_inputs(year, rule.metric) if rule.metric in RATE_LABELS else [rule.metric]
        else:
            outcome = RATE_RULES[rule.kind](rule, weight, rate, RATE_LABELS[rule.metric])
    elif rule.kind == "checklist":
        if checklist_is_complete(indicator):
            outcome = score_checklist(indicator)
        else:
            result.missing_inputs = [f"{result.path}.checklist_met" if rule.checklist else f"{result.path}.violations"]

    if outcome is not None:
        result.score = round_score(clamp(outcome.score, weight))
        result.inputs = outcome.inputs
        result.explanation = f"{outcome.reason}，{points_text(result.score, weight)}"
        result.unconfirmed_inputs = [path for path in RATE_INPUTS.get(rule.metric, ()) if path in year.review]
        if result.unconfirmed_inputs:
            result.explanation += f"（{_describe_missing(result.unconfirmed_inputs)}沿用上年或导入，待复核）"
        return result

    if rule.kind == "judged":
        lead = ""
    elif rule.kind == "goal_indicators":
        result.fell_back_to_judged = True
        lead = goal_lead
    elif rule.kind in RATE_RULES or rule.kind == "checklist":
        result.fell_back_to_judged = True
        if rule.kind == "checklist":
            lead = "检查项未逐项填写，改按自评："
        elif zero_inputs(year, result.missing_inputs):
            lead = f"{_describe_missing(result.missing_inputs)}为0，无法计算，改按自评："
        else:
            lead = f"缺少数据（{_describe_missing(result.missing_inputs)}），无法计算，改按自评："
    else:
        result.fell_back_to_judged = True
        lead = f"未知的计分方式“{rule.kind}”，改按自评："
    result.score, result.explanation = _judged(indicator, weight, lead)
    result.inputs = {"judged_score": indicator.judged_score}
    return result


def applicable_cap(indicator_set: IndicatorSet, rates: dict[str, Decimal | None]) -> ScoreCap | None:
    """The tightest cap of the set whose metric lies in its range this year."""
    best: ScoreCap | None = None
    for cap in indicator_set.caps:
        value = rates.get(cap.metric)
        if value is None:
            continue
        if cap.lower is not None and value < cap.lower:
            continue
        if cap.upper is not None and value >= cap.upper:
            continue
        if best is None or cap.max_total < best.max_total:
            best = cap
    return best


def _cap_condition(cap: ScoreCap, value: Decimal) -> str:
    label = RATE_LABELS.get(cap.metric, cap.metric)
    if cap.lower is not None and cap.upper is not None:
        where = f"在 {format_number(cap.lower)}% 至 {format_number(cap.upper)}% 之间"
    elif cap.upper is not None:
        where = f"低于 {format_number(cap.upper)}%"
    elif cap.lower is not None:
        where = f"不低于 {format_number(cap.lower)}%"
    else:
        where = ""
    return f"{label} {format_percent(value)} {where}".rstrip()


def grade_for(total: Decimal, grades: list[GradeBand] | tuple[GradeBand, ...]) -> str:
    """The grade of ``total``: the band with the highest minimum not above it."""
    for band in sorted(grades or DEFAULT_GRADES, key=lambda item: item.minimum, reverse=True):
        if total >= band.minimum:
            return band.grade
    return ""


def score_year(year: YearData) -> YearScore:
    """Score ``year`` against its own indicator set; pure and cheap."""
    rates = compute_rates(year)
    goals = score_goals(year)
    indicator_set = year.indicator_set
    indicators = [score_indicator(year, index, rates, goals) for index in range(len(indicator_set.indicators))]
    groups: dict[str, GroupScore] = {}
    for item in indicators:
        name = item.indicator.level1
        group = groups.setdefault(name, GroupScore(name, Decimal(0), Decimal(0)))
        group.score += item.score
        group.weight += item.weight
    uncapped = sum((item.score for item in indicators), Decimal(0))
    total = uncapped
    applied: AppliedCap | None = None
    cap = applicable_cap(indicator_set, rates) if indicator_set.region_rules.apply_caps else None
    if cap is not None:
        value = rates[cap.metric]
        assert value is not None  # applicable_cap only returns caps with a known metric
        lowered = uncapped > cap.max_total
        condition = f"{_cap_condition(cap, value)}，总分最高 {format_number(cap.max_total)} 分"
        if lowered:
            total = cap.max_total
            text = f"{condition}：各项合计 {format_number(uncapped)} 分，计 {format_number(total)} 分"
        else:
            text = f"{condition}（各项合计 {format_number(uncapped)} 分，未超过）"
        applied = AppliedCap(cap.metric, value, cap.lower, cap.upper, cap.max_total, lowered, text)
    return YearScore(
        total=total,
        grade=grade_for(total, indicator_set.grades),
        cap=applied,
        indicators=indicators,
        groups=list(groups.values()),
        uncapped_total=uncapped,
        max_total=sum((item.weight for item in indicator_set.indicators), Decimal(0)),
        rates=rates,
        goals=goals,
    )
