"""The 待复核 badge: a carried-forward or imported field awaits the officer's look, one click confirms it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from zjdesk.domain.amounts import format_number
from zjdesk.domain.checks_base import Finding
from zjdesk.domain.paths import PathError
from zjdesk.domain.registry import info_at, label_of
from zjdesk.domain.report_words import chinese_date
from zjdesk.ui import dialogs
from zjdesk.ui.open_year import OpenYear

# Findings that 全部确认 does not clear: a year that must move is fixed or acknowledged one by one.
KEPT_BY_CONFIRM_ALL = ("stale_year", "text_year")
EXCERPT = 36  # characters of a text shown in the 全部确认 list


def set_shown(widget: QWidget, shown: bool) -> None:
    """Show or hide ``widget``; one not yet placed in a window is never shown on its own (no stray window)."""
    if widget.parentWidget() is None:
        if not shown:
            widget.hide()
        else:
            widget.setAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide, False)
            widget.setAttribute(Qt.WidgetAttribute.WA_WState_Hidden, False)
        return
    widget.setVisible(shown)


class ReviewBadge(QWidget):
    """Shown beside a field while its path is in ``year.review``; 确认 (or editing the field) clears it."""

    def __init__(self, open_year: OpenYear, path: str, *, whole_item: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.path = path
        self.whole_item = whole_item  # stands for every field of the item at ``path``
        self.setObjectName(f"review:{path}")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.label = QLabel("待复核")
        self.label.setObjectName("reviewLabel")
        self.label.setToolTip("此内容由上年度结转或从往年报告导入，请核对后点“确认”，或直接修改。")
        self.button = QPushButton("确认")
        self.button.setObjectName("reviewConfirm")
        self.button.setToolTip("内容无误，保留现有文字")
        self.button.clicked.connect(self.confirm)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        open_year.review_changed.connect(self.refresh)
        self.refresh()

    def set_compact(self, compact: bool = True) -> None:
        """In a row of a table: the 确认 button alone, marked 待复核 by its colour and tooltip (saves the width)."""
        self.label.setVisible(not compact)
        self.button.setProperty("pending", compact)
        self.button.setToolTip(("待复核：" + self.label.toolTip() + "\n" if compact else "") + "内容无误，保留现有文字")

    def under_review(self) -> bool:
        if not self.whole_item:
            return self.open_year.is_under_review(self.path)
        prefix = self.path + "."
        return any(path == self.path or path.startswith(prefix) for path in self.open_year.year.review)

    def confirm(self) -> None:
        if self.whole_item:
            self.open_year.confirm_all_reviews(self.path)
        else:
            self.open_year.confirm_review(self.path)

    def refresh(self) -> None:
        set_shown(self, self.under_review())


def review_item(path: str, value: Any, caption: str = "") -> str:
    """One line of the 全部确认 list: the field's name where it has one, and its value (a text shortened)."""
    label = caption or label_of(path)
    if isinstance(value, str):
        text = " ".join(value.split())
        shown = f"“{text[:EXCERPT]}…”" if len(text) > EXCERPT else f"“{text}”"
    elif isinstance(value, date):  # 填报日期, 材料报送日期 of an imported report
        shown = chinese_date(value)
    else:
        info = info_at(path)
        unit = info.unit if info is not None else ""
        shown = f"{format_number(value) if not isinstance(value, int) else value}{unit}"
    return f"• {label}：{shown}" if label else f"• {shown}"


class ReviewBanner(QFrame):
    """At the top of a page: how many of its fields await 复核, and 全部确认 for all of them at once.

    ``findings`` gives the open findings of the year: 全部确认 lists those it leaves standing (years to move).
    """

    def __init__(
        self,
        open_year: OpenYear,
        parts: tuple[str, ...],
        parent: QWidget | None = None,
        *,
        findings: Callable[[], Sequence[Finding]] | None = None,
        caption: Callable[[str], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.parts = parts
        self.findings = findings
        self.caption = caption  # the page's name for a field (its row's label), for the 全部确认 list
        self.setObjectName("reviewBanner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.button = QPushButton("全部确认…")
        self.button.setObjectName("reviewConfirmAll")
        self.button.setToolTip("本页所有标记“待复核”的内容都已核对无误")
        self.button.clicked.connect(self.confirm_all)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        open_year.review_changed.connect(self.refresh)
        self.refresh()

    def pending(self) -> list[str]:
        return [path for path in self.open_year.year.review if path.split(".", 1)[0] in self.parts]

    def refresh(self) -> None:
        count = len(self.pending())
        set_shown(self, count > 0)
        if count:
            self.label.setText(
                f"本页有 {count} 项内容由上年度结转或从往年报告导入，标记为“待复核”：请逐项核对，"
                "无误的点“确认”（或直接修改）；全部核对后可点“全部确认”。"
            )

    def remaining(self) -> list[Finding]:
        """The open findings of the page that 全部确认 leaves standing (years still to move)."""
        if self.findings is None:
            return []
        return [
            finding
            for finding in self.findings()
            if finding.check in KEPT_BY_CONFIRM_ALL and not finding.acknowledged and finding.path.split(".", 1)[0] in self.parts
        ]

    def confirm_all(self) -> bool:
        """Confirm every 待复核 mark of the page, once the officer has seen the list of what that confirms."""
        pending = self.pending()
        if not pending:
            return False
        items = []
        for path in pending:
            try:
                caption = self.caption(path) if self.caption is not None else ""
                items.append(review_item(path, self.open_year.value(path), caption))
            except PathError:  # removed since (a deleted row): nothing left to confirm there
                continue
        remaining = [f"• {finding.message}" for finding in self.remaining()]
        question = (
            f"确认本页以下 {len(pending)} 项“待复核”内容都已逐项核对、无需再改吗？"
            "确认后这些内容不再标记，报告中按现有文字和数字输出。"
        )
        if not dialogs.ask_confirm_all(self, "全部确认", question, items, remaining):
            return False
        for part in self.parts:
            self.open_year.confirm_all_reviews(part)
        return True
