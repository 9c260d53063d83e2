"""Step 4 绩效目标: the unit's goals, 目标1 … 目标N, each with the table of its measurable indicators.

Under each goal its indicator rows (一级/二级/三级指标, 指标性质, 指标值, 度量单位, 实际完成值, 分值) with
the 得分 the score service computes as the officer types, and the 偏差原因分析及改进措施 asked for
right under a row below full marks. Rows are added (Enter in a row adds one below it), removed,
moved and copied from another goal; the whole table comes from, or goes to, the 一体化 system's
.xlsx. Findings on a row open its goal and put the cursor in the field.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QPushButton, QVBoxLayout, QWidget

from zjdesk.domain.amounts import format_number
from zjdesk.domain.goal_scoring import GoalRowScore
from zjdesk.domain.model import Goal, GoalIndicator, YearData
from zjdesk.ui import dialogs
from zjdesk.ui.pages.base import StepPage, reads_only
from zjdesk.ui.pages.profile import NATURAL, cells
from zjdesk.ui.steps import PageContext
from zjdesk.ui.widgets.fields import TextBlock
from zjdesk.ui.widgets.form import Card
from zjdesk.ui.widgets.goal_row import QUALITATIVE, IndicatorRow, goal_table_header
from zjdesk.ui.widgets.list_editor import ListEditor
from zjdesk.ui.widgets.review import ReviewBadge

FIRST_LEVEL1, FIRST_LEVEL2 = "产出指标", "数量指标"
# A row's result by path, and the paths of the findings asking for a 偏差原因 / of any finding.
_RowContext = tuple[dict[str, GoalRowScore], set[str], set[str]]


def _row_is_blank(row: GoalIndicator) -> bool:
    return not (row.level3.strip() or row.target.strip() or row.actual.strip() or row.deviation.strip()) and row.weight is None


def _fresh_copy(row: GoalIndicator) -> GoalIndicator:
    """A row copied from another goal: its definition and target, not that goal's results."""
    return dataclasses.replace(copy.deepcopy(row), actual="", deviation="")


class GoalsPage(StepPage):
    intro = (
        "部门整体支出绩效目标（报告中依次编为“目标1、目标2……”），每个目标下逐项列出可衡量的绩效指标。"
        "填好指标值、实际完成值和分值，得分即按指标性质算出；低于满分的指标须写明偏差原因。"
        "在一行中按回车可在其下添加一行。"
    )

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        self.table_actions: dict[str, Callable[[], None]] = context.goal_actions
        self.rows: dict[str, tuple[int, IndicatorRow]] = {}
        self.editors: dict[int, ListEditor] = {}
        self.summaries: dict[int, QLabel] = {}
        super().__init__(context, parent)
        self.live_score.updated.connect(self.refresh_scores)
        self.open_year.reloaded.connect(self._reloaded)
        self.open_year.changed.connect(self._field_changed)
        self.refresh_scores()

    # -- building ----------------------------------------------------------------------------------

    def build(self) -> None:
        table_card = Card(
            "绩效目标表导入与导出",
            "可从预算管理一体化系统导出的部门整体绩效目标表（.xlsx）导入指标，按目标文字归入下面的目标；"
            "也可导出为 Excel，填好后再导入。",
        )
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for key, name, text in (
            ("import", "goals.import", "从 Excel 导入绩效目标表…"),
            ("export", "goals.export", "导出绩效目标表到 Excel…"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, key=key: self._action(key))
            buttons.addWidget(reads_only(button) if key == "export" else button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setLayout(buttons)
        table_card.add(holder)
        self.column.addWidget(table_card)

        card = Card("部门整体支出绩效目标")
        self.goals = ListEditor(
            self.open_year,
            "goals",
            self._goal,
            Goal,
            item_name="目标",
            numbering=lambda index: f"目标{index + 1}",
            summary=lambda goal: f"{goal.text.strip()}（{len(goal.indicators)} 项指标）" if goal.text.strip() else "",
        )
        card.add(self.goals)
        self.column.addWidget(card)

    def _goal(self, index: int) -> QWidget:
        open_year = self.open_year
        base = f"goals.{index}"
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        text = TextBlock(open_year, f"{base}.text", "例如：做好国有资产出租管理及维护工作。", rows=2)
        layout.addWidget(cells((text, 0), (ReviewBadge(open_year, f"{base}.text"), NATURAL)))

        head = QHBoxLayout()
        head.setContentsMargins(0, 4, 0, 0)
        caption = QLabel("绩效指标")
        caption.setObjectName("subCaption")
        summary = QLabel()
        summary.setObjectName("hint")
        summary.setWordWrap(True)
        self.summaries[index] = summary
        head.addWidget(caption)
        head.addWidget(summary, 1)
        layout.addLayout(head)

        table = QWidget()
        table_layout = QVBoxLayout(table)
        table_layout.setContentsMargins(0, 0, 0, 0)
        editor = ListEditor(
            open_year,
            f"{base}.indicators",
            lambda row: self._row(index, row),
            lambda: self._new_row(index),
            item_name="指标",
            numbering=lambda row: f"{row + 1}",
            compact=True,
            narrow=True,
            header=goal_table_header(),
            is_blank=_row_is_blank,
        )
        self.editors[index] = editor
        editor.add_beside(self._copy_button(index))
        table_layout.addWidget(editor)
        layout.addWidget(table)
        return body

    def _copy_button(self, index: int) -> QPushButton:
        button = QPushButton("复制其他目标的指标")
        button.setObjectName(f"copy:goals.{index}")
        button.setToolTip("把另一个目标下的指标行复制到此目标（复制指标和指标值，不复制实际完成值）")
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_copy_menu(menu, index))
        button.setMenu(menu)
        return button

    def _fill_copy_menu(self, menu: QMenu, index: int) -> None:
        menu.clear()
        for source, goal in enumerate(self.open_year.year.goals):
            if source == index or not goal.indicators:
                continue
            label = goal.text.strip()
            label = label if len(label) <= 24 else label[:24] + "…"
            action = menu.addAction(f"目标{source + 1}：{label}（{len(goal.indicators)} 项）")
            action.setObjectName(f"copy:goals.{index}<goals.{source}")
            action.triggered.connect(lambda _checked=False, source=source: self.copy_rows(source, index))
        if menu.isEmpty():
            menu.addAction("（其他目标还没有指标）").setEnabled(False)

    def _row(self, goal: int, row: int) -> QWidget:
        indicator = self.open_year.year.goals[goal].indicators[row]
        bands = [band.name for band in self.open_year.year.indicator_set.region_rules.qualitative_bands if band.name.strip()]
        widget = IndicatorRow(self.open_year, goal, row, indicator, bands, lambda: self.insert_row(goal, row + 1))
        path, key = widget.path, id(widget)
        self.rows[path] = (key, widget)
        widget.destroyed.connect(lambda _obj=None, path=path, key=key: self._forget(path, key))
        self._show_row(path, widget)
        return widget

    def _forget(self, path: str, key: int) -> None:
        if self.rows.get(path, (None,))[0] == key:
            del self.rows[path]

    def _new_row(self, goal: int) -> GoalIndicator:
        """A new row under the same 一级/二级指标 and 指标性质 as the last one of the goal."""
        rows = self.open_year.year.goals[goal].indicators
        if not rows:
            return GoalIndicator(level1=FIRST_LEVEL1, level2=FIRST_LEVEL2)
        last = rows[-1]
        return GoalIndicator(level1=last.level1, level2=last.level2, nature=last.nature)

    # -- editing -----------------------------------------------------------------------------------

    def insert_row(self, goal: int, position: int) -> None:
        """A new row at ``position`` of the goal (Enter in a row adds one below it)."""
        editor = self.editors.get(goal)
        if editor is not None:
            editor.insert_new(position)

    def copy_rows(self, source: int, target: int) -> None:
        """Append copies of goal ``source``'s rows to goal ``target`` (results left empty)."""
        rows = [_fresh_copy(row) for row in self.open_year.year.goals[source].indicators]

        def append(year: YearData) -> None:
            year.goals[target].indicators.extend(rows)

        self.open_year.replace_year(append)

    def _field_changed(self, path: str) -> None:
        parts = path.split(".")
        if len(parts) != 5 or parts[0] != "goals" or parts[2] != "indicators":
            return
        row_path = ".".join(parts[:4])
        if parts[4] == "nature":
            # A 定性 row picks its rating from a list: the row is laid out anew when that changes.
            entry = self.rows.get(row_path)
            qualitative = self.open_year.value(path) == QUALITATIVE
            if entry is not None and entry[1].qualitative != qualitative:
                QTimer.singleShot(0, lambda goal=int(parts[1]): self._relayout(goal, path))
        elif parts[4] == "level1":
            entry = self.rows.get(row_path)
            if entry is not None:
                entry[1].suggest_level2(self.open_year.value(path))
        elif parts[4] == "level2":
            entry = self.rows.get(row_path)
            if entry is not None:
                entry[1].follow_levels()

    def _relayout(self, goal: int, focus_path: str) -> None:
        editor = self.editors.get(goal)
        if editor is None:
            return
        editor.rebuild()
        field = self.body.findChild(QWidget, focus_path)
        if field is not None:
            field.setFocus()

    def _reloaded(self) -> None:
        # An import or a fix may change rows in place (a 定性 row became numeric): lay them out anew.
        QTimer.singleShot(0, self.goals.rebuild)

    def _action(self, key: str) -> None:
        action = self.table_actions.get(key)
        if action is None:
            dialogs.show_info(self, "绩效目标表", "此功能尚未就绪。")
            return
        action()

    # -- the live score ----------------------------------------------------------------------------

    def _scored_rows(self) -> list[GoalRowScore]:
        score = self.live_score.score
        return score.goals.rows if score is not None else []

    def _findings_at(self) -> tuple[set[str], set[str]]:
        findings = self.live_score.findings
        missing = {item.path for item in findings if item.check == "goal_deviation_missing"}
        return missing, {item.path for item in findings}

    def _show_row(self, path: str, widget: IndicatorRow, context: _RowContext | None = None) -> None:
        if context is None:
            context = ({item.path: item for item in self._scored_rows()}, *self._findings_at())
        results, missing, anywhere = context
        deviation = f"{path}.deviation"
        widget.show_result(results.get(path), reason_missing=deviation in missing, finding_here=deviation in anywhere)

    def refresh_scores(self) -> None:
        """Every row's 得分 and explanation, and each goal's total, as the live score has them now."""
        rows = self._scored_rows()
        context: _RowContext = ({item.path: item for item in rows}, *self._findings_at())
        for path, (_key, widget) in list(self.rows.items()):
            self._show_row(path, widget, context)
        for index, label in self.summaries.items():
            goal_rows = [item for item in rows if item.goal == index]
            label.setText(self._goal_summary(goal_rows))

    @staticmethod
    def _goal_summary(rows: list[GoalRowScore]) -> str:
        if not rows:
            return "尚未细化为指标：点“添加指标”逐项填写。"
        weight = sum((item.weight for item in rows if item.weight is not None and item.weight > 0), Decimal(0))
        score = sum((item.score for item in rows if item.score is not None), Decimal(0))
        met = sum(1 for item in rows if item.met is True)
        missed = sum(1 for item in rows if item.met is False)
        pending = len(rows) - met - missed
        text = f"{len(rows)} 项，得分 {format_number(score)}/{format_number(weight)} 分；达成 {met} 项，未达成 {missed} 项"
        return text + (f"，待填写 {pending} 项" if pending else "")

    # -- findings ----------------------------------------------------------------------------------

    def reveal(self, path: str) -> QWidget | None:
        entry = self.rows.get(path)
        if entry is not None:  # a finding about the whole row (待复核): its name field
            return super().reveal(f"{path}.level3")
        return super().reveal(path)
