"""Starting the desktop program.

:func:`run_program` is what ``zjdesk [FILE.zjd]`` and ``zjdesk --demo`` call: with a file (a
double-click on a ``.zjd``) it opens that file straight away, otherwise it shows the start page.
:func:`open_window` returns the main window on a year file without running the event loop
(tests and scripts).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import zjdesk
from zjdesk.demo import demo_year
from zjdesk.domain.errors import UserError
from zjdesk.store.yearfile import YearFile, write_new_year_file


def user_data_dir() -> Path:
    """Where zjdesk keeps its own files (the demo year, the recent-files list)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = base / "zjdesk"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def demo_file_path() -> Path:
    """The demo year file, written from the shipped demo data when missing or made by another version.

    The demo is for trying the program out: after an upgrade it starts again from the shipped data,
    so it shows what this version's checks and report make of it.
    """
    path = user_data_dir() / "演示-2024.zjd"
    if path.exists():
        try:
            with YearFile.open(path, readonly=True) as year_file:
                current = year_file.meta().get("created_by") == zjdesk.__version__
        except UserError:
            current = False  # damaged: write it again
        if current:
            return path
    try:
        write_new_year_file(path, demo_year(), overwrite=True)
    except UserError:
        if not path.exists():
            raise
    return path


def open_window(path: str | os.PathLike[str], program=None):
    """The main window on the year file at ``path``, shown, without running the event loop.

    File errors (:class:`~zjdesk.domain.errors.UserError`) propagate to the caller.
    """
    from zjdesk.ui.program import Program
    from zjdesk.ui.qt_app import ensure_application

    ensure_application()
    if program is None:
        program = Program()
        program.fast_start = True
    window = program.window_for(YearFile.open(path))
    program.windows.append(window)
    window.show()
    return window


_running: list[object] = []


def run_program(file: str | None, *, demo: bool = False) -> int:
    """Open the desktop program on ``file``, the demo year, or the start page, and run until it is closed."""
    from zjdesk.ui.program import Program
    from zjdesk.ui.qt_app import ensure_application

    application = ensure_application()
    program = Program()
    program.fast_start = True
    _running.append(program)  # keeps the controller alive while its windows are open
    if demo:
        window = program.open_demo()
    elif file is not None:
        window = program.open_path(file)
    else:
        window = None
    if window is None:
        program.show_start()
    return application.exec()
