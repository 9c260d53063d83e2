"""Helpers shared by the command modules: reading inputs and writing outputs safely."""

from __future__ import annotations

import os
from pathlib import Path

from zjdesk.domain.errors import UserError
from zjdesk.store.output_files import write_atomically


def write_text_atomically(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file, so a failure leaves nothing half-written."""
    write_bytes_atomically(target, text.encode("utf-8"))


def write_bytes_atomically(target: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``target`` through a temporary file moved into place."""
    write_atomically(target, data)


def read_text(source: str | os.PathLike[str], what: str) -> str:
    """Read a UTF-8 text file, with a Chinese message when it cannot be read."""
    path = Path(source)
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError as error:
        raise UserError(f"找不到{what}“{path}”：请确认文件名和位置。") from error
    except IsADirectoryError as error:
        raise UserError(f"“{path.name}”是一个文件夹，不是{what}：请给出文件名。") from error
    except UnicodeDecodeError as error:
        raise UserError(f"{what}“{path.name}”不是 UTF-8 编码的文本文件。") from error
    except OSError as error:
        raise UserError(f"无法读取{what}“{path.name}”（{error.strerror}）。") from error
