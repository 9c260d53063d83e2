"""What the report needs from the score engine and the rates, in one small shape.

The outline builder takes :class:`ReportFacts`, not the engines themselves, so the report can be
built (and tested) from any score; :func:`zjdesk.report.engine.facts_for` fills it from
``zjdesk.domain.scoring`` and ``zjdesk.domain.rates``.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from zjdesk.domain.report_words import PENDING_GRADE


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
class GoalLine:
    """One row of the 绩效目标完成情况表: a goal's indicator as the engine scored it (or a goal without rows)."""

    goal: str  # 目标1：…
    level1: str = ""
    level2: str = ""
    level3: str = ""
    nature: str = ""
    target: str = ""
    unit: str = ""
    actual: str = ""
    weight: Decimal | None = None
    score: Decimal | None = None
    deviation: str = ""
    has_row: bool = True  # False: the goal has no indicator rows


@dataclass(frozen=True)
class GoalCounts:
    """How the goal table stands: goals, indicators, and how many reached their targets."""

    goals: int = 0
    indicators: int = 0
    met: int = 0
    not_met: int = 0
    pending: int = 0  # not scored yet (no 实际完成值, …)


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
    awaiting: int = 0  # indicators still to be scored by the team (only a draft has any): the total is provisional
    indicators: tuple[IndicatorLine, ...] = ()
    rates: tuple[RateLine, ...] = ()
    set_name: str = ""
    set_is_reference: bool = False
    goal_lines: tuple[GoalLine, ...] = ()
    goal_counts: GoalCounts = GoalCounts()
    goal_note: str = ""  # how the goal table's 得分 is computed

    @property
    def stated_grade(self) -> str:
        """The grade the report states: 待定 while indicators await their score (a sum of the scores so far is no grade)."""
        return PENDING_GRADE if self.awaiting else self.grade

    def rate(self, name: str) -> Decimal | None:
        """The value of the rate called ``name`` (None when unknown or missing)."""
        for line in self.rates:
            if line.name == name:
                return line.value
        return None
