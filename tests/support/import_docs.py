"""Helpers for the import tests: .docx files built with python-docx, as a person types a report."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx

from zjdesk.domain.model import YearData
from zjdesk.domain.serialize import to_plain

SEED_FILE = Path(__file__).parents[1] / "import_data" / "seed-2024.txt"

# The seed's heading lines (as extracted, numbers mostly lost) and the numbers Word would show.
SEED_HEADING_NUMBERS = {
    "单位基本情况": "一、",
    "单位机构设置、部门职能情况。": "（一）",
    "年度总体工作和重点工作任务": "（二）",
    "部门整体支出情况": "（四）",
    "自评工作过程。": "（二）",
    "部门整体支出绩效指标分析。": "（二）",
    "主要做法和经验": "（三）",
    "存在问题": "（四）",
}
_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]+\s*、|（[一二三四五六七八九十]+）|\d\.(?=预算))")
_GLUED_NUMBER = "（三）自评材料报送时间及质量"


def seed_year() -> YearData:
    """The demo year as the seed report reads: with the result it states (自评分数100分，等级优)."""
    from decimal import Decimal

    from zjdesk.demo import demo_year

    year = demo_year()
    year.evaluation.stated_score, year.evaluation.stated_grade = Decimal(100), "优"
    return year


def seed_lines() -> list[str]:
    """The seed report's lines, one paragraph each, exactly as extracted (blank lines dropped)."""
    return [line for line in SEED_FILE.read_text(encoding="utf-8").split("\n") if line.strip()]


def numbered_seed_lines() -> list[str]:
    """The seed with every heading numbered, as the original Word file had them."""
    return [SEED_HEADING_NUMBERS.get(line.strip(), "") + line for line in seed_lines()]


def unnumbered_seed_lines() -> list[str]:
    """The seed with every heading number removed (including the one glued into a paragraph)."""
    lines = [_NUMBER.sub("", line.strip()) for line in seed_lines()]
    return [line.replace(_GLUED_NUMBER, "自评材料报送时间及质量") for line in lines]


def build_docx(lines: list[str], *, tables: dict[int, list[list[str]]] | None = None) -> bytes:
    """A .docx with one plain paragraph per line; ``tables[i]`` inserts a table before line ``i``."""
    document = docx.Document()
    for index, line in enumerate(lines):
        for rows in [(tables or {}).get(index)] if tables and index in tables else []:
            table = document.add_table(rows=len(rows), cols=max(len(row) for row in rows))
            for row, values in zip(table.rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=False):
                    cell.text = value
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def write_docx(path: Path, lines: list[str], **options: Any) -> Path:
    """Write :func:`build_docx` to ``path`` and return it."""
    path.write_bytes(build_docx(lines, **options))
    return path


NOT_IN_A_REPORT = ("indicator_set", "review", "unplaced", "acknowledgements")


def flat_fields(year: YearData, skip: tuple[str, ...] = NOT_IN_A_REPORT) -> dict[str, Any]:
    """Every leaf of ``year`` by dotted path (lists give their length too), for field-by-field comparison."""
    result: dict[str, Any] = {}

    def walk(value: Any, path: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key)
        elif isinstance(value, list):
            result[f"{path}.#"] = len(value)
            for index, item in enumerate(value):
                walk(item, f"{path}.{index}")
        else:
            result[path] = value

    plain = to_plain(year)
    for key in skip:
        plain.pop(key, None)
    walk(plain, "")
    return result


def differences(actual: YearData, expected: YearData) -> list[str]:
    """Human-readable field differences between two years (empty when they agree)."""
    left, right = flat_fields(actual), flat_fields(expected)
    paths = sorted(set(left) | set(right))
    return [f"{path}: {left.get(path)!r} != {right.get(path)!r}" for path in paths if left.get(path) != right.get(path)]


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Two lists as Word writes them: headings 一、/（一） and tasks 1、/（1）, each a two-level definition.
_LISTS = {
    "headings": (91, (("chineseCounting", "%1、"), ("chineseCounting", "（%2）"))),
    "tasks": (92, (("decimal", "%1、"), ("decimal", "（%2）"))),
}


def _add_list_definitions(document: docx.document.Document) -> None:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    for number_id, levels in _LISTS.values():
        lvls = "".join(
            f'<w:lvl w:ilvl="{index}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
            for index, (fmt, text) in enumerate(levels)
        )
        abstract = parse_xml(f'<w:abstractNum xmlns:w="{_W}" w:abstractNumId="{number_id}">{lvls}</w:abstractNum>')
        first_num = numbering.find(f"{{{_W}}}num")
        if first_num is not None:
            first_num.addprevious(abstract)  # abstractNum elements must precede num elements
        else:
            numbering.append(abstract)
        numbering.append(parse_xml(f'<w:num xmlns:w="{_W}" w:numId="{number_id}"><w:abstractNumId w:val="{number_id}"/></w:num>'))


def build_auto_numbered_docx(items: list[tuple[str, str, int] | str]) -> bytes:
    """A .docx whose items ``(text, list, level)`` carry Word's automatic numbering instead of typed numbers."""
    from docx.oxml import parse_xml

    document = docx.Document()
    _add_list_definitions(document)
    for item in items:
        if isinstance(item, str):
            document.add_paragraph(item)
            continue
        text, list_name, level = item
        paragraph = document.add_paragraph(text)
        number_id = _LISTS[list_name][0]
        properties = paragraph._p.get_or_add_pPr()
        properties.append(parse_xml(f'<w:numPr xmlns:w="{_W}"><w:ilvl w:val="{level}"/><w:numId w:val="{number_id}"/></w:numPr>'))
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_TYPED_NUMBERS = (
    (re.compile(r"^[一二三四五六七八九十]\s*、"), "headings", 0),
    (re.compile(r"^（[一二三四五六七八九十]）"), "headings", 1),
    (re.compile(r"^\d、"), "tasks", 0),
    (re.compile(r"^（\d）"), "tasks", 1),
)


def auto_numbered_seed_items() -> list[tuple[str, str, int] | str]:
    """The numbered seed with its heading, task and point numbers turned into automatic numbering."""
    items: list[tuple[str, str, int] | str] = []
    in_tasks = False
    for line in numbered_seed_lines():
        text = line.strip()
        in_tasks = (in_tasks or "重点工作任务" in text) and "绩效目标" not in text
        for pattern, list_name, level in _TYPED_NUMBERS:
            if (list_name == "tasks") != in_tasks:
                continue
            if found := pattern.match(text):
                items.append((text[found.end() :], list_name, level))
                break
        else:
            items.append(text)
    return items
