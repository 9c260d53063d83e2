"""The sheets submitted with the report, as outline tables: 数据表 (figures), 评分表 (score) and the
部门整体支出绩效目标完成情况表 (the goal table, when the goals have indicator rows)."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.amounts import format_amount, format_percent
from zjdesk.domain.model import YearData
from zjdesk.domain.paths import get_value
from zjdesk.domain.report_words import DATA_SHEET_TITLE, GOAL_SHEET_TITLE, GOAL_TABLE_COLUMNS, SCORE_SHEET_TITLE
from zjdesk.report.facts import ReportFacts
from zjdesk.report.outline import Column, Row, Table
from zjdesk.report.sentences import format_score

MISSING = "—"

# (group title, [(row label, field path)]) — the figures of DESIGN §5 in the order officers read them.
FIGURE_ROWS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "一、预算收支情况",
        (
            ("年初预算数", "figures.initial_budget"),
            ("预算调整数", "figures.budget_adjustment"),
            ("全年预算数", "figures.budget.total"),
            ("　其中：基本支出", "figures.budget.basic"),
            ("　　　　项目支出", "figures.budget.project"),
            ("决算收入", "figures.final_revenue.total"),
            ("　其中：基本支出", "figures.final_revenue.basic"),
            ("　　　　项目支出", "figures.final_revenue.project"),
            ("决算支出", "figures.final_expenditure.total"),
            ("　其中：基本支出", "figures.final_expenditure.basic"),
            ("　　　　项目支出", "figures.final_expenditure.project"),
            ("　　　　其他支出", "figures.final_expenditure.other"),
            ("上年决算支出", "figures.prior_final_expenditure.total"),
            ("　其中：基本支出", "figures.prior_final_expenditure.basic"),
            ("　　　　项目支出", "figures.prior_final_expenditure.project"),
            ("年末结转结余", "figures.carry_over"),
        ),
    ),
    (
        "二、公用经费、“三公”经费和政府采购",
        (
            ("公用经费预算数", "figures.public_funds_budget"),
            ("公用经费实际支出", "figures.public_funds_actual"),
            ("“三公”经费预算数", "figures.three_public_budget"),
            ("“三公”经费实际支出", "figures.three_public_actual"),
            ("上年“三公”经费支出", "figures.three_public_prior_actual"),
            ("政府采购预算（计划）数", "figures.procurement_plan"),
            ("政府采购实际金额", "figures.procurement_actual"),
        ),
    ),
)


def _amount_row(number: int, label: str, path: str, year: YearData) -> Row:
    return Row((str(number), label, format_amount(get_value(year, path)) or MISSING, "万元", path_note(path)))


def path_note(path: str) -> str:
    """The 说明 of a figure row: empty, except where the figure is carried from last year's file."""
    return "上年度决算" if path.startswith("figures.prior_") or path.endswith("prior_actual") else ""


def _percent(value: Decimal | None) -> str:
    return format_percent(value).removesuffix("%") or MISSING


def data_sheet(year: YearData, facts: ReportFacts) -> Table:
    """数据表: the figures, the staff numbers and the rates computed from them."""
    rows: list[Row] = []
    number = 0
    for group, entries in FIGURE_ROWS:
        rows.append(Row((group,), "group"))
        for label, path in entries:
            number += 1
            rows.append(_amount_row(number, label, path, year))

    rows.append(Row(("三、人员情况",), "group"))
    profile = year.profile
    for label, value, note in (
        ("核定编制数", profile.establishment_total, ""),
        ("在职人数", profile.actual_total, profile.staff_as_of),
    ):
        number += 1
        rows.append(Row((str(number), label, MISSING if value is None else str(value), "人", note)))
    for category in profile.staff:
        number += 1
        pair = "/".join(MISSING if n is None else str(n) for n in (category.establishment, category.actual))
        note = "；".join(part for part in ("编制/在职", category.note) if part)
        rows.append(Row((str(number), f"　{category.name}", pair, "人", note)))
    for unit in profile.subordinate_units:
        number += 1
        pair = "/".join(MISSING if n is None else str(n) for n in (unit.establishment, unit.actual))
        rows.append(Row((str(number), unit.name, pair, "人", "下属单位，编制/在职")))

    rows.append(Row(("四、计算指标",), "group"))
    for rate in facts.rates:
        number += 1
        formula = rate.formula.removesuffix(" × 100%")  # the 单位 column says %
        rows.append(Row((str(number), rate.label, _percent(rate.value), "%", formula)))
    if not any("payment" in rate.name for rate in facts.rates):
        number += 1
        progress = _percent(year.figures.payment_progress_rate)
        rows.append(Row((str(number), "支付进度率", progress, "%", "国库支付系统")))

    rows.append(Row(("五、绩效目标完成情况",), "group"))
    counts = facts.goal_counts
    for label, value, unit, note in (
        ("绩效目标", counts.goals, "个", ""),
        ("绩效指标", counts.indicators, "项", "绩效目标完成情况表所列指标"),
        ("已达成指标", counts.met, "项", "实际完成值达到指标值（定性指标评为达成）"),
        ("未达成指标", counts.not_met, "项", "原因见绩效目标完成情况表"),
    ):
        number += 1
        rows.append(Row((str(number), label, str(value), unit, note)))
    if counts.pending:
        number += 1
        rows.append(Row((str(number), "尚未填写实际完成值的指标", str(counts.pending), "项", "")))

    columns = (
        Column("序号", 12),
        Column("项目", 52, "left"),
        Column("数值", 24, "right"),
        Column("单位", 12),
        Column("说明", 56, "left"),
    )
    caption = f"单位名称：{year.cover.unit_name}　　评价年度：{year.cover.evaluation_year}年度"
    return Table("data_sheet", DATA_SHEET_TITLE, columns, tuple(rows), caption=caption)


def _score(value: Decimal | None) -> str:
    return MISSING if value is None else format_score(value)


def score_sheet(year: YearData, facts: ReportFacts) -> Table:
    """评分表: every indicator with weight, criteria, score and the engine's explanation; total and grade."""
    rows = []
    for line in facts.indicators:
        note = line.explanation
        if line.deduction_reason and line.deduction_reason not in note:
            note = f"{note}；扣分原因：{line.deduction_reason}" if note else f"扣分原因：{line.deduction_reason}"
        rows.append(
            Row((line.level1, line.level2, line.level3, format_score(line.weight), line.criteria, _score(line.score), note))
        )
    weight_sum = sum((line.weight for line in facts.indicators), Decimal(0))
    total_note = facts.cap_note or ""
    rows.append(Row(("合计", "", "", format_score(weight_sum), "", format_score(facts.total), total_note), "total"))
    rows.append(Row(("自评等级", "", "", "", "", facts.grade, ""), "total"))
    columns = (
        Column("一级指标", 22),
        Column("二级指标", 22),
        Column("三级指标", 34),
        Column("分值", 13),
        Column("评分标准", 58, "left"),
        Column("得分", 15),
        Column("评分说明", 61, "left"),
    )
    caption = f"单位名称：{year.cover.unit_name}　　评价年度：{year.cover.evaluation_year}年度"
    notes = ()
    if facts.set_name or facts.set_is_reference:
        label = "参考指标体系" if facts.set_is_reference else "指标体系"
        notes = (f"{label}：{facts.set_name}" if facts.set_name else label,)
    return Table(
        "score_sheet",
        SCORE_SHEET_TITLE,
        columns,
        tuple(rows),
        landscape=True,
        merge_columns=(0, 1),
        caption=caption,
        notes=notes,
    )


# Widths (mm) of the goal table's columns, in GOAL_TABLE_COLUMNS order: 225 mm, the landscape text block.
GOAL_COLUMN_WIDTHS = (28, 19, 19, 28, 11, 17, 13, 17, 11, 15, 47)
GOAL_COLUMN_ALIGN = {"goal": "left", "level3": "left", "deviation": "left"}


def _weight_text(value: Decimal | None) -> str:
    return "" if value is None else format_score(value)


def goal_sheet(year: YearData, facts: ReportFacts) -> Table:
    """部门整体支出绩效目标完成情况表: every goal's indicators with target, actual, weight, score and 偏差原因."""
    rows = []
    for line in facts.goal_lines:
        if not line.has_row:
            rows.append(Row((line.goal, "（未细化为绩效指标）", "", "", "", "", "", "", "", "", "")))
            continue
        score = "" if line.score is None else format_score(line.score)
        rows.append(
            Row(
                (
                    line.goal,
                    line.level1,
                    line.level2,
                    line.level3,
                    line.nature,
                    line.target,
                    line.unit,
                    line.actual or MISSING,
                    _weight_text(line.weight),
                    score or MISSING,
                    line.deviation,
                )
            )
        )
    weights = sum((line.weight for line in facts.goal_lines if line.weight is not None and line.weight > 0), Decimal(0))
    scores = sum((line.score for line in facts.goal_lines if line.score is not None), Decimal(0))
    counts = facts.goal_counts
    summary = f"达成 {counts.met} 项，未达成 {counts.not_met} 项" + (f"，待填写 {counts.pending} 项" if counts.pending else "")
    rows.append(Row(("合计", "", "", "", "", "", "", "", format_score(weights), format_score(scores), summary), "total"))
    columns = tuple(
        Column(header, width, GOAL_COLUMN_ALIGN.get(key, "center"))  # type: ignore[arg-type]
        for (key, header), width in zip(GOAL_TABLE_COLUMNS, GOAL_COLUMN_WIDTHS, strict=True)
    )
    caption = f"单位名称：{year.cover.unit_name}　　评价年度：{year.cover.evaluation_year}年度"
    return Table(
        "goal_sheet",
        GOAL_SHEET_TITLE,
        columns,
        tuple(rows),
        landscape=True,
        merge_columns=(0, 1, 2),
        caption=caption,
        notes=(facts.goal_note,) if facts.goal_note else (),
    )
