"""The program's log: what a support person asks for when something went wrong on an office PC.

The desktop program and ``--self-test`` write ``logs/zjdesk.log`` in the user's zjdesk folder
(:func:`zjdesk.store.user_data.log_dir`), rotated at 1 MB with four old files kept. It records
when the program starts, which year files are opened (and how), every save (which parts, how
long), every export (which files), every message shown about a problem, and every unexpected
error with its traceback — never the report's contents: no field's value or text is logged.
A crash Python cannot catch (a fault inside Qt) is written by :mod:`faulthandler` to
``logs/faults.log`` beside it.

The rest of zjdesk logs to the ``zjdesk`` logger and never configures it, so the command line —
which starts no log — prints nothing but its one line.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import platform
import sys
from pathlib import Path
from typing import IO

import zjdesk
from zjdesk.store.user_data import log_dir

LOG_FILE_NAME = "zjdesk.log"
FAULTS_FILE_NAME = "faults.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 4
FORMAT = "%(asctime)s %(levelname)-7s [%(process)d] %(name)s: %(message)s"

logger = logging.getLogger("zjdesk")
_faults: list[IO[str]] = []  # the file faulthandler writes into, kept open for the life of the process


def log_file() -> Path:
    """The current log file (it may not exist yet)."""
    return log_dir() / LOG_FILE_NAME


def start_logging(purpose: str, *, faults: bool = True) -> Path | None:
    """Log to ``logs/zjdesk.log`` from now on, and say so in it; returns the log file, or None.

    Never stops the program: a log that cannot be written (a full disk, a read-only profile) is
    simply not kept. Called twice, it adds no second handler.
    """
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_FILE_NAME
        if not any(getattr(handler, "baseFilename", None) == str(path) for handler in logger.handlers):
            handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
            handler.setFormatter(logging.Formatter(FORMAT))
            logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        if faults and not _faults:
            handle = open(folder / FAULTS_FILE_NAME, "a", encoding="utf-8")  # noqa: SIM115 - kept for faulthandler
            faulthandler.enable(file=handle, all_threads=True)
            _faults.append(handle)
    except OSError:
        return None
    logger.info(
        "zjdesk %s started (%s): Python %s, %s, %s",
        zjdesk.__version__,
        purpose,
        platform.python_version(),
        platform.platform(),
        "frozen" if getattr(sys, "frozen", False) else "source",
    )
    return path


def stop_logging() -> None:
    """Close the log file (tests; the program's log closes with the process)."""
    for handler in list(logger.handlers):
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            logger.removeHandler(handler)
            handler.close()
