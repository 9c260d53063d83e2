"""Every rate of the report in one place: the score engine, the checks and the report text use these.

Rates are percentages (``Decimal("100.45")`` means 100.45%), rounded half-up to two decimals so
that the number a sentence shows is exactly the number a score was computed from. A rate whose
inputs are unknown (``None``) or whose denominator is zero is ``None``, never zero.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from zjdesk.domain.model import YearData
from zjdesk.domain.paths import get_value

HUNDRED = Decimal(100)
RATE_QUANTUM = Decimal("0.01")

# metric → Chinese label, in the order the data sheet lists them.
RATE_LABELS: dict[str, str] = {
    "budget_execution_rate": "预算完成率",
    "revenue_expenditure_rate": "收入支出完成率",
    "final_budget_rate": "预决算完成率",
    "expenditure_change_rate": "支出变动率",
    "staff_control_rate": "在职人员控制率",
    "budget_adjustment_rate": "预算调整率",
    "carry_over_rate": "结转结余率",
    "public_funds_control_rate": "公用经费控制率",
    "three_public_change_rate": "“三公”经费变动率",
    "three_public_control_rate": "“三公”经费控制率",
    "procurement_execution_rate": "政府采购执行率",
    "payment_progress_rate": "支付进度率",
    "goal_completion_rate": "重点工作完成率",
}

# metric → how it is computed, in Chinese (shown next to the rate in the UI and the score sheet).
RATE_FORMULAS: dict[str, str] = {
    "budget_execution_rate": "决算支出 ÷ 全年预算数 × 100%",
    "revenue_expenditure_rate": "决算支出 ÷ 决算收入 × 100%",
    "final_budget_rate": "决算收入 ÷ 全年预算数 × 100%",
    "expenditure_change_rate": "（本年决算支出 − 上年决算支出）÷ 上年决算支出 × 100%",
    "staff_control_rate": "在职人数 ÷ 核定编制数 × 100%",
    "budget_adjustment_rate": "|预算调整数| ÷ 年初预算数 × 100%",
    "carry_over_rate": "结转结余 ÷ 全年预算数 × 100%",
    "public_funds_control_rate": "公用经费实际支出 ÷ 公用经费预算 × 100%",
    "three_public_change_rate": "（本年“三公”经费 − 上年“三公”经费）÷ 上年“三公”经费 × 100%",
    "three_public_control_rate": "“三公”经费实际支出 ÷ “三公”经费预算 × 100%",
    "procurement_execution_rate": "政府采购实际金额 ÷ 政府采购计划金额 × 100%",
    "payment_progress_rate": "按国库支付系统报告的支付进度",
    "goal_completion_rate": "已完成的绩效目标数 ÷ 绩效目标总数 × 100%",
}

# metric → the field paths it is computed from (the score engine names missing inputs by these).
RATE_INPUTS: dict[str, tuple[str, ...]] = {
    "budget_execution_rate": ("figures.final_expenditure.total", "figures.budget.total"),
    "revenue_expenditure_rate": ("figures.final_expenditure.total", "figures.final_revenue.total"),
    "final_budget_rate": ("figures.final_revenue.total", "figures.budget.total"),
    "expenditure_change_rate": ("figures.final_expenditure.total", "figures.prior_final_expenditure.total"),
    "staff_control_rate": ("profile.actual_total", "profile.establishment_total"),
    "budget_adjustment_rate": ("figures.budget_adjustment", "figures.initial_budget"),
    "carry_over_rate": ("figures.carry_over", "figures.budget.total"),
    "public_funds_control_rate": ("figures.public_funds_actual", "figures.public_funds_budget"),
    "three_public_change_rate": ("figures.three_public_actual", "figures.three_public_prior_actual"),
    "three_public_control_rate": ("figures.three_public_actual", "figures.three_public_budget"),
    "procurement_execution_rate": ("figures.procurement_actual", "figures.procurement_plan"),
    "payment_progress_rate": ("figures.payment_progress_rate",),
    "goal_completion_rate": ("figures.goals_completed", "goals"),
}


# The indicator set may measure 预算完成率 against the initial budget (RegionRules.execution_basis).
INITIAL_EXECUTION_INPUTS = ("figures.final_expenditure.total", "figures.initial_budget")
INITIAL_EXECUTION_FORMULA = "决算支出 ÷ 年初预算数 × 100%"


def uses_initial_budget(year: YearData) -> bool:
    """Whether this year's set measures 预算完成率 against the initial budget (年初预算数)."""
    return year.indicator_set.region_rules.execution_basis == "initial"


def rate_inputs(year: YearData, metric: str) -> tuple[str, ...]:
    """The field paths ``metric`` is computed from in ``year`` (they follow the set's settings)."""
    if metric == "budget_execution_rate" and uses_initial_budget(year):
        return INITIAL_EXECUTION_INPUTS
    return RATE_INPUTS.get(metric, ())


def rate_formula(year: YearData, metric: str) -> str:
    """How ``metric`` is computed in ``year``, in Chinese."""
    if metric == "budget_execution_rate" and uses_initial_budget(year):
        return INITIAL_EXECUTION_FORMULA
    return RATE_FORMULAS.get(metric, "")


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


def compute_rates(year: YearData) -> dict[str, Decimal | None]:
    """Every rate of :data:`RATE_LABELS` for ``year``, in percent (two decimals), ``None`` where unknown."""
    figures = year.figures
    actual_staff, establishment = _staff_totals(year)
    adjustment = figures.budget_adjustment
    goals_total = len(year.goals) if year.goals else None
    execution_budget = figures.initial_budget if uses_initial_budget(year) else figures.budget.total
    return {
        "budget_execution_rate": ratio(figures.final_expenditure.total, execution_budget),
        "revenue_expenditure_rate": ratio(figures.final_expenditure.total, figures.final_revenue.total),
        "final_budget_rate": ratio(figures.final_revenue.total, figures.budget.total),
        "expenditure_change_rate": change(figures.final_expenditure.total, figures.prior_final_expenditure.total),
        "staff_control_rate": ratio(actual_staff, establishment),
        "budget_adjustment_rate": ratio(abs(adjustment) if adjustment is not None else None, figures.initial_budget),
        "carry_over_rate": ratio(figures.carry_over, figures.budget.total),
        "public_funds_control_rate": ratio(figures.public_funds_actual, figures.public_funds_budget),
        "three_public_change_rate": change(figures.three_public_actual, figures.three_public_prior_actual),
        "three_public_control_rate": ratio(figures.three_public_actual, figures.three_public_budget),
        "procurement_execution_rate": ratio(figures.procurement_actual, figures.procurement_plan),
        "payment_progress_rate": round_rate(figures.payment_progress_rate) if figures.payment_progress_rate is not None else None,
        "goal_completion_rate": ratio(figures.goals_completed, goals_total),
    }


def missing_rate_inputs(year: YearData, metric: str) -> list[str]:
    """The input paths of ``metric`` that are unknown (or zero where they divide) in ``year``."""
    missing = []
    inputs = rate_inputs(year, metric)
    for index, path in enumerate(inputs):
        value = get_value(year, path)
        if path == "profile.actual_total" or path == "profile.establishment_total":
            actual, establishment = _staff_totals(year)
            value = actual if path == "profile.actual_total" else establishment
        is_denominator = index == len(inputs) - 1 and len(inputs) > 1
        if value is None or (isinstance(value, list) and not value) or (is_denominator and value == 0):
            missing.append(path)
    return missing


# input path → Chinese name, for "缺少数据（决算支出、全年预算数）".
INPUT_LABELS: dict[str, str] = {
    "figures.final_expenditure.total": "决算支出",
    "figures.budget.total": "全年预算数",
    "figures.final_revenue.total": "决算收入",
    "figures.prior_final_expenditure.total": "上年决算支出",
    "profile.actual_total": "在职人数",
    "profile.establishment_total": "核定编制数",
    "figures.budget_adjustment": "预算调整数",
    "figures.initial_budget": "年初预算数",
    "figures.carry_over": "结转结余",
    "figures.public_funds_actual": "公用经费实际支出",
    "figures.public_funds_budget": "公用经费预算",
    "figures.three_public_actual": "“三公”经费实际支出",
    "figures.three_public_prior_actual": "上年“三公”经费",
    "figures.three_public_budget": "“三公”经费预算",
    "figures.procurement_actual": "政府采购实际金额",
    "figures.procurement_plan": "政府采购计划金额",
    "figures.payment_progress_rate": "支付进度率",
    "figures.goals_completed": "已完成的绩效目标数",
    "goals": "绩效目标",
}
