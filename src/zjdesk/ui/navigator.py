"""The step navigator down the side: every step, with a mark for complete / has red / has yellow."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPen, QPixmap
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


# Beside the text of an item: left padding and border (style sheet), the icon's margins, the list's frame.
ITEM_PADDING = 14 + 4 + 12 + 16


class StepNavigator(QListWidget):
    """The list of steps; selecting one asks the window to show it."""

    step_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigator")
        self.setIconSize(QSize(16, 16))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)  # the column is as wide as its longest title
        self._icons = {status: status_icon(status) for status in STATUS_COLOURS}
        self.statuses: list[str] = []
        self.rail = False  # numbers only (a narrow window): the titles are in the tooltips
        for _index, _step in enumerate(STEPS):
            item = QListWidgetItem()
            item.setSizeHint(QSize(0, 40))
            self.addItem(item)
        self._label_items()
        self.set_statuses(["open"] * len(STEPS))
        self.currentRowChanged.connect(self.step_chosen)

    def _label_items(self) -> None:
        for index, step in enumerate(STEPS):
            self.item(index).setText(f"{index + 1}" if self.rail else f"{index + 1}  {step.title}")

    def set_rail(self, rail: bool) -> None:
        """Show the steps' numbers only (a narrow window leaves the page the room) or their titles too."""
        if rail != self.rail:
            self.rail = rail
            self._label_items()
            self.set_statuses(self.statuses)

    def full_width(self) -> int:
        """The width the list needs to show every title whole (icon, number, title, padding, border)."""
        # the style sheet sets the items' font (10.5pt, the selected one bold): measure it so
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 10.5))
        font.setBold(True)
        metrics = QFontMetrics(font)
        widest = max(metrics.horizontalAdvance(f"{index + 1}  {step.title}") for index, step in enumerate(STEPS))
        return widest + self.iconSize().width() + ITEM_PADDING

    def set_statuses(self, statuses: Sequence[str]) -> None:
        """One status per step: red, yellow, todo, done or open."""
        self.statuses = list(statuses)
        for index, status in enumerate(statuses):
            item = self.item(index)
            item.setIcon(self._icons[status])
            title = f"第 {index + 1} 步：{STEPS[index].title}\n" if self.rail else ""
            item.setToolTip(title + STATUS_TIPS[status])


LEGEND = (("red", "有错误"), ("yellow", "请留意"), ("todo", "待填写"), ("done", "已完成"))


class StatusLegend(QWidget):
    """What the navigator's marks mean, under the steps (a first user need not guess)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLegend")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(18, 8, 8, 12)
        self.grid.setHorizontalSpacing(4)
        self.grid.setVerticalSpacing(4)
        self.marks: list[tuple[QLabel, QLabel]] = []
        for status, text in LEGEND:
            icon = QLabel()
            icon.setPixmap(status_icon(status).pixmap(QSize(12, 12)))
            icon.setToolTip(text)
            label = QLabel(text)
            label.setObjectName("hint")
            self.marks.append((icon, label))
        self.set_rail(False)

    def set_rail(self, rail: bool) -> None:
        """Two columns of marks with their words, or (a narrow window) the marks alone, their words as tooltips."""
        columns = 1 if rail else 2
        self.grid.setContentsMargins(14 if rail else 18, 8, 8, 12)
        for index, (icon, label) in enumerate(self.marks):
            row, column = divmod(index, columns)
            self.grid.addWidget(icon, row, column * 2)
            self.grid.addWidget(label, row, column * 2 + 1)
            label.setVisible(not rail)
        for column in range(4):
            self.grid.setColumnStretch(column, 1 if column in (1, 3) and not rail else 0)
