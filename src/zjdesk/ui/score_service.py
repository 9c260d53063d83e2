"""The score service: the live score, the rates and the findings of the open year.

It listens to the document and recomputes after every edit (all of it is plain Python over the
year in memory, a few milliseconds), then emits ``updated``; the score panel, the findings panel,
the step navigator and the figures page redraw from it. Pages never compute scores themselves.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

try:  # the score engine lands on its own branch; until it does the panels show dashes
    from zjdesk.domain import checks, rates, scoring
except ImportError:  # pragma: no cover
    checks = rates = scoring = None  # type: ignore[assignment]
from zjdesk.ui.document import Document


class ScoreService(QObject):
    """Holds the latest :class:`YearScore`, rates and findings of the document's year."""

    updated = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.score: Any = None
        self.rates: dict[str, Any] = {}
        self.findings: list[Any] = []
        document.changed.connect(self.refresh)
        self.refresh()

    def refresh(self, _path: str = "") -> None:
        """Recompute everything from the year as it is now."""
        year = self.document.year
        if scoring is None:
            self.updated.emit()
            return
        self.rates = rates.compute_rates(year)
        self.score = scoring.score_year(year)
        self.findings = checks.run_checks(year)
        self.updated.emit()

    @staticmethod
    def rate_labels() -> dict[str, str]:
        return dict(rates.RATE_LABELS) if rates is not None else {}

    def apply_fix(self, finding: Any) -> None:
        """Apply the finding's automatic fix to the year (and save it)."""
        self.document.replace_year(lambda year: checks.apply_fix(year, finding))

    def acknowledge(self, finding: Any) -> None:
        """Store that the officer has seen this yellow finding and accepts it."""
        self.document.replace_year(lambda year: checks.acknowledge(year, finding))
