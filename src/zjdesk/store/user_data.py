"""The user's own zjdesk folder (the demo year lives there) and the demo year file in it."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import zjdesk
from zjdesk.demo import demo_year
from zjdesk.domain.errors import UserError
from zjdesk.store.yearfile import YearFile, write_new_year_file

DEMO_FILE_NAME = "演示-2024.zjd"
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
    path = user_data_dir() / DEMO_FILE_NAME
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
