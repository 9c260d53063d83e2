"""全部确认 asks with the list in view: every field it will confirm, and what it leaves to be fixed one by one."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from zjdesk.ui.screen_fit import fit_dialog
from zjdesk.ui.style import own_style


def wrapping_list(name: str, lines: list[str]) -> QPlainTextEdit:
    """Lines to read, one per paragraph, wrapped at the width (a long message is read whole, never cut with "…")."""
    widget = QPlainTextEdit()
    widget.setObjectName(name)
    widget.setReadOnly(True)
    widget.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
    widget.setPlainText("\n".join(lines))
    return widget


class ConfirmAllDialog(QDialog):
    """The question, the fields to confirm, and (when there are) the findings that stay open."""

    def __init__(self, parent: QWidget | None, title: str, question: str, items: list[str], remaining: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("confirmAllDialog")
        own_style(self)
        layout = QVBoxLayout(self)
        label = QLabel(question)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.items = wrapping_list("confirm.items", items)
        layout.addWidget(self.items, 2)
        self.remaining = wrapping_list("confirm.remaining", remaining)
        if remaining:
            caption = QLabel(
                f"以下 {len(remaining)} 项不随“全部确认”消除，请逐项修改（可点“自动修正”）或在检查结果中逐项确认无误："
            )
            caption.setObjectName("confirm.remainingCaption")
            caption.setWordWrap(True)
            layout.addWidget(caption)
            layout.addWidget(self.remaining, 1)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(f"全部确认（{len(items)} 项）", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("confirm.ok")
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_dialog(self, 640, 560)
