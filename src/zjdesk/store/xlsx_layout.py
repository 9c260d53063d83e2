"""How text sits in a printed .xlsx cell: the lines it wraps to, and the row height that shows them.

Excel and LibreOffice do not grow the rows of a file written by a program, so every writer of a
sheet (the report's 数据表 and 评分表, the goal table) sets each row's height from this estimate.
"""

from __future__ import annotations

import math
import unicodedata

from zjdesk.domain.linebreak import break_lines

CELL_FONT_SIZE = 11
# A wrapped line of 11 pt text: Excel takes about 14.3 pt with 仿宋_GB2312, LibreOffice 16 pt with Noto CJK.
LINE_HEIGHT = 16.0
ROW_PADDING = 3.0
CELL_PADDING = 2.25  # pt, on each side of a cell's text
PAGE_FOOTER = "第 &P 页，共 &N 页"


def text_width(text: str) -> float:
    """The width of ``text`` in full-width characters: digits and Latin letters count about half."""
    return sum(1.0 if unicodedata.east_asian_width(char) in "WFA" and ord(char) > 0x2000 else 0.55 for char in text)


def wrapped_lines(text: str, column_width_units: float) -> int:
    """How many lines ``text`` wraps to in a cell of ``column_width_units`` (Excel's column width unit).

    Broken by the rules the spreadsheet programs apply (a number or a Latin word is never split, and
    no closing mark starts a line: in a cell it cannot hang, so the character before it goes down too).
    """
    if not text:
        return 1
    # A width unit is one digit of the default font (7 px at 96 dpi), plus 5 px of margin per column.
    cell_points = (column_width_units * 7 + 5) * 0.75 - 2 * CELL_PADDING
    advances = [CELL_FONT_SIZE * text_width(char) for char in text]
    return max(1, len(break_lines(text, advances, cell_points, hanging=False)))


def number_width_units(text: str) -> float:
    """The column width (Excel's unit) a number written as ``text`` needs to show whole, not as #####."""
    points = text_width(text) * CELL_FONT_SIZE + 2 * CELL_PADDING
    return round(math.ceil((points / 0.75 - 5) / 7 * 10) / 10, 1)


def row_height(lines: int) -> float:
    """The height (pt) of a row of ``lines`` lines of cell text."""
    return lines * LINE_HEIGHT + ROW_PADDING
