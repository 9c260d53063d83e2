"""Helpers shared by the command modules: reading inputs and writing outputs safely."""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterable
from pathlib import Path

from zjdesk.domain.errors import UserError
from zjdesk.input_files import MB, read_input
from zjdesk.store.output_files import write_atomically

PathLike = str | os.PathLike[str]
# A year's JSON is a few hundred KB; far larger is not one (and would only fill the memory).
MAX_TEXT_BYTES = 50 * MB


def write_text_atomically(target: PathLike, text: str, sources: Iterable[PathLike] = ()) -> None:
    """Write ``text`` (UTF-8) to ``target`` through a temporary file, so a failure leaves nothing half-written.

    ``target`` must not be a year file nor one of ``sources`` (the files the text was made from).
    """
    write_bytes_atomically(target, text.encode("utf-8"), sources)


def write_bytes_atomically(target: PathLike, data: bytes, sources: Iterable[PathLike] = ()) -> None:
    """Write ``data`` to ``target`` through a temporary file moved into place (never over ``sources``)."""
    write_atomically(target, data, sources)


def read_text(source: PathLike, what: str) -> str:
    """Read a UTF-8 text file, with a Chinese message when it cannot be read (a pipe or a device is refused).

    A file that starts with a UTF-16 byte order mark is read as UTF-16: Windows PowerShell 5 writes
    ``zjdesk dump a.zjd > a.json`` that way, and Notepad's "Unicode" encoding is the same.
    """
    path = Path(source)
    data = read_input(path, what, MAX_TEXT_BYTES)
    if data.startswith(b"SQLite format 3\x00"):
        raise UserError(f"“{path.name}”是年度文件（.zjd），不是{what}：年度文件可直接打开；要得到 JSON，请用 zjdesk dump 导出。")
    if data.startswith(b"PK\x03\x04"):
        raise UserError(f"“{path.name}”是 Word/Excel 文件（压缩包），不是{what}：请选择 {what}。")
    encoding = "utf-16" if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) else "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UserError(
            f"{what}“{path.name}”不是 UTF-8 编码的文本文件（可能以 ANSI/GBK 保存）：请在记事本中“另存为”，编码选“UTF-8”后再试。"
        ) from error
