"""The JSON form of a score and of a list of findings (documented in ``docs/score-json.md``).

Like the year JSON, numbers are strings: scores without trailing zeros (``"100"``, ``"92.5"``),
rates with two decimals (``"100.45"``), unknown values ``null``.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from zjdesk.domain.checks import CHECK_NAMES, Finding, has_blocking
from zjdesk.domain.rates import RATE_LABELS
from zjdesk.domain.scoring import YearScore
from zjdesk.domain.scoring_rules import format_number

SCORE_FORMAT = "zjdesk-score"
CHECKS_FORMAT = "zjdesk-checks"
JSON_VERSION = 1


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        return f"{value:f}"
    return value


def _rate(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:f}"


def score_to_plain(score: YearScore) -> dict[str, Any]:
    """A score as JSON-ready Python."""
    cap = score.cap
    return {
        "format": SCORE_FORMAT,
        "format_version": JSON_VERSION,
        "total": format_number(score.total),
        "grade": score.grade,
        "summary": score.summary(),
        "uncapped_total": format_number(score.uncapped_total),
        "max_total": format_number(score.max_total),
        "cap": None
        if cap is None
        else {
            "metric": cap.metric,
            "label": RATE_LABELS.get(cap.metric, cap.metric),
            "value": _rate(cap.value),
            "lower": None if cap.lower is None else format_number(cap.lower),
            "upper": None if cap.upper is None else format_number(cap.upper),
            "max_total": format_number(cap.max_total),
            "lowered_total": cap.lowered_total,
            "explanation": cap.explanation,
        },
        "groups": [
            {"name": group.name, "score": format_number(group.score), "weight": format_number(group.weight)}
            for group in score.groups
        ],
        "indicators": [
            {
                "path": item.path,
                "code": item.indicator.code,
                "level1": item.indicator.level1,
                "level2": item.indicator.level2,
                "level3": item.indicator.level3,
                "weight": format_number(item.weight),
                "score": format_number(item.score),
                "rule_kind": item.rule_kind,
                "inputs": {key: _plain(value) for key, value in item.inputs.items()},
                "missing_inputs": list(item.missing_inputs),
                "fell_back_to_judged": item.fell_back_to_judged,
                "explanation": item.explanation,
            }
            for item in score.indicators
        ],
        "rates": {metric: _rate(value) for metric, value in score.rates.items()},
        "goals": _goals_to_plain(score),
    }


def _goals_to_plain(score: YearScore) -> dict[str, Any]:
    goals = score.goals
    return {
        "indicators": len(goals.rows),
        "met": goals.met,
        "not_met": goals.not_met,
        "pending": goals.pending,
        "score": format_number(goals.total_score),
        "weight": format_number(goals.total_weight),
        "goals_without_rows": list(goals.goals_without_rows),
        "rows": [
            {
                "path": item.path,
                "goal": item.goal,
                "level1": item.indicator.level1,
                "level3": item.indicator.level3,
                "nature": item.indicator.nature,
                "weight": None if item.weight is None else format_number(item.weight),
                "score": None if item.score is None else format_number(item.score),
                "met": item.met,
                "missing": list(item.outcome.missing),
                "explanation": item.explanation,
            }
            for item in goals.rows
        ],
    }


def findings_to_plain(findings: list[Finding]) -> dict[str, Any]:
    """A list of findings as JSON-ready Python, with counts and whether the final export is blocked."""
    counts = {"red": 0, "yellow": 0, "blue": 0}
    for finding in findings:
        counts[finding.severity] += 1
    return {
        "format": CHECKS_FORMAT,
        "format_version": JSON_VERSION,
        "blocking": has_blocking(findings),
        "counts": counts,
        "findings": [
            {
                "check": finding.check,
                "name": CHECK_NAMES.get(finding.check, finding.check),
                "severity": finding.severity,
                "path": finding.path,
                "step": finding.step.key,
                "step_title": finding.step.title,
                "message": finding.message,
                "acknowledged": finding.acknowledged,
                "fingerprint": finding.fingerprint,
                "fix": None if finding.fix is None else {"label": finding.fix.label},
            }
            for finding in findings
        ],
    }
