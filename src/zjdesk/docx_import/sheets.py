"""The 数据表 printed after the report: figures the 支出情况 paragraph does not state.

The zjdesk export prints the data sheet (序号 项目 数值 单位 说明) and the score sheet after 四、其他
自评情况; a sheet typed by hand often has two columns (项目 | 金额（万元）), whose rows reach the
importer as ``年初预算数：1198.00``. The score sheet is read from its table into the indicator set
(:mod:`.score_sheet`), not as text. The data sheet's amount rows fill the figures the paragraph
leaves out (last year's “三公”经费, the 支付进度率, …); where both state a figure, the paragraph wins
and a disagreement is reported. A two-column row naming no figure is kept as 未识别内容.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from zjdesk.docx_import.figures import amount_in_wan
from zjdesk.docx_import.result import Collector
from zjdesk.domain.amounts import format_amount, normalise_width
from zjdesk.domain.limits import DECIMAL, NumberError, check_number
from zjdesk.domain.paths import get_value, set_value
from zjdesk.domain.registry import breakdown_parts, figure_fields
from zjdesk.domain.report_words import GOAL_SHEET_TITLE

# The lines zjdesk prints around its goal table: the title, 单位名称…评价年度…, the 得分计算 note.
_GOAL_SHEET_FRAME = re.compile(rf"^(?:{re.escape(GOAL_SHEET_TITLE)}$|单位名称[：:]|评价年度[：:]|得分计算[：:])")
_ROW = re.compile(r"^\d{1,3}\s+(?P<label>\S+)\s+(?P<value>—|-?[\d.,]+)\s+(?P<unit>万元|%)(?:\s+.*)?$")
# A two-column sheet: its header (项目：金额（万元）) gives the unit, each row is 项目：数值 (a unit may follow).
_PAIR_HEADER = re.compile(r"^(?:项目|指标|名称)[^：:\d]{0,10}[：:][^：:\d]{0,10}?(?:[（(](?P<unit>万元|元)[）)])?$")
_PAIR = re.compile(r"^(?P<label>[^：:\s\d]{2,30})[：:]\s*(?P<value>—|-?[\d.,]+)\s*(?P<unit>万元|元|%)?$")


def _row_patterns(kind: str) -> tuple[tuple[str, str], ...]:
    """(pattern, path) of the figures of ``kind`` as a data sheet names them: its label, or the words reports use."""
    return tuple(
        (pattern, item.path)
        for item in figure_fields()
        if item.info.kind == kind
        for pattern in (re.escape(item.info.label), *item.info.words)
    )


# Row labels, with the words reports use, so that a reworded label (实际支出 / 支出 / 决算) still reads.
_TOTALS = _row_patterns("breakdown")
_PARTS = {part.info.label: part.name for part in breakdown_parts() if part.name != "total"}
_SINGLE = _row_patterns("amount")
_RATES = _row_patterns("percent")


def _lookup(label: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((path for pattern, path in table if re.fullmatch(pattern, label)), None)


# Lines that belong to the printed sheets: rows of three or more cells, the sheets' own captions and
# group subtitles. Anything else after the sheets' title is prose and cannot be placed.
_SHEET_CAPTION = re.compile(r"^(?:单位名称|自评等级|参考指标体系|评价年度|填报单位)[：:]|^[一二三四五六七八九十]{1,3}、\S{1,20}$")


# The score sheet's sign-off rows: 填表人：… 联系电话：… 填报日期：… / 单位负责人（签字）：… 单位（盖章）：…
_SIGNOFF_LINE = re.compile(r"^(?:填表人|单位负责人)")
# A value ends at a space or a colon: a two-cell row reaches the importer as "单位负责人（签字）：某某：单位（盖章）：…".
_SIGNOFF_CELL = re.compile(r"(填表人|联系电话|单位负责人(?:[（(]签字[）)])?|填报日期|单位[（(]盖章[）)])[：:]([^\s：:]*)")
_SIGNOFF_FIELDS = {"填表人": "cover.preparer", "联系电话": "cover.preparer_phone", "单位负责人": "cover.unit_head"}


def _signoff(line: str, out: Collector) -> None:
    """填表人, 联系电话 and 单位负责人 of the sign-off rows, into the cover where it has none yet."""
    for match in _SIGNOFF_CELL.finditer(line):
        path = _SIGNOFF_FIELDS.get(re.sub(r"[（(]签字[）)]", "", match.group(1)))
        value = match.group(2).strip()
        if path and value and not get_value(out.year, path):
            set_value(out.year, path, value)


def _is_sheet_line(line: str) -> bool:
    return len(line.split()) >= 3 or bool(_SHEET_CAPTION.match(line))


def _value(text: str, unit: str) -> Decimal | None:
    if unit == "%":
        try:
            return check_number(Decimal(normalise_width(text)), DECIMAL, text + "%")
        except (InvalidOperation, NumberError):
            return None
    return amount_in_wan(text, unit)


def _path_of(label: str, unit: str, total: str) -> tuple[str | None, str]:
    """The figure a row's ``label`` names (a breakdown part belongs to the ``total`` named before it), and the new total."""
    label = label.removeprefix("其中：").removeprefix("其中:")
    if unit == "%":
        return _lookup(label, _RATES), total
    if label in _PARTS:
        return (f"{total}.{_PARTS[label]}" if total else None), total
    if found := _lookup(label, _TOTALS):
        return f"{found}.total", found
    return _lookup(label, _SINGLE), total


def parse_sheets(lines: list[str], out: Collector) -> None:
    """Fill figures still unknown from the data sheet's rows; the score sheet's rows are read as a table elsewhere."""
    total = ""
    pair_unit = "万元"
    filled: list[str] = []
    compared = 0
    goal_table = False
    for line in lines:
        text = line.strip()
        # What follows the goal table's title is the goal table: read as a table (then its title, caption and
        # the note under it are zjdesk's own), or kept with its rows to place by hand.
        # (A goal table read whole left its title with it: then the 得分计算 note under it begins it here.)
        goal_table = (
            goal_table
            or "".join(text.split()) == GOAL_SHEET_TITLE
            or (out.goal_table_read and text.startswith(("得分计算：", "得分计算:")))
        )
        if goal_table:
            if not (out.goal_table_read and _GOAL_SHEET_FRAME.match(text)):
                out.cannot_place(line)
            continue
        if _SIGNOFF_LINE.match(text):
            _signoff(text, out)
            continue
        if header := _PAIR_HEADER.match(normalise_width(text)):
            pair_unit = header["unit"] or "万元"
            continue
        row = _ROW.match(text) or _PAIR.match(normalise_width(text))
        if row is None:
            if not _is_sheet_line(text):
                out.cannot_place(line)
            continue
        unit = row["unit"] or pair_unit
        path, total = _path_of(row["label"], unit, total)
        if path is None:
            if row.re is _PAIR:  # a hand-typed row names something the year has no field for: keep it
                out.cannot_place(line)
            continue
        value = _value(row["value"], unit) if row["value"] != "—" else None
        if value is None:
            if row["value"] != "—":
                out.cannot_place(line)
            continue
        label = row["label"]
        current = get_value(out.year, path)
        if current is None:
            set_value(out.year, path, value)
            filled.append(f"{label}{row['value'] + '%' if unit == '%' else format_amount(value)}")
        elif current != value:
            out.note(f"数据表：{label}为{row['value']}，与正文的{current}不一致，已取正文的数")
        else:
            compared += 1
    if filled:
        out.note(f"数据表：补充了{'，'.join(filled)}")
    elif compared:
        out.note("数据表：与正文一致")
