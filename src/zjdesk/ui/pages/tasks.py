"""Step 3 年度工作任务: the year's tasks, each a title, a lead, numbered points and paragraphs."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from zjdesk.domain.model import Task, TaskPoint
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.pages.profile import NATURAL, cells
from zjdesk.ui.widgets.fields import TextBlock
from zjdesk.ui.widgets.form import Card, FieldForm, hint_label
from zjdesk.ui.widgets.list_editor import ListEditor
from zjdesk.ui.widgets.review import ReviewBadge


def _sub_caption(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("subCaption")
    return label


class TasksPage(StepPage):
    intro = (
        "本年度总体工作和重点工作任务。每项任务有一个标题（报告中编为 1、2、3……），可加一段引言，"
        "再分若干要点（编为（1）（2）……）或段落。编号由程序生成，不必手工输入。"
    )

    def build(self) -> None:
        card = Card("重点工作任务")
        self.tasks = ListEditor(
            self.open_year,
            "tasks",
            self._task,
            Task,
            item_name="任务",
            numbering=lambda index: f"任务 {index + 1}",
            summary=lambda task: task.title,
        )
        # Eight tasks with their points make a long page: fold them to their titles to find one.
        fold_row = QHBoxLayout()
        fold_row.setContentsMargins(0, 0, 0, 0)
        fold_row.addWidget(hint_label("点任务左侧的箭头展开或折叠；折叠后只显示标题，便于查找。"), 1)
        for text, folded, name in (("全部展开", False, "tasks.unfoldAll"), ("全部折叠", True, "tasks.foldAll")):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, folded=folded: self.tasks.set_all_folded(folded))
            fold_row.addWidget(button)
        holder = QWidget()
        holder.setLayout(fold_row)
        card.add(holder)
        card.add(self.tasks)
        self.column.addWidget(card)

    def _task(self, index: int) -> QWidget:
        open_year = self.open_year
        base = f"tasks.{index}"
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        form = FieldForm(open_year)
        form.line("任务标题", f"{base}.title", "例如：主动作为，做好新形势下的信访维稳工作")
        form.text("引言", f"{base}.lead", "可不填：标题后的一段概述", rows=2)
        layout.addWidget(form)

        def point_row(point: int) -> QWidget:
            point_form = FieldForm(open_year)
            point_form.line("要点标题", f"{base}.points.{point}.title", "例如：加强与信访维稳部门的沟通联系")
            point_form.text("要点内容", f"{base}.points.{point}.text", rows=3)
            return point_form

        layout.addWidget(_sub_caption("要点"))
        layout.addWidget(
            ListEditor(
                open_year,
                f"{base}.points",
                point_row,
                TaskPoint,
                item_name="要点",
                numbering=lambda point: f"（{point + 1}）",
                compact=True,
            )
        )

        def paragraph_row(paragraph: int) -> QWidget:
            path = f"{base}.paragraphs.{paragraph}"
            return cells((TextBlock(open_year, path, rows=3), 0), (ReviewBadge(open_year, path), NATURAL))

        layout.addWidget(_sub_caption("其他段落"))
        layout.addWidget(ListEditor(open_year, f"{base}.paragraphs", paragraph_row, str, item_name="段落", compact=True))
        return body
