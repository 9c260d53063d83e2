"""The dialog for a new year file: unit name, evaluation year, where to save."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)


class NewYearDialog(QDialog):
    """Asks for the unit, the year and the file; OK only when all three make sense."""

    def __init__(self, parent: QWidget | None, *, unit_name: str = "", year: int = 0, folder: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("新建年度文件")
        self.setMinimumWidth(560)
        self.folder = folder
        layout = QVBoxLayout(self)
        intro = QLabel("填写单位名称和评价年度，选择年度文件的保存位置。之后每一处修改都会自动保存到这个文件。")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.unit = QLineEdit(unit_name)
        self.unit.setObjectName("new.unit_name")
        self.unit.setPlaceholderText("例如：湛江市人民政府驻广州办事处")
        self.year = QSpinBox()
        self.year.setObjectName("new.evaluation_year")
        self.year.setRange(2000, 2100)
        self.year.setSuffix(" 年度")
        self.year.setFixedWidth(120)
        self.year.setValue(year or date.today().year - 1)
        self.path = QLineEdit()
        self.path.setObjectName("new.path")
        browse = QPushButton("浏览…")
        browse.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow("单位名称", self.unit)
        form.addRow("评价年度", self.year)
        form.addRow("保存为", path_row)
        layout.addLayout(form)
        self.problem = QLabel("")
        self.problem.setObjectName("problem")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton("创建", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton("取消", QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.unit.textChanged.connect(self._suggest)
        self.year.valueChanged.connect(self._suggest)
        self.path.textChanged.connect(self._check)
        self._suggested = ""
        self._suggest()

    def _suggest(self) -> None:
        name = self.unit.text().strip() or "年度文件"
        suggestion = str(Path(self.folder) / f"{name}-{self.year.value()}年度.zjd")
        if not self.path.text() or self.path.text() == self._suggested:
            self.path.setText(suggestion)
        self._suggested = suggestion
        self._check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "保存为", self.path.text(), "zjdesk 年度文件 (*.zjd)")
        if path:
            self.path.setText(path if path.lower().endswith(".zjd") else path + ".zjd")

    def _check(self) -> None:
        problem = ""
        path = Path(self.path.text().strip()) if self.path.text().strip() else None
        if not self.unit.text().strip():
            problem = "请填写单位名称。"
        elif path is None:
            problem = "请选择保存位置。"
        elif path.exists():
            problem = "该文件已存在：请换一个文件名。"
        elif not path.parent.is_dir():
            problem = "保存位置所在的文件夹不存在。"
        self.problem.setText(problem)
        self.ok.setEnabled(not problem)

    def result_values(self) -> tuple[str, int, str]:
        """(unit name, evaluation year, file path) as entered."""
        path = self.path.text().strip()
        if not path.lower().endswith(".zjd"):
            path += ".zjd"
        return self.unit.text().strip(), self.year.value(), path
