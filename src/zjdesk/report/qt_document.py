"""The report as a paginated Qt document: the on-screen preview, printing and PDF export.

The only report module that imports PySide6. It lays the outline out itself with QTextLayout —
A4, the GB/T 9704 margins, fixed line pitch, two-character indent, ``— N —`` page numbers (odd
pages right, even left), a landscape page for the score sheet, tables with a repeated header
row — so the preview, the printout and the PDF are the same pages. Fonts go through a fallback
chain: the GB font, then the Windows font, then Noto CJK.

Layout happens once, in units of 1/720 inch; painting scales to the device (screen, printer, PDF).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextCharFormat,
    QTextLayout,
    QTextOption,
)

from zjdesk.report.glyph_text import BMP, FontCodes, TextFixes, postscript_name, text_fixes, utf16_units
from zjdesk.report.outline import DRAFT_MARK, Heading, Outline, Paragraph, Row, Table
from zjdesk.report.qt_styles import (
    A4,
    CELL_PADDING,
    FONT_CHAINS,
    LANDSCAPE_MARGINS,
    LINE_PITCH,
    MM,
    PORTRAIT_MARGINS,
    PT,
    ROLE_STYLE,
    SYNTHETIC_BOLD,
    TABLE_PITCH,
    UNITS_PER_INCH,
)

_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "center": Qt.AlignmentFlag.AlignHCenter,
    "right": Qt.AlignmentFlag.AlignRight,
    "justify": Qt.AlignmentFlag.AlignJustify,
}

_app: QGuiApplication | None = None


def ensure_gui_application() -> None:
    """Qt needs a QGuiApplication for fonts; from the CLI without a display, run it offscreen."""
    global _app
    if QGuiApplication.instance() is not None:
        return
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["zjdesk"])


@cache
def _installed(family: str) -> bool:
    return QFontDatabase.hasFamily(family)


def font_for(role: str) -> QFont:
    """The font of an outline role, with its fallback chain, sized in layout units."""
    chain, size, bold, _, _ = ROLE_STYLE[role]
    font = QFont()
    font.setFamilies(list(FONT_CHAINS[chain]))
    font.setPixelSize(round(size * PT))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    synthetic = chain in SYNTHETIC_BOLD and not _installed(SYNTHETIC_BOLD[chain])
    font.setBold(bold or synthetic)
    return font


def first_installed(role: str) -> str:
    """The first family of a role's chain installed here (what the CJK text will be set in)."""
    chain = FONT_CHAINS[ROLE_STYLE[role][0]]
    return next((family for family in chain if family != "Times New Roman" and _installed(family)), chain[-1])


# --- pages -------------------------------------------------------------------------------------

Paint = Callable[[QPainter], None]
_Cell = tuple[float, QTextLayout | None, float]  # width, text layout, text height


@dataclass
class Page:
    """One laid-out page: its orientation and what to paint on it, in layout units."""

    landscape: bool
    ops: list[Paint] = field(default_factory=list)

    @property
    def size_mm(self) -> tuple[float, float]:
        return (A4[1], A4[0]) if self.landscape else A4


def _margins(landscape: bool) -> tuple[float, float, float, float]:
    return LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS


@dataclass
class _Frame:
    """The text block of the current page and how far down it is filled."""

    page: Page
    top: float
    bottom: float
    left: float
    width: float
    y: float = 0.0


class _Layouter:
    """Flows the outline into pages."""

    def __init__(self, outline: Outline) -> None:
        self.outline = outline
        self.pages: list[Page] = []
        self.layouts: list[QTextLayout] = []  # every text laid out: what the PDF's text layer must say
        self.frame = self._new_page(landscape=False)

    def _new_page(self, *, landscape: bool) -> _Frame:
        page = Page(landscape)
        self.pages.append(page)
        top, bottom, left, right = _margins(landscape)
        width_mm, height_mm = page.size_mm
        frame = _Frame(page, top * MM, (height_mm - bottom) * MM, left * MM, (width_mm - left - right) * MM)
        frame.y = frame.top
        self.frame = frame
        return frame

    def room(self) -> float:
        return self.frame.bottom - self.frame.y

    # text

    def _layout(
        self,
        text: str,
        role: str,
        width: float,
        *,
        run_in: tuple[int, str] | None = None,
        pitch: float = LINE_PITCH,
        align: str | None = None,
        bold: bool = False,
    ) -> tuple[QTextLayout, int]:
        _, _, _, indent, default_align = ROLE_STYLE[role]
        layout = QTextLayout(text, font_for(role))
        option = QTextOption(_ALIGN[align or default_align])
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        if run_in is not None:
            length, body_role = run_in
            body = QTextCharFormat()
            body.setFont(font_for(body_role))
            layout.setFormats([_range(length, len(text) - length, body)])
        if bold:
            # Formats go on before the lines are made: set afterwards, they blank the laid-out lines.
            layout.setFormats([_range(0, len(text), _bold_format())])
        first_indent = 32 * PT if indent else 0.0
        layout.beginLayout()
        count = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            offset = first_indent if count == 0 else 0.0
            line.setLineWidth(width - offset)
            # Fixed pitch, glyphs centred in their line as Word does with exact line spacing.
            line.setPosition(QPointF(offset, count * pitch + (pitch - line.height()) / 2))
            count += 1
        layout.endLayout()
        self.layouts.append(layout)
        return layout, count

    def paragraph(
        self,
        text: str,
        role: str,
        *,
        run_in: tuple[int, str] | None = None,
        keep_next: int = 0,
        space_after: float = 0.0,
        pitch: float = LINE_PITCH,
    ) -> None:
        layout, count = self._layout(text, role, self.frame.width, run_in=run_in, pitch=pitch)
        # The first two lines stay together, and ``keep_next`` lines of what follows stay with them.
        if self.room() < pitch * (min(count, 2) + keep_next) - 0.5:
            self._new_page(landscape=self.frame.page.landscape)
        done = 0
        while done < count:
            fits = max(1, int((self.room() + 0.5) // pitch))
            take = min(fits, count - done)
            if count - done - take == 1 and take > 1:
                take -= 1  # no widow line alone at the top of the next page
            self._place(layout, done, take, pitch)
            done += take
            if done < count:
                self._new_page(landscape=self.frame.page.landscape)
        self.frame.y += space_after

    def _place(self, layout: QTextLayout, first: int, count: int, pitch: float) -> None:
        frame = self.frame
        origin = QPointF(frame.left, frame.y - first * pitch)
        lines = range(first, first + count)
        frame.page.ops.append(lambda painter, o=origin, r=lines, lay=layout: _draw_layout(painter, lay, o, r))
        frame.y += count * pitch

    # tables

    def table(self, table: Table) -> None:
        if table.landscape != self.frame.page.landscape or self.frame.y > self.frame.top:
            self._new_page(landscape=table.landscape)
        self.paragraph(table.title, "sheet_title", pitch=32 * PT)
        self.paragraph(table.caption, "caption", pitch=24 * PT)
        scale = self.frame.width / (table.width_mm * MM) if table.width_mm * MM > self.frame.width else 1.0
        widths = [c.width_mm * MM * scale for c in table.columns]
        left = self.frame.left + (self.frame.width - sum(widths)) / 2
        header = Row(tuple(c.header for c in table.columns), "header")
        covered = {c: {s + i for s, n in table.vertical_spans(c).items() for i in range(1, n)} for c in table.merge_columns}
        self._row(table, header, widths, left, set(), first_on_page=True)
        for index, row in enumerate(table.rows):
            cells = self._cells(table, row, widths, {c for c, rows in covered.items() if index in rows})
            height = max(h for _, _, h in cells) + 2 * CELL_PADDING
            first_on_page = False
            if height > self.room():
                self._close_table(left, sum(widths))
                self._new_page(landscape=table.landscape)
                self._row(table, header, widths, left, set(), first_on_page=True)
                first_on_page = True
            open_below = {c for c, rows in covered.items() if index + 1 in rows}
            self._row(
                table,
                row,
                widths,
                left,
                {c for c, rows in covered.items() if index in rows},
                first_on_page=first_on_page,
                cells=cells,
                open_below=open_below,
            )
        self._close_table(left, sum(widths))
        for note in table.notes:
            self.paragraph(note, "caption", pitch=24 * PT)

    def _cells(self, table: Table, row: Row, widths: list[float], covered: set[int]) -> list[_Cell]:
        """(width, layout, text height) of each visible cell of a row."""
        if row.kind == "group":
            spans = [(sum(widths), row.cells[0], "left")]
        else:
            texts = [row.cells[i] if i < len(row.cells) else "" for i in range(len(widths))]
            aligns = ["center" if row.kind == "header" else c.align for c in table.columns]
            spans = list(zip(widths, texts, aligns, strict=True))
            if row.kind == "total":
                last = 1
                while last < len(texts) and not texts[last]:
                    last += 1
                spans = [(sum(widths[:last]), texts[0], "center"), *spans[last:]]
        result = []
        role = "table_header" if row.kind in ("header", "group") else "table"
        for position, (width, text, align) in enumerate(spans):
            if row.kind == "data" and position in covered:
                text = ""
            if not text:
                result.append((width, None, TABLE_PITCH))
                continue
            cell_role = "table_header" if row.kind == "total" and position == 0 else role
            bold = row.kind == "total"
            layout, count = self._layout(text, cell_role, width - 2 * CELL_PADDING, pitch=TABLE_PITCH, align=align, bold=bold)
            result.append((width, layout, count * TABLE_PITCH))
        return result

    def _close_table(self, left: float, width: float) -> None:
        """The bottom rule of the table on this page (merged cells leave their bottoms open until here)."""
        line = (QPointF(left, self.frame.y), QPointF(left + width, self.frame.y))
        self.frame.page.ops.append(lambda p, a=line[0], b=line[1]: _rule(p, a, b))

    def _row(
        self,
        table: Table,
        row: Row,
        widths: list[float],
        left: float,
        covered: set[int],
        *,
        first_on_page: bool,
        cells: list[_Cell] | None = None,
        open_below: set[int] | None = None,
    ) -> None:
        cells = cells if cells is not None else self._cells(table, row, widths, covered)
        height = max(h for _, _, h in cells) + 2 * CELL_PADDING
        frame = self.frame
        top = frame.y
        x = left
        spans_full_row = row.kind in ("group", "total")
        for position, (width, layout, text_height) in enumerate(cells):
            rect = QRectF(x, top, width, height)
            draw_top = first_on_page or spans_full_row or position not in covered
            if row.kind == "header":
                frame.page.ops.append(lambda p, r=rect: p.fillRect(r, QColor(242, 242, 242)))
            draw_bottom = spans_full_row or position not in (open_below or set())
            frame.page.ops.append(lambda p, r=rect, t=draw_top, b=draw_bottom: _cell_border(p, r, draw_top=t, draw_bottom=b))
            if layout is not None:
                origin = QPointF(x + CELL_PADDING, top + (height - text_height) / 2)
                frame.page.ops.append(lambda p, o=origin, lay=layout: _draw_layout(p, lay, o, None))
            x += width
        frame.y += height


def _range(start: int, length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    item = QTextLayout.FormatRange()
    item.start, item.length, item.format = start, length, char_format
    return item


def _bold_format() -> QTextCharFormat:
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    return bold


def _draw_layout(painter: QPainter, layout: QTextLayout, origin: QPointF, lines: range | None) -> None:
    """Draw some lines of a layout through their glyph runs.

    QTextLayout.draw is avoided: its PySide6 binding corrupts the refcount of None and crashes.
    """
    painter.setPen(QColor(0, 0, 0))
    for index in lines if lines is not None else range(layout.lineCount()):
        for run in layout.lineAt(index).glyphRuns():
            painter.drawGlyphRun(origin, run)


def _rule(painter: QPainter, start: QPointF, end: QPointF) -> None:
    painter.setPen(QPen(QColor(0, 0, 0), 0.75 * PT))
    painter.drawLine(start, end)


def _cell_border(painter: QPainter, rect: QRectF, *, draw_top: bool, draw_bottom: bool) -> None:
    painter.setPen(QPen(QColor(0, 0, 0), 0.75 * PT))
    if draw_bottom:
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
    painter.drawLine(rect.topLeft(), rect.bottomLeft())
    painter.drawLine(rect.topRight(), rect.bottomRight())
    if draw_top:
        painter.drawLine(rect.topLeft(), rect.topRight())


# --- the document ------------------------------------------------------------------------------


class ReportDocument:
    """The outline laid out in pages: paint a page, render it to an image, print it or write a PDF."""

    def __init__(self, outline: Outline) -> None:
        ensure_gui_application()
        self.outline = outline
        layouter = _Layouter(outline)
        blocks = outline.blocks
        for index, block in enumerate(blocks):
            _flow_block(layouter, block, _standalone_headings_after(blocks, index))
        for table in outline.tables:
            layouter.table(table)
        self.pages = layouter.pages
        self.layouts = layouter.layouts

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def paint_page(self, painter: QPainter, index: int, dots_per_inch: float, *, page_number: bool = True) -> None:
        """Paint page ``index`` (0-based) with its top-left corner at the painter's origin."""
        page = self.pages[index]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(dots_per_inch / UNITS_PER_INCH, dots_per_inch / UNITS_PER_INCH)
        for op in page.ops:
            op(painter)
        if page_number:
            _page_number(painter, page, index + 1)
        if self.outline.draft:
            _draft_mark(painter, page)
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
            raise RuntimeError("cannot paint on the print device")
        try:
            dots_per_inch = device.logicalDpiX()
            for index, page in enumerate(self.pages):
                if index:
                    if not turn_landscape:
                        device.setPageLayout(_page_layout(page))
                    device.newPage()
                if turn_landscape and page.landscape:
                    painter.save()
                    painter.translate(0, A4[1] / 25.4 * dots_per_inch)  # the portrait sheet's height
                    painter.rotate(-90)
                    self.paint_page(painter, index, dots_per_inch, page_number=False)
                    painter.restore()
                    painter.save()
                    painter.scale(dots_per_inch / UNITS_PER_INCH, dots_per_inch / UNITS_PER_INCH)
                    _page_number(painter, Page(False), index + 1)
                    painter.restore()
                else:
                    self.paint_page(painter, index, dots_per_inch)
        finally:
            painter.end()

    def pdf_bytes(self) -> bytes:
        """The whole report as a PDF (fonts embedded by Qt, text layer repaired)."""
        from zjdesk.report.pdf_text import repair_text_layer  # pypdf only when a PDF is written

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(1200)
        writer.setTitle(self.outline.document_title)
        writer.setCreator("zjdesk")
        self.print_to(writer)
        del writer  # flushes the PDF into the buffer
        buffer.close()
        return repair_text_layer(bytes(data.data()), self.text_fixes())

    def text_fixes(self) -> TextFixes:
        """Per font: the wrong text Qt's PDF writer gives a glyph → the character drawn (see glyph_text)."""
        drawn: dict[str, tuple[FontCodes, list[tuple[int, str]]]] = {}
        others = [_laid_out("— 0123456789", "page_number"), _laid_out(f"{DRAFT_MARK}（未经审定，不得报送）", "draft")]
        for layout in [*self.layouts, *others]:
            text = utf16_units(layout.text())
            for run in layout.glyphRuns(-1, -1, _GLYPHS_AND_TEXT):
                name, codes = _font_codes(run.rawFont())
                chars = map(text.__getitem__, run.stringIndexes())
                drawn.setdefault(name, (codes, []))[1].extend(zip(run.glyphIndexes(), chars, strict=True))
        return text_fixes(drawn)


_RUN = QTextLayout.GlyphRunRetrievalFlag
_GLYPHS_AND_TEXT = _RUN.RetrieveGlyphIndexes | _RUN.RetrieveStringIndexes
_font_codes_cache: dict[tuple[str, str, int], tuple[str, FontCodes]] = {}


def _font_codes(raw: QRawFont) -> tuple[str, FontCodes]:
    """A font's PostScript name (its /BaseFont in Qt's PDF) and character map, once per face."""
    key = (raw.familyName(), raw.styleName(), raw.weight())
    if key not in _font_codes_cache:
        name = postscript_name(bytes(raw.fontTable("name").data())) or raw.familyName().replace(" ", "")
        _font_codes_cache[key] = name, FontCodes(raw.glyphIndexesForString(BMP))
    return _font_codes_cache[key]


def _laid_out(text: str, role: str) -> QTextLayout:
    layout = QTextLayout(text, font_for(role))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return layout


def _standalone_headings_after(blocks: list[Heading | Paragraph], index: int) -> int:
    """How many headings without run-on text follow block ``index`` directly."""
    count = 0
    for block in blocks[index + 1 :]:
        if not isinstance(block, Heading) or block.body:
            break
        count += 1
    return count


def _page_layout(page: Page) -> QPageLayout:
    orientation = QPageLayout.Orientation.Landscape if page.landscape else QPageLayout.Orientation.Portrait
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation, QMarginsF(0, 0, 0, 0))
    layout.setMode(QPageLayout.Mode.FullPageMode)
    return layout


def _flow_block(layouter: _Layouter, block: Heading | Paragraph, following_headings: int = 0) -> None:
    if isinstance(block, Heading):
        role = f"heading{block.level}"
        if block.body:
            layouter.paragraph(block.text, role, run_in=(len(block.heading_text), "body"))
        else:
            # A heading alone keeps with the headings right after it and two lines of the text below them.
            layouter.paragraph(block.text, role, keep_next=2 + following_headings)
        return
    space = 28.95 * PT if block.role == "title" else (14 * PT if block.source == "cover.fill_date" else 0.0)
    pitch = 36 * PT if block.role == "title" else LINE_PITCH
    layouter.paragraph(block.text, block.role, space_after=space, pitch=pitch)


def _page_number(painter: QPainter, page: Page, number: int) -> None:
    """``— N —`` in 4号宋体, 7 mm below the text block; odd pages right, even left, one character in."""
    _top, bottom, left, right = _margins(page.landscape)
    width_mm, height_mm = page.size_mm
    font = font_for("page_number")
    painter.setFont(font)
    painter.setPen(QColor(0, 0, 0))
    box_top = (height_mm - bottom + 7) * MM
    box = QRectF((left * MM) + 14 * PT, box_top, (width_mm - left - right) * MM - 28 * PT, 20 * PT)
    align = Qt.AlignmentFlag.AlignRight if number % 2 else Qt.AlignmentFlag.AlignLeft
    painter.drawText(box, int(align | Qt.AlignmentFlag.AlignTop), f"— {number} —")


def _draft_mark(painter: QPainter, page: Page) -> None:
    """草稿 on every page: a line at the top right and a large pale mark across the page."""
    width_mm, height_mm = page.size_mm
    top, _, left, right = _margins(page.landscape)
    painter.setFont(font_for("draft"))
    painter.setPen(QColor(192, 0, 0))
    painter.drawText(
        QRectF(left * MM, (top - 18) * MM, (width_mm - left - right) * MM, 12 * MM),
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
        f"{DRAFT_MARK}（未经审定，不得报送）",
    )
    painter.save()
    big = font_for("draft")
    big.setPixelSize(round(120 * PT))
    painter.setFont(big)
    painter.setPen(QColor(200, 0, 0, 40))
    painter.translate(width_mm * MM / 2, height_mm * MM / 2)
    painter.rotate(-35)
    painter.drawText(QRectF(-120 * MM, -40 * MM, 240 * MM, 80 * MM), int(Qt.AlignmentFlag.AlignCenter), DRAFT_MARK)
    painter.restore()


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
    path = printer.outputFileName() if to_pdf else ""
    before = os.stat(path).st_mtime_ns if path and os.path.exists(path) else None
    document.print_to(printer)
    if path and os.path.exists(path) and os.stat(path).st_mtime_ns != before:  # not a preview: the file was written
        from zjdesk.report.pdf_text import repair_pdf_file

        repair_pdf_file(path, document.text_fixes())


def pdf_bytes(outline: Outline) -> bytes:
    """The report as PDF bytes, laid out and painted by Qt."""
    return ReportDocument(outline).pdf_bytes()


def page_size_mm(document: ReportDocument, index: int) -> QSizeF:
    """The paper size of a page in millimetres (A4 portrait or landscape)."""
    width, height = document.pages[index].size_mm
    return QSizeF(width, height)
