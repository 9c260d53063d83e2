"""The open year: the year being edited, its year file, and every edit saved as it happens.

Pages never touch the file. A field widget calls :meth:`OpenYear.set_value` with its dotted path;
the open year changes the year, clears that field's 待复核 mark, and commits the year through
:meth:`YearFile.save` a moment later: edits within :data:`SAVE_DELAY_MS` of each other are committed
together (typing a sentence is one write, not thirty), but never later than :data:`MAX_SAVE_DELAY_MS`
after the first unsaved one, however steadily the officer types. :meth:`flush` commits at once (the
window calls it when the focus moves to another field); closing flushes.

An entry a number field cannot use never reaches the value: the field keeps its last complete valid
value, and the typed text is kept as a *pending entry* (:meth:`set_pending`) — saved in the year
file apart from the value, listed as a red finding, and shown red again when the year is reopened.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from zjdesk.domain.errors import UserError
from zjdesk.domain.model import PendingEntry, YearData
from zjdesk.domain.paths import get_value, set_value
from zjdesk.store.yearfile import YearFile

SAVE_DELAY_MS = 300
MAX_SAVE_DELAY_MS = 2000


def _shift_index_path(path: str, list_path: str, remap: Callable[[int], int | None]) -> str | None:
    """``path`` with the item index under ``list_path`` remapped (None: the item is gone)."""
    prefix = list_path + "."
    if not path.startswith(prefix):
        return path
    index_text, _, rest = path[len(prefix) :].partition(".")
    if not index_text.isdigit():
        return path
    new_index = remap(int(index_text))
    if new_index is None:
        return None
    return f"{prefix}{new_index}" + (f".{rest}" if rest else "")


class OpenYear(QObject):
    """One open year file and the year being edited in it."""

    changed = Signal(str)  # a field changed (its path; "" when many did)
    reloaded = Signal()  # the year changed under the widgets (a fix, a list edit): re-read values
    review_changed = Signal()
    pending_changed = Signal()  # an entry that could not be used was kept, replaced or cleared
    saved = Signal(object)  # datetime of the commit
    failed = Signal(object)  # a UserError from the file

    def __init__(self, year_file: YearFile, year: YearData | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.year_file = year_file
        self.year = year if year is not None else year_file.load()
        self.last_saved: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        # Started by the first unsaved edit and not restarted by later ones: the longest an edit waits.
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_SAVE_DELAY_MS)
        self._deadline.timeout.connect(self.flush)

    # -- reading -----------------------------------------------------------------------------------

    @property
    def path(self) -> Path:
        """Where the year file is."""
        return self.year_file.path

    def value(self, path: str) -> Any:
        """The current value of the field at ``path``."""
        return get_value(self.year, path)

    def is_under_review(self, path: str) -> bool:
        """Whether the field at ``path`` was carried forward or imported and awaits 复核."""
        return path in self.year.review

    def pending_for(self, path: str) -> PendingEntry | None:
        """The entry typed into the field at ``path`` that could not be used, if any."""
        return next((entry for entry in self.year.pending if entry.path == path), None)

    # -- entries that could not be used --------------------------------------------------------------

    def set_pending(self, path: str, text: str, reason: str) -> None:
        """Keep ``text`` typed into ``path`` (which could not be used, for ``reason``) apart from its value."""
        entry = self.pending_for(path)
        if entry is not None and (entry.text, entry.reason) == (text, reason):
            return
        if entry is None:
            self.year.pending.append(PendingEntry(path, text, reason))
        else:
            entry.text, entry.reason = text, reason
        self._schedule_save()
        self.pending_changed.emit()
        self.changed.emit(path)

    def clear_pending(self, path: str) -> None:
        """The field at ``path`` holds a usable entry again (corrected, or cleared)."""
        kept = [entry for entry in self.year.pending if entry.path != path]
        if len(kept) != len(self.year.pending):
            self.year.pending = kept
            self._schedule_save()
            self.pending_changed.emit()
            self.changed.emit(path)

    # -- editing -----------------------------------------------------------------------------------

    def set_value(self, path: str, value: Any) -> None:
        """Change one field; editing a field also confirms it (clears 待复核)."""
        if get_value(self.year, path) == value:
            return
        set_value(self.year, path, value)
        if path in self.year.review:
            self.year.review.remove(path)
            self.review_changed.emit()
        self._schedule_save()
        self.changed.emit(path)

    def confirm_review(self, path: str) -> None:
        """The officer has looked at the field and keeps it as it is (一键确认)."""
        if path in self.year.review:
            self.year.review.remove(path)
            self._schedule_save()
            self.review_changed.emit()
            self.changed.emit(path)

    def confirm_all_reviews(self, prefix: str = "") -> None:
        """Confirm every field under ``prefix`` (all fields when empty)."""
        kept = [path for path in self.year.review if prefix and not (path == prefix or path.startswith(prefix + "."))]
        if kept != self.year.review:
            self.year.review = kept
            self._schedule_save()
            self.review_changed.emit()
            self.changed.emit("")

    def insert_item(self, list_path: str, index: int, item: Any) -> None:
        """Insert ``item`` into the list at ``list_path`` before ``index``."""
        items = get_value(self.year, list_path)
        index = max(0, min(index, len(items)))
        items.insert(index, item)
        self._remap_paths(list_path, lambda old: old + 1 if old >= index else old)
        self._structure_changed(list_path)

    def append_item(self, list_path: str, item: Any) -> int:
        """Append ``item`` to the list at ``list_path``; returns its index."""
        items = get_value(self.year, list_path)
        self.insert_item(list_path, len(items), item)
        return len(items) - 1

    def remove_item(self, list_path: str, index: int) -> Any:
        """Remove and return the item at ``index`` of the list at ``list_path``."""
        items = get_value(self.year, list_path)
        item = items.pop(index)
        self._remap_paths(list_path, lambda old: None if old == index else (old - 1 if old > index else old))
        self._structure_changed(list_path)
        return item

    def move_item(self, list_path: str, index: int, new_index: int) -> None:
        """Move the item at ``index`` to ``new_index`` within the list at ``list_path``."""
        items = get_value(self.year, list_path)
        if not (0 <= index < len(items) and 0 <= new_index < len(items)) or index == new_index:
            return
        order = list(range(len(items)))
        order.insert(new_index, order.pop(index))
        items[:] = [items[old] for old in order]
        new_position = {old: new for new, old in enumerate(order)}
        self._remap_paths(list_path, lambda old: new_position.get(old, old))
        self._structure_changed(list_path)

    def replace_year(self, change: Callable[[YearData], Any]) -> Any:
        """Run ``change`` on the year (an automatic fix, an import) and refresh every view."""
        result = change(self.year)
        self._schedule_save()
        self.reloaded.emit()
        self.review_changed.emit()
        self.changed.emit("")
        return result

    def snapshot(self) -> YearData:
        """A copy of the year as it is now (for exports that must not see later edits)."""
        return copy.deepcopy(self.year)

    # -- saving ------------------------------------------------------------------------------------

    def _schedule_save(self) -> None:
        self._timer.start()  # restarted by every edit: a pause in typing saves
        if not self._deadline.isActive():
            self._deadline.start()  # not restarted: steady typing still saves within MAX_SAVE_DELAY_MS

    @property
    def has_unsaved_changes(self) -> bool:
        return self._timer.isActive() or self._deadline.isActive()

    def flush(self) -> bool:
        """Commit pending edits now; returns False (and emits ``failed``) when the file refused."""
        self._timer.stop()
        self._deadline.stop()
        if not self.year_file.is_open or self.year_file.readonly:
            return True
        try:
            self.year_file.save(self.year)
        except UserError as error:
            self.failed.emit(error)
            return False
        self.last_saved = datetime.now()
        self.saved.emit(self.last_saved)
        return True

    def close(self, *, commit: bool = True) -> None:
        """Commit what is pending (unless the caller already did) and release the file."""
        if self.year_file.is_open:
            if commit:
                self.flush()
            self.year_file.close()

    # -- helpers -----------------------------------------------------------------------------------

    def _remap_paths(self, list_path: str, remap: Callable[[int], int | None]) -> None:
        """Keep 待复核 marks, acknowledgements and pending entries on their items when a list is edited."""
        review = []
        for path in self.year.review:
            shifted = _shift_index_path(path, list_path, remap)
            if shifted is not None:
                review.append(shifted)
        self.year.review = review
        acknowledgements = []
        for acknowledgement in self.year.acknowledgements:
            shifted = _shift_index_path(acknowledgement.path, list_path, remap)
            if shifted is not None:
                acknowledgement.path = shifted
                acknowledgements.append(acknowledgement)
        self.year.acknowledgements = acknowledgements
        pending = []
        for entry in self.year.pending:
            shifted = _shift_index_path(entry.path, list_path, remap)
            if shifted is not None:
                entry.path = shifted
                pending.append(entry)
        if len(pending) != len(self.year.pending):
            self.year.pending = pending
            self.pending_changed.emit()

    def _structure_changed(self, list_path: str) -> None:
        self._schedule_save()
        self.review_changed.emit()
        self.changed.emit(list_path)
