"""The demo year: the 2024 report of 湛江市人民政府驻广州办事处, shipped in ``resources/demo``."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.model import YearData
from zjdesk.domain.serialize import loads
from zjdesk.resources import resource_path

DEMO_FILE = ("demo", "demo-2024.json")
# What the 2024 report states as its result (自评分数100分，等级优): the score engine must reproduce it
# from the demo's data. The demo is a year typed in, not an import, so its own stated_* stay empty.
PUBLISHED_SCORE = Decimal(100)
PUBLISHED_GRADE = "优"


def demo_year() -> YearData:
    """A fresh copy of the demo year."""
    return loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))
