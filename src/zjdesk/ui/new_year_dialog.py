"""The dialog for a new year file: unit name, evaluation year, where to save.

Three uses: a blank year (the year is chosen), a year carried forward (the year is last year's plus
one, shown, not chosen) and a year imported from a Word report (the year is the report's as read,
shown with where it was read; asked for, with what it decides, only when the report does not say).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from zjdesk.store.folders import folder_problem
from zjdesk.ui.confirm_dialog import wrapping_list
from zjdesk.ui.folders import name_part
from zjdesk.ui.screen_fit import fit_dialog
from zjdesk.ui.style import own_style

YEARS_OFFERED = 10  # years back from this one the list offers


def suggested_file_name(unit_name: str, year: int) -> str:
    """``湛江市某某局-2025年度.zjd``: the name every new year file is offered under."""
    return f"{name_part(unit_name) or '年度文件'}-{year}年度.zjd"


@dataclass(frozen=True)
class YearDialogMode:
    """What the dialog is for: its title, opening line, OK button and how the year is given."""

    title: str
    intro: str
    accept: str  # the OK button; {year} is the year
    year_fixed: bool  # the year is shown, not chosen


NEW = YearDialogMode(
    "新建年度文件",
    "填写单位名称和评价年度，选择年度文件的保存位置。之后每一处修改都会自动保存到这个文件。",
    "创建",
    False,
)
CARRY = YearDialogMode(
    "结转新年度",
    "由上一年度的文件生成下一年度：单位情况、工作任务、目标、评价小组和指标体系沿用，上年决算成为对比数，"
    "沿用的文字和数字都标记“待复核”。上一年度的文件不会改动。",
    "结转为{year}年度",
    True,
)
IMPORT = YearDialogMode(
    "从往年报告导入",
    "已读取这份报告。导入后生成它所评价年度的年度文件，所有导入的内容都标记“待复核”；报告文件本身不会改动。",
    "导入为{year}年度",
    True,
)
MODES = {"new": NEW, "carry": CARRY, "import": IMPORT}


class NewYearDialog(QDialog):
    """Asks for the unit, the year and the file; OK only when all three make sense."""

    def __init__(
        self,
        parent: QWidget | None,
        *,
        unit_name: str = "",
        year: int = 0,
        folder: str = "",
        mode: str = "new",
        year_note: str = "",
        found: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode = MODES[mode]
        self.setWindowTitle(self.mode.title)
        self.setObjectName("newYearDialog")
        own_style(self)
        self.folder = folder
        self.year_fixed = self.mode.year_fixed and bool(year)
        layout = QVBoxLayout(self)
        intro = QLabel(self.mode.intro)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if found:
            caption = QLabel("识别到的内容：")
            caption.setObjectName("subCaption")
            layout.addWidget(caption)
            self.found = wrapping_list("new.found", found)
            self.found.setMaximumHeight(120)
            layout.addWidget(self.found)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.unit = QLineEdit(unit_name)
        self.unit.setObjectName("new.unit_name")
        self.unit.setPlaceholderText("例如：湛江市人民政府驻广州办事处")
        self.year = QComboBox()
        self.year.setObjectName("new.evaluation_year")
        self.year.addItem("请选择年度", 0)
        this_year = date.today().year
        for value in range(max(this_year + 1, year), min(this_year - YEARS_OFFERED, year or this_year) - 1, -1):
            self.year.addItem(f"{value}年度", value)
        if year:
            self.year.setCurrentIndex(self.year.findData(year))
        elif mode == "new":
            self.year.setCurrentIndex(self.year.findData(this_year - 1))
        # else: a year the report does not state is chosen, never guessed
        year_row = QWidget()
        year_layout = QVBoxLayout(year_row)
        year_layout.setContentsMargins(0, 0, 0, 0)
        year_layout.setSpacing(4)
        self.year_label = QLabel(f"{year}年度")
        self.year_label.setObjectName("new.year_shown")
        choice = QHBoxLayout()
        choice.setContentsMargins(0, 0, 0, 0)
        choice.addWidget(self.year_label if self.year_fixed else self.year)
        choice.addStretch(1)
        year_layout.addLayout(choice)
        self.year.setVisible(not self.year_fixed)
        self.year_label.setVisible(self.year_fixed)
        self.year_note = QLabel(year_note)
        self.year_note.setObjectName("new.year_note" if year or mode == "new" else "new.year_warning")
        self.year_note.setWordWrap(True)
        self.year_note.setVisible(bool(year_note))
        year_layout.addWidget(self.year_note)
        self.path = QLineEdit()
        self.path.setObjectName("new.path")
        browse = QPushButton("浏览…")
        browse.setObjectName("new.browse")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow("单位名称", self.unit)
        form.addRow("评价年度", year_row)
        form.addRow("保存为", path_row)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("创建", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("new.ok")
        self.ok.setDefault(True)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.unit.textChanged.connect(self._suggest)
        self.year.currentIndexChanged.connect(self._suggest)
        self.path.textChanged.connect(self._check)
        self._suggested = ""
        self._folder_checked: tuple[str, str | None] = ("", None)
        self._suggest()
        fit_dialog(self, 600)

    def chosen_year(self) -> int:
        """The evaluation year as given (0 while none is chosen)."""
        value = self.year.currentData()
        return value if isinstance(value, int) else 0

    def choose_year(self, year: int) -> None:
        """Choose ``year`` in the list (as the officer would)."""
        self.year.setCurrentIndex(self.year.findData(year))

    def _suggest(self) -> None:
        year = self.chosen_year()
        suggestion = str(Path(self.folder) / suggested_file_name(self.unit.text(), year)) if year else ""
        if not self.path.text() or self.path.text() == self._suggested:
            self.path.setText(suggestion)
        self._suggested = suggestion
        self.ok.setText(self.mode.accept.format(year=year or "…"))
        self._check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存为", self.path.text() or self.folder, "zjdesk 年度文件 (*.zjd)")
        if path:
            self.path.setText(path if path.lower().endswith(".zjd") else path + ".zjd")

    def _problem_of_folder(self, folder: Path) -> str | None:
        # Checked once per folder: it tries to create a file there (read-only shares, missing Documents).
        if self._folder_checked[0] != str(folder):
            self._folder_checked = (str(folder), folder_problem(folder))
        return self._folder_checked[1]

    def _check(self) -> None:
        problem = ""
        text = self.path.text().strip()
        path = Path(text if text.lower().endswith(".zjd") else text + ".zjd") if text else None
        if not self.unit.text().strip():
            problem = "请填写单位名称。"
        elif not self.chosen_year():
            problem = "请选择评价年度。"
        elif path is None:
            problem = "请选择保存位置。"
        elif path.exists():
            problem = f"“{path.name}”已存在，不会覆盖：请换一个文件名，或在开始页打开这个已有的文件。"
        else:
            problem = self._problem_of_folder(path.parent) or ""
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.ok.setEnabled(not problem)

    def result_values(self) -> tuple[str, int, str]:
        """(unit name, evaluation year, file path) as entered."""
        path = self.path.text().strip()
        if not path.lower().endswith(".zjd"):
            path += ".zjd"
        return self.unit.text().strip(), self.chosen_year(), path
