"""Scoring one indicator by its rule: judged, bands, linear deduction, pro rata, checklist.

(The ``goal_indicators`` kind, scored from the goal table, lives in :mod:`zjdesk.domain.scoring`.)

Each rule kind is one function returning a :class:`RuleOutcome`: the raw score (clamped and
rounded later by the caller), the inputs it used and one Chinese line that explains it. A rule whose
inputs are missing does not guess: the caller falls back to the officer's judged score.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from zjdesk.domain.amounts import format_number, format_percent
from zjdesk.domain.model import Band, Indicator, ScoringRule

SCORE_QUANTUM = Decimal("0.01")

__all__ = ["RULE_KINDS", "RuleOutcome", "clamp", "format_number", "points_text", "round_score"]
HUNDRED = Decimal(100)

# rule kind → how it scores, in the officer's words (the 计分方式 choice of the 绩效自评 step).
RULE_KINDS: dict[str, str] = {
    "judged": "评判打分（由评价小组给分）",
    "bands": "按比率分档",
    "linear": "超出部分按百分点扣分",
    "pro_rata": "按完成比例计分",
    "checklist": "按检查项扣分",
    "goal_indicators": "按绩效目标表计分",
}


def round_score(value: Decimal) -> Decimal:
    """Round a score half-up to two decimals."""
    return value.quantize(SCORE_QUANTUM, rounding=ROUND_HALF_UP)


def clamp(value: Decimal, weight: Decimal) -> Decimal:
    """``value`` limited to [0, weight]."""
    return max(Decimal(0), min(weight, value))


def points_text(score: Decimal, weight: Decimal) -> str:
    """``得 4.5/5 分``."""
    return f"得 {format_number(score)}/{format_number(weight)} 分"


@dataclass
class RuleOutcome:
    """What a rule made of an indicator: a score (not yet clamped), its inputs and a reason."""

    score: Decimal
    inputs: dict[str, Any] = field(default_factory=dict)
    reason: str = ""  # the explanation up to (not including) "，得 x/y 分"


def band_condition(label: str, rate_text: str, band: Band) -> str:
    """The condition a band stands for, in words: ``预算完成率 100.45% ≥ 95%``."""
    upper_sign = "≤" if band.upper_inclusive else "<"
    if band.lower is not None and band.upper is not None:
        return f"{label} {rate_text} 在 {format_number(band.lower)}% 至 {format_number(band.upper)}% 之间"
    if band.lower is not None:
        return f"{label} {rate_text} ≥ {format_number(band.lower)}%"
    if band.upper is not None:
        return f"{label} {rate_text} {upper_sign} {format_number(band.upper)}%"
    return f"{label} {rate_text}"


def band_holds(band: Band, rate: Decimal) -> bool:
    """Whether ``rate`` lies in ``band``."""
    if band.lower is not None and rate < band.lower:
        return False
    if band.upper is None:
        return True
    return rate <= band.upper if band.upper_inclusive else rate < band.upper


def score_bands(rule: ScoringRule, weight: Decimal, rate: Decimal, label: str) -> RuleOutcome:
    """The first band holding the rate gives the points; no band, no points."""
    rate_text = format_percent(rate)
    for band in rule.bands:
        if band_holds(band, rate):
            return RuleOutcome(band.points, {rule.metric: rate}, band_condition(label, rate_text, band))
    return RuleOutcome(Decimal(0), {rule.metric: rate}, f"{label} {rate_text} 不在任何评分区间内")


def score_linear(rule: ScoringRule, weight: Decimal, rate: Decimal, label: str) -> RuleOutcome:
    """Full marks up to the threshold, ``per_point`` off for each percentage point beyond it."""
    threshold = rule.threshold if rule.threshold is not None else HUNDRED
    per_point = rule.per_point if rule.per_point is not None else Decimal(1)
    rate_text = format_percent(rate)
    lower_is_better = rule.direction == "lower"
    beyond = rate - threshold if lower_is_better else threshold - rate
    inputs = {rule.metric: rate}
    if beyond <= 0:
        sign = "≤" if lower_is_better else "≥"
        return RuleOutcome(weight, inputs, f"{label} {rate_text} {sign} {format_number(threshold)}%")
    side = "超过" if lower_is_better else "低于"
    reason = (
        f"{label} {rate_text} {side} {format_number(threshold)}% {format_number(beyond)} 个百分点，"
        f"每个百分点扣 {format_number(per_point)} 分"
    )
    return RuleOutcome(weight - beyond * per_point, inputs, reason)


def score_pro_rata(rule: ScoringRule, weight: Decimal, rate: Decimal, label: str) -> RuleOutcome:
    """``rate / target × weight`` (higher is better) or ``target / rate × weight`` (lower is better)."""
    target = rule.target if rule.target is not None else HUNDRED
    rate_text = format_percent(rate)
    inputs = {rule.metric: rate}
    if rule.direction == "lower":
        if rate <= target or rate == 0:  # 0% where lower is better: as good as it gets (a target below 0 is a slip)
            return RuleOutcome(weight, inputs, f"{label} {rate_text} ≤ 目标 {format_number(target)}%")
        reason = f"按比例计分：目标 {format_number(target)}% ÷ {label} {rate_text} × {format_number(weight)}"
        return RuleOutcome(target / rate * weight, inputs, reason)
    if rate >= target:
        return RuleOutcome(weight, inputs, f"{label} {rate_text} ≥ 目标 {format_number(target)}%")
    if target == 0:
        return RuleOutcome(weight, inputs, f"{label} {rate_text}，目标为 0%")
    reason = f"按比例计分：{label} {rate_text} ÷ 目标 {format_number(target)}% × {format_number(weight)}"
    return RuleOutcome(rate / target * weight, inputs, reason)


RATE_RULES: dict[str, Callable[[ScoringRule, Decimal, Decimal, str], RuleOutcome]] = {
    "bands": score_bands,
    "linear": score_linear,
    "pro_rata": score_pro_rata,
}


def checklist_is_complete(indicator: Indicator) -> bool:
    """Whether every checklist item has been ticked one way or the other (or the count of violations given)."""
    items = indicator.rule.checklist
    if items:
        return len(indicator.checklist_met) >= len(items)
    return indicator.violations is not None


def score_checklist(indicator: Indicator) -> RuleOutcome:
    """``per_item`` off for each unmet item and for each counted violation."""
    rule = indicator.rule
    weight = indicator.weight
    items = rule.checklist
    met_flags = indicator.checklist_met[: len(items)]
    unmet = [item for item, met in zip(items, met_flags, strict=False) if not met]
    violations = indicator.violations or 0
    # Without a per-item deduction, the items share the weight equally.
    per_item = rule.per_item if rule.per_item is not None else (weight / len(items) if items else Decimal(1))
    deductions = len(unmet) + violations
    parts = []
    if items:
        parts.append(f"{len(items)} 项中 {len(items) - len(unmet)} 项符合")
        if unmet:
            parts.append("未符合：" + "、".join(unmet))
    if violations:
        parts.append(f"发现违规 {violations} 项")
    if deductions:
        parts.append(f"每项扣 {format_number(per_item)} 分")
    inputs = {"items": len(items), "met": len(items) - len(unmet), "violations": violations}
    return RuleOutcome(weight - per_item * deductions, inputs, "，".join(parts) or "无扣分事项")
