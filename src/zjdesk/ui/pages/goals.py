"""Step 4 绩效目标: the unit's overall performance goals, 目标1 … 目标N."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.pages.profile import NATURAL, cells
from zjdesk.ui.widgets.fields import TextBlock
from zjdesk.ui.widgets.form import Card
from zjdesk.ui.widgets.list_editor import ListEditor
from zjdesk.ui.widgets.review import ReviewBadge


class GoalsPage(StepPage):
    intro = "部门整体支出绩效目标，报告中依次编为“目标1、目标2……”。每个目标写一句完整的话。"

    def build(self) -> None:
        open_year = self.open_year

        def goal_row(index: int) -> QWidget:
            path = f"goals.{index}"
            return cells(
                (TextBlock(open_year, path, "例如：做好国有资产出租管理及维护工作。", rows=2), 0),
                (ReviewBadge(open_year, path), NATURAL),
            )

        card = Card("部门整体支出绩效目标")
        card.add(
            ListEditor(
                open_year, "goals", goal_row, str, item_name="目标", numbering=lambda index: f"目标{index + 1}", compact=True
            )
        )
        self.column.addWidget(card)
