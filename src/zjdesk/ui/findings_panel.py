"""The findings panel: red / yellow / blue findings of the checks; clicking one goes to its field."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from zjdesk.domain.checks_base import Finding, Fix
from zjdesk.domain.steps import STEPS, step_caption, step_index_of_path
from zjdesk.ui.finding_kinds import SEVERITY_COLOURS, SEVERITY_NAMES, SEVERITY_ORDER, kind_of, readable, unbreakable
from zjdesk.ui.live_score import LiveScore

__all__ = ["SEVERITY_COLOURS", "SEVERITY_NAMES", "FindingsPanel", "Listed", "ReviewGroup", "group_reviews", "kind_of"]

ITEM_SLACK = 24  # icon margin, item padding and spacing (style sheet) beside the text
ITEM_PADDING = 14  # item padding top and bottom, and its bottom border
HIGHLIGHT = "#fff3c4"  # the finding the last edit caused


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
        return f"{self.count} 项内容沿用上年或导入，待复核：请逐项核对后点“确认”，或点页首的“全部确认…”。"


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
    step_activated = Signal(int)  # a step's heading in the list was clicked

    def __init__(self, live_score: LiveScore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live_score = live_score
        self.setObjectName("findingsPanel")
        self._icons = {kind: _dot(colour, ring=kind in ("todo", "review")) for kind, colour in SEVERITY_COLOURS.items()}
        self.shown: list[Listed] = []  # the findings in the order listed
        self.rows: list[Listed | int] = []  # each row of the list: a finding, or a step's heading (its index)
        self.current_step = 0
        self.compact = False
        self.highlighted: set[tuple[str, str, str]] = set()
        self._previous: set[tuple[str, str, str]] | None = None
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

    def set_compact(self, compact: bool) -> None:
        """A short window: the summary without its hint line, the list keeps the room."""
        if compact != self.compact:
            self.compact = compact
            self.refresh()

    def set_current_step(self, index: int) -> None:
        """List the findings of step ``index`` first (the step being edited)."""
        if index != self.current_step:
            self.current_step = index
            self.refresh()

    def summary_text(self) -> str:
        """The summary line as read (without the marks that keep its words together)."""
        return readable(self.summary.text())

    def row_of(self, finding: Listed) -> int:
        """The list row that shows ``finding``."""
        return self.rows.index(finding)

    def _ordered(self, findings: list[Listed]) -> list[tuple[int, list[Listed]]]:
        """(step, its findings worst first), the current step first, then the others in step order."""
        by_step: dict[int, list[Listed]] = {}
        for finding in findings:
            by_step.setdefault(step_index_of_path(finding.path or ""), []).append(finding)
        order = [self.current_step, *(index for index in range(len(STEPS)) if index != self.current_step)]
        return [
            (step, sorted(by_step[step], key=lambda item: SEVERITY_ORDER.get(kind_of(item), 4)))
            for step in order
            if step in by_step
        ]

    def refresh(self) -> None:
        open_findings = [item for item in self.live_score.findings if not item.acknowledged]
        acknowledged = len(self.live_score.findings) - len(open_findings)
        counts = {kind: sum(1 for item in open_findings if kind_of(item) == kind) for kind in SEVERITY_COLOURS}
        grouped = group_reviews(open_findings)
        # Each count kept on one line: a narrow panel wraps between them, never inside 建议 or 待复核.
        parts = [unbreakable(f"{SEVERITY_NAMES[kind]}\u00a0{counts[kind]}") for kind in SEVERITY_COLOURS if counts[kind]]
        if acknowledged:
            parts.append(unbreakable(f"已确认\u00a0{acknowledged}"))
        summary = "　".join(parts)
        if not self.live_score.checked:
            summary = "正在检查……"
        elif not grouped and self.live_score.score is not None:
            summary = "未发现问题。" + (f"（已确认 {acknowledged} 项提示）" if acknowledged else "")
        elif counts["todo"] and not counts["red"] and not self.compact:
            summary += "\n按下列事项逐项填写，点击一项即转到要填写的位置。"
        self.summary.setText(summary)
        groups = self._ordered(grouped)
        self.shown = [finding for _step, items in groups for finding in items]
        self._follow_the_last_edit()
        rows: list[Listed | int] = []
        for step, items in groups:
            rows.append(step)
            rows.extend(items)
        keys = [self._key(row) for row in rows]
        if keys == [self._key(row) for row in self.rows]:
            self.rows = rows
            self._update_buttons()
            return
        current = self.current_finding()
        self.rows = rows
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            self.list.addItem(self._header(row) if isinstance(row, int) else self._item(row))
        self._fit_items()
        if current is not None:
            same = next((row for row in rows if not isinstance(row, int) and self._same(row, current)), None)
            if same is not None:
                self.list.setCurrentRow(rows.index(same))
        self.list.blockSignals(False)
        first = next((index for index, row in enumerate(rows) if not isinstance(row, int) and self._lit(row)), None)
        if first is not None:
            self.list.scrollToItem(self.list.item(first))
        self._update_buttons()

    @staticmethod
    def _identity(finding: Listed) -> tuple[str, str, str]:
        return (finding.check, finding.path, finding.message)

    def _key(self, row: Listed | int) -> tuple[object, ...]:
        if isinstance(row, int):
            return ("step", row, row == self.current_step)
        return (*self._identity(row), self._lit(row))

    def _same(self, first: Listed, second: Listed) -> bool:
        return self._identity(first) == self._identity(second)

    def _lit(self, finding: Listed) -> bool:
        return self._identity(finding) in self.highlighted

    def _follow_the_last_edit(self) -> None:
        """Light up the findings the last edit brought (new since the check before it)."""
        identities = {self._identity(finding) for finding in self.shown}
        if self._previous is not None and self.live_score.last_edit:
            new = identities - self._previous
            self.highlighted = new if new else self.highlighted & identities
        else:
            self.highlighted &= identities
        self._previous = identities

    def _header(self, step: int) -> QListWidgetItem:
        item = QListWidgetItem(f"第 {step + 1} 步“{STEPS[step].title}”")
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable; a click goes to the step
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        # the step being edited (always listed first) in the accent colour
        item.setForeground(QColor("#1f5fa8" if step == self.current_step else "#4c5a69"))
        item.setData(Qt.ItemDataRole.UserRole, "step")
        item.setToolTip("正在编辑的一步" if step == self.current_step else "点击转到这一步")
        return item

    def _item(self, finding: Listed) -> QListWidgetItem:
        kind = kind_of(finding)
        item = QListWidgetItem(self._icons.get(kind, QIcon()), finding.message)
        where = step_caption(finding.path or "")
        item.setToolTip(f"{SEVERITY_NAMES.get(kind, '')}（{where}）：{finding.message}\n点击转到相应位置。")
        if self._lit(finding):
            item.setBackground(QColor(HIGHLIGHT))
            item.setData(Qt.ItemDataRole.UserRole, "highlighted")
        return item

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
        found = self.rows[row] if 0 <= row < len(self.rows) else None
        return None if isinstance(found, int) else found

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
        found = self.rows[row] if 0 <= row < len(self.rows) else None
        if isinstance(found, int):
            self.step_activated.emit(found)
        elif found is not None:
            self.finding_activated.emit(found)

    def fix_current(self) -> None:
        finding = self.current_finding()
        if isinstance(finding, Finding) and finding.fix is not None:
            self.live_score.apply_fix(finding)

    def acknowledge_current(self) -> None:
        finding = self.current_finding()
        if isinstance(finding, Finding) and finding.acknowledgeable:
            self.live_score.acknowledge(finding)
