"""The main window."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QPlainTextEdit

from zjdesk.domain.serialize import dumps
from zjdesk.store.yearfile import YearFile


class MainWindow(QMainWindow):
    """The year file's window: shows the year's data."""

    def __init__(self, year_file: YearFile) -> None:
        super().__init__()
        self.year_file = year_file
        self.year = year_file.load()
        cover = self.year.cover
        self.setWindowTitle(f"{cover.unit_name} {cover.evaluation_year}年度 — {year_file.path.name} — zjdesk")
        view = QPlainTextEdit(dumps(self.year))
        view.setReadOnly(True)
        self.setCentralWidget(view)
        self.resize(1100, 760)

    def closeEvent(self, event) -> None:
        self.year_file.close()
        super().closeEvent(event)
