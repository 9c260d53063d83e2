"""The demo year: the 2024 report of 湛江市人民政府驻广州办事处, shipped in ``resources/demo``."""

from __future__ import annotations

from zjdesk.domain.model import YearData
from zjdesk.domain.serialize import loads
from zjdesk.resources import resource_path

DEMO_FILE = ("demo", "demo-2024.json")


def demo_year() -> YearData:
    """A fresh copy of the demo year."""
    return loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))
