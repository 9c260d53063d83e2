"""Step 5 支出情况: the figures of the data sheet, with the derived rates and the generated paragraph live beside them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from zjdesk.domain.amounts import format_percent
from zjdesk.domain.model import YearData
from zjdesk.ui.document import Document
from zjdesk.ui.pages.base import StepPage
from zjdesk.ui.score_service import ScoreService
from zjdesk.ui.widgets.form import Card

BREAKDOWN_PARTS = (("total", "合计"), ("basic", "基本支出"), ("project", "项目支出"), ("other", "其他"))


class FiguresPage(StepPage):
    title = "支出情况"
    intro = (
        "填写数据表的各项金额（单位万元，保留两位小数；可直接输入全角数字）。右侧的比率和报告中"
        "“（四）部门整体支出情况”一段由这些数字自动生成，正文和表格不会不一致。不清楚的数字可以先空着。"
    )

    def __init__(
        self,
        document: Document,
        scores: ScoreService,
        paragraph: Callable[[YearData], str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        self.scores = scores
        self.paragraph = paragraph
        super().__init__(document, parent)
        scores.updated.connect(self.refresh_derived)
        self.refresh_derived()

    def build(self) -> None:
        columns = QHBoxLayout()
        columns.setSpacing(16)
        left = QVBoxLayout()
        left.setSpacing(16)
        right = QVBoxLayout()
        right.setSpacing(16)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        self.column.addLayout(columns)

        budget = Card("预算数")
        form = budget.form(self.document)
        form.amount("年初预算数", "figures.initial_budget")
        form.amount("预算调整数", "figures.budget_adjustment")
        left.addWidget(budget)
        left.addWidget(self._breakdown("全年预算数（收入）", "figures.budget"))
        left.addWidget(self._breakdown("决算收入", "figures.final_revenue"))
        left.addWidget(self._breakdown("决算支出", "figures.final_expenditure"))
        left.addWidget(self._breakdown("上年决算支出", "figures.prior_final_expenditure", "结转新年度时自动带入上年决算数。"))

        other = Card("结转结余、公用经费、“三公”经费、政府采购")
        form = other.form(self.document)
        form.amount("结转结余", "figures.carry_over")
        form.amount("公用经费预算", "figures.public_funds_budget")
        form.amount("公用经费实际支出", "figures.public_funds_actual")
        form.amount("“三公”经费预算", "figures.three_public_budget")
        form.amount("“三公”经费实际支出", "figures.three_public_actual")
        form.amount("上年“三公”经费决算", "figures.three_public_prior_actual")
        form.amount("政府采购预算（计划）", "figures.procurement_plan")
        form.amount("政府采购实际", "figures.procurement_actual")
        form.decimal("支付进度率", "figures.payment_progress_rate", "%")
        left.addWidget(other)
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

    def _breakdown(self, title: str, path: str, hint: str = "") -> Card:
        card = Card(title, hint)
        form = card.form(self.document)
        for part, label in BREAKDOWN_PARTS:
            form.amount(label, f"{path}.{part}")
        return card

    def refresh_derived(self) -> None:
        """Show the rates and the paragraph as they follow from the figures now."""
        labels = self.scores.rate_labels()
        for row, (metric, value) in enumerate(self.scores.rates.items()):
            if metric not in self.rate_values:
                caption = QLabel(labels.get(metric, metric))
                shown = QLabel()
                shown.setObjectName(f"rate.{metric}")
                shown.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.rates_grid.addWidget(caption, row, 0)
                self.rates_grid.addWidget(shown, row, 1)
                self.rate_values[metric] = shown
            self.rate_values[metric].setText(format_percent(value) if value is not None else "—")
        if self.paragraph is not None:
            self.paragraph_label.setText(self.paragraph(self.document.year))
        else:
            self.paragraph_label.setText("（报告生成模块尚未就绪）")
