"""The two sheets submitted with the report, as outline tables: 数据表 (figures) and 评分表 (score)."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.amounts import format_amount, format_number, format_percent
from zjdesk.domain.model import YearData
from zjdesk.domain.paths import get_value
from zjdesk.domain.registry import breakdown_parts, figure, figure_fields, label_of
from zjdesk.domain.report_words import DATA_SHEET_TITLE, SCORE_SHEET_TITLE
from zjdesk.report.facts import ReportFacts
from zjdesk.report.outline import Column, Row, Table

MISSING = "—"

# A breakdown's parts are printed under its total: "　其中：基本支出", then "　　　　项目支出".
_FIRST_PART = "　其中："


def figure_rows() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The data sheet's figure rows: (group title, [(row label, field path, 说明)]), from the model's declarations."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for item in figure_fields():
        info = item.info
        if not info.sheet_group:
            continue
        rows = groups.setdefault(info.sheet_group, [])
        if info.kind == "breakdown":
            rows.append((info.label, f"{item.path}.total", info.sheet_note))
            for position, part in enumerate(info.sheet_parts):
                label = breakdown_part_label(part)
                rows.append((_FIRST_PART + label if position == 0 else "　" * 4 + label, f"{item.path}.{part}", info.sheet_note))
        elif info.kind == "amount":
            rows.append((info.label, item.path, info.sheet_note))
    return list(groups.items())


def breakdown_part_label(part: str) -> str:
    """The declared name of a breakdown's part (基本支出, 项目支出, 其他支出)."""
    return next(item.info.label for item in breakdown_parts() if item.name == part)


def _amount_row(number: int, label: str, path: str, note: str, year: YearData) -> Row:
    return Row((str(number), label, format_amount(get_value(year, path)) or MISSING, "万元", note))


def _percent(value: Decimal | None) -> str:
    return format_percent(value).removesuffix("%") or MISSING


def data_sheet(year: YearData, facts: ReportFacts) -> Table:
    """数据表: the figures, the staff numbers and the rates computed from them."""
    rows: list[Row] = []
    number = 0
    for group, entries in figure_rows():
        rows.append(Row((group,), "group"))
        for label, path, note in entries:
            number += 1
            rows.append(_amount_row(number, label, path, note, year))

    rows.append(Row(("三、人员情况",), "group"))
    profile = year.profile
    for label, value, note in (
        (label_of("profile.establishment_total"), profile.establishment_total, ""),
        (label_of("profile.actual_total"), profile.actual_total, profile.staff_as_of),
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
        progress = figure("payment_progress_rate")
        shown = _percent(year.figures.payment_progress_rate)
        rows.append(Row((str(number), progress.info.label, shown, "%", progress.info.sheet_note)))

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
    return MISSING if value is None else format_number(value)


def score_sheet(year: YearData, facts: ReportFacts) -> Table:
    """评分表: every indicator with weight, criteria, score and the engine's explanation; total and grade."""
    rows = []
    for line in facts.indicators:
        note = line.explanation
        if line.deduction_reason and line.deduction_reason not in note:
            note = f"{note}；扣分原因：{line.deduction_reason}" if note else f"扣分原因：{line.deduction_reason}"
        rows.append(
            Row((line.level1, line.level2, line.level3, format_number(line.weight), line.criteria, _score(line.score), note))
        )
    weight_sum = sum((line.weight for line in facts.indicators), Decimal(0))
    total_note = facts.cap_note or ""
    rows.append(Row(("合计", "", "", format_number(weight_sum), "", format_number(facts.total), total_note), "total"))
    rows.append(Row(("自评等级", "", "", "", "", facts.grade, ""), "total"))
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
    notes: tuple[str, ...] = ()
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
