"""The program's log: what a support person asks for when something went wrong on an office PC.

The desktop program and ``--self-test`` write ``logs/zjdesk.log`` in the user's zjdesk folder
(:func:`zjdesk.store.user_data.log_dir`), rotated at 1 MB with four old files kept. It records
when the program starts, which year files are opened (and how), every save (which parts, how
long), every export (which files), every message shown about a problem, and every unexpected
error with its traceback — never the report's contents: no field's value or text is logged.
A crash Python cannot catch (a fault inside Qt) is written by :mod:`faulthandler` to
``logs/faults.log`` beside it.

The rest of zjdesk notes what it does through :mod:`zjdesk.store.log_notes`, which loads nothing:
notes made before the log starts (the desktop program starts it just after its window is painted)
are written when it does, and the command line — which starts no log — prints nothing but its line.
"""

from __future__ import annotations

import faulthandler
import platform
import sys
from pathlib import Path
from typing import IO, Any

import zjdesk
from zjdesk.store import log_notes
from zjdesk.store.user_data import log_dir

LOG_FILE_NAME = "zjdesk.log"
FAULTS_FILE_NAME = "faults.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)-7s [%(process)d] %(name)s: %(message)s"

_faults: list[IO[str]] = []  # the file faulthandler writes into, kept open for the life of the process


def log_file() -> Path:
    """The current log file (it may not exist yet)."""
    return log_dir() / LOG_FILE_NAME


def record_faults() -> None:
    """Have :mod:`faulthandler` write a crash Python cannot catch to ``logs/faults.log`` (cheap: call it first)."""
    if _faults:
        return
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        handle = open(folder / FAULTS_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept for faulthandler
    except OSError:
        return
    faulthandler.enable(file=handle, all_threads=True)
    _faults.append(handle)


def start_logging(purpose: str, *, faults: bool = True, started_at: float | None = None) -> Path | None:
    """Log to ``logs/zjdesk.log`` from now on, and say so in it; returns the log file, or None.

    What was noted before (:mod:`zjdesk.store.log_notes`) is written first, with its own time.
    ``started_at`` is when the process started, if that was earlier than now. Never stops the
    program: a log that cannot be written (a full disk, a read-only profile) is simply not kept.
    Called twice, it adds no second handler.
    """
    import logging
    import logging.handlers

    logger = logging.getLogger("zjdesk")
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        if any(getattr(handler, "baseFilename", None) == str(path) for handler in logger.handlers):
            return path  # running already
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
        handler.setFormatter(logging.Formatter(FORMAT))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        if faults:
            record_faults()
    except OSError:
        return None
    early = log_notes.started()
    _write(
        logger,
        started_at,
        "zjdesk %s started (%s): Python %s, %s, %s",
        zjdesk.__version__,
        purpose,
        platform.python_version(),
        platform.platform(),
        "frozen" if getattr(sys, "frozen", False) else "source",
    )
    for moment, name, level, message, args in early:
        record = logging.getLogger(name).makeRecord(name, level, "(early)", 0, message, args, None)
        record.created = moment
        record.msecs = (moment % 1) * 1000
        logging.getLogger(name).handle(record)
    return path


def _write(logger: Any, moment: float | None, message: str, *args: Any) -> None:
    import logging

    record = logger.makeRecord(logger.name, logging.INFO, "(start)", 0, message, args, None)
    if moment is not None:
        record.created = moment
        record.msecs = (moment % 1) * 1000
    logger.handle(record)


def stop_logging() -> None:
    """Close the log file (tests; the program's log closes with the process)."""
    import logging
    import logging.handlers

    logger = logging.getLogger("zjdesk")
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
