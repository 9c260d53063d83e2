"""Writing a file the officer asked for, all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from zjdesk.domain.errors import UserError


def write_file_atomically(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and move it into place."""
    target = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".zjdesk-", suffix=".tmp", dir=target.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, target)
    except OSError as error:
        raise UserError(
            f"无法写入“{target.name}”（{error.strerror}）：请确认文件夹可以写入，且该文件没有在 Word、WPS 或 Excel 中打开。"
        ) from error
