"""Step 6 自评工作开展: the evaluation team and how the self-evaluation was done and submitted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.pages.profile import NATURAL, cells
from zjdesk.ui.widgets.fields import TextLine
from zjdesk.ui.widgets.form import Card
from zjdesk.ui.widgets.list_editor import ListEditor
from zjdesk.ui.widgets.review import ReviewBadge


class TeamPage(StepPage):
    intro = "评价小组的组成，以及自评工作过程、材料报送时间和质量、报送与公开一致情况。"

    def _names(self, list_path: str, item_name: str) -> ListEditor:
        open_year = self.open_year

        def name_row(index: int) -> QWidget:
            path = f"{list_path}.{index}"
            return cells((TextLine(open_year, path, "姓名"), 0), (ReviewBadge(open_year, path), NATURAL))

        return ListEditor(
            open_year,
            list_path,
            name_row,
            str,
            item_name=item_name,
            numbering=lambda index: f"{index + 1}.",
            compact=True,
            narrow=True,
        )

    def build(self) -> None:
        team = Card("（一）评价小组情况")
        team.form(self.open_year).text("说明", "team.intro", "例如：经研究，决定成立绩效评价工作小组，组成人员如下：", rows=2)
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(18)
        # Two columns (组长 above 副组长, then 成员) fit the page column of a small screen.
        for column, row, caption, list_path in (
            (0, 0, "组长", "team.leaders"),
            (0, 2, "副组长", "team.deputies"),
            (1, 0, "成员", "team.members"),
        ):
            label = QLabel(caption)
            label.setObjectName("subCaption")
            grid.addWidget(label, row, column)
            names = self._names(list_path, caption)
            if column == 1:
                grid.addWidget(names, 1, column, 3, 1, Qt.AlignmentFlag.AlignTop)
            else:
                grid.addWidget(names, row + 1, column, Qt.AlignmentFlag.AlignTop)
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(3, 1)
        team.add(grid_holder)
        self.column.addWidget(team)

        process = Card("（二）至（四）自评工作过程与材料报送")
        form = process.form(self.open_year)
        form.text("自评工作过程", "process.work_process", "如何组织、分工、审核、审定", rows=4)
        form.date("材料报送日期", "process.submission_date")
        form.text("报送时间及质量", "process.submission_text", rows=2)
        form.text("报送及公开一致情况", "process.disclosure_text", rows=2)
        self.column.addWidget(process)
