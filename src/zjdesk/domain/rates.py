"""Every rate of the report in one place: the score engine, the checks and the report text use these.

Rates are percentages (``Decimal("100.45")`` means 100.45%), rounded half-up to two decimals so
that the number a sentence shows is exactly the number a score was computed from. A rate whose
inputs are unknown (``None``) or whose denominator is zero is ``None``, never zero.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zjdesk.domain.model import YearData
from zjdesk.domain.paths import PathError, get_value
from zjdesk.domain.registry import label_of

HUNDRED = Decimal(100)
RATE_QUANTUM = Decimal("0.01")


# Inputs whose name as an input differs from the field's own name.
_INPUT_NAMES = {"goals": "绩效目标"}


def input_label(path: str) -> str:
    """The Chinese name of a rate's input field, for "缺少数据（决算支出、全年预算数）"."""
    return _INPUT_NAMES.get(path) or label_of(path, path)


@dataclass(frozen=True)
class RateDefinition:
    """A rate: its name, how it is computed from which fields, and (derived) its formula in words.

    ``kind`` is ``ratio`` (numerator ÷ denominator), ``absolute_ratio`` (|numerator| ÷ denominator),
    ``change`` ((current − previous) ÷ previous) or ``reported`` (a figure entered as a percentage).
    """

    metric: str
    label: str
    kind: str
    inputs: tuple[str, ...]
    formula_text: str = ""  # when the fields' names alone do not say it

    @property
    def formula(self) -> str:
        """How it is computed, in Chinese, from the declared names of its fields."""
        if self.formula_text:
            return self.formula_text
        names = [input_label(path) for path in self.inputs]
        if self.kind == "change":
            return f"（{names[0]} − {names[1]}）÷ {names[1]} × 100%"
        numerator = f"|{names[0]}|" if self.kind == "absolute_ratio" else names[0]
        return f"{numerator} ÷ {names[1]} × 100%"


# Every rate of the report, in the order the data sheet lists them.
RATES: tuple[RateDefinition, ...] = (
    RateDefinition("budget_execution_rate", "预算完成率", "ratio", ("figures.final_expenditure.total", "figures.budget.total")),
    RateDefinition(
        "revenue_expenditure_rate", "收入支出完成率", "ratio", ("figures.final_expenditure.total", "figures.final_revenue.total")
    ),
    RateDefinition("final_budget_rate", "预决算完成率", "ratio", ("figures.final_revenue.total", "figures.budget.total")),
    RateDefinition(
        "expenditure_change_rate",
        "支出变动率",
        "change",
        ("figures.final_expenditure.total", "figures.prior_final_expenditure.total"),
    ),
    RateDefinition("staff_control_rate", "在职人员控制率", "ratio", ("profile.actual_total", "profile.establishment_total")),
    RateDefinition(
        "budget_adjustment_rate", "预算调整率", "absolute_ratio", ("figures.budget_adjustment", "figures.initial_budget")
    ),
    RateDefinition("carry_over_rate", "结转结余率", "ratio", ("figures.carry_over", "figures.budget.total")),
    RateDefinition(
        "public_funds_control_rate", "公用经费控制率", "ratio", ("figures.public_funds_actual", "figures.public_funds_budget")
    ),
    RateDefinition(
        "three_public_change_rate",
        "“三公”经费变动率",
        "change",
        ("figures.three_public_actual", "figures.three_public_prior_actual"),
    ),
    RateDefinition(
        "three_public_control_rate", "“三公”经费控制率", "ratio", ("figures.three_public_actual", "figures.three_public_budget")
    ),
    RateDefinition(
        "procurement_execution_rate", "政府采购执行率", "ratio", ("figures.procurement_actual", "figures.procurement_plan")
    ),
    RateDefinition(
        "payment_progress_rate",
        "支付进度率",
        "reported",
        ("figures.payment_progress_rate",),
        "按国库支付系统报告的支付进度",
    ),
    RateDefinition(
        "goal_completion_rate",
        "重点工作完成率",
        "ratio",
        ("figures.goals_completed", "goals"),
        "已完成的绩效目标数 ÷ 绩效目标总数 × 100%",
    ),
)
RATE_BY_METRIC: dict[str, RateDefinition] = {rate.metric: rate for rate in RATES}
# metric → Chinese label, in the order the data sheet lists them.
RATE_LABELS: dict[str, str] = {rate.metric: rate.label for rate in RATES}
# metric → how it is computed, in Chinese (shown next to the rate in the UI and the score sheet).
RATE_FORMULAS: dict[str, str] = {rate.metric: rate.formula for rate in RATES}
# metric → the field paths it is computed from (the score engine names missing inputs by these).
RATE_INPUTS: dict[str, tuple[str, ...]] = {rate.metric: rate.inputs for rate in RATES}


# The indicator set may measure 预算完成率 against the initial budget (RegionRules.execution_basis).
INITIAL_EXECUTION_INPUTS = ("figures.final_expenditure.total", "figures.initial_budget")


def uses_initial_budget(year: YearData) -> bool:
    """Whether this year's set measures 预算完成率 against the initial budget (年初预算数)."""
    return year.indicator_set.region_rules.execution_basis == "initial"


def rate_definition(year: YearData, metric: str) -> RateDefinition | None:
    """The rate ``metric`` as ``year`` computes it: its inputs follow the indicator set's settings."""
    rate = RATE_BY_METRIC.get(metric)
    if rate is not None and metric == "budget_execution_rate" and uses_initial_budget(year):
        return dataclasses.replace(rate, inputs=INITIAL_EXECUTION_INPUTS)
    return rate


def rate_inputs(year: YearData, metric: str) -> tuple[str, ...]:
    """The field paths ``metric`` is computed from in ``year``."""
    rate = rate_definition(year, metric)
    return rate.inputs if rate is not None else ()


def rate_formula(year: YearData, metric: str) -> str:
    """How ``metric`` is computed in ``year``, in Chinese."""
    rate = rate_definition(year, metric)
    return rate.formula if rate is not None else ""


def round_rate(value: Decimal) -> Decimal:
    """Round a percentage the way every rate is shown: half-up to two decimals."""
    return value.quantize(RATE_QUANTUM, rounding=ROUND_HALF_UP)


def _rounded_rate(value: Decimal) -> Decimal | None:
    # A rate too large to show to two decimals (an amount keyed in with far too many digits
    # against a tiny one) has no meaning: it is unknown, not a reason to stop scoring.
    try:
        return round_rate(value)
    except InvalidOperation:
        return None


def ratio(numerator: Decimal | int | None, denominator: Decimal | int | None) -> Decimal | None:
    """``numerator / denominator`` in percent, or ``None`` when either is unknown or the denominator is zero."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return _rounded_rate(Decimal(numerator) * HUNDRED / Decimal(denominator))


def change(current: Decimal | int | None, previous: Decimal | int | None) -> Decimal | None:
    """``(current − previous) / previous`` in percent, or ``None``."""
    if current is None or previous is None or previous == 0:
        return None
    return _rounded_rate((Decimal(current) - Decimal(previous)) * HUNDRED / Decimal(previous))


def _staff_totals(year: YearData) -> tuple[int | None, int | None]:
    """The unit's own 在职 and 编制 totals; the per-category sums stand in for a missing total."""
    profile = year.profile
    actual = profile.actual_total
    establishment = profile.establishment_total
    if actual is None and profile.staff and all(item.actual is not None for item in profile.staff):
        actual = sum(item.actual for item in profile.staff if item.actual is not None)
    if establishment is None and profile.staff and all(item.establishment is not None for item in profile.staff):
        establishment = sum(item.establishment for item in profile.staff if item.establishment is not None)
    return actual, establishment


def _input_value(year: YearData, path: str) -> Decimal | int | None:
    """The value a rate takes from ``path``: staff totals fall back to their categories' sums, goals count."""
    if path in ("profile.actual_total", "profile.establishment_total"):
        actual, establishment = _staff_totals(year)
        return actual if path == "profile.actual_total" else establishment
    if path == "goals":
        return len(year.goals) if year.goals else None
    value = get_value(year, path)
    return value if isinstance(value, (Decimal, int)) else None


def _compute(rate: RateDefinition, year: YearData) -> Decimal | None:
    values: list[Decimal | int | None] = [_input_value(year, path) for path in rate.inputs]
    if rate.kind == "reported":
        return round_rate(Decimal(values[0])) if values[0] is not None else None
    if rate.kind == "change":
        return change(values[0], values[1])
    if rate.kind == "absolute_ratio":
        numerator = values[0]
        return ratio(None if numerator is None else Decimal(numerator).copy_abs(), values[1])
    return ratio(values[0], values[1])


def compute_rates(year: YearData) -> dict[str, Decimal | None]:
    """Every rate of :data:`RATES` for ``year``, in percent (two decimals), ``None`` where unknown."""
    rates = (rate_definition(year, rate.metric) or rate for rate in RATES)
    return {rate.metric: _compute(rate, year) for rate in rates}


def filled_as_zero(year: YearData, path: str) -> bool:
    """Whether the input at ``path`` is given as 0: a rate it divides cannot be computed, yet nothing is missing."""
    try:
        return _input_value(year, path) == 0
    except PathError:  # a metric's name, not a field (a rate not chosen yet, one the program does not know)
        return False


def missing_rate_inputs(year: YearData, metric: str) -> list[str]:
    """The input paths of ``metric`` that are unknown (or zero where they divide) in ``year``."""
    missing = []
    inputs = rate_inputs(year, metric)
    for index, path in enumerate(inputs):
        value = _input_value(year, path)
        is_denominator = index == len(inputs) - 1 and len(inputs) > 1
        if value is None or (is_denominator and value == 0):
            missing.append(path)
    return missing
