"""The list editor: items of a list in the year (tasks, goals, problems, team members …) with
add, remove and move up/down. Each item's fields are built by the page; the editor rebuilds its
rows whenever the list changes shape, so every field's objectName keeps naming its item's index.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from zjdesk.domain.paths import get_value
from zjdesk.ui import dialogs
from zjdesk.ui.document import Document

RowBuilder = Callable[[int], QWidget]


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


class ListEditor(QWidget):
    """Edit the list at ``list_path``: one row per item, built by ``build_row(index)``."""

    def __init__(
        self,
        document: Document,
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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.list_path = list_path
        self.build_row = build_row
        self.new_item = new_item
        self.item_name = item_name
        self.numbering = numbering
        self.compact = compact
        self.narrow = narrow  # a narrow column: icon-sized buttons
        self.setObjectName(f"list:{list_path}")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(6)
        if header is not None:
            outer.addWidget(header)
        self.rows_holder = QWidget()
        self.rows = QVBoxLayout(self.rows_holder)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(6 if compact else 10)
        outer.addWidget(self.rows_holder)
        self.add_button = QPushButton(f"＋ 添加{item_name}")
        self.add_button.setObjectName(f"add:{list_path}")
        self.add_button.clicked.connect(self.add_item)
        self.add_button.setVisible(can_add)
        self.empty_label = QLabel(f"（尚无{item_name}，点“添加{item_name}”开始填写）" if can_add else f"（没有{item_name}）")
        self.empty_label.setObjectName("hint")
        outer.addWidget(self.empty_label)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        outer.addLayout(add_row)
        document.reloaded.connect(self._reload)
        self.rebuild()

    def items(self) -> list[Any]:
        return get_value(self.document.year, self.list_path)

    def rebuild(self) -> None:
        """Lay out one row per item again (after the list changed shape)."""
        while self.rows.count():
            child = self.rows.takeAt(0).widget()
            if child is not None:
                child.hide()
                child.setParent(None)  # out of findChild's reach at once: the new rows reuse the paths
                child.deleteLater()
        count = len(self.items())
        for index in range(count):
            self.rows.addWidget(self._row(index, count))
        self.empty_label.setVisible(count == 0)

    def _reload(self) -> None:
        if self.rows.count() != len(self.items()):
            self.rebuild()

    def _row(self, index: int, count: int) -> QWidget:
        frame = QFrame()
        frame.setObjectName("listRow" if self.compact else "listCard")
        up = _small_button("↑", f"上移此{self.item_name}", f"up:{self.list_path}.{index}")
        down = _small_button("↓", f"下移此{self.item_name}", f"down:{self.list_path}.{index}")
        remove = _small_button("✕" if self.narrow else "删除", f"删除此{self.item_name}", f"remove:{self.list_path}.{index}")
        if self.narrow:
            for button in (up, down, remove):
                button.setFixedWidth(28)
        up.setEnabled(index > 0)
        down.setEnabled(index < count - 1)
        up.clicked.connect(lambda: self.move(index, index - 1))
        down.clicked.connect(lambda: self.move(index, index + 1))
        remove.clicked.connect(lambda: self.remove(index))
        number = QLabel(self.numbering(index))
        number.setObjectName("itemNumber")
        body = self.build_row(index)
        if self.compact:
            layout = QHBoxLayout(frame)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(6)
            number.setMinimumWidth(24 if self.narrow else 44)
            number.setMinimumHeight(30)
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(number, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(body, 1)
            for button in (up, down, remove):
                layout.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        else:
            layout = QVBoxLayout(frame)
            layout.setContentsMargins(12, 8, 12, 12)
            layout.setSpacing(6)
            head = QHBoxLayout()
            head.addWidget(number)
            head.addStretch(1)
            for button in (up, down, remove):
                head.addWidget(button)
            layout.addLayout(head)
            layout.addWidget(body)
        return frame

    # -- actions -----------------------------------------------------------------------------------

    def add_item(self) -> None:
        index = self.document.append_item(self.list_path, self.new_item())
        self.rebuild()
        self.focus_item(index)

    def remove(self, index: int) -> None:
        item = self.items()[index]
        if not _is_blank(item) and not dialogs.ask_yes_no(
            self, f"删除{self.item_name}", f"确定删除第 {index + 1} 项{self.item_name}吗？其中已填写的内容将一并删除。"
        ):
            return
        self.document.remove_item(self.list_path, index)
        self.rebuild()

    def move(self, index: int, new_index: int) -> None:
        self.document.move_item(self.list_path, index, new_index)
        self.rebuild()
        self.focus_item(new_index)

    def focus_item(self, index: int) -> None:
        """Put the cursor in the first field of item ``index``."""
        prefix = f"{self.list_path}.{index}"
        for editor in self.rows_holder.findChildren(QWidget):
            if not isinstance(editor, (QLineEdit, QPlainTextEdit)):
                continue
            name = editor.objectName()
            if name == prefix or name.startswith(prefix + "."):
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return
