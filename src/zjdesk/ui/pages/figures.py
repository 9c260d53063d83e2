"""Step 5 支出情况: the figures of the data sheet, with the derived rates and the generated paragraph live beside them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QGridLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from zjdesk.domain.amounts import format_percent
from zjdesk.domain.rates import RATE_FORMULAS
from zjdesk.domain.registry import DeclaredField, breakdown_parts, figure_fields, label_of
from zjdesk.report.sentences import expenditure_paragraph
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.steps import PageContext
from zjdesk.ui.widgets.fields import AmountField
from zjdesk.ui.widgets.finding_note import FindingNote
from zjdesk.ui.widgets.form import Card, FieldForm

SIDE_BY_SIDE_WIDTH = 740  # pixels of page width below which the rates go under the figures


class FiguresPage(StepPage):
    intro = (
        "填写数据表的各项金额（单位万元，保留两位小数；可直接输入全角数字）。自动计算的比率和报告中"
        "“（四）部门整体支出情况”一段由这些数字自动生成，正文和表格不会不一致。不清楚的数字可以先空着。"
    )

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.live_score.updated.connect(self.refresh_derived)
        self.refresh_derived()

    def build(self) -> None:
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.setSpacing(16)
        self.columns = columns
        left = QVBoxLayout()
        left.setSpacing(16)
        right = QVBoxLayout()
        right.setSpacing(16)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.column.addLayout(columns)

        # Every figure the model declares, in its data-sheet group: the breakdowns as one grid, the
        # single amounts (and reported percentages) as rows of the card of their group.
        figures = figure_fields()
        groups = list(dict.fromkeys(item.info.sheet_group for item in figures if item.info.sheet_group))
        singles = [item for item in figures if item.info.kind in ("amount", "percent", "count")]
        for position, group in enumerate(groups):
            card = Card(group.split("、", 1)[-1])
            form = card.form(self.open_year)
            last = position == len(groups) - 1
            for item in singles:
                # reported percentages (支付进度率) and counts (已完成的绩效目标数) belong to no sheet group:
                # they go with the last card
                if item.info.sheet_group == group or (last and not item.info.sheet_group):
                    self._figure_row(form, item)
            left.addWidget(card)
            if position == 0:
                left.addWidget(self._breakdowns())
        left.addStretch(1)

        rates = Card("自动计算的比率", "随数字即时更新；空着的数字对应的比率显示为“—”。")
        self.rates_grid_holder = QWidget()
        self.rates_grid = QGridLayout(self.rates_grid_holder)
        self.rates_grid.setContentsMargins(0, 0, 0, 0)
        self.rates_grid.setHorizontalSpacing(16)
        self.rates_grid.setVerticalSpacing(6)
        rates.add(self.rates_grid_holder)
        right.addWidget(rates)
        self.rate_values: dict[str, QLabel] = {}

        preview = Card("报告中的段落（自动生成）")
        self.paragraph_label = QLabel()
        self.paragraph_label.setObjectName("generatedParagraph")
        self.paragraph_label.setWordWrap(True)
        self.paragraph_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        preview.add(self.paragraph_label)
        right.addWidget(preview)
        right.addStretch(1)

    @staticmethod
    def _figure_row(form: FieldForm, item: DeclaredField) -> None:
        info = item.info
        editor: QLineEdit
        if info.kind == "percent":
            editor = form.decimal(info.label, item.path, info.unit)
        elif info.kind == "count":
            editor = form.count(info.label, item.path, info.unit)
        else:
            editor = form.amount(info.label, item.path, allow_negative=info.signed)
        if info.hint:
            editor.setToolTip(info.hint)

    def _breakdowns(self) -> Card:
        """全年预算数 / 决算收入 / 决算支出 / 上年决算支出, each split into 合计 / 基本 / 项目 / 其他, as a grid."""
        card = Card("收入与支出（万元）", "各行合计应等于基本支出、项目支出与其他之和；上年决算支出在结转新年度时自动带入。")
        grid_holder = QWidget()
        grid = QGridLayout(grid_holder)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(8)
        parts = breakdown_parts()
        for column, part in enumerate(parts, start=1):
            label = QLabel(part.info.label)
            label.setObjectName("columnCaption")
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(label, 0, column)
        breakdowns = [item for item in figure_fields() if item.info.kind == "breakdown"]
        for row, item in enumerate(breakdowns, start=1):
            caption = item.info.label
            label = QLabel(caption)
            grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            for column, part in enumerate(parts, start=1):
                field = AmountField(self.open_year, f"{item.path}.{part.name}")
                field.setMinimumWidth(80)
                field.setAccessibleName(label_of(field.path))
                if column == 1:
                    label.setBuddy(field)
                grid.addWidget(field, row, column)
        for column in range(1, len(parts) + 1):
            grid.setColumnStretch(column, 1)
        # The findings on the rows of the grid (分项之和不等于合计 …), under it.
        grid.addWidget(FindingNote(*(item.path for item in breakdowns)), len(breakdowns) + 1, 0, 1, len(parts) + 1)
        self.grid_fields = grid_holder.findChildren(AmountField)
        self.open_year.review_changed.connect(self._mark_review)
        self._mark_review()
        card.add(grid_holder)
        return card

    def _mark_review(self) -> None:
        """Grid cells awaiting 复核 are tinted (the page's banner confirms them; editing one clears it)."""
        for field in self.grid_fields:
            pending = self.open_year.is_under_review(field.path)
            if bool(field.property("review")) != pending:
                field.setProperty("review", pending)
                field.setToolTip("待复核：导入或结转的数字，请核对" if pending else field.hint)
                field.style().unpolish(field)
                field.style().polish(field)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Rates beside the figures when there is room, below them in a narrow window.
        wide = self.viewport().width() >= SIDE_BY_SIDE_WIDTH
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.columns.direction() != direction:
            self.columns.setDirection(direction)

    def refresh_derived(self) -> None:
        """Show the rates and the paragraph as they follow from the figures now."""
        labels = self.live_score.rate_labels()
        for row, (metric, value) in enumerate(self.live_score.rates.items()):
            if metric not in self.rate_values:
                caption = QLabel(labels.get(metric, metric))
                caption.setToolTip(RATE_FORMULAS.get(metric, ""))
                shown = QLabel()
                shown.setObjectName(f"rate.{metric}")
                shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rates_grid.addWidget(caption, row, 0)
                self.rates_grid.addWidget(shown, row, 1)
                self.rate_values[metric] = shown
            self.rate_values[metric].setText(format_percent(value) if value is not None else "—")
        # The report's own sentence, from the rates just computed (the same call the report makes).
        year = self.open_year.year
        rates = self.live_score.rates
        self.paragraph_label.setText(expenditure_paragraph(year.figures, year.cover.evaluation_year, rates.get))
