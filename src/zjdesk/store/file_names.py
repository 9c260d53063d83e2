"""File names and paths zjdesk can write: checked up front, so the refusal is a sentence, not a crash.

Operating systems cap a file name at 255 bytes (Linux, in UTF-8: 85 Chinese characters) or 255
characters (Windows), and SQLite caps the whole path of the file it opens (512 bytes on Linux,
260 characters on Windows). A year file needs room for the names SQLite and zjdesk derive from it
(``NAME.zjd-journal``, ``NAME.zjd.lock``), so its own name must be a little shorter still. File
names that are not valid UTF-8 (a GBK name from an old archive, read on Linux) are fine as they are:
zjdesk hands them to the system as the bytes they are.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from zjdesk.domain.errors import UserError

MAX_NAME = 255  # bytes on POSIX, characters on Windows
# The year file's own name leaves room for "-journal" (SQLite) and ".lock" (zjdesk).
MAX_YEAR_FILE_NAME = MAX_NAME - len("-journal") - 7
# SQLite's limit on the whole path (unix: 512 bytes; win32: MAX_PATH), less its "-journal".
MAX_PATH = 250 if sys.platform == "win32" else 500
_UNIT = "个字符" if sys.platform == "win32" else "字节"
_PER_HANZI = 1 if sys.platform == "win32" else 3  # a Chinese character is 3 bytes in UTF-8


class PathTooLongError(UserError):
    """A file name or path the system (or SQLite) cannot take."""


def _length(text: str) -> int:
    return len(text) if sys.platform == "win32" else len(os.fsencode(text))


def _shortened(name: str) -> str:
    return name if len(name) <= 24 else f"{name[:12]}…{name[-8:]}"


def check_name(path: Path, limit: int = MAX_NAME) -> None:
    """Refuse a file name longer than the system allows (``limit`` bytes/characters)."""
    length = _length(path.name)
    if length > limit:
        raise PathTooLongError(
            f"文件名“{_shortened(path.name)}”过长（{length} {_UNIT}，最多 {limit} {_UNIT}，约 {limit // _PER_HANZI} 个汉字）："
            "请改用较短的文件名。"
        )


def check_path(path: Path) -> None:
    """Refuse a path longer than SQLite and the system accept."""
    try:
        full = str(path.resolve())
    except (OSError, RuntimeError):  # an unresolvable path: the operation itself will say what is wrong
        return
    length = _length(full)
    if length > MAX_PATH:
        raise PathTooLongError(
            f"文件位置的路径过长（{length} {_UNIT}，最多 {MAX_PATH} {_UNIT}）：请把文件放到层级较浅的文件夹"
            "（例如 D:\\绩效自评），或缩短文件夹和文件的名称后再试。"
        )


def check_year_file_path(path: Path) -> None:
    """Refuse a year file name or path that cannot be opened, locked or journalled."""
    check_name(path, MAX_YEAR_FILE_NAME)
    check_path(path)


def exists(path: Path) -> bool:
    """Whether ``path`` exists; a name the system refuses (too long, unreadable folder) does not."""
    return os.path.lexists(path)


def is_dir(path: Path) -> bool:
    """Whether ``path`` is a folder, never raising for an odd path."""
    return os.path.isdir(path)


def displayable(text: str) -> str:
    """A path or name as the officer should read it, also when the system gave undecodable bytes.

    On Linux a file name written by an old Chinese Windows archive is GBK, not UTF-8: Python keeps
    its bytes (as surrogate escapes), which no window title, message or settings file can show.
    Each part of the path is shown decoded as GBK where it is not UTF-8.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    parts = []
    for raw in os.fsencode(text).split(os.fsencode(os.sep)):
        for encoding in ("utf-8", "gb18030"):
            try:
                parts.append(raw.decode(encoding))
                break
            except UnicodeDecodeError:
                continue
        else:
            parts.append(raw.decode("utf-8", "replace"))
    return os.sep.join(parts)
