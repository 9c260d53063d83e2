"""Render the outline to a .docx in the GB/T 9704-2012 format (DESIGN §3), with python-docx.

A4 with the standard's margins; body, headings and title in their fonts and sizes; fixed line
pitch; page numbers ``— N —`` odd right, even left; then the 数据表 and, in a landscape section,
the 评分表, as bordered tables whose header row repeats on every page.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph as DocxParagraph

from zjdesk.domain.xml_text import xml_safe_copy
from zjdesk.report.docx_styles import (
    HEITI,
    SONGTI,
    STYLES,
    font_of,
    install_styles,
    set_run_fonts,
    style_name,
)
from zjdesk.report.outline import DRAFT_MARK, Heading, Outline, Paragraph, Row, Table

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(37), "bottom": Mm(35), "left": Mm(28), "right": Mm(26)}
# Landscape pages turn the portrait margins with the paper, so binding stays on the same edge.
LANDSCAPE_MARGINS = {"top": Mm(28), "bottom": Mm(26), "left": Mm(37), "right": Mm(35)}
FOOTER_DISTANCE = Mm(25)  # the page number sits about 7 mm below the 35 mm bottom margin's text edge
ONE_CHARACTER = Pt(14)  # a 4号 character: page numbers stand one character in from the edge
TWIPS_PER_MM = 1440 / 25.4
_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 3}


def render_docx(outline: Outline) -> bytes:
    """The .docx file of ``outline`` as bytes."""
    outline = xml_safe_copy(outline)  # pasted control characters would make python-docx raise
    document = docx.Document()
    install_styles(document)
    _load_style_ids(document)
    _set_properties(document, outline)
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

    for table in outline.tables:
        _sheet(document, table)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _set_properties(document: Document, outline: Outline) -> None:
    properties = document.core_properties
    properties.title = outline.document_title
    properties.author = outline.unit_name
    properties.language = "zh-CN"
    properties.comments = ""
    properties.keywords = "部门整体支出绩效自评"


def _page_setup(section: object, *, landscape: bool) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT  # type: ignore[attr-defined]
    section.page_width = PAGE_HEIGHT if landscape else PAGE_WIDTH  # type: ignore[attr-defined]
    section.page_height = PAGE_WIDTH if landscape else PAGE_HEIGHT  # type: ignore[attr-defined]
    for edge, value in (LANDSCAPE_MARGINS if landscape else MARGINS).items():
        setattr(section, f"{edge}_margin", value)
    section.footer_distance = FOOTER_DISTANCE  # type: ignore[attr-defined]
    section.header_distance = Mm(15)  # type: ignore[attr-defined]
    section.gutter = Mm(0)  # type: ignore[attr-defined]


_STYLE_IDS: dict[str, str] = {}


def _load_style_ids(document: Document) -> None:
    """Style ids by role, looked up once: python-docx's lookup by name walks every style each time."""
    _STYLE_IDS.clear()
    for role in STYLES:
        _STYLE_IDS[role] = document.styles[style_name(role)].style_id


def _styled(paragraph: DocxParagraph, role: str) -> DocxParagraph:
    paragraph._p.get_or_add_pPr().style = _STYLE_IDS[role]
    return paragraph


def _add_run(paragraph: DocxParagraph, text: str, font: str, *, bold: bool | None = None) -> None:
    run = paragraph.add_run(text)
    set_run_fonts(run._element, font, SONGTI if font == SONGTI else "Times New Roman")
    if bold is not None:
        run.bold = bold


def _paragraph(document: Document, block: Paragraph) -> None:
    paragraph = _styled(document.add_paragraph(), block.role)
    _add_run(paragraph, block.text, font_of(block.role))
    if block.role == "title":
        # A blank line after the title, as in printed reports; spacing, not an empty paragraph.
        paragraph.paragraph_format.space_after = Pt(28.95)
    if block.role == "cover" and block.source == "cover.fill_date":
        paragraph.paragraph_format.space_after = Pt(14)


def _heading(document: Document, block: Heading) -> None:
    role = f"heading{block.level}"
    paragraph = _styled(document.add_paragraph(), role)
    _add_run(paragraph, block.heading_text, font_of(role))
    if block.body:
        # Run-on text after a 1./（1） heading is body text: 仿宋, never bold.
        _add_run(paragraph, block.body, font_of("body"), bold=False)
        paragraph.paragraph_format.keep_with_next = False


def _field(paragraph: DocxParagraph, instruction: str, font: str) -> None:
    """A Word field (e.g. PAGE) made of fldChar/instrText runs; python-docx has no field API."""
    for kind, text in (("begin", None), (None, f" {instruction} "), ("separate", None), (None, "1"), ("end", None)):
        run = paragraph.add_run()
        set_run_fonts(run._element, font, font)
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
    _styled(paragraph, "footer")
    paragraph.alignment = 2 if odd else 0
    indent = paragraph.paragraph_format
    indent.first_line_indent = Pt(0)
    if odd:
        indent.right_indent = ONE_CHARACTER
    else:
        indent.left_indent = ONE_CHARACTER
    _add_run(paragraph, "— ", SONGTI)
    _field(paragraph, "PAGE", SONGTI)
    _add_run(paragraph, " —", SONGTI)


def _page_numbers(section: object) -> None:
    """``— N —`` in 4号宋体: odd pages at the right, even pages at the left, one character in."""
    _number_paragraph(section.footer.paragraphs[0], odd=True)  # type: ignore[attr-defined]
    _number_paragraph(section.even_page_footer.paragraphs[0], odd=False)  # type: ignore[attr-defined]


def _draft_headers(section: object) -> None:
    """草稿 at the top of every page (odd and even headers), in red 黑体."""
    for header in (section.header, section.even_page_header):  # type: ignore[attr-defined]
        paragraph = header.paragraphs[0]
        _styled(paragraph, "header")
        _add_run(paragraph, f"{DRAFT_MARK}（未经审定，不得报送）", HEITI, bold=True)
        for run in paragraph.runs:
            run.font.color.rgb = RGBColor(0xC0, 0, 0)


def _sheet(document: Document, table: Table) -> None:
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
    caption = _styled(document.add_paragraph(), "sheet_caption")
    _add_run(caption, table.caption, font_of("sheet_caption"))
    _table(document, table)
    for note in table.notes:
        paragraph = _styled(document.add_paragraph(), "sheet_caption")
        _add_run(paragraph, note, font_of("sheet_caption"))


def _twips(mm: float) -> str:
    return str(round(mm * TWIPS_PER_MM))


# The children of w:tblPr after each element we add, in schema order: Word rejects a file whose order is wrong.
_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_CELL_MARGINS = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def _table_properties(grid: DocxTable, table: Table) -> None:
    """Width in both w:tblW and w:gridCol (WPS reads the grid, Word the width), fixed layout, borders."""
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
        border.set(qn("w:sz"), "6")
        border.set(qn("w:space"), "0")
        border.set(qn("w:color"), "000000")
        borders.append(border)
    tbl_pr.insert_element_before(borders, *_AFTER_BORDERS)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        margin = OxmlElement(f"w:{edge}")
        margin.set(qn("w:w"), "57")  # 1 mm each side
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr.insert_element_before(margins, *_AFTER_CELL_MARGINS)
    for column, grid_column in zip(table.columns, tbl.tblGrid.findall(qn("w:gridCol")), strict=True):
        grid_column.set(qn("w:w"), _twips(column.width_mm))


def _cell_text(cell: object, text: str, *, role: str, align: str, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]  # type: ignore[attr-defined]
    _styled(paragraph, role)
    paragraph.alignment = _ALIGN[align]
    if text:  # an empty cell keeps an empty paragraph, so merging cells adds no stray lines
        _add_run(paragraph, text, STYLES[role].font, bold=bold or None)


def _cell_width(cell: object, mm: float) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    width = tc_pr.find(qn("w:tcW"))
    if width is None:
        width = OxmlElement("w:tcW")
        tc_pr.insert(0, width)
    width.set(qn("w:w"), _twips(mm))
    width.set(qn("w:type"), "dxa")
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER  # type: ignore[attr-defined]


def _row_properties(row: object, *, header: bool) -> None:
    tr_pr = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    cant_split = OxmlElement("w:cantSplit")
    tr_pr.append(cant_split)
    if header:
        repeat = OxmlElement("w:tblHeader")
        tr_pr.append(repeat)


def _table(document: Document, table: Table) -> None:
    grid = document.add_table(rows=1 + len(table.rows), cols=len(table.columns))
    _table_properties(grid, table)
    rows = grid.rows
    header_cells = rows[0].cells
    _row_properties(rows[0], header=True)
    for cell, column in zip(header_cells, table.columns, strict=True):
        _cell_width(cell, column.width_mm)
        _cell_text(cell, column.header, role="table_header", align="center")
    covered = {c: _covered_rows(table.vertical_spans(c)) for c in table.merge_columns}
    for index, row in enumerate(table.rows):
        _table_row(rows[index + 1], row, table, {c for c, inside in covered.items() if index in inside})
    for column in table.merge_columns:
        for start, span in table.vertical_spans(column).items():
            grid.cell(start + 1, column).merge(grid.cell(start + span, column))


def _covered_rows(spans: dict[int, int]) -> set[int]:
    """Rows whose cell in a merged column is covered by the merged cell above."""
    return {start + offset for start, span in spans.items() for offset in range(1, span)}


def _table_row(docx_row: object, row: Row, table: Table, covered_columns: set[int]) -> None:
    _row_properties(docx_row, header=False)
    cells = docx_row.cells  # type: ignore[attr-defined]
    for cell, column in zip(cells, table.columns, strict=True):
        _cell_width(cell, column.width_mm)
    if row.kind == "group":
        merged = cells[0].merge(cells[-1])
        _cell_text(merged, row.cells[0], role="table_header", align="left")
        return
    texts = [row.cells[i] if i < len(row.cells) else "" for i in range(len(table.columns))]
    if row.kind == "total":
        # 合计 / 自评等级 spans the empty cells after it.
        last = 1
        while last < len(texts) and not texts[last]:
            last += 1
        if last > 1:
            merged = cells[0].merge(cells[last - 1])
            _cell_text(merged, texts[0], role="table_header", align="center")
            cells = [merged, *cells[last:]]
            texts = [texts[0], *texts[last:]]
            columns = [table.columns[0], *table.columns[last:]]
            for cell, text, column in zip(cells[1:], texts[1:], columns[1:], strict=True):
                _cell_text(cell, text, role="table", align=column.align, bold=True)
            return
    for position, (cell, column) in enumerate(zip(cells, table.columns, strict=True)):
        text = "" if position in covered_columns else texts[position]
        _cell_text(cell, text, role="table", align=column.align, bold=row.kind == "total")
