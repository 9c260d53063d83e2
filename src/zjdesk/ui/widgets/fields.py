"""Input widgets bound to one field of the year each.

Every widget's ``objectName`` is the dotted path of its field (``cover.unit_name``); it writes
every change to the :class:`~zjdesk.ui.open_year.OpenYear` as the officer types, and re-reads its
value when the year changes under it (an automatic fix, an import). Number fields read what
people type (full-width digits, thousands separators, a trailing 万元) and mark a wrong entry at
once, in red. A wrong entry never reaches the value — the field keeps its last complete valid one —
and the typed text is kept as the field's pending entry: a red finding, written out under the field
by its page's finding note, and shown red again when the year is reopened.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSizePolicy, QWidget

from zjdesk.domain.amounts import format_amount, format_number, parse_amount, parse_count, parse_decimal
from zjdesk.domain.limits import number_kind
from zjdesk.domain.paths import PathError
from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.widgets.step_keys import leave_step_keys_to_the_window


def _set_invalid(widget: QWidget, message: str | None, hint: str = "") -> None:
    """Mark ``widget`` as holding an entry that cannot be used (red frame, tooltip with the reason)."""
    widget.setProperty("invalid", message is not None)
    widget.setToolTip(message if message is not None else hint)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class BoundField:
    """What every bound input widget shares: its path, the open year and re-reading its value."""

    open_year: OpenYear
    path: str

    def bind(self, open_year: OpenYear, path: str) -> None:
        self.open_year = open_year
        self.path = path
        self.setObjectName(path)  # type: ignore[attr-defined]  # the mixin is always on a QWidget
        self._loading = False
        open_year.reloaded.connect(self.reload)
        leave_step_keys_to_the_window(self)  # type: ignore[arg-type]  # the mixin is always on a QWidget

    def current(self) -> Any:
        try:
            return self.open_year.value(self.path)
        except PathError:  # the item was removed; its row is about to be rebuilt
            return None

    def reload(self) -> None:
        self._loading = True
        try:
            self.show_value(self.current())
        finally:
            self._loading = False

    def show_value(self, value: Any) -> None:  # pragma: no cover - each widget overrides it
        raise NotImplementedError

    def store(self, value: Any) -> None:
        if not self._loading:
            self.open_year.set_value(self.path, value)


class TextLine(QLineEdit, BoundField):
    """A one-line text field."""

    def __init__(self, open_year: OpenYear, path: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bind(open_year, path)
        self.setPlaceholderText(placeholder)
        self.reload()
        self.textChanged.connect(self.store)

    def show_value(self, value: Any) -> None:
        text = value or ""
        if self.text() != text:
            self.setText(text)
        if not self.hasFocus():
            self.setCursorPosition(0)  # setText leaves the cursor at the end: a narrow field would show only the end


class TextBlock(QPlainTextEdit, BoundField):
    """A paragraph of text; Tab moves on to the next field, as in every other field."""

    def __init__(
        self, open_year: OpenYear, path: str, placeholder: str = "", rows: int = 4, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bind(open_year, path)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.rows = rows
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.reload()
        self.textChanged.connect(lambda: self.store(self.toPlainText()))
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit)  # the text wraps anew at the new width

    def _fit(self, *_args: Any) -> None:
        """Grow with the text, from ``rows`` lines up to 14; beyond that the field scrolls."""
        line = self.fontMetrics().lineSpacing()
        lines = self.document().documentLayout().documentSize().height()  # in lines for a plain text layout
        shown = max(self.rows, min(14, int(lines) + 1))
        # lines + the text document's own margin + frame + the style sheet's padding (4 px top and bottom)
        height = line * shown + int(2 * self.document().documentMargin()) + 2 * self.frameWidth() + 10
        if self.height() != height:
            self.setFixedHeight(height)

    def show_value(self, value: Any) -> None:
        text = value or ""
        if self.toPlainText() != text:
            self.setPlainText(text)


class _ParsedLine(QLineEdit, BoundField):
    """A line whose text is parsed into a value; a wrong entry is marked and kept apart, never stored.

    While the officer types, every valid entry is stored at once (the rates and the score follow);
    an entry that cannot be used puts the field back to its last complete valid value — the one it
    had when this edit began, or when the officer last left it valid — and keeps the text as the
    field's pending entry.
    """

    validity_changed = Signal(bool)
    hint = ""

    def __init__(self, open_year: OpenYear, path: str, placeholder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bind(open_year, path)
        self.valid = True
        self._committed: Any = None  # the last complete valid value (what the file keeps)
        self.setPlaceholderText(placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setToolTip(self.hint)
        self.reload()
        self.textChanged.connect(self._typed)
        self.editingFinished.connect(self._tidy)

    def parse(self, text: str) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def show_value(self, value: Any) -> None:
        self._committed = value
        pending = self.open_year.pending_for(self.path)
        if pending is not None:  # typed earlier and not usable: shown as typed, red, until corrected
            if self.text() != pending.text:
                self.setText(pending.text)
            self._mark(pending.reason)
            return
        self._mark(None)
        text = self.format(value)
        if self.text() != text:
            self.setText(text)

    def _mark(self, message: str | None) -> None:
        valid = message is None
        if valid != self.valid or message:
            _set_invalid(self, message, self.hint)
        if valid != self.valid:
            self.valid = valid
            self.validity_changed.emit(valid)

    def _typed(self, text: str) -> None:
        if self._loading:
            return
        try:
            value = self.parse(text)
        except ValueError as error:
            self._mark(str(error))
            # The file keeps the last complete valid value; the text is kept apart until corrected.
            self.open_year.set_pending(self.path, text, str(error))
            self.store(self._committed)
            return
        self._mark(None)
        self.open_year.clear_pending(self.path)
        self.store(value)

    def _tidy(self) -> None:
        """Show a valid entry in its standard form (１５５７．１ → 1557.10) once the officer moves on."""
        if self.valid:
            self._committed = self.current()
            self._loading = True
            try:
                text = self.format(self._committed)
                if self.text() != text:
                    self.setText(text)
            finally:
                self._loading = False


class AmountField(_ParsedLine):
    """An amount in 万元 with two decimals; accepts １５５７．１５, 1,557.15 and 1557.15万元."""

    hint = "金额，单位万元，保留两位小数；可输入全角数字、千位分隔符。"

    def __init__(self, open_year: OpenYear, path: str, *, allow_negative: bool = False, parent: QWidget | None = None) -> None:
        self.allow_negative = allow_negative  # 预算调整数 can be a reduction (调减)
        super().__init__(open_year, path, "未填", parent)

    def parse(self, text: str) -> Decimal | None:
        value = parse_amount(text)
        if value is not None and value < 0 and not self.allow_negative:
            raise ValueError("金额不能为负数：请填写实际发生的金额。")
        return value

    def format(self, value: Any) -> str:
        return format_amount(value)


class CountField(_ParsedLine):
    """A whole number of people (编制数, 在职人数, 退休人数), or the evaluation year; empty means not known."""

    hint = "人数，填写整数。"

    def parse(self, text: str) -> int | None:
        return parse_count(text, number_kind(self.path, whole=True))


class DecimalField(_ParsedLine):
    """A plain decimal number (分值, 得分, 百分比)."""

    hint = "填写数字。"

    def __init__(
        self, open_year: OpenYear, path: str, *, required: bool = False, suffix: str = "", parent: QWidget | None = None
    ) -> None:
        self.required = required
        self.suffix = suffix
        super().__init__(open_year, path, "", parent)

    def parse(self, text: str) -> Decimal | None:
        value = parse_decimal(text, self.suffix)
        if value is None and self.required:
            raise ValueError("此项必须填写数字。")
        return value

    def store(self, value: Any) -> None:
        if value is None and self.required:
            value = Decimal(0)
        super().store(value)

    def format(self, value: Any) -> str:
        return format_number(value)


class DateField(QDateEdit, BoundField):
    """A date, picked from a calendar; the lowest date stands for 未填写 (no date yet)."""

    EMPTY = QDate(2000, 1, 1)

    def __init__(self, open_year: OpenYear, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bind(open_year, path)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy年M月d日")
        self.setMinimumDate(self.EMPTY)
        self.setSpecialValueText("未填写")
        self.setMinimumWidth(160)
        self.reload()
        self.dateChanged.connect(self._changed)
        self.calendarWidget().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # An empty date opens its calendar on this month, not on 2000年1月 (the date that stands for 未填写).
        if event.type() == QEvent.Type.Show and watched is self.calendarWidget() and self.date() == self.EMPTY:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    def show_value(self, value: Any) -> None:
        target = QDate(value.year, value.month, value.day) if isinstance(value, date) else self.EMPTY
        if self.date() != target:
            self.setDate(target)

    def focusNextPrevChild(self, next_child: bool) -> bool:
        # QDateEdit uses Tab to step through year/month/day; here Tab moves on to the next field,
        # like everywhere else in the form (the arrow keys still step through the parts).
        return QWidget.focusNextPrevChild(self, next_child)

    def _changed(self, value: QDate) -> None:
        self.store(None if value == self.EMPTY else date(value.year(), value.month(), value.day()))


class ChoiceField(QComboBox, BoundField):
    """One of a few fixed values, shown by their Chinese names."""

    def __init__(self, open_year: OpenYear, path: str, choices: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bind(open_year, path)
        for value, label in choices.items():
            self.addItem(label, value)
        self.reload()
        self.currentIndexChanged.connect(lambda _index: self.store(self.currentData()))

    def show_value(self, value: Any) -> None:
        index = self.findData(value)
        if index < 0 and value:
            self.addItem(str(value), value)
            index = self.count() - 1
        if index >= 0 and index != self.currentIndex():
            self.setCurrentIndex(index)


class CheckField(QCheckBox, BoundField):
    """A yes/no field (a checklist item met, a set being the reference set)."""

    def __init__(self, open_year: OpenYear, path: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(label, parent)
        self.bind(open_year, path)
        self.reload()
        self.toggled.connect(self.store)

    def show_value(self, value: Any) -> None:
        if self.isChecked() != bool(value):
            self.setChecked(bool(value))
