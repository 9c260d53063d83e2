"""The text layer of the PDFs Qt writes: what pdftotext (copying, searching, 预决算公开) gets is the report's text.

Qt gives CJK glyphs the code points of Kangxi and supplement radicals (⼯ for 工, ⻔ for 门) in the
fonts' /ToUnicode CMaps; zjdesk rewrites those CMaps with the characters it drew.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from zjdesk.demo import demo_year
from zjdesk.report.engine import outline_for
from zjdesk.report.glyph_text import BMP, FontCodes, postscript_name, text_fixes, utf16_units
from zjdesk.report.outline import Heading, Outline, Paragraph
from zjdesk.report.pdf_text import repair_cmap, repair_text_layer, text_layer_characters

# These tests lay the report out with Qt: the program's QApplication must exist first.
pytestmark = pytest.mark.usefixtures("qt_application")

RADICALS = re.compile("[\u2e80-\u2fdf]")
PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$", re.M)

# Straight from the seed report (its 绩效目标 lines, the evaluation team, words that were extracted wrongly).
SEED_RUNS = [
    "目标1：做好经广州中转的市政考察团、拜访团、慰问团及市领导在珠三角活动等政务服务工作；",
    "目标2：做好借道广州进京和到省集体劝返的信访维稳工作；",
    "目标3：大力宣传推介湛江，开展招商引资；",
    "目标4：做好国有资产出租管理及维护工作。",
    "经研究，决定成立绩效评价工作小组，组成人员如下：",
    "杨念平、李敖松、宋秋红、谢亚富、陈波、蔡融臻、王斌、李烈、陈昌腾",
    "评价单位（公章）：湛江市人民政府驻广州办事处",
    "部门整体支出绩效自评报告",
]


def _extracted(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def _flat(text: str) -> str:
    """The text without page numbers and whitespace (pdftotext breaks lines and spaces out justified ones)."""
    return re.sub(r"\s+", "", PAGE_NUMBER.sub("", text))


def _pages(pdf: Path) -> list[tuple[str, str]]:
    output = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(pdf)], check=True, capture_output=True, text=True).stdout
    return re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", output)


def _fonts_embedded(pdf: Path) -> list[bool]:
    output = subprocess.run(["pdffonts", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [line.split()[-5] == "yes" for line in output.splitlines()[2:]]


def _assert_real_text(pdf: Path, outline: Outline) -> None:
    text = _extracted(pdf)
    assert not RADICALS.findall(text), sorted(set(RADICALS.findall(text)))
    flat = _flat(text)
    for run in SEED_RUNS:
        assert run in flat, run
    for word in ("工作", "人员", "部门", "车辆", "组长"):
        assert word in flat, word
    # Every heading and paragraph of the report, verbatim.
    for block in outline.blocks:
        if isinstance(block, Heading | Paragraph):
            assert re.sub(r"\s+", "", block.text) in flat, block.text


@pytest.fixture(scope="module")
def outline() -> Outline:
    return outline_for(demo_year())


@pytest.fixture(scope="module")
def exported(outline: Outline, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from zjdesk.report.qt_document import pdf_bytes

    path = tmp_path_factory.mktemp("pdf") / "report.pdf"
    path.write_bytes(pdf_bytes(outline))
    return path


def test_exported_pdf_says_what_it_shows(exported: Path, outline: Outline) -> None:
    _assert_real_text(exported, outline)


def test_repair_keeps_pages_fonts_and_pictures(exported: Path, outline: Outline, tmp_path: Path) -> None:
    from zjdesk.report.qt_document import ReportDocument

    document = ReportDocument(outline)
    raw = tmp_path / "qt.pdf"
    raw.write_bytes(_qt_only_pdf(document))
    assert _pages(raw) == _pages(exported)
    assert len(_fonts_embedded(exported)) == len(_fonts_embedded(raw)) >= 2 and all(_fonts_embedded(exported))
    for page in (1, len(_pages(exported))):
        images = []
        for pdf in (raw, exported):
            subprocess.run(
                [
                    "pdftoppm",
                    "-r",
                    "30",
                    "-f",
                    str(page),
                    "-l",
                    str(page),
                    "-png",
                    "-singlefile",
                    str(pdf),
                    str(tmp_path / pdf.stem),
                ],
                check=True,
            )
            images.append((tmp_path / f"{pdf.stem}.png").read_bytes())
        assert images[0] == images[1], page


def test_without_the_repair_the_text_has_radicals(outline: Outline, exported: Path, tmp_path: Path) -> None:
    """What the repair is for: Qt's own PDF of the demo says ⼯ and ⼈ where the page shows 工 and 人."""
    from zjdesk.report.qt_document import ReportDocument

    raw = tmp_path / "qt.pdf"
    raw.write_bytes(_qt_only_pdf(ReportDocument(outline)))
    found = set(RADICALS.findall(_extracted(raw)))
    assert {"\u2f2f", "\u2f08"} <= found  # ⼯ ⼈
    # Only faces without radical duplicates (the 楷体 headings' AR PL UKai) give 工作 in Qt's own PDF.
    assert _flat(_extracted(raw)).count("工作") < _flat(_extracted(exported)).count("工作")
    assert {"\u2f2f", "\u2f08"} <= text_layer_characters(raw.read_bytes())
    repaired = text_layer_characters(repair_text_layer(raw.read_bytes(), ReportDocument(outline).text_fixes()))
    assert not {char for char in repaired if RADICALS.match(char)} and {"工", "人", "门"} <= repaired


def _qt_only_pdf(document) -> bytes:
    """The PDF exactly as Qt writes it, without zjdesk's repair."""
    from zjdesk.report import qt_document

    original = qt_document.ReportDocument.text_fixes
    qt_document.ReportDocument.text_fixes = lambda _self: {}
    try:
        return document.pdf_bytes()
    finally:
        qt_document.ReportDocument.text_fixes = original


def test_pdf_printed_through_a_qprinter_says_what_it_shows(outline: Outline, tmp_path: Path) -> None:
    """The program's print-to-PDF path (a QPrinter with PdfFormat, as ExportController.print_to_pdf sets up)."""
    from PySide6.QtPrintSupport import QPrinter

    from zjdesk.report.qt_document import ensure_gui_application, print_outline

    ensure_gui_application()
    target = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    print_outline(outline, printer)
    assert all(_fonts_embedded(target))
    _assert_real_text(target, outline)


def test_draft_mark_and_page_numbers_keep_their_text(tmp_path: Path) -> None:
    from zjdesk.report.qt_document import pdf_bytes

    path = tmp_path / "draft.pdf"
    path.write_bytes(pdf_bytes(outline_for(demo_year(), draft=True)))
    text = _extracted(path)
    assert not RADICALS.findall(text)
    assert "草稿（未经审定，不得报送）" in text
    assert re.search(r"—\s*3\s*—", text)


# --- the parts, on made-up data ----------------------------------------------------------------


def _codes(mapping: dict[str, int]) -> FontCodes:
    """A font mapping the given characters to glyphs, everything else to glyph 0."""
    return FontCodes([mapping.get(char, 0) for char in BMP])


def test_text_fixes_map_the_written_radical_to_the_drawn_ideograph() -> None:
    font = _codes({"\u2f2f": 7, "工": 7, "\u2ed4": 9, "门": 9, "作": 8, "f": 3, "i": 4, "\u2f08": 5, "人": 5})
    drawn = [(7, "工"), (9, "门"), (8, "作"), (7, "工"), (12, "f"), (5, "\u2f08"), (5, "人"), (5, "人")]
    fixes = text_fixes({"Font-Regular": (font, drawn)})
    # 作 is written right; glyph 12 (a ligature, not the font's glyph for f) is left alone;
    # glyph 5 drew 人 twice and ⼈ once: 人 wins.
    assert fixes == {"Font-Regular": {"\u2f2f": "工", "\u2ed4": "门", "\u2f08": "人"}}


def test_utf16_units_follow_qt_string_indexes() -> None:
    assert utf16_units("工作") == "工作"
    assert list(utf16_units("李\U0002a6a5门")) == ["李", "\U0002a6a5", "\U0002a6a5", "门"]


def test_postscript_name_is_read_from_the_name_table() -> None:
    name = "NotoSerifCJKsc-Regular".encode("utf-16-be")
    table = (
        b"\0\0\0\2\0\x1e"
        + b"\0\1\0\0\0\0\0\4\0\4\0\0"
        + b"\0\3\0\1\4\x09\0\6"
        + len(name).to_bytes(2, "big")
        + b"\0\4"
        + b"Noto"
        + name
    )
    assert postscript_name(table) == "NotoSerifCJKsc-Regular"
    assert postscript_name(b"") == ""


CMAP = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
2 beginbfrange
<0000> <0000> <0000>
<0001> <0003> [<2F2F> <4F5C> <2ED4>]
endbfrange
1 beginbfchar
<0004> <2F08>
endbfchar
1 beginbfrange
<0005> <0006> <0041>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def test_repair_cmap_rewrites_only_the_wrong_destinations() -> None:
    repaired = repair_cmap(CMAP, {"\u2f2f": "工", "\u2ed4": "门", "\u2f08": "人"})
    assert repaired is not None
    assert repaired.startswith(CMAP[: CMAP.index(b"2 beginbfrange")])
    assert repaired.endswith(b"endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
    assert b"1 beginbfrange\n<0000> <0006> [<0000> <5DE5> <4F5C> <95E8> <4EBA> <0041> <0042>]\nendbfrange\n" in repaired
    assert repair_cmap(CMAP, {"\u2f00": "一"}) is None  # nothing to change


def test_repair_text_layer_leaves_a_pdf_alone_when_nothing_applies(exported: Path) -> None:
    data = exported.read_bytes()
    assert repair_text_layer(data, {}) is data
    assert repair_text_layer(data, {"NoSuchFont": {"\u2f2f": "工"}}) is data  # already repaired: no ⼯ left to change


def test_a_pdf_file_that_cannot_be_read_back_is_a_user_error(tmp_path: Path) -> None:
    from zjdesk.domain.errors import UserError
    from zjdesk.report.pdf_text import repair_pdf_file

    with pytest.raises(UserError, match=r"missing\.pdf"):
        repair_pdf_file(tmp_path / "missing.pdf", {"Font": {"\u2f2f": "工"}})
