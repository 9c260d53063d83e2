"""The step navigator down the side: every step, with a mark for complete / has red / has yellow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGridLayout, QLabel, QListWidget, QListWidgetItem, QWidget

from zjdesk.ui.steps import STEPS

STATUS_COLOURS = {"red": "#c62828", "yellow": "#e0a100", "todo": "#1e6fd9", "done": "#2e7d32", "open": "#b0b7c3"}
STATUS_TIPS = {
    "red": "有必须修改的问题（红色）",
    "yellow": "有需要留意的提示（黄色）",
    "todo": "还有必填内容未填写",
    "done": "已完成",
    "open": "尚未填写",
}


def status_icon(status: str) -> QIcon:
    """A small round mark: red or yellow dot, green tick, grey ring, blue half-filled ring (to do)."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS[status])
    if status in ("open", "todo"):
        painter.setPen(QPen(colour, 3))
        painter.drawEllipse(6, 6, 20, 20)
        if status == "todo":  # half filled: started, not finished
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            painter.drawPie(6, 6, 20, 20, 90 * 16, 180 * 16)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(4, 4, 24, 24)
        if status == "done":
            painter.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(10, 16, 14, 21)
            painter.drawLine(14, 21, 22, 11)
        else:
            painter.setPen(QPen(QColor("white"), 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(16, 9, 16, 17)
            painter.drawPoint(16, 23)
    painter.end()
    icon = QIcon(pixmap)
    icon.addPixmap(pixmap, QIcon.Mode.Selected)  # the same colours on the highlighted step, not a tint
    return icon


class StepNavigator(QListWidget):
    """The list of steps; selecting one asks the window to show it."""

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setIconSize(QSize(16, 16))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._icons = {status: status_icon(status) for status in STATUS_COLOURS}
        self.statuses: list[str] = []
        for index, step in enumerate(STEPS):
            item = QListWidgetItem(f"{index + 1}  {step.title}")
            item.setSizeHint(QSize(0, 40))
            self.addItem(item)
        self.set_statuses(["open"] * len(STEPS))
        self.currentRowChanged.connect(self.step_chosen)

    def set_statuses(self, statuses: Sequence[str]) -> None:
        """One status per step: red, yellow, todo, done or open."""
        self.statuses = list(statuses)
        for index, status in enumerate(statuses):
            item = self.item(index)
            item.setIcon(self._icons[status])
            item.setToolTip(STATUS_TIPS[status])


LEGEND = (("red", "有错误"), ("yellow", "请留意"), ("todo", "待填写"), ("done", "已完成"))


class StatusLegend(QWidget):
    """What the navigator's marks mean, under the steps (a first user need not guess)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLegend")
        grid = QGridLayout(self)
        grid.setContentsMargins(18, 8, 8, 12)
        grid.setHorizontalSpacing(4)
        grid.setVerticalSpacing(4)
        for index, (status, text) in enumerate(LEGEND):
            icon = QLabel()
            icon.setPixmap(status_icon(status).pixmap(QSize(12, 12)))
            label = QLabel(text)
            label.setObjectName("hint")
            row, column = divmod(index, 2)
            grid.addWidget(icon, row, column * 2)
            grid.addWidget(label, row, column * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
