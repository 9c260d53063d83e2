"""The page and type of the report (GB/T 9704-2012, DESIGN §3): one specification both renderers read.

The .docx writer (:mod:`zjdesk.report.docx_styles`, :mod:`zjdesk.report.docx_writer`) turns it into
Word styles and section properties; the Qt renderer (:mod:`zjdesk.report.qt_text`,
:mod:`zjdesk.report.qt_document`) lays the preview, the printout and the PDF out by it. Nothing about
the page, a font, a size, a line pitch, an indent or a keep rule lives in either renderer. Plain data.

Lengths are in points (pt) unless a name says ``_mm``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MM = 72 / 25.4  # points per millimetre

# --- the page ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210.0, 297.0  # A4
PORTRAIT_MARGINS = Margins(top=37, bottom=35, left=28, right=26)  # the 156 × 225 mm text block
# Landscape pages (the score sheet) turn the portrait margins with the paper, so binding stays on one edge.
LANDSCAPE_MARGINS = Margins(top=28, bottom=26, left=37, right=35)

CHARS_PER_LINE = 28
LINES_PER_PAGE = 22
LINE_PITCH = 28.95  # exact line spacing of body and headings: 22 lines fill the 225 mm block
# 156 mm is 442.2 pt and 28 × 16 pt is 448 pt: every character of the text is set 0.25 pt tighter
# (w:spacing w:val="-5" in the .docx, letter spacing in Qt), so 28 × 15.75 pt = 441 pt fill a line.
CHARACTER_SPACING = -0.25
# Between a Chinese character and a Latin letter or digit beside it, Word and LibreOffice set a little
# extra space (autospace, 1/5 of the size; see autospace()).
AUTOSPACE_EM = 0.2
PAGE_NUMBER_GAP_MM = 7.0  # the dashes of ``— N —`` stand 7 mm below the text block
PAGE_NUMBER_INSET = 14.0  # one 4号 character in from the text block's edge
ORPHAN_LINES = 2  # a paragraph split across pages leaves at least this many lines on each (widow control)
WIDOW_LINES = 2


def autospace(size: float, spacing: float) -> float:
    """The space between a Chinese character and a Latin letter or digit beside it (pt).

    1/5 of the size; where the text is set tighter, the character before the space keeps its full
    width, and LibreOffice rounds the sum up a twip — measured on its rendering of the .docx: 3.5 pt
    for the 3号 body set 0.25 pt tighter, 2.4 pt for the 小4号 table text.
    """
    return AUTOSPACE_EM * size - spacing + (0.05 if spacing else 0.0)


def margins(landscape: bool) -> Margins:
    """The margins of a portrait or a landscape page."""
    return LANDSCAPE_MARGINS if landscape else PORTRAIT_MARGINS


def page_size_mm(landscape: bool) -> tuple[float, float]:
    """(width, height) of a page in millimetres."""
    return (PAGE_HEIGHT_MM, PAGE_WIDTH_MM) if landscape else (PAGE_WIDTH_MM, PAGE_HEIGHT_MM)


def twips(mm: float) -> int:
    """A length in whole twips (1/20 pt), as the .docx stores it."""
    return round(mm * 1440 / 25.4)


def text_width_pt(landscape: bool) -> float:
    """The text block's width as Word and LibreOffice have it: the page less both margins, each in whole twips."""
    width, _ = page_size_mm(landscape)
    edges = margins(landscape)
    return (twips(width) - twips(edges.left) - twips(edges.right)) / 20


def text_block_mm(landscape: bool) -> tuple[float, float]:
    """(width, height) of the text block in millimetres."""
    width, height = page_size_mm(landscape)
    edges = margins(landscape)
    return width - edges.left - edges.right, height - edges.top - edges.bottom


# --- fonts ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FontFace:
    """A face the document names, what Word may use instead, and the chain the Qt renderer tries.

    ``name`` is written into every run and style of the .docx (Latin text included, so Word,
    LibreOffice and Qt set digits in one face and break lines alike); ``alt_name`` is the
    fontTable's ``w:altName`` (the plain Windows face Word takes when ``name`` is missing).
    ``chain``: the GB face, the Windows faces, then faces of Linux distributions; the Qt renderer
    takes the first installed one that can set Simplified Chinese. ``look`` is what a substitute must
    keep (a 黑体 heading stays sans, a 楷体 heading stays Kai).
    """

    key: str
    name: str
    alt_name: str
    chain: tuple[str, ...]
    look: Literal["fangsong", "kai", "sans", "song"]
    panose: str  # w:panose1 of the face on Windows
    family: Literal["modern", "roman", "swiss", "script", "auto"]
    pitch: Literal["fixed", "variable"]
    charset: str = "86"  # GB2312
    synthetic_bold: bool = False  # set bold when the face itself is missing (小标宋 is a heavy face)


FANGSONG = FontFace(
    "fangsong",
    "仿宋_GB2312",
    "仿宋",
    ("仿宋_GB2312", "仿宋", "FangSong", "STFangsong", "华文仿宋", "cwTeXFangSong", "Noto Serif CJK SC", "Source Han Serif SC"),
    "fangsong",
    "02010609030101010101",
    "modern",
    "fixed",
)
KAITI = FontFace(
    "kaiti",
    "楷体_GB2312",
    "楷体",
    ("楷体_GB2312", "楷体", "KaiTi", "STKaiti", "华文楷体", "AR PL UKai CN", "LXGW WenKai", "Noto Serif CJK SC"),
    "kai",
    "02010609030101010101",
    "modern",
    "fixed",
)
HEITI = FontFace(
    "heiti",
    "黑体",
    "SimHei",
    ("黑体", "SimHei", "Microsoft YaHei", "微软雅黑", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei"),
    "sans",
    "02010609060101010101",
    "modern",
    "fixed",
)
XIAOBIAOSONG = FontFace(
    "xiaobiaosong",
    "方正小标宋简体",
    "华文中宋",
    ("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong", "宋体", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC"),
    "song",
    "02000000000000000000",
    "script",
    "variable",
    synthetic_bold=True,
)
SONGTI = FontFace(
    "songti",
    "宋体",
    "SimSun",
    ("宋体", "SimSun", "NSimSun", "Noto Serif CJK SC", "Source Han Serif SC"),
    "song",
    "02010600030101010101",
    "auto",
    "variable",
)
FONTS: dict[str, FontFace] = {face.key: face for face in (FANGSONG, KAITI, HEITI, XIAOBIAOSONG, SONGTI)}
# A few Simplified characters a face must have to set the report (Traditional-only faces lack them).
SIMPLIFIED_PROBE = "这个单位门广州办事处绩效评价报告财务"


# --- the text roles ------------------------------------------------------------------------------

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class TextRole:
    """How the outline's paragraphs of one role are set (a Word paragraph style, a Qt text format)."""

    style: str  # the Word style name
    font: str  # key of FONTS
    size: float  # pt
    bold: bool = False
    indent_chars: int = 0  # first-line indent, in characters of the role's size
    align: Align = "justify"
    line_pitch: float = LINE_PITCH  # exact line spacing
    spacing: float = CHARACTER_SPACING  # added to every character's advance
    keep_with_next: bool = False  # stays on the page of the next paragraph's first lines
    space_after: float = 0.0
    outline_level: int | None = None  # Word's navigation pane level

    @property
    def face(self) -> FontFace:
        return FONTS[self.font]

    @property
    def first_indent(self) -> float:
        return self.indent_chars * self.size


SIZE_2, SIZE_3, SIZE_4, SIZE_SMALL_4 = 22.0, 16.0, 14.0, 12.0  # 2号, 3号, 4号, 小4号
TABLE_LINE_PITCH = 18.0

ROLES: dict[str, TextRole] = {
    "body": TextRole("Normal", "fangsong", SIZE_3, indent_chars=2),
    "list": TextRole("ZJ List", "fangsong", SIZE_3, indent_chars=2),
    # 附件N on the first line, the title on the third (GB/T 9704 7.4): one blank line between.
    "attachment": TextRole("ZJ Attachment", "heiti", SIZE_3, align="left", space_after=LINE_PITCH),
    "title": TextRole("Title", "xiaobiaosong", SIZE_2, align="center", spacing=0.0, space_after=LINE_PITCH),
    "cover": TextRole("ZJ Cover", "fangsong", SIZE_3, align="left"),
    "cover_last": TextRole("ZJ Cover Last", "fangsong", SIZE_3, align="left", space_after=LINE_PITCH),
    "signature": TextRole("ZJ Signature", "fangsong", SIZE_3, align="right"),
    "heading1": TextRole("Heading 1", "heiti", SIZE_3, indent_chars=2, keep_with_next=True, outline_level=0),
    "heading2": TextRole("Heading 2", "kaiti", SIZE_3, indent_chars=2, keep_with_next=True, outline_level=1),
    "heading3": TextRole("Heading 3", "fangsong", SIZE_3, bold=True, indent_chars=2, keep_with_next=True, outline_level=2),
    "heading4": TextRole("Heading 4", "fangsong", SIZE_3, indent_chars=2, keep_with_next=True, outline_level=3),
    "sheet_title": TextRole(
        "ZJ Sheet Title", "xiaobiaosong", 18.0, align="center", line_pitch=32.0, spacing=0.0, keep_with_next=True
    ),
    "caption": TextRole(
        "ZJ Sheet Caption", "fangsong", SIZE_SMALL_4, align="left", line_pitch=24.0, spacing=0.0, keep_with_next=True
    ),
    "note": TextRole("ZJ Sheet Note", "fangsong", SIZE_SMALL_4, align="left", line_pitch=24.0, spacing=0.0),
    "table": TextRole("ZJ Table Text", "fangsong", SIZE_SMALL_4, align="center", line_pitch=TABLE_LINE_PITCH, spacing=0.0),
    "table_header": TextRole("ZJ Table Header", "heiti", SIZE_SMALL_4, align="center", line_pitch=TABLE_LINE_PITCH, spacing=0.0),
    "page_number": TextRole("Footer", "songti", SIZE_4, align="right", line_pitch=SIZE_4 * 1.5, spacing=0.0),
    "draft": TextRole("Header", "heiti", SIZE_3, bold=True, align="right", line_pitch=SIZE_3 * 1.5, spacing=0.0),
}
# A run-on heading (1./（1） with its text in the same paragraph) keeps nothing with the next paragraph.
RUN_IN_BODY_ROLE = "body"


def role(name: str) -> TextRole:
    """The text role called ``name``."""
    return ROLES[name]


# --- tables --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TableSpec:
    """Cell padding, rules and line pitch of the sheets' tables."""

    padding_x_mm: float = 1.0  # left and right, inside each cell
    padding_y: float = 0.0  # top and bottom (pt)
    border: float = 0.75  # pt: each row is as tall as its lines plus one rule
    header_shade: str = "F2F2F2"


TABLE = TableSpec()


def row_height(lines: int, pitch: float = TABLE_LINE_PITCH) -> float:
    """The height of a table row whose tallest cell holds ``lines`` lines (as Word and LibreOffice lay it out)."""
    return max(1, lines) * pitch + 2 * TABLE.padding_y + TABLE.border


def lines_needed(lines: int) -> int:
    """How many lines of a paragraph of ``lines`` lines must stand on a page it starts on.

    With widow control a paragraph of up to three lines cannot be split (2 + 1 leaves a widow,
    1 + 2 an orphan); a longer one needs its first two lines.
    """
    return lines if lines <= ORPHAN_LINES + WIDOW_LINES - 1 else ORPHAN_LINES
