"""A lock beside the year file, so that a second copy of zjdesk cannot write the same file.

The lock is an operating-system lock on ``NAME.zjd.lock`` (``flock`` on POSIX, ``msvcrt.locking``
on Windows), held for as long as the year file is open. The OS drops it when the holder dies,
so a crash never leaves a file locked for good; the lock file's text says who holds it, so the
refusal can name them.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path
from typing import IO

from zjdesk.domain.errors import UserError

# Windows locks a byte range; lock one far beyond the owner text so the text stays readable.
_WINDOWS_LOCK_OFFSET = 1 << 20


class FileInUseError(UserError):
    """The year file is open for writing in another zjdesk."""


def lock_path_for(path: Path) -> Path:
    """The lock file that guards ``path``."""
    return path.with_name(path.name + ".lock")


def _owner_text() -> str:
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment: the lock still works
        user = ""
    return json.dumps(
        {
            "user": user,
            "host": socket.gethostname(),
            "pid": os.getpid(),
            "since": datetime.now().isoformat(timespec="seconds"),
        },
        ensure_ascii=False,
    )


def _describe_owner(text: str) -> str:
    try:
        owner = json.loads(text)
        who = owner.get("user") or "另一用户"
        host = owner.get("host") or "另一台电脑"
        since = str(owner.get("since", "")).replace("T", " ")
        return f"{who}（{host}，自 {since} 起）"
    except (ValueError, AttributeError):
        return "另一个 zjdesk 窗口"


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _unlock(handle: IO[bytes]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


class YearFileLock:
    """An exclusive lock on a year file; :meth:`acquire` refuses with a message naming the holder."""

    def __init__(self, path: Path) -> None:
        self.path = lock_path_for(path)
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`FileInUseError`."""
        for _attempt in range(5):
            handle = self._open()
            if not _try_lock(handle):
                handle.seek(0)
                owner = handle.read(4096).decode("utf-8", "replace")
                handle.close()
                raise FileInUseError(
                    f"年度文件“{self.path.name[:-5]}”正在被 {_describe_owner(owner)} 使用，不能同时修改。"
                    "请先在那边关闭该文件，或以只读方式查看。"
                )
            if self._still_linked(handle):
                break
            # The previous holder removed the lock file between our open and our lock: start again.
            _unlock(handle)
            handle.close()
        else:  # pragma: no cover - needs five lost races in a row
            raise FileInUseError("年度文件正在被另一个 zjdesk 窗口反复打开和关闭，请稍后再试。")
        handle.seek(0)
        handle.truncate()
        handle.write(_owner_text().encode("utf-8"))
        handle.flush()
        self._handle = handle

    def _open(self) -> IO[bytes]:
        try:
            return open(self.path, "a+b")
        except OSError as error:
            raise UserError(
                f"无法在“{self.path.parent}”中创建锁文件（{error.strerror}）：请确认该文件夹可以写入，"
                "或把年度文件复制到本机的文件夹后再打开。"
            ) from error

    def _still_linked(self, handle: IO[bytes]) -> bool:
        try:
            return os.path.samestat(os.fstat(handle.fileno()), os.stat(self.path))
        except OSError:
            return False

    def release(self) -> None:
        """Remove the lock file, then drop the lock (in that order, so no one locks a removed file)."""
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        # The folder may be gone (a USB stick pulled out): the lock then dies with its file, and
        # closing the year must still succeed, so errors of the device are ignored here.
        try:
            with contextlib.suppress(OSError):
                handle.seek(0)
                handle.truncate()
                handle.flush()
            if sys.platform != "win32":  # Windows refuses to remove an open file; the text is cleared
                with contextlib.suppress(OSError):
                    self.path.unlink()
            with contextlib.suppress(OSError):
                _unlock(handle)
        finally:
            with contextlib.suppress(OSError):
                handle.close()
        if sys.platform == "win32":
            with contextlib.suppress(OSError):  # another zjdesk has opened it meanwhile
                self.path.unlink()

    @property
    def held(self) -> bool:
        return self._handle is not None
