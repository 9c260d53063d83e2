"""The one base class for errors the user must be told about, in Chinese."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix: ``str(error)`` says, in Chinese, what is wrong and what to do.

    The command line prints it as one line and exits with ``exit_status``; the desktop program
    shows it in a dialog. Nothing that raises it has changed a year file.
    """

    exit_status = 2
