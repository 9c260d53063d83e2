"""Line breaking as Word and LibreOffice do it (避头尾, hanging punctuation, numbers kept whole), on made-up widths."""

from __future__ import annotations

from zjdesk.domain.linebreak import autospace_after, break_lines, justification_gaps, line_offsets

FULL = 10.0  # a full-width character
HALF = 5.0  # a digit or Latin letter
WIDTH = 28 * FULL


def advances(text: str) -> list[float]:
    return [HALF if char.isascii() and not char.isspace() else FULL for char in text]


def texts(text: str, width: float = WIDTH, first: float | None = None, **options: object) -> list[str]:
    return [text[line.start : line.end] for line in break_lines(text, advances(text), width, first, **options)]


def test_a_full_line_holds_28_characters() -> None:
    text = "甲" * 60
    assert [len(line) for line in texts(text)] == [28, 28, 4]
    assert [len(line) for line in texts(text, first=WIDTH - 2 * FULL)] == [26, 28, 6]


def test_closing_punctuation_hangs_on_the_line_before() -> None:
    for mark in "，。、；：？！":
        lines = texts("甲" * 28 + mark + "乙" * 5)
        assert lines == ["甲" * 28 + mark, "乙" * 5], mark
    line = break_lines("甲" * 28 + "。" + "乙", advances("甲" * 28 + "。乙"), WIDTH)[0]
    assert line.content_end == 28 and line.end == 29  # the mark stands past the edge; justification leaves it out


def test_marks_that_cannot_hang_take_the_character_before_them_down() -> None:
    for mark in "）》”’】〕":
        assert texts("甲" * 28 + mark + "乙" * 5) == ["甲" * 27, "甲" + mark + "乙" * 5], mark
    # Two marks after the edge: the full stop cannot hang when a closing quote follows it.
    assert texts("甲" * 28 + "。”乙") == ["甲" * 27, "甲。”乙"]


def test_opening_punctuation_never_ends_a_line() -> None:
    for mark in "（《“【〔":
        assert texts("甲" * 27 + mark + "乙" * 5) == ["甲" * 27, mark + "乙" * 5], mark


def test_numbers_and_latin_words_stay_whole_and_doubled_marks_together() -> None:
    assert texts("甲" * 26 + "12345" + "乙" * 3) == ["甲" * 26, "12345" + "乙" * 3]
    assert texts("甲" * 27 + "——" + "乙") == ["甲" * 27, "——乙"]
    # A word longer than the line is broken where the line is full.
    assert [len(line) for line in texts("a" * 70)] == [56, 14]


def test_spaces_at_a_line_end_hang_and_forced_breaks_end_a_paragraph_line() -> None:
    lines = break_lines("甲" * 28 + "  乙", advances("甲" * 28 + "  乙"), WIDTH)
    assert [(line.start, line.end, line.content_end) for line in lines] == [(0, 30, 28), (30, 31, 31)]
    lines = break_lines("甲乙\n丙", advances("甲乙\n丙"), WIDTH)
    assert [(line.start, line.end, line.justify) for line in lines] == [(0, 2, False), (3, 4, False)]


def test_cells_keep_punctuation_inside() -> None:
    assert texts("甲" * 28 + "，乙", hanging=False) == ["甲" * 27, "甲，乙"]


def test_space_beside_latin_text_falls_away_at_the_line_end() -> None:
    text = "甲" * 27 + "1乙"
    widths = advances(text)
    widths[26] += 3  # the autospace after 甲 before the digit
    assert autospace_after(text) == [26, 27]
    assert break_lines(text, widths, 27 * FULL)[0].end == 26  # counted, the space would push the 27th 甲 down
    lines = break_lines(text, widths, 27 * FULL, trailing={26: 3})
    assert (lines[0].start, lines[0].end) == (0, 27)  # 甲×27 fit once the space after the last one falls away


def test_justification_spreads_between_characters_never_inside_a_number() -> None:
    text = "根据2010年的数据"
    line = break_lines(text, advances(text), 100.0)[0]
    line = type(line)(line.start, line.end, line.content_end, True)
    gaps = justification_gaps(text, line)
    assert gaps == [0, 1, 5, 6, 7, 8]  # beside the number, never inside "2010"
    offsets = line_offsets(text, line, 20.0)
    digits = offsets[2:6]
    assert len(set(digits)) == 1  # the four digits move together
    assert offsets[-1] == 20.0
