"""What zjdesk writes to its log, noted without loading :mod:`logging` until the log is started.

The store, the report and the program note opens, saves, exports and messages here. Starting the
program must not wait for the logging package (it is loaded a moment after the window is painted,
:func:`zjdesk.store.program_log.start_logging`), so notes made before that wait in memory, with
their time, and are written when the log starts. The command line starts no log: its notes are
kept (the last few hundred) and go nowhere.
"""

from __future__ import annotations

import sys
import time
from typing import Any

MAX_EARLY = 500

_early: list[tuple[float, str, int, str, tuple[Any, ...]]] = []
_started: list[bool] = []
INFO, WARNING, ERROR = 20, 30, 40  # logging's levels, without importing it


def note(name: str, message: str, *args: Any, level: int = INFO) -> None:
    """Log ``message % args`` to the logger ``name`` — now if the log runs, else once it starts."""
    if _started:
        logging = sys.modules["logging"]
        logging.getLogger(name).log(level, message, *args)
        return
    if len(_early) >= MAX_EARLY:
        del _early[: MAX_EARLY // 2]
    _early.append((time.time(), name, level, message, args))


def started() -> list[tuple[float, str, int, str, tuple[Any, ...]]]:
    """The log has started: the notes made before it, oldest first (each is then written as it is made)."""
    _started.append(True)
    early = list(_early)
    _early.clear()
    return early
