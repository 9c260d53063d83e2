"""Telling a year file from everything else before SQLite is asked to open it.

Officers double-click all sorts of files. Each kind that is not a year file gets its own Chinese
message, and none is modified: these checks only read bytes.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

from zjdesk.domain.errors import UserError
from zjdesk.store.identity import APPLICATION_ID
from zjdesk.store.sqlite_files import SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY_ROLLBACK, error_code

SQLITE_MAGIC = b"SQLite format 3\x00"


class NotAYearFileError(UserError):
    """The file is not a zjdesk year file (or is damaged beyond opening)."""


class HotJournalError(NotAYearFileError):
    """A save of the file was interrupted: only a writer can roll it back (readers read a restored copy)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"年度文件“{name}”的上一次保存被中断，需要恢复后才能读取。")


class FileBusyError(UserError):
    """Another program holds the file locked (a database tool with a transaction open…); nothing was changed."""

    def __init__(self, name: str) -> None:
        super().__init__(
            f"“{name}”正被其他程序锁定（例如打开着它的数据库工具），暂时无法读取：请关闭那个程序后再试。文件未被修改。"
        )


def is_busy(error: BaseException) -> bool:
    """Whether SQLite gave up on ``error`` because another connection holds the file locked."""
    code = error_code(error)
    return code is not None and code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)


def check_file_bytes(path: Path) -> None:
    """Refuse, with a message for the user, anything that cannot be a healthy year file."""
    name = path.name
    check_regular(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
            size = os.fstat(handle.fileno()).st_size
    except OSError as error:
        raise NotAYearFileError(f"无法读取“{name}”（{error.strerror}）：请确认您有权限访问该文件。") from error
    if size == 0:
        raise NotAYearFileError(f"“{name}”是空文件，不是 zjdesk 年度文件：请选择正确的 .zjd 文件，或从备份恢复。")
    if header.startswith(b"PK\x03\x04"):
        raise NotAYearFileError(
            f"“{name}”是 Word（.docx）或压缩文件，不是 zjdesk 年度文件。"
            "如需从往年的 Word 报告生成年度文件，请使用“从往年报告导入”。"
        )
    if not header.startswith(SQLITE_MAGIC):
        raise NotAYearFileError(f"“{name}”不是 zjdesk 年度文件（文件内容无法识别）：请选择正确的 .zjd 文件。")
    if len(header) < 100:
        raise _damaged(name)
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    page_count = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    valid_for = header[92:96]
    # The page count in the header is only trustworthy when it was written by the same change.
    if page_size < 512 or page_size & (page_size - 1):
        raise _damaged(name)
    if change_counter == valid_for and size < page_count * page_size:
        raise _damaged(name)
    if size % page_size:
        raise _damaged(name)


def check_regular(path: Path) -> None:
    """Refuse a missing path, a folder, or a special file (a FIFO would hang the first read)."""
    try:
        status = os.stat(path)
    except FileNotFoundError as error:
        raise NotAYearFileError(f"找不到文件“{path}”：请确认文件位置，或从“最近打开”中移除它。") from error
    except OSError as error:
        raise NotAYearFileError(f"无法读取“{path.name}”（{error.strerror}）：请确认文件位置和您的访问权限。") from error
    if stat.S_ISDIR(status.st_mode):
        raise NotAYearFileError(f"“{path.name}”是一个文件夹，不是年度文件：请选择 .zjd 文件。")
    if not stat.S_ISREG(status.st_mode):
        raise NotAYearFileError(f"“{path.name}”不是普通文件（是管道或设备），不是年度文件：请选择磁盘上的 .zjd 文件。")


def looks_like_year_file(path: Path) -> bool:
    """Whether the regular file at ``path`` starts like a zjdesk year file (SQLite, zjdesk's application id)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            header = handle.read(72)
    except OSError:
        return False
    return header.startswith(SQLITE_MAGIC) and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def _damaged(name: str) -> NotAYearFileError:
    return NotAYearFileError(
        f"年度文件“{name}”已损坏（文件不完整），无法打开。请使用该文件的备份，或用 zjdesk 从 JSON 导出文件重新生成。"
    )


def check_database(connection: sqlite3.Connection, name: str, application_id: int) -> int:
    """Check that an open SQLite database is a healthy zjdesk year file; return its schema version."""
    try:
        found_id = connection.execute("PRAGMA application_id").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if error_code(error) == SQLITE_READONLY_ROLLBACK:
            raise HotJournalError(name) from error
        if is_busy(error):  # locked is not damaged: the officer must not be sent to the backup
            raise FileBusyError(name) from error
        raise _damaged(name) from error
    if found_id != application_id:
        raise NotAYearFileError(f"“{name}”是其他程序的数据库文件，不是 zjdesk 年度文件：请选择正确的 .zjd 文件。")
    try:
        result = connection.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        if is_busy(error):
            raise FileBusyError(name) from error
        raise _damaged(name) from error
    if result != "ok":
        raise _damaged(name)
    return int(version)
