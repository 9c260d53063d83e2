"""What the report needs from the score engine and the rates, in one small shape.

The outline builder takes :class:`ReportFacts`, not the engines themselves, so the report can be
built (and tested) from any score; :func:`zjdesk.report.engine.facts_for` fills it from
``zjdesk.domain.scoring`` and ``zjdesk.domain.rates``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class IndicatorLine:
    """One row of the score sheet, as the engine scored it."""

    level1: str
    level2: str
    level3: str
    weight: Decimal
    criteria: str
    score: Decimal | None
    explanation: str  # the engine's one-line reason for the officer ("预算完成率 100.45% ≥ 95%，得 10/10 分")
    deduction_reason: str = ""
    note: str = ""  # the score sheet's 评分说明, in a bureau's words (按预算完成率计算，…；按评价小组评定，…)


@dataclass(frozen=True)
class RateLine:
    """A computed rate for the data sheet: its name, wording, value (percent) and formula."""

    name: str
    label: str
    value: Decimal | None
    formula: str = ""


@dataclass(frozen=True)
class ReportFacts:
    """The live score and the rates the report states."""

    total: Decimal
    grade: str
    total_weight: Decimal = Decimal(100)
    cap_note: str = ""  # why the total was capped, in the report's words; empty when no cap lowered it
    cap: Decimal | None = None  # the cap that lowered the total
    indicators: tuple[IndicatorLine, ...] = ()
    rates: tuple[RateLine, ...] = ()
    set_name: str = ""
    set_is_reference: bool = False

    def rate(self, name: str) -> Decimal | None:
        """The value of the rate called ``name`` (None when unknown or missing)."""
        for line in self.rates:
            if line.name == name:
                return line.value
        return None
