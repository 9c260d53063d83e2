"""Ctrl+PgUp / Ctrl+PgDn change the step, even while the cursor is in a field that would claim them.

Text fields, tables and date boxes accept these keys as their own shortcuts (ShortcutOverride), so the
window's 上一步/下一步 actions would never see them. A filter on each such widget declines the override.
It sits on the widgets themselves, not on the whole application: an application-wide filter would
route every event of every widget through Python.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

STEP_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class _StepKeysFilter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            and event.key() in STEP_KEYS
        ):
            event.ignore()
            return True
        return False


_filter: list[_StepKeysFilter] = []


def leave_step_keys_to_the_window(widget: QWidget) -> None:
    """Let Ctrl+PgUp / Ctrl+PgDn pass through ``widget`` to the window's step actions."""
    if not _filter:
        _filter.append(_StepKeysFilter())
    widget.installEventFilter(_filter[0])
