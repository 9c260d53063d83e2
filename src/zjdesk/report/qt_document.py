"""The report as a paginated Qt document: the on-screen preview, printing and PDF export.

The report module that paints with Qt (the text itself is set by :mod:`zjdesk.report.qt_text`). It
lays the outline out by :mod:`zjdesk.report.page_spec` — A4, the GB/T 9704 margins, 28 characters ×
22 lines, two-character indent, ``— N —`` page numbers 7 mm below the text block (odd pages right,
even left), a landscape page for the score sheet, tables with a repeated header row and merged
labels repeated on each page — and breaks lines and pages by the rules Word and LibreOffice follow
(widow control, keep-with-next measured on what really follows), so the preview, the printout, the
PDF and the .docx have the same pages. :attr:`ReportDocument.plan` says where they fall.

Layout happens once, in units of 1/720 inch; painting scales to the device (screen, printer, PDF).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPicture,
    QTextLayout,
)

from zjdesk.domain.xml_text import xml_safe_copy
from zjdesk.report.glyph_text import TextFixes, text_fixes
from zjdesk.report.outline import DRAFT_MARK, Heading, Outline, Paragraph, Table
from zjdesk.report.page_spec import (
    PAGE_NUMBER_GAP_MM,
    PAGE_NUMBER_INSET,
    ROLES,
    RUN_IN_BODY_ROLE,
    TABLE,
    lines_needed,
    margins,
    page_size_mm,
    text_width_pt,
)
from zjdesk.report.pagination import PagePlan
from zjdesk.report.qt_table import TableGrid
from zjdesk.report.qt_text import (
    MM,
    PT,
    UNITS_PER_INCH,
    DrawnText,
    Runs,
    TextBlock,
    draw_lines,
    draw_text_at,
    font_for,
    font_substitutions,
    lay_out,
    single_role,
    text_width,
)

__all__ = [
    "Page",
    "ReportDocument",
    "ensure_gui_application",
    "font_notice",
    "font_substitutions",
    "page_size_mm",
    "pdf_bytes",
    "preview_document",
    "print_outline",
]

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt needs a QGuiApplication for fonts; from the CLI without a display, run it offscreen."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["zjdesk"])


# --- pages -------------------------------------------------------------------------------------

Paint = Callable[[QPainter, DrawnText | None], None]
_EPSILON = 0.5  # layout units: rounding must not push the 22nd line off its page


@dataclass
class Page:
    """One laid-out page: its orientation and what to paint on it, in layout units."""

    landscape: bool
    ops: list[Paint] = field(default_factory=list)

    @property
    def size_mm(self) -> tuple[float, float]:
        return page_size_mm(self.landscape)


@dataclass
class _Frame:
    """The text block of the current page and how far down it is filled."""

    page: Page
    top: float
    bottom: float
    left: float
    width: float
    y: float = 0.0

    @property
    def at_top(self) -> bool:
        return self.y <= self.top + _EPSILON


@dataclass
class _Flowing:
    """A paragraph laid out in lines, waiting to be placed."""

    block: TextBlock
    keep_with_next: bool
    space_after: float

    @property
    def pitch(self) -> float:
        return self.block.pitch


class _Layouter:
    """Flows the outline into pages, as Word and LibreOffice flow the .docx."""

    def __init__(self) -> None:
        self.pages: list[Page] = []
        self.frame = self._new_page(landscape=False)

    def _new_page(self, *, landscape: bool) -> _Frame:
        page = Page(landscape)
        self.pages.append(page)
        edges = margins(landscape)
        _, height_mm = page.size_mm
        # The width as Word has it: page and margins each in whole twips.
        frame = _Frame(page, edges.top * MM, (height_mm - edges.bottom) * MM, edges.left * MM, text_width_pt(landscape) * PT)
        frame.y = frame.top
        self.frame = frame
        return frame

    @property
    def page_index(self) -> int:
        return len(self.pages) - 1

    def room(self) -> float:
        return self.frame.bottom - self.frame.y

    def _fits(self, pitch: float) -> int:
        return max(0, int((self.room() + _EPSILON) // pitch))

    # paragraphs

    def flow(self, items: list[_Flowing]) -> list[int]:
        """Place paragraphs in order; returns the page each starts on."""
        pages = []
        for index, item in enumerate(items):
            if item.keep_with_next and not self.frame.at_top and self._chain_height(items, index) > self.room() + _EPSILON:
                self._new_page(landscape=self.frame.page.landscape)
            pages.append(self._place(item))
        return pages

    @staticmethod
    def _chain_height(items: list[_Flowing], index: int) -> float:
        """What must stand on one page with a keep-with-next paragraph: it, the rest of its chain, and the
        lines of the paragraph after them that widow control will not let go to the next page alone."""
        height = 0.0
        while index < len(items) and items[index].keep_with_next:
            item = items[index]
            height += item.block.line_count() * item.pitch + item.space_after
            index += 1
        if index < len(items):
            following = items[index]
            height += lines_needed(following.block.line_count()) * following.pitch
        return height

    def _place(self, item: _Flowing) -> int:
        """Place a paragraph, splitting it across pages as widow control does; returns its first page."""
        block, pitch = item.block, item.pitch
        total = block.line_count()
        done = 0
        first_page = None
        while done < total:
            rest = total - done
            fits = self._fits(pitch)
            if rest <= fits:
                take = rest
            elif done == 0 and not self.frame.at_top and (rest <= 3 or fits < 2):
                take = 0  # the paragraph cannot be split here: it starts on the next page
            else:
                take = fits if fits >= 1 else rest
                if rest - take < 2 <= rest - 1 and take > 1:
                    take = rest - 2  # no widow line alone at the top of the next page
            if take:
                if first_page is None:
                    first_page = self.page_index
                self._draw(block, done, take)
                done += take
            if done < total:
                self._new_page(landscape=self.frame.page.landscape)
        if first_page is None:
            first_page = self.page_index
        self.frame.y += item.space_after
        return first_page

    def _draw(self, block: TextBlock, first: int, count: int) -> None:
        frame = self.frame
        origin = QPointF(frame.left, frame.y)
        frame.page.ops.append(partial(_paint_lines, block, origin, range(first, first + count)))
        frame.y += count * block.pitch

    # tables

    def table(self, table: Table) -> tuple[int, list[int], frozenset[int]]:
        """Lay a sheet out from the top of a new page; returns its title's page, each row's page and the rows
        kept with the next one."""
        self._new_page(landscape=table.landscape)
        title_page = self.page_index
        width = self.frame.width
        titles = [
            _Flowing(lay_out(table.title, single_role("sheet_title"), width, align="center"), True, 0.0),
            _Flowing(lay_out(table.caption, single_role("caption"), width, align="left"), True, 0.0),
        ]
        self.flow(titles)
        grid = TableGrid(table, width, self.frame.left)
        row_pages, kept = self._rows(grid)
        notes = [_Flowing(lay_out(note, single_role("note"), width, align="left"), False, 0.0) for note in table.notes]
        self.flow(notes)
        return title_page, row_pages, kept

    def _rows(self, grid: TableGrid) -> tuple[list[int], frozenset[int]]:
        """Place the header and the rows page by page (a row never splits); returns each row's page.

        On every page the table's top rule comes first: each row is as tall as its lines plus the
        rule below it (as Word and LibreOffice lay a table out).
        """
        table = grid.table
        header = grid.header_height()
        rule = TABLE.border * PT
        heights = grid.heights(frozenset())
        groups = grid.kept_together(heights)
        pages: list[list[int]] = [[]]
        y = self.frame.y + rule + header
        index = 0
        while index < len(heights):
            if y + heights[index] > self.frame.bottom + _EPSILON and pages[-1]:
                # A merged label is printed again on the next page; a group whose label would not fit in one
                # of its rows goes over whole (unless it began this page: then it is cut all the same).
                start = min((first for first, end in groups if first < index < end), default=None)
                if start is not None and start in pages[-1] and start != pages[-1][0]:
                    del pages[-1][pages[-1].index(start) :]
                    index = start
                pages.append([])
                y = self.frame.top + rule + header
            pages[-1].append(index)
            y += heights[index]
            index += 1
        page_starts = frozenset(rows[0] for rows in pages[1:])
        heights = grid.heights(page_starts)  # labels cut anyway (a group taller than a page) make their rows fit
        row_pages: list[int] = []
        for number, rows in enumerate(pages):
            if number:
                self._new_page(landscape=table.landscape)
            top = self.frame.y + rule
            grid.paint_header(self.frame.page, top)
            top += header
            grid.paint_rows(self.frame.page, rows, top, heights, page_starts)
            self.frame.y = top + sum(heights[index] for index in rows)
            row_pages.extend([self.page_index] * len(rows))
        kept = frozenset(row for first, end in groups for row in range(first, end - 1))
        return row_pages, kept


def _paint_lines(block: TextBlock, origin: QPointF, lines: range, painter: QPainter, drawn: DrawnText | None) -> None:
    draw_lines(painter, block, origin, lines, drawn)


def _flowing(block: Heading | Paragraph, width: float) -> _Flowing:
    """A block of the outline set in lines of the text block's width."""
    if isinstance(block, Heading):
        spec = ROLES[block.role]
        if block.body:
            runs: Runs = ((0, block.role, False), (len(block.heading_text), RUN_IN_BODY_ROLE, ROLES[RUN_IN_BODY_ROLE].bold))
            laid = lay_out(block.text, runs, width, first_indent=spec.first_indent * PT, align=spec.align)
            return _Flowing(laid, False, spec.space_after * PT)
        laid = lay_out(block.text, single_role(block.role), width, first_indent=spec.first_indent * PT, align=spec.align)
        return _Flowing(laid, spec.keep_with_next, spec.space_after * PT)
    spec = ROLES[block.role]
    laid = lay_out(block.text, single_role(block.role), width, first_indent=spec.first_indent * PT, align=spec.align)
    return _Flowing(laid, spec.keep_with_next, spec.space_after * PT)


# --- the document ------------------------------------------------------------------------------


class ReportDocument:
    """The outline laid out in pages: paint a page, render it to an image, print it or write a PDF."""

    def __init__(self, outline: Outline) -> None:
        ensure_gui_application()
        outline = xml_safe_copy(outline)  # control characters and lone surrogates cannot be drawn (nor passed to Qt)
        self.outline = outline
        layouter = _Layouter()
        width = layouter.frame.width
        block_pages = layouter.flow([_flowing(block, width) for block in outline.blocks])
        table_pages, row_pages, kept_rows = [], [], []
        for table in outline.tables:
            title_page, rows, kept = layouter.table(table)
            kept_rows.append(kept)
            table_pages.append(title_page)
            row_pages.append(tuple(rows))
        self.pages = layouter.pages
        self.plan = PagePlan(len(self.pages), tuple(block_pages), tuple(table_pages), tuple(row_pages), tuple(kept_rows))
        self._drawn: DrawnText | None = None

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def paint_page(
        self, painter: QPainter, index: int, dots_per_inch: float, *, page_number: bool = True, drawn: DrawnText | None = None
    ) -> None:
        """Paint page ``index`` (0-based) with its top-left corner at the painter's origin."""
        page = self.pages[index]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(dots_per_inch / UNITS_PER_INCH, dots_per_inch / UNITS_PER_INCH)
        for op in page.ops:
            op(painter, drawn)
        if page_number:
            _page_number(painter, page, index + 1, drawn)
        if self.outline.draft:
            _draft_mark(painter, page, drawn)
        painter.restore()

    def page_image(self, index: int, dots_per_inch: float = 96) -> QImage:
        """Page ``index`` as a white image at ``dots_per_inch`` (the preview shows these)."""
        width_mm, height_mm = self.pages[index].size_mm
        image = QImage(
            round(width_mm / 25.4 * dots_per_inch), round(height_mm / 25.4 * dots_per_inch), QImage.Format.Format_RGB32
        )
        image.setDotsPerMeterX(round(dots_per_inch / 0.0254))
        image.setDotsPerMeterY(round(dots_per_inch / 0.0254))
        image.fill(QColor(255, 255, 255))
        painter = QPainter(image)
        self.paint_page(painter, index, dots_per_inch)
        painter.end()
        return image

    def print_to(self, device: QPagedPaintDevice) -> None:
        """Paint every page on a QPrinter or QPdfWriter.

        A PDF gets each page in its own orientation. A printer cannot change its paper in the middle
        of a job (Qt refuses the new layout while printing), so there the whole job is A4 portrait and
        a landscape page (the score sheet) is turned a quarter so that its top faces the binding edge,
        its page number staying where the portrait pages have theirs (GB/T 9704-2012, 横排表格).
        """
        turn_landscape = not isinstance(device, QPdfWriter)
        first = self.pages[0]
        device.setPageLayout(_page_layout(Page(False) if turn_landscape else first))
        painter = QPainter()
        if not painter.begin(device):
            raise RuntimeError("打印设备未能开始输出")  # shown to the officer in the print error
        drawn = DrawnText()
        try:
            dots_per_inch = device.logicalDpiX()
            for index, page in enumerate(self.pages):
                if index:
                    if not turn_landscape:
                        device.setPageLayout(_page_layout(page))
                    device.newPage()
                if turn_landscape and page.landscape:
                    painter.save()
                    painter.translate(0, page_size_mm(False)[1] / 25.4 * dots_per_inch)  # the portrait sheet's height
                    painter.rotate(-90)
                    self.paint_page(painter, index, dots_per_inch, page_number=False, drawn=drawn)
                    painter.restore()
                    painter.save()
                    painter.scale(dots_per_inch / UNITS_PER_INCH, dots_per_inch / UNITS_PER_INCH)
                    _page_number(painter, Page(False), index + 1, drawn)
                    painter.restore()
                else:
                    self.paint_page(painter, index, dots_per_inch, drawn=drawn)
        finally:
            painter.end()
        self._drawn = drawn

    def pdf_bytes(self) -> bytes:
        """The whole report as a PDF (fonts embedded by Qt, text layer repaired)."""
        from zjdesk.report.pdf_text import repair_text_layer  # pypdf only when a PDF is written

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(1200)
        writer.setTitle(self.outline.document_title)
        writer.setAuthor(self.outline.unit_name)
        writer.setCreator(_application_name())
        self.print_to(writer)
        del writer  # flushes the PDF into the buffer
        buffer.close()
        return repair_text_layer(bytes(data.data()), self.text_fixes())

    def text_fixes(self) -> TextFixes:
        """Per font: the wrong text Qt's PDF writer gives a glyph → the character drawn (see glyph_text)."""
        if self._drawn is None:  # nothing printed yet: paint every page once, recording what is drawn
            drawn = DrawnText()
            picture = QPicture()
            painter = QPainter(picture)
            for index in range(self.page_count):
                self.paint_page(painter, index, UNITS_PER_INCH, drawn=drawn)
            painter.end()
            self._drawn = drawn
        return text_fixes({name: (codes, pairs) for name, (codes, pairs) in self._drawn.by_font.items()})


def _application_name() -> str:
    from zjdesk.report.docx_package import application_name

    return application_name()


def _page_layout(page: Page) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


_DASH_TOP: dict[str, float] = {}


def _dash_top(role_name: str) -> float:
    """How far above the baseline the page number's dash begins (its glyph's top), in layout units."""
    if role_name not in _DASH_TOP:
        layout = QTextLayout("—", font_for(role_name))
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        top = 0.0
        for run in layout.glyphRuns():
            raw = run.rawFont()
            for glyph in run.glyphIndexes():
                top = min(top, raw.boundingRect(glyph).top())
        _DASH_TOP[role_name] = -top
    return _DASH_TOP[role_name]


def _page_number(painter: QPainter, page: Page, number: int, drawn: DrawnText | None) -> None:
    """``— N —`` in 4号宋体, its dashes 7 mm below the text block; odd pages right, even left, one character in."""
    edges = margins(page.landscape)
    width_mm, height_mm = page.size_mm
    text = f"— {number} —"
    baseline = (height_mm - edges.bottom + PAGE_NUMBER_GAP_MM) * MM + _dash_top("page_number")
    inset = PAGE_NUMBER_INSET * PT
    right = (width_mm - edges.right) * MM - inset - text_width(text, "page_number")
    x = right if number % 2 else edges.left * MM + inset
    draw_text_at(painter, text, "page_number", QPointF(x, baseline), drawn)


def _draft_mark(painter: QPainter, page: Page, drawn: DrawnText | None) -> None:
    """草稿 on every page: a line at the top right and a large pale mark across the page."""
    width_mm, height_mm = page.size_mm
    edges = margins(page.landscape)
    text = f"{DRAFT_MARK}（未经审定，不得报送）"
    x = (width_mm - edges.right) * MM - text_width(text, "draft")
    draw_text_at(painter, text, "draft", QPointF(x, (edges.top - 9) * MM), drawn, colour=QColor(192, 0, 0))
    painter.save()
    big = font_for("draft")
    big = type(big)(big)
    big.setPixelSize(round(120 * PT))
    big.setLetterSpacing(big.letterSpacingType(), 0)
    painter.setFont(big)
    painter.setPen(QColor(200, 0, 0, 40))
    painter.translate(width_mm * MM / 2, height_mm * MM / 2)
    painter.rotate(-35)
    painter.drawText(QRectF(-120 * MM, -40 * MM, 240 * MM, 80 * MM), int(Qt.AlignmentFlag.AlignCenter), DRAFT_MARK)
    painter.restore()


def font_notice() -> str:
    """Which face stands in for which on this computer (empty when every face the document names is installed)."""
    ensure_gui_application()
    substitutions = font_substitutions()
    if not substitutions:
        return ""
    pairs = "；".join(f"{named} → {used}" for named, used in substitutions)
    return (
        f"本机未安装公文字体，预览、打印和 PDF 用代用字体：{pairs}。"
        "Word 文件仍指定原字体，在装有这些字体的电脑上按原字体显示和打印。"
    )


def preview_document(outline: Outline) -> ReportDocument:
    """The laid-out report for the on-screen preview (``page_count``, ``page_image(i)``, ``paint_page``)."""
    return ReportDocument(outline)


def print_outline(outline: Outline, printer: QPagedPaintDevice) -> None:
    """Print the report on ``printer`` (a QPrinter, e.g. from QPrintPreviewDialog's paintRequested).

    A QPrinter printing to a PDF file gets that file's text layer repaired like :func:`pdf_bytes`.
    """
    from PySide6.QtPrintSupport import QPrinter

    document = ReportDocument(outline)
    to_pdf = isinstance(printer, QPrinter) and printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
    path = printer.outputFileName() if isinstance(printer, QPrinter) and to_pdf else ""
    before = os.stat(path).st_mtime_ns if path and os.path.exists(path) else None
    document.print_to(printer)
    if path and os.path.exists(path) and os.stat(path).st_mtime_ns != before:  # not a preview: the file was written
        from zjdesk.report.pdf_text import repair_pdf_file

        repair_pdf_file(path, document.text_fixes())


def pdf_bytes(outline: Outline) -> bytes:
    """The report as PDF bytes, laid out and painted by Qt."""
    return ReportDocument(outline).pdf_bytes()


def page_size(document: ReportDocument, index: int) -> QSizeF:
    """The paper size of a page in millimetres (A4 portrait or landscape)."""
    width, height = document.pages[index].size_mm
    return QSizeF(width, height)
