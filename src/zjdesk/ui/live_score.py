"""The live score: the score, the rates and the findings of the open year, kept current.

It listens to the open year and recomputes after every edit (plain Python over the year in
memory, well under a millisecond), then emits ``updated``; the score panel, the findings panel,
the step navigator and the figures page redraw from it. Pages never compute scores themselves.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from zjdesk.domain import rates, scoring
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.domain.scoring_sets import reference_indicator_set
from zjdesk.ui.open_year import OpenYear

if TYPE_CHECKING:
    from zjdesk.domain.checks_base import Finding


FALLBACK_MS = 1000


def _checks() -> ModuleType:
    # Imported on first use: at start-up the window shows the score first and the findings a moment later.
    from zjdesk.domain import checks

    return checks


class LiveScore(QObject):
    """Holds the latest :class:`~zjdesk.domain.scoring.YearScore`, rates and findings of the year."""

    updated = Signal()
    problem = Signal(str, str)  # title, message: a fix that could not be applied

    def __init__(self, open_year: OpenYear, parent: QObject | None = None, *, defer_checks: bool = False) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.score: scoring.YearScore | None = None
        self.rates: dict[str, Any] = {}
        self.findings: list[Finding] = []
        self.checked = False  # whether ``findings`` has been computed yet
        self.last_edit = ""  # the field whose edit the latest check followed ("" for a fix, an import, the first check)
        open_year.changed.connect(self.refresh)
        if defer_checks:
            # A fast first paint: score now, checks once the window is on screen (see start_checks;
            # the timer is a fallback for a window that is never painted, e.g. started minimised).
            self._score()
            self.updated.emit()
            QTimer.singleShot(FALLBACK_MS, self.start_checks)
        else:
            self.refresh()

    def start_checks(self) -> None:
        """Run the deferred checks now, unless they have run already."""
        if not self.checked:
            self.refresh()

    def _score(self) -> None:
        year = self.open_year.year
        self.score = scoring.score_year(year)
        self.rates = self.score.rates or rates.compute_rates(year)

    def refresh(self, path: str = "") -> None:
        """Recompute everything from the year as it is now (after an edit of the field at ``path``)."""
        self.last_edit = path
        self._score()
        self.findings = _checks().run_checks(self.open_year.year, self.score)
        self.checked = True
        self.updated.emit()

    @staticmethod
    def rate_labels() -> dict[str, str]:
        return dict(rates.RATE_LABELS)

    def apply_fix(self, finding: Finding) -> None:
        """Apply the finding's automatic fix to the year (and save it)."""
        try:
            self.open_year.replace_year(lambda year: _checks().apply_fix(year, finding))
        except UserError as error:
            self.problem.emit("无法自动修正", str(error))
            self.refresh()

    def acknowledge(self, finding: Finding) -> None:
        """Store that the officer has seen this finding and accepts it as it stands."""
        try:
            self.open_year.replace_year(lambda year: _checks().acknowledge(year, finding))
        except UserError as error:
            self.problem.emit("不能确认", str(error))

    def use_reference_set(self) -> None:
        """Replace the year's indicator set by the shipped reference set (scores start empty)."""

        def replace(year: YearData) -> None:
            year.indicator_set = reference_indicator_set()

        self.open_year.replace_year(replace)
