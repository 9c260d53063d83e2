"""Connections to year files and what their failures mean, for the reading and the writing side.

Paths go to SQLite as the bytes the system uses (``os.fsencode``), so a file or folder name that is
not UTF-8 — a GBK name from an old archive, read on Linux — opens like any other.
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from urllib.parse import quote

# SQLite's extended result codes zjdesk tells apart.
SQLITE_ERROR = 1
SQLITE_FULL = 13
SQLITE_CONSTRAINT = 19
SQLITE_MISMATCH = 20
SQLITE_READONLY = 8
SQLITE_READONLY_ROLLBACK = 776  # a read-only connection met a journal only a writer can roll back
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_CANTOPEN = 14
SQLITE_IOERR = 10  # SQLite says no more than this when a write fails with EFBIG, EDQUOT or EIO
# How long a connection waits for another program's lock on the file before giving up (SQLITE_BUSY).
BUSY_TIMEOUT_SECONDS = 5.0


def connect(path: Path, mode: str) -> sqlite3.Connection:
    """A connection on the file at ``path`` (``mode`` ro, rw or rwc: a URI never creates by mistake)."""
    uri = "file:" + quote(os.fsencode(path.resolve())) + f"?mode={mode}"
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False)


def journal_of(path: Path) -> Path:
    """The rollback journal SQLite keeps beside ``path`` while a save is under way."""
    return path.with_name(path.name + "-journal")


def error_code(error: BaseException) -> int | None:
    """SQLite's (extended) result code behind ``error``, also through SQLAlchemy's wrapper."""
    seen = 0
    while error is not None and seen < 5:
        code = getattr(error, "sqlite_errorcode", None)
        if code is not None:
            return int(code)
        error = getattr(error, "orig", None) or error.__cause__  # type: ignore[assignment]
        seen += 1
    return None


def _os_error(error: BaseException) -> OSError | None:
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OSError):
            return error
        error = getattr(error, "orig", None) or error.__cause__  # type: ignore[assignment]
        seen += 1
    return None


# Errors writing that a finance officer can act on, in her words (strerror is English on most systems).
_WRITE_ERRNOS = {
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完（网络盘或共享文件夹给您的空间已满）",
    errno.EFBIG: "文件超过了这个磁盘或系统允许的大小",
}


def os_write_reason(error: OSError) -> str:
    """Why writing a file failed, as a fragment of a Chinese sentence (the system's words as a last resort)."""
    return _WRITE_ERRNOS.get(error.errno or 0) or error.strerror or str(error)


def describe_failure(error: BaseException) -> str:
    """What a failed write says to the officer: the disk is full, the file became read-only, …"""
    code = error_code(error)
    os_error = _os_error(error)
    number = os_error.errno if os_error is not None else None
    if (code is not None and code & 0xFF == SQLITE_FULL) or number == errno.ENOSPC:
        return "磁盘已满：请腾出磁盘空间后再试"
    if (code is not None and code & 0xFF == SQLITE_READONLY) or number in (errno.EROFS, errno.EACCES, errno.EPERM):
        return "文件或其所在的磁盘已变为只读：请检查文件属性和U盘的写保护开关"
    if code is not None and code & 0xFF == SQLITE_BUSY:
        return "文件正被其他程序占用：请稍后再试"
    if (code is not None and code & 0xFF == SQLITE_CANTOPEN) or number in (errno.ENOENT, errno.ENODEV, errno.EIO):
        return "找不到文件或无法访问它所在的位置：请检查U盘是否已拔出、网络是否断开"
    if number in _WRITE_ERRNOS:
        return f"{_WRITE_ERRNOS[number]}：请腾出空间或换一个保存位置后再试"
    if code is not None and code & 0xFF == SQLITE_IOERR:
        return "写入磁盘时出错：请检查磁盘空间（网络盘的空间配额）和文件大小限制，以及U盘是否已拔出"
    if os_error is not None and os_error.strerror:
        return os_error.strerror
    return f"{error.__class__.__name__}：请检查磁盘空间和文件位置（如U盘是否已拔出）"
