"""Real renderers: LibreOffice turns the .docx into a PDF, Qt writes its own; both must embed CJK fonts.

LibreOffice is slow on a shared machine, so this module converts exactly one document.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from zjdesk.demo import demo_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for

# These tests lay the report out with Qt: the program's QApplication must exist first.
pytestmark = pytest.mark.usefixtures("qt_application")

FONTS_CONF = Path(__file__).parents[1] / "data" / "fonts.conf"


def _pdffonts(pdf: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) for every font of a PDF, from poppler's pdffonts."""
    output = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    fonts = []
    for line in output.splitlines()[2:]:
        fields = line.split()
        # name type... encoding emb sub uni id gen: emb is the fifth field from the end.
        fonts.append((fields[0], fields[-5] == "yes"))
    return fonts


def _pages(pdf: Path) -> list[tuple[float, float]]:
    output = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", output)]


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout


def _cjk_embedded(fonts: list[tuple[str, bool]]) -> list[str]:
    return [name for name, embedded in fonts if embedded and re.search(r"CJK|Han|Song|Hei|Kai|Fang", name, re.I)]


def test_libreoffice_renders_the_docx_with_cjk_fonts_embedded(tmp_path: Path) -> None:
    office = shutil.which("libreoffice") or shutil.which("soffice")
    assert office, "LibreOffice (libreoffice-writer-nogui) is needed for this test"
    source = tmp_path / "report.docx"
    source.write_bytes(render_docx(outline_for(demo_year())))
    environment = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    subprocess.run(
        [
            office,
            f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        env=environment,
        timeout=240,
    )
    pdf = tmp_path / "report.pdf"
    pages = _pages(pdf)
    assert 10 <= len(pages) <= 25
    assert pages[0][0] < pages[0][1] and pages[-1][0] > pages[-1][1]  # portrait report, landscape score sheet
    assert _cjk_embedded(_pdffonts(pdf))
    assert all(embedded for _, embedded in _pdffonts(pdf))
    first = _page_text(pdf, 1)
    assert "部门整体支出绩效自评报告" in first and re.search(r"—\s*1\s*—", first)
    assert re.search(r"—\s*2\s*—", _page_text(pdf, 2))


@pytest.fixture(scope="module")
def qt_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from zjdesk.report.qt_document import pdf_bytes

    path = tmp_path_factory.mktemp("qt") / "report.pdf"
    path.write_bytes(pdf_bytes(outline_for(demo_year(), draft=True)))
    return path


def test_qt_pdf_embeds_cjk_fonts_and_turns_the_score_sheet(qt_pdf: Path) -> None:
    fonts = _pdffonts(qt_pdf)
    assert _cjk_embedded(fonts)
    assert all(embedded for _, embedded in fonts)
    pages = _pages(qt_pdf)
    assert 10 <= len(pages) <= 25
    assert pages[0] == pytest.approx((595.3, 841.9), abs=1)
    assert pages[-1] == pytest.approx((841.9, 595.3), abs=1)


def test_qt_pdf_numbers_every_page_and_marks_the_draft(qt_pdf: Path) -> None:
    for page in range(1, len(_pages(qt_pdf)) + 1):
        text = _page_text(qt_pdf, page)
        assert re.search(rf"—\s*{page}\s*—", text), page
        assert "草稿" in text, page


def test_qt_preview_pages_are_images_with_ink() -> None:
    from zjdesk.report.qt_document import preview_document

    document = preview_document(outline_for(demo_year()))
    image = document.page_image(0, 48)
    assert (image.width(), image.height()) == (397, 561)
    dark = sum(1 for y in range(0, image.height(), 3) for x in range(0, image.width(), 3) if image.pixelColor(x, y).value() < 128)
    assert dark > 100  # text was painted
    last = document.page_image(document.page_count - 1, 48)
    assert last.width() > last.height()


def test_printing_through_a_qprinter_gives_the_preview_pages(tmp_path: Path) -> None:
    """A printer cannot change paper mid-job: every sheet is A4 portrait and the landscape score sheet
    is turned with its top towards the binding edge (left), its page number where portrait pages have it."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtGui import QImage, QTransform
    from PySide6.QtPrintSupport import QPrinter

    from zjdesk.report.qt_document import ensure_gui_application, preview_document, print_outline

    ensure_gui_application()
    outline = outline_for(demo_year())
    preview = preview_document(outline)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    warnings: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, message: warnings.append(message))
    try:
        print_outline(outline, printer)
    finally:
        qInstallMessageHandler(previous)
    assert warnings == []
    pages = _pages(tmp_path / "printed.pdf")
    assert len(pages) == preview.page_count
    assert all(width < height for width, height in pages)

    last = next(index for index, page in enumerate(preview.pages, start=1) if page.landscape)  # the score sheet's first page
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "24",
            "-f",
            str(last),
            "-l",
            str(last),
            "-png",
            "-singlefile",
            str(tmp_path / "printed.pdf"),
            str(tmp_path / "sheet"),
        ],
        check=True,
    )
    printed = QImage(str(tmp_path / "sheet.png"))
    expected = preview.page_image(last - 1, 24).transformed(QTransform().rotate(-90))

    def ink(image: QImage, x: int, y: int) -> bool:
        return image.pixelColor(x, y).value() < 160

    width, height = min(printed.width(), expected.width()), min(printed.height(), expected.height())
    # the table's ink lies where the turned preview page has it (ignoring the page number's corner)
    cells = [(x, y) for y in range(height - 40) for x in range(width) if ink(expected, x, y)]
    assert len(cells) > 200
    agreement = sum(ink(printed, x, y) or ink(printed, min(x + 1, width - 1), y) for x, y in cells) / len(cells)
    assert agreement > 0.8
