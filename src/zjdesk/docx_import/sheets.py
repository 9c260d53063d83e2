"""The 数据表 printed after the report: figures the 支出情况 paragraph does not state.

The zjdesk export prints the data sheet (序号 项目 数值 单位 说明) and the score sheet after 四、其他
自评情况. The score sheet is read from its table into the indicator set (:mod:`.score_sheet`), not
as text. The data sheet's amount rows fill the figures the paragraph leaves out (last
year's “三公”经费, the 支付进度率, …); where both state a figure, the paragraph wins and a
disagreement is reported.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from zjdesk.docx_import.result import Collector
from zjdesk.domain.amounts import AmountError, format_amount, normalise_width, parse_amount
from zjdesk.domain.limits import DECIMAL, NumberError, check_number
from zjdesk.domain.paths import get_value, set_value
from zjdesk.domain.registry import breakdown_parts, figure_fields

_ROW = re.compile(r"^\d{1,3}\s+(?P<label>\S+)\s+(?P<value>—|-?[\d.,]+)\s+(?P<unit>万元|%)(?:\s+.*)?$")


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
    try:
        return parse_amount(text)
    except AmountError:
        return None


def parse_sheets(lines: list[str], out: Collector) -> None:
    """Fill figures still unknown from the data sheet's rows; the score sheet's rows are read as a table elsewhere."""
    total = ""
    filled: list[str] = []
    for line in lines:
        if _SIGNOFF_LINE.match(line.strip()):
            _signoff(line.strip(), out)
            continue
        if not _is_sheet_line(line.strip()):
            out.cannot_place(line)
            continue
        row = _ROW.match(line.strip())
        if not row:
            continue
        label = row["label"].removeprefix("其中：").removeprefix("其中:")
        path = None
        if row["unit"] == "%":
            path = _lookup(label, _RATES)
        elif label in _PARTS:
            path = f"{total}.{_PARTS[label]}" if total else None
        elif found := _lookup(label, _TOTALS):
            total, path = found, f"{found}.total"
        else:
            path = _lookup(label, _SINGLE)
        if path is None or row["value"] == "—":
            continue
        value = _value(row["value"], row["unit"])
        if value is None:
            continue
        current = get_value(out.year, path)
        if current is None:
            set_value(out.year, path, value)
            filled.append(f"{label}{format_amount(value) if row['unit'] == '万元' else row['value'] + '%'}")
        elif current != value:
            out.note(f"数据表：{label}为{row['value']}，与正文的{current}不一致，已取正文的数")
    out.note("数据表：" + (f"补充了{'，'.join(filled)}" if filled else "与正文一致"))
