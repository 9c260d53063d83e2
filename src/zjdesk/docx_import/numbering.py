"""Word's automatic numbering, rendered as the text a reader sees (``一、`` ``（二）`` ``3、``).

In a real report the heading and task numbers are often list numbering (``w:numPr``), not typed
characters, so they are missing from the paragraph's text. This module follows the counters of
each list (per ``w:num``, levels restarting below a higher level) and renders the level's
``w:lvlText`` with its ``w:numFmt``, so that the importer reads ``1、主动作为…`` as the reader does.
Bullets and unknown formats render as nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx.document import Document
from docx.oxml.ns import qn

from zjdesk.domain.report_words import CIRCLED_DIGITS, chinese_numeral

_MAX_LEVELS = 9


def _format(value: int, number_format: str) -> str | None:
    if number_format in ("decimal", "decimalZero", "decimalFullWidth", "decimalHalfWidth"):
        return str(value)
    if number_format.startswith("chinese") or number_format.startswith("ideograph") or number_format == "taiwaneseCounting":
        return chinese_numeral(value) if value > 0 else str(value)
    if number_format.startswith("decimalEnclosedCircle"):
        return CIRCLED_DIGITS[value - 1] if 0 < value <= len(CIRCLED_DIGITS) else str(value)
    if number_format == "upperLetter" and 0 < value <= 26:
        return chr(ord("A") + value - 1)
    if number_format == "lowerLetter" and 0 < value <= 26:
        return chr(ord("a") + value - 1)
    return None  # bullet, none, roman numerals: nothing a report's parser relies on


@dataclass
class _Level:
    start: int = 1
    number_format: str = "decimal"
    text: str = ""


@dataclass
class ListNumbering:
    """The lists of one document and their running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId → ilvl → level
    counters: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Document) -> ListNumbering:
        """Read ``numbering.xml``; a document without one has no lists."""
        numbering = cls()
        parts = document.part.package.iter_parts()
        part = next((item for item in parts if str(item.partname).endswith("/numbering.xml")), None)
        element = getattr(part, "_element", None) if part is not None else None
        if element is None:
            return numbering
        abstract: dict[str, dict[int, _Level]] = {}
        for definition in element.iterchildren(qn("w:abstractNum")):
            levels: dict[int, _Level] = {}
            for lvl in definition.iterchildren(qn("w:lvl")):
                index = _int(lvl.get(qn("w:ilvl")), -1)
                if 0 <= index < _MAX_LEVELS:
                    levels[index] = _Level(
                        start=_int(_val(lvl, "w:start"), 1),
                        number_format=_val(lvl, "w:numFmt") or "decimal",
                        text=_val(lvl, "w:lvlText") or "",
                    )
            abstract[definition.get(qn("w:abstractNumId"), "")] = levels
        for num in element.iterchildren(qn("w:num")):
            abstract_id = _val(num, "w:abstractNumId") or ""
            numbering.levels[num.get(qn("w:numId"), "")] = abstract.get(abstract_id, {})
        return numbering

    def label(self, paragraph_element: object) -> str:
        """The number Word shows before this paragraph ('' when it is not in a numbered list)."""
        properties = paragraph_element.find(qn("w:pPr"))  # type: ignore[attr-defined]
        number_properties = properties.find(qn("w:numPr")) if properties is not None else None
        if number_properties is None:
            return ""
        num_id = _val(number_properties, "w:numId") or ""
        level_index = _int(_val(number_properties, "w:ilvl"), 0)
        levels = self.levels.get(num_id)
        if not levels or level_index not in levels or not 0 <= level_index < _MAX_LEVELS:
            return ""
        counters = self.counters.setdefault(num_id, [0] * _MAX_LEVELS)
        for deeper in range(level_index + 1, _MAX_LEVELS):
            counters[deeper] = 0
        level = levels[level_index]
        counters[level_index] = counters[level_index] + 1 if counters[level_index] else level.start
        text = level.text
        for index in range(level_index + 1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                shown = levels.get(index, _Level())
                value = counters[index] or shown.start
                rendered = _format(value, shown.number_format)
                if rendered is None:
                    return ""
                text = text.replace(placeholder, rendered)
        return text.strip()


def _val(element: object, tag: str) -> str | None:
    child = element.find(qn(tag))  # type: ignore[attr-defined]
    return child.get(qn("w:val")) if child is not None else None


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
