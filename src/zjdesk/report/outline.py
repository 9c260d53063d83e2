"""The report outline: everything the report says, built once from a year, for every renderer.

:func:`zjdesk.report.build.build_outline` turns a :class:`~zjdesk.domain.model.YearData` into an
:class:`Outline`: the cover block, the headings with their generated numbers, the paragraphs and
the two tables (数据表 and 评分表). The .docx writer, the Qt document and the .xlsx sheets only
lay this out; none of them decides what the report says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from zjdesk.domain.report_words import DRAFT_MARK, REPORT_TITLE

__all__ = [
    "DRAFT_MARK",
    "REPORT_TITLE",
    "Block",
    "CellValue",
    "Column",
    "ColumnSum",
    "Heading",
    "Outline",
    "Paragraph",
    "Row",
    "Table",
]

ParagraphRole = Literal["attachment", "title", "cover", "cover_last", "body", "list", "signature"]
Align = Literal["left", "center", "right", "justify"]
RowKind = Literal["header", "data", "group", "total", "signoff"]


@dataclass(frozen=True)
class Heading:
    """A numbered heading (level 1–4). ``body`` is text that runs on in the same paragraph."""

    level: int
    number: str
    title: str
    body: str = ""
    source: str = ""  # dotted path of the field the title comes from, if any

    @property
    def heading_text(self) -> str:
        """Number and title, with a full stop when text runs on after it (none after a bare number: 1.。 is a slip)."""
        text = f"{self.number}{self.title}"
        if self.body and self.title and not text.endswith(("。", "：", "；")):
            text += "。"
        return text

    @property
    def text(self) -> str:
        """The whole paragraph as plain text."""
        return self.heading_text + self.body

    @property
    def role(self) -> str:
        """The text role of the heading's own words (see :mod:`zjdesk.report.page_spec`)."""
        return f"heading{self.level}"


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``role`` says how it is set (body text, title, cover line …, see page_spec)."""

    text: str
    role: ParagraphRole = "body"
    source: str = ""


Block = Heading | Paragraph


@dataclass(frozen=True)
class Column:
    """A column of a table: header text, width in millimetres and how its cells are aligned."""

    header: str
    width_mm: float
    align: Align = "center"


@dataclass(frozen=True)
class ColumnSum:
    """A sheet cell that totals the numbers above it in its column (``=SUM(…)`` in the .xlsx).

    ``value`` is what the report prints (and the workbook's cached result); ``cap`` limits the
    sum (``=MIN(SUM(…), cap)``) where the score's total is capped.
    """

    value: Decimal
    cap: Decimal | None = None


CellValue = Decimal | int | str | ColumnSum | None


@dataclass(frozen=True)
class Row:
    """A row of a table.

    ``cells`` are the texts printed; ``spans`` how many columns each cell covers (empty: one
    each; a ``group`` row is one cell across the whole width). ``values`` are the cells' values
    for a spreadsheet — numbers as numbers, ``None`` for an empty cell — where they differ from
    the text (a missing figure prints "—" but stays empty in Excel). ``total`` rows are bold;
    ``signoff`` rows (填表人, 单位负责人 …) are set as plain left-aligned text.
    """

    cells: tuple[str, ...]
    kind: RowKind = "data"
    spans: tuple[int, ...] = ()
    values: tuple[CellValue, ...] = ()

    def placed(self, columns: int) -> list[tuple[int, int, str]]:
        """(first column, columns covered, text) of each cell of the row in a table of ``columns`` columns."""
        if self.kind == "group":
            return [(0, columns, self.cells[0] if self.cells else "")]
        spans = self.spans or (1,) * columns
        placed = []
        column = 0
        for index, span in enumerate(spans):
            if column >= columns:
                break
            span = min(span, columns - column)
            placed.append((column, span, self.cells[index] if index < len(self.cells) else ""))
            column += span
        while column < columns:  # a row with fewer cells than columns: the rest stay empty
            placed.append((column, 1, ""))
            column += 1
        return placed

    def value(self, index: int) -> CellValue:
        """The spreadsheet value of cell ``index``: from ``values`` when given, else its text."""
        if index < len(self.values):
            return self.values[index]
        return self.cells[index] if index < len(self.cells) else None


@dataclass(frozen=True)
class Table:
    """A sheet set as a table after the report (数据表, 评分表) and as a worksheet of the .xlsx."""

    key: str  # data_sheet | score_sheet | …
    title: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    landscape: bool = False
    merge_columns: tuple[int, ...] = ()  # columns whose equal neighbouring cells are merged vertically
    caption: str = ""  # the line under the title: unit, year, unit of amounts
    notes: tuple[str, ...] = ()

    @property
    def width_mm(self) -> float:
        return sum(column.width_mm for column in self.columns)

    def vertical_spans(self, column: int) -> dict[int, int]:
        """For a merged column: row index → number of rows its cell spans (only data rows merge)."""
        spans: dict[int, int] = {}
        if column not in self.merge_columns:
            return spans
        start = None
        for index, row in enumerate((*self.rows, Row(cells=(), kind="group"))):
            value = row.cells[column] if row.kind == "data" and not row.spans and column < len(row.cells) else None
            same = (
                start is not None
                and value is not None
                and value == self.rows[start].cells[column]
                and all(row.cells[c] == self.rows[start].cells[c] for c in self.merge_columns if c < column)
            )
            if same:
                continue
            if start is not None and index - start > 1:
                spans[start] = index - start
            start = index if value is not None else None
        return spans

    def merged_blocks(self, page_starts: frozenset[int] = frozenset()) -> dict[int, dict[int, int]]:
        """Per merged column: first row → rows covered, each merged cell cut where a page starts.

        ``page_starts`` are the rows that begin a page: there a merged label is printed again, so a
        reader of any page sees which group its rows belong to.
        """
        blocks: dict[int, dict[int, int]] = {}
        for column in self.merge_columns:
            cut: dict[int, int] = {}
            for start, span in self.vertical_spans(column).items():
                first = start
                for row in range(start + 1, start + span):
                    if row in page_starts:
                        cut[first] = row - first
                        first = row
                cut[first] = start + span - first
            blocks[column] = {start: span for start, span in cut.items() if span > 1}
        return blocks

    def covered(self, page_starts: frozenset[int] = frozenset()) -> dict[int, set[int]]:
        """Per merged column: the rows whose cell is covered by a merged cell above (printed empty)."""
        return {
            column: {start + offset for start, span in blocks.items() for offset in range(1, span)}
            for column, blocks in self.merged_blocks(page_starts).items()
        }


@dataclass
class Outline:
    """The whole report: its blocks in order, then its tables."""

    unit_name: str
    year: int
    blocks: list[Block] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    draft: bool = False

    @property
    def title(self) -> str:
        return REPORT_TITLE

    @property
    def document_title(self) -> str:
        """Title for file properties and the print job."""
        mark = f"（{DRAFT_MARK}）" if self.draft else ""
        return f"{self.unit_name}{self.year}年度{REPORT_TITLE}{mark}"

    def headings(self, level: int | None = None) -> list[Heading]:
        return [b for b in self.blocks if isinstance(b, Heading) and (level is None or b.level == level)]

    def table(self, key: str) -> Table:
        for table in self.tables:
            if table.key == key:
                return table
        raise KeyError(key)

    def plain_text(self) -> str:
        """The report as plain text, one paragraph a line (tables as tab-separated rows)."""
        lines = [block.text for block in self.blocks]
        for table in self.tables:
            lines.append(table.title)
            lines.append("\t".join(column.header for column in table.columns))
            lines.extend("\t".join(row.cells) for row in table.rows)
        return "\n".join(lines)
