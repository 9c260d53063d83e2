"""Checks on the .docx archive before any XML parser sees it.

A .docx is a zip archive. Everything here works on the zip directory and on raw bytes, so an
oversized file, a zip bomb (tiny compressed entries that expand to gigabytes), a damaged archive
or an XML part declaring a DTD (the door to external entities: file and network access, the
"billion laughs") is refused before python-docx/lxml parse anything. The checked bytes are
returned and parsed from memory, so the file cannot change between the check and the parse.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

from zjdesk.docx_import.errors import DamagedDocxError, UnsafeDocxError

# A typed report is a few hundred KB; pictures can bring it to a few MB. These limits leave a wide
# margin while keeping memory use bounded on an office PC.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 2000
MAX_TOTAL_UNCOMPRESSED = 300 * 1024 * 1024
MAX_XML_PART_BYTES = 50 * 1024 * 1024
# Text XML compresses well (10–30×); bombs reach thousands. Small entries are exempt because
# their ratio says nothing (a 1 KB run of spaces compresses 100×).
MAX_RATIO = 200
RATIO_EXEMPT_BYTES = 1024 * 1024

REQUIRED_PARTS = ("[Content_Types].xml", "word/document.xml")
_XML_SUFFIXES = (".xml", ".rels")
# A DTD is the only way to declare entities; refusing any DOCTYPE (in any encoding) closes the door.
_DTD_MARKERS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_CHUNK = 1024 * 1024
_OVERLAP = 32


def _name(path: Path) -> str:
    return path.name or str(path)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """Read the file at ``path``, refusing missing, unreadable and oversized files."""
    source = Path(path)
    try:
        size = source.stat().st_size
    except FileNotFoundError as error:
        raise DamagedDocxError(f"找不到文件“{source}”：请确认文件名和位置。") from error
    except OSError as error:
        raise DamagedDocxError(f"无法读取“{_name(source)}”（{error.strerror}）：请确认文件可以打开。") from error
    if source.is_dir():
        raise DamagedDocxError(f"“{source}”是文件夹，不是 Word 文件：请选择往年报告的 .docx 文件。")
    if size > MAX_FILE_BYTES:
        raise UnsafeDocxError(
            f"“{_name(source)}”有 {size // (1024 * 1024)} MB，超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限，"
            "不像一份自评报告：请删去其中的大图片后另存再导入。"
        )
    try:
        return source.read_bytes()
    except OSError as error:
        raise DamagedDocxError(
            f"无法读取“{_name(source)}”（{error.strerror}）：如果它正在 Word 或 WPS 中打开，请先关闭再试。"
        ) from error


def check_archive(data: bytes, name: str = "该文件") -> None:
    """Refuse ``data`` unless it is a sound, modest .docx archive whose XML declares no DTD."""
    if len(data) > MAX_FILE_BYTES:
        raise UnsafeDocxError(f"“{name}”超过 {MAX_FILE_BYTES // (1024 * 1024)} MB 的上限，不像一份自评报告。")
    if not data.startswith(b"PK"):
        raise DamagedDocxError(
            f"“{name}”不是 .docx 格式的 Word 文件：如果它是旧的 .doc 或 WPS 格式，请在 Word/WPS 中“另存为” .docx 后再导入。"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise DamagedDocxError(
            f"“{name}”已损坏，无法作为 Word 文件打开：请在 Word/WPS 中打开并另存为 .docx 后再导入。"
        ) from error
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_ENTRIES:
            raise UnsafeDocxError(f"“{name}”包含 {len(entries)} 个部件，远多于一份报告应有的数量，已拒绝导入。")
        names = {entry.filename for entry in entries}
        if len(names) != len(entries):
            raise UnsafeDocxError(f"“{name}”的压缩包内有重名的部件，可能被篡改过，已拒绝导入。")
        missing = [part for part in REQUIRED_PARTS if part not in names]
        if missing:
            raise DamagedDocxError(f"“{name}”不是完整的 Word 文档（缺少 {missing[0]}）：请确认选择的是 .docx 报告。")
        total = 0
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise UnsafeDocxError(f"“{name}”是加密的文档：请在 Word 中取消密码后另存，再导入。")
            total += entry.file_size
            if total > MAX_TOTAL_UNCOMPRESSED:
                limit = MAX_TOTAL_UNCOMPRESSED // (1024 * 1024)
                raise UnsafeDocxError(f"“{name}”解压后过大（超过 {limit} MB），可能是压缩炸弹，已拒绝导入。")
            if entry.file_size > RATIO_EXEMPT_BYTES and entry.file_size > MAX_RATIO * max(entry.compress_size, 1):
                raise UnsafeDocxError(f"“{name}”中的部件 {entry.filename} 压缩比异常（可能是压缩炸弹），已拒绝导入。")
            if entry.filename.lower().endswith(_XML_SUFFIXES) and entry.file_size > MAX_XML_PART_BYTES:
                raise UnsafeDocxError(f"“{name}”中的部件 {entry.filename} 过大，已拒绝导入。")
        for entry in entries:
            # Every part is scanned, not only *.xml: [Content_Types].xml can declare any part name as XML.
            _scan_part(archive, entry, name)


def _scan_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str) -> None:
    """Inflate one part in chunks (never more than the directory states) and refuse a DTD in it."""
    tail = b""
    try:
        with archive.open(entry) as handle:
            while chunk := handle.read(_CHUNK):
                # NUL bytes are dropped so that "<!DOCTYPE" cannot hide in UTF-16 or UTF-32 text.
                window = tail + chunk.replace(b"\x00", b"")
                if _DTD_MARKERS.search(window):
                    raise UnsafeDocxError(
                        f"“{name}”的部件 {entry.filename} 声明了 DTD/外部实体（Word 不会这样写），可能有安全风险，已拒绝导入。"
                    )
                tail = window[-_OVERLAP:]
    except UnsafeDocxError:
        raise
    except Exception as error:  # zipfile, zlib and bz2/lzma decoders raise many kinds on hostile input
        raise DamagedDocxError(
            f"“{name}”已损坏（部件 {entry.filename} 无法解压）：请在 Word/WPS 中打开并另存后再导入。"
        ) from error
