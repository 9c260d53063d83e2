"""Operating-system locks on open files: held while the process lives, dropped by the OS when it dies.

``flock`` on POSIX (a lock on the open file, independent of the ``fcntl`` locks SQLite takes on the
same file) and ``msvcrt.locking`` on Windows, on one byte at :data:`LOCK_OFFSET`: inside the page
SQLite keeps unused for its own locks (the page holding its PENDING_BYTE at 1 GiB), far beyond any
year file's end, so neither SQLite nor a reader ever touches the locked byte.
"""

from __future__ import annotations

import errno
import sys
from typing import IO

LOCK_OFFSET = 0x4000_0000 + 2048

# What a lock refused because another process holds it says; any other error means the file
# system cannot lock at all (some network shares), which is not "in use".
_HELD = {errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class LockUnsupportedError(OSError):
    """The file system cannot lock this file (some network shares)."""


def try_lock(handle: IO[bytes]) -> bool:
    """Take an exclusive lock on ``handle`` without waiting: False when another process holds it.

    Raises :class:`LockUnsupportedError` when the file system does not lock at all.
    """
    if sys.platform == "win32":
        import msvcrt

        handle.seek(LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError as error:
            if error.errno in _HELD or getattr(error, "winerror", None) in (33, 36):  # lock violation, sharing
                return False
            raise LockUnsupportedError(error.errno, error.strerror) from error
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno in _HELD:
            return False
        raise LockUnsupportedError(error.errno, error.strerror) from error
    return True


def unlock(handle: IO[bytes]) -> None:
    """Drop the lock taken by :func:`try_lock`."""
    if sys.platform == "win32":
        import msvcrt

        handle.seek(LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
