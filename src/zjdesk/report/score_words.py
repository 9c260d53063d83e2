"""How the report says where a score came from, in a finance bureau's words.

The score engine explains each indicator for the officer ("预算完成率 100.45% ≥ 95%，得 10/10 分",
"缺少数据（…），无法计算，改按自评"), and the program shows those lines beside the form. A report a
bureau reads says it as a bureau's 自评表 does: 按评价小组评定, 按预算完成率计算 …, with the deduction
and its reason — never the program's status notes, never "5/5" or "≥".
"""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.amounts import format_percent
from zjdesk.domain.rates import RATE_LABELS
from zjdesk.domain.report_words import circled_number
from zjdesk.domain.scoring import AppliedCap, IndicatorScore
from zjdesk.domain.scoring_rules import RATE_RULES, format_number


def _deduction(item: IndicatorScore) -> str:
    lost = item.weight - item.score
    return f"扣{format_number(lost)}分" if lost > 0 else ""


# Beside the "—" of an indicator the team has not scored yet (only a draft has one): not an empty cell.
AWAITING_NOTE = "待评定"

# A score taken from the goal table: its deductions are explained row by row in that table.
GOAL_TABLE_REASON = "偏差原因见部门整体支出绩效目标完成情况表"


def _with_reason(text: str, item: IndicatorScore, default_reason: str = "") -> str:
    deduction = _deduction(item)
    reason = item.indicator.deduction_reason.strip().rstrip("。；;") or default_reason
    if deduction:
        text += f"，{deduction}"
        if reason:
            text += f"：{reason}"
    return text + "。"


def indicator_note(item: IndicatorScore) -> str:
    """The 评分说明 of one indicator on the score sheet; 待评定 while a judged indicator has no score yet (a draft)."""
    kind = item.rule_kind
    if not item.fell_back_to_judged and kind in RATE_RULES:
        metric = item.indicator.rule.metric
        label = RATE_LABELS.get(metric, metric)
        value = item.inputs.get(metric)
        rate = f"，{label}{format_percent(value)}" if isinstance(value, Decimal) else ""
        return _with_reason(f"按{label}计算{rate}", item)
    if not item.fell_back_to_judged and kind == "checklist":
        items, met, violations = (int(item.inputs.get(key) or 0) for key in ("items", "met", "violations"))
        parts = []
        if items:
            # Which items were not met, by the marks the 评分标准 gives them (①…⑤): the deduction's reason.
            flags = item.indicator.checklist_met[:items]
            unmet = "、".join(circled_number(index + 1) for index, ok in enumerate(flags) if not ok)
            parts.append(
                f"{items}项均符合" if met == items else f"{items}项中{met}项符合" + (f"，{unmet}项不符合" if unmet else "")
            )
        if violations:
            parts.append(f"发现违规{violations}项")
        return _with_reason("按检查项逐项评定" + (f"：{'，'.join(parts)}" if parts else ""), item)
    if not item.fell_back_to_judged and kind == "goal_indicators":
        score, weight = item.inputs.get("goal_score"), item.inputs.get("goal_weight")
        levels = "、".join(level for level in item.indicator.rule.levels if level.strip())
        share = f"，{levels}得分率{format_percent(score / weight * 100)}" if isinstance(score, Decimal) and weight else ""
        return _with_reason(f"按绩效目标完成情况表计算{share}", item, GOAL_TABLE_REASON)
    if item.indicator.judged_score is None:
        return AWAITING_NOTE
    return _with_reason("按评价小组评定", item)


def cap_note(cap: AppliedCap | None, uncapped: Decimal) -> str:
    """Why the total is lower than the sum of the scores (empty when no cap lowered it)."""
    if cap is None or not cap.lowered_total:
        return ""
    label = RATE_LABELS.get(cap.metric, cap.metric)
    return (
        f"{label}为{format_percent(cap.value)}，按评分规则总分最高为{format_number(cap.max_total)}分"
        f"（各项指标得分合计{format_number(uncapped)}分）"
    )
