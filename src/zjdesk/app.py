"""Starting the desktop program.

:func:`run_program` is what ``zjdesk [FILE.zjd]`` and ``zjdesk --demo`` call: with a file (a
double-click on a ``.zjd``) it opens that file straight away, otherwise it shows the start page.
:func:`open_window` returns the main window on a year file without running the event loop
(tests and scripts).
"""

from __future__ import annotations

import os
import sys
import time
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
LOG_START_DELAY_MS = 500


def run_program(file: str | None, *, demo: bool = False) -> int:
    """Open the desktop program on ``file``, the demo year, or the start page, and run until it is closed.

    One program per user: when this user's zjdesk already runs, the file (or the demo, or nothing)
    is handed to it — it opens the file, or brings the window that has it forward — and this start
    ends at once.
    """
    from zjdesk.store.instance_mailbox import InstanceMailbox

    mailbox = InstanceMailbox()
    if not mailbox.claim():
        _allow_the_running_program_to_come_forward()
        request = {"open": os.path.abspath(file) if file else None, "demo": demo}
        if mailbox.send(request):
            return 0
        # The running program did not take it (busy, or hanging): this start goes on by itself.

    from PySide6.QtCore import QTimer

    from zjdesk.store.program_log import record_faults, start_logging
    from zjdesk.ui import crash
    from zjdesk.ui.program import Program
    from zjdesk.ui.qt_app import ensure_application
    from zjdesk.ui.single_instance import InstanceServer

    started_at = time.time()
    record_faults()
    application = ensure_application()
    program = Program()
    program.fast_start = True
    crash.install(program)
    _running.append(program)  # keeps the controller alive while its windows are open
    if mailbox.is_running_program:
        _running.append(InstanceServer(mailbox, program))
    # The log (and the logging package) once the first window is on screen: what happens before is noted
    # in memory meanwhile (zjdesk.store.log_notes) and written then, with its own time.
    QTimer.singleShot(LOG_START_DELAY_MS, lambda: start_logging("desktop program", started_at=started_at))
    if demo:
        window = program.open_demo()
    elif file is not None:
        window = program.open_path(file)
    else:
        window = None
    if window is None:
        program.show_start()
    return application.exec()


def _allow_the_running_program_to_come_forward() -> None:
    """Windows lets only the program in front bring a window forward: this start, about to hand over, lets it."""
    if sys.platform == "win32":
        import ctypes

        any_process = -1  # ASFW_ANY
        ctypes.windll.user32.AllowSetForegroundWindow(any_process)  # type: ignore[attr-defined]
