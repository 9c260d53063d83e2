"""Step 8 经验、问题与改进: 主要做法和经验, 存在问题, 改进措施 and 四、其他自评情况."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from zjdesk.domain.model import Practice
from zjdesk.report.numbering import list_number
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.pages.profile import NATURAL, cells
from zjdesk.ui.widgets.fields import TextBlock
from zjdesk.ui.widgets.form import Card, FieldForm
from zjdesk.ui.widgets.list_editor import ListEditor
from zjdesk.ui.widgets.review import ReviewBadge


class ClosingPage(StepPage):
    intro = "报告第三部分的（三）主要做法和经验、（四）存在问题、（五）改进措施，以及第四部分其他自评情况。"

    def _texts(self, list_path: str, item_name: str, numbering: Callable[[int], str], placeholder: str) -> ListEditor:
        open_year = self.open_year

        def row(index: int) -> QWidget:
            path = f"{list_path}.{index}"
            return cells((TextBlock(open_year, path, placeholder, rows=2), 0), (ReviewBadge(open_year, path), NATURAL))

        return ListEditor(open_year, list_path, row, str, item_name=item_name, numbering=numbering, compact=True)

    def build(self) -> None:
        open_year = self.open_year
        practices = Card("（三）主要做法和经验")

        def practice_row(index: int) -> QWidget:
            form = FieldForm(open_year)
            form.line("标题", f"practices.{index}.title", "例如：强化组织领导，统筹协调推进")
            form.text("内容", f"practices.{index}.text", "做法和经验", rows=3)
            return form

        practices.add(
            ListEditor(
                open_year,
                "practices",
                practice_row,
                Practice,
                item_name="做法经验",
                numbering=lambda index: f"{index + 1}.",
                compact=True,
            )
        )
        self.column.addWidget(practices)

        problems = Card("（四）存在问题")
        problems.add(self._texts("problems", "问题", lambda index: f"{index + 1}.", "存在的问题"))
        self.column.addWidget(problems)

        numbers = " ".join(list_number(index) for index in (1, 2, 3))
        improvements = Card("（五）改进措施", f"报告中依次编为 {numbers}……")
        improvements.add(self._texts("improvements", "改进措施", lambda index: list_number(index + 1), "改进措施"))
        self.column.addWidget(improvements)

        other = Card("四、其他自评情况", "没有其他情况时留空，报告中显示“无”。")
        other.form(open_year).text("其他情况", "other", rows=3)
        self.column.addWidget(other)
