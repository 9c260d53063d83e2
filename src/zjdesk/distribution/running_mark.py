"""The mark a running zjdesk leaves for its installer: a named Windows mutex, held until the process ends.

The installer and the uninstaller (``installer/zjdesk.nsi``) look for this mutex before they replace or
remove the program's files: a running zjdesk keeps its DLLs locked, and an installer that went ahead
would leave a half-replaced program behind. Windows only; elsewhere nothing is created.
"""

from __future__ import annotations

import sys

# Also in installer/zjdesk.nsi (RUNNING_MUTEX); tests/installer/test_installer_nsis.py keeps the two equal.
# No "Global\" prefix: the mutex lives in the user's session, where the per-user installer runs too.
RUNNING_MUTEX_NAME = "zjdesk-program-running"

_held: list[int] = []  # the mutex handle, kept for the life of the process (the OS closes it at exit)


def mark_running() -> bool:
    """Create the named mutex once per process (Windows); True when this process holds it.

    Never stops the program: when Windows refuses the mutex, zjdesk runs without the mark, and
    the installer still finds the running program by its locked zjdesk.exe.
    """
    if _held:
        return True
    if sys.platform == "win32":
        handle = _create_mutex(RUNNING_MUTEX_NAME)
        if handle:
            _held.append(handle)
            return True
    return False


if sys.platform == "win32":

    def _create_mutex(name: str) -> int | None:
        import ctypes
        from ctypes import wintypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        create_mutex = kernel32.CreateMutexW
        create_mutex.argtypes = (ctypes.c_void_p, wintypes.BOOL, wintypes.LPCWSTR)
        create_mutex.restype = wintypes.HANDLE
        # Not owned (bInitialOwner FALSE): a second zjdesk opens the same mutex, and it exists as long
        # as any zjdesk runs.
        handle: int | None = create_mutex(None, False, name)
        return handle
