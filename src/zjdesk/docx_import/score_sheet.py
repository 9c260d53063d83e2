"""The 评分表 of a report: per-indicator scores and 扣分原因 read back into the year's indicator set.

zjdesk prints the score sheet after the report (一级指标 / 二级指标 / 三级指标 / 分值 / 评分标准 / 得分 /
评分说明 …); a bureau's own table or a later zjdesk may order, name or add columns differently, and add
rows below the indicators (合计, 自评等级, sign-off lines). So the table is found and read by its header
names, not by position: a table is a score sheet when a header row names the 三级指标 (or 指标名称), the
分值 and the 得分. Each indicator row becomes an indicator of the set — with the rule of the reference
indicator of the same name, else judged — carrying the sheet's score as the judged score and its
扣分原因 (its own column, or the ``扣分原因：…`` of the 评分说明).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from docx.document import Document
from docx.table import Table

from zjdesk.docx_import.result import Collector
from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.model import IndicatorSet
from zjdesk.domain.report_words import GOAL_TABLE_COLUMNS
from zjdesk.domain.scoring_rules import format_number
from zjdesk.domain.scoring_sets import ImportedRow, reference_indicator_set, rows_to_indicator_set

# column → the header names it goes by (matched at the start of the header cell, spaces ignored).
HEADERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("level3", ("三级指标", "指标名称")),
    ("weight", ("分值", "权重", "标准分", "满分")),
    ("criteria", ("评分标准", "评分细则", "评分规则")),
    ("score", ("得分", "自评得分", "自评分", "实际得分")),
    ("reason", ("扣分原因", "扣分理由", "扣分说明")),
    ("note", ("评分说明", "计分说明", "说明", "备注")),
)
REQUIRED = ("level3", "weight", "score")
# The goal table (部门整体支出绩效目标完成情况表) also names 三级指标, 分值 and 得分; its 指标性质, 指标值,
# 度量单位 and 实际完成值 columns, which no score sheet has, tell it apart: its rows are goal indicators.
GOAL_TABLE_ONLY = tuple(title for key, title in GOAL_TABLE_COLUMNS if key in ("nature", "target", "unit", "actual"))
HEADER_ROWS = 3  # a title row may sit above the header
NOT_INDICATORS = ("合计", "小计", "总计", "自评等级", "等级", "总分")
EMPTY_SCORES = ("", "—", "-", "－", "待评", "未评分", "/")
_SET_NOTE = re.compile(r"^(?P<reference>参考)?指标体系\s*[：:]\s*(?P<name>\S.*)$")


@dataclass
class SheetRow:
    """One indicator row of a score sheet as read."""

    row: ImportedRow
    score: Decimal | None
    reason: str


def _key(text: str) -> str:
    return "".join(normalise_width(text).split())


def _cells(table: Table, row_index: int) -> list[str]:
    seen: set[int] = set()
    cells = []
    for cell in table.rows[row_index].cells:
        if id(cell._tc) in seen:  # a cell merged across columns is reported once per grid column
            cells.append("")
            continue
        seen.add(id(cell._tc))
        cells.append(cell.text.strip())
    return cells


def _header(table: Table) -> tuple[int, dict[str, int]] | None:
    for row_index in range(min(HEADER_ROWS, len(table.rows))):
        columns: dict[str, int] = {}
        cells = _cells(table, row_index)
        if any(_key(text).startswith(GOAL_TABLE_ONLY) for text in cells):
            return None  # a goal table, not a score sheet
        for index, text in enumerate(cells):
            key = _key(text)
            for name, titles in HEADERS:
                if name not in columns and key and any(key.startswith(title) for title in titles):
                    columns[name] = index
                    break
        if all(name in columns for name in REQUIRED):
            return row_index, columns
    return None


def _number(text: str) -> Decimal | None:
    raw = _key(text).removesuffix("分")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_DEDUCTION = re.compile(r"扣\s*\d+(?:\.\d+)?\s*分[：:]")


def _reason(cells: dict[str, str]) -> str:
    reason = cells.get("reason", "").strip()
    if reason in ("—", "-", "无", "/"):
        reason = ""
    if not reason:
        # zjdesk's 评分说明: "按评价小组评定，扣0.5分：…" (or, in older reports, "自评得 4.5/5 分，扣分原因：…")
        note = cells.get("note", "")  # the reason keeps its own punctuation
        start = max(note.rfind("扣分原因："), note.rfind("扣分原因:"))
        if start >= 0:
            reason = note[start + len("扣分原因：") :]
        else:
            deduction = _DEDUCTION.search(note)
            reason = note[deduction.end() :] if deduction else ""
    return reason.strip().rstrip("。；;")


def read_table(table: Table) -> list[SheetRow]:
    """The indicator rows of ``table`` if it is a score sheet (else an empty list)."""
    header = _header(table)
    if header is None:
        return []
    header_row, columns = header
    rows: list[SheetRow] = []
    level1 = level2 = ""
    for row_index in range(header_row + 1, len(table.rows)):
        raw = _cells(table, row_index)
        cells = {name: raw[index] if index < len(raw) else "" for name, index in columns.items()}
        level3 = cells["level3"]
        # merged 一级/二级 cells: a blank cell continues the group above
        level1 = cells.get("level1") or level1
        level2 = cells.get("level2") or level2
        if not level3 or _key(level3) in NOT_INDICATORS or _key(cells.get("level1", "")) in NOT_INDICATORS:
            continue
        weight = _number(cells["weight"])
        if weight is None:
            continue  # not an indicator row (a note or sign-off line merged across the table)
        score_text = _key(cells["score"])
        score = None if score_text in EMPTY_SCORES else _number(score_text)
        if score is None and score_text not in EMPTY_SCORES:
            continue
        imported = ImportedRow(
            row_number=row_index + 1,
            level1=level1,
            level2=level2,
            level3=level3,
            weight=weight,
            criteria=cells.get("criteria", ""),
        )
        rows.append(SheetRow(imported, score, _reason(cells)))
    return rows


def parse_score_sheet(document: Document, lines: list[str], name: str, out: Collector) -> None:
    """Fill the year's indicator set from the document's score sheet, when it has one."""
    rows = next((found for table in document.tables if (found := read_table(table))), [])
    if not rows:
        return
    reference = reference_indicator_set()
    info: dict[str, str] = {}
    for line in lines:
        if note := _SET_NOTE.match(line.strip()):
            info["名称"] = note["name"].strip()
            if note["reference"]:
                info["来源"] = reference.source
            break
    if not info:
        info = {"名称": f"{name.rsplit('.', 1)[0]}的评分表", "来源": f"从“{name}”的评分表导入"}
    # A sheet prints no 指标解释: the reference indicator of the same name gives it.
    explanations = {_key(item.level3).replace("“", "").replace("”", ""): item.explanation for item in reference.indicators}
    for item in rows:
        item.row.explanation = explanations.get(_key(item.row.level3).replace("“", "").replace("”", ""), "")
    indicator_set = rows_to_indicator_set([item.row for item in rows], IndicatorSet(), info, name)
    year = out.year
    year.indicator_set = indicator_set
    reasons = 0
    for index, (indicator, item) in enumerate(zip(indicator_set.indicators, rows, strict=True)):
        path = f"indicator_set.indicators.{index}"
        indicator.judged_score = item.score
        indicator.deduction_reason = item.reason
        if item.score is not None:
            out.reviewed.append(f"{path}.judged_score")
        if item.reason:
            reasons += 1
            out.reviewed.append(f"{path}.deduction_reason")
    scored = sum(1 for item in rows if item.score is not None)
    total = sum((item.score for item in rows if item.score is not None), Decimal(0))
    out.note(
        f"评分表：{len(rows)}项指标，{scored}项有得分（合计{format_number(total)}分）"
        + (f"，{reasons}项写有扣分原因" if reasons else "")
    )
