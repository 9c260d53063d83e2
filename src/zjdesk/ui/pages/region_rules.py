"""The region rules of the indicator set, on the 绩效自评 step: where bureaus differ (DESIGN §4b).

Whether the caps on the total apply, which budget 预算完成率 is measured against, the tolerance of
"=" goal indicators, the share each 定性 rating earns, and the overshoot rule. All are settings of
the set (``indicator_set.region_rules``), stored in the year and carried to the next one.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.widgets.fields import CheckField, ChoiceField, DecimalField, TextLine
from zjdesk.ui.widgets.form import Card

RULES = "indicator_set.region_rules"
EXECUTION_BASES = {"adjusted": "全年预算数（调整后）", "initial": "年初预算数"}
OVERSHOOTS = {"none": "不扣分", "deduct": "超出较多且未说明原因的扣分"}


def _unit(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("unit")
    return label


def region_rules_card(open_year: OpenYear) -> Card:
    """The card with every region rule of the year's indicator set."""
    card = Card(
        "地区计分规则",
        "各地财政部门的口径不同：按本年度通知设置。绩效目标表的得分、预算完成率和总分封顶都随之计算。",
    )
    form = card.form(open_year)
    form.widget("总分封顶", CheckField(open_year, f"{RULES}.apply_caps", "预算完成率偏低时按指标体系的封顶规则限制总分"))
    form.widget("预算完成率依据", ChoiceField(open_year, f"{RULES}.execution_basis", EXECUTION_BASES))
    form.decimal("“=”指标允许偏差", f"{RULES}.equal_tolerance", "%")
    bands = open_year.year.indicator_set.region_rules.qualitative_bands
    holder = QWidget()
    grid = QGridLayout(holder)  # two ratings a line: the card stays narrow on a small screen
    grid.setContentsMargins(0, 0, 0, 0)
    grid.setHorizontalSpacing(6)
    for index in range(len(bands)):
        name = TextLine(open_year, f"{RULES}.qualitative_bands.{index}.name")
        name.setFixedWidth(86)
        percent = DecimalField(open_year, f"{RULES}.qualitative_bands.{index}.percent", suffix="%")
        percent.setFixedWidth(52)
        line, column = divmod(index, 2)
        grid.addWidget(name, line, column * 4)
        grid.addWidget(percent, line, column * 4 + 1)
        grid.addWidget(_unit("%"), line, column * 4 + 2)
        grid.setColumnMinimumWidth(column * 4 + 3, 12)
    grid.setColumnStretch(8, 1)
    form.widget("定性指标评级", holder)
    form.widget("超额完成", ChoiceField(open_year, f"{RULES}.overshoot", OVERSHOOTS))
    form.decimal("超出指标值达到", f"{RULES}.overshoot_threshold", "%")
    form.decimal("超额且未说明原因扣", f"{RULES}.overshoot_deduction", "分")
    return card
