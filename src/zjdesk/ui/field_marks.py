"""Findings on the fields themselves: each finding of a page shown under its field, the field framed in its colour.

A page's :class:`~zjdesk.ui.widgets.finding_note.FindingNote` widgets sit under its fields, rows, lists
and grids, each speaking for some paths. After every check the page's :class:`FieldMarks` gives each
finding to the note that speaks for its path most closely (a field before its row, a row before its
list) among the notes the officer can see, and the rest to the page's own note at the top; every
input whose path has a finding gets the finding's colour (``finding`` property, see the style sheet).
The 待复核 marks have their own badge beside the field and are not repeated here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from zjdesk.domain.checks_base import Finding
from zjdesk.ui.finding_kinds import SEVERITY_ORDER, kind_of
from zjdesk.ui.widgets.fields import BoundField
from zjdesk.ui.widgets.finding_note import FindingNote

if TYPE_CHECKING:
    from zjdesk.ui.pages.base import StepPage

NOT_MARKED = ("review_pending",)  # shown by the 待复核 badge beside the field


def _rank(finding: Finding) -> int:
    return SEVERITY_ORDER.get(kind_of(finding), 4)


def _can_be_seen(note: FindingNote, body: QWidget) -> bool:
    """Whether ``note`` would show on the page (its place is not inside a folded card)."""
    parent = note.parentWidget()
    return parent is not None and (parent is body or parent.isVisibleTo(body))


class FieldMarks:
    """Keeps the findings of ``page``'s step beside its fields, refreshed a moment after each check."""

    def __init__(self, page: StepPage, shows: Callable[[Finding], bool]) -> None:
        self.page = page
        self.shows = shows  # whether a finding of the step belongs on the page now (the evaluation page's selection)
        self.timer = QTimer(page)
        self.timer.setSingleShot(True)
        self.timer.setInterval(0)  # after the rows an edit rebuilds are in place
        self.timer.timeout.connect(self.refresh)

    def schedule(self) -> None:
        """Refresh once the current event is handled (several checks in a row: one refresh)."""
        self.timer.start()

    def findings(self) -> list[Finding]:
        """The open findings of the page's step that the page shows beside its fields, worst first."""
        key = self.page.step.key
        found = [
            item
            for item in self.page.live_score.findings
            if not item.acknowledged and item.check not in NOT_MARKED and item.step.key == key and self.shows(item)
        ]
        return sorted(found, key=_rank)

    def refresh(self) -> None:
        """Give every finding to its note, and every field its colour."""
        page = self.page
        body = page.body
        notes = [note for note in body.findChildren(FindingNote) if note is not page.page_note]
        # A note inside a folded card cannot be seen: its findings go to the card's own note, or the page's.
        visible = [note for note in notes if _can_be_seen(note, body)]
        given: dict[int, list[Finding]] = {id(note): [] for note in notes}
        leftover: list[Finding] = []
        worst: dict[str, str] = {}
        for finding in self.findings():
            worst.setdefault(finding.path, kind_of(finding))
            best: FindingNote | None = None
            closeness = 0
            for note in visible:
                score = note.covers(finding.path)
                if score > closeness:
                    best, closeness = note, score
            if best is None:
                leftover.append(finding)
            else:
                given[id(best)].append(finding)
        readonly = page.open_year.year_file.readonly
        live_score = page.live_score
        for note in notes:
            note.show_findings(given[id(note)], live_score.apply_fix, live_score.acknowledge, readonly=readonly)
        page.page_note.show_findings(leftover, live_score.apply_fix, live_score.acknowledge, readonly=readonly)
        for widget in body.findChildren(QWidget):
            if isinstance(widget, BoundField):
                kind = worst.get(widget.path, "")
                if (widget.property("finding") or "") != kind:
                    widget.setProperty("finding", kind)
                    widget.style().unpolish(widget)
                    widget.style().polish(widget)
