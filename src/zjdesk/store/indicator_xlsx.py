"""An indicator set to and from an .xlsx sheet (columns 一级指标/二级指标/三级指标/分值/指标解释/评分标准).

Bureaus publish their 指标体系 as spreadsheets with merged cells, notes and extra columns; the
importer finds the header row, carries merged 一级/二级指标 down, ignores columns it does not
know and skips 合计 rows. Anything it cannot read is explained row by row in Chinese, and nothing
is imported then. The file is checked and streamed by :mod:`zjdesk.store.xlsx_input` (size, zip
bomb, DTD, rows and columns); every weight and every number of a rule meets the limits of
:mod:`zjdesk.domain.limits`. zjdesk's own export adds a 计分规则 column (the rule as JSON), so a set
exported and imported again keeps its rules; sheets without it take rules from the year's
current set or the reference set by indicator name (see
:func:`zjdesk.domain.scoring_sets.rows_to_indicator_set`).
"""

from __future__ import annotations

import io
import json
import os
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Alignment, Font, PatternFill

from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.errors import UserError
from zjdesk.domain.limits import DECIMAL, NumberError, check_number
from zjdesk.domain.model import IndicatorSet
from zjdesk.domain.scoring_rules import format_number
from zjdesk.domain.scoring_sets import ImportedRow, rows_to_indicator_set
from zjdesk.domain.serialize import to_plain
from zjdesk.domain.xml_text import xml_safe
from zjdesk.store.xlsx_input import open_workbook, sheet_rows

SHEET_TITLE = "指标体系"
INFO_TITLE = "说明"
COLUMNS = ("一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准")
RULE_COLUMN = "计分规则"
REQUIRED_COLUMNS = ("三级指标", "分值")
HEADER_SEARCH_ROWS = 15
COLUMN_WIDTHS = (12, 12, 22, 8, 40, 50, 30)


class IndicatorSheetError(UserError):
    """A sheet that cannot be imported; ``problems`` lists each row's problem in Chinese."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


def indicator_set_to_xlsx(indicator_set: IndicatorSet) -> bytes:
    """The set as an .xlsx workbook (bytes): the indicator sheet and a sheet describing the set."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    sheet.append([*COLUMNS, RULE_COLUMN])
    for indicator in indicator_set.indicators:
        rule = json.dumps(to_plain(indicator.rule), ensure_ascii=False, separators=(",", ":"))
        weight = indicator.weight
        _append_text_row(
            sheet,
            [
                indicator.level1,
                indicator.level2,
                indicator.level3,
                int(weight) if weight == weight.to_integral_value() else float(weight),
                indicator.explanation,
                indicator.criteria,
                rule,
            ],
        )
    total = sum((indicator.weight for indicator in indicator_set.indicators), Decimal(0))
    sheet.append(["合计", "", "", float(total) if total != total.to_integral_value() else int(total), "", "", ""])
    header_fill = PatternFill("solid", fgColor="DDE5F0")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(COLUMN_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A2"

    info = workbook.create_sheet(INFO_TITLE)
    _append_text_row(info, ["名称", indicator_set.name])
    _append_text_row(info, ["来源", indicator_set.source])
    info.append(["总分", format_number(indicator_set.total_weight)])
    info.append(["说明", "“计分规则”一列由 zjdesk 使用，修改时请保持原样或删除该单元格（删除后该指标按自评打分）。"])
    info.column_dimensions["A"].width = 8
    info.column_dimensions["B"].width = 80
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _append_text_row(sheet: Any, values: list[Any]) -> None:
    """Append a row whose strings stay text: XML-safe, and never read by Excel as a formula ("=…")."""
    sheet.append([xml_safe(value) if isinstance(value, str) else value for value in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _header_key(value: Any) -> str:
    return "".join(_text(value).split())


def _find_header(sheet: Any, name: str) -> tuple[int, dict[str, int]] | None:
    for row_number, row in sheet_rows(sheet, name, IndicatorSheetError, max_row=HEADER_SEARCH_ROWS):
        columns: dict[str, int] = {}
        for index, value in enumerate(row):
            key = _header_key(value)
            for name in (*COLUMNS, RULE_COLUMN):
                if name not in columns and key.startswith(name):
                    columns[name] = index
        if all(name in columns for name in REQUIRED_COLUMNS):
            return row_number, columns
    return None


def _weight(value: Any, text: str) -> Decimal:
    """A cell's 分值, within the limits of every weight (:class:`NumberError` beyond them)."""
    if isinstance(value, bool):
        raise InvalidOperation
    if isinstance(value, (int, float)):
        number = Decimal(str(value))
    else:
        raw = normalise_width(_text(value)).removesuffix("分").strip()
        number = Decimal(raw)
    if not number.is_finite():
        raise InvalidOperation
    check_number(number, DECIMAL, text)
    return number.quantize(Decimal(1)) if number == number.to_integral_value() else number.normalize()


def read_indicator_rows(path: str | os.PathLike[str]) -> tuple[list[ImportedRow], dict[str, str]]:
    """The indicator rows of a sheet and its 说明 (名称/来源/总分), or :class:`IndicatorSheetError`."""
    source = Path(path)
    workbook = open_workbook(source, IndicatorSheetError)
    try:
        return _read_rows(workbook, source.name or str(source))
    finally:
        workbook.close()  # read-only workbooks keep the archive open until closed


def _read_rows(workbook: Any, filename: str) -> tuple[list[ImportedRow], dict[str, str]]:
    found = None
    for sheet in workbook.worksheets:
        found = _find_header(sheet, filename)
        if found is not None:
            break
    if found is None:
        raise IndicatorSheetError(
            f"在“{filename}”中找不到指标表的表头：需要一行列名，至少包含“三级指标”和“分值”"
            f"（可选：一级指标、二级指标、指标解释、评分标准）。"
        )
    header_row, columns = found
    rows: list[ImportedRow] = []
    problems: list[str] = []
    level1 = level2 = ""
    for row_number, values in sheet_rows(sheet, filename, IndicatorSheetError, min_row=header_row + 1):
        cells = {name: _text(values[index]) if index < len(values) else "" for name, index in columns.items()}
        raw_weight = values[columns["分值"]] if columns["分值"] < len(values) else None
        if not any(cells.values()):
            continue
        if any("合计" in cells.get(name, "") or "总计" in cells.get(name, "") for name in ("一级指标", "二级指标", "三级指标")):
            continue
        level1 = cells.get("一级指标") or level1
        level2 = cells.get("二级指标") or level2
        name = cells.get("三级指标", "")
        label = f"第{row_number}行" + (f"（{name}）" if name else "")
        if not name:
            problems.append(f"{label}：缺少“三级指标”名称。")
            continue
        if not cells.get("分值"):
            problems.append(f"{label}：缺少分值。")
            continue
        try:
            weight = _weight(raw_weight, cells["分值"])
        except NumberError as error:
            problems.append(f"{label}：分值{error}")
            continue
        except (InvalidOperation, ValueError):
            problems.append(f"{label}：分值“{cells['分值']}”不是数字。")
            continue
        if weight <= 0:
            problems.append(f"{label}：分值应大于零（现为 {cells['分值']}）。")
            continue
        rule_text = cells.get(RULE_COLUMN, "")
        rule_data = None
        if rule_text:
            try:
                rule_data = json.loads(rule_text)
            except (ValueError, RecursionError):  # not JSON, nested thousands deep, an integer of thousands of digits
                problems.append(f"{label}：“计分规则”无法识别：请恢复为导出时的内容，或清空该单元格（改按自评打分）。")
                continue
        rows.append(
            ImportedRow(
                row_number=row_number,
                level1=level1,
                level2=level2,
                level3=name,
                weight=weight,
                explanation=cells.get("指标解释", ""),
                criteria=cells.get("评分标准", ""),
                rule=rule_data,
            )
        )
    if problems:
        listing = "；".join(problem.rstrip("。") for problem in problems[:20]) + ("；……" if len(problems) > 20 else "")
        raise IndicatorSheetError(f"“{filename}”有 {len(problems)} 处需要修改，未导入：{listing}。", problems)
    if not rows:
        raise IndicatorSheetError(f"“{filename}”的表头下没有指标行：请在表头下逐行填写指标。")
    info: dict[str, str] = {}
    if INFO_TITLE in workbook.sheetnames:
        for _number, values in sheet_rows(workbook[INFO_TITLE], filename, IndicatorSheetError, max_row=10):
            key, value = (*values[:2], None, None)[:2]
            if key:
                info[_text(key)] = _text(value)
    return rows, info


def import_indicator_set(path: str | os.PathLike[str], current: IndicatorSet) -> IndicatorSet:
    """Read a sheet into a new indicator set; rules, caps and grades come from ``current`` where the sheet has none."""
    rows, info = read_indicator_rows(path)
    return rows_to_indicator_set(rows, current, info, Path(path).name)
