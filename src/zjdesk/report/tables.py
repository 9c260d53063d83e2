"""The two sheets submitted with the report, as outline tables: 数据表 (figures) and 评分表 (score)."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.amounts import format_amount, format_percent
from zjdesk.domain.model import YearData
from zjdesk.domain.paths import get_value
from zjdesk.domain.report_words import DATA_SHEET_TITLE, SCORE_SHEET_TITLE, chinese_date
from zjdesk.report.facts import ReportFacts
from zjdesk.report.outline import CellValue, Column, ColumnSum, Row, Table
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
    value = get_value(year, path)
    note = path_note(path)
    return Row((str(number), label, format_amount(value) or MISSING, "万元", note), values=(number, label, value, "万元", note))


def _count_row(number: int, label: str, value: int | None, note: str = "") -> Row:
    """A head count: a whole number in the sheet, empty (and "—" in print) when unknown."""
    text = MISSING if value is None else str(value)
    return Row((str(number), label, text, "人", note), values=(number, label, value, "人", note))


def path_note(path: str) -> str:
    """The 说明 of a figure row: empty, except where the figure is carried from last year's file."""
    return "上年度决算" if path.startswith("figures.prior_") or path.endswith("prior_actual") else ""


def _percent(value: Decimal | None) -> str:
    return format_percent(value).removesuffix("%") or MISSING


def _rate_row(number: int, label: str, value: Decimal | None, formula: str) -> Row:
    text = _percent(value)
    number_value = None if value is None else Decimal(text)  # as printed: two decimals
    return Row((str(number), label, text, "%", formula), values=(number, label, number_value, "%", formula))


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
    # 编制 and 在职 each in a row of its own, so every count is a number the sheet can add up.
    for label, total, attribute, note in (
        ("核定编制数", profile.establishment_total, "establishment", ""),
        ("在职人数", profile.actual_total, "actual", profile.staff_as_of),
    ):
        number += 1
        rows.append(_count_row(number, label, total, note))
        for index, category in enumerate(profile.staff):
            number += 1
            lead = "　其中：" if index == 0 else "　　　　"
            category_note = category.note if attribute == "actual" else ""
            rows.append(_count_row(number, f"{lead}{category.name}", getattr(category, attribute), category_note))
    for unit in profile.subordinate_units:
        for label, value in (("核定编制数", unit.establishment), ("在职人数", unit.actual)):
            number += 1
            rows.append(_count_row(number, f"{unit.name}{label}", value, "下属单位"))

    rows.append(Row(("四、计算指标",), "group"))
    for rate in facts.rates:
        number += 1
        formula = rate.formula.removesuffix(" × 100%")  # the 单位 column says %
        rows.append(_rate_row(number, rate.label, rate.value, formula))
    if not any("payment" in rate.name for rate in facts.rates):
        number += 1
        rows.append(_rate_row(number, "支付进度率", year.figures.payment_progress_rate, "国库支付系统"))

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
    """评分表, as a bureau's 自评表: every indicator with weight, criteria, score and how it was scored; the
    total and the grade; then the sign-off rows (填表人、联系电话、填报日期、单位负责人、单位盖章)."""
    rows: list[Row] = []
    for line in facts.indicators:
        weight = format_score(line.weight)
        cells = (line.level1, line.level2, line.level3, weight, line.criteria, _score(line.score), line.note)
        values: tuple[CellValue, ...] = (*cells[:3], line.weight, line.criteria, line.score, line.note)
        rows.append(Row(cells, values=values))
    weight_sum = sum((line.weight for line in facts.indicators), Decimal(0))
    total = (format_score(weight_sum), "", format_score(facts.total), facts.cap_note)
    rows.append(
        Row(
            ("合计", *total),
            "total",
            spans=(3, 1, 1, 1, 1),
            values=("合计", ColumnSum(weight_sum), None, ColumnSum(facts.total, facts.cap), facts.cap_note),
        )
    )
    rows.append(Row(("自评等级", facts.grade, ""), "total", spans=(5, 1, 1)))
    rows.extend(signoff_rows(year))
    columns = (
        Column("一级指标", 22),
        Column("二级指标", 22),
        Column("三级指标", 34),
        Column("分值", 13),
        Column("评分标准", 58, "left"),
        Column("得分", 13),
        Column("评分说明", 63, "left"),
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


# The sign-off rows of a 自评表 with seven columns: (label, value) of each cell and the columns it covers.
SIGNOFF_SPANS = ((3, 2, 2), (3, 4))


def signoff_rows(year: YearData) -> list[Row]:
    """填表人、联系电话、填报日期 / 单位负责人（签字）、单位（盖章）, filled in from the cover step."""
    cover = year.cover
    lines = (
        (("填表人", cover.preparer), ("联系电话", cover.preparer_phone), ("填报日期", chinese_date(cover.fill_date))),
        (("单位负责人（签字）", cover.unit_head), ("单位（盖章）", cover.unit_name)),
    )
    return [
        Row(tuple(f"{label}：{value.strip()}" for label, value in cells), "signoff", spans=spans)
        for cells, spans in zip(lines, SIGNOFF_SPANS, strict=True)
    ]
