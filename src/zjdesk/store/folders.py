"""Where the officer's files go: the Documents folder, and whether a folder can take a new file.

New year files, carried years and exports default to the folder of the last real year file, else
the user's Documents folder — never zjdesk's own data folder, where the demo year lives hidden from
the officer. On Windows Documents is the known folder (SHGetKnownFolderPath), which follows a
redirection to OneDrive or a network share; elsewhere the XDG user directory.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from pathlib import Path

DOCUMENTS_NAME = "文档"  # what Windows Explorer calls the folder in Chinese

if sys.platform == "win32":
    import ctypes
    from ctypes import wintypes

    class _Guid(ctypes.Structure):
        _fields_ = [
            ("Data1", wintypes.DWORD),
            ("Data2", wintypes.WORD),
            ("Data3", wintypes.WORD),
            ("Data4", ctypes.c_ubyte * 8),
        ]

    # FOLDERID_Documents {FDD39AD0-238F-46AF-ADB4-6C85480369C7}
    _FOLDERID_DOCUMENTS = _Guid(0xFDD39AD0, 0x238F, 0x46AF, (ctypes.c_ubyte * 8)(0xAD, 0xB4, 0x6C, 0x85, 0x48, 0x03, 0x69, 0xC7))

    def _known_documents_folder() -> Path | None:
        """The Documents known folder as the shell resolves it (OneDrive or a redirected share included)."""
        shell32 = ctypes.windll.shell32
        shell32.SHGetKnownFolderPath.argtypes = [
            ctypes.POINTER(_Guid),
            wintypes.DWORD,
            wintypes.HANDLE,
            ctypes.POINTER(ctypes.c_wchar_p),
        ]
        shell32.SHGetKnownFolderPath.restype = ctypes.c_long
        found = ctypes.c_wchar_p()
        try:
            result = shell32.SHGetKnownFolderPath(ctypes.byref(_FOLDERID_DOCUMENTS), 0, None, ctypes.byref(found))
            return Path(found.value) if result == 0 and found.value else None
        finally:
            ctypes.windll.ole32.CoTaskMemFree(found)

else:

    def _known_documents_folder() -> Path | None:
        """The XDG documents directory (``~/.config/user-dirs.dirs``), when the desktop names one."""
        config = Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "user-dirs.dirs"
        try:
            text = config.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        found = re.search(r'^XDG_DOCUMENTS_DIR="?([^"\n]+)"?', text, re.MULTILINE)
        if not found:
            return None
        return Path(found.group(1).replace("$HOME", str(Path.home())))


def documents_dir() -> Path:
    """The user's Documents folder (it may not exist: check with :func:`folder_problem`)."""
    try:
        known = _known_documents_folder()
    except (OSError, AttributeError, ValueError):  # no shell32 (Wine, a stripped Windows): the usual place
        known = None
    return known if known is not None else Path.home() / "Documents"


def folder_problem(folder: str | os.PathLike[str]) -> str | None:
    """Why a new file cannot be saved in ``folder``, in Chinese; None when it can."""
    path = Path(folder)
    if not path.exists():
        return f"文件夹“{path}”不存在：请点“浏览…”选择其他保存位置（或先在资源管理器中建立该文件夹）。"
    if not path.is_dir():
        return f"“{path}”不是文件夹：请选择一个文件夹作为保存位置。"
    try:
        # os.access does not see Windows ACLs or a read-only share: try what saving will do.
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError:
        return f"文件夹“{path}”不能写入（只读或没有权限）：请选择其他保存位置，例如“{DOCUMENTS_NAME}”或桌面上的文件夹。"
    return None
