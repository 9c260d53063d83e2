"""The goal table of a Word report (部门整体支出绩效目标完成情况表) read into the goals' indicator rows.

Units print it under their goals or after the score sheet, as zjdesk does: 绩效目标 / 一级指标 /
二级指标 / 三级指标 / 指标性质 / 指标值 / 度量单位 / 实际完成值 / 分值 / 得分 / 偏差原因. A table is a goal
table when one of its first rows is such a header (:func:`zjdesk.domain.goal_rows.find_header`, the
reader the .xlsx import uses too). A table read whole is left out of the report's text and gives
its rows to the goals of the same text (a goal the text does not name is added). A table with a
cell that cannot be read stays in the text as table rows — never a heading, never a goal — and so
reaches 未识别内容 where it stood; the 识别结果 names the cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from docx.document import Document
from docx.table import Table

from zjdesk.docx_import.result import Collector
from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.goal_rows import COLUMN_NAMES, GoalSheetError, SheetCell, find_header, read_goal_rows
from zjdesk.domain.goal_table import ImportedGoal, merge_goal_table
from zjdesk.domain.model import default_qualitative_bands

TABLE_NAME = "绩效目标完成情况表"
MAX_PROBLEMS_NOTED = 5
# A goal table's title as units type it above the table: 附件：2024年度部门整体支出绩效目标完成情况表, 附表2 绩效目标表.
_CAPTION = re.compile(
    r"^(?:附件|附表)?[0-9一二三四五六七八九十]*[：:、.．]?(?:[0-9]{4}年度?)?[^。；，]{0,16}绩效目标[^。；，]{0,10}表$"
)


@dataclass
class GoalTables:
    """The goal tables of a document: those read whole (with their goals) and those that could not be."""

    read: list[tuple[Table, list[ImportedGoal]]] = field(default_factory=list)
    unread: list[Table] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # of the unread tables

    @property
    def tables(self) -> list[Table]:
        """The tables read whole: the report's text leaves them out."""
        return [table for table, _goals in self.read]


def _rows(table: Table) -> Iterator[tuple[SheetCell, ...]]:
    # One cell per grid column: a merged cell repeats its text, as the goal merged down its rows does.
    for row in table.rows:
        yield tuple(SheetCell(cell.text.strip()) for cell in row.cells)


def is_goal_table_caption(line: str) -> bool:
    """Whether a paragraph is a goal table's title (read with its table, never a list item of the part above it)."""
    return bool(_CAPTION.match("".join(normalise_width(line).split())))


def _place(row_number: int, index: int, key: str) -> str:
    return f"{TABLE_NAME}第 {row_number} 行第 {index + 1} 列（{COLUMN_NAMES.get(key, key)}）"


def find_goal_tables(document: Document) -> GoalTables:
    """Read every goal table of ``document``'s body (with the default 定性 bands: the year has no rules yet)."""
    found = GoalTables()
    bands = default_qualitative_bands()
    for table in document.tables:
        rows = _rows(table)
        header = find_header(rows)
        if header is None:
            continue
        try:
            goals = read_goal_rows(rows, header[0], header[1], TABLE_NAME, bands, _place)
        except GoalSheetError as error:
            found.unread.append(table)
            found.problems.extend(error.problems or [str(error)])
            continue
        found.read.append((table, goals))
    return found


def merge_goal_tables(found: GoalTables, out: Collector) -> None:
    """Attach the rows of the tables read to the goals of ``out.year`` and say what happened."""
    for _table, goals in found.read:
        summary = merge_goal_table(out.year, goals)
        named = "、".join(f"目标{index + 1}" for index in sorted(summary.updated + summary.added))
        added = f"，其中{len(summary.added)}项目标报告正文未列出，已补充" if summary.added else ""
        out.note(f"{TABLE_NAME}：{summary.rows}项绩效指标（{named}）{added}")
    if found.problems:
        listed = "；".join(found.problems[:MAX_PROBLEMS_NOTED]) + ("；……" if len(found.problems) > MAX_PROBLEMS_NOTED else "")
        out.note(f"{TABLE_NAME}：有 {len(found.problems)} 处无法读取，表中的指标未导入（见未识别内容）：{listed}")
