"""Starting the desktop program.

:func:`run_program` is what ``zjdesk [FILE.zjd]`` and ``zjdesk --demo`` call: with a file (a
double-click on a ``.zjd``) it opens that file straight away, otherwise it shows the start page.
:func:`open_window` returns the main window on a year file without running the event loop
(tests and scripts).
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from zjdesk.store.yearfile import YearFile

if TYPE_CHECKING:
    from zjdesk.ui.main_window import MainWindow
    from zjdesk.ui.program import Program


def open_window(path: str | os.PathLike[str], program: Program | None = None) -> MainWindow:
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
