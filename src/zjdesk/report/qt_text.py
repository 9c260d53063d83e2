"""Text for the Qt renderer: the fonts of :mod:`zjdesk.report.page_spec`, their metrics, lines and glyphs.

A paragraph is measured character by character in its role's font (with the fallback chain and the
spec's letter spacing), broken into lines by :mod:`zjdesk.domain.linebreak` (the rules Word and
LibreOffice follow) and drawn line by line as glyph runs, justified without spacing out numbers.
Measuring is linear in the text, and a line's glyphs exist only while it is painted, so a 10 MB
paragraph lays out in time proportional to its length and in little memory.

Lengths are layout units of 1/720 inch (0.1 pt); painting scales them to the device.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QFont, QFontDatabase, QFontMetricsF, QPainter, QRawFont, QTextCharFormat, QTextLayout

from zjdesk.domain.linebreak import Line, autospace_after, break_lines, line_offsets
from zjdesk.report.glyph_text import BMP, FontCodes, postscript_name, utf16_units
from zjdesk.report.page_spec import FONTS, ROLES, SIMPLIFIED_PROBE, FontFace, autospace

UNITS_PER_INCH = 720  # layout unit: 0.1 pt
PT = UNITS_PER_INCH / 72
MM = UNITS_PER_INCH / 25.4
TWIPS_PER_UNIT = 1440 / UNITS_PER_INCH

# --- faces ---------------------------------------------------------------------------------------


@cache
def _covers_simplified(family: str) -> bool:
    raw = QRawFont.fromFont(QFont(family))
    return raw.isValid() and all(raw.supportsCharacter(ord(char)) for char in SIMPLIFIED_PROBE)


@cache
def families(font_key: str) -> tuple[str, ...]:
    """The families a face is set in: the first installed face of its chain that sets Simplified Chinese, then
    the other installed ones (for characters it lacks). A Traditional-only face (cwTeX) would mix two looks
    in one line, so it only ever fills in."""
    chain = FONTS[font_key].chain
    installed = [family for family in chain if QFontDatabase.hasFamily(family)]
    complete = [family for family in installed if _covers_simplified(family)]
    ordered = complete + [family for family in installed if family not in complete]
    return tuple(ordered) or chain


def face_used(font_key: str) -> str:
    """The family the report's text of ``font_key`` is set in on this computer."""
    return families(font_key)[0]


def font_substitutions() -> list[tuple[str, str]]:
    """(face the document names, face used instead) for every named face that is not installed here."""
    result = []
    for key in dict.fromkeys(role.font for role in ROLES.values()):
        face: FontFace = FONTS[key]
        used = face_used(key)
        if used != face.name:
            result.append((face.name, used))
    return result


@cache
def font_for(role_name: str, bold: bool = False) -> QFont:
    """The QFont of a text role (its size in layout units, the spec's letter spacing, no kerning, no hinting)."""
    spec = ROLES[role_name]
    font = QFont()
    font.setFamilies(list(families(spec.font)))
    font.setPixelSize(round(spec.size * PT))
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setKerning(False)
    if spec.spacing:
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, spec.spacing * PT)
    missing = spec.face.synthetic_bold and face_used(spec.font) != spec.face.name
    font.setBold(bold or spec.bold or missing)
    return font


class _Advances:
    """Per font: the advance of each character met so far (letter spacing included)."""

    def __init__(self) -> None:
        self._tables: dict[tuple[str, bool], tuple[QFontMetricsF, dict[str, float]]] = {}

    def of(self, text: str, runs: Sequence[tuple[int, str, bool]]) -> list[float]:
        """The advance of each character of ``text`` set in ``runs``, without autospace."""
        advances: list[float] = []
        bounds = [start for start, _, _ in runs[1:]] + [len(text)]
        for (start, role_name, bold), end in zip(runs, bounds, strict=True):
            key = (role_name, bold)
            if key not in self._tables:
                self._tables[key] = (QFontMetricsF(font_for(role_name, bold)), {})
            metrics, table = self._tables[key]
            for char in text[start:end]:
                advance = table.get(char)
                if advance is None:
                    # Whole twips (1/20 pt), as Word and LibreOffice measure text: rounding decides full lines.
                    advance = table[char] = round(metrics.horizontalAdvance(char) * TWIPS_PER_UNIT) / TWIPS_PER_UNIT
                advances.append(advance)
        return advances


_ADVANCES = _Advances()


def _autospace(text: str, runs: Runs) -> dict[int, float]:
    """Character index → the space set after it (a Chinese character next to a Latin letter or digit)."""
    gaps: dict[int, float] = {}
    if text.isascii():
        return gaps
    for index in autospace_after(text):
        spec = ROLES[_run_at(runs, index)[0]]
        gaps[index] = autospace(spec.size, spec.spacing) * PT
    return gaps


# --- laid-out text -------------------------------------------------------------------------------

Runs = tuple[tuple[int, str, bool], ...]  # (first character, role, bold) — one entry per change of format


@dataclass
class TextBlock:
    """A paragraph (or a table cell) broken into lines; drawn later, line by line."""

    text: str
    runs: Runs
    lines: list[Line]
    advances: list[float]  # autospace included
    gaps: dict[int, float]  # the autospace after a character (drawn as a shift of what follows)
    width: float
    first_indent: float
    align: str
    pitch: float

    def line_count(self) -> int:
        return len(self.lines)


def lay_out(
    text: str, runs: Runs, width: float, *, first_indent: float = 0.0, align: str = "justify", hanging: bool = True
) -> TextBlock:
    """``text`` set in ``runs`` and broken into lines ``width`` wide (the first indented by ``first_indent``),
    at the exact line pitch of the first run's role."""
    advances = _ADVANCES.of(text, runs)
    gaps = _autospace(text, runs)
    for index, gap in gaps.items():
        advances[index] += gap
    lines = break_lines(text, advances, width, width - first_indent, trailing=gaps, hanging=hanging)
    pitch = ROLES[runs[0][1]].line_pitch * PT
    return TextBlock(text, runs, lines, advances, gaps, width, first_indent, align, pitch)


def single_role(role_name: str, bold: bool = False) -> Runs:
    return ((0, role_name, bold),)


# --- drawing -------------------------------------------------------------------------------------

_RUN = QTextLayout.GlyphRunRetrievalFlag
_GLYPHS = _RUN.RetrieveGlyphIndexes | _RUN.RetrieveGlyphPositions | _RUN.RetrieveStringIndexes
_font_codes_cache: dict[tuple[str, str, int], tuple[str, FontCodes]] = {}


def font_codes(raw: QRawFont) -> tuple[str, FontCodes]:
    """A font's PostScript name (its /BaseFont in Qt's PDF) and character map, once per face."""
    key = (raw.familyName(), raw.styleName(), raw.weight())
    if key not in _font_codes_cache:
        name = postscript_name(bytes(raw.fontTable("name").data())) or raw.familyName().replace(" ", "")
        _font_codes_cache[key] = name, FontCodes(raw.glyphIndexesForString(BMP))
    return _font_codes_cache[key]


class DrawnText:
    """What was drawn, per font: (glyph, character) → count — what the PDF's text layer must say."""

    def __init__(self) -> None:
        self.by_font: dict[str, tuple[FontCodes, Counter[tuple[int, str]]]] = {}

    def add(self, raw: QRawFont, glyphs: Sequence[int], chars: Sequence[str]) -> None:
        name, codes = font_codes(raw)
        self.by_font.setdefault(name, (codes, Counter()))[1].update(zip(glyphs, chars, strict=True))


def _char_format(role_name: str, bold: bool) -> QTextCharFormat:
    char_format = QTextCharFormat()
    char_format.setFont(font_for(role_name, bold))
    return char_format


def _range(start: int, length: int, char_format: QTextCharFormat) -> QTextLayout.FormatRange:
    item = QTextLayout.FormatRange()
    item.start, item.length, item.format = start, length, char_format
    return item


def _line_layout(block: TextBlock, line: Line) -> QTextLayout:
    text = block.text[line.start : line.end]
    first_role, first_bold = _run_at(block.runs, line.start)
    layout = QTextLayout(text, font_for(first_role, first_bold))
    formats = []
    for index, (start, role_name, bold) in enumerate(block.runs):
        end = block.runs[index + 1][0] if index + 1 < len(block.runs) else len(block.text)
        low, high = max(start, line.start), min(end, line.end)
        if low < high and (role_name, bold) != (first_role, first_bold):
            formats.append(
                _range(
                    len(utf16_units(text[: low - line.start])),
                    len(utf16_units(text[low - line.start : high - line.start])),
                    _char_format(role_name, bold),
                )
            )
    if formats:
        layout.setFormats(formats)
    layout.beginLayout()
    qt_line = layout.createLine()
    qt_line.setLineWidth(1e6)
    layout.endLayout()
    return layout


def _run_at(runs: Runs, index: int) -> tuple[str, bool]:
    current = runs[0]
    for run in runs:
        if run[0] > index:
            break
        current = run
    return current[1], current[2]


def line_x(block: TextBlock, index: int) -> tuple[float, float]:
    """(left edge of line ``index`` within the block, the slack justification spreads over it)."""
    line = block.lines[index]
    available = block.width - (block.first_indent if index == 0 else 0.0)
    left = block.first_indent if index == 0 else 0.0
    natural = sum(block.advances[line.start : line.content_end]) - block.gaps.get(line.content_end - 1, 0.0)
    slack = available - natural
    if block.align == "justify":
        return left, slack if line.justify else 0.0
    if block.align == "center":
        return left + max(0.0, slack) / 2, 0.0
    if block.align == "right":
        return left + max(0.0, slack), 0.0
    return left, 0.0


def draw_lines(
    painter: QPainter, block: TextBlock, origin: QPointF, lines: range | None = None, drawn: DrawnText | None = None
) -> None:
    """Draw lines of ``block`` with the block's top-left at ``origin`` (line ``i`` on the i-th pitch of ``lines``).

    Each character stands where the line breaking measured it (its advance, autospace, the share of
    justification it gets), so the lines drawn are the lines broken; Qt only shapes the glyphs.
    """
    painter.setPen(QColor(0, 0, 0))
    indexes = lines if lines is not None else range(len(block.lines))
    first = indexes.start if isinstance(indexes, range) and len(indexes) else 0
    for index in indexes:
        line = block.lines[index]
        if line.end <= line.start:
            continue
        layout = _line_layout(block, line)
        qt_line = layout.lineAt(0)
        left, slack = line_x(block, index)
        shifts = line_offsets(block.text, line, slack)
        targets = list(accumulate(block.advances[line.start : line.end - 1], initial=0.0))
        text = block.text[line.start : line.end]
        units = utf16_units(text)
        unit_chars = _unit_chars(text)
        top = (index - first) * block.pitch + (block.pitch - qt_line.height()) / 2
        where = QPointF(origin.x() + left, origin.y() + top)
        starts: dict[int, float] = {}
        for run in layout.glyphRuns(-1, -1, _GLYPHS):
            indexes_in_text = run.stringIndexes()
            positions = []
            for position, unit in zip(run.positions(), indexes_in_text, strict=True):
                char = unit_chars[unit]
                start = starts.setdefault(char, position.x())
                positions.append(QPointF(targets[char] + shifts[char] + position.x() - start, position.y()))
            run.setPositions(positions)
            painter.drawGlyphRun(where, run)
            if drawn is not None:
                drawn.add(run.rawFont(), run.glyphIndexes(), [units[i] for i in indexes_in_text])


def _unit_chars(text: str) -> Sequence[int]:
    """For each UTF-16 unit of ``text`` (Qt's string indexes count units), the index of its character."""
    if not text or max(text) <= "\uffff":
        return range(len(text))
    return [index for index, char in enumerate(text) for _ in range(1 if char <= "\uffff" else 2)]


def draw_text_at(
    painter: QPainter,
    text: str,
    role_name: str,
    baseline: QPointF,
    drawn: DrawnText | None = None,
    *,
    colour: QColor | None = None,
) -> float:
    """Draw one unbroken line of ``text`` with its baseline starting at ``baseline``; returns its width."""
    layout = QTextLayout(text, font_for(role_name))
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1e6)
    layout.endLayout()
    painter.setPen(colour or QColor(0, 0, 0))
    where = QPointF(baseline.x(), baseline.y() - line.ascent())
    units = utf16_units(text)
    for run in layout.glyphRuns(-1, -1, _GLYPHS):
        painter.drawGlyphRun(where, run)
        if drawn is not None:
            drawn.add(run.rawFont(), run.glyphIndexes(), [units[i] for i in run.stringIndexes()])
    return line.naturalTextWidth()


def text_width(text: str, role_name: str) -> float:
    """The advance of ``text`` set on one line in ``role_name``."""
    return sum(_ADVANCES.of(text, single_role(role_name)))


Painter = Callable[[QPainter], None]
