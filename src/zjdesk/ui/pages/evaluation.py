"""Step 7 绩效自评: the indicator table (weights, rules, scores, 扣分原因) and the three analysis texts."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from zjdesk.domain.amounts import format_number
from zjdesk.domain.checks_base import Finding
from zjdesk.domain.model import Indicator
from zjdesk.domain.scoring import IndicatorScore
from zjdesk.ui import dialogs
from zjdesk.ui.finding_kinds import SEVERITY_ORDER, kind_of
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.pages.indicator_detail import INDICATORS, IndicatorDetail, is_definition_path
from zjdesk.ui.pages.region_rules import region_rules_card
from zjdesk.ui.steps import PageContext
from zjdesk.ui.widgets.finding_note import FindingNote
from zjdesk.ui.widgets.form import Card, clear_layout

COLUMNS = ("一级指标", "二级指标", "三级指标", "分值", "得分", "计分说明")
# The 得分 cell of an indicator with a finding, tinted by the finding's kind.
MARK_TINTS = {"red": "#fbe3e3", "todo": "#e3eefc", "yellow": "#fff3c4", "blue": "#eef1f5"}


def _number(value: Decimal | None) -> str:
    return "—" if value is None else format_number(value)


class EvaluationPage(StepPage):
    intro = (
        "按指标体系逐项评分：能由数据计算的指标自动得分，其余由评价小组评判打分；低于满分须填写扣分原因。"
        "指标体系可从财政局下发的 Excel 表导入，也可逐项修改。"
    )

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        self.set_actions = context.indicator_actions
        self.selected = -1
        self.detail: IndicatorDetail | None = None
        super().__init__(context, parent)
        self.live_score.updated.connect(self.refresh_table)
        self.live_score.updated.connect(self._update_detail)
        self.open_year.reloaded.connect(self._reloaded)
        self.open_year.changed.connect(self._field_changed)
        self.refresh_table()
        if self._indicators():
            self.select(0)

    def _indicators(self) -> list[Indicator]:
        return self.open_year.year.indicator_set.indicators

    def build(self) -> None:
        table_card = Card("评分表：指标体系与得分")
        self.set_label = QLabel()
        self.set_label.setObjectName("hint")
        self.set_label.setWordWrap(True)
        table_card.add(self.set_label)
        how = QLabel("点选一行，在下方“所选指标”中填写得分；“待评”的指标需要评价小组打分，低于满分须写扣分原因。")
        how.setObjectName("howTo")
        how.setWordWrap(True)
        table_card.add(how)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("indicatorTable")
        self.table.setHorizontalHeaderLabels(list(COLUMNS))
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        # The 计分说明 wraps (never cut with "…"), and the table is as tall as its rows: the page scrolls, not the table.
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in range(len(COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.currentCellChanged.connect(lambda row, *_: self._chosen(row))
        table_card.add(self.table)
        # Findings on the set as a whole (分值合计不符 …); an indicator's own show under its fields below.
        table_card.add(FindingNote("indicator_set"))

        self.column.addWidget(table_card)

        self.detail_card = Card("所选指标")
        self.detail_holder = QWidget()
        self.detail_layout = QVBoxLayout(self.detail_holder)
        self.detail_layout.setContentsMargins(0, 0, 0, 0)
        self.detail_card.add(self.detail_holder)
        self.column.addWidget(self.detail_card)

        # Changing the set is rare (the 财政局 sends it once a year): its buttons come after the scoring.
        set_card = Card("修改指标体系", "增删、排列指标，或从财政局下发的 Excel 表导入整套指标体系。")
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for text, handler in (
            ("＋ 添加指标", self.add_indicator),
            ("删除所选指标", self.remove_indicator),
            ("所选上移", lambda: self.move_indicator(-1)),
            ("所选下移", lambda: self.move_indicator(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(handler)
            buttons.addWidget(button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setLayout(buttons)
        set_card.add(holder)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for key, text in (
            ("import", "从 Excel 导入指标体系…"),
            ("export", "导出指标体系到 Excel…"),
            ("reference", "使用参考指标体系"),
        ):
            button = QPushButton(text)
            button.setObjectName(f"indicatorSet.{key}")
            button.clicked.connect(lambda _checked=False, key=key: self._set_action(key))
            buttons.addWidget(button)
        buttons.addStretch(1)
        holder = QWidget()
        holder.setLayout(buttons)
        set_card.add(holder)

        self.column.addWidget(set_card)
        self.column.addWidget(region_rules_card(self.open_year))

        evaluation = self.open_year.year.evaluation
        if evaluation.stated_score is not None or evaluation.stated_grade:
            stated = Card(
                "原报告中的自评结果（导入）",
                "导入的往年报告中写明的分数和等级，仅供对照：报告中的“自评结果”一律采用上面实时计算的分数。",
            )
            form = stated.form(self.open_year)
            form.decimal("原报告分数", "evaluation.stated_score", "分")
            form.line("原报告等级", "evaluation.stated_grade")
            self.column.addWidget(stated)

        analysis = Card("（二）部门整体支出绩效指标分析", "三段分析文字，分别对应预算编制、预算执行和预算监督情况。")
        form = analysis.form(self.open_year)
        form.text("1.预算编制情况", "evaluation.budgeting", rows=4)
        form.text("2.预算执行情况", "evaluation.execution", rows=4)
        form.text("3.预算监督情况", "evaluation.supervision", rows=4)
        self.column.addWidget(analysis)

    # -- the table ---------------------------------------------------------------------------------

    def refresh_table(self) -> None:
        """Show every indicator with its live score."""
        indicators = self._indicators()
        indicator_set = self.open_year.year.indicator_set
        name = indicator_set.name or "（未命名指标体系）"
        total = sum((item.weight for item in indicators), Decimal(0))
        reference = "（参考指标体系，请按本年度通知核对）" if indicator_set.is_reference else ""
        self.set_label.setText(f"{name}{reference}　共 {len(indicators)} 项，分值合计 {_number(total)} 分。")
        score = self.live_score.score
        scored = {item.path: item for item in score.indicators} if score is not None else {}
        self.table.blockSignals(True)
        self.table.setRowCount(len(indicators))
        for row, indicator in enumerate(indicators):
            result = scored.get(f"{INDICATORS}.{row}")
            waiting = self._awaits_score(indicator, result)
            values = (
                indicator.level1,
                indicator.level2,
                indicator.level3,
                _number(indicator.weight),
                "待评" if waiting or result is None else _number(result.score),
                result.explanation if result is not None else "",
            )
            for column, text in enumerate(values):
                item = self.table.item(row, column)
                if item is None:
                    item = QTableWidgetItem()
                    if column in (3, 4):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    self.table.setItem(row, column, item)
                if item.text() != text:
                    item.setText(text)
                    item.setToolTip(text)
                if column == 4:
                    item.setForeground(QColor("#1e6fd9") if waiting else QColor("#1f2933"))
        self._mark_rows()
        self._fit_table_height()
        if 0 <= self.selected < len(indicators):
            self.table.setCurrentCell(self.selected, self.table.currentColumn() if self.table.currentColumn() >= 0 else 0)
        self.table.blockSignals(False)

    def _fit_table_height(self) -> None:
        """As tall as its (wrapped) rows: the page scrolls, the table never scrolls inside it."""
        self.table.resizeRowsToContents()
        rows = sum(self.table.rowHeight(row) for row in range(self.table.rowCount()))
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows + 2 * self.table.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_table_height)  # the 计分说明 wraps anew at the new width

    def _mark_rows(self) -> None:
        """An indicator with a finding shows it on its 得分 cell (its message is under its fields once chosen)."""
        worst: dict[int, tuple[int, str, list[str]]] = {}
        prefix = INDICATORS + "."
        for finding in self.live_score.findings:
            if finding.acknowledged or finding.check == "review_pending" or not finding.path.startswith(prefix):
                continue
            index_text = finding.path[len(prefix) :].split(".", 1)[0]
            if not index_text.isdigit():
                continue
            kind = kind_of(finding)
            rank, shown, messages = worst.get(int(index_text), (9, "", []))
            messages.append(finding.message)
            if SEVERITY_ORDER[kind] < rank:
                rank, shown = SEVERITY_ORDER[kind], kind
            worst[int(index_text)] = (rank, shown, messages)
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 4)
            if item is None:
                continue
            _rank, kind, messages = worst.get(row, (9, "", []))
            colour = QColor(MARK_TINTS[kind]) if kind in MARK_TINTS else QColor(0, 0, 0, 0)
            item.setBackground(colour)
            item.setToolTip("\n".join(messages) if messages else item.text())

    def shows_finding(self, finding: Finding) -> bool:
        # An indicator's findings show under its fields when it is the one chosen (on its 得分 cell otherwise).
        prefix = INDICATORS + "."
        if not finding.path.startswith(prefix):
            return True
        index_text = finding.path[len(prefix) :].split(".", 1)[0]
        return not index_text.isdigit() or int(index_text) == self.selected

    def _chosen(self, row: int) -> None:
        """A row clicked in the table: its detail below, scrolled into view (the table is tall now)."""
        self.select(row)
        if self.detail_card.isVisible():
            self.ensureVisible(0, self.detail_card.y() + 120, 0, 100)

    def select(self, row: int) -> None:
        """Show the detail form of indicator ``row``."""
        if row == self.selected and self.detail_layout.count():
            return
        self.selected = row
        clear_layout(self.detail_layout)
        indicators = self._indicators()
        if not 0 <= row < len(indicators):
            self.detail_card.setTitle("所选指标")
            empty = QLabel("在上表中选择一项指标，即可在此填写得分、扣分原因或修改指标。")
            empty.setObjectName("hint")
            self.detail_layout.addWidget(empty)
            return
        self.detail_card.setTitle(f"所选指标：{indicators[row].level3 or '（未命名）'}")
        if self.table.currentRow() != row:
            self.table.blockSignals(True)
            self.table.setCurrentCell(row, 0)
            self.table.blockSignals(False)
        self.detail_layout.addWidget(self._detail(row, indicators[row]))
        self.marks.schedule()

    def _result(self, row: int) -> IndicatorScore | None:
        path = f"{INDICATORS}.{row}"
        score = self.live_score.score
        return next((item for item in score.indicators if item.path == path), None) if score is not None else None

    def _update_detail(self) -> None:
        """The selected indicator's live result, and whether its 扣分原因 is missing."""
        if self.detail is None or not 0 <= self.selected < len(self._indicators()):
            return
        self.detail.show_result(self._result(self.selected))
        path = f"{INDICATORS}.{self.selected}.deduction_reason"
        self.detail.show_reason_needed(
            any(item.check == "deduction_reason_missing" and item.path == path for item in self.live_score.findings)
        )

    @staticmethod
    def _awaits_score(indicator: Indicator, result: IndicatorScore | None) -> bool:
        return result is not None and result.awaits_score

    def _detail(self, row: int, indicator: Indicator) -> QWidget:
        result = self._result(row)
        # The definition stays unfolded while the officer edits it (a rule change lays the detail out again).
        shown = self.detail is not None and self.detail.definition.isVisibleTo(self.detail)
        self.detail = IndicatorDetail(
            self.open_year, row, indicator, result, self.live_score.rate_labels(), show_definition=shown
        )
        self._update_detail()
        return self.detail

    def _field_changed(self, path: str) -> None:
        # The fields of a rule depend on its kind: lay the detail out again once the combo box is done.
        if path.endswith(".rule.kind"):
            QTimer.singleShot(0, self._reloaded)

    def _reloaded(self) -> None:
        self.refresh_table()
        row = self.selected
        self.selected = -2  # force the detail to be rebuilt
        self.select(row if row < len(self._indicators()) else len(self._indicators()) - 1)

    # -- editing the set ---------------------------------------------------------------------------

    def add_indicator(self) -> None:
        template = self._indicators()[self.selected] if 0 <= self.selected < len(self._indicators()) else Indicator()
        index = self.open_year.append_item(
            INDICATORS,
            Indicator(code=f"custom-{len(self._indicators()) + 1}", level1=template.level1, level2=template.level2),
        )
        self.refresh_table()
        self.selected = -2
        self.select(index)

    def remove_indicator(self) -> None:
        row = self.selected
        indicators = self._indicators()
        if not 0 <= row < len(indicators):
            return
        if not dialogs.ask_yes_no(self, "删除指标", f"确定从指标体系中删除“{indicators[row].level3}”吗？"):
            return
        self.open_year.remove_item(INDICATORS, row)
        self.refresh_table()
        self.selected = -2
        self.select(min(row, len(self._indicators()) - 1))

    def move_indicator(self, delta: int) -> None:
        row = self.selected
        target = row + delta
        if not (0 <= row < len(self._indicators()) and 0 <= target < len(self._indicators())):
            return
        self.open_year.move_item(INDICATORS, row, target)
        self.refresh_table()
        self.selected = -2
        self.select(target)

    def _set_action(self, key: str) -> None:
        self.set_actions[key]()

    def reveal(self, path: str) -> QWidget | None:
        prefix = INDICATORS + "."
        if path.startswith(prefix):
            index_text = path[len(prefix) :].split(".", 1)[0]
            if index_text.isdigit():
                self.select(int(index_text))
                if is_definition_path(path) and self.detail is not None:
                    self.detail.show_definition()
        return super().reveal(path)
