"""The import result, and the bookkeeping the section parsers share while filling a year."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from zjdesk.domain.carry_forward import goal_review_paths
from zjdesk.domain.model import Cover, YearData
from zjdesk.domain.paths import iter_filled_fields

# Parts of a year a report does not carry: they are never marked as imported.
_NOT_IMPORTED = ("indicator_set", "review", "acknowledgements", "unplaced")


@dataclass
class ImportResult:
    """What :func:`~zjdesk.docx_import.import_docx` read from a report.

    ``year`` is the filled year (every imported field's path listed in ``year.review``, the text it
    could not place in ``year.unplaced``); ``found`` says in Chinese, one line per part, what was
    recognised; ``unplaced`` is the same list as ``year.unplaced``. ``year_source`` says where the
    evaluation year was read (``封面“评价年度：2024年度”``); empty when the report does not say, and
    then ``year.cover.evaluation_year`` is 0 and must be asked for.
    """

    year: YearData
    found: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    year_source: str = ""


@dataclass
class Collector:
    """The year being filled, what was found and what could not be placed."""

    # The opening text starts empty so that only a text read from the report counts as imported.
    year: YearData = field(default_factory=lambda: YearData(cover=Cover(opening_text="")))
    found: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    reviewed: list[str] = field(default_factory=list)  # imported paths outside the report's parts (the score sheet)
    year_source: str = ""  # where the evaluation year was read
    goal_table_read: bool = False  # the goal table was read as a table: its title and notes are not 未识别内容

    def note(self, message: str) -> None:
        """Record a line for the 识别结果 list."""
        self.found.append(message)

    def cannot_place(self, texts: list[str] | str) -> None:
        """Keep text that no field takes (未识别内容)."""
        for text in [texts] if isinstance(texts, str) else texts:
            if text.strip():
                self.unplaced.append(text.strip())


def imported_paths(year: YearData) -> list[str]:
    """The dotted path of every filled leaf field of ``year`` a report carries (strings, numbers, amounts, dates).

    A goal's indicator row is one path, as a carried year marks it: the page shows one 待复核 per row, and
    counts what it shows.
    """
    paths: list[str] = []
    for item in dataclasses.fields(year):
        if item.name == "goals":
            paths.extend(goal_review_paths(year.goals))
        elif item.name not in _NOT_IMPORTED:
            paths.extend(path for path, _value in iter_filled_fields(getattr(year, item.name), item.name))
    return paths
