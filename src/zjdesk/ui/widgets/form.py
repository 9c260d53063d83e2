"""Building forms: a titled group of labelled rows, each row one bound field (and its 待复核 badge)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.widgets.fields import (
    AmountField,
    CountField,
    DateField,
    DecimalField,
    TextBlock,
    TextLine,
)
from zjdesk.ui.widgets.finding_note import FindingNote
from zjdesk.ui.widgets.layouts import clear_layout
from zjdesk.ui.widgets.review import ReviewBadge

__all__ = ["BoundWidget", "Card", "FieldForm", "clear_layout", "hint_label"]

BoundWidget = TextLine | TextBlock | AmountField | CountField | DecimalField | DateField


def hint_label(text: str) -> QLabel:
    """A grey explanatory line under a group's title."""
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


class FieldForm(QWidget):
    """Labelled rows of bound fields (a QFormLayout: labels right-aligned, fields growing)."""

    def __init__(self, open_year: OpenYear, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.layout_ = QFormLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.layout_.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.layout_.setHorizontalSpacing(12)
        self.layout_.setVerticalSpacing(8)

    def _row(self, label: str, editor: BoundWidget, *extras: QWidget, review: bool = True, stretch: bool = True) -> None:
        caption = QLabel(label)
        caption.setBuddy(editor)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        row.addWidget(editor, 1 if stretch else 0)
        for extra in extras:
            row.addWidget(extra)
        if review:
            row.addWidget(ReviewBadge(self.open_year, editor.path), 0, Qt.AlignmentFlag.AlignTop)
        if not stretch:
            row.addStretch(1)
        column.addLayout(row)
        column.addWidget(FindingNote(editor.path))  # the findings on this field, under it
        if isinstance(editor, TextBlock):
            caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            self.layout_.addRow(caption, holder)
            self.layout_.setAlignment(caption, Qt.AlignmentFlag.AlignTop)
        else:
            self.layout_.addRow(caption, holder)

    def line(self, label: str, path: str, placeholder: str = "") -> TextLine:
        editor = TextLine(self.open_year, path, placeholder)
        self._row(label, editor)
        return editor

    def text(self, label: str, path: str, placeholder: str = "", rows: int = 4) -> TextBlock:
        editor = TextBlock(self.open_year, path, placeholder, rows)
        self._row(label, editor)
        return editor

    def amount(self, label: str, path: str, *extras: QWidget, allow_negative: bool = False) -> AmountField:
        editor = AmountField(self.open_year, path, allow_negative=allow_negative)
        editor.setFixedWidth(140)
        unit = QLabel("万元")
        unit.setObjectName("unit")
        self._row(label, editor, unit, *extras, stretch=False)
        return editor

    def count(self, label: str, path: str, unit: str = "人") -> CountField:
        editor = CountField(self.open_year, path)
        editor.setFixedWidth(90)
        suffix = QLabel(unit)
        suffix.setObjectName("unit")
        self._row(label, editor, suffix, stretch=False)
        return editor

    def decimal(self, label: str, path: str, unit: str = "", *, required: bool = False) -> DecimalField:
        editor = DecimalField(self.open_year, path, required=required, suffix=unit)
        editor.setFixedWidth(110)
        extras = []
        if unit:
            suffix = QLabel(unit)
            suffix.setObjectName("unit")
            extras.append(suffix)
        self._row(label, editor, *extras, stretch=False)
        return editor

    def date(self, label: str, path: str) -> DateField:
        editor = DateField(self.open_year, path)
        self._row(label, editor, stretch=False)
        return editor

    def widget(self, label: str, widget: QWidget) -> None:
        """A row holding any widget (a computed value, a button, a choice); a bound one gets its findings under it."""
        caption = QLabel(label)
        path = getattr(widget, "path", "")
        if not isinstance(path, str) or not path:
            self.layout_.addRow(caption, widget)
            return
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(FindingNote(path))
        self.layout_.addRow(caption, holder)


class Card(QGroupBox):
    """A titled white box on a page, holding an optional hint and any content."""

    def __init__(self, title: str, hint: str = "", parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(16, 14, 16, 14)
        self.body.setSpacing(10)
        if hint:
            self.body.addWidget(hint_label(hint))

    def add(self, widget: QWidget) -> QWidget:
        self.body.addWidget(widget)
        return widget

    def form(self, open_year: OpenYear) -> FieldForm:
        """A new form inside this card."""
        form = FieldForm(open_year)
        self.body.addWidget(form)
        return form
