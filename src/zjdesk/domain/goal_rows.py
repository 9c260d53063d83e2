"""Reading a goal table (绩效目标 / 一级指标 / … / 偏差原因分析及改进措施) from rows of cells.

The same table reaches zjdesk as an .xlsx sheet (:mod:`zjdesk.store.goal_xlsx`) and as a table in
last year's Word report (:mod:`zjdesk.docx_import.goal_tables`); both hand their rows here as
:class:`SheetCell` tuples. The header may sit anywhere in the first rows (title and unit rows above
it), merged over two rows (绩效指标 over 一级/二级/三级指标), its columns in any order and under other
names (年度绩效目标, 指标值（年度目标值）, 目标值 …); the goal merged down or left blank on its
continuation rows; the sign and the unit inside the value (≥95%, 大于等于98, 300元/人); full-width
digits. Anything that cannot be read is named by its place, and nothing is imported then.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.errors import UserError
from zjdesk.domain.goal_scoring import QUALITATIVE
from zjdesk.domain.goal_table import ImportedGoal
from zjdesk.domain.goal_values import number_text, read_value
from zjdesk.domain.limits import DECIMAL, NumberError, check_number
from zjdesk.domain.model import GoalIndicator, QualitativeBand
from zjdesk.domain.report_words import GOAL_TABLE_COLUMNS

HEADER_SEARCH_ROWS = 20
MAX_ROWS = 2000  # rows below the header (a department has dozens of indicators, not thousands)
MAX_PROBLEMS_LISTED = 12

# Header names as sheets write them (after spaces and bracketed notes are dropped) → column.
HEADER_NAMES: dict[str, str] = {
    **{header: key for key, header in GOAL_TABLE_COLUMNS},
    **dict.fromkeys(
        (
            "年度绩效目标",
            "部门整体绩效目标",
            "部门整体支出绩效目标",
            "整体绩效目标",
            "总体目标",
            "年度总体目标",
            "年度目标",
            "目标",
        ),
        "goal",
    ),
    **dict.fromkeys(("指标名称", "指标内容", "绩效指标名称", "三级指标名称"), "level3"),
    **dict.fromkeys(("性质", "指标方向", "计算符号", "符号", "指标属性"), "nature"),
    **dict.fromkeys(("年度指标值", "目标值", "年度目标值", "指标目标值", "计划值", "预期值", "年度指标"), "target"),
    **dict.fromkeys(("计量单位", "单位"), "unit"),
    **dict.fromkeys(("实际值", "完成值", "全年实际值", "实际完成情况", "年度实际完成值", "实际完成", "全年完成值"), "actual"),
    **dict.fromkeys(("权重", "指标分值", "分数"), "weight"),
    **dict.fromkeys(("自评得分",), "score"),
    **dict.fromkeys(
        (
            "偏差原因",
            "偏差原因分析",
            "偏差原因及改进措施",
            "偏差原因分析及改进措施说明",
            "原因分析及改进措施",
            "未完成原因分析",
            "未完成原因和改进措施",
            "未完成原因及改进措施",
        ),
        "deviation",
    ),
}
COLUMN_NAMES = dict(GOAL_TABLE_COLUMNS)
READ_COLUMNS = ("goal", "level1", "level2", "level3", "nature", "target", "unit", "actual", "weight", "deviation")

NATURE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("≥", "≧", ">=", ">", "大于等于", "大于或等于", "不低于", "不少于", "正向", "正向指标", "越大越好", "越高越好"), "≥"
    ),
    **dict.fromkeys(
        ("≤", "≦", "<=", "<", "小于等于", "小于或等于", "不高于", "不超过", "反向", "反向指标", "越小越好", "越低越好"), "≤"
    ),
    **dict.fromkeys(("=", "＝", "等于", "==", "持平"), "="),
    **dict.fromkeys(("定性", "定性指标"), QUALITATIVE),
    **dict.fromkeys(("定量", "定量指标"), ""),  # a number; its sign comes from the value (≥ when none)
}
SKIPPED_WORDS = ("合计", "总计", "小计")
NOTE_PREFIXES = ("注", "说明", "备注", "填表", "填报", "单位负责人", "联系人", "联系电话", "审核人")

# (row number, column index, column key) → where a cell is, in a message: 第 5 行 H 列（实际完成值）.
Place = Callable[[int, int, str], str]


class GoalSheetError(UserError):
    """A goal table that cannot be imported; ``problems`` names each cell in Chinese."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class SheetCell:
    """One cell as the table gives it: its value, whether it is a formula, whether a number shows as a percentage."""

    value: Any
    formula: bool = False
    percent: bool = False  # a number shown as a percentage (0.95 for 95%)


@dataclass
class _Cell:
    value: Any
    formula: bool
    percent: bool
    label: str  # 第 5 行 H 列（实际完成值）


def header_key(value: Any) -> str:
    """A header cell's text as :data:`HEADER_NAMES` lists it: no spaces, no bracketed note."""
    text = "".join(normalise_width(str(value or "")).split())
    for opening, closing in (("(", ")"), ("（", "）"), ("[", "]"), ("【", "】")):
        while opening in text and closing in text.split(opening, 1)[1]:
            before, rest = text.split(opening, 1)
            text = before + rest.split(closing, 1)[1]
    return text.rstrip("：:*")


def columns_of(row: tuple[Any, ...], above: tuple[Any, ...]) -> dict[str, int]:
    """Which known column each cell of a header row is; an empty cell takes the name of the one above it."""
    columns: dict[str, int] = {}
    for index in range(max(len(row), len(above))):
        value = row[index] if index < len(row) else None
        key = HEADER_NAMES.get(header_key(value)) if value not in (None, "") else None
        if key is None and value in (None, "") and index < len(above):
            key = HEADER_NAMES.get(header_key(above[index]))
        if key is not None and key not in columns:
            columns[key] = index
    return columns


def is_goal_header(columns: dict[str, int]) -> bool:
    """Whether a header row's columns make a goal table (indicator names and their target values)."""
    return "level3" in columns and "target" in columns


def cell_text(value: Any) -> str:
    """A cell's value as text: numbers without float noise (92.0 → 92), text trimmed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return number_text(Decimal(repr(value)))
    if isinstance(value, int):
        return str(value)
    return str(value).strip()


class GoalRowReader:
    """Reads the indicator rows below a found header, collecting every problem by cell."""

    def __init__(self, columns: dict[str, int], bands: list[QualitativeBand], place: Place) -> None:
        self.columns = columns
        self.bands = bands
        self.place = place
        self.problems: list[str] = []
        self.goals: list[ImportedGoal] = []
        self.goal: ImportedGoal | None = None
        self.level1 = self.level2 = ""

    def problem(self, cell: _Cell, text: str) -> None:
        self.problems.append(f"{cell.label}{text}")

    def cells(self, row_number: int, row: tuple[SheetCell, ...]) -> dict[str, _Cell]:
        cells = {}
        for key, index in self.columns.items():
            cell = row[index] if index < len(row) else SheetCell(None)
            cells[key] = _Cell(cell.value, cell.formula, cell.percent, self.place(row_number, index, key))
        return cells

    def read_row(self, row_number: int, row: tuple[SheetCell, ...]) -> None:
        cells = self.cells(row_number, row)
        used = {key: cells[key] for key in READ_COLUMNS if key in cells}
        for cell in used.values():
            if cell.formula:
                self.problem(cell, f"是公式“{cell.value}”：请在 Excel 中复制该列后“选择性粘贴为数值”，再导入")
        if any(cell.formula for cell in used.values()):
            return
        texts = {key: cell_text(cell.value) for key, cell in used.items()}
        if not any(texts.values()):
            return
        if any(word in texts.get(key, "") for key in ("goal", "level1", "level2", "level3") for word in SKIPPED_WORDS):
            return
        if texts.get("level3") in ("三级指标", "指标名称"):
            return  # a header repeated on a later page
        filled = [text for text in texts.values() if text]
        if len(filled) > 1 and len(set(filled)) == 1:
            # One cell merged across the row (Word repeats its text in every column): a note or sign-off
            # under the table, or the goal its following rows belong to (目标1：… as a row of its own).
            if not filled[0].startswith(NOTE_PREFIXES):
                self.start_goal(filled[0])
            return
        indicator_keys = ("level1", "level2", "level3", "nature", "target", "unit", "actual", "weight", "deviation")
        has_indicator = any(texts.get(key) for key in indicator_keys)
        goal_text = texts.get("goal", "")
        if goal_text.startswith(NOTE_PREFIXES) and texts.get("level3", "") in ("", goal_text):
            return  # a note or sign-off under the table (填表人：… merged over the first columns)
        if goal_text:
            self.start_goal(goal_text)
        if not has_indicator:
            return
        if self.goal is None:
            place = cells["goal"].label if "goal" in cells else f"第 {row_number} 行"
            self.problems.append(f"{place}缺少绩效目标：请填写该指标所属的绩效目标")
            return
        indicator = self.indicator(cells, texts)
        if indicator is not None:
            self.goal.rows.append(indicator)

    def start_goal(self, text: str) -> None:
        """The rows from here on belong to the goal ``text`` (a goal merged down its rows starts once)."""
        if self.goal is None or text != self.goal.text:
            self.goal = ImportedGoal(text)
            self.goals.append(self.goal)
            self.level1 = self.level2 = ""

    def indicator(self, cells: dict[str, _Cell], texts: dict[str, str]) -> GoalIndicator | None:
        before = len(self.problems)
        self.level1 = texts.get("level1") or self.level1
        self.level2 = texts.get("level2") or self.level2
        name = texts.get("level3", "")
        if not name:
            self.problem(cells["level3"], "缺少指标名称")
        nature = self.nature(cells.get("nature"), texts.get("nature", ""))
        target_text, target_sign, target_unit, numeric_target = self.target(cells["target"], texts.get("target", ""), nature)
        if nature == "" or nature is None:
            nature = target_sign or ("≥" if numeric_target or not target_text else QUALITATIVE)
        elif target_sign and nature != target_sign and nature != QUALITATIVE:
            self.problem(cells["target"], f"“{target_text}”中的“{target_sign}”与指标性质“{nature}”不一致：请核对")
        unit = texts.get("unit", "")
        if target_unit and unit and target_unit != unit:
            self.problem(cells["target"], f"中的单位“{target_unit}”与度量单位“{unit}”不一致：请核对")
        unit = unit or target_unit
        if nature == QUALITATIVE and numeric_target:
            self.problem(cells["target"], f"“{target_text}”是数字，指标性质却为定性：请改为 ≥、≤ 或 =")
        actual = self.actual(cells.get("actual"), texts.get("actual", ""), nature, unit)
        if nature == QUALITATIVE and not numeric_target and read_value(actual).is_number and target_text:
            self.problem(cells["actual"], f"“{actual}”是数字，指标值“{target_text}”却不是：请把指标值写成数字，或填写定性评级")
        weight = self.weight(cells.get("weight"), texts.get("weight", ""))
        if len(self.problems) > before:
            return None
        return GoalIndicator(
            level1=self.level1,
            level2=self.level2,
            level3=name,
            nature=nature,
            target=target_text,
            unit=unit,
            actual=actual,
            weight=weight,
            deviation=texts.get("deviation", ""),
        )

    def nature(self, cell: _Cell | None, text: str) -> str | None:
        """The 指标性质 cell as ≥ ≤ = 定性, "" for a number whose sign the value gives, None when absent."""
        if cell is None or not text:
            return None
        key = "".join(normalise_width(text).split())
        key = key.split("（", 1)[0].split("(", 1)[0] or key
        if key in NATURE_WORDS:
            return NATURE_WORDS[key]
        self.problem(cell, f"“{text}”不是指标性质：请填写 ≥、≤、= 或定性")
        return None

    def target(self, cell: _Cell | None, text: str, nature: str | None) -> tuple[str, str, str, bool]:
        """(指标值 as stored, its sign, its unit, whether it is a number)."""
        if cell is None or not text:
            if cell is not None:
                self.problem(cell, "缺少指标值")
            return "", "", "", False
        if cell.percent:
            return number_text(Decimal(text) * 100), "", "%", True
        value = read_value(text)
        if value.number is None:
            if nature in ("≥", "≤", "="):
                self.problem(cell, f"“{text}”不是数字，指标性质却为“{nature}”：请填写数字，或把指标性质改为定性")
            return value.text, "", "", False
        return value.digits, value.sign, value.unit, True

    def actual(self, cell: _Cell | None, text: str, nature: str, unit: str) -> str:
        if cell is None or not text:
            return ""
        if nature == QUALITATIVE:
            band = next(
                (band for band in sorted(self.bands, key=lambda b: -len(b.name)) if band.name and text.startswith(band.name)),
                None,
            )
            return band.name if band is not None else text  # other words are left for the checks to question
        if cell.percent:
            return number_text(Decimal(text) * 100)
        value = read_value(text)
        if value.number is None:
            self.problem(cell, f"“{text}”不是数字：指标性质为“{nature}”的实际完成值应为数字")
            return ""
        if value.unit and unit and value.unit != unit:
            self.problem(cell, f"中的单位“{value.unit}”与度量单位“{unit}”不一致：请核对")
        return value.digits

    def weight(self, cell: _Cell | None, text: str) -> Decimal | None:
        if cell is None or not text:
            return None
        raw = normalise_width(text).strip().removesuffix("分").strip()
        try:
            weight = Decimal(raw)
        except InvalidOperation:
            self.problem(cell, f"“{text}”不是数字：分值应为大于零的数字")
            return None
        if not weight.is_finite() or weight <= 0:
            self.problem(cell, f"“{text}”不是有效的分值：分值应为大于零的数字")
            return None
        try:  # the limits every way into a year shares (zjdesk.domain.limits)
            return check_number(weight, DECIMAL, text)
        except NumberError as error:
            self.problem(cell, f"的分值{error}".rstrip("。"))
            return None


def problem_message(name: str, problems: list[str]) -> str:
    """One message naming the first problems of a table that cannot be imported."""
    listed = "；".join(problems[:MAX_PROBLEMS_LISTED]) + ("；……" if len(problems) > MAX_PROBLEMS_LISTED else "")
    return f"“{name}”有 {len(problems)} 处无法导入，年度文件未作任何修改：{listed}。"


def no_header_message(name: str) -> str:
    """The message for a table or workbook without a goal table's header."""
    return (
        f"在“{name}”中找不到绩效指标表的表头：需要一行列名，至少包含“绩效目标”“三级指标”和“指标值”"
        "（可选：一级指标、二级指标、指标性质、度量单位、实际完成值、分值、偏差原因分析及改进措施）。"
    )


def find_header(rows: Iterator[tuple[SheetCell, ...]]) -> tuple[int, dict[str, int]] | None:
    """Advance ``rows`` to just past a goal-table header within the first rows: (its row number, its columns)."""
    above: tuple[Any, ...] = ()
    for row_number, row in enumerate(rows, start=1):
        if row_number > HEADER_SEARCH_ROWS:
            return None
        values = tuple(cell.value for cell in row)
        columns = columns_of(values, above)
        if is_goal_header(columns):
            return row_number, columns
        above = values
    return None


def read_goal_rows(
    rows: Iterator[tuple[SheetCell, ...]],
    header_row: int,
    columns: dict[str, int],
    name: str,
    bands: list[QualitativeBand],
    place: Place,
) -> list[ImportedGoal]:
    """The goals and indicator rows below a found header, or :class:`GoalSheetError` naming each cell it cannot read."""
    reader = GoalRowReader(columns, bands, place)
    for row_number, row in enumerate(rows, start=header_row + 1):
        if row_number - header_row > MAX_ROWS:
            raise GoalSheetError(f"“{name}”表头下超过 {MAX_ROWS} 行，不像部门的绩效指标表：请只保留绩效目标及其指标后再导入。")
        reader.read_row(row_number, row)
    if "goal" not in columns and not reader.goals:  # nor a goal row of its own above its indicators
        raise GoalSheetError(f"“{name}”第 {header_row} 行的表头中没有“绩效目标”列：请加上各指标所属的绩效目标后再导入。")
    if reader.problems:
        raise GoalSheetError(problem_message(name, reader.problems), reader.problems)
    if not any(goal.rows for goal in reader.goals):
        raise GoalSheetError(f"“{name}”的表头下没有指标行：请在表头下逐行填写绩效目标及其指标。")
    return reader.goals
