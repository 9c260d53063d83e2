"""The folders the program suggests: a real year file's folder, never zjdesk's own (where the demo lives)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from zjdesk.store.folders import documents_dir
from zjdesk.store.user_data import user_data_dir

# What Windows refuses in a file or folder name. A unit such as 湛江市委机要局/市密码管理局 names the
# files suggested for it: its / would be read as a folder that does not exist.
_SEPARATORS = re.compile(r"[/\\|]+")
_NOT_IN_NAMES = re.compile(r'[<>:"*?\x00-\x1f]')


def name_part(text: str) -> str:
    """``text`` fit to stand in a suggested file or folder name: / \\ | become 、, the rest Windows refuses goes."""
    cleaned = _NOT_IN_NAMES.sub("", _SEPARATORS.sub("、", text.strip()))
    return cleaned.strip(" .、")  # Windows drops a name's trailing dots and spaces


def real_folder(path: Path) -> str:
    """The folder of the year file at ``path``, unless it is zjdesk's own data folder or gone (then "")."""
    folder = path.parent
    try:
        own = folder.resolve() == user_data_dir().resolve()
    except OSError:
        own = False
    return "" if own or not folder.is_dir() else str(folder)


def default_folder(recent_files: Iterable[str]) -> str:
    """The folder of the most recent real year file, else the user's Documents folder."""
    for entry in recent_files:
        folder = real_folder(Path(entry))
        if folder:
            return folder
    return str(documents_dir())
