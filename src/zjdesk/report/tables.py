"""The sheets submitted with the report, as outline tables: 数据表 (figures), 评分表 (score) and the
部门整体支出绩效目标完成情况表 (the goal table, when the goals have indicator rows)."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.amounts import format_amount, format_number, format_percent
from zjdesk.domain.linebreak import autospace_after
from zjdesk.domain.model import YearData
from zjdesk.domain.paths import get_value
from zjdesk.domain.registry import breakdown_parts, figure, figure_fields, label_of
from zjdesk.domain.report_words import (
    DATA_SHEET_TITLE,
    GOAL_SHEET_TITLE,
    GOAL_TABLE_COLUMNS,
    SCORE_SHEET_TITLE,
    chinese_date,
)
from zjdesk.report.facts import ReportFacts
from zjdesk.report.outline import CellValue, Column, ColumnSum, Row, Table
from zjdesk.report.page_spec import autospace, role, text_width_pt
from zjdesk.report.sentences import awaiting_note

MISSING = "—"

# A breakdown's parts are printed under its total: "　其中：基本支出", then "　　　　项目支出".
_FIRST_PART = "　其中："


def figure_rows(year: YearData | None = None) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """The data sheet's figure rows: (group title, [(row label, field path, 说明)]), from the model's declarations.

    A breakdown prints its declared parts, and any other part ``year`` has a figure for (全年预算数 with
    其他支出 entered): the parts under a total always add up to it, as the 支出情况 paragraph states them.
    """
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for item in figure_fields():
        info = item.info
        if not info.sheet_group:
            continue
        rows = groups.setdefault(info.sheet_group, [])
        if info.kind == "breakdown":
            rows.append((info.label, f"{item.path}.total", info.sheet_note))
            parts = [
                part.name
                for part in breakdown_parts()
                if part.name != "total"
                and (
                    part.name in info.sheet_parts
                    or (year is not None and get_value(year, f"{item.path}.{part.name}") is not None)
                )
            ]
            for position, part in enumerate(parts):
                label = breakdown_part_label(part)
                rows.append((_FIRST_PART + label if position == 0 else "　" * 4 + label, f"{item.path}.{part}", info.sheet_note))
        elif info.kind == "amount":
            rows.append((info.label, item.path, info.sheet_note))
    return list(groups.items())


def breakdown_part_label(part: str) -> str:
    """The declared name of a breakdown's part (基本支出, 项目支出, 其他支出)."""
    return next(item.info.label for item in breakdown_parts() if item.name == part)


# Between 单位名称 and 评价年度 when the caption is one line.
CAPTION_GAP = "　　"


def sheet_caption(year: YearData, *, landscape: bool) -> str:
    """单位名称：…　　评价年度：2024年度 under a sheet's title, on two lines when it does not fit on one.

    A long unit name would otherwise push 评价年度 to the line's end, to be split as 2024年 | 度. The
    width is reckoned from the caption's size as Word and the printout set it (a Chinese character or a
    full-width mark one em, a digit half of one, autospace between them) with an em to spare, so that
    both renders break it at the same place: the forced break between the two.
    """
    parts = (f"单位名称：{year.cover.unit_name.strip()}", f"评价年度：{year.cover.evaluation_year}年度")
    one_line = CAPTION_GAP.join(parts)
    caption = role("caption")
    size = caption.size
    width = sum(size / 2 if char.isascii() else size for char in one_line)
    width += len(autospace_after(one_line)) * autospace(size, caption.spacing)
    return one_line if width + size <= text_width_pt(landscape) else "\n".join(parts)


def _amount_row(number: int, label: str, path: str, note: str, year: YearData) -> Row:
    """An amount: a number in the sheet, empty (and "—" in print) when unknown."""
    value = get_value(year, path)
    return Row((str(number), label, format_amount(value) or MISSING, "万元", note), values=(number, label, value, "万元", note))


def _count_row(number: int, label: str, value: int | None, measure: str = "人", note: str = "") -> Row:
    """A count: a whole number in the sheet, empty (and "—" in print) when unknown."""
    text = MISSING if value is None else str(value)
    return Row((str(number), label, text, measure, note), values=(number, label, value, measure, note))


def _percent(value: Decimal | None) -> str:
    return format_percent(value).removesuffix("%") or MISSING


def _rate_row(number: int, label: str, value: Decimal | None, formula: str) -> Row:
    """A rate in percent, as printed (two decimals); empty in the sheet when unknown."""
    text = _percent(value)
    number_value = None if value is None else Decimal(text)
    return Row((str(number), label, text, "%", formula), values=(number, label, number_value, "%", formula))


def data_sheet(year: YearData, facts: ReportFacts) -> Table:
    """数据表: the figures, the staff numbers and the rates computed from them."""
    rows: list[Row] = []
    number = 0
    for group, entries in figure_rows(year):
        rows.append(Row((group,), "group"))
        for label, path, note in entries:
            number += 1
            rows.append(_amount_row(number, label, path, note, year))

    rows.append(Row(("三、人员情况",), "group"))
    profile = year.profile
    # 编制 and 在职 each in rows of their own, so every count is a number the sheet can add up.
    for path, total, attribute, note in (
        ("profile.establishment_total", profile.establishment_total, "establishment", ""),
        ("profile.actual_total", profile.actual_total, "actual", profile.staff_as_of),
    ):
        number += 1
        rows.append(_count_row(number, label_of(path), total, note=note))
        for index, category in enumerate(profile.staff):
            number += 1
            lead = _FIRST_PART if index == 0 else "　" * 4
            category_note = category.note if attribute == "actual" else ""
            rows.append(_count_row(number, f"{lead}{category.name}", getattr(category, attribute), note=category_note))
    for unit in profile.subordinate_units:
        for path, value in (("profile.establishment_total", unit.establishment), ("profile.actual_total", unit.actual)):
            number += 1
            rows.append(_count_row(number, f"{unit.name}{label_of(path)}", value, note="下属单位"))

    rows.append(Row(("四、计算指标",), "group"))
    for rate in facts.rates:
        number += 1
        formula = rate.formula.removesuffix(" × 100%")  # the 单位 column says %
        rows.append(_rate_row(number, rate.label, rate.value, formula))
    if not any("payment" in rate.name for rate in facts.rates):
        number += 1
        progress = figure("payment_progress_rate")
        rows.append(_rate_row(number, progress.info.label, year.figures.payment_progress_rate, progress.info.sheet_note))

    rows.append(Row(("五、绩效目标完成情况",), "group"))
    counts = facts.goal_counts
    for label, value, measure, note in (
        ("绩效目标", counts.goals, "个", ""),
        ("绩效指标", counts.indicators, "项", "绩效目标完成情况表所列指标"),
        ("已达成指标", counts.met, "项", "实际完成值达到指标值（定性指标评为达成）"),
        ("未达成指标", counts.not_met, "项", "原因见绩效目标完成情况表"),
    ):
        number += 1
        rows.append(_count_row(number, label, value, measure, note))
    if counts.pending:
        number += 1
        rows.append(_count_row(number, "尚未填写实际完成值的指标", counts.pending, "项"))

    columns = (
        Column("序号", 11),
        Column("项目", 50, "left"),
        Column("数值", 22, "right"),
        Column("单位", 11),
        Column("说明", 62, "left"),
    )
    return Table("data_sheet", DATA_SHEET_TITLE, columns, tuple(rows), caption=sheet_caption(year, landscape=False))


def _score(value: Decimal | None) -> str:
    return MISSING if value is None else format_number(value)


def score_sheet(year: YearData, facts: ReportFacts) -> Table:
    """评分表, as a bureau's 自评表: every indicator with weight, criteria, score and how it was scored; the
    total and the grade; then the sign-off rows (填表人、联系电话、填报日期、单位负责人、单位盖章)."""
    rows: list[Row] = []
    for line in facts.indicators:
        weight = format_number(line.weight)
        cells = (line.level1, line.level2, line.level3, weight, line.criteria, _score(line.score), line.note)
        values: tuple[CellValue, ...] = (*cells[:3], line.weight, line.criteria, line.score, line.note)
        rows.append(Row(cells, values=values))
    weight_sum = sum((line.weight for line in facts.indicators), Decimal(0))
    # A draft with indicators still to score: the 合计 is only what is scored so far, and no grade is given.
    total_note = "；".join(
        note for note in (f"暂计，{awaiting_note(facts.awaiting)}" if facts.awaiting else "", facts.cap_note) if note
    )
    total = (format_number(weight_sum), "", format_number(facts.total), total_note)
    rows.append(
        Row(
            ("合计", *total),
            "total",
            spans=(3, 1, 1, 1, 1),
            values=("合计", ColumnSum(weight_sum), None, ColumnSum(facts.total, facts.cap), total_note),
        )
    )
    rows.append(Row(("自评等级", facts.stated_grade, ""), "total", spans=(5, 1, 1)))
    rows.extend(signoff_rows(year))
    columns = (
        Column("一级指标", 20),
        Column("二级指标", 20),
        Column("三级指标", 30),
        Column("分值", 12),
        Column("评分标准", 86, "left"),
        Column("得分", 15),
        Column("评分说明", 42, "left"),
    )
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
        caption=sheet_caption(year, landscape=True),
        notes=notes,
    )


# The sign-off rows of a 自评表 with seven columns: the columns each cell covers.
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


# Widths (mm) of the goal table's columns, in GOAL_TABLE_COLUMNS order: 225 mm, the landscape text block.
GOAL_COLUMN_WIDTHS = (28, 19, 19, 28, 11, 17, 13, 17, 11, 15, 47)
GOAL_COLUMN_ALIGN = {"goal": "left", "level3": "left", "deviation": "left"}


def _weight_text(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def goal_sheet(year: YearData, facts: ReportFacts) -> Table:
    """部门整体支出绩效目标完成情况表: every goal's indicators with target, actual, weight, score and 偏差原因."""
    rows = []
    for line in facts.goal_lines:
        if not line.has_row:
            rows.append(Row((line.goal, "（未细化为绩效指标）"), spans=(1, 10)))
            continue
        score = "" if line.score is None else format_number(line.score)
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
                ),
                values=(
                    line.goal,
                    line.level1,
                    line.level2,
                    line.level3,
                    line.nature,
                    line.target,
                    line.unit,
                    line.actual or None,
                    line.weight,
                    line.score,
                    line.deviation,
                ),
            )
        )
    weights = sum((line.weight for line in facts.goal_lines if line.weight is not None and line.weight > 0), Decimal(0))
    scores = sum((line.score for line in facts.goal_lines if line.score is not None), Decimal(0))
    counts = facts.goal_counts
    summary = f"达成{counts.met}项，未达成{counts.not_met}项" + (f"，待填写{counts.pending}项" if counts.pending else "")
    rows.append(
        Row(
            ("合计", format_number(weights), format_number(scores), summary),
            "total",
            spans=(8, 1, 1, 1),
            values=("合计", ColumnSum(weights), ColumnSum(scores), summary),
        )
    )
    columns = tuple(
        Column(header, width, GOAL_COLUMN_ALIGN.get(key, "center"))  # type: ignore[arg-type]
        for (key, header), width in zip(GOAL_TABLE_COLUMNS, GOAL_COLUMN_WIDTHS, strict=True)
    )
    return Table(
        "goal_sheet",
        GOAL_SHEET_TITLE,
        columns,
        tuple(rows),
        landscape=True,
        merge_columns=(0, 1, 2),
        caption=sheet_caption(year, landscape=True),
        notes=(facts.goal_note,) if facts.goal_note else (),
    )
