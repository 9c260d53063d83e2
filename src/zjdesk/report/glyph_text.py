"""Which text belongs to each glyph the report drew: what a PDF's text layer should say.

Qt's PDF writer gives each embedded glyph the FIRST code point of 0..0xFFFF that the font maps to it
(its ``/ToUnicode`` CMap). CJK fonts such as Noto CJK and SimSun give the Kangxi radicals and the CJK
radicals supplement (U+2E80–U+2FDF) the same glyphs as the unified ideographs, and those code points
come first, so a PDF showing 工, 人, 车, 门 says ⼯, ⼈, ⻋, ⻔ when its text is copied or searched.

The Qt renderer reports, per font, the glyphs it drew and the characters they stood for, with the
font's character map; :func:`text_fixes` turns that into the corrections that
:mod:`zjdesk.report.pdf_text` writes into the PDF. Plain Python: the font data comes from the renderer.
"""

from __future__ import annotations

import struct
from collections import Counter
from collections.abc import Iterable, Sequence

# PostScript font name (a PDF font's /BaseFont without subset tag) → {text Qt writes: character drawn}.
TextFixes = dict[str, dict[str, str]]

# The code points Qt's PDF writer scans for a glyph's text, in its order (surrogates map to no glyph).
BMP = "".join(map(chr, [*range(1, 0xD800), *range(0xE000, 0x10000)]))


class FontCodes:
    """One font's character map over :data:`BMP`, and the text Qt's PDF writer gives each of its glyphs."""

    def __init__(self, glyphs: Sequence[int]) -> None:
        if len(glyphs) != len(BMP):
            raise ValueError("one glyph index per code point of BMP is expected")
        self.glyphs = glyphs
        self.written = dict(zip(reversed(glyphs), reversed(BMP), strict=True))  # the first code point wins

    def glyph(self, char: str) -> int | None:
        """The glyph the font maps ``char`` to (0: none); None outside the BMP."""
        code = ord(char)
        if code == 0 or 0xD800 <= code < 0xE000 or code > 0xFFFF:
            return None
        return self.glyphs[code - 1 if code < 0xD800 else code - 0x801]


def text_fixes(drawn: dict[str, tuple[FontCodes, Iterable[tuple[int, str]]]]) -> TextFixes:
    """Per font: the text Qt would write for a glyph → the character the report drew with it.

    ``drawn`` maps a font's PostScript name to its :class:`FontCodes` and the (glyph, character) pairs
    drawn in it (a sequence, or counted in a :class:`~collections.Counter`). A glyph is corrected only
    where the font maps the drawn character to that very glyph (so ligatures and substituted forms are
    left alone); where several characters were drawn with one glyph, the most frequent one wins.
    """
    fixes: TextFixes = {}
    for name, (codes, pairs) in drawn.items():
        most: dict[int, tuple[int, str]] = {}  # glyph → (count, character) of its most frequent character
        for (glyph, char), count in Counter(pairs).items():
            if count > most.get(glyph, (0, ""))[0]:
                most[glyph] = (count, char)
        font_fixes = fixes.setdefault(name, {})
        for glyph, (_count, char) in most.items():
            written = codes.written.get(glyph)
            if glyph and written is not None and written != char and codes.glyph(char) == glyph:
                font_fixes[written] = char
    return fixes


def utf16_units(text: str) -> Sequence[str]:
    """The character at each UTF-16 unit of ``text``: Qt's string indexes count units, and a character
    beyond the BMP (such as a rare name character of CJK extension B) takes two."""
    if not text or max(text) <= "\uffff":
        return text
    return [unit for char in text for unit in ((char,) if char <= "\uffff" else (char, char))]


def postscript_name(name_table: bytes) -> str:
    """The PostScript name (name ID 6) in a font's ``name`` table: the /BaseFont Qt gives the font; "" if absent."""
    if len(name_table) < 6:
        return ""
    count, strings = struct.unpack_from(">2H", name_table, 2)
    for record in range(min(count, (len(name_table) - 6) // 12)):
        platform, _encoding, _language, name_id, length, offset = struct.unpack_from(">6H", name_table, 6 + 12 * record)
        if name_id == 6:
            value = name_table[strings + offset : strings + offset + length]
            return value.decode("utf-16-be" if platform in (0, 3) else "latin-1", errors="replace").strip("\0")
    return ""
