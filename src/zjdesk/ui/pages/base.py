"""What every step page shares: a scrolling column with the step's title, a short explanation and cards."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from zjdesk.ui.document import Document


class StepPage(QScrollArea):
    """A page of the wizard. Subclasses add cards to ``self.column`` in ``build``."""

    title = ""
    intro = ""

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # forms fit the width
        self.setObjectName("stepPage")
        inner = QWidget()
        inner.setObjectName("pageBody")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(28, 20, 28, 28)
        self.column.setSpacing(16)
        heading = QLabel(self.title)
        heading.setObjectName("pageTitle")
        self.column.addWidget(heading)
        if self.intro:
            intro = QLabel(self.intro)
            intro.setObjectName("pageIntro")
            intro.setWordWrap(True)
            self.column.addWidget(intro)
        self.build()
        self.column.addStretch(1)
        self.setWidget(inner)

    def build(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def reveal(self, path: str) -> QWidget | None:
        """The input widget of ``path`` on this page (or the nearest enclosing one), scrolled into view."""
        candidate = path
        while candidate:
            widget = self.widget().findChild(QWidget, candidate)
            if widget is not None:
                self.ensureWidgetVisible(widget, 40, 80)
                return widget
            candidate = candidate.rpartition(".")[0]
        return None

    def focus_first(self) -> None:
        """Put the cursor in the page's first field."""
        self.widget().focusNextChild()

    def leaving(self) -> None:
        """Called when the officer leaves the page (pages that hold heavy views release them)."""

    def entering(self) -> None:
        """Called when the page is shown."""
