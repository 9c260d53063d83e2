"""What every step page shares: a scrolling column with the step's title, a short explanation and cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from zjdesk.domain.checks_base import Finding
from zjdesk.domain.registry import label_of
from zjdesk.ui.field_marks import FieldMarks
from zjdesk.ui.steps import PageContext
from zjdesk.ui.widgets.fields import BoundField
from zjdesk.ui.widgets.finding_note import FindingNote
from zjdesk.ui.widgets.list_editor import ListEditor, ListRow
from zjdesk.ui.widgets.review import ReviewBanner

PAGE_MAX_WIDTH = 1180
PAGE_MARGIN = 28
NARROW_MARGIN = 14
NARROW_PAGE = 660  # page width (logical pixels) below which the margins narrow


class StepPage(QScrollArea):
    """A page of the wizard. Subclasses add cards to ``self.column`` in ``build``.

    The page's title and the parts of the year it edits (for its 待复核 banner) are its step's.
    """

    intro = ""

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.step = context.step
        self.title = context.step.title
        self.parts = context.step.parts
        self.open_year = context.open_year
        self.live_score = context.live_score
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Forms fit the width; only a window narrower than a page's widest row (150 % on a 1366×768 laptop)
        # scrolls sideways rather than cutting the row off.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setObjectName("stepPage")
        inner = QWidget()
        inner.setObjectName("pageBody")
        self.body = inner  # the scrolled column (QScrollArea.widget() may be None to the type checker)
        # On a wide screen a line of text stays readable: the column stops growing and sits centred.
        inner.setMaximumWidth(PAGE_MAX_WIDTH)
        self.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(PAGE_MARGIN, 20, PAGE_MARGIN, 28)
        self.column.setSpacing(16)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        self.column.addWidget(heading)
        if self.intro:
            intro = QLabel(self.intro)
            intro.setObjectName("pageIntro")
            intro.setWordWrap(True)
            self.column.addWidget(intro)
        self.review_banner = ReviewBanner(
            self.open_year, self.parts, findings=lambda: self.live_score.findings, caption=self.caption_of
        )
        self.column.addWidget(self.review_banner)
        # Findings of this step that no field of the page shows (and the field marks that place the rest).
        self.page_note = FindingNote()
        self.page_note.setProperty("pageNote", True)
        self.column.addWidget(self.page_note)
        self.build()
        self.column.addStretch(1)
        self.setWidget(inner)
        self.marks = FieldMarks(self, self.shows_finding)
        self.live_score.updated.connect(self._checked)

    def build(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def _editor_of(self, path: str) -> QWidget | None:
        """The widget that edits ``path`` exactly: a bound field, or the editor of a list."""
        for widget in self.body.findChildren(QWidget):
            if isinstance(widget, (BoundField, ListEditor)) and widget.path == path:
                return widget
        return None

    def caption_of(self, path: str) -> str:
        """What the page calls the field at ``path``: its row's label, else its list item (人员类别 2), else ""."""
        editor = self._editor_of(path)
        if editor is not None:
            for label in self.body.findChildren(QLabel):
                if label.buddy() is editor and label.text():
                    return label.text()
        lists = [widget for widget in self.body.findChildren(ListEditor) if path.startswith(widget.list_path + ".")]
        if lists:
            innermost = max(lists, key=lambda widget: len(widget.list_path))
            index = path[len(innermost.list_path) + 1 :].split(".", 1)[0]
            if index.isdigit():
                declared = label_of(path)  # 人员类别2的编制数
                return f"{innermost.item_name}{int(index) + 1}" + (f"的{declared}" if declared else "")
        return ""

    def reveal(self, path: str) -> QWidget | None:
        """The input widget of ``path`` on this page (or the nearest enclosing one), scrolled into view."""
        candidate = path
        while candidate:
            widget = self._editor_of(candidate)
            if widget is None and candidate == path:
                # A finding may name a whole list the page edits item by item (an indicator's
                # checklist_met, its 检查项 1, 2, …): its first item is where to start.
                widget = self._editor_of(f"{path}.0")
            if widget is not None:
                # Open any folded card around the field first (a folded task hides its fields).
                ancestor = widget.parentWidget()
                while ancestor is not None and ancestor is not self:
                    if isinstance(ancestor, ListRow):
                        ancestor.unfold()
                    ancestor = ancestor.parentWidget()
                self.ensureWidgetVisible(widget, 40, 80)
                return widget
            candidate = candidate.rpartition(".")[0]
        return None

    def shows_finding(self, finding: Finding) -> bool:
        """Whether a finding of this step is shown beside the page's fields now (all are, by default)."""
        return True

    def _checked(self) -> None:
        if self.isVisible():
            self.marks.schedule()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # A narrow column keeps its room for the fields: smaller margins beside the cards.
        side = NARROW_MARGIN if event.size().width() < NARROW_PAGE else PAGE_MARGIN
        margins = self.column.contentsMargins()
        if margins.left() != side:
            self.column.setContentsMargins(side, margins.top(), side, margins.bottom())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.marks.schedule()

    def leaving(self) -> None:
        """Called when the officer leaves the page (pages that hold heavy views release them)."""

    def entering(self) -> None:
        """Called when the page is shown."""


# A button that only reads the year (print, export): it stays available on a file opened read-only.
READS_ONLY = "readsOnly"


def reads_only(button: QPushButton) -> QPushButton:
    """Mark ``button`` as one that changes nothing in the year."""
    button.setProperty(READS_ONLY, True)
    return button


def make_read_only(page: QWidget) -> None:
    """Let the officer read every field of ``page`` but change none (a file opened read-only)."""
    for widget in page.findChildren(QWidget):
        if isinstance(widget, (QLineEdit, QPlainTextEdit, QAbstractSpinBox)):
            widget.setReadOnly(True)
        elif isinstance(widget, (QComboBox, QCheckBox)) or (isinstance(widget, QPushButton) and not widget.property(READS_ONLY)):
            widget.setEnabled(False)
