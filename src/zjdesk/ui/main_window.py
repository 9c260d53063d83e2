"""The main window: step navigator, the current step's page, the score and findings panels, status bar."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from zjdesk.domain.errors import UserError
from zjdesk.domain.step_status import step_statuses
from zjdesk.store.file_names import displayable
from zjdesk.store.yearfile import write_new_year_file
from zjdesk.ui import dialogs
from zjdesk.ui.export_controller import ExportController
from zjdesk.ui.findings_panel import FindingsPanel, Listed
from zjdesk.ui.goal_actions import goal_table_actions
from zjdesk.ui.indicator_actions import indicator_set_actions
from zjdesk.ui.live_score import LiveScore
from zjdesk.ui.navigator import StatusLegend, StepNavigator
from zjdesk.ui.open_year import OpenYear
from zjdesk.ui.pages.base import StepPage, make_read_only
from zjdesk.ui.qt_app import application
from zjdesk.ui.read_only_banner import ReadOnlyBanner
from zjdesk.ui.score_panel import ScorePanel
from zjdesk.ui.screen_fit import fit_to_screen
from zjdesk.ui.steps import STEPS, PageContext, build_page, step_index, step_index_of_path
from zjdesk.ui.style import own_style
from zjdesk.ui.widgets.step_keys import leave_step_keys_to_the_window

StepRef = int | str  # a step's index or key
MINIMUM_SIZE = (880, 400)
RAIL_BELOW = 1000  # window width (logical pixels) below which the steps show their numbers only
RAIL_WIDTH = 64
SIDE_MINIMUM = 240
COMPACT_BELOW = 640  # window height below which the score panel shows its total only


class MainWindow(QMainWindow):
    """One open year file. Pages are built the first time they are shown (a fast start).

    Work the first picture does not need (the checks, loading the write path) starts once the window
    has been painted: ``first_painted`` is emitted then, just after the first paint.
    """

    first_painted = Signal()

    def __init__(
        self,
        open_year: OpenYear,
        live_score: LiveScore,
        program: Any = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.open_year = open_year
        self.live_score = live_score
        self.program = program
        self.pages: dict[int, StepPage] = {}
        self._painted = False
        self.setObjectName("mainWindow")
        # Small enough for 1366×768 at 150% scaling (911×512 logical, less the taskbar): the pages scroll,
        # the steps become a column of numbers and the score panel drops its group bars (see resizeEvent).
        self.setMinimumSize(*MINIMUM_SIZE)

        self.navigator = StepNavigator()
        navigator_column = QWidget()
        navigator_column.setObjectName("navigatorColumn")
        own_style(navigator_column)
        self.navigator_column = navigator_column
        column_layout = QVBoxLayout(navigator_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.navigator, 1)
        self.legend = StatusLegend()
        column_layout.addWidget(self.legend)
        navigator_column.setFixedWidth(self.navigator.full_width())
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        self._placeholders = [QWidget() for _ in STEPS]
        for placeholder in self._placeholders:
            self.stack.addWidget(placeholder)

        self.back_button = QPushButton("‹ 上一步")
        self.back_button.setObjectName("nav.back")
        self.next_button = QPushButton("下一步 ›")
        self.next_button.setObjectName("nav.next")
        self.next_button.setProperty("primary", True)
        self.back_button.clicked.connect(lambda: self.go_to(self.current_step() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.current_step() + 1))
        self.step_caption = QLabel()
        self.step_caption.setObjectName("stepCaption")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(28, 8, 28, 12)
        bottom.addWidget(self.back_button)
        bottom.addStretch(1)
        bottom.addWidget(self.step_caption)
        bottom.addStretch(1)
        bottom.addWidget(self.next_button)
        bottom_bar = QFrame()
        bottom_bar.setObjectName("bottomBar")
        bottom_bar.setLayout(bottom)

        centre = QWidget()
        centre.setObjectName("centre")
        own_style(centre)
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.setSpacing(0)
        self.read_only_banner: ReadOnlyBanner | None = None
        if open_year.year_file.readonly:
            self.read_only_banner = ReadOnlyBanner(open_year.year_file.readonly_reason)
            self.read_only_banner.save_copy.connect(self.save_as)
            banner_holder = QWidget()
            banner_layout = QVBoxLayout(banner_holder)
            banner_layout.setContentsMargins(28, 12, 28, 0)
            banner_layout.addWidget(self.read_only_banner)
            centre_layout.addWidget(banner_holder)
        centre_layout.addWidget(self.stack, 1)
        centre_layout.addWidget(bottom_bar)

        self.score_panel = ScorePanel(live_score)
        self.findings_panel = FindingsPanel(live_score)
        if open_year.year_file.readonly:
            self.findings_panel.fix_button.hide()
            self.findings_panel.ack_button.hide()
        side = QWidget()
        self.side = side
        side.setObjectName("sidePanels")
        own_style(side)
        side.setFixedWidth(320)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 12, 12, 12)
        side_layout.setSpacing(12)
        side_layout.addWidget(self.score_panel)
        side_layout.addWidget(self.findings_panel, 1)

        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(navigator_column)
        layout.addWidget(centre, 1)
        layout.addWidget(side)
        self.setCentralWidget(body)

        self.saved_label = QLabel("")
        self.saved_label.setObjectName("status.saved")
        self.file_label = QLabel(("只读　" if open_year.year_file.readonly else "") + displayable(str(open_year.path)))
        self.file_label.setObjectName("status.file")
        self.pending_label = QLabel("")
        self.pending_label.setObjectName("status.pending")
        self.statusBar().addWidget(self.saved_label)
        self.statusBar().addWidget(self.pending_label, 1)
        self.statusBar().addPermanentWidget(self.file_label)
        self._last_failure = ""

        self._build_actions()
        self.navigator.step_chosen.connect(self.go_to)
        self.findings_panel.finding_activated.connect(self.go_to_finding)
        self.findings_panel.step_activated.connect(self.go_to)
        live_score.updated.connect(self._update_statuses)
        live_score.problem.connect(lambda title, message: dialogs.show_error(self, title, message))
        open_year.saved.connect(self._saved)
        open_year.failed.connect(self._save_failed)
        open_year.changed.connect(self._field_changed)
        open_year.pending_changed.connect(self._update_pending)
        self._update_pending()
        application().focusChanged.connect(self._focus_moved)
        self._update_title()
        self._update_statuses()
        self.first_painted.connect(live_score.start_checks)
        # One export controller and one set of indicator-set actions for the window, handed to the pages.
        self.exports = ExportController(self, open_year, live_score, program.default_folder if program is not None else None)
        goal_actions = goal_table_actions(self, open_year)
        self.pages_context = {
            step.key: PageContext(
                step, open_year, live_score, self.exports, indicator_set_actions(self, open_year, live_score), goal_actions
            )
            for step in STEPS
        }
        fit_to_screen(self, grow=True)
        self.go_to(0)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has reached the screen, not within it.
            QTimer.singleShot(0, self.first_painted.emit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The side columns follow the window: on a small screen the page keeps its room (the steps shrink to
        # their numbers, the score panel to its total), on a large one the score and findings panels use the space.
        size = event.size()
        rail = size.width() < RAIL_BELOW
        self.navigator.set_rail(rail)
        self.legend.set_rail(rail)
        self.navigator_column.setFixedWidth(RAIL_WIDTH if rail else self.navigator.full_width())
        self.side.setFixedWidth(max(SIDE_MINIMUM, min(420, size.width() * 22 // 100)))
        self.score_panel.set_compact(size.height() < COMPACT_BELOW)
        self.findings_panel.set_compact(size.height() < COMPACT_BELOW)
        super().resizeEvent(event)

    # -- menus and keys ----------------------------------------------------------------------------

    def _action(
        self,
        menu: QMenu,
        text: str,
        handler: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | None = None,
        name: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(handler)
        if name:
            action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        menu = self.menuBar().addMenu("文件(&F)")
        program = self.program
        if program is not None:
            self._action(menu, "新建年度文件…", program.new_year_file, QKeySequence.StandardKey.New, "action.new")
            self._action(menu, "结转新年度（由上年文件生成）…", program.carry_forward_file, None, "action.carry")
            self._action(menu, "打开…", program.open_file, QKeySequence.StandardKey.Open, "action.open")
            self.recent_menu = menu.addMenu("最近打开")
            self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
            self._action(menu, "开始页", program.show_start, None, "action.start")
            menu.addSeparator()
        self.save_action = self._action(menu, "保存", self.save_now, QKeySequence.StandardKey.Save, "action.save")
        self.print_action = self._action(menu, "打印…", self.print_report, QKeySequence.StandardKey.Print, "action.print")
        self._action(menu, "打印预览…", self.print_preview, None, "action.preview")
        menu.addSeparator()
        self._action(menu, "另存为…", self.save_as, QKeySequence.StandardKey.SaveAs, "action.saveAs")
        menu.addSeparator()
        self._action(menu, "关闭", self.close, QKeySequence.StandardKey.Close, "action.close")
        go = self.menuBar().addMenu("转到(&G)")
        self.previous_action = self._action(
            go, "上一步", lambda: self.go_to(self.current_step() - 1), QKeySequence("Ctrl+PgUp"), "action.previous"
        )
        self.next_action = self._action(
            go, "下一步", lambda: self.go_to(self.current_step() + 1), QKeySequence("Ctrl+PgDown"), "action.next"
        )
        go.addSeparator()
        for index, step in enumerate(STEPS):
            self._action(go, f"{index + 1}  {step.title}", self._step_action(index))
        help_menu = self.menuBar().addMenu("帮助(&H)")
        self._action(help_menu, "打开日志文件夹", self.open_log_folder, None, "action.logFolder")
        self._action(help_menu, "关于 zjdesk", self._about, None, "action.about")

    def _step_action(self, index: int) -> Callable[[], None]:
        def go() -> None:
            self.go_to(index)

        return go

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.program.recent_files():
            action = self.recent_menu.addAction(displayable(Path(path).name))
            action.setToolTip(displayable(path))
            action.triggered.connect(lambda _checked=False, path=path: self.program.open_path(path))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("（无）").setEnabled(False)

    # -- steps -------------------------------------------------------------------------------------

    def current_step(self) -> int:
        return self.stack.currentIndex()

    @staticmethod
    def _index(step: StepRef) -> int:
        return step_index(step) if isinstance(step, str) else step

    def page(self, step: StepRef) -> StepPage:
        """The page of ``step`` (its index or key), built now if it was not yet."""
        index = self._index(step)
        if index not in self.pages:
            page = build_page(self.pages_context[STEPS[index].key])
            self.pages[index] = page
            placeholder = self._placeholders[index]
            if self.open_year.year_file.readonly:
                make_read_only(page)
            # Fields claim Ctrl+PgUp/PgDn; in this window those keys always change step.
            for widget in page.findChildren(QWidget):
                if widget.focusPolicy() != Qt.FocusPolicy.NoFocus:
                    leave_step_keys_to_the_window(widget)
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return self.pages[index]

    def go_to(self, step: StepRef) -> None:
        """Show ``step`` (its index or key; an index out of range: stay where we are)."""
        index = self._index(step)
        if not 0 <= index < len(STEPS):
            return
        previous = self.pages.get(self.current_step())
        if previous is not None and self.current_step() != index:
            previous.leaving()
        page = self.page(index)
        self.stack.setCurrentWidget(page)
        page.entering()
        if self.navigator.currentRow() != index:
            self.navigator.blockSignals(True)
            self.navigator.setCurrentRow(index)
            self.navigator.blockSignals(False)
        self.findings_panel.set_current_step(index)  # this step's findings first
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(STEPS) - 1)
        self.next_button.setText("下一步 ›" if index < len(STEPS) - 1 else "已是最后一步")
        self.step_caption.setText(f"第 {index + 1} 步，共 {len(STEPS)} 步")
        self.open_year.flush() if self.open_year.has_unsaved_changes else None

    def go_to_finding(self, finding: Listed) -> QWidget | None:
        """Show the step of ``finding`` and put the cursor in its field; returns that field."""
        path = finding.path
        index = step_index_of_path(path)
        self.go_to(index)
        widget = self.page(index).reveal(path) if path else None
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _update_statuses(self) -> None:
        self.navigator.set_statuses(step_statuses(self.open_year.year, self.live_score.findings))

    # -- saving ------------------------------------------------------------------------------------

    def save_now(self) -> None:
        """Ctrl+S: everything is saved anyway; commit what is pending and say so."""
        if self.open_year.year_file.readonly:
            self.saved_label.setText("只读打开：不会修改文件")
            return
        if self.open_year.flush():
            self._saved(self.open_year.last_saved or datetime.now())

    def _saved(self, when: datetime) -> None:
        # With entries still red, what was saved is everything else: the status bar must not say otherwise.
        what = "已保存其余内容" if self.open_year.year.pending else "已保存"
        self.saved_label.setText(f"{what} {when:%H:%M:%S}")

    def _save_failed(self, error: UserError) -> None:
        self.saved_label.setText("未能保存")
        if str(error) != self._last_failure:  # once per trouble, not at every keystroke's save
            self._last_failure = str(error)
            dialogs.show_error(self, "保存失败", str(error))

    def _focus_moved(self, old: QWidget | None, _new: QWidget | None) -> None:
        # Leaving a field saves at once (the timers would within two seconds anyway).
        if old is not None and old.window() is self and self.open_year.has_unsaved_changes:
            self.open_year.flush()

    def _update_pending(self) -> None:
        pending = self.open_year.year.pending
        if not pending:
            self.pending_label.setText("")
            return
        first = pending[0]
        where = "第一处" if len(pending) > 1 else ""
        self.pending_label.setText(f"有 {len(pending)} 处输入有误，未保存（见标红的栏目）：{where}{first.reason.rstrip('。')}。")

    def save_as(self) -> None:
        """另存为: the year as it is now into a new year file, opened in its own window (editable)."""
        open_year = self.open_year
        # Beside the file, unless that is where it cannot be written (a read-only folder or medium).
        folder = Path.home() if open_year.year_file.readonly else open_year.path.parent
        target = dialogs.ask_save_year_file(self, str(folder / f"{open_year.path.stem}（副本）.zjd"))
        if not target:
            return
        try:
            write_new_year_file(target, open_year.snapshot())
        except UserError as error:
            dialogs.show_error(self, "另存失败", str(error))
            return
        if self.program is None:
            return
        window = self.program.open_path(target)
        if window is not None and window is not self:
            self.close()

    def open_log_folder(self) -> None:
        """帮助 → 打开日志文件夹: where the log a support person asks for is."""
        from zjdesk.store.user_data import log_dir

        folder = log_dir()
        with contextlib.suppress(OSError):  # a folder that cannot be made: open_folder says it cannot be shown
            folder.mkdir(parents=True, exist_ok=True)
        dialogs.open_folder(self, str(folder))

    def _unsaved_edits_kept(self) -> bool:
        """Before closing: commit pending edits; if the file refuses them, offer to save the year elsewhere.

        Returns False when the window must stay open (the officer chose to go back).
        """
        open_year = self.open_year
        if not open_year.year_file.is_open or open_year.year_file.readonly or open_year.flush():
            return True
        while dialogs.ask_yes_no(
            self,
            "修改未能保存",
            f"最近的修改未能保存到“{open_year.path.name}”（文件可能已被移走、U盘已拔出或磁盘已满）。\n"
            "选“确定”把本年度（含这些修改）另存为新的年度文件；选“取消”回到程序，文件恢复后修改会继续保存。",
        ):
            folder = self.program.default_folder() if self.program is not None else str(Path.home())
            target = dialogs.ask_save_year_file(self, str(Path(folder) / open_year.path.name))
            if not target:
                return False
            try:
                write_new_year_file(target, open_year.year)
            except UserError as error:
                dialogs.show_error(self, "另存失败", str(error))
                continue
            return True
        return False

    def _field_changed(self, path: str) -> None:
        if path.startswith("cover.") or not path:
            self._update_title()

    def bring_forward(self) -> None:
        """Show this window in front (restored if it was minimised): the officer asked for its file again."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def _update_title(self) -> None:
        cover = self.open_year.year.cover
        unit = cover.unit_name or "（未填写单位）"
        year = f"{cover.evaluation_year}年度" if cover.evaluation_year else ""
        read_only = "（只读）" if self.open_year.year_file.readonly else ""
        self.setWindowTitle(f"{unit} {year} — {displayable(self.open_year.path.name)}{read_only} — zjdesk 绩效自评")

    # -- printing ------------------------------------------------------------------------------------

    def print_report(self) -> None:
        """Ctrl+P: print the report."""
        self.exports.print_report()

    def print_preview(self) -> None:
        self.exports.print_preview()

    def _about(self) -> None:
        dialogs.show_about(self)

    def _pending_entries_accepted(self) -> bool:
        """Before closing with wrong entries still red: ask (they stay in the year file, red, for next time)."""
        pending = self.open_year.year.pending
        if not pending or self.open_year.year_file.readonly:
            return True
        listed = "\n".join(f"· “{entry.text.strip()}”：{entry.reason.rstrip('。')}" for entry in pending[:5])
        return dialogs.ask_yes_no(
            self,
            "有输入未保存",
            f"有 {len(pending)} 处输入有误（标红），没有作为数值保存：\n{listed}\n\n"
            "这些栏目在年度文件中保留上一次完整有效的值；输入的文字也已保存，下次打开时仍标红显示。\n"
            "选“确定”关闭；选“取消”回去改正。",
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.values():
            page.leaving()
        if not self._pending_entries_accepted():
            event.ignore()
            return
        if not self._unsaved_edits_kept():
            event.ignore()  # back to the program: the edits are still there to save
            return
        self.open_year.close(commit=False)
        application().focusChanged.disconnect(self._focus_moved)
        if self.program is not None:
            self.program.window_closed(self)
        super().closeEvent(event)
