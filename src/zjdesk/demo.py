"""The demo year and the example year shipped in ``resources/``.

The demo is the 2024 report of 湛江市人民政府驻广州办事处 as published (its goals are text only). The
example is a fictitious unit (示例单位) whose goals carry a full indicator table, so a new user sees
the goal table scored, explained and checked.
"""

from __future__ import annotations

from decimal import Decimal

from zjdesk.domain.model import YearData
from zjdesk.domain.serialize import loads
from zjdesk.resources import resource_path

DEMO_FILE = ("demo", "demo-2024.json")
EXAMPLE_FILE = ("example", "example-2024.json")
# What the 2024 report states as its result (自评分数100分，等级优): the score engine must reproduce it
# from the demo's data. The demo is a year typed in, not an import, so its own stated_* stay empty.
PUBLISHED_SCORE = Decimal(100)
PUBLISHED_GRADE = "优"


def demo_year() -> YearData:
    """A fresh copy of the demo year."""
    return loads(resource_path(*DEMO_FILE).read_text(encoding="utf-8"))


def example_year() -> YearData:
    """A fresh copy of the example year (示例单位, a fictitious unit with a full goal table)."""
    return loads(resource_path(*EXAMPLE_FILE).read_text(encoding="utf-8"))
