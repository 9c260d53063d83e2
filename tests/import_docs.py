"""Helpers for the import tests: .docx files built with python-docx, as a person types a report."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx

from zjdesk.domain.model import YearData
from zjdesk.domain.serialize import to_plain

SEED_FILE = Path(__file__).parent / "import_data" / "seed-2024.txt"

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


def flat_fields(year: YearData, skip: tuple[str, ...] = ("indicator_set", "review", "unplaced", "acknowledgements")) -> dict[str, Any]:
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
    return [f"{path}: {left.get(path)!r} != {right.get(path)!r}" for path in sorted(set(left) | set(right)) if left.get(path) != right.get(path)]
