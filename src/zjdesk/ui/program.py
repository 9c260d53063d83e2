"""The program controller: opens and creates year files, keeps the recent-files list, owns the windows.

Everything that touches files on the officer's behalf happens here (never in a page), and every
:class:`~zjdesk.domain.errors.UserError` becomes a Chinese dialog instead of a crash.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSettings, QTimer

from zjdesk.domain.errors import UserError
from zjdesk.domain.model import YearData
from zjdesk.store.lock import FileInUseError, is_this_user_here
from zjdesk.store.log_notes import note
from zjdesk.store.yearfile import YearFile, prepare_for_saving
from zjdesk.ui import dialogs
from zjdesk.ui.folders import default_folder, real_folder
from zjdesk.ui.live_score import LiveScore
from zjdesk.ui.main_window import MainWindow
from zjdesk.ui.open_year import OpenYear

RECENT_KEY = "recent_files"
RECENT_LIMIT = 8
PREPARE_DELAY_MS = 300
# A recent file whose name is not valid Unicode (GBK bytes on Linux) is kept as its bytes, in hex:
# the settings file holds text only, and the name must still open the same file.
_BYTES_PREFIX = "fsbytes:"


def _recent_entry(path: str) -> str:
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return _BYTES_PREFIX + os.fsencode(path).hex()


def _from_recent_entry(entry: str) -> str:
    if entry.startswith(_BYTES_PREFIX):
        try:
            return os.fsdecode(bytes.fromhex(entry[len(_BYTES_PREFIX) :]))
        except ValueError:
            return entry
    return entry


def _same_file(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return os.path.abspath(first) == os.path.abspath(second)


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
        return [_from_recent_entry(str(path)) for path in value] if isinstance(value, list) else []

    def _store_recent(self, paths: list[str]) -> None:
        self.settings.setValue(RECENT_KEY, [_recent_entry(path) for path in paths])

    def _remember(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry, *[item for item in self.recent_files() if item != entry]][:RECENT_LIMIT]
        self._store_recent(recent)
        self.settings.sync()
        if self.start is not None:
            self.start.refresh_recent()

    def _forget(self, path: str) -> None:
        self._store_recent([item for item in self.recent_files() if item != path])
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

    def window_with(self, path: str | Path) -> MainWindow | None:
        """The window that has the year file at ``path`` open (by any of its names), if one has."""
        for window in self.windows:
            if _same_file(window.open_year.path, Path(path)):
                return window
        return None

    def handle_request(self, file: str | None, *, demo: bool = False) -> MainWindow | None:
        """Another start of zjdesk handed over: open its file (or the demo), or just come forward."""
        if file:
            return self.open_path(file)
        if demo:
            return self.open_demo()
        if self.windows:
            self.windows[-1].bring_forward()
            return self.windows[-1]
        self.show_start().activateWindow()
        return None

    def open_path(self, path: str | Path) -> MainWindow | None:
        """Open the year file at ``path``; any problem is shown as a dialog and gives None.

        A file this program has open already (under this name or another) brings its window
        forward. A file that cannot be written (write-protected, a read-only medium) opens
        read-only and says why; a file a colleague has open can be viewed read-only.
        """
        path = Path(path)
        window = self.window_with(path)
        if window is not None:
            window.bring_forward()
            return window
        try:
            year_file = YearFile.open_for_editing(path)
        except FileInUseError as error:
            if is_this_user_here(error.owner):
                message = (
                    f"年度文件“{path.name}”正被您在本机上运行的另一个 zjdesk（进程 {error.owner.get('pid', '?')}）使用，"
                    "例如还在运行的命令行。请等它结束或关闭它后再打开。"
                )
            else:
                message = str(error)
            # Someone else is editing it: offer to look without changing anything.
            if not dialogs.ask_yes_no(self._parent(), "年度文件正在使用", f"{message}\n\n要以只读方式打开查看吗？"):
                return None
            try:
                year_file = YearFile.open(path, readonly=True)
            except UserError as second:
                dialogs.show_error(self._parent(), "无法打开年度文件", str(second))
                return None
            year_file.readonly_reason = "它正在别处被修改，这里只能查看"
        except UserError as error:
            note("zjdesk.ui", "could not open %s: %s", path, type(error).__name__)
            dialogs.show_error(self._parent(), "无法打开年度文件", str(error))
            if not os.path.lexists(path):
                self._forget(str(path.resolve()))
            return None
        return self._show(year_file)

    def open_file(self) -> MainWindow | None:
        """Ask for a year file and open it."""
        path = dialogs.ask_open_year_file(self._parent(), self.default_folder())
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
        details = dialogs.ask_new_year_details(self._parent(), folder=self.default_folder())
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
        """Ask for last year's file, then create next year's from it (texts and numbers marked 待复核)."""
        source = dialogs.ask_open_year_file(self._parent(), self.default_folder())
        if not source:
            return None
        from zjdesk.store.yearfile import read_year

        try:
            previous = read_year(source)
        except UserError as error:
            dialogs.show_error(self._parent(), "无法读取上一年度文件", str(error))
            return None
        return self.carry_forward_year(previous, real_folder(Path(source)) or self.default_folder())

    def carry_forward_year(self, previous: YearData, folder: str) -> MainWindow | None:
        """Create the year after ``previous`` (asked where, in ``folder``), and open it."""
        from zjdesk.domain.carry_forward import carry_forward

        year = carry_forward(previous)
        note = (
            f"由{previous.cover.evaluation_year}年度结转：评价年度为上一年度加一，不能更改。"
            if previous.cover.evaluation_year
            else "上一年度文件没有评价年度：请选择新年度的评价年度。"
        )
        details = dialogs.ask_new_year_details(
            self._parent(),
            unit_name=year.cover.unit_name,
            year=year.cover.evaluation_year,
            folder=folder,
            mode="carry",
            year_note=note,
        )
        if details is None:
            return None
        unit_name, evaluation_year, path = details
        year.cover.unit_name, year.cover.evaluation_year = unit_name, evaluation_year
        return self._create(path, year)

    def import_report(self) -> MainWindow | None:
        """Read last year's Word report into a year file (every field 待复核), then offer to carry it forward."""
        parent = self._parent()
        source = dialogs.ask_open_document(parent, "选择往年的自评报告", dialogs.WORD_FILTER, self.default_folder())
        if not source:
            return None
        from zjdesk.docx_import import import_docx

        try:
            result = import_docx(source)
        except UserError as error:
            dialogs.show_error(parent, "无法导入报告", str(error))
            return None
        year = result.year
        if result.year_source:
            note = f"读自报告的{result.year_source}。导入后即为这份报告的年度，不能在此更改。"
        else:
            note = (
                "报告中没有写明评价年度（封面的“评价年度”和开头段都没有）：请选择这份报告评价的是哪一年。"
                "正文中写着“上年”或上一年份的数字将归入上一年度的对比数；选错年份，会把上年的数字当成本年度的。"
            )
        details = dialogs.ask_new_year_details(
            parent,
            unit_name=year.cover.unit_name,
            year=year.cover.evaluation_year,
            folder=self.default_folder(),
            mode="import",
            year_note=note,
            found=result.found,
        )
        if details is None:
            return None
        unit_name, evaluation_year, path = details
        if not result.year_source:
            # The figures name years relative to the evaluation year: read them again knowing it.
            try:
                result = import_docx(source, evaluation_year=evaluation_year)
            except UserError as error:
                dialogs.show_error(parent, "无法导入报告", str(error))
                return None
            year = result.year
        year.cover.unit_name, year.cover.evaluation_year = unit_name, evaluation_year
        if not year.indicator_set.indicators:
            from zjdesk.domain.scoring_sets import reference_indicator_set

            year.indicator_set = reference_indicator_set()
        try:
            year_file = YearFile.create(path, year)
        except UserError as error:
            dialogs.show_error(parent, "无法创建年度文件", str(error))
            return None
        return self._after_import(year_file, year, Path(source).name)

    def _after_import(self, year_file: YearFile, year: YearData, source_name: str) -> MainWindow | None:
        """The imported year is on disk: carry it forward now (the default next step), or open it to check."""
        self._remember(year_file.path)
        evaluation_year = year.cover.evaluation_year
        unplaced = (
            f"另有 {len(year.unplaced)} 段未识别的内容，列在第 1 步“未识别内容”中，请逐段复制到合适的位置。"
            if year.unplaced
            else ""
        )
        message = (
            f"已从“{source_name}”导入{evaluation_year}年度，保存为“{year_file.path.name}”。所有导入的内容都标记为“待复核”。"
            f"{unplaced}\n\n下一步：由这份{evaluation_year}年度生成{evaluation_year + 1}年度的年度文件（在同一文件夹），"
            f"在其中填写{evaluation_year + 1}年度的报告。"
        )
        if not dialogs.ask_after_import(self._parent(), message, evaluation_year + 1):
            return self._show(year_file, year)
        year_file.close()
        from zjdesk.domain.carry_forward import carry_forward
        from zjdesk.ui.new_year_dialog import suggested_file_name

        folder = year_file.path.parent
        target = folder / suggested_file_name(year.cover.unit_name, evaluation_year + 1)
        if target.exists():
            # Never over an existing file: the dialog says so and lets the officer choose another name.
            return self.carry_forward_year(year, str(folder)) or self.open_path(year_file.path)
        try:
            carried = YearFile.create(target, carry_forward(year))
        except UserError as error:
            dialogs.show_error(self._parent(), "无法结转新年度", f"{error}\n\n{evaluation_year}年度的导入结果已保存，未受影响。")
            return self.open_path(year_file.path)
        return self._show(carried)

    # -- folders -----------------------------------------------------------------------------------

    def default_folder(self) -> str:
        """Where new files, carried years and exports go: the folder of the last real year file, else Documents.

        The demo year lives in zjdesk's own data folder: it is opened from there but never sets the default.
        """
        return default_folder(self.recent_files())
