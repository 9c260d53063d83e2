"""The program controller: opens and creates year files, keeps the recent-files list, owns the windows.

Everything that touches files on the officer's behalf happens here (never in a page), and every
:class:`~zjdesk.domain.errors.UserError` becomes a Chinese dialog instead of a crash.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer

from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.store.lock import FileInUseError
from zjdesk.store.yearfile import YearFile, prepare_for_saving
from zjdesk.ui import dialogs
from zjdesk.ui.live_score import LiveScore
from zjdesk.ui.main_window import MainWindow
from zjdesk.ui.open_year import OpenYear

RECENT_KEY = "recent_files"
RECENT_LIMIT = 8
PREPARE_DELAY_MS = 300


class Program(QObject):
    """Owns the start page and the main windows of one running zjdesk."""

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.windows: list[MainWindow] = []
        self.start: Any = None
        self.fast_start = False  # the first window shows its score first and runs the checks just after

    # -- recent files ------------------------------------------------------------------------------

    def recent_files(self) -> list[str]:
        value = self.settings.value(RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [str(path) for path in value] if isinstance(value, list) else []

    def _remember(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry, *[item for item in self.recent_files() if item != entry]][:RECENT_LIMIT]
        self.settings.setValue(RECENT_KEY, recent)
        self.settings.sync()
        if self.start is not None:
            self.start.refresh_recent()

    def _forget(self, path: str) -> None:
        self.settings.setValue(RECENT_KEY, [item for item in self.recent_files() if item != path])
        if self.start is not None:
            self.start.refresh_recent()

    # -- windows -----------------------------------------------------------------------------------

    def show_start(self) -> Any:
        """Show the start page (build it the first time)."""
        from zjdesk.ui.start_page import StartPage

        if self.start is None:
            self.start = StartPage(self)
        self.start.refresh_recent()
        self.start.show()
        self.start.raise_()
        return self.start

    def window_for(self, year_file: YearFile, year: YearData | None = None) -> MainWindow:
        """A main window on an open year file (not yet shown)."""
        open_year = OpenYear(year_file, year)
        live_score = LiveScore(open_year, defer_checks=self.fast_start and not self.windows)
        window = MainWindow(open_year, live_score, self)
        open_year.setParent(window)
        live_score.setParent(window)
        if not year_file.readonly:
            # Once the window is on screen and checked, load the write path in the background (the
            # first save won't wait); started earlier, its import would slow the first paint.
            window.first_painted.connect(lambda: QTimer.singleShot(PREPARE_DELAY_MS, prepare_for_saving))
        return window

    def _show(self, year_file: YearFile, year: YearData | None = None) -> MainWindow:
        window = self.window_for(year_file, year)
        self.windows.append(window)
        self._remember(year_file.path)
        window.show()
        window.raise_()
        if year_file.migrated_from is not None:
            backup = year_file.backup.name if year_file.backup else ""
            dialogs.show_info(
                window,
                "年度文件已升级",
                f"此文件由旧版本 zjdesk 创建，已升级为新格式。升级前的文件已备份为“{backup}”。",
            )
        if self.start is not None:
            self.start.hide()
        return window

    def window_closed(self, window: MainWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)

    def _parent(self) -> Any:
        return self.windows[-1] if self.windows else self.start

    # -- opening and creating ----------------------------------------------------------------------

    def open_path(self, path: str | Path) -> MainWindow | None:
        """Open the year file at ``path``; any problem is shown as a dialog and gives None."""
        path = Path(path)
        for window in self.windows:
            if window.open_year.path.resolve() == path.resolve():
                window.raise_()
                window.activateWindow()
                return window
        try:
            year_file = YearFile.open(path)
        except FileInUseError as error:
            # Someone else is editing it: offer to look without changing anything.
            if not dialogs.ask_yes_no(self._parent(), "年度文件正在使用", f"{error}\n\n要以只读方式打开查看吗？"):
                return None
            try:
                year_file = YearFile.open(path, readonly=True)
            except UserError as second:
                dialogs.show_error(self._parent(), "无法打开年度文件", str(second))
                return None
        except UserError as error:
            dialogs.show_error(self._parent(), "无法打开年度文件", str(error))
            if not path.exists():
                self._forget(str(path.resolve()))
            return None
        return self._show(year_file)

    def open_file(self) -> MainWindow | None:
        """Ask for a year file and open it."""
        path = dialogs.ask_open_year_file(self._parent(), self._folder())
        return self.open_path(path) if path else None

    def open_demo(self) -> MainWindow | None:
        """Open the demo year (written to the user's data folder the first time)."""
        from zjdesk.store.user_data import demo_file_path

        try:
            path = demo_file_path()
        except UserError as error:
            dialogs.show_error(self._parent(), "无法打开演示年度", str(error))
            return None
        return self.open_path(path)

    def open_example(self) -> MainWindow | None:
        """Open the example year (示例单位, with a full goal table), written to the user's data folder the first time."""
        from zjdesk.store.user_data import example_file_path

        try:
            path = example_file_path()
        except UserError as error:
            dialogs.show_error(self._parent(), "无法打开示例年度", str(error))
            return None
        return self.open_path(path)

    def _create(self, path: str, year: YearData) -> MainWindow | None:
        try:
            year_file = YearFile.create(path, year)
        except UserError as error:
            dialogs.show_error(self._parent(), "无法创建年度文件", str(error))
            return None
        return self._show(year_file)

    def new_year_file(self) -> MainWindow | None:
        """Ask for unit, year and place; create an empty year file and open it."""
        details = dialogs.ask_new_year_details(self._parent(), folder=self._folder())
        if details is None:
            return None
        unit_name, evaluation_year, path = details
        year = YearData()
        year.cover.unit_name = unit_name
        year.cover.evaluation_year = evaluation_year
        from zjdesk.domain.scoring_sets import reference_indicator_set

        year.indicator_set = reference_indicator_set()
        return self._create(path, year)

    def carry_forward_file(self) -> MainWindow | None:
        """Ask for last year's file, then create next year's from it (texts marked 待复核)."""
        source = dialogs.ask_open_year_file(self._parent(), self._folder())
        if not source:
            return None
        from zjdesk.domain.carry_forward import carry_forward
        from zjdesk.store.yearfile import read_year

        try:
            previous = read_year(source)
        except UserError as error:
            dialogs.show_error(self._parent(), "无法读取上一年度文件", str(error))
            return None
        year = carry_forward(previous)
        details = dialogs.ask_new_year_details(
            self._parent(), unit_name=year.cover.unit_name, year=year.cover.evaluation_year, folder=str(Path(source).parent)
        )
        if details is None:
            return None
        year.cover.unit_name, year.cover.evaluation_year, path = details
        return self._create(path, year)

    def import_report(self) -> MainWindow | None:
        """Read last year's Word report into a new year file; every field is marked 待复核."""
        source = dialogs.ask_open_document(self._parent(), "选择往年的自评报告", dialogs.WORD_FILTER, self._folder())
        if not source:
            return None
        try:
            from zjdesk.docx_import import import_docx

            year = import_docx(source).year
        except UserError as error:
            dialogs.show_error(self._parent(), "无法导入报告", str(error))
            return None
        details = dialogs.ask_new_year_details(
            self._parent(), unit_name=year.cover.unit_name, year=year.cover.evaluation_year, folder=str(Path(source).parent)
        )
        if details is None:
            return None
        year.cover.unit_name, year.cover.evaluation_year, path = details
        if not year.indicator_set.indicators:
            from zjdesk.domain.scoring_sets import reference_indicator_set

            year.indicator_set = reference_indicator_set()
        window = self._create(path, year)
        if window is not None:
            unplaced = (
                f"另有 {len(year.unplaced)} 段未识别的内容，列在第 1 步“未识别内容”中，请逐段复制到合适的位置。"
                if year.unplaced
                else ""
            )
            dialogs.show_info(
                window, "已导入往年报告", f"已从“{Path(source).name}”导入。所有导入的内容都标记为“待复核”，请逐项核对。{unplaced}"
            )
        return window

    def _folder(self) -> str:
        recent = self.recent_files()
        return str(Path(recent[0]).parent) if recent else str(Path.home())
