"""The parts of the .docx around the text: the font table, the document properties, leftovers of the template.

python-docx's template carries a Japanese and Latin font table (ＭＳ 明朝, Cambria), docProps from
2013 saying "Microsoft Macintosh Word", a thumbnail of an empty page and a Word 2010 copy of its
styles. Here the font table lists every face the document names, with charset 86, panose and the
``w:altName`` Word and LibreOffice fall back to; the properties give the report's title, the unit as
author, the export time and zjdesk as the application; the thumbnail and the stale style copy go.
"""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape  # xml.sax.saxutils would load urllib.request (the program opens no network connection)

from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from zjdesk.report.page_spec import FONTS

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SIG_GB2312 = {
    "usb0": "00000001",
    "usb1": "080E0000",
    "usb2": "00000010",
    "usb3": "00000000",
    "csb0": "00040000",
    "csb1": "00000000",
}
_SIG_LATIN = {
    "usb0": "E0002EFF",
    "usb1": "C000785B",
    "usb2": "00000009",
    "usb3": "00000000",
    "csb0": "000001FF",
    "csb1": "00000000",
}
_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def _font_entry(name: str) -> str:
    face = next((face for face in FONTS.values() if face.name == name), None)
    if face is None:  # a face the template's remaining styles name (none expected): a plain Latin entry
        alt, panose, charset, family, pitch, sig = "", "02020603050405020304", "00", "roman", "variable", _SIG_LATIN
    else:
        alt, panose, charset, family, pitch, sig = face.alt_name, face.panose, face.charset, face.family, face.pitch, _SIG_GB2312
    signature = " ".join(f'w:{key}="{value}"' for key, value in sig.items())
    alt_element = f'<w:altName w:val="{escape(alt)}"/>' if alt else ""
    return (
        f'<w:font w:name="{escape(name)}">{alt_element}<w:panose1 w:val="{panose}"/><w:charset w:val="{charset}"/>'
        f'<w:family w:val="{family}"/><w:pitch w:val="{pitch}"/><w:sig {signature}/></w:font>'
    )


def named_faces(document: Document) -> list[str]:
    """Every face named in the document's text, styles, headers and footers, in a stable order."""
    names: dict[str, None] = {}
    parts = [document.element, document.styles.element]
    numbering = next((rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.NUMBERING), None)
    if numbering is not None:
        parts.append(numbering.element)
    for section in document.sections:
        for part in (section.header, section.even_page_header, section.footer, section.even_page_footer):
            if not part.is_linked_to_previous or section is document.sections[0]:
                parts.append(part._element)
    for part in parts:
        for fonts in part.iter(qn("w:rFonts")):
            for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
                value = fonts.get(qn(slot))
                if value:
                    names[value] = None
    known = [face.name for face in FONTS.values() if face.name in names]
    return known + sorted(name for name in names if name not in known)


def write_font_table(document: Document) -> None:
    """Replace the template's font table with one entry per face the document names."""
    part = next(rel.target_part for rel in document.part.rels.values() if rel.reltype == RT.FONT_TABLE)
    entries = "".join(_font_entry(name) for name in named_faces(document))
    part._blob = f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="{_W}">{entries}</w:fonts>'.encode()


def _app_xml(application: str, pages: int) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Template></Template><TotalTime>0</TotalTime><Pages>{pages}</Pages>"
        f"<Application>{escape(application)}</Application><DocSecurity>0</DocSecurity>"
        "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
    ).encode()


def application_name() -> str:
    """``zjdesk 0.1.0``: the program that wrote the file."""
    import zjdesk

    return f"zjdesk {zjdesk.__version__}"


def utc(when: datetime) -> datetime:
    """``when`` (local time unless it says otherwise) in UTC without a zone: docProps store UTC ("…Z")."""
    return when.astimezone(UTC).replace(tzinfo=None, microsecond=0)


def set_properties(document: Document, *, title: str, author: str, when: datetime, pages: int = 0) -> None:
    """docProps: title, the unit as author, created and modified at ``when``, zjdesk as the application."""
    when = utc(when)
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.last_modified_by = author
    properties.created = when
    properties.modified = when
    properties.revision = 1
    properties.language = "zh-CN"
    properties.comments = ""
    properties.subject = ""
    properties.keywords = "部门整体支出绩效自评"
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = _app_xml(application_name(), pages)
        elif rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]
    for rel_id, rel in list(document.part.rels.items()):
        if rel.reltype == _STYLES_WITH_EFFECTS:  # Word 2010's copy of the template's styles, with theme fonts
            del document.part.rels[rel_id]
