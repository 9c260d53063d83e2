"""Helpers shared by the command modules: reading inputs and writing outputs safely."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from zjdesk.domain.errors import UserError


def write_text_atomically(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file, so a failure leaves nothing half-written."""
    write_bytes_atomically(target, text.encode("utf-8"))


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file moved into place."""
    path = Path(target)
    if not path.parent.is_dir():
        raise UserError(f"文件夹“{path.parent}”不存在：请先建立该文件夹，或换一个输出位置。")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=".zjdesk-", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise UserError(f"无法在“{path.parent}”中写入（{error.strerror}）：请选择可以写入的文件夹。") from error
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise UserError(
            f"无法写入“{path.name}”（{error.strerror}）：如果该文件正在 Word、WPS 或其他程序中打开，请先关闭它再试。"
        ) from error


def read_text(source: str | os.PathLike[str], what: str) -> str:
    """Read a UTF-8 text file, with a Chinese message when it cannot be read."""
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise UserError(f"找不到{what}“{path}”：请确认文件名和位置。") from error
    except UnicodeDecodeError as error:
        raise UserError(f"{what}“{path.name}”不是 UTF-8 编码的文本文件。") from error
    except OSError as error:
        raise UserError(f"无法读取{what}“{path.name}”（{error.strerror}）。") from error
