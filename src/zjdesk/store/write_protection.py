"""Why a year file cannot be written, said before the first save rather than by every save.

A file marked read-only (the 只读 attribute on Windows, no write permission elsewhere), a folder the
officer may not write into (SQLite writes its journal beside the file, zjdesk its lock), and a
write-protected medium (a USB stick with its switch set, a CD, a read-only network share) can all be
read: the file opens read-only, and the officer is told which of these it is.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path

# errno values that mean "you may not write here", as opposed to a missing folder or a full disk.
_NOT_WRITABLE = {errno.EROFS, errno.EACCES, errno.EPERM}


def reason_for_errno(number: int | None, folder: Path) -> str | None:
    """The reason to give for an error writing into ``folder`` when it means write protection, else None."""
    if number == errno.EROFS or _read_only_medium(folder):
        return "它位于只读的磁盘上（例如打开了写保护开关的U盘、光盘或只读的共享文件夹）"
    if number in _NOT_WRITABLE:
        return f"您没有在文件夹“{folder}”中写入的权限（zjdesk 保存时要在年度文件旁写入临时文件）"
    return None


def write_protection(path: Path) -> str | None:
    """Why the existing year file at ``path`` cannot be written (a sentence fragment), or None."""
    folder = path.parent
    if _read_only_medium(folder):
        return reason_for_errno(errno.EROFS, folder)
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # opening it will say what is wrong
    if not mode & stat.S_IWUSR:
        return "文件设置了“只读”属性（可在文件的“属性”中取消）"
    if not os.access(path, os.W_OK):
        return "您没有修改此文件的权限"
    if not os.access(folder, os.W_OK):
        return reason_for_errno(errno.EACCES, folder)
    return None


def _read_only_medium(folder: Path) -> bool:
    if sys.platform == "win32":
        return _windows_read_only_volume(folder)
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def _windows_read_only_volume(folder: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    FILE_READ_ONLY_VOLUME = 0x00080000
    root = ctypes.create_unicode_buffer(261)
    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    if not kernel32.GetVolumePathNameW(str(folder), root, 261):
        return False
    flags = ctypes.c_ulong()
    if not kernel32.GetVolumeInformationW(root, None, 0, None, None, ctypes.byref(flags), None, 0):
        return False
    return bool(flags.value & FILE_READ_ONLY_VOLUME)
