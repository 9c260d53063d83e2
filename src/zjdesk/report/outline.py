"""The report outline: everything the report says, built once from a year, for every renderer.

:func:`zjdesk.report.build.build_outline` turns a :class:`~zjdesk.domain.model.YearData` into an
:class:`Outline`: the cover block, the headings with their generated numbers, the paragraphs and
the two tables (数据表 and 评分表). The .docx writer, the Qt document and the .xlsx sheets only
lay this out; none of them decides what the report says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from zjdesk.domain.report_words import DRAFT_MARK, REPORT_TITLE

__all__ = ["DRAFT_MARK", "REPORT_TITLE", "Block", "Column", "Heading", "Outline", "Paragraph", "Row", "Table"]

ParagraphRole = Literal["attachment", "title", "cover", "body", "list", "signature"]
Align = Literal["left", "center", "right", "justify"]
RowKind = Literal["header", "data", "group", "total"]


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
        """Number and title, with a full stop when text runs on after it."""
        text = f"{self.number}{self.title}"
        if self.body and not text.endswith(("。", "：", "；")):
            text += "。"
        return text

    @property
    def text(self) -> str:
        """The whole paragraph as plain text."""
        return self.heading_text + self.body


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``role`` says how it is set (body text, title, cover line …)."""

    text: str
    role: ParagraphRole = "body"
    source: str = ""

    @property
    def indent(self) -> bool:
        """Body text and list items start two characters in (GB/T 9704)."""
        return self.role in ("body", "list")

    @property
    def align(self) -> Align:
        if self.role == "title":
            return "center"
        if self.role in ("attachment", "cover"):
            return "left"
        if self.role == "signature":
            return "right"
        return "justify"


Block = Heading | Paragraph


@dataclass(frozen=True)
class Column:
    """A column of a table: header text, width in millimetres and how its cells are aligned."""

    header: str
    width_mm: float
    align: Align = "center"


@dataclass(frozen=True)
class Row:
    """A row of a table. A ``group`` row is one cell across the whole width; ``total`` rows are bold."""

    cells: tuple[str, ...]
    kind: RowKind = "data"


@dataclass(frozen=True)
class Table:
    """A sheet set as a table after the report (数据表, 评分表) and as a worksheet of the .xlsx."""

    key: str  # data_sheet | score_sheet
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
            value = row.cells[column] if row.kind == "data" and column < len(row.cells) else None
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
