"""The 数据表 printed after the report: figures the 支出情况 paragraph does not state.

The zjdesk export prints the data sheet (序号 项目 数值 单位 说明) and the score sheet after 四、其他
自评情况. The score sheet is generated from the indicator set, which a year keeps as data, so it
is not read as text. The data sheet's amount rows fill the figures the paragraph leaves out (last
year's “三公”经费, the 支付进度率, …); where both state a figure, the paragraph wins and a
disagreement is reported.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from zjdesk.domain.amounts import AmountError, format_amount, normalise_width, parse_amount
from zjdesk.domain.paths import get_value, set_value
from zjdesk.store.docx_import.result import Collector

_ROW = re.compile(r"^\d{1,3}\s+(?P<label>\S+)\s+(?P<value>—|-?[\d.,]+)\s+(?P<unit>万元|%)(?:\s+.*)?$")
_TOTALS = {
    "全年预算数": "figures.budget",
    "决算收入": "figures.final_revenue",
    "决算支出": "figures.final_expenditure",
    "上年决算支出": "figures.prior_final_expenditure",
}
_PARTS = {"基本支出": "basic", "项目支出": "project", "其他支出": "other"}
_SINGLE = {
    "年初预算数": "figures.initial_budget",
    "预算调整数": "figures.budget_adjustment",
    "年末结转结余": "figures.carry_over",
    "公用经费预算数": "figures.public_funds_budget",
    "公用经费实际支出": "figures.public_funds_actual",
    "“三公”经费预算数": "figures.three_public_budget",
    "“三公”经费实际支出": "figures.three_public_actual",
    "上年“三公”经费实际支出": "figures.three_public_prior_actual",
    "政府采购预算（计划）数": "figures.procurement_plan",
    "政府采购实际金额": "figures.procurement_actual",
    "支付进度率": "figures.payment_progress_rate",
}


def _value(text: str, unit: str) -> Decimal | None:
    if unit == "%":
        try:
            return Decimal(normalise_width(text))
        except InvalidOperation:
            return None
    try:
        return parse_amount(text)
    except AmountError:
        return None


def parse_sheets(lines: list[str], out: Collector) -> None:
    """Fill figures still unknown from the data sheet's rows; the score sheet is left to the indicator set."""
    total = ""
    filled: list[str] = []
    for line in lines:
        row = _ROW.match(line.strip())
        if not row:
            continue
        label = row["label"].removeprefix("其中：").removeprefix("其中:")
        path = None
        if label in _TOTALS:
            total = _TOTALS[label]
            path = f"{total}.total"
        elif label in _PARTS and total:
            path = f"{total}.{_PARTS[label]}"
        elif label in _SINGLE and (row["unit"] == "%") == (label == "支付进度率"):
            path = _SINGLE[label]
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
    out.note(
        "数据表和评分表：评分表由指标体系生成，未作为文字导入"
        + (f"；数据表补充了{'，'.join(filled)}" if filled else "")
    )
