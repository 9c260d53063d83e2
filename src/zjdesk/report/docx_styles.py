"""The report's Word styles, made from :mod:`zjdesk.report.page_spec`, and the XML python-docx has no API for.

Every style and every run names its face in all four ``w:rFonts`` slots (digits and Latin letters
in the same face as the Chinese around them, so Word, LibreOffice and the program's own renderer
measure a line alike) and no theme font is left to override it (DESIGN §3): otherwise Word falls
back to the template's Japanese theme font. Every character is set 0.25 pt tighter than its size
(``w:spacing w:val="-5"``) so 28 fill a line; no paragraph snaps to the document grid and no
punctuation is compressed, so the lines break where the preview's do. Word and LibreOffice add a
little space between Chinese characters and Latin letters or digits (autoSpaceDE/autoSpaceDN, on by
default); the Qt renderer adds the same. The document language is zh-CN.
"""

from __future__ import annotations

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import ParagraphStyle

from zjdesk.report.page_spec import FANGSONG, FONTS, ROLES, TextRole

_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
_ALIGN = {"left": 0, "center": 1, "right": 2, "justify": 3}
# The paragraph properties set here, in the order the schema wants them inside w:pPr.
_PPR_ORDER = (
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_RPR_ORDER = (
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


def set_child(parent: BaseOxmlElement, tag: str, order: tuple[str, ...], **attributes: str) -> BaseOxmlElement:
    """Set (or add, in schema order) the child ``tag`` of ``parent`` with ``attributes``."""
    element = parent.find(qn(tag))
    if element is None:
        element = OxmlElement(tag)
        position = order.index(tag)
        later = {qn(name) for name in order[position + 1 :]}
        for index, child in enumerate(parent):
            if child.tag in later:
                parent.insert(index, element)
                break
        else:
            parent.append(element)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element  # type: ignore[no-any-return]  # lxml's find() is typed Any


def set_run_fonts(r_pr_parent: object, face: str) -> None:
    """Name ``face`` in every slot of a run's or style's ``w:rFonts``; drop theme fonts."""
    r_pr = r_pr_parent.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = r_pr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        r_pr.insert(0, fonts)
    for attribute in _THEME_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), face)


def _strip_theme_fonts(document: Document) -> None:
    """Remove every theme-font attribute left in the template's styles; name the body face instead.

    The template's other styles (Heading 5–9, Quote, …) would otherwise keep theme fonts, and a
    user applying one in Word would get the Japanese theme font.
    """
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        had_theme = any(fonts.get(qn(attribute)) is not None for attribute in _THEME_ATTRIBUTES)
        for attribute in _THEME_ATTRIBUTES:
            fonts.attrib.pop(qn(attribute), None)
        if had_theme or fonts.get(qn("w:eastAsia")) is None:
            for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                if fonts.get(qn(attribute)) is None or had_theme:
                    fonts.set(qn(attribute), FANGSONG.name)


def _set_defaults(document: Document) -> None:
    """Document defaults: the body face and size, zh-CN, no space after paragraphs, Word's punctuation rules."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), FANGSONG.name)
    body = ROLES["body"]
    for tag in ("w:sz", "w:szCs"):
        set_child(defaults, tag, _RPR_ORDER, val=str(round(body.size * 2)))
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
    # Full-width punctuation keeps its full width (Word would otherwise squeeze it and fit more on a line).
    control = settings.find(qn("w:characterSpacingControl"))
    if control is None:
        control = OxmlElement("w:characterSpacingControl")
        compat = settings.find(qn("w:compat"))
        if compat is not None:
            compat.addprevious(control)
        else:
            settings.append(control)
    control.set(qn("w:val"), "doNotCompress")
    paragraph_defaults = styles.find(qn("w:docDefaults")).find(qn("w:pPrDefault")).find(qn("w:pPr"))
    spacing = paragraph_defaults.find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")


def _apply(document: Document, spec: TextRole) -> ParagraphStyle:
    try:
        style = document.styles[spec.style]
    except KeyError:
        style = document.styles.add_style(spec.style, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
    style.hidden = False
    style.quick_style = True
    font = style.font
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.italic = False
    font.color.rgb = RGBColor(0, 0, 0)
    set_run_fonts(style.element, spec.face.name)
    r_pr = style.element.get_or_add_rPr()
    set_child(r_pr, "w:spacing", _RPR_ORDER, val=str(round(spec.spacing * 20)))
    set_child(r_pr, "w:kern", _RPR_ORDER, val="0")
    paragraph = style.paragraph_format
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(spec.space_after)
    paragraph.alignment = _ALIGN[spec.align]
    paragraph.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    paragraph.line_spacing = Pt(spec.line_pitch)
    paragraph.left_indent = Pt(0)
    paragraph.right_indent = Pt(0)
    paragraph.first_line_indent = Pt(spec.first_indent)
    paragraph.keep_with_next = spec.keep_with_next
    # The template's headings keep their lines together; a run-on heading paragraph must be free to split.
    paragraph.keep_together = False
    paragraph.widow_control = True
    p_pr = style.element.get_or_add_pPr()
    if spec.indent_chars:
        # firstLineChars keeps the indent at two characters whatever size Word substitutes.
        p_pr.get_or_add_ind().set(qn("w:firstLineChars"), str(spec.indent_chars * 100))
    else:
        ind = p_pr.find(qn("w:ind"))
        if ind is not None:
            ind.set(qn("w:firstLineChars"), "0")
    for tag in ("w:adjustRightInd", "w:snapToGrid"):
        set_child(p_pr, tag, _PPR_ORDER, val="0")
    # 避头尾 and hanging punctuation (w:kinsoku, w:overflowPunct) are on by default in Word; LibreOffice turns
    # hanging punctuation off when w:overflowPunct is written out, even as "1", so neither is written.
    if spec.outline_level is not None:
        set_child(p_pr, "w:outlineLvl", _PPR_ORDER, val=str(spec.outline_level))
    # Styles of the template draw borders/colours on headings and titles; none belong in an official document.
    for unwanted in ("w:pBdr", "w:numPr"):
        for element in p_pr.findall(qn(unwanted)):
            p_pr.remove(element)
    assert isinstance(style, ParagraphStyle)
    return style


def install_styles(document: Document) -> None:
    """Set up the document's styles, language and defaults for the report."""
    _strip_theme_fonts(document)
    _set_defaults(document)
    for spec in ROLES.values():
        _apply(document, spec)
    _strip_theme_fonts(document)


def style_name(role_name: str) -> str:
    """The Word style name of an outline role (``body``, ``heading2``, ``table`` …)."""
    return ROLES[role_name].style


def font_of(role_name: str) -> str:
    """The face an outline role names."""
    return ROLES[role_name].face.name


def all_faces() -> tuple[str, ...]:
    """Every face the report's styles name."""
    return tuple(face.name for face in FONTS.values())
