"""A lock on the year file, so that a second copy of zjdesk cannot write the same file.

Two operating-system locks (:mod:`zjdesk.store.os_locks`) are held for as long as the year file is
open for writing, both dropped by the OS when the holder dies, so a crash never leaves a file locked
for good:

- on ``NAME.zjd.lock`` beside the file's real path (symbolic links resolved), whose text says who
  holds it, so that the refusal can name them — and which guards a file that does not exist yet;
- on the year file itself: the lock belongs to the file (its device and inode, its file ID on
  Windows), not to a name, so a hard link, a second name or a deleted ``.lock`` file does not let a
  second writer in.

The lock also remembers which file it locked: :meth:`YearFileLock.still_the_same_file` tells whether
the path still leads to it (it does not once another file was moved over it), and every save asks.
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from zjdesk.domain.errors import UserError
from zjdesk.store.os_locks import LockUnsupportedError, try_lock, unlock

LOCK_SUFFIX = ".lock"
# A lock file held with no owner text yet is being taken (or tested by a clean-up) this instant.
_BUSY_RETRIES = 10
_BUSY_WAIT = 0.02


class FileInUseError(UserError):
    """The year file is open for writing in another zjdesk; ``owner`` is what its lock file says."""

    def __init__(self, message: str, owner: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.owner = owner or {}


class LockFileError(UserError):
    """The lock file cannot be created or written; ``errno`` says why (a read-only folder, a full disk)."""

    def __init__(self, message: str, error_number: int | None) -> None:
        super().__init__(message)
        self.errno = error_number


def real_path(path: str | os.PathLike[str]) -> Path:
    """``path`` with every symbolic link resolved (the file the name leads to)."""
    return Path(os.path.realpath(path))


def lock_path_for(path: str | os.PathLike[str]) -> Path:
    """The lock file that guards ``path``: beside the real file, whatever link led to it."""
    real = real_path(path)
    return real.with_name(real.name + LOCK_SUFFIX)


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


def _read_owner(text: str) -> dict[str, Any]:
    try:
        owner = json.loads(text)
    except ValueError:
        return {}
    return owner if isinstance(owner, dict) else {}


def _describe_owner(owner: dict[str, Any]) -> str:
    if not owner:
        return "另一个 zjdesk 窗口"
    who = owner.get("user") or "另一用户"
    host = owner.get("host") or "另一台电脑"
    since = str(owner.get("since", "")).replace("T", " ")
    return f"{who}（{host}，自 {since} 起）"


def is_this_user_here(owner: dict[str, Any]) -> bool:
    """Whether a lock's owner is this user on this computer (their own window, not a colleague)."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in the environment
        user = ""
    return bool(owner) and owner.get("user") == user and owner.get("host") == socket.gethostname()


class YearFileLock:
    """An exclusive lock on a year file; :meth:`acquire` refuses with a message naming the holder."""

    def __init__(self, path: str | os.PathLike[str], *, identity: bool = True) -> None:
        # ``identity=False`` locks the name only: creating a file, whose old one is about to be replaced.
        self.identity = identity
        self.target = real_path(path)
        self.path = lock_path_for(self.target)
        self._handle: IO[bytes] | None = None  # the lock file
        self._file: IO[bytes] | None = None  # the year file itself, locked as the file it is
        self._identity: os.stat_result | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`FileInUseError` (:class:`LockFileError` when it cannot be made)."""
        handle = self._lock_file()
        try:
            if self.identity:
                self._lock_year_file()
            self._write_owner(handle)
        except BaseException:
            self._handle = handle
            self.release()
            raise
        self._handle = handle

    def _lock_file(self) -> IO[bytes]:
        for _attempt in range(5 + _BUSY_RETRIES):
            handle = self._open()
            try:
                locked = try_lock(handle)
            except LockUnsupportedError:
                locked = True  # a share that cannot lock: the identity check before each save still guards
            if not locked:
                handle.seek(0)
                owner = _read_owner(handle.read(4096).decode("utf-8", "replace"))
                handle.close()
                if not owner and _attempt < _BUSY_RETRIES:
                    time.sleep(_BUSY_WAIT)  # being taken, or tested by a clean-up, this very moment
                    continue
                raise FileInUseError(
                    f"年度文件“{self.target.name}”正在被 {_describe_owner(owner)} 使用，不能同时修改。"
                    "请先在那边关闭该文件，或以只读方式查看。",
                    owner,
                )
            if self._still_linked(handle):
                return handle
            # The previous holder removed the lock file between our open and our lock: start again.
            with contextlib.suppress(OSError):
                unlock(handle)
            handle.close()
        raise FileInUseError("年度文件正在被另一个 zjdesk 窗口反复打开和关闭，请稍后再试。")  # pragma: no cover

    def _lock_year_file(self) -> None:
        """Lock the year file itself, so that no other name for the same file gets a second writer in."""
        try:
            year_file = open(self.target, "rb")  # noqa: SIM115 - held open for as long as the lock
        except FileNotFoundError:
            return  # a file being created: the lock file guards its name until it exists
        except OSError as error:
            raise LockFileError(f"无法打开“{self.target.name}”（{error.strerror}）。", error.errno) from error
        try:
            locked = try_lock(year_file)
        except LockUnsupportedError:
            locked = True
        if not locked:
            year_file.close()
            raise FileInUseError(
                f"年度文件“{self.target.name}”已在另一个 zjdesk 窗口中打开（可能是通过另一个名称或快捷方式打开的同一个文件），"
                "不能同时修改。请先在那边关闭它，或以只读方式查看。"
            )
        self._file = year_file
        self._identity = os.fstat(year_file.fileno())

    def _write_owner(self, handle: IO[bytes]) -> None:
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(_owner_text().encode("utf-8"))
            handle.flush()
        except OSError as error:
            full = error.errno == errno.ENOSPC
            raise LockFileError(
                f"无法在“{self.path.parent}”中写入锁文件（{'磁盘已满' if full else error.strerror}）："
                + ("请腾出磁盘空间后再打开。" if full else "请确认该文件夹可以写入。"),
                error.errno,
            ) from error

    def _open(self) -> IO[bytes]:
        try:
            return open(self.path, "a+b")
        except OSError as error:
            raise LockFileError(
                f"无法在“{self.path.parent}”中创建锁文件（{error.strerror}）：请确认该文件夹可以写入，"
                "或把年度文件复制到本机的文件夹后再打开。",
                error.errno,
            ) from error

    def _still_linked(self, handle: IO[bytes]) -> bool:
        try:
            return os.path.samestat(os.fstat(handle.fileno()), os.stat(self.path))
        except OSError:
            return False

    def still_the_same_file(self) -> bool:
        """Whether the year file's path still leads to the file that was locked (not one moved over it)."""
        if self._identity is None:
            return True
        try:
            return os.path.samestat(self._identity, os.stat(self.target))
        except OSError:
            return False

    def release(self) -> None:
        """Remove the lock file, then drop the locks (in that order, so no one locks a removed file)."""
        year_file, self._file = self._file, None
        self._identity = None
        if year_file is not None:
            with contextlib.suppress(OSError):
                unlock(year_file)
            with contextlib.suppress(OSError):
                year_file.close()
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
                unlock(handle)
        finally:
            with contextlib.suppress(OSError):
                handle.close()
        if sys.platform == "win32":
            with contextlib.suppress(OSError):  # another zjdesk has opened it meanwhile
                self.path.unlink()

    @property
    def held(self) -> bool:
        return self._handle is not None


def remove_stale_locks(folder: Path) -> None:
    """Remove the ``.zjd.lock`` files in ``folder`` that no living zjdesk holds (left by a killed one)."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".zjd" + LOCK_SUFFIX)]
    except OSError:
        return
    for name in names:
        path = folder / name
        try:
            handle = open(path, "r+b")  # noqa: SIM115 - closed below
        except OSError:
            continue
        try:
            if not try_lock(handle):
                continue  # held: a living zjdesk has that year open
            # Ours for a moment (an opener meanwhile waits, seeing no owner, then finds it gone and starts again).
            if sys.platform != "win32":
                with contextlib.suppress(OSError):
                    path.unlink()
            with contextlib.suppress(OSError):
                unlock(handle)
        except OSError:
            continue
        finally:
            handle.close()
        if sys.platform == "win32":
            with contextlib.suppress(OSError):
                path.unlink()
