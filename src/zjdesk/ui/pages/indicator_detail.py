"""The detail of one indicator on the 绩效自评 step: scoring it first, changing its definition on request.

The officer's task on this step is to score; changing the indicator set is rare. So the detail opens
with what the score rests on (评分标准, the computed result, the checklist), the 得分 field and the
扣分原因, and keeps the definition (levels, weight, rule) behind a 修改指标定义 button.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from zjdesk.domain.model import Indicator
from zjdesk.domain.scoring import IndicatorScore
from zjdesk.domain.scoring_rules import RULE_KINDS
from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.score_panel import score_text
from zjdesk.ui.widgets.fields import CheckField, ChoiceField
from zjdesk.ui.widgets.form import FieldForm, hint_label
from zjdesk.ui.widgets.review import set_shown

DIRECTIONS = {"higher": "越高越好", "lower": "越低越好"}
INDICATORS = "indicator_set.indicators"
# The definition fields: a path ending in one of these lives in the folded-away part.
DEFINITION_FIELDS = (
    "level1",
    "level2",
    "level3",
    "weight",
    "explanation",
    "criteria",
    "rule",
)


def is_definition_path(path: str) -> bool:
    """True when ``path`` (under one indicator) names a field of the indicator's definition."""
    parts = path.split(".")
    return len(parts) > 3 and parts[3] in DEFINITION_FIELDS


class IndicatorDetail(QWidget):
    """Scoring fields of indicator ``row``, then its definition (folded unless ``show_definition``)."""

    def __init__(
        self,
        open_year: OpenYear,
        row: int,
        indicator: Indicator,
        result: IndicatorScore | None,
        rate_labels: dict[str, str],
        *,
        show_definition: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        base = f"{INDICATORS}.{row}"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        judged = indicator.rule.kind == "judged" or (result is not None and result.fell_back_to_judged)

        criteria = indicator.criteria.strip() or indicator.explanation.strip()
        if criteria:
            label = hint_label(f"评分标准：{criteria}")
            label.setObjectName("criteriaText")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        self.state = QLabel()
        self.state.setObjectName("scoreExplanation")
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.show_result(result)

        score = FieldForm(open_year)
        if indicator.rule.kind == "checklist":
            met = indicator.checklist_met
            met.extend([False] * (len(indicator.rule.checklist) - len(met)))
            for item, text in enumerate(indicator.rule.checklist):
                score.widget(f"检查项 {item + 1}", CheckField(open_year, f"{base}.checklist_met.{item}", text))
            score.count("违规次数", f"{base}.violations", "次")
        full = f"分（满分 {score_text(indicator.weight)} 分）" if indicator.weight is not None else "分"
        score.decimal("评判得分" if judged else "自评得分（备用）", f"{base}.judged_score", full)
        score.text("扣分原因", f"{base}.deduction_reason", "得分低于满分时必须说明扣分原因", rows=2)
        layout.addWidget(score)
        # Said right here as the score is typed, not only in the findings panel.
        self.reason_needed = QLabel("得分低于满分：请在“扣分原因”中写明扣分理由，报告中会写出。")
        self.reason_needed.setObjectName("reasonNeeded")
        self.reason_needed.setWordWrap(True)
        layout.addWidget(self.reason_needed)
        set_shown(self.reason_needed, False)
        layout.addWidget(hint_label(self._how(indicator, result)))

        self.toggle = QToolButton()
        self.toggle.setObjectName("indicatorDefinitionToggle")
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setText("修改指标定义（名称、分值、评分标准、计分方式）")
        self.toggle.setAutoRaise(True)
        layout.addWidget(self.toggle)
        self.definition = self._definition(open_year, base, indicator, rate_labels)
        layout.addWidget(self.definition)
        self.toggle.toggled.connect(self._fold)
        self.toggle.setChecked(show_definition)
        self._fold(show_definition)

    def show_result(self, result: IndicatorScore | None) -> None:
        """The indicator's score as computed now (follows every edit)."""
        explanation = result.explanation if result is not None else ""
        self.state.setText(f"当前：{explanation}")
        set_shown(self.state, bool(explanation))

    def show_reason_needed(self, needed: bool) -> None:
        """Show or hide the line asking for the 扣分原因 (the checks decide when it is needed)."""
        set_shown(self.reason_needed, needed)

    @staticmethod
    def _how(indicator: Indicator, result: IndicatorScore | None) -> str:
        """One line on how this indicator gets its score."""
        if indicator.rule.kind == "judged":
            return "由评价小组按评分标准给分；低于满分时在“扣分原因”中写明理由（会写入报告）。"
        if indicator.rule.kind == "checklist":
            return "逐项勾选已达到的检查项，程序按标准扣分；未逐项勾选时，采用上面的“评判得分”。"
        if indicator.rule.kind == "goal_indicators":
            levels = "、".join(level for level in indicator.rule.levels if level.strip()) or "全部指标"
            return (
                f"由程序按第 4 步“绩效目标”中{levels}的得分率计算；绩效目标尚未细化为指标、"
                "或有指标尚未填写实际完成值时，采用上面的“评判得分”。"
            )
        if result is not None and result.fell_back_to_judged:
            return "缺少计算所需的数据：补齐数据（多在第 5 步“支出情况”）后由程序计分，在此之前采用上面的“评判得分”。"
        return "此项由程序按数据计算得分；数据无法计算时才采用上面的“自评得分”。"

    def _fold(self, shown: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        self.definition.setVisible(shown)

    def show_definition(self) -> None:
        """Unfold the definition (to reveal one of its fields)."""
        self.toggle.setChecked(True)

    @staticmethod
    def _definition(open_year: OpenYear, base: str, indicator: Indicator, labels: dict[str, str]) -> FieldForm:
        form = FieldForm(open_year)
        form.line("一级指标", f"{base}.level1")
        form.line("二级指标", f"{base}.level2")
        form.line("三级指标", f"{base}.level3")
        form.decimal("分值", f"{base}.weight", "分", required=True)
        form.text("指标解释", f"{base}.explanation", rows=2)
        form.text("评分标准", f"{base}.criteria", rows=2)
        form.widget("计分方式", ChoiceField(open_year, f"{base}.rule.kind", RULE_KINDS))
        if indicator.rule.kind not in ("judged", "goal_indicators") or indicator.rule.metric:
            form.widget("依据的比率", ChoiceField(open_year, f"{base}.rule.metric", {"": "（无）", **labels}))
        if indicator.rule.kind in ("linear", "pro_rata"):
            form.widget("方向", ChoiceField(open_year, f"{base}.rule.direction", DIRECTIONS))
        if indicator.rule.kind == "linear":
            form.decimal("满分界限", f"{base}.rule.threshold", "%")
            form.decimal("每超出一个百分点扣", f"{base}.rule.per_point", "分")
        if indicator.rule.kind == "pro_rata":
            form.decimal("目标值", f"{base}.rule.target", "%")
        if indicator.rule.kind == "checklist":
            form.decimal("每项未达到扣", f"{base}.rule.per_item", "分")
        return form
