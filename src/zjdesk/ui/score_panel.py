"""The score panel, always in view: total, grade, each top-level indicator group and the cap if one applies."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from zjdesk.domain.amounts import format_number
from zjdesk.domain.report_words import PENDING_GRADE
from zjdesk.ui.live_score import LiveScore
from zjdesk.ui.style import TOTAL_POINTS

GRADE_COLOURS = {"优": "#2e7d32", "良": "#1565c0", "中": "#e08600", "差": "#c62828"}
MARGINS = (16, 12, 16, 14)
COMPACT_MARGINS = (12, 6, 12, 6)


def score_text(value: Any) -> str:
    """A score as people write it: 95, 92.5, 88.25."""
    return "—" if value is None else format_number(value)


class ScorePanel(QFrame):
    """Redraws from the score service after every edit (labels are only touched when they change)."""

    def __init__(self, live_score: LiveScore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.live_score = live_score
        self.setObjectName("scorePanel")
        layout = QVBoxLayout(self)
        self.layout_ = layout
        layout.setContentsMargins(*MARGINS)
        layout.setSpacing(6)
        self.caption = QLabel("自评得分")
        self.caption.setObjectName("panelCaption")
        layout.addWidget(self.caption)
        top = QHBoxLayout()
        self.top_row = top
        self.total = QLabel("—")
        self.total.setObjectName("score.total")
        self.total.setAccessibleName("自评总分")
        self.unit = unit = QLabel("分")
        unit.setObjectName("scoreUnit")
        self.grade = QLabel("")
        self.grade.setObjectName("score.grade")
        self.grade.setAccessibleName("等级")
        self.grade.setAlignment(Qt.AlignmentFlag.AlignCenter)
        top.addWidget(self.total)
        top.addWidget(unit, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.grade)
        layout.addLayout(top)
        self.unscored = QLabel("")
        self.unscored.setObjectName("score.unscored")
        self.unscored.setWordWrap(True)
        layout.addWidget(self.unscored)
        self.cap = QLabel("")
        self.cap.setObjectName("score.cap")
        self.cap.setWordWrap(True)
        layout.addWidget(self.cap)
        self.groups_holder = QWidget()
        self.groups = QGridLayout(self.groups_holder)
        self.groups.setContentsMargins(0, 4, 0, 0)
        self.groups.setHorizontalSpacing(8)
        self.groups.setVerticalSpacing(4)
        layout.addWidget(self.groups_holder)
        self._group_rows: list[tuple[QLabel, QProgressBar, QLabel]] = []
        self.compact = False  # a short window: the total and grade only, the rest in the tooltip
        live_score.updated.connect(self.refresh)
        self.refresh()

    def set_compact(self, compact: bool) -> None:
        """Show the total and grade only (a short window keeps its room for the findings), or everything."""
        if compact != self.compact:
            self.compact = compact
            for label in (self.total, self.unit, self.grade):
                label.setProperty("compact", compact)  # smaller type (style sheet)
                label.style().unpolish(label)
                label.style().polish(label)
            self.layout_.setContentsMargins(*(COMPACT_MARGINS if compact else MARGINS))
            self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_total()

    def _fit_total(self) -> None:
        """The total at full size where it, 分 and the grade fit on one line; else smaller, the grade kept whole.

        The narrowest side panels (a 1280×1024 screen at 125 %) once squeezed the badge 待定 to 寺定.
        """
        full = QFont(self.total.font())
        full.setPointSizeF(TOTAL_POINTS)
        needed = (
            QFontMetrics(full).horizontalAdvance(self.total.text())
            + self.unit.sizeHint().width()
            + self.grade.sizeHint().width()
            + 2 * self.top_row.spacing()
        )
        margins = self.layout_.contentsMargins()
        available = self.contentsRect().width() - margins.left() - margins.right()
        narrow = not self.compact and needed > available
        if bool(self.total.property("narrow")) != narrow:
            self.total.setProperty("narrow", narrow)
            self.total.style().unpolish(self.total)
            self.total.style().polish(self.total)

    def refresh(self) -> None:
        self._refresh()
        self._fit_total()

    def _refresh(self) -> None:
        score = self.live_score.score
        if score is None:
            self._set(self.total, "—")
            self._set(self.grade, "")
            self.cap.setVisible(False)
            self.unscored.setVisible(False)
            return
        grade = score.grade
        waiting = [item for item in score.indicators if item.awaits_score]
        to_judge = sum(1 for item in waiting if item.rule_kind == "judged")
        need_data = len(waiting) - to_judge
        unscored = to_judge + need_data
        # Nothing scored yet (a new year): no number at all rather than a bare 0 分.
        nothing_scored = bool(score.indicators) and unscored == len(score.indicators)
        # Scored from last year's (or an imported report's) numbers not yet reviewed: provisional too.
        unconfirmed = sum(1 for item in score.indicators if item.unconfirmed_inputs)
        provisional = unscored + unconfirmed
        self._set(self.total, "—" if nothing_scored else score_text(score.total))
        self.unit.setVisible(not nothing_scored)
        # While indicators await the team's score the total is provisional: no grade yet (a new year would
        # otherwise open on a red-looking "0 分 差"), and a line saying what is missing and where.
        colour = GRADE_COLOURS.get(grade, "#607080") if not provisional else "#9aa5b1"
        shown_grade = grade if not provisional else PENDING_GRADE
        self._set(self.caption, "自评得分（暂计）" if provisional else "自评得分")
        self._set(self.unscored, self._unscored_text(to_judge, need_data, unconfirmed) if provisional else "")
        self.unscored.setVisible(bool(provisional) and not self.compact)
        self.groups_holder.setVisible(not self.compact)
        self.setToolTip(self.unscored.text() if self.compact else "")
        self.grade.setToolTip("全部指标评分、依据的数字复核后给出等级" if provisional else f"等级：{grade}")
        if self.grade.text() != shown_grade or self.grade.property("colour") != colour:
            self.grade.setText(shown_grade)
            self.grade.setProperty("colour", colour)
            self.grade.setStyleSheet(f"background:{colour};")
        cap_text = score.cap.explanation if score.cap is not None else ""
        self._set(self.cap, cap_text)
        self.cap.setVisible(bool(cap_text) and not self.compact)
        groups = score.groups
        if len(groups) != len(self._group_rows):
            self._rebuild_groups(len(groups))
        for (name_label, bar, value_label), group in zip(self._group_rows, groups, strict=True):
            self._set(name_label, group.name)
            self._set(value_label, f"{score_text(group.score)}/{score_text(group.weight)}")
            bar.setMaximum(max(1, int(group.weight * 100)))
            bar.setValue(int(group.score * 100))

    @staticmethod
    def _unscored_text(to_judge: int, need_data: int, unconfirmed: int = 0) -> str:
        parts = []
        if to_judge:
            parts.append(f"{to_judge} 项待小组打分")
        if need_data:
            parts.append(f"{need_data} 项缺少计算数据")
        text = f"还有 {to_judge + need_data} 项指标未评分（{'，'.join(parts)}，见第 7 步）。" if parts else ""
        if unconfirmed:
            text += f"{unconfirmed} 项指标依据的数字沿用上年或导入，尚待复核。"
        return text + "全部评分并复核后给出等级。"

    def _rebuild_groups(self, count: int) -> None:
        for row in self._group_rows:
            for widget in row:
                widget.deleteLater()
        self._group_rows = []
        for index in range(count):
            name = QLabel()
            bar = QProgressBar()
            bar.setTextVisible(False)
            bar.setFixedHeight(8)
            value = QLabel()
            value.setObjectName(f"score.group.{index}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.groups.addWidget(name, index, 0)
            self.groups.addWidget(bar, index, 1)
            self.groups.addWidget(value, index, 2)
            self._group_rows.append((name, bar, value))
        self.groups.setColumnStretch(1, 1)

    @staticmethod
    def _set(label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
