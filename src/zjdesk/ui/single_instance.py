"""The running program's side of :mod:`zjdesk.store.instance_mailbox`: take each request and act on it.

A request names a year file to open (a double-click, ``zjdesk FILE``, the recent list of another
start), the demo year, or nothing (a plain second start). The program opens the file — or brings the
window that already has it to the front — and otherwise brings its last window (or the start page)
forward. The requests folder is watched (QFileSystemWatcher), with a poll once a second in case the
file system sends no notice.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer

from zjdesk.store.instance_mailbox import InstanceMailbox
from zjdesk.store.log_notes import note

POLL_MS = 1000


class InstanceServer(QObject):
    """Takes the requests other starts of zjdesk leave, and hands them to the program."""

    def __init__(self, mailbox: InstanceMailbox, program: Any) -> None:
        super().__init__(program)
        self.mailbox = mailbox
        self.program = program
        self._watcher = QFileSystemWatcher([str(mailbox.requests)], self)
        self._watcher.directoryChanged.connect(lambda _folder: self.check())
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> int:
        """Act on every waiting request; returns how many there were."""
        requests = self.mailbox.take_requests()
        for request in requests:
            file = request.get("open")
            note(
                "zjdesk.ui",
                "request from another start: %s",
                "open a file" if file else ("demo" if request.get("demo") else "show"),
            )
            self.program.handle_request(file if isinstance(file, str) else None, demo=bool(request.get("demo")))
        return len(requests)
