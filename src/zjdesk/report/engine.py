"""Fill :class:`~zjdesk.report.facts.ReportFacts` from the score engine and the rates of the domain.

The report never computes a score or a rate itself: the 自评结果 sentence, the analysis rows and
the score sheet state exactly what ``zjdesk.domain.scoring.score_year`` says, and the 支出情况
paragraph and the data sheet state what ``zjdesk.domain.rates.compute_rates`` says.
"""

from __future__ import annotations

from zjdesk.domain.model import YearData
from zjdesk.domain.rates import RATE_FORMULAS, RATE_LABELS
from zjdesk.domain.report_words import circled_number
from zjdesk.domain.scoring import IndicatorScore, YearScore, score_year
from zjdesk.report.build import build_outline
from zjdesk.report.facts import IndicatorLine, RateLine, ReportFacts
from zjdesk.report.outline import Outline
from zjdesk.report.score_words import cap_note, scoring_note


def _criteria(criteria: str, checklist: list[str]) -> str:
    """评分标准, followed by the checklist items it refers to (①…；②…)."""
    if not checklist:
        return criteria
    marks = [circled_number(i + 1) for i in range(len(checklist))]
    items = "；".join(f"{mark}{item.rstrip('。；')}" for mark, item in zip(marks, checklist, strict=True))
    return f"{criteria}{items}。"


def _unscored(item: IndicatorScore) -> bool:
    return (item.rule_kind == "judged" or item.fell_back_to_judged) and item.indicator.judged_score is None


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
            score=None if _unscored(item) else item.score,
            explanation=item.explanation,
            deduction_reason=item.indicator.deduction_reason,
            note=scoring_note(item),
        )
        for item in score.indicators
    )
    rates = tuple(
        RateLine(name, label, score.rates.get(name), RATE_FORMULAS.get(name, "")) for name, label in RATE_LABELS.items()
    )
    indicator_set = year.indicator_set
    return ReportFacts(
        total=score.total,
        grade=score.grade,
        total_weight=score.max_total,
        cap_note=cap_note(score.cap, score.uncapped_total),
        cap=score.cap.max_total if score.cap is not None and score.cap.lowered_total else None,
        indicators=lines,
        rates=rates,
        set_name=indicator_set.name,
        set_is_reference=indicator_set.is_reference,
    )


def facts_for(year: YearData) -> ReportFacts:
    """Score ``year`` and collect what the report states about it."""
    return facts_from_score(year, score_year(year))


def outline_for(year: YearData, *, draft: bool = False, score: YearScore | None = None) -> Outline:
    """The report outline of ``year`` with its live score (pass ``score`` when it is already computed)."""
    facts = facts_for(year) if score is None else facts_from_score(year, score)
    return build_outline(year, facts, draft=draft)
