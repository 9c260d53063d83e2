"""Fill :class:`~zjdesk.report.facts.ReportFacts` from the score engine and the rates of the domain.

The report never computes a score or a rate itself: the 自评结果 sentence, the analysis rows and
the score sheet state exactly what ``zjdesk.domain.scoring.score_year`` says, and the 支出情况
paragraph and the data sheet state what ``zjdesk.domain.rates.compute_rates`` says.
"""

from __future__ import annotations

from zjdesk.domain.goal_scoring import scoring_note
from zjdesk.domain.model import YearData
from zjdesk.domain.rates import RATE_LABELS, rate_formula
from zjdesk.domain.report_words import circled_number
from zjdesk.domain.scoring import YearScore, score_year
from zjdesk.report.build import build_outline
from zjdesk.report.facts import GoalCounts, GoalLine, IndicatorLine, RateLine, ReportFacts
from zjdesk.report.outline import Outline
from zjdesk.report.score_words import cap_note, indicator_note


def _criteria(criteria: str, checklist: list[str]) -> str:
    """评分标准, followed by the checklist items it refers to (①…；②…)."""
    if not checklist:
        return criteria
    marks = [circled_number(i + 1) for i in range(len(checklist))]
    items = "；".join(f"{mark}{item.rstrip('。；')}" for mark, item in zip(marks, checklist, strict=True))
    return f"{criteria}{items}。"


def goal_lines(year: YearData, score: YearScore) -> tuple[GoalLine, ...]:
    """Every row of the goal table as scored, goal by goal; a goal without rows is one line of its own."""
    scored = {item.path: item for item in score.goals.rows}
    lines = []
    for g, goal in enumerate(year.goals):
        label = f"目标{g + 1}：{goal.text.strip()}"
        if not goal.indicators:
            lines.append(GoalLine(label, has_row=False))
        for r, row in enumerate(goal.indicators):
            item = scored.get(f"goals.{g}.indicators.{r}")
            lines.append(
                GoalLine(
                    goal=label,
                    level1=row.level1.strip(),
                    level2=row.level2.strip(),
                    level3=row.level3.strip(),
                    nature=row.nature,
                    target=row.target.strip(),
                    unit=row.unit.strip(),
                    actual=row.actual.strip(),
                    weight=row.weight,
                    score=item.score if item is not None else None,
                    deviation=row.deviation.strip(),
                )
            )
    return tuple(lines)


def facts_from_score(year: YearData, score: YearScore) -> ReportFacts:
    """The report's view of an already computed score (the UI computes it on every keystroke)."""
    lines = tuple(
        IndicatorLine(
            level1=item.indicator.level1,
            level2=item.indicator.level2,
            level3=item.indicator.level3,
            weight=item.weight,
            criteria=_criteria(item.indicator.criteria, item.indicator.rule.checklist),
            # An indicator still to be judged has no score yet (the engine counts 0 for it).
            score=None if item.awaits_score else item.score,
            explanation=item.explanation,
            deduction_reason=item.indicator.deduction_reason,
            note=indicator_note(item),
        )
        for item in score.indicators
    )
    rates = tuple(RateLine(name, label, score.rates.get(name), rate_formula(year, name)) for name, label in RATE_LABELS.items())
    indicator_set = year.indicator_set
    return ReportFacts(
        total=score.total,
        grade=score.grade,
        total_weight=score.max_total,
        cap_note=cap_note(score.cap, score.uncapped_total),
        cap=score.cap.max_total if score.cap is not None and score.cap.lowered_total else None,
        awaiting=sum(1 for item in score.indicators if item.awaits_score),
        indicators=lines,
        rates=rates,
        set_name=indicator_set.name,
        set_is_reference=indicator_set.is_reference,
        goal_lines=goal_lines(year, score),
        goal_counts=GoalCounts(
            goals=len(year.goals),
            indicators=len(score.goals.rows),
            met=score.goals.met,
            not_met=score.goals.not_met,
            pending=score.goals.pending,
        ),
        goal_note=scoring_note(indicator_set.region_rules),
    )


def facts_for(year: YearData) -> ReportFacts:
    """Score ``year`` and collect what the report states about it."""
    return facts_from_score(year, score_year(year))


def outline_for(year: YearData, *, draft: bool = False, score: YearScore | None = None) -> Outline:
    """The report outline of ``year`` with its live score (pass ``score`` when it is already computed)."""
    facts = facts_for(year) if score is None else facts_from_score(year, score)
    return build_outline(year, facts, draft=draft)
