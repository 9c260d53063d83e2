"""The banner over a year opened read-only: why it cannot be changed, and a way to an editable copy."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


def read_only_text(reason: str) -> str:
    """The banner's sentence for ``reason`` (why the file cannot be written; empty: viewed read-only)."""
    why = reason.rstrip("。") if reason else "以只读方式打开"
    return f"只读：{why}。这里的修改不会保存到此文件；要修改，请另存为一份可以修改的副本。"


class ReadOnlyBanner(QFrame):
    """只读: the reason, and 另存为 to make an editable copy."""

    save_copy = Signal()

    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readOnlyBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 8, 10, 8)
        self.label = QLabel(read_only_text(reason))
        self.label.setObjectName("readOnlyReason")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        button = QPushButton("另存为可修改的副本…")
        button.setObjectName("readOnly.saveCopy")
        button.clicked.connect(self.save_copy.emit)
        layout.addWidget(button)
