"""docs/year-json.md documents every field of the year model, by its dotted path."""

from __future__ import annotations

from pathlib import Path

from support.field_patterns import field_patterns

DOC = Path(__file__).resolve().parents[2] / "docs" / "year-json.md"


def test_every_field_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [pattern for pattern, _kind in field_patterns() if f"`{pattern}`" not in text]
    assert missing == [], f"document these fields in docs/year-json.md: {missing}"


def test_documented_paths_exist() -> None:
    patterns = {pattern for pattern, _kind in field_patterns()}
    text = DOC.read_text(encoding="utf-8")
    rows = [line.split("`")[1] for line in text.splitlines() if line.startswith("| `")]
    assert [row for row in rows if row not in patterns] == []
