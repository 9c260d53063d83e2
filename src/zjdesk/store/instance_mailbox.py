"""One zjdesk per user: a second start hands its file to the program already running, through a folder.

Why a folder: QtNetwork (QLocalServer) is not in the bundle; a named pipe would need Windows' pipe API
by hand and a thread listening on it; QSharedMemory can tell that a program runs but carries no
message without polling, and on Linux outlives a crashed program. A folder in the user's own zjdesk
folder needs only files and an OS lock, works the same on Windows and Linux, and opens no connection:

- the running program holds an OS lock on ``instance/program.lock`` (:mod:`zjdesk.store.os_locks`),
  dropped by the system when it dies — a crash never blocks the next start;
- a second start finds the lock held, writes its request (the file to open) as one small JSON file
  into ``instance/requests`` — whole, under a temporary name, then renamed — and waits until the
  running program has taken it (removed it), a few seconds at most;
- the running program watches that folder (:mod:`zjdesk.ui.single_instance`) and opens the file, or
  brings the window that has it open to the front.

The folder is per user (``%LOCALAPPDATA%\\zjdesk``), so colleagues on one PC each run their own.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
import uuid
from pathlib import Path
from typing import IO, Any

from zjdesk.store.os_locks import LockUnsupportedError, try_lock
from zjdesk.store.user_data import user_data_dir

PROGRAM_LOCK = "program.lock"
REQUESTS = "requests"
REQUEST_SUFFIX = ".json"
ANSWER_TIMEOUT = 5.0  # seconds a second start waits for the running program to take its request
_POLL = 0.05


class InstanceMailbox:
    """The running program's lock and the requests other starts leave for it."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else user_data_dir() / "instance"
        self.requests = self.folder / REQUESTS
        self._lock: IO[bytes] | None = None

    def claim(self) -> bool:
        """Become the running program: True unless another zjdesk of this user holds the lock.

        The lock is kept for the life of the process. Where no lock can be taken at all (a profile
        on an odd file system), every start is its own program, as before.
        """
        if self._lock is not None:
            return True
        try:
            self.requests.mkdir(parents=True, exist_ok=True)
            handle = open(self.folder / PROGRAM_LOCK, "a+b")  # noqa: SIM115 - held for the life of the process
        except OSError:
            return True
        try:
            locked = try_lock(handle)
        except (LockUnsupportedError, OSError):
            locked = True
        if not locked:
            handle.close()
            return False
        self._lock = handle
        self._drop_stale_requests()
        return True

    @property
    def is_running_program(self) -> bool:
        return self._lock is not None

    def send(self, request: dict[str, Any], timeout: float = ANSWER_TIMEOUT) -> bool:
        """Leave ``request`` for the running program; True once it has taken it within ``timeout``."""
        name = f"{time.time_ns()}-{uuid.uuid4().hex}"
        target = self.requests / (name + REQUEST_SUFFIX)
        temporary = self.requests / (name + ".tmp")
        try:
            self.requests.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(request, ensure_ascii=True), encoding="ascii")
            os.replace(temporary, target)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink()
            return False
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not target.exists():
                return True
            time.sleep(_POLL)
        with contextlib.suppress(OSError):  # not taken: the running program is stuck; this start goes ahead
            target.unlink()
            return False
        return True  # taken at the very last moment

    def take_requests(self) -> list[dict[str, Any]]:
        """The requests waiting, oldest first; each is removed as it is taken."""
        try:
            names = sorted(entry.name for entry in os.scandir(self.requests) if entry.name.endswith(REQUEST_SUFFIX))
        except OSError:
            return []
        taken = []
        for name in names:
            path = self.requests / name
            try:
                text = path.read_text(encoding="ascii")
                path.unlink()
            except (OSError, UnicodeDecodeError):
                continue
            try:
                request = json.loads(text)
            except ValueError:
                continue
            if isinstance(request, dict):
                taken.append(request)
        return taken

    def _drop_stale_requests(self) -> None:
        """Requests left from before this program started were given up by their sender."""
        with contextlib.suppress(OSError):
            for entry in os.scandir(self.requests):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)

    def release(self) -> None:
        """Stop being the running program (tests; the OS releases the lock when the process ends)."""
        if self._lock is not None:
            with contextlib.suppress(OSError):
                self._lock.close()
            self._lock = None
