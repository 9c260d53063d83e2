"""The import result, and the bookkeeping the section parsers share while filling a year."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from zjdesk.domain.model import Cover, YearData

# Parts of a year a report does not carry: they are never marked as imported.
_NOT_IMPORTED = ("indicator_set", "review", "acknowledgements", "unplaced")


@dataclass
class ImportResult:
    """What :func:`~zjdesk.docx_import.import_docx` read from a report.

    ``year`` is the filled year (every imported field's path listed in ``year.review``, the text it
    could not place in ``year.unplaced``); ``found`` says in Chinese, one line per part, what was
    recognised; ``unplaced`` is the same list as ``year.unplaced``.
    """

    year: YearData
    found: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)


@dataclass
class Collector:
    """The year being filled, what was found and what could not be placed."""

    # The opening text starts empty so that only a text read from the report counts as imported.
    year: YearData = field(default_factory=lambda: YearData(cover=Cover(opening_text="")))
    found: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        """Record a line for the 识别结果 list."""
        self.found.append(message)

    def cannot_place(self, texts: list[str] | str) -> None:
        """Keep text that no field takes (未识别内容)."""
        for text in [texts] if isinstance(texts, str) else texts:
            if text.strip():
                self.unplaced.append(text.strip())


def _is_filled(value: Any) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    return isinstance(value, int | Decimal | date)


def imported_paths(root: Any, prefix: str = "") -> list[str]:
    """The dotted path of every filled leaf field under ``root`` (strings, numbers, amounts, dates)."""
    paths: list[str] = []
    if dataclasses.is_dataclass(root) and not isinstance(root, type):
        for item in dataclasses.fields(root):
            if not prefix and item.name in _NOT_IMPORTED:
                continue
            paths.extend(imported_paths(getattr(root, item.name), f"{prefix}.{item.name}" if prefix else item.name))
    elif isinstance(root, list):
        for index, item in enumerate(root):
            paths.extend(imported_paths(item, f"{prefix}.{index}" if prefix else str(index)))
    elif _is_filled(root) and not isinstance(root, bool):
        paths.append(prefix)
    return paths
