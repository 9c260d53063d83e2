"""The findings panel: red / yellow / blue findings of the checks; clicking one goes to its field."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from zjdesk.ui.score_service import ScoreService

SEVERITY_COLOURS = {"red": "#c62828", "yellow": "#e0a100", "blue": "#1e6fd9"}
SEVERITY_NAMES = {"red": "必须修改", "yellow": "请留意", "blue": "建议"}
SEVERITY_ORDER = {"red": 0, "yellow": 1, "blue": 2}


def _dot(colour: str) -> QIcon:
    pixmap = QPixmap(24, 24)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    painter.drawEllipse(4, 4, 16, 16)
    painter.end()
    return QIcon(pixmap)


class FindingsPanel(QFrame):
    """Lists the open findings; emits ``finding_activated`` when the officer clicks one."""

    finding_activated = Signal(object)

    def __init__(self, scores: ScoreService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scores = scores
        self.setObjectName("findingsPanel")
        self._icons = {severity: _dot(colour) for severity, colour in SEVERITY_COLOURS.items()}
        self.shown: list[Any] = []
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
        scores.updated.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        findings = [item for item in self.scores.findings if not getattr(item, "acknowledged", False)]
        findings.sort(key=lambda item: SEVERITY_ORDER.get(item.severity, 3))
        acknowledged = len(self.scores.findings) - len(findings)
        counts = {severity: sum(1 for item in findings if item.severity == severity) for severity in SEVERITY_COLOURS}
        parts = [f"{SEVERITY_NAMES[severity]} {counts[severity]}" for severity in SEVERITY_COLOURS]
        summary = "　".join(parts) + (f"　已确认 {acknowledged}" if acknowledged else "")
        if not findings and self.scores.score is not None:
            summary = "未发现问题。" + (f"（已确认 {acknowledged} 项提示）" if acknowledged else "")
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
            item = QListWidgetItem(self._icons.get(finding.severity, QIcon()), finding.message)
            item.setToolTip(f"{SEVERITY_NAMES.get(finding.severity, '')}：{finding.message}\n点击转到相应位置。")
            self.list.addItem(item)
        if 0 <= current < len(findings):
            self.list.setCurrentRow(current)
        self.list.blockSignals(False)
        self._update_buttons()

    def current_finding(self) -> Any | None:
        row = self.list.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _update_buttons(self, *_args: Any) -> None:
        finding = self.current_finding()
        self.fix_button.setEnabled(finding is not None and bool(getattr(finding, "fix", None)))
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
        if finding is not None and getattr(finding, "fix", None):
            self.scores.apply_fix(finding)

    def acknowledge_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.acknowledgeable:
            self.scores.acknowledge(finding)
