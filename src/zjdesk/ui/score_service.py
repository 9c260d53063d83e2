"""The score service: the live score, the rates and the findings of the open year.

It listens to the document and recomputes after every edit (plain Python over the year in
memory, well under a millisecond), then emits ``updated``; the score panel, the findings panel,
the step navigator and the figures page redraw from it. Pages never compute scores themselves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from zjdesk.domain import rates, scoring
from zjdesk.domain.scoring_sets import reference_indicator_set
from zjdesk.ui.document import Document

try:  # the checks land on the scoring branch after the score engine
    from zjdesk.domain import checks
except ImportError:  # pragma: no cover
    checks = None  # type: ignore[assignment]


class ScoreService(QObject):
    """Holds the latest :class:`~zjdesk.domain.scoring.YearScore`, rates and findings of the year."""

    updated = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.score: scoring.YearScore | None = None
        self.rates: dict[str, Any] = {}
        self.findings: list[Any] = []
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _path: str = "") -> None:
        """Recompute everything from the year as it is now."""
        year = self.document.year
        self.score = scoring.score_year(year)
        self.rates = self.score.rates or rates.compute_rates(year)
        self.findings = checks.run_checks(year) if checks is not None else []
        self.updated.emit()

    @staticmethod
    def rate_labels() -> dict[str, str]:
        return dict(rates.RATE_LABELS)

    def apply_fix(self, finding: Any) -> None:
        """Apply the finding's automatic fix to the year (and save it)."""
        if checks is not None:
            self.document.replace_year(lambda year: checks.apply_fix(year, finding))

    def acknowledge(self, finding: Any) -> None:
        """Store that the officer has seen this yellow finding and accepts it."""
        if checks is not None:
            self.document.replace_year(lambda year: checks.acknowledge(year, finding))

    def use_reference_set(self) -> None:
        """Replace the year's indicator set by the shipped reference set (scores start empty)."""

        def replace(year) -> None:
            year.indicator_set = reference_indicator_set()

        self.document.replace_year(replace)
