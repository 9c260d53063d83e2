"""Breaking Chinese text into lines as Word and LibreOffice do, and justifying it without spacing out numbers.

Plain Python: the renderer gives the advance of every character (:mod:`zjdesk.report.qt_text` measures
them in the chosen fonts), this module says where each line ends. The rules are those of a zh-CN
document in LibreOffice and Word (避头尾, measured on LibreOffice's rendering of zjdesk's .docx):

- a line may end between any two Chinese characters, never inside a run of Latin letters or digits
  (2024, 1557.15, 100%) and never inside ``——`` or ``……``;
- closing punctuation never starts a line: ，。、；：？！ (and their half-width forms) stay on the line
  before, standing past the right edge (hanging punctuation); ）》」』】〕〉”’ and the like pull the
  character before them onto the next line instead;
- opening punctuation （《「『【〔〈“‘ never ends a line;
- spaces at the end of a line hang and do not count.

Justified lines take up their slack between characters where a line could break (never inside a
number or a Latin word), so "2010年" is not set as "2 0 1 0年".
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

# Punctuation that stays on the line before, hanging past its end.
HANGING = frozenset("，。、；：？！,.;:?!．")
# Punctuation that never starts a line and cannot hang: the character before it goes down with it.
NO_LINE_START = frozenset("）》」』】〕〉”’)]}·｝～〗〞﹚﹜")
# Punctuation that never ends a line.
NO_LINE_END = frozenset("（《「『【〔〈“‘([{［｛〖〝﹙﹛￥")
# Marks written doubled (——, ……), never split between lines.
DOUBLED = frozenset("—…")
SPACES = frozenset(" \u3000")
FORCED_BREAKS = frozenset("\n\r\u2028\u2029")
_EPSILON = 1e-6  # of the width unit: rounding in the advances must not push a full line's last character down


def is_ideograph(char: str) -> bool:
    """A Chinese character (CJK unified ideographs and their extensions, compatibility ideographs)."""
    code = ord(char)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def is_latin_alphanumeric(char: str) -> bool:
    """A Latin letter or a digit (where Word and LibreOffice space Chinese text apart from it)."""
    return (char.isascii() and char.isalnum()) or ("\u00c0" <= char <= "\u024f" and char.isalpha())


def autospace_after(text: str) -> list[int]:
    """Indexes of the characters followed by autospace: a Chinese character next to a Latin letter or digit."""
    return [
        index
        for index in range(len(text) - 1)
        if (is_ideograph(text[index]) and is_latin_alphanumeric(text[index + 1]))
        or (is_latin_alphanumeric(text[index]) and is_ideograph(text[index + 1]))
    ]


def is_word_character(char: str) -> bool:
    """Part of a run that is never broken: Latin letters, digits and the signs written inside numbers."""
    return char < "\u2e80" and char not in SPACES and char not in FORCED_BREAKS


def can_break_before(text: str, index: int) -> bool:
    """Whether a line may end between ``text[index - 1]`` and ``text[index]``."""
    before, after = text[index - 1], text[index]
    if after in SPACES:
        return False  # after the spaces, not before them
    if before in SPACES:
        return True
    if after in HANGING or after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == after and before in DOUBLED:
        return False
    return not (is_word_character(before) and is_word_character(after))


@dataclass(frozen=True)
class Line:
    """A line of a paragraph: characters ``start``–``end`` (end exclusive) of its text.

    ``content_end`` leaves out what hangs past the right edge (trailing spaces, a hanging mark);
    ``justify`` is False for a paragraph's last line and a line before a forced break.
    """

    start: int
    end: int
    content_end: int
    justify: bool


def break_lines(
    text: str,
    advances: Sequence[float],
    width: float,
    first_width: float | None = None,
    *,
    trailing: Mapping[int, float] | None = None,
    hanging: bool = True,
) -> list[Line]:
    """The lines of ``text`` (one advance per character) in lines ``width`` wide (the first ``first_width``).

    ``trailing``: space included in a character's advance that falls away when the line ends after it
    (the autospace before a Latin letter or digit that starts the next line). ``hanging``: whether
    closing punctuation may stand past the line's end (LibreOffice never lets it in a table cell; the
    character before it then goes down with it).
    """
    if len(advances) != len(text):
        raise ValueError("one advance per character is expected")
    lines: list[Line] = []
    edges = [0.0, *accumulate(advances)]
    start = 0
    length = len(text)
    while True:
        segment_end = start
        while segment_end < length and text[segment_end] not in FORCED_BREAKS:
            segment_end += 1
        first = first_width if not lines else None
        _break_segment(text, edges, start, segment_end, width, first, lines, trailing or {}, hanging)
        if segment_end >= length:
            break
        start = segment_end + 1  # the forced break itself is not drawn
    return lines


def _break_segment(
    text: str,
    edges: list[float],
    start: int,
    end: int,
    width: float,
    first_width: float | None,
    lines: list[Line],
    trailing: Mapping[int, float],
    hanging: bool,
) -> None:
    if start == end:
        lines.append(Line(start, end, end, False))
        return
    limit = width if first_width is None else first_width
    while start < end:
        stop = _line_end(text, edges, start, end, limit, trailing, hanging)
        content_end = stop
        while content_end > start + 1 and (text[content_end - 1] in SPACES or _hangs(text, edges, start, content_end, limit)):
            content_end -= 1
        lines.append(Line(start, stop, content_end, stop < end))
        start = stop
        limit = width


def _hangs(text: str, edges: list[float], start: int, end: int, limit: float) -> bool:
    """Whether the last character of ``text[start:end]`` is a mark standing past the line's edge."""
    return text[end - 1] in HANGING and edges[end] - edges[start] > limit + _EPSILON


def _line_end(
    text: str, edges: list[float], start: int, end: int, limit: float, trailing: Mapping[int, float], hanging: bool
) -> int:
    """Where the line starting at ``start`` ends (exclusive)."""
    fits = bisect_right(edges, edges[start] + limit + _EPSILON, lo=start + 1, hi=end + 1) - 1
    fits = max(fits, start + 1)  # a character wider than the line still gets a line of its own
    if fits < end and fits in trailing and edges[fits + 1] - trailing[fits] - edges[start] <= limit + _EPSILON:
        fits += 1  # the next character fits once the space after it falls away at the line's end
    if fits >= end:
        return end
    if text[fits] in SPACES:
        while fits < end and text[fits] in SPACES:
            fits += 1
        return fits
    if hanging and text[fits] in HANGING and (fits + 1 >= end or can_break_before(text, fits + 1)):
        return fits + 1
    position = fits
    while position > start and not can_break_before(text, position):
        position -= 1
    return position if position > start else fits


def justification_gaps(text: str, line: Line) -> list[int]:
    """Indexes ``i`` of the line after whose character justification may add space (never inside a number)."""
    return [
        index
        for index in range(line.start, line.content_end - 1)
        if text[index] in SPACES or not (is_word_character(text[index]) and is_word_character(text[index + 1]))
    ]


def line_offsets(text: str, line: Line, slack: float) -> list[float]:
    """For each character of ``line``, how far justification moves it right (``slack`` spread over the gaps)."""
    count = line.end - line.start
    if slack <= 0 or not line.justify:
        return [0.0] * count
    gaps = justification_gaps(text, line)
    if not gaps:
        return [0.0] * count
    share = slack / len(gaps)
    offsets = []
    moved = 0.0
    gap_positions = set(gaps)
    for index in range(line.start, line.end):
        offsets.append(moved)
        if index in gap_positions:
            moved += share
    return offsets


def line_width(edges_or_advances: Sequence[float], line: Line) -> float:
    """The natural width of a line's content (without what hangs)."""
    return sum(edges_or_advances[line.start : line.content_end])


def fitted_lines(text: str, advances: Sequence[float], width: float, first_width: float | None = None) -> int:
    """How many lines ``text`` takes (a shortcut for table cells)."""
    return len(break_lines(text, advances, width, first_width))


__all__ = [
    "HANGING",
    "NO_LINE_END",
    "NO_LINE_START",
    "Line",
    "autospace_after",
    "break_lines",
    "can_break_before",
    "fitted_lines",
    "is_word_character",
    "justification_gaps",
    "line_offsets",
    "line_width",
]
