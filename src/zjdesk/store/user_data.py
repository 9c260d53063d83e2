"""The user's own zjdesk folder and the demo and example year files in it."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import zjdesk
from zjdesk.domain.errors import UserError

if TYPE_CHECKING:
    from zjdesk.domain.model import YearData

# The folders are asked for early (a second start of the program hands its file over at once):
# the year files and the shipped years load only when a shipped year file is asked for.

DEMO_FILE_NAME = "演示-2024.zjd"
EXAMPLE_FILE_NAME = "示例单位-2024.zjd"
LOG_FOLDER_NAME = "logs"


def user_data_dir() -> Path:
    """Where zjdesk keeps its own files (the demo year, the recent-files list)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = base / "zjdesk"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    """Where zjdesk's log files go: ``logs`` in the user's zjdesk folder (not created here)."""
    return user_data_dir() / LOG_FOLDER_NAME


def demo_file_path() -> Path:
    """The demo year file, written from the shipped demo data when missing or made by another version.

    The demo is for trying the program out: after an upgrade it starts again from the shipped data,
    so it shows what this version's checks and report make of it.
    """
    from zjdesk.demo import demo_year

    return _shipped_year_file(DEMO_FILE_NAME, demo_year)


def example_file_path() -> Path:
    """The example year file (示例单位), kept like the demo's: fresh from the shipped data for each version."""
    from zjdesk.demo import example_year

    return _shipped_year_file(EXAMPLE_FILE_NAME, example_year)


def _shipped_year_file(name: str, make_year: Callable[[], YearData]) -> Path:
    from zjdesk.store.yearfile import YearFile, write_new_year_file

    path = user_data_dir() / name
    if path.exists():
        try:
            with YearFile.open(path, readonly=True) as year_file:
                current = year_file.meta().get("created_by") == zjdesk.__version__
        except UserError:
            current = False  # damaged: write it again
        if current:
            return path
    try:
        write_new_year_file(path, make_year(), overwrite=True)
    except UserError:
        if not path.exists():
            raise
    return path
