"""Render the outline to a .docx in the GB/T 9704-2012 format (DESIGN §3), with python-docx.

Page, type, pitch, keep rules and table geometry come from :mod:`zjdesk.report.page_spec`, the same
specification the Qt renderer lays the printout out by. A4 with the standard's margins; page numbers
``— N —`` 7 mm below the text block, odd pages right, even left; then the sheets (数据表 and, in a
landscape section, 评分表) as bordered tables whose header row repeats on every page. Given the Qt
renderer's :class:`~zjdesk.report.pagination.PagePlan`, merged 一级/二级 labels are cut where a page
starts, so each page shows its group's label.
"""

from __future__ import annotations

import io
from datetime import datetime

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.table import _Cell, _Row
from docx.text.paragraph import Paragraph as DocxParagraph

from zjdesk.domain.xml_text import xml_safe_copy
from zjdesk.report.docx_package import set_properties, write_font_table
from zjdesk.report.docx_styles import font_of, install_styles, set_run_fonts, style_name
from zjdesk.report.outline import DRAFT_MARK, Heading, Outline, Paragraph, Row, Table
from zjdesk.report.page_spec import (
    LINE_PITCH,
    PAGE_HEIGHT_MM,
    PAGE_NUMBER_GAP_MM,
    PAGE_NUMBER_INSET,
    PAGE_WIDTH_MM,
    ROLES,
    RUN_IN_BODY_ROLE,
    TABLE,
    margins,
)
from zjdesk.report.pagination import PagePlan

TWIPS_PER_MM = 1440 / 25.4
# From the top of the page number's dashes down to the bottom of its line (Word and LibreOffice place the
# footer's last line that far above the footer distance): measured on LibreOffice's rendering.
PAGE_NUMBER_DASH_DEPTH_MM = 2.9
_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 3}


def render_docx(outline: Outline, *, plan: PagePlan | None = None, when: datetime | None = None) -> bytes:
    """The .docx file of ``outline`` as bytes (``plan``: the printout's pages, to repeat merged labels by)."""
    outline = xml_safe_copy(outline)  # pasted control characters would make python-docx raise
    document = docx.Document()
    install_styles(document)
    _load_style_ids(document)
    section = document.sections[0]
    _page_setup(section, landscape=False)
    document.settings.odd_and_even_pages_header_footer = True
    _page_numbers(section)
    if outline.draft:
        _draft_headers(section)

    body = document.element.body
    # The template's empty first paragraph would print as a blank line above 附件N.
    for paragraph in list(document.paragraphs):
        body.remove(paragraph._element)

    for block in outline.blocks:
        if isinstance(block, Heading):
            _heading(document, block)
        else:
            _paragraph(document, block)

    for index, table in enumerate(outline.tables):
        if plan is None:
            _sheet(document, table, frozenset(), frozenset())
        else:
            _sheet(document, table, plan.page_starts(index), plan.kept_with_next(index))

    write_font_table(document)
    set_properties(
        document,
        title=outline.document_title,
        author=outline.unit_name,
        when=(when or datetime.now()).replace(microsecond=0),
        pages=plan.page_count if plan is not None else 0,
    )
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def footer_distance_mm(landscape: bool) -> float:
    """Page edge to the page number line's bottom, so its dashes stand 7 mm below the text block."""
    return margins(landscape).bottom - PAGE_NUMBER_GAP_MM - PAGE_NUMBER_DASH_DEPTH_MM


def _page_setup(section: object, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    width, height = Mm(PAGE_WIDTH_MM), Mm(PAGE_HEIGHT_MM)
    section.page_width = height if landscape else width  # type: ignore[attr-defined]
    section.page_height = width if landscape else height  # type: ignore[attr-defined]
    edges = margins(landscape)
    for edge in ("top", "bottom", "left", "right"):
        setattr(section, f"{edge}_margin", Mm(getattr(edges, edge)))
    section.footer_distance = Mm(footer_distance_mm(landscape))  # type: ignore[attr-defined]
    section.header_distance = Mm(15)  # type: ignore[attr-defined]
    section.gutter = Mm(0)  # type: ignore[attr-defined]
    _document_grid(section._sectPr, landscape=landscape)  # type: ignore[attr-defined]


def _document_grid(sect_pr: object, *, landscape: bool) -> None:
    """22 lines of 28.95 pt on portrait pages (what Word's page setup shows as the grid).

    Only lines: a character grid (``linesAndChars``) makes LibreOffice put every character in a cell of
    its own, twice as wide, and no paragraph style snaps to the grid — the 28 characters come from the
    styles' character spacing in Word, WPS and LibreOffice alike.
    """
    grid = sect_pr.find(qn("w:docGrid"))  # type: ignore[attr-defined]
    if grid is None:
        grid = OxmlElement("w:docGrid")
        sect_pr.append(grid)  # type: ignore[attr-defined]
    for attribute in ("w:type", "w:linePitch", "w:charSpace"):
        grid.attrib.pop(qn(attribute), None)
    if landscape:
        grid.set(qn("w:linePitch"), "312")
    else:
        grid.set(qn("w:type"), "lines")
        grid.set(qn("w:linePitch"), str(round(LINE_PITCH * 20)))


_STYLE_IDS: dict[str, str] = {}


def _load_style_ids(document: Document) -> None:
    """Style ids by role, looked up once: python-docx's lookup by name walks every style each time."""
    _STYLE_IDS.clear()
    for role_name in ROLES:
        _STYLE_IDS[role_name] = document.styles[style_name(role_name)].style_id


def _styled(paragraph: DocxParagraph, role_name: str) -> DocxParagraph:
    paragraph._p.get_or_add_pPr().style = _STYLE_IDS[role_name]
    return paragraph


_FONT_SLOTS = tuple(qn(slot) for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"))


def _add_run(paragraph: DocxParagraph, text: str, face: str, *, bold: bool | None = None) -> None:
    """A run of ``text`` naming ``face`` in every font slot (built directly: a report has thousands of runs)."""
    properties = OxmlElement("w:rPr")
    properties.append(OxmlElement("w:rFonts", dict.fromkeys(_FONT_SLOTS, face)))
    if bold is not None:
        properties.append(OxmlElement("w:b", {qn("w:val"): "1" if bold else "0"}))
    run = OxmlElement("w:r")
    run.append(properties)
    run.text = text  # tabs and line breaks become w:tab and w:br
    paragraph._p.append(run)


def _paragraph(document: Document, block: Paragraph) -> None:
    paragraph = _styled(document.add_paragraph(), block.role)
    _add_run(paragraph, block.text, font_of(block.role))


def _heading(document: Document, block: Heading) -> None:
    paragraph = _styled(document.add_paragraph(), block.role)
    _add_run(paragraph, block.heading_text, font_of(block.role))
    if block.body:
        # Run-on text after a 1./（1） heading is body text: 仿宋, never bold; the paragraph keeps nothing with the next.
        body = ROLES[RUN_IN_BODY_ROLE]
        _add_run(paragraph, block.body, body.face.name, bold=body.bold)
        paragraph.paragraph_format.keep_with_next = False


def _field(paragraph: DocxParagraph, instruction: str, face: str) -> None:
    """A Word field (e.g. PAGE) made of fldChar/instrText runs; python-docx has no field API."""
    parts: tuple[tuple[str | None, str], ...] = (
        ("begin", ""),
        (None, f" {instruction} "),
        ("separate", ""),
        (None, "1"),
        ("end", ""),
    )
    for kind, text in parts:
        run = paragraph.add_run()
        set_run_fonts(run._element, face)
        if kind is not None:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._element.append(char)
        elif text.strip() == instruction:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)
        else:
            run.text = text


def _number_paragraph(paragraph: DocxParagraph, *, odd: bool) -> None:
    _styled(paragraph, "page_number")
    paragraph.alignment = WD_PARAGRAPH_ALIGNMENT.RIGHT if odd else WD_PARAGRAPH_ALIGNMENT.LEFT
    indent = paragraph.paragraph_format
    indent.first_line_indent = Pt(0)
    if odd:
        indent.right_indent = Pt(PAGE_NUMBER_INSET)
    else:
        indent.left_indent = Pt(PAGE_NUMBER_INSET)
    face = font_of("page_number")
    _add_run(paragraph, "— ", face)
    _field(paragraph, "PAGE", face)
    _add_run(paragraph, " —", face)


def _page_numbers(section: object) -> None:
    """``— N —`` in 4号宋体: odd pages at the right, even pages at the left, one character in."""
    _number_paragraph(section.footer.paragraphs[0], odd=True)  # type: ignore[attr-defined]
    _number_paragraph(section.even_page_footer.paragraphs[0], odd=False)  # type: ignore[attr-defined]


def _draft_headers(section: object) -> None:
    """草稿 at the top of every page (odd and even headers), in red 黑体."""
    for header in (section.header, section.even_page_header):  # type: ignore[attr-defined]
        paragraph = header.paragraphs[0]
        _styled(paragraph, "draft")
        _add_run(paragraph, f"{DRAFT_MARK}（未经审定，不得报送）", font_of("draft"), bold=True)
        for run in paragraph.runs:
            run.font.color.rgb = RGBColor(0xC0, 0, 0)


def _sheet(document: Document, table: Table, page_starts: frozenset[int], kept: frozenset[int]) -> None:
    """A sheet after the report: on a new page (a landscape section when the table needs it)."""
    current = document.sections[-1]
    wants_landscape = table.landscape
    is_landscape = current.orientation == WD_ORIENT.LANDSCAPE
    if wants_landscape != is_landscape:
        section = document.add_section(WD_SECTION.NEW_PAGE)
        _page_setup(section, landscape=wants_landscape)
        title = _styled(document.add_paragraph(), "sheet_title")
    else:
        title = _styled(document.add_paragraph(), "sheet_title")
        title.paragraph_format.page_break_before = True
    _add_run(title, table.title, font_of("sheet_title"))
    caption = _styled(document.add_paragraph(), "caption")
    _add_run(caption, table.caption, font_of("caption"))
    _table(document, table, page_starts, kept)
    for note in table.notes:
        paragraph = _styled(document.add_paragraph(), "note")
        _add_run(paragraph, note, font_of("note"))


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


# The children of w:tblPr after each element we add, in schema order: Word rejects a file whose order is wrong.
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _table_properties(grid: DocxTable, table: Table) -> None:
    """Width in both w:tblW and w:gridCol (WPS reads the grid, Word the width), fixed layout, borders, padding."""
    tbl = grid._tbl
    tbl_pr = tbl.tblPr
    width = tbl_pr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tbl_pr.insert_element_before(width, "w:jc", "w:tblInd", "w:tblBorders", *_AFTER_BORDERS)
    width.set(qn("w:w"), _twips(table.width_mm))
    width.set(qn("w:type"), "dxa")
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False  # w:tblLayout fixed: the widths below hold whatever the text
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), "single")
        border.set(qn("w:sz"), str(round(TABLE.border * 8)))  # eighths of a point
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    tbl_pr.insert_element_before(borders, *_AFTER_BORDERS)
    cell_margins = OxmlElement("w:tblCellMar")
    for edge in ("top", "left", "bottom", "right"):
        margin = OxmlElement(f"w:{edge}")
        twips = TABLE.padding_y * 20 if edge in ("top", "bottom") else TABLE.padding_x_mm * TWIPS_PER_MM
        margin.set(qn("w:w"), str(round(twips)))
        margin.set(qn("w:type"), "dxa")
        cell_margins.append(margin)
    tbl_pr.insert_element_before(cell_margins, *_AFTER_CELL_MARGINS)
    for column, grid_column in zip(table.columns, tbl.tblGrid.findall(qn("w:gridCol")), strict=True):
        grid_column.set(qn("w:w"), _twips(column.width_mm))


def _cell_text(cell: object, text: str, *, role_name: str, align: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    _styled(paragraph, role_name)
    paragraph.alignment = _ALIGN[align]
    if text:  # an empty cell keeps an empty paragraph, so merging cells adds no stray lines
        _add_run(paragraph, text, font_of(role_name), bold=bold or None)


def _cell_width(cell: object, mm: float, *, shade: bool = False) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    width = tc_pr.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        tc_pr.insert(0, width)
    width.set(qn("w:w"), _twips(mm))
    width.set(qn("w:type"), "dxa")
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]
    if shade:
        fill = OxmlElement("w:shd")
        fill.set(qn("w:val"), "clear")
        fill.set(qn("w:color"), "auto")
        fill.set(qn("w:fill"), TABLE.header_shade)
        tc_pr.insert(tc_pr.index(width) + 1 + (tc_pr.find(qn("w:gridSpan")) is not None), fill)


def _row_properties(row: object, *, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        repeat = OxmlElement("w:tblHeader")
        tr_pr.append(repeat)


def _table(document: Document, table: Table, page_starts: frozenset[int], kept: frozenset[int]) -> None:
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    _table_properties(grid, table)
    rows = grid.rows
    _row_properties(rows[0], header=True)
    for cell, column in zip(_fresh_cells(grid, rows[0]), table.columns, strict=True):
        _cell_width(cell, column.width_mm, shade=True)
        _cell_text(cell, column.header, role_name="table_header", align="center")
    covered = table.covered(page_starts)
    for index, row in enumerate(table.rows):
        _table_row(grid, rows[index + 1], row, table, {c for c, inside in covered.items() if index in inside})
    for merged, blocks in table.merged_blocks(page_starts).items():
        for start, span in blocks.items():
            top, bottom = (_cell_at(grid, rows[index], merged) for index in (start + 1, start + span))
            top.merge(bottom)
    for index in kept:  # a row stays on the page of the next one: keep-with-next on every paragraph in it
        for paragraph in rows[index + 1]._tr.iter(qn("w:p")):
            paragraph.get_or_add_pPr().keepNext_val = True


def _fresh_cells(grid: DocxTable, row: _Row) -> list[_Cell]:
    """The cells of a row nothing has merged yet, one per grid column (python-docx's row.cells walks the whole table)."""
    return [_Cell(tc, grid) for tc in row._tr.tc_lst]


def _cell_at(grid: DocxTable, row: _Row, column: int) -> _Cell:
    """The cell of ``row`` that covers grid column ``column`` (rows may hold cells spanning columns)."""
    offset = 0
    for tc in row._tr.tc_lst:
        if offset + tc.grid_span > column:
            return _Cell(tc, grid)
        offset += tc.grid_span
    raise IndexError(column)


def _table_row(grid: DocxTable, docx_row: _Row, row: Row, table: Table, covered_columns: set[int]) -> None:
    _row_properties(docx_row, header=False)
    cells = _fresh_cells(grid, docx_row)
    for cell, column in zip(cells, table.columns, strict=True):
        _cell_width(cell, column.width_mm)
    for first, span, text in row.placed(len(table.columns)):
        cell = cells[first].merge(cells[first + span - 1]) if span > 1 else cells[first]
        if row.kind == "group":
            _cell_text(cell, text, role_name="table_header", align="left")
        elif row.kind == "total" and first == 0:
            _cell_text(cell, text, role_name="table_header", align="center")
        elif row.kind == "signoff":
            _cell_text(cell, text, role_name="table", align="left")
        else:
            shown = "" if first in covered_columns else text
            _cell_text(cell, shown, role_name="table", align=table.columns[first].align, bold=row.kind == "total")
