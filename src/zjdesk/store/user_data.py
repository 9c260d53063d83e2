"""The user's own zjdesk folder and the demo and example year files in it."""

from __future__ import annotations

import getpass
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import zjdesk
from zjdesk.domain.errors import UserError
from zjdesk.store.log_notes import WARNING, note

if TYPE_CHECKING:
    from zjdesk.domain.model import YearData

# The folders are asked for early (a second start of the program hands its file over at once):
# the year files and the shipped years load only when a shipped year file is asked for.

DEMO_FILE_NAME = "演示-2024.zjd"
EXAMPLE_FILE_NAME = "示例单位-2024.zjd"
LOG_FOLDER_NAME = "logs"


def user_data_dir() -> Path:
    """Where zjdesk keeps its own files (the demo year, the recent-files list).

    When that folder cannot be made (a file of the same name is in its way, a locked-down or full
    profile), a folder of this user's in the temporary folder serves, so that the program still
    starts and opens the officer's year files; only the demo and the log move there.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    folder = base / "zjdesk"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    except OSError as error:
        fallback = Path(tempfile.gettempdir()) / f"zjdesk-{_user_name()}"
        try:
            fallback.mkdir(parents=True, exist_ok=True)
        except OSError:
            raise UserError(
                f"无法建立 zjdesk 的数据文件夹“{folder}”（{error.strerror or error}），临时文件夹也不能写入："
                "请检查该位置是否被同名文件占用、磁盘是否已满。"
            ) from error
        note("zjdesk.store", "data folder %s unusable (%s), using %s", folder, error.strerror, fallback, level=WARNING)
        return fallback


def _user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment or the password database
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


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
