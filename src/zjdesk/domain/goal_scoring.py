"""Scoring the goal table: each indicator row's 得分 from its 指标值, 实际完成值 and 分值 (DESIGN §4b).

- ``≥`` (higher is better): actual ≥ target → full marks, else weight × actual ÷ target;
- ``≤`` (lower is better): actual ≤ target → full marks, else weight × target ÷ actual;
- ``=``: full marks when actual equals target (or lies within the set's tolerance), else
  weight × min(actual, target) ÷ max(actual, target);
- ``定性``: the rating's share of the weight (达成 100 %, 基本达成 80 %, 部分达成 60 %, 未达成 0 %,
  as the indicator set says).

Every score is exact (Decimal), clamped to [0, weight] and rounded half-up to two decimals, and
explains itself in one Chinese line. A row that cannot be scored yet (no actual, no weight, words
where a number belongs) has no score and says what is missing. The set's overshoot rule can take
points off an actual far above its target when no reason is given.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from zjdesk.domain.goal_values import IndicatorValue, number_text, read_value, with_unit
from zjdesk.domain.model import GoalIndicator, QualitativeBand, RegionRules, YearData
from zjdesk.domain.rates import round_rate
from zjdesk.domain.scoring_rules import HUNDRED, clamp, format_number, points_text, round_score

QUALITATIVE = "定性"
NUMERIC_NATURES = ("≥", "≤", "=")
ROW_FIELDS = tuple(item.name for item in dataclasses.fields(GoalIndicator))


@dataclass(frozen=True)
class RowOutcome:
    """What the rules made of one row: its score (None when it cannot be scored yet) and why."""

    score: Decimal | None
    met: bool | None  # whether the actual reached the target (None: not known yet)
    explanation: str
    missing: tuple[str, ...] = ()  # fields of the row whose absence or wording stops the scoring
    deduction: Decimal = Decimal(0)  # points taken off by the overshoot rule


@dataclass
class GoalRowScore:
    """One row of the goal table, scored."""

    path: str  # goals.0.indicators.2
    goal: int
    row: int
    indicator: GoalIndicator
    outcome: RowOutcome

    @property
    def score(self) -> Decimal | None:
        return self.outcome.score

    @property
    def weight(self) -> Decimal | None:
        return self.indicator.weight

    @property
    def met(self) -> bool | None:
        return self.outcome.met

    @property
    def explanation(self) -> str:
        return self.outcome.explanation

    @property
    def name(self) -> str:
        return self.indicator.level3.strip() or "（未命名指标）"

    @property
    def below_full(self) -> bool:
        """Scored, and below its full weight: a 偏差原因 is then required."""
        return self.score is not None and self.weight is not None and self.score < self.weight


@dataclass
class GoalTableScore:
    """Every row of every goal, scored, and what the table adds up to."""

    rows: list[GoalRowScore] = field(default_factory=list)
    goal_count: int = 0
    goals_without_rows: list[int] = field(default_factory=list)

    def row(self, path: str) -> GoalRowScore | None:
        return next((item for item in self.rows if item.path == path), None)

    @property
    def met(self) -> int:
        return sum(1 for item in self.rows if item.met is True)

    @property
    def not_met(self) -> int:
        return sum(1 for item in self.rows if item.met is False)

    @property
    def pending(self) -> int:
        return sum(1 for item in self.rows if item.met is None)

    @property
    def total_weight(self) -> Decimal:
        return sum((item.weight for item in self.rows if item.weight is not None and item.weight > 0), Decimal(0))

    @property
    def total_score(self) -> Decimal:
        return sum((item.score for item in self.rows if item.score is not None), Decimal(0))

    def rows_of(self, levels: list[str]) -> list[GoalRowScore]:
        """The rows whose 一级指标 is one of ``levels`` (every row when ``levels`` is empty)."""
        wanted = {_normal(level) for level in levels if level.strip()}
        return [item for item in self.rows if not wanted or _normal(item.indicator.level1) in wanted]


def _normal(text: str) -> str:
    return "".join(text.split()).rstrip("。；;，,.")


def find_band(actual: str, bands: list[QualitativeBand]) -> QualitativeBand | None:
    """The rating ``actual`` names (达成, 基本达成 …); exact names only, 未完全达成 is not 达成."""
    wanted = _normal(actual)
    return next((band for band in bands if band.name.strip() and _normal(band.name) == wanted), None)


def band_names(bands: list[QualitativeBand]) -> str:
    return "、".join(band.name for band in bands if band.name.strip())


def _qualitative(name: str, row: GoalIndicator, weight: Decimal, rules: RegionRules) -> RowOutcome:
    actual = row.actual.strip()
    names = band_names(rules.qualitative_bands)
    if not actual:
        return RowOutcome(None, None, f"{name}：尚未填写实际完成值（定性评级：{names}）", ("actual",))
    band = find_band(actual, rules.qualitative_bands)
    if band is None:
        return RowOutcome(None, None, f"{name}：实际完成值“{actual}”不是定性评级（{names}）之一，无法计分", ("actual",))
    score = round_score(clamp(weight * band.percent / HUNDRED, weight))
    reason = f"{name} 定性评级“{band.name}”，按分值的 {format_number(band.percent)}% 计"
    return RowOutcome(score, band.percent >= HUNDRED, f"{reason}，{points_text(score, weight)}")


def _numbers(name: str, row: GoalIndicator) -> tuple[IndicatorValue, IndicatorValue] | RowOutcome:
    target, actual = read_value(row.target), read_value(row.actual)
    if target.is_empty:
        return RowOutcome(None, None, f"{name}：尚未填写指标值", ("target",))
    if not target.is_number:
        return RowOutcome(None, None, f"{name}：指标值“{target.text}”不是数字，指标性质为“{row.nature}”时无法计分", ("target",))
    if actual.is_empty:
        return RowOutcome(None, None, f"{name}：尚未填写实际完成值", ("actual",))
    if not actual.is_number:
        return RowOutcome(None, None, f"{name}：实际完成值“{actual.text}”不是数字，无法计分", ("actual",))
    return target, actual


def _ratio_text(weight: Decimal, numerator: Decimal, denominator: Decimal) -> str:
    return f"{format_number(weight)} × {number_text(numerator)} ÷ {number_text(denominator)}"


def score_row(row: GoalIndicator, rules: RegionRules) -> RowOutcome:
    """Score one row of the goal table by its 指标性质 (see the module docstring)."""
    name = row.level3.strip() or "（未命名指标）"
    weight = row.weight
    if weight is None:
        return RowOutcome(None, None, f"{name}：尚未填写分值", ("weight",))
    if weight <= 0:
        return RowOutcome(None, None, f"{name}：分值 {format_number(weight)} 应大于零", ("weight",))
    if row.nature == QUALITATIVE:
        return _qualitative(name, row, weight, rules)
    if row.nature not in NUMERIC_NATURES:
        return RowOutcome(None, None, f"{name}：指标性质“{row.nature}”无法识别（应为 ≥、≤、= 或定性）", ("nature",))
    values = _numbers(name, row)
    if isinstance(values, RowOutcome):
        return values
    target_value, actual_value = values
    target, actual = target_value.number, actual_value.number
    assert target is not None and actual is not None  # _numbers returns numbers only
    unit = row.unit.strip() or target_value.unit
    shown = f"{name} 实际 {with_unit(actual, unit)}"
    goal = f"目标 {with_unit(target, unit)}"
    raw: Decimal
    if row.nature == "≥":
        if actual >= target:
            raw, met, reason = weight, True, f"{shown} ≥ {goal}"
        elif target <= 0:
            raw, met, reason = Decimal(0), False, f"{shown} 低于{goal}（目标不大于零，无法按比例计分）"
        else:
            raw, met = weight * actual / target, False
            reason = f"{shown} 低于{goal}：{_ratio_text(weight, actual, target)}"
    elif row.nature == "≤":
        if actual <= target:
            raw, met, reason = weight, True, f"{shown} ≤ {goal}"
        elif actual <= 0:
            raw, met, reason = Decimal(0), False, f"{shown} 高于{goal}（实际不大于零，无法按比例计分）"
        else:
            raw, met = weight * target / actual, False
            reason = f"{shown} 高于{goal}：{_ratio_text(weight, target, actual)}"
    else:
        difference = abs(actual - target)
        tolerance = abs(target) * rules.equal_tolerance / HUNDRED
        if difference == 0:
            raw, met, reason = weight, True, f"{shown} = {goal}"
        elif rules.equal_tolerance > 0 and difference <= tolerance:
            raw, met = weight, True
            reason = f"{shown}，与{goal}相差不超过允许偏差 {format_number(rules.equal_tolerance)}%"
        else:
            low, high = min(actual, target), max(actual, target)
            met = False
            if low <= 0:
                raw, reason = Decimal(0), f"{shown} ≠ {goal}（数值不大于零，无法按比例计分）"
            else:
                raw, reason = weight * low / high, f"{shown} ≠ {goal}：{_ratio_text(weight, low, high)}"
    score = round_score(clamp(raw, weight))
    deduction = Decimal(0)
    overshoot = _overshoot(row, rules, actual, target)
    if overshoot is not None and score > 0:
        deduction = min(score, round_score(clamp(rules.overshoot_deduction, weight)))
        score -= deduction
        reason += (
            f"；实际超出目标 {format_number(overshoot)}%（达到 {format_number(rules.overshoot_threshold)}%）"
            f"且未说明原因，扣 {format_number(deduction)} 分"
        )
    return RowOutcome(score, met, f"{reason}，{points_text(score, weight)}", deduction=deduction)


def _overshoot(row: GoalIndicator, rules: RegionRules, actual: Decimal, target: Decimal) -> Decimal | None:
    """How far (percent) a higher-is-better actual overshoots its target, when the set deducts for it."""
    if rules.overshoot != "deduct" or row.nature not in ("≥", "=") or target <= 0 or actual <= target:
        return None
    if row.deviation.strip():
        return None  # a stated reason keeps the points
    beyond = round_rate((actual - target) * HUNDRED / target)
    return beyond if beyond >= rules.overshoot_threshold else None


def _rules_key(rules: RegionRules) -> tuple[object, ...]:
    bands = tuple((band.name, band.percent) for band in rules.qualitative_bands)
    return (rules.equal_tolerance, bands, rules.overshoot, rules.overshoot_threshold, rules.overshoot_deduction)


@lru_cache(maxsize=8192)
def _score_values(row: tuple[object, ...], rules: tuple[object, ...]) -> RowOutcome:
    """:func:`score_row` of a row and rules given by their values: a keystroke changes one row, the others are known."""
    tolerance, bands, overshoot, threshold, deduction = rules
    region = RegionRules(
        equal_tolerance=tolerance,  # type: ignore[arg-type]
        qualitative_bands=[QualitativeBand(name, percent) for name, percent in bands],  # type: ignore[attr-defined]
        overshoot=overshoot,  # type: ignore[arg-type]
        overshoot_threshold=threshold,  # type: ignore[arg-type]
        overshoot_deduction=deduction,  # type: ignore[arg-type]
    )
    return score_row(GoalIndicator(**dict(zip(ROW_FIELDS, row, strict=True))), region)  # type: ignore[arg-type]


def score_goals(year: YearData) -> GoalTableScore:
    """Score every row of the year's goal table by the rules of its indicator set."""
    rules = _rules_key(year.indicator_set.region_rules)
    table = GoalTableScore(goal_count=len(year.goals))
    for g, goal in enumerate(year.goals):
        if not goal.indicators:
            table.goals_without_rows.append(g)
        for r, row in enumerate(goal.indicators):
            values = tuple(getattr(row, name) for name in ROW_FIELDS)
            table.rows.append(GoalRowScore(f"goals.{g}.indicators.{r}", g, r, row, _score_values(values, rules)))
    return table


def scoring_note(rules: RegionRules) -> str:
    """How the goal table's 得分 is computed, in one paragraph (printed under the table).

    Written as report text, not as the program's explanations: no spaces between the words and the
    numbers or around × and ÷ (a space in a Chinese sentence reads as a typing slip).
    """
    equal = (
        f"“=”的，与指标值相差不超过{format_number(rules.equal_tolerance)}%得满分"
        if rules.equal_tolerance > 0
        else "“=”的，等于指标值得满分"
    )
    bands = "、".join(f"{band.name}{format_number(band.percent)}%" for band in rules.qualitative_bands if band.name.strip())
    text = (
        "得分计算：指标性质为“≥”的，实际完成值达到指标值得满分，未达到的得分为分值×实际完成值÷指标值；"
        "“≤”的，不超过指标值得满分，超过的得分为分值×指标值÷实际完成值；"
        f"{equal}，否则得分为分值×较小值÷较大值；定性指标按评级计分（{bands}）。"
    )
    if rules.overshoot == "deduct":
        text += (
            f"实际完成值超出指标值{format_number(rules.overshoot_threshold)}%及以上且未说明原因的，"
            f"扣{format_number(rules.overshoot_deduction)}分。"
        )
    return text + "得分四舍五入保留两位小数。"


def goal_numbers(indices: list[int]) -> str:
    """目标1、目标3."""
    return "、".join(f"目标{index + 1}" for index in indices)
