"""One layout in every output: the .docx as LibreOffice renders it and the program's own PDF, read back.

For the demo and for another unit's year (figures everywhere, numbers in the text, a long data sheet,
long task lists): the same pages, the same lines on them, 28 characters × 22 lines, level-1 headings
and sheets on the same pages, every table cell present, the title on the third line below 附件N and
the page numbers 7 mm below the text block. Each document is converted by LibreOffice once.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from support.renders import PdfPage, ink_top_mm, libreoffice_pdf, other_unit_year, pdf_pages, text_chunks
from zjdesk.demo import demo_year
from zjdesk.domain.linebreak import HANGING, NO_LINE_END, NO_LINE_START
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.outline import Heading, Outline
from zjdesk.report.page_spec import LINE_PITCH, MM, PORTRAIT_MARGINS, margins, text_width_pt

pytestmark = pytest.mark.usefixtures("qt_application")

LEFT = PORTRAIT_MARGINS.left * MM
RIGHT = LEFT + text_width_pt(False)
INDENT = 32.0


@dataclass
class Rendered:
    outline: Outline
    plan: object
    docx: bytes
    qt: Path
    office: Path

    def both(self) -> list[tuple[str, list[PdfPage]]]:
        return [("LibreOffice", pdf_pages(self.office)), ("程序 PDF", pdf_pages(self.qt))]


def _render(year, folder: Path, name: str) -> Rendered:  # type: ignore[no-untyped-def]
    from zjdesk.report.qt_document import ReportDocument

    outline = outline_for(year)
    document = ReportDocument(outline)
    data = render_docx(outline, plan=document.plan)
    qt = folder / f"{name}-qt.pdf"
    qt.write_bytes(document.pdf_bytes())
    return Rendered(outline, document.plan, data, qt, libreoffice_pdf(data, folder, name))


@pytest.fixture(scope="module", params=["demo", "other"])
def rendered(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Rendered:
    year = demo_year() if request.param == "demo" else other_unit_year()
    return _render(year, tmp_path_factory.mktemp(request.param), request.param)


def _report_pages(pages: list[PdfPage], rendered: Rendered) -> list[PdfPage]:
    """The pages of the report itself (before the first sheet)."""
    return pages[: rendered.plan.table_pages[0]]  # type: ignore[attr-defined]


def _without_hanging_mark(text: str) -> str:
    # LibreOffice 7.4 does not draw a mark hanging past the edge inside a justified paragraph (Word does).
    return text[:-1] if text and text[-1] in HANGING else text


def test_both_renders_have_the_pages_of_the_plan(rendered: Rendered) -> None:
    office, qt = pdf_pages(rendered.office), pdf_pages(rendered.qt)
    assert len(office) == len(qt) == rendered.plan.page_count  # type: ignore[attr-defined]
    assert [page.landscape for page in office] == [page.landscape for page in qt]
    assert qt[-1].landscape and not qt[0].landscape


def test_the_report_breaks_into_the_same_lines_in_both(rendered: Rendered) -> None:
    office, qt = (_report_pages(pages, rendered) for _, pages in rendered.both())
    compared = 0
    for number, (a, b) in enumerate(zip(office, qt, strict=True), start=1):
        lines_a = [_without_hanging_mark(line.text) for line in a.lines]
        lines_b = [_without_hanging_mark(line.text) for line in b.lines]
        assert lines_a == lines_b, f"page {number}"
        compared += len(lines_a)
    assert compared > 150


def test_level_one_headings_and_the_sheets_start_on_the_same_pages(rendered: Rendered) -> None:
    outline = rendered.outline
    headings = [
        (index, block.text) for index, block in enumerate(outline.blocks) if isinstance(block, Heading) and block.level == 1
    ]
    assert len(headings) == 4
    expected = [rendered.plan.block_pages[index] + 1 for index, _ in headings]  # type: ignore[attr-defined]
    sheets = [page + 1 for page in rendered.plan.table_pages]  # type: ignore[attr-defined]
    for name, pages in rendered.both():
        found = [
            next(n for n, page in enumerate(pages, 1) if any(line.text == text for line in page.lines)) for _, text in headings
        ]
        assert found == expected, name
        titles = [
            next(n for n, page in enumerate(pages, 1) if any(line.text == table.title for line in page.lines))
            for table in outline.tables
        ]
        assert titles == sheets, name


def _full_line_length_ok(text: str, next_text: str, indented: bool) -> bool:
    """28 characters (26 after the indent); one more when a mark hangs; fewer only where 避头尾 or a
    number that must stay whole sent characters down to the next line."""
    full = 26 if indented else 28
    if len(text) == full or (len(text) == full + 1 and text[-1] in HANGING):
        return True
    if not next_text:
        return False
    pulled_down = next_text[1:2] in NO_LINE_START or next_text[0] in NO_LINE_END or next_text[:2] in ("——", "……")
    if len(text) == full - 1 and pulled_down:
        return True
    return next_text[0].isascii() and next_text[0].isalnum() and len(text) >= full - 8


def _full_width(text: str) -> bool:
    return all(not char.isascii() for char in text)


def _spaced_in_source(outline: Outline) -> Callable[[str], bool]:
    """Whether a line's text (read without whitespace) holds a space in the report's own text (a stray one the
    checks point out): such a line holds fewer visible characters."""
    paragraphs = []
    for block in outline.blocks:
        kept = [(index, char) for index, char in enumerate(block.text) if not char.isspace()]
        paragraphs.append(("".join(char for _, char in kept), [index for index, _ in kept], block.text))

    def spaced(text: str) -> bool:
        for stripped, original_index, original in paragraphs:
            found = stripped.find(text)
            if found >= 0:
                segment = original[original_index[found] : original_index[found + len(text) - 1] + 1]
                return any(char.isspace() for char in segment)
        return False

    return spaced


def _continued_lines(outline: Outline, page: PdfPage, following: PdfPage) -> int:
    """How many lines of ``following`` continue the paragraph ``page`` ends with (0: it ends on ``page``)."""
    last = _without_hanging_mark(page.lines[-1].text)
    for block in outline.blocks:
        text = re.sub(r"\s+", "", block.text)
        at = text.find(last)
        while at >= 0:  # the page's last line may occur more than once in a paragraph
            rest = text[at + len(last) :]
            if rest[:1] in HANGING:
                rest = rest[1:]  # the mark LibreOffice did not draw, or the one that hung
            count = 0
            for line in following.lines:
                drawn = _without_hanging_mark(line.text)
                if not rest or not rest.startswith(drawn):
                    break
                rest = rest[len(drawn) :]
                if rest[:1] in HANGING:
                    rest = rest[1:]
                count += 1
            if count and (not rest or count == len(following.lines)):
                return count
            at = text.find(last, at + 1)
    return 0


def test_every_full_line_holds_28_characters_and_every_full_page_22_lines(rendered: Rendered) -> None:
    spaced = _spaced_in_source(rendered.outline)
    for name, pages in rendered.both():
        checked = 0
        full_pages = 0
        report = _report_pages(pages, rendered)
        for number, page in enumerate(report, start=1):
            lines = page.lines
            grid = [line for line in lines if line.height < 25]
            slots = round((grid[-1].top - lines[0].top) / LINE_PITCH) + 1  # blank lines of the cover count too
            assert slots <= 22, (name, number)
            if number < len(report):
                # A page whose last paragraph goes on overleaf is full: 22 lines, or 21 where widow control sent
                # the paragraph's last two lines over together.
                continued = _continued_lines(rendered.outline, page, report[number])
                if continued:
                    assert slots == 22 or (slots == 21 and continued == 2), (name, number, slots, continued)
                    full_pages += 1
            tops = [line.top for line in lines if line.height < 25]  # the title's larger glyphs sit differently
            for upper, lower in itertools.pairwise(tops):
                steps = (lower - upper) / LINE_PITCH
                assert abs(steps - round(steps)) < 0.1, (name, number, upper, lower)  # every line on the 28.95 pt grid
            for index, line in enumerate(lines):
                indented = abs(line.left - (LEFT + INDENT)) < 1.5
                if not (indented or abs(line.left - LEFT) < 1.5) or line.right < RIGHT - 3 or not _full_width(line.text):
                    continue
                if spaced(line.text):
                    continue
                following = lines[index + 1].text if index + 1 < len(lines) else ""
                assert _full_line_length_ok(line.text, following, indented), (name, number, line.text)
                checked += 1
        assert checked > 40, name
        assert full_pages >= 1, name


def test_the_title_stands_on_the_third_line_below_the_attachment_number(rendered: Rendered) -> None:
    number = rendered.outline.blocks[0].text
    assert re.fullmatch(r"附件\d+", number)
    for name, pages in rendered.both():
        lines = pages[0].lines
        attachment = next(line for line in lines if line.text == number)
        title = next(line for line in lines if line.text == rendered.outline.title)
        # Line 1 and line 3 of the 22-line grid (line 2 stays blank).
        middle = (title.top + title.height / 2) - (attachment.top + attachment.height / 2)
        assert abs(middle - 2 * LINE_PITCH) < 3, (name, middle)


def test_page_numbers_stand_7_mm_below_the_text_block_on_portrait_and_landscape_pages(rendered: Rendered) -> None:
    last = rendered.plan.page_count  # type: ignore[attr-defined]
    for name, pdf in (("LibreOffice", rendered.office), ("程序 PDF", rendered.qt)):
        for page, text_bottom_mm in ((2, 297 - 35), (3, 297 - 35), (last, 210 - 26)):
            below = ink_top_mm(pdf, page, text_bottom_mm)
            assert below is not None and 6.5 <= below <= 7.5, (name, page, below)


def _docx_tables(data: bytes) -> list[list[list[tuple[int, int, str]]]]:
    """Per table, per row: (first column, columns covered, text) of each cell that starts there."""
    import io

    document = docx.Document(io.BytesIO(data))
    tables = []
    for table in document.tables:
        rows = []
        for tr in table._tbl.findall(qn("w:tr")):
            column = 0
            cells = []
            for tc in tr.findall(qn("w:tc")):
                span_element = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
                span = int(span_element.get(qn("w:val"))) if span_element is not None else 1
                merge = tc.tcPr.find(qn("w:vMerge")) if tc.tcPr is not None else None
                text = re.sub(r"\s+", "", "".join(node.text or "" for node in tc.iter(qn("w:t"))))
                continued = merge is not None and merge.get(qn("w:val")) in (None, "continue")
                if text and not continued:
                    cells.append((column, span, text))
                column += span
            rows.append(cells)
        tables.append(rows)
    return tables


def _reading_order(chunks: list) -> list:  # type: ignore[type-arg]
    """Chunks line by line (those within 2 pt of height are one line), left to right."""
    ordered = sorted(chunks, key=lambda item: item.y)
    lines: list[list] = []  # type: ignore[type-arg]
    for chunk in ordered:
        if lines and chunk.y - lines[-1][0].y < 2:
            lines[-1].append(chunk)
        else:
            lines.append([chunk])
    return [chunk for line in lines for chunk in sorted(line, key=lambda item: item.x)]


def test_every_table_cell_of_the_docx_is_in_both_pdfs(rendered: Rendered) -> None:
    """Cell by cell: each column's text, read down the sheet's pages in the PDF, holds that column's cells in order."""
    outline = rendered.outline
    for name, pdf in (("程序 PDF", rendered.qt), ("LibreOffice", rendered.office)):
        chunks = text_chunks(pdf)
        for table, rows, first_page in zip(outline.tables, _docx_tables(rendered.docx), rendered.plan.table_pages, strict=True):  # type: ignore[attr-defined]
            # The table stands centred in the text block.
            left = margins(table.landscape).left * MM + (text_width_pt(table.landscape) - table.width_mm * MM) / 2
            edges = [left]
            for column in table.columns:
                edges.append(edges[-1] + column.width_mm * MM)
            last_page = max(rendered.plan.row_pages[outline.tables.index(table)]) + 1  # type: ignore[attr-defined]
            ordered = [chunk for page in chunks[first_page:last_page] for chunk in _reading_order(page)]
            streams: dict[tuple[int, int], str] = {}
            positions: dict[tuple[int, int], int] = {}
            cells = 0
            for row in rows:
                for first, span, text in row:
                    key = (first, span)
                    if key not in streams:  # the text drawn inside these columns, read line by line
                        low, high = edges[first] - 1, edges[first + span] - 1
                        streams[key] = "".join(chunk.text for chunk in ordered if low <= chunk.x < high)
                    found = streams[key].find(text, positions.get(key, 0))
                    assert found >= 0, f"{name}: {table.title}: cell “{text}” (column {first + 1}) not found in order"
                    positions[key] = found + len(text)
                    cells += 1
            assert cells > 40, (name, table.title)


def test_rows_kept_together_stay_on_one_page_in_both(rendered: Rendered) -> None:
    """合计, 自评等级 and the sign-off rows on one page; a group whose label would not fit in one row never cut."""
    plan = rendered.plan
    score = rendered.outline.tables.index(rendered.outline.table("score_sheet"))
    closing = [index for index, row in enumerate(rendered.outline.table("score_sheet").rows) if row.kind in ("total", "signoff")]
    assert set(closing[:-1]) <= plan.kept_with_next(score)  # type: ignore[attr-defined]
    for table in range(len(rendered.outline.tables)):
        pages = plan.row_pages[table]  # type: ignore[attr-defined]
        assert all(pages[row] == pages[row + 1] for row in plan.kept_with_next(table))  # type: ignore[attr-defined]
    for name, pdf_pages_ in rendered.both():
        page = next(page for page in pdf_pages_ if any(line.text.startswith("填表人：") for line in page.lines))
        assert {"合计", "自评等级"} <= {
            line.text[:4] if line.text.startswith("自评等级") else line.text[:2] for line in page.lines
        }, name
