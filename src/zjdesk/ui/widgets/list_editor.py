"""The list editor: items of a list in the year (tasks, goals, problems, team members …) with
add, remove and move up/down. Each item's fields are built by the page; the editor rebuilds its
rows whenever the list changes shape, so every field's objectName keeps naming its item's index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from zjdesk.domain.paths import get_value
from zjdesk.ui import dialogs
from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.widgets.fields import BoundField
from zjdesk.ui.widgets.finding_note import FindingNote
from zjdesk.ui.widgets.layouts import clear_layout
from zjdesk.ui.widgets.review import set_shown

RowBuilder = Callable[[int], QWidget]
REMOVE_TEXT = "删除"
ARROW_WIDTH = 28  # ↑ ↓ in a narrow row
REMOVE_WIDTH = 44  # 删除 in a narrow row
BUTTON_SPACING = 6
# The width the ↑ ↓ 删除 buttons of a narrow row take (a table header leaves room for them).
NARROW_BUTTONS_WIDTH = 2 * ARROW_WIDTH + REMOVE_WIDTH + 3 * BUTTON_SPACING
FOLD_FROM = 4  # a list of this many cards or more opens with all but the first folded to their titles


def _is_blank(item: Any) -> bool:
    if isinstance(item, str):
        return not item.strip()
    values = getattr(item, "__dict__", {}).values()
    return all(_is_blank(value) if isinstance(value, (str, list)) else value is None for value in values)


def _small_button(text: str, tip: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    button.setProperty("tool", True)
    # Tab moves from field to field; the row buttons are for the mouse (and would triple the Tab stops).
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button


class ClickableLabel(QLabel):
    """A label that says when it is clicked (a folded card's title opens the card)."""

    clicked = Signal()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()
        super().mousePressEvent(event)


class ListRow(QFrame):
    """One item's row or card; a folded card opens with :meth:`unfold` (a finding inside it was chosen)."""

    def __init__(self) -> None:
        super().__init__()
        self.unfold_action: Callable[[], None] | None = None

    def unfold(self) -> None:
        if self.unfold_action is not None:
            self.unfold_action()


class ListEditor(QWidget):
    """Edit the list at ``list_path``: one row per item, built by ``build_row(index)``."""

    def __init__(
        self,
        open_year: OpenYear,
        list_path: str,
        build_row: RowBuilder,
        new_item: Callable[[], Any],
        *,
        item_name: str,
        numbering: Callable[[int], str] = lambda index: f"{index + 1}.",
        compact: bool = False,
        header: QWidget | None = None,
        can_add: bool = True,
        narrow: bool = False,
        icon_buttons: bool = False,
        summary: Callable[[Any], str] | None = None,
        is_blank: Callable[[Any], bool] = _is_blank,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.list_path = list_path
        self.path = list_path  # the data it edits: a finding on the list itself reveals this editor
        self.build_row = build_row
        self.new_item = new_item
        self.item_name = item_name
        self.is_blank = is_blank  # a blank item is removed without asking
        self.numbering = numbering
        self.compact = compact
        self.narrow = narrow  # a narrow column: small numbers and icon-sized buttons
        self.icon_buttons = icon_buttons or narrow  # narrow fixed-width row buttons (table rows, name lists)
        # With ``summary`` (cards only) each item can fold to one line: its number and summary.
        self.summary = summary if not compact else None
        self.folded: set[int] = set()  # id() of the folded items (they keep their fold when moved)
        self.setObjectName(f"list:{list_path}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        self.header = header  # column captions: shown only above rows
        if header is not None:
            outer.addWidget(header)
        self.rows_holder = QWidget()
        self.rows = QVBoxLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(6 if compact else 10)
        outer.addWidget(self.rows_holder)
        self.note = FindingNote(list_path)  # findings on the list as a whole ("goals" still empty …)
        outer.addWidget(self.note)
        self.add_button = QPushButton(f"＋ 添加{item_name}")
        self.add_button.setObjectName(f"add:{list_path}")
        self.add_button.clicked.connect(self.add_item)
        # (never setVisible(True) here: the button has no parent yet, and would open as a window
        # of its own for a moment, taking the keyboard focus from the field being edited)
        set_shown(self.add_button, can_add)
        self.empty_label = QLabel(f"（尚无{item_name}，点“添加{item_name}”开始填写）" if can_add else f"（没有{item_name}）")
        self.empty_label.setObjectName("hint")
        outer.addWidget(self.empty_label)
        self.add_row = QHBoxLayout()
        self.add_row.addWidget(self.add_button)
        self.add_row.addStretch(1)
        outer.addLayout(self.add_row)
        open_year.reloaded.connect(self._reload)
        if self.summary is not None and len(self.items()) >= FOLD_FROM:
            self.folded = {id(item) for item in self.items()[1:]}
        self.rebuild()

    def add_beside(self, widget: QWidget) -> None:
        """Put another button for the whole list beside 添加 (e.g. 复制其他目标的指标)."""
        self.add_row.insertWidget(self.add_row.count() - 1, widget)

    def items(self) -> list[Any]:
        items: list[Any] = get_value(self.open_year.year, self.list_path)
        return items

    def rebuild(self) -> None:
        """Lay out one row per item again (after the list changed shape)."""
        clear_layout(self.rows)
        count = len(self.items())
        for index in range(count):
            row = self._row(index, count)
            self.rows.addWidget(row)
            if self.isVisible():
                # Shown now, not by the event loop later: focus_item can then put the cursor in it.
                row.show()
        self.empty_label.setVisible(count == 0)
        if self.header is not None:
            self.header.setVisible(count > 0)

    def _reload(self) -> None:
        if self.rows.count() != len(self.items()):
            self.rebuild()

    def _row(self, index: int, count: int) -> QWidget:
        frame = ListRow()
        frame.setObjectName("listRow" if self.compact else "listCard")
        up = _small_button("↑", f"上移此{self.item_name}", f"up:{self.list_path}.{index}")
        down = _small_button("↓", f"下移此{self.item_name}", f"down:{self.list_path}.{index}")
        # One delete control in every list: the word 删除 (an ✕ in some lists and 删除 in others confused).
        remove = _small_button(REMOVE_TEXT, f"删除此{self.item_name}", f"remove:{self.list_path}.{index}")
        if self.icon_buttons:
            for button in (up, down):
                button.setFixedWidth(ARROW_WIDTH)
            remove.setFixedWidth(REMOVE_WIDTH)
        up.setEnabled(index > 0)
        down.setEnabled(index < count - 1)
        up.clicked.connect(lambda: self.move_item(index, index - 1))
        down.clicked.connect(lambda: self.move_item(index, index + 1))
        remove.clicked.connect(lambda: self.remove(index))
        number = QLabel(self.numbering(index))
        number.setObjectName("itemNumber")
        body = self.build_row(index)
        note = FindingNote(f"{self.list_path}.{index}")  # findings on the item no field of it shows
        if self.compact:
            stack = QVBoxLayout(frame)
            stack.setContentsMargins(0, 0, 0, 0)
            stack.setSpacing(2)
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(6)
            stack.addLayout(line)
            stack.addWidget(note)
            number.setMinimumWidth(24 if self.narrow else 32)
            number.setMinimumHeight(30)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            line.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(body, 1)
            for button in (up, down, remove):
                line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        else:
            card = QVBoxLayout(frame)
            card.setContentsMargins(12, 8, 12, 12)
            card.setSpacing(6)
            head = QHBoxLayout()
            summary = self._fold_head(head, frame, index, body) if self.summary is not None else None
            head.addWidget(number)
            if summary is not None:
                head.addWidget(summary, 1)
            else:
                head.addStretch(1)
            for button in (up, down, remove):
                head.addWidget(button)
            card.addLayout(head)
            card.addWidget(body)
            card.addWidget(note)
        return frame

    def _fold_head(self, head: QHBoxLayout, frame: ListRow, index: int, body: QWidget) -> QLabel:
        """The fold arrow of a card (added to ``head``) and its summary line (returned, shown when folded)."""
        summarise = self.summary
        assert summarise is not None
        item = self.items()[index]
        toggle = QToolButton()
        toggle.setObjectName(f"fold:{self.list_path}.{index}")
        toggle.setProperty("fold", True)  # styled flat: the arrow alone says open or folded
        toggle.setAutoRaise(True)
        toggle.setCheckable(True)
        toggle.setToolTip(f"展开或折叠此{self.item_name}")
        summary = ClickableLabel()
        summary.setObjectName("foldSummary")
        summary.setWordWrap(True)  # a long title wraps rather than widen the page
        summary.setCursor(Qt.CursorShape.PointingHandCursor)
        summary.clicked.connect(toggle.toggle)  # a folded card opens from its title too

        def show(folded: bool) -> None:
            toggle.setArrowType(Qt.ArrowType.RightArrow if folded else Qt.ArrowType.DownArrow)
            # (set_shown: the body has no parent yet when the card is built, and showing a
            # parentless widget opens it as a window of its own, which takes the focus away)
            set_shown(body, not folded)
            text = summarise(item).strip() if folded else ""
            summary.setText(text or ("（未填写标题）" if folded else ""))
            (self.folded.add if folded else self.folded.discard)(id(item))

        toggle.toggled.connect(show)
        toggle.setChecked(id(item) in self.folded)
        show(id(item) in self.folded)
        frame.unfold_action = lambda: toggle.setChecked(False)
        head.addWidget(toggle)
        return summary

    def set_all_folded(self, folded: bool) -> None:
        """Fold every card to its title, or open them all."""
        self.folded = {id(item) for item in self.items()} if folded else set()
        self.rebuild()

    # -- actions -----------------------------------------------------------------------------------

    def add_item(self) -> None:
        index = self.open_year.append_item(self.list_path, self.new_item())
        self.rebuild()
        self.focus_item(index)

    def insert_new(self, index: int) -> None:
        """Insert a new item before ``index`` (after the last one when beyond) and put the cursor in it."""
        index = max(0, min(index, len(self.items())))
        self.open_year.insert_item(self.list_path, index, self.new_item())
        self.rebuild()
        self.focus_item(index)

    def remove(self, index: int) -> None:
        item = self.items()[index]
        if not self.is_blank(item) and not dialogs.ask_yes_no(
            self, f"删除{self.item_name}", f"确定删除第 {index + 1} 项{self.item_name}吗？其中已填写的内容将一并删除。"
        ):
            return
        self.open_year.remove_item(self.list_path, index)
        self.rebuild()

    def move_item(self, index: int, new_index: int) -> None:
        self.open_year.move_item(self.list_path, index, new_index)
        self.rebuild()
        self.focus_item(new_index)

    def focus_item(self, index: int) -> None:
        """Open item ``index`` and put the cursor in its first field."""
        if 0 <= index < len(self.items()) and id(self.items()[index]) in self.folded:
            self.folded.discard(id(self.items()[index]))
            self.rebuild()
        prefix = f"{self.list_path}.{index}"
        for editor in self.rows_holder.findChildren(QWidget):
            if not isinstance(editor, (QLineEdit, QPlainTextEdit)) or not isinstance(editor, BoundField):
                continue
            if editor.path == prefix or editor.path.startswith(prefix + "."):
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return
