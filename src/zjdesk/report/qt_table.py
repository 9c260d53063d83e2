"""The sheets' tables for the Qt renderer: columns on the page, cells set in lines, a page's rows painted.

Cells are set by :mod:`zjdesk.report.qt_text` like any paragraph (without hanging punctuation, as in
Word's and LibreOffice's cells); a row is as tall as its tallest cell plus one rule
(:func:`zjdesk.report.page_spec.row_height`). A merged 一级/二级 label is drawn once per page, centred on
the rows it spans there, so a group cut by a page break is labelled on each page.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPen

from zjdesk.report.outline import Row, Table
from zjdesk.report.page_spec import TABLE, row_height
from zjdesk.report.qt_text import MM, PT, DrawnText, TextBlock, draw_lines, lay_out, single_role

if TYPE_CHECKING:
    from zjdesk.report.qt_document import Page

__all__ = ["TableGrid"]


class TableGrid:
    """A table's columns on the page, its cells set in lines, and how to paint a page's part of it."""

    def __init__(self, table: Table, frame_width: float, frame_left: float) -> None:
        self.table = table
        natural = table.width_mm * MM
        scale = frame_width / natural if natural > frame_width else 1.0
        self.widths = [column.width_mm * MM * scale for column in table.columns]
        self.left = frame_left + (frame_width - sum(self.widths)) / 2
        self.edges = [self.left]
        for width in self.widths:
            self.edges.append(self.edges[-1] + width)
        self.padding = TABLE.padding_x_mm * MM
        self.header_cells = [
            self._cell(column.header, "table_header", False, "center", index, 1) for index, column in enumerate(table.columns)
        ]
        self.cells = [self._row_cells(row) for row in table.rows]

    def _cell(
        self, text: str, role_name: str, bold: bool, align: str, first: int, span: int
    ) -> tuple[int, int, TextBlock | None]:
        if not text:
            return first, span, None
        width = self.edges[first + span] - self.edges[first] - 2 * self.padding
        # No punctuation hangs out of a table cell (LibreOffice; Word keeps it inside the cell as well).
        return first, span, lay_out(text, single_role(role_name, bold), width, align=align, hanging=False)

    def _row_cells(self, row: Row) -> list[tuple[int, int, TextBlock | None]]:
        cells = []
        for first, span, text in row.placed(len(self.table.columns)):
            if row.kind == "group":
                cells.append(self._cell(text, "table_header", False, "left", first, span))
            elif row.kind == "total" and first == 0:
                cells.append(self._cell(text, "table_header", False, "center", first, span))
            elif row.kind == "signoff":
                cells.append(self._cell(text, "table", False, "left", first, span))
            else:
                align = self.table.columns[first].align
                cells.append(self._cell(text, "table", row.kind == "total", align, first, span))
        return cells

    @staticmethod
    def _lines(cells: list[tuple[int, int, TextBlock | None]], skip: set[int] = frozenset()) -> int:  # type: ignore[assignment]
        return max((block.line_count() for first, _, block in cells if block is not None and first not in skip), default=1)

    def header_height(self) -> float:
        return row_height(self._lines(self.header_cells)) * PT

    def height(self, index: int) -> float:
        # A merged label is as short as the rows it spans; only the other cells set a row's height.
        row = self.table.rows[index]
        merged = set(self.table.merge_columns) if row.kind == "data" and not row.spans else set()
        return row_height(self._lines(self.cells[index], merged)) * PT

    def heights(self, page_starts: frozenset[int]) -> list[float]:
        """Every row's height with the table cut at ``page_starts``: where a merged label (repeated on each
        page its group spans) needs more room than its rows, the last of them grows, as in Word."""
        heights = [self.height(index) for index in range(len(self.table.rows))]
        covered = self.table.covered(page_starts)
        blocks = self.table.merged_blocks(page_starts)
        for column in self.table.merge_columns:
            for index, row in enumerate(self.table.rows):
                if row.kind != "data" or row.spans or index in covered.get(column, set()):
                    continue
                span = blocks.get(column, {}).get(index, 1)
                label = next((block for first, _, block in self.cells[index] if first == column), None)
                if label is None:
                    continue
                needed = row_height(label.line_count()) * PT
                available = sum(heights[index : index + span])
                if needed > available:
                    heights[index + span - 1] += needed - available
        return heights

    def kept_together(self, heights: list[float]) -> list[tuple[int, int]]:
        """Row groups (first row, end) a page must not cut: a merged group whose label, printed again on each
        page, would not fit in the group's shortest row, and the closing rows (合计, 自评等级, the sign-off).
        The .docx keeps their rows together too."""
        groups = []
        for column, blocks in self.table.merged_blocks().items():
            for start, span in blocks.items():
                label = next((block for first, _, block in self.cells[start] if first == column), None)
                if label is not None and row_height(label.line_count()) * PT > min(heights[start : start + span]):
                    groups.append((start, start + span))
        # The sign-off rows stay with the total and the grade above them: a form is signed where it is summed up.
        rows = self.table.rows
        if rows and rows[-1].kind == "signoff":
            first = len(rows)
            while first > 0 and rows[first - 1].kind in ("total", "signoff"):
                first -= 1
            groups.append((first, len(rows)))
        return groups

    def paint_header(self, page: Page, top: float) -> None:
        height = self.header_height()
        shade = QRectF(self.left, top, self.edges[-1] - self.left, height)
        page.ops.append(partial(_shade, shade))
        self._paint_cells(page, self.header_cells, top, height)
        self._rules(page, [(first, span) for first, span, _ in self.header_cells], top, height, top_rule=True)

    def paint_rows(self, page: Page, rows: list[int], top: float, heights: list[float], page_starts: frozenset[int]) -> None:
        table = self.table
        blocks = table.merged_blocks(page_starts)
        covered = table.covered(page_starts)
        y = top
        for index in rows:
            height = heights[index]
            cells = self.cells[index]
            # Merged columns where this row has a cell of its own (a cell spanning columns is not merged down).
            merged_here = {
                c for c in table.merge_columns if table.rows[index].kind == "data" and (c, 1) in {cell[:2] for cell in cells}
            }
            plain = [(first, span, block) for first, span, block in cells if first not in merged_here]
            self._paint_cells(page, plain, y, height)
            spans = [(first, span) for first, span, _ in cells]
            self._rules(page, [(f, s) for f, s in spans if f not in merged_here], y, height, top_rule=False)
            for column in merged_here:
                if index in covered.get(column, set()):
                    continue
                count = blocks.get(column, {}).get(index, 1)
                block_height = sum(heights[index : index + count])
                cell = next(cell for cell in cells if cell[0] == column)
                self._paint_cells(page, [cell], y, block_height)
                self._rules(page, [(column, 1)], y, block_height, top_rule=False)
            y += height

    def _paint_cells(self, page: Page, cells: list[tuple[int, int, TextBlock | None]], top: float, height: float) -> None:
        for first, _span, block in cells:
            if block is None:
                continue
            text_height = block.line_count() * block.pitch
            origin = QPointF(self.edges[first] + self.padding, top + (height - text_height) / 2)
            page.ops.append(partial(_cell_text, block, origin))

    def _rules(self, page: Page, spans: list[tuple[int, int]], top: float, height: float, *, top_rule: bool) -> None:
        """Each cell's left, right and bottom rule (the row above draws the top one; the header draws its own)."""
        lines: list[tuple[float, float, float, float]] = []
        for first, span in spans:
            left, right = self.edges[first], self.edges[first + span]
            lines += [
                (left, top, left, top + height),
                (right, top, right, top + height),
                (left, top + height, right, top + height),
            ]
            if top_rule:
                lines.append((left, top, right, top))
        page.ops.append(partial(_rules, lines))


def _shade(rect: QRectF, painter: QPainter, _drawn: DrawnText | None) -> None:
    painter.fillRect(rect, QColor(f"#{TABLE.header_shade}"))


def _cell_text(block: TextBlock, origin: QPointF, painter: QPainter, drawn: DrawnText | None) -> None:
    draw_lines(painter, block, origin, None, drawn)


def _rules(lines: list[tuple[float, float, float, float]], painter: QPainter, _drawn: DrawnText | None) -> None:
    painter.setPen(QPen(QColor(0, 0, 0), TABLE.border * PT))
    for x1, y1, x2, y2 in lines:
        painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))
