"""The findings panel: red / yellow / blue findings of the checks; clicking one goes to its field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from zjdesk.domain.checks_base import Finding, Fix
from zjdesk.domain.steps import STEPS, step_index_of_path
from zjdesk.ui.live_score import LiveScore

# "todo": a finding that only says something is not filled in yet (Finding.is_todo).
# "review": a carried-forward or imported field not yet confirmed (yellow, counted on its own).
SEVERITY_COLOURS = {"red": "#c62828", "todo": "#1e6fd9", "yellow": "#e0a100", "review": "#e0a100", "blue": "#7b8794"}
SEVERITY_NAMES = {"red": "必须修改", "todo": "待填写", "yellow": "请留意", "review": "待复核", "blue": "建议"}
ITEM_SLACK = 24  # icon margin, item padding and spacing (style sheet) beside the text
ITEM_PADDING = 14  # item padding top and bottom, and its bottom border
SEVERITY_ORDER = {"red": 0, "todo": 1, "yellow": 2, "review": 3, "blue": 4}


def kind_of(finding: Listed) -> str:
    """How the panel shows ``finding``: red, todo, yellow, review or blue."""
    if finding.check == "review_pending":
        return "review"
    return "todo" if finding.is_todo else finding.severity


@dataclass(frozen=True)
class ReviewGroup:
    """All the 待复核 marks of one step, listed as one line (an imported report has a hundred of them)."""

    path: str  # the first field to review: clicking the line goes there
    count: int
    step: int
    check: str = "review_pending"
    severity: str = "yellow"
    acknowledged: bool = False
    fix: Fix | None = None
    acknowledgeable: bool = False  # confirmed on the page (确认 / 全部确认), field by field
    is_todo: bool = False

    @property
    def message(self) -> str:
        return f"第 {self.step + 1} 步“{STEPS[self.step].title}”有 {self.count} 项内容待复核：请逐项核对后点“确认”。"


# What the panel lists: a finding, or the 待复核 marks of a step as one line.
Listed = Finding | ReviewGroup


def group_reviews(findings: list[Finding]) -> list[Listed]:
    """``findings`` with the 待复核 ones of each step merged into one :class:`ReviewGroup`, in place of the first."""
    by_step: dict[int, list[Finding]] = {}
    for finding in findings:
        if finding.check == "review_pending":
            by_step.setdefault(step_index_of_path(finding.path or ""), []).append(finding)
    grouped: list[Listed] = []
    for finding in findings:
        if finding.check != "review_pending":
            grouped.append(finding)
            continue
        step = step_index_of_path(finding.path or "")
        members = by_step[step]
        if members[0] is finding:
            grouped.append(finding if len(members) == 1 else ReviewGroup(finding.path, len(members), step))
    return grouped


def _dot(colour: str, ring: bool = False) -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if ring:  # a to-do: an empty box to tick, not an alarm
        painter.setPen(QPen(QColor(colour), 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(5, 5, 14, 14)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(colour))
        painter.drawEllipse(4, 4, 16, 16)
    painter.end()
    return QIcon(pixmap)


class FindingsPanel(QFrame):
    """Lists the open findings; emits ``finding_activated`` when the officer clicks one."""

    finding_activated = Signal(object)

    def __init__(self, live_score: LiveScore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live_score = live_score
        self.setObjectName("findingsPanel")
        self._icons = {kind: _dot(colour, ring=kind in ("todo", "review")) for kind, colour in SEVERITY_COLOURS.items()}
        self.shown: list[Listed] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        caption = QLabel("检查结果")
        caption.setObjectName("panelCaption")
        layout.addWidget(caption)
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.list = QListWidget()
        self.list.setObjectName("findings")
        self.list.setWordWrap(True)
        # Each item's height is measured for the list's real width (see _fit_items), again on every
        # resize: Qt's own measure ignores the style sheet's padding and cuts the last line off.
        self.list.viewport().installEventFilter(self)
        self.list.setIconSize(QSize(12, 12))
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.list.currentRowChanged.connect(self._update_buttons)
        layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        self.fix_button = QPushButton("自动修正")
        self.fix_button.setObjectName("findings.fix")
        self.fix_button.setToolTip("按提示自动修正此问题")
        self.fix_button.clicked.connect(self.fix_current)
        self.ack_button = QPushButton("确认无误")
        self.ack_button.setObjectName("findings.acknowledge")
        self.ack_button.setToolTip("已核对，此提示不再显示（确认记录保存在年度文件中）")
        self.ack_button.clicked.connect(self.acknowledge_current)
        buttons.addWidget(self.fix_button)
        buttons.addWidget(self.ack_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        live_score.updated.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        open_findings = [item for item in self.live_score.findings if not item.acknowledged]
        # Mistakes first, then what is still to fill in (in the order of the steps), then hints.
        open_findings.sort(key=lambda item: (SEVERITY_ORDER.get(kind_of(item), 4), step_index_of_path(item.path or "")))
        acknowledged = len(self.live_score.findings) - len(open_findings)
        counts = {kind: sum(1 for item in open_findings if kind_of(item) == kind) for kind in SEVERITY_COLOURS}
        findings = group_reviews(open_findings)
        parts = [f"{SEVERITY_NAMES[kind]}\u00a0{counts[kind]}" for kind in SEVERITY_COLOURS if counts[kind]]
        summary = "　".join(parts) + (f"　已确认\u00a0{acknowledged}" if acknowledged else "")
        if not self.live_score.checked:
            summary = "正在检查……"
        elif not findings and self.live_score.score is not None:
            summary = "未发现问题。" + (f"（已确认 {acknowledged} 项提示）" if acknowledged else "")
        elif counts["todo"] and not counts["red"]:
            summary += "\n按下列事项逐项填写，点击一项即转到要填写的位置。"
        self.summary.setText(summary)
        keys = [(item.check, item.path, item.message) for item in findings]
        if keys == [(item.check, item.path, item.message) for item in self.shown]:
            self.shown = findings
            self._update_buttons()
            return
        current = self.list.currentRow()
        self.shown = findings
        self.list.blockSignals(True)
        self.list.clear()
        for finding in findings:
            kind = kind_of(finding)
            item = QListWidgetItem(self._icons.get(kind, QIcon()), finding.message)
            item.setToolTip(f"{SEVERITY_NAMES.get(kind, '')}：{finding.message}\n点击转到相应位置。")
            self.list.addItem(item)
        self._fit_items()
        if 0 <= current < len(findings):
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.list.viewport():
            self._fit_items()
        return super().eventFilter(watched, event)

    def _fit_items(self) -> None:
        width = self.list.viewport().width() - self.list.iconSize().width() - ITEM_SLACK
        if width <= 0:
            return
        metrics = QFontMetrics(self.list.font())
        for row in range(self.list.count()):
            item = self.list.item(row)
            text = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, item.text())
            size = QSize(width, text.height() + ITEM_PADDING)
            if item.sizeHint() != size:
                item.setSizeHint(size)

    def current_finding(self) -> Listed | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _update_buttons(self, *_args: Any) -> None:
        finding = self.current_finding()
        self.fix_button.setEnabled(finding is not None and finding.fix is not None)
        self.ack_button.setEnabled(finding is not None and finding.acknowledgeable)
        if finding is not None and finding.fix is not None:
            self.fix_button.setText(finding.fix.label or "自动修正")
        else:
            self.fix_button.setText("自动修正")

    def _activated(self, item: QListWidgetItem) -> None:
        row = self.list.row(item)
        if 0 <= row < len(self.shown):
            self.finding_activated.emit(self.shown[row])

    def fix_current(self) -> None:
        finding = self.current_finding()
        if isinstance(finding, Finding) and finding.fix is not None:
            self.live_score.apply_fix(finding)

    def acknowledge_current(self) -> None:
        finding = self.current_finding()
        if isinstance(finding, Finding) and finding.acknowledgeable:
            self.live_score.acknowledge(finding)
