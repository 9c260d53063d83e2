"""Checks on the goal table (绩效目标完成情况): what bureau reviewers flag first (DESIGN §4b).

Every finding points at the field of its row (``goals.0.indicators.2.deviation``), so the goals
step opens at the row.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from zjdesk.domain.checks_base import BLUE, RED, YELLOW, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.goal_scoring import QUALITATIVE, GoalRowScore, band_names, find_band, goal_numbers
from zjdesk.domain.goal_values import number_text, read_value
from zjdesk.domain.model import NATURES
from zjdesk.domain.scoring_rules import HUNDRED, format_number

# A money figure is not an output quantity (资金支付率 as a 数量指标).
MONEY_WORDS = re.compile(r"资金|支付|执行率|预算|经费|拨付")
MONEY_UNITS = ("元", "万元", "亿元", "千元")
# A 满意度 without one of these gives no survey behind it.
SURVEY_WORDS = re.compile(r"问卷|调查|调研|测评|座谈|访谈|回访|抽样|抽查|评议|样本|走访")


def _where(item: GoalRowScore) -> str:
    return f"目标{item.goal + 1}的指标“{item.name}”"


def _rows(context: CheckContext) -> list[GoalRowScore]:
    return context.score.goals.rows


def check_goal_rows_complete(context: CheckContext) -> Iterator[Finding]:
    """Red (a to-do): a row without its name, target or weight; red: a weight not above zero."""
    for item in _rows(context):
        row = item.indicator
        missing = [
            (field, label)
            for field, label, empty in (
                ("level3", "三级指标名称", not row.level3.strip()),
                ("target", "指标值", not row.target.strip()),
                ("weight", "分值", row.weight is None),
            )
            if empty
        ]
        if missing:
            number = f"目标{item.goal + 1}的第 {item.row + 1} 项指标" if not row.level3.strip() else _where(item)
            yield Finding(
                "goal_row_incomplete",
                RED,
                f"{number}尚未填写{'、'.join(label for _, label in missing)}：请补齐，否则该指标无法计分。",
                f"{item.path}.{missing[0][0]}",
            )
        if row.weight is not None and row.weight <= 0:
            yield Finding(
                "goal_weight_invalid",
                RED,
                f"{_where(item)}的分值为 {format_number(row.weight)}：分值应大于零，请修改。",
                f"{item.path}.weight",
            )


def check_goal_value_kinds(context: CheckContext) -> Iterator[Finding]:
    """Red: a qualitative target with a numeric actual or the reverse, or an unknown 指标性质."""
    bands = context.year.indicator_set.region_rules.qualitative_bands
    for item in _rows(context):
        row = item.indicator
        target, actual = read_value(row.target), read_value(row.actual)
        where = _where(item)
        if row.nature not in NATURES:
            yield Finding(
                "goal_value_kind",
                RED,
                f"{where}的指标性质“{row.nature}”无法识别：请选择 ≥、≤、= 或定性。",
                f"{item.path}.nature",
            )
        elif row.nature == QUALITATIVE:
            if target.is_number:
                yield Finding(
                    "goal_value_kind",
                    RED,
                    f"{where}的指标值“{target.text}”是数字，指标性质却为“定性”：数量目标请选择 ≥、≤ 或 =。",
                    f"{item.path}.nature",
                )
            if actual.is_number:
                yield Finding(
                    "goal_value_kind",
                    RED,
                    f"{where}是定性指标，实际完成值却是数字“{actual.text}”：请填写评级（{band_names(bands)}）。",
                    f"{item.path}.actual",
                )
            elif not actual.is_empty and find_band(row.actual, bands) is None:
                yield Finding(
                    "goal_value_kind",
                    RED,
                    f"{where}的实际完成值“{actual.text}”不是定性评级：请从 {band_names(bands)} 中选择一项。",
                    f"{item.path}.actual",
                )
        else:
            if not target.is_empty and not target.is_number:
                yield Finding(
                    "goal_value_kind",
                    RED,
                    f"{where}的指标值“{target.text}”不是数字，指标性质却为“{row.nature}”：请填写数字，或把指标性质改为“定性”。",
                    f"{item.path}.target",
                )
            if not actual.is_empty and not actual.is_number and target.is_number:
                yield Finding(
                    "goal_value_kind",
                    RED,
                    f"{where}的指标值是数字，实际完成值“{actual.text}”却不是数字：请填写实际完成的数值。",
                    f"{item.path}.actual",
                )


def check_goal_deviations(context: CheckContext) -> Iterator[Finding]:
    """Red: a row below full marks without 偏差原因分析及改进措施."""
    for item in _rows(context):
        if item.below_full and not item.indicator.deviation.strip():
            score, weight = item.score, item.weight
            assert score is not None and weight is not None  # below_full says both are known
            yield Finding(
                "goal_deviation_missing",
                RED,
                f"{_where(item)}得 {format_number(score)} 分，低于满分 {format_number(weight)} 分，"
                "但未填写偏差原因分析及改进措施：请写明未达到目标的原因和改进措施。",
                f"{item.path}.deviation",
            )


def check_goal_actuals(context: CheckContext) -> Iterator[Finding]:
    """Blue (a to-do): a row whose 实际完成值 is not filled in yet."""
    for item in _rows(context):
        if not item.indicator.actual.strip():
            yield Finding(
                "goal_actual_missing",
                BLUE,
                f"{_where(item)}尚未填写实际完成值：请按全年实际完成情况填写，程序随即计分。",
                f"{item.path}.actual",
            )


def _is_under(level: str, word: str) -> bool:
    return word in level


def check_goal_placement(context: CheckContext) -> Iterator[Finding]:
    """Yellow: a 成本指标 written with ≥, a money figure under 数量指标, one indicator under both 产出 and 效益."""
    outputs: dict[str, GoalRowScore] = {}
    for item in _rows(context):
        if _is_under(item.indicator.level1, "产出"):
            outputs.setdefault(_normal_name(item.indicator.level3), item)
    for item in _rows(context):
        row = item.indicator
        where = _where(item)
        if _is_under(row.level2, "成本") and row.nature == "≥":
            yield Finding(
                "goal_indicator_misplaced",
                YELLOW,
                f"{where}是成本指标，指标性质却为“≥”（越多越好）：成本指标应为“≤”（不超过），请核对。",
                f"{item.path}.nature",
            )
        unit = row.unit.strip() or read_value(row.target).unit
        if _is_under(row.level2, "数量") and (MONEY_WORDS.search(row.level3) or unit in MONEY_UNITS):
            yield Finding(
                "goal_indicator_misplaced",
                YELLOW,
                f"{where}是资金类指标，不宜列为数量指标：数量指标应反映实际产出（如完成事项数、服务人次），"
                "资金支付和预算执行已在评分表“预算执行”中评价。请改列或改写。",
                f"{item.path}.level2",
            )
        name = _normal_name(row.level3)
        twin = outputs.get(name)
        if name and twin is not None and _is_under(row.level1, "效益"):
            yield Finding(
                "goal_indicator_duplicated",
                YELLOW,
                f"{where}同时列在产出指标（目标{twin.goal + 1}）和效益指标下：同一指标不应重复计分，"
                "效益指标应反映产出带来的效果。请删去或改写其中一项。",
                f"{item.path}.level3",
                fingerprint=fingerprint(name, twin.path),
            )


def _normal_name(text: str) -> str:
    return "".join(text.split()).rstrip("。；;，,.")


# A rate that may exceed 100 %: a growth or a change (门诊量增长率 120%).
GROWTH_WORDS = re.compile("增长|增幅|变动|提升|提高")


def check_goal_rates(context: CheckContext) -> Iterator[Finding]:
    """Yellow: a rate or a satisfaction in percent whose target or actual is above 100 % (满意度 950 for 95.0)."""
    for item in _rows(context):
        row = item.indicator
        target = read_value(row.target)
        unit = row.unit.strip() or target.unit
        if target.number is not None and unit == "%" and "率" in row.level3 and target.number > HUNDRED:
            yield Finding(
                "goal_rate_over_100",
                YELLOW,
                f"{_where(item)}是百分比的比率，指标值却为 {number_text(target.number)}%（超过 100%）：请核对指标值。",
                f"{item.path}.target",
            )
        bounded = ("率" in row.level3 or "满意度" in row.level3) and not GROWTH_WORDS.search(row.level3)
        actual = read_value(row.actual)
        if bounded and unit == "%" and actual.number is not None and actual.number > HUNDRED:
            yield Finding(
                "goal_rate_over_100",
                YELLOW,
                f"{_where(item)}是百分比的比率，实际完成值却为 {number_text(actual.number)}%（超过 100%）："
                "多为小数点或数字输错，请核对实际完成值。",
                f"{item.path}.actual",
                fingerprint=fingerprint(row.actual),
            )


def check_goal_surveys(context: CheckContext) -> Iterator[Finding]:
    """Yellow: a 满意度指标 whose explanation names no survey (问卷调查、电话回访 …)."""
    for item in _rows(context):
        row = item.indicator
        if "满意" not in row.level1 + row.level2:
            continue
        if not SURVEY_WORDS.search(row.deviation):
            yield Finding(
                "goal_survey_missing",
                YELLOW,
                f"{_where(item)}是满意度指标，但“偏差原因分析及改进措施”中没有写明调查方式：请说明如何取得"
                "（如问卷调查、电话回访）及样本数量；没有调查依据的满意度指标评审时不得分。",
                f"{item.path}.deviation",
            )


def check_goal_table_summary(context: CheckContext) -> Iterator[Finding]:
    """Blue: goals without indicator rows; every row at full marks with a self-score of 100."""
    goals = context.score.goals
    if goals.goals_without_rows:
        first = goals.goals_without_rows[0]
        yield Finding(
            "goal_without_indicators",
            BLUE,
            f"{goal_numbers(goals.goals_without_rows)}尚未细化为可衡量的绩效指标：建议逐项填写指标、指标值和实际完成值，"
            "评分表中依据绩效目标表的指标才能由程序计分（否则按自评）。",
            f"goals.{first}.indicators",
            fingerprint=fingerprint(*goals.goals_without_rows),
        )
    rows = goals.rows
    full = rows and all(item.score is not None and item.weight is not None and item.score >= item.weight for item in rows)
    if full and context.score.total == Decimal(100):
        yield Finding(
            "goal_all_full",
            BLUE,
            f"绩效目标表 {len(rows)} 项指标全部得满分，自评总分 100 分：请确认每项均有佐证（项项满分易被视为自评流于形式）。",
            "goals",
            fingerprint=fingerprint(len(rows), *(item.indicator.actual for item in rows)),
        )


def check_goals_completed(context: CheckContext) -> Iterator[Finding]:
    """Yellow: 已完成的绩效目标数 other than the goals whose every indicator row is met.

    The data sheet's 重点工作完成率 is computed from the typed count, the score sheet's from the goal
    table; a reviewer reading 100% beside a table of unmet indicators sees the report disagree with itself.
    """
    goals = context.score.goals
    typed = context.year.figures.goals_completed
    if typed is None or not goals.goal_count or goals.goals_without_rows or goals.pending:
        return
    unmet = sorted({item.goal for item in goals.rows if item.met is False})
    achieved = goals.goal_count - len(unmet)
    if typed == achieved:
        return
    because = f"（{goal_numbers(unmet)}有未达成的指标）" if unmet else "（各目标的指标均已达成）"
    yield Finding(
        "goal_completed_count",
        YELLOW,
        f"已完成的绩效目标数填写为 {typed} 个，绩效目标表中指标全部达成的目标为 {achieved} 个{because}："
        "数据表的重点工作完成率按所填数计算，请核对后改正或确认。",
        "figures.goals_completed",
        fix=Fix(f"改为 {achieved} 个", "figures.goals_completed", typed, achieved),
        fingerprint=fingerprint(typed, achieved),
    )
