"""The GB/T 9704-2012 styles of the .docx report, and the low-level XML python-docx has no API for.

Every style and every run names its East-Asian font in ``w:rFonts/@w:eastAsia`` and no theme font
is left to override it (DESIGN §3): otherwise Word falls back to the template's Japanese theme
font. The document language is zh-CN.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

LATIN_FONT = "Times New Roman"
FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"

SIZE_2 = Pt(22)  # 2号
SIZE_3 = Pt(16)  # 3号
SIZE_4 = Pt(14)  # 4号
SIZE_SMALL_4 = Pt(12)  # 小4号
LINE_PITCH = Pt(28.95)  # 22 lines in the 225 mm text block
TABLE_LINE_PITCH = Pt(18)
INDENT_2_CHARS = Pt(32)  # two 3号 characters

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


@dataclass(frozen=True)
class StyleSpec:
    """A paragraph style of the report."""

    name: str
    font: str
    size: Pt
    bold: bool = False
    indent: bool = True
    align: str = "justify"
    line_pitch: Pt | None = LINE_PITCH
    keep_with_next: bool = False
    outline_level: int | None = None


BODY = StyleSpec("Normal", FANGSONG, SIZE_3)
STYLES: dict[str, StyleSpec] = {
    "body": BODY,
    "list": BODY,
    "title": StyleSpec("Title", XIAOBIAOSONG, SIZE_2, indent=False, align="center", line_pitch=Pt(36)),
    "attachment": StyleSpec("ZJ Attachment", HEITI, SIZE_3, indent=False, align="left"),
    "cover": StyleSpec("ZJ Cover", FANGSONG, SIZE_3, indent=False, align="left"),
    "signature": StyleSpec("ZJ Signature", FANGSONG, SIZE_3, indent=False, align="right"),
    "heading1": StyleSpec("Heading 1", HEITI, SIZE_3, keep_with_next=True, outline_level=0),
    "heading2": StyleSpec("Heading 2", KAITI, SIZE_3, keep_with_next=True, outline_level=1),
    "heading3": StyleSpec("Heading 3", FANGSONG, SIZE_3, bold=True, keep_with_next=True, outline_level=2),
    "heading4": StyleSpec("Heading 4", FANGSONG, SIZE_3, keep_with_next=True, outline_level=3),
    "sheet_title": StyleSpec("ZJ Sheet Title", XIAOBIAOSONG, Pt(18), indent=False, align="center", line_pitch=Pt(32)),
    "sheet_caption": StyleSpec("ZJ Sheet Caption", FANGSONG, SIZE_SMALL_4, indent=False, align="left", line_pitch=Pt(24)),
    "table": StyleSpec("ZJ Table Text", FANGSONG, SIZE_SMALL_4, indent=False, align="center", line_pitch=TABLE_LINE_PITCH),
    "table_header": StyleSpec("ZJ Table Header", HEITI, SIZE_SMALL_4, indent=False, align="center", line_pitch=TABLE_LINE_PITCH),
    "footer": StyleSpec("Footer", SONGTI, SIZE_4, indent=False, align="right", line_pitch=None),
    "header": StyleSpec("Header", HEITI, SIZE_3, indent=False, align="right", line_pitch=None),
}

_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 3}


def set_run_fonts(r_pr_parent: object, east_asia: str, latin: str = LATIN_FONT) -> None:
    """Name the fonts of a run or style (``rPr``): Latin, and East-Asian in ``w:eastAsia``; drop theme fonts."""
    r_pr = r_pr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    fonts.set(qn("w:cs"), latin)


def _strip_theme_fonts(document: Document) -> None:
    """Remove every theme-font attribute left in the template's styles; name the fonts instead.

    The template's other styles (Heading 5–9, Quote, …) would otherwise keep theme fonts, and a
    user applying one in Word would get the Japanese theme font.
    """
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        had_theme = any(fonts.get(qn(attribute)) is not None for attribute in _THEME_ATTRIBUTES)
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        if had_theme or fonts.get(qn("w:eastAsia")) is None:
            for attribute, font in (("w:ascii", LATIN_FONT), ("w:hAnsi", LATIN_FONT), ("w:eastAsia", FANGSONG)):
                if fonts.get(qn(attribute)) is None:
                    fonts.set(qn(attribute), font)


def _set_language(document: Document) -> None:
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    fonts.set(qn("w:ascii"), LATIN_FONT)
    fonts.set(qn("w:hAnsi"), LATIN_FONT)
    fonts.set(qn("w:eastAsia"), FANGSONG)
    fonts.set(qn("w:cs"), LATIN_FONT)
    language = defaults.find(qn("w:lang"))
    language.set(qn("w:val"), "en-US")
    language.set(qn("w:eastAsia"), "zh-CN")
    language.attrib.pop(qn("w:bidi"), None)
    settings = document.settings.element
    theme_language = settings.find(qn("w:themeFontLang"))
    if theme_language is None:
        theme_language = OxmlElement("w:themeFontLang")
        settings.append(theme_language)
    theme_language.set(qn("w:val"), "en-US")
    theme_language.set(qn("w:eastAsia"), "zh-CN")
    paragraph_defaults = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = paragraph_defaults.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")


def _apply(document: Document, spec: StyleSpec) -> ParagraphStyle:
    try:
        style = document.styles[spec.name]
    except KeyError:
        style = document.styles.add_style(spec.name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
    style.hidden = False
    style.quick_style = True
    font = style.font
    font.size = spec.size
    font.bold = spec.bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    set_run_fonts(style.element, spec.font, SONGTI if spec.font == SONGTI else LATIN_FONT)
    paragraph = style.paragraph_format
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    paragraph.alignment = _ALIGN[spec.align]
    if spec.line_pitch is not None:
        paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        paragraph.line_spacing = spec.line_pitch
    else:
        paragraph.line_spacing_rule = WD_LINE_SPACING.SINGLE
    paragraph.left_indent = Pt(0)
    paragraph.first_line_indent = INDENT_2_CHARS if spec.indent else Pt(0)
    paragraph.keep_with_next = spec.keep_with_next
    # The template's headings keep their lines together; a run-on heading paragraph must be free to split.
    paragraph.keep_together = False
    paragraph.widow_control = True
    p_pr = style.element.get_or_add_pPr()
    if spec.indent:
        # firstLineChars keeps the indent at two characters whatever font size Word substitutes.
        p_pr.get_or_add_ind().set(qn("w:firstLineChars"), "200")
    if spec.outline_level is not None:
        level = p_pr.find(qn("w:outlineLvl"))
        if level is None:
            level = OxmlElement("w:outlineLvl")
            p_pr.append(level)
        level.set(qn("w:val"), str(spec.outline_level))
    # Styles of the template draw borders/colours on headings and titles; none belong in an official document.
    for unwanted in ("w:pBdr", "w:numPr"):
        for element in p_pr.findall(qn(unwanted)):
            p_pr.remove(element)
    return style


def install_styles(document: Document) -> None:
    """Set up the document's styles, language and defaults for the report."""
    _strip_theme_fonts(document)
    _set_language(document)
    for spec in STYLES.values():
        _apply(document, spec)
    _strip_theme_fonts(document)


def style_name(role: str) -> str:
    """The Word style name of an outline role (``body``, ``heading2``, ``table`` …)."""
    return STYLES[role].name


def font_of(role: str) -> str:
    """The East-Asian font of an outline role."""
    return STYLES[role].font
