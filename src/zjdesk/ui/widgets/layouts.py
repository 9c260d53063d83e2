"""Layout helpers the widgets share."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget of ``layout`` (before it is filled anew)."""
    while layout.count():
        taken = layout.takeAt(0)
        child = taken.widget() if taken is not None else None
        if child is not None:
            child.hide()
            child.setParent(None)  # out of findChild's reach at once: the new widgets reuse the field paths
            child.deleteLater()
