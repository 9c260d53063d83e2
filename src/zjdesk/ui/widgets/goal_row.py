"""One indicator row of the goal table, as the goals step edits it.

The indicator's levels and name, then its nature, target, unit, actual and weight: on one line
where the window is wide, on two lines where it is narrow (the header above the rows follows).
Under them the live 得分 with its one-line explanation, and the 偏差原因分析及改进措施, shown when the
row is below full marks (or is a 满意度 indicator, whose survey it must name). Every input is a
bound field whose objectName is its dotted path (``goals.0.indicators.2.actual``). Enter in any
line of the row adds a new row below it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from zjdesk.domain.amounts import format_number
from zjdesk.domain.goal_values import read_value
from zjdesk.domain.model import GOAL_LEVELS, NATURES, GoalIndicator
from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.widgets.fields import BoundField, ChoiceField, DecimalField, TextBlock, TextLine
from zjdesk.ui.widgets.review import ReviewBadge, set_shown

QUALITATIVE = "定性"
DEVIATION_CAPTION = "偏差原因分析及改进措施"
SURVEY_CAPTION = "调查方式及说明（如问卷调查、电话回访及样本数）"
# (caption, width, stretch) of the cells of a row; the header uses the same. A cell without stretch
# has that width; the others share what is left by their stretch, never narrower than that width.
# 二级指标 is wide enough for its usual names (up to 可持续影响指标) beside the drop-down arrow.
FIRST_LINE: tuple[tuple[str, int, int], ...] = (("一级指标", 96, 0), ("二级指标", 148, 3), ("三级指标", 82, 4))
SECOND_LINE: tuple[tuple[str, int, int], ...] = (
    ("指标性质", 64, 0),
    ("指标值", 72, 2),
    ("度量单位", 60, 1),
    ("实际完成值", 72, 2),
    ("分值", 52, 1),
)
SPACING = 6
# From this width the two lines of a row sit side by side (every cell at its width, and room to spare).
ONE_LINE_FROM = sum(width for _, width, _ in (*FIRST_LINE, *SECOND_LINE)) + SPACING * 8 + 140


class _NoWheel:
    """A choice box the mouse wheel scrolls past (forty rows of boxes must not change as the page scrolls)."""

    def wheelEvent(self, event: Any) -> None:
        if self.hasFocus():  # type: ignore[attr-defined]
            super().wheelEvent(event)  # type: ignore[misc]
        else:
            event.ignore()


class SuggestionField(_NoWheel, QComboBox, BoundField):
    """Text with suggestions to pick from (二级指标 under its 一级, the ratings of a 定性 indicator)."""

    def __init__(self, open_year: OpenYear, path: str, suggestions: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.bind(open_year, path)
        self.addItems(list(suggestions))
        self.reload()
        self.editTextChanged.connect(self.store)

    def show_value(self, value: Any) -> None:
        text = value or ""
        if self.currentText() != text:
            self.setEditText(text)
        line = self.lineEdit()
        # A long name shows its beginning, not its end — also when it is the first suggestion, which
        # addItems has put in the box already (服务对象满意度指标 read 象满意度指标).
        if line is not None and not line.hasFocus():
            line.setCursorPosition(0)


class NatureField(_NoWheel, ChoiceField):
    """The 指标性质: ≥ ≤ = 定性."""

    def __init__(self, open_year: OpenYear, path: str, parent: QWidget | None = None) -> None:
        super().__init__(open_year, path, {nature: nature for nature in NATURES}, parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


class ValueLine(TextLine):
    """指标值 or 实际完成值: a number, or words for a 定性 indicator. ``≥95%`` typed in it is taken apart
    (the sign to 指标性质, the unit to 度量单位) once the officer moves on, and full-width digits become half-width."""

    def __init__(self, open_year: OpenYear, path: str, placeholder: str, tidy: Callable[[str, Any], None]) -> None:
        super().__init__(open_year, path, placeholder)
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._tidy_value = tidy
        self.editingFinished.connect(lambda: self._tidy_value(self.path, read_value(self.text())))


class RowCells(QWidget):
    """The cells of a row (or of the header) on one line when wide enough, else on two."""

    def __init__(
        self, first: Sequence[QWidget], second: Sequence[QWidget], trailing: QWidget | None = None, *, spacing: int = 4
    ) -> None:
        super().__init__()
        self.cells = [(widget, spec) for widget, spec in zip([*first, *second], [*FIRST_LINE, *SECOND_LINE], strict=True)]
        self.first_count = len(first)
        self.trailing = trailing
        for widget, (_caption, width, stretch) in self.cells:
            widget.setParent(self)
            if stretch:
                # Space is shared by stretch alone (not by each widget's own size hint), so the
                # header's captions stay over the row's fields.
                widget.setSizePolicy(QSizePolicy.Policy.Ignored, widget.sizePolicy().verticalPolicy())
                widget.setMinimumWidth(width)
            else:
                widget.setFixedWidth(width)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(spacing)
        self.lines = (QHBoxLayout(), QHBoxLayout())
        for line in self.lines:
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(SPACING)
            outer.addLayout(line)
        self.one_line: bool | None = None
        self._arrange(False)

    def _arrange(self, one_line: bool) -> None:
        if one_line == self.one_line:
            return
        self.one_line = one_line
        for line in self.lines:
            while line.count():
                line.takeAt(0)
        for position, (widget, (_caption, _width, stretch)) in enumerate(self.cells):
            line = self.lines[0] if one_line or position < self.first_count else self.lines[1]
            line.addWidget(widget, stretch)
            if position == self.first_count - 1 and not one_line and self.trailing is not None:
                line.addWidget(self.trailing)
        if one_line and self.trailing is not None:
            self.lines[0].addWidget(self.trailing)

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        hint = super().minimumSizeHint()
        if self.one_line:  # it folds to two lines rather than widen the page
            first = sum(spec[1] for _, spec in self.cells[: self.first_count]) + SPACING * self.first_count
            hint.setWidth(max(first, sum(spec[1] for _, spec in self.cells[self.first_count :]) + SPACING * 4))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange(event.size().width() >= ONE_LINE_FROM)
        super().resizeEvent(event)


def goal_table_header() -> QWidget:
    """The captions over the rows, cell for cell (on one line or two, as the rows are)."""
    header = QWidget()
    header.setObjectName("tableHeader")
    layout = QVBoxLayout(header)
    layout.setContentsMargins(30, 0, 3 * 34, 0)  # the row's number; its ↑ ↓ ✕ buttons
    labels = []
    for caption, _width, _stretch in (*FIRST_LINE, *SECOND_LINE):
        label = QLabel(caption)
        label.setObjectName("columnCaption")
        labels.append(label)
    layout.addWidget(RowCells(labels[: len(FIRST_LINE)], labels[len(FIRST_LINE) :], spacing=0))
    return header


class IndicatorRow(QWidget):
    """The fields of ``goals.<goal>.indicators.<row>`` and its live score."""

    def __init__(
        self,
        open_year: OpenYear,
        goal: int,
        row: int,
        indicator: GoalIndicator,
        bands: list[str],
        on_enter: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.path = f"goals.{goal}.indicators.{row}"
        self.setObjectName(self.path)  # a finding about the whole row (待复核) scrolls here
        base = self.path
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 6)
        layout.setSpacing(4)

        level1 = SuggestionField(open_year, f"{base}.level1", tuple(GOAL_LEVELS))
        level1.setToolTip("一级指标：产出指标、效益指标或满意度指标")
        level2 = SuggestionField(open_year, f"{base}.level2", GOAL_LEVELS.get(indicator.level1.strip(), ()))
        self.level2 = level2
        level2.setToolTip("二级指标：如数量指标、质量指标、时效指标、成本指标、社会效益指标")
        name = TextLine(open_year, f"{base}.level3", "三级指标，如 物业出租率")
        badge = ReviewBadge(open_year, base, whole_item=True)

        qualitative = indicator.nature == QUALITATIVE
        self.qualitative = qualitative  # the actual is then picked from the ratings
        nature = NatureField(open_year, f"{base}.nature")
        nature.setToolTip("≥ 越高越好；≤ 越低越好；= 等于指标值；定性：按达成、基本达成等评级")
        target = ValueLine(open_year, f"{base}.target", "如 平稳有序" if qualitative else "如 95", self._tidy)
        unit = TextLine(open_year, f"{base}.unit", "如 %")
        if qualitative:
            actual: QWidget = SuggestionField(open_year, f"{base}.actual", tuple(bands))
            actual.setToolTip("定性指标的实际完成情况：" + "、".join(bands))
        else:
            actual = ValueLine(open_year, f"{base}.actual", "实际数值", self._tidy)
            actual.setToolTip("全年实际完成的数值")
        weight = DecimalField(open_year, f"{base}.weight", suffix="分")
        weight.setPlaceholderText("分")
        layout.addWidget(RowCells([level1, level2, name], [nature, target, unit, actual, weight], badge))
        # The row's inputs by path: the tidy-up after ``≥95%`` shows what it moved where.
        self.fields: dict[str, BoundField] = {
            field.path: field for field in (level1, level2, name, nature, target, unit, weight) if isinstance(field, BoundField)
        }
        if isinstance(actual, BoundField):
            self.fields[actual.path] = actual

        result = QGridLayout()
        result.setContentsMargins(0, 0, 0, 0)
        result.setHorizontalSpacing(8)
        self.score = QLabel("—")
        self.score.setObjectName(f"score:{base}")
        self.score.setProperty("goalScore", "none")
        self.explanation = QLabel()
        self.explanation.setObjectName("rowExplanation")
        self.explanation.setWordWrap(True)
        result.addWidget(self.score, 0, 0, Qt.AlignmentFlag.AlignTop)
        result.addWidget(self.explanation, 0, 1)
        result.setColumnStretch(1, 1)
        layout.addLayout(result)

        self.deviation_box = QWidget()
        box = QVBoxLayout(self.deviation_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        satisfaction = "满意" in indicator.level1 + indicator.level2
        self.reason_needed = QLabel("得分低于满分：请在下面写明偏差原因和改进措施，报告的绩效目标完成情况表中会列出。")
        self.reason_needed.setObjectName("reasonNeeded")
        self.reason_needed.setWordWrap(True)
        self.deviation_caption = QLabel(SURVEY_CAPTION if satisfaction else DEVIATION_CAPTION)
        self.deviation_caption.setObjectName("columnCaption")
        self.deviation = TextBlock(open_year, f"{base}.deviation", "未达到指标值的原因，以及采取或将采取的改进措施", rows=2)
        box.addWidget(self.reason_needed)
        box.addWidget(self.deviation_caption)
        box.addWidget(self.deviation)
        layout.addWidget(self.deviation_box)
        self.satisfaction = satisfaction
        set_shown(self.reason_needed, False)
        set_shown(self.deviation_box, satisfaction or bool(indicator.deviation.strip()))

        for editor in (
            level1.lineEdit(),
            level2.lineEdit(),
            name,
            target,
            unit,
            weight,
            getattr(actual, "lineEdit", lambda: actual)(),
        ):
            if isinstance(editor, QLineEdit):
                editor.returnPressed.connect(on_enter)

    def _tidy(self, path: str, value: Any) -> None:
        """Take ``≥95%`` apart once typed: the sign to 指标性质, the unit to 度量单位, the digits stay."""
        if value.number is None:
            return
        base = self.path
        indicator = self.open_year.value(base)
        unit = indicator.unit.strip()
        if value.unit and unit and value.unit != unit:
            return  # the units disagree: left as typed, for the officer to see
        if value.sign and path.endswith(".target") and indicator.nature not in (QUALITATIVE, value.sign):
            self._set(f"{base}.nature", value.sign)
        if value.unit and not unit:
            self._set(f"{base}.unit", value.unit)
        if value.digits != self.open_year.value(path):
            self._set(path, value.digits)

    def _set(self, path: str, value: Any) -> None:
        """Change a field of this row from here, and show the change in its input."""
        self.open_year.set_value(path, value)
        field = self.fields.get(path)
        if field is not None:
            field.reload()

    def suggest_level2(self, level1: str) -> None:
        """The 二级指标 usual under ``level1``; a text typed stays, one of another 一级's usual names follows.

        A new row starts as 产出指标 / 数量指标: made a 满意度指标, it read 满意度指标 / 数量指标.
        """
        text = self.level2.currentText()
        usual = GOAL_LEVELS.get(level1.strip(), ())
        self.level2.blockSignals(True)
        self.level2.clear()
        self.level2.addItems(list(usual))
        self.level2.setEditText(text)
        self.level2.blockSignals(False)
        if usual and text.strip() not in usual and any(text.strip() in names for names in GOAL_LEVELS.values()):
            self._set(self.level2.path, usual[0])
        self.follow_levels()

    def follow_levels(self) -> None:
        """A 满意度 row asks for its survey under the row; another asks for the 偏差原因 below full marks."""
        indicator = self.open_year.value(self.path)
        self.satisfaction = "满意" in indicator.level1 + indicator.level2
        caption = SURVEY_CAPTION if self.satisfaction else DEVIATION_CAPTION
        if self.deviation_caption.text() != caption:
            self.deviation_caption.setText(caption)
        if self.satisfaction:
            set_shown(self.deviation_box, True)

    def show_result(self, result: Any, *, reason_missing: bool, finding_here: bool) -> None:
        """The row's live score and explanation; the 偏差原因 box when the row needs it."""
        score = getattr(result, "score", None)
        weight = getattr(result, "weight", None)
        if score is None:
            text, state = "—", "none"
        else:
            text = f"{format_number(score)} 分"
            state = "full" if weight is not None and score >= weight else "below"
        if self.score.text() != text:
            self.score.setText(text)
        if self.score.property("goalScore") != state:
            self.score.setProperty("goalScore", state)
            self.score.style().unpolish(self.score)
            self.score.style().polish(self.score)
        explanation = getattr(result, "explanation", "") or ""
        if self.explanation.text() != explanation:
            self.explanation.setText(explanation)
        below = bool(getattr(result, "below_full", False))
        wanted = below or self.satisfaction or finding_here or bool(self.deviation.toPlainText().strip())
        set_shown(self.deviation_box, wanted)
        set_shown(self.reason_needed, reason_missing)
