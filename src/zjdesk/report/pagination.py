"""Where the report's pages break: laid out once by the Qt renderer, followed by the .docx.

The Qt renderer breaks lines and pages by the rules Word and LibreOffice follow (see
:mod:`zjdesk.domain.linebreak` and docs/report-layout.md), so page N of the printout is page N of
the Word file. What Word cannot be told to do by itself — print a merged 一级指标 label again on each
page its group spans — the .docx writer does from this plan: it cuts merged cells where a page starts.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PagePlan:
    """Pages (0-based) where the outline's blocks, tables and table rows fall."""

    page_count: int
    block_pages: tuple[int, ...]  # one per outline block: the page it starts on
    table_pages: tuple[int, ...]  # one per table: the page of its title
    row_pages: tuple[tuple[int, ...], ...]  # per table, one per row: the page it stands on
    kept_rows: tuple[frozenset[int], ...] = ()  # per table, the rows that stay on the page of the next row

    def page_starts(self, table: int) -> frozenset[int]:
        """The rows of table ``table`` that begin a page (the table's first row excluded)."""
        pages = self.row_pages[table] if table < len(self.row_pages) else ()
        return frozenset(index for index in range(1, len(pages)) if pages[index] != pages[index - 1])

    def kept_with_next(self, table: int) -> frozenset[int]:
        """The rows of table ``table`` kept on the page of the row after them (a merged group that must not be
        cut: its label would not fit in one of its rows)."""
        return self.kept_rows[table] if table < len(self.kept_rows) else frozenset()

    def heading_pages(self, indexes: list[int]) -> list[int]:
        """The pages of the blocks at ``indexes`` (1-based page numbers, as printed)."""
        return [self.block_pages[index] + 1 for index in indexes]
