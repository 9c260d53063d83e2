"""Checks on the indicator set and the officer's scores."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from zjdesk.domain.checks_base import BLUE, RED, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.rates import RATE_INPUTS, input_label
from zjdesk.domain.scoring import zero_inputs
from zjdesk.domain.scoring_rules import format_number

_RATE_INPUT_PATHS = {path for paths in RATE_INPUTS.values() for path in paths}


def quoted(name: str) -> str:
    """``“name”``, unless the name carries its own quotation marks (“三公”经费控制率)."""
    return name if "“" in name else f"“{name}”"


def check_weights(context: CheckContext) -> Iterator[Finding]:
    """Red: the weights do not add up to the set's total, or a weight is not positive."""
    indicator_set = context.year.indicator_set
    if not indicator_set.indicators:
        return  # reported as a missing required field
    for index, indicator in enumerate(indicator_set.indicators):
        if indicator.weight <= 0:
            yield Finding(
                "weights_total",
                RED,
                f"指标{quoted(indicator.level3 or indicator.level2)}的分值为 {format_number(indicator.weight)}："
                "分值应大于零，请修改。",
                f"indicator_set.indicators.{index}.weight",
            )
    weights = sum((indicator.weight for indicator in indicator_set.indicators), Decimal(0))
    if weights != indicator_set.total_weight:
        yield Finding(
            "weights_total",
            RED,
            f"各指标分值合计 {format_number(weights)} 分，与指标体系总分 {format_number(indicator_set.total_weight)} 分不符："
            "请调整分值，或核对是否漏列、多列了指标。",
            "indicator_set.total_weight",
            fingerprint=fingerprint(weights, indicator_set.total_weight),
        )


def check_judged_scores(context: CheckContext) -> Iterator[Finding]:
    """Red: a judged score missing, outside [0, weight], or below full marks without 扣分原因."""
    for item in context.score.indicators:
        indicator = item.indicator
        judged_in_use = item.rule_kind == "judged" or item.fell_back_to_judged
        name = item.name
        judged = indicator.judged_score
        # A weight of zero or below is itself reported (check_weights); no score could fit it.
        if judged is not None and item.weight > 0 and (judged < 0 or judged > item.weight):
            corrected = max(Decimal(0), min(item.weight, judged))
            yield Finding(
                "score_out_of_range",
                RED,
                f"指标{quoted(name)}的自评分 {format_number(judged)} 分超出 0–{format_number(item.weight)} 分："
                "请改为该范围内的分数。",
                f"{item.path}.judged_score",
                fix=Fix(f"改为 {format_number(corrected)} 分", f"{item.path}.judged_score", judged, corrected),
            )
        if not judged_in_use:
            continue
        if judged is None:
            why = "（缺少计算所需的数据）" if item.fell_back_to_judged else ""
            if item.fell_back_to_judged and item.rule_kind == "checklist":
                why = "（检查项未逐项填写）"  # as its 计分说明 says: no data is missing, the checklist is
            elif item.fell_back_to_judged and zero_inputs(context.year, item.missing_inputs):
                why = f"（{'、'.join(input_label(path) for path in item.missing_inputs)}为0，无法计算）"
            yield Finding(
                "judged_score_missing",
                RED,
                f"指标{quoted(name)}需要自评打分{why}，尚未填写分数：请填写 0–{format_number(item.weight)} 分。",
                f"{item.path}.judged_score",
            )
        elif item.score < item.weight and not indicator.deduction_reason.strip():
            yield Finding(
                "deduction_reason_missing",
                RED,
                f"指标{quoted(name)}自评 {format_number(item.score)} 分，低于满分 {format_number(item.weight)} 分，"
                "但未填写扣分原因：请写明扣分原因。",
                f"{item.path}.deduction_reason",
            )


def check_missing_data(context: CheckContext) -> Iterator[Finding]:
    """Blue: computed indicators scored by the judged score because data is missing.

    One finding per field to fill in (the first missing input), naming every indicator waiting for it.
    Indicators scored from the goal table are left to the goal checks, which name each row.
    """
    waiting: dict[str, tuple[list[str], list[str]]] = {}
    for item in context.score.indicators:
        if not item.fell_back_to_judged or not item.missing_inputs or item.rule_kind == "goal_indicators":
            continue
        if zero_inputs(context.year, item.missing_inputs):
            continue  # given as 0, not missing: nothing to 补充 (its score is asked for as a judged one)
        names, missing = waiting.setdefault(item.missing_inputs[0], ([], []))
        names.append(quoted(item.name))
        missing.extend(path for path in item.missing_inputs if path not in missing)
    for path, (names, missing) in waiting.items():
        fields = "、".join(input_label(path) if path in _RATE_INPUT_PATHS else "逐项检查结果" for path in missing)
        yield Finding(
            "missing_data",
            BLUE,
            f"指标{'、'.join(names)}缺少数据（{fields}），暂按自评分计分：建议补充数据，由程序按评分标准计算。",
            path,
            fingerprint=fingerprint(*names, *missing),
        )
