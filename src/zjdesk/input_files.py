"""Reading the files an officer hands zjdesk: regular files only, bounded in size, archives checked first.

Shared by every importer — the Word report (:mod:`zjdesk.docx_import`), the indicator and goal
sheets (.xlsx, :mod:`zjdesk.store`), the JSON of ``zjdesk load`` — so each refuses the same things
the same way:

- a FIFO, a device or a folder is refused before anything opens it (opening a FIFO for reading
  waits for a writer that never comes);
- a file larger than the importer's limit is refused before it is read;
- an Office Open XML archive (.docx, .xlsx) is checked on its zip directory and its raw bytes before
  any XML parser sees it: too many parts, parts or a whole that inflate too far (zip bombs), a
  damaged or encrypted archive, and any part declaring a DTD (the door to external entities and the
  "billion laughs") are refused. Every part is inflated here, so a damaged stream (zlib.error) is
  found here too. The checked bytes are parsed from memory afterwards, so the file cannot change
  between the check and the parse.

Messages name the kind of file (Word 文件, Excel 工作簿) and the program to repair it in.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from zjdesk.domain.errors import UserError

_XML_SUFFIXES = (".xml", ".rels")
# A DTD is the only way to declare entities; refusing any DOCTYPE (in any encoding) closes the door.
_DTD_MARKERS = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
# A password-protected Office file is no zip: it is an OLE compound file (the header of old .doc/.xls
# files too) holding the encrypted package under this stream name (UTF-16 in its directory).
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_CHUNK = 1024 * 1024
_OVERLAP = 32
MB = 1024 * 1024


@dataclass(frozen=True)
class ArchiveRules:
    """What one importer accepts: its limits, the parts its files must have, and how to name them."""

    kind: str  # "Word 文件" / "Excel 工作簿", as the messages name the file
    repair: str  # how to repair one: "请在 Word/WPS 中打开并另存为 .docx 后再导入"
    not_this_kind: str  # what to say of a file that is no zip at all
    required_parts: tuple[str, ...]
    damaged: type[UserError]
    unsafe: type[UserError]
    max_file_bytes: int = 50 * MB
    max_entries: int = 2000
    max_total_uncompressed: int = 300 * MB
    max_xml_part_bytes: int = 50 * MB
    # Text XML compresses well (10–30×); bombs reach thousands. Small entries are exempt because
    # their ratio says nothing (a 1 KB run of spaces compresses 100×).
    max_ratio: int = 200
    ratio_exempt_bytes: int = 1 * MB
    incomplete: str = ""  # what to say of an archive without the required parts ("": name the missing part)


def _name(path: Path) -> str:
    return path.name or str(path)


def regular_file_size(path: Path, what: str, error: type[UserError] = UserError) -> int:
    """The size of the regular file at ``path``; missing, folders and special files are refused."""
    try:
        status = path.stat()
    except FileNotFoundError as problem:
        raise error(f"找不到文件“{path}”：请确认文件名和位置。") from problem
    except OSError as problem:
        raise error(f"无法读取{what}“{_name(path)}”（{problem.strerror or problem}）：请确认文件名和位置。") from problem
    if stat.S_ISDIR(status.st_mode):
        raise error(f"“{path}”是一个文件夹，不是{what}：请给出文件名。")
    if not stat.S_ISREG(status.st_mode):
        raise error(f"“{_name(path)}”不是普通文件（是管道或设备），不能作为{what}读取：请选择磁盘上的文件。")
    return status.st_size


def read_input(
    path: str | os.PathLike[str],
    what: str,
    max_bytes: int,
    error: type[UserError] = UserError,
    too_large: type[UserError] | None = None,
) -> bytes:
    """The bytes of the regular file at ``path``, refusing special and oversized files first.

    ``error`` is raised for a file that cannot be read, ``too_large`` (default ``error``) for one
    beyond ``max_bytes``.
    """
    source = Path(path)
    size = regular_file_size(source, what, error)
    if size > max_bytes:
        raise (too_large or error)(
            f"“{_name(source)}”有 {size / MB:.1f} MB，超过{what}的上限 {max_bytes // MB} MB：请确认选择的是正确的文件。"
        )
    try:
        with open(source, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as problem:
        raise error(
            f"无法读取“{_name(source)}”（{problem.strerror or problem}）：如果它正在其他程序中打开，请先关闭再试。"
        ) from problem
    if len(data) > max_bytes:  # it grew after the size was checked
        raise (too_large or error)(f"“{_name(source)}”超过{what}的上限 {max_bytes // MB} MB。")
    return data


_SQLITE_MAGIC = b"SQLite format 3\x00"  # a year file given where a document was asked for
# The main part of each Office kind, to name a file of one kind given for another (an .xlsx renamed .docx).
_OTHER_OFFICE_KINDS = (
    ("word/document.xml", "Word 文档"),
    ("xl/workbook.xml", "Excel 工作簿"),
    ("ppt/presentation.xml", "PowerPoint 演示文稿"),
)


def check_archive(data: bytes, name: str, rules: ArchiveRules) -> None:
    """Refuse ``data`` unless it is a sound, modest archive of ``rules.kind`` whose XML declares no DTD."""
    unsafe, damaged = rules.unsafe, rules.damaged
    if len(data) > rules.max_file_bytes:
        raise unsafe(f"“{name}”超过 {rules.max_file_bytes // MB} MB 的上限，不像一份正常的{rules.kind}。")
    if not data:
        raise damaged(f"“{name}”是空文件（0 字节，没有任何内容）：请确认选择的文件无误，或从原处重新复制一份。")
    if data.startswith(_OLE_MAGIC) and _ENCRYPTED_PACKAGE in data:
        raise unsafe(f"“{name}”设置了打开密码（已加密）：请在原程序中输入密码打开，取消密码后另存，再导入。")
    if name.startswith("~$"):
        raise damaged(
            f"“{name}”是 Word/Excel 打开文件时生成的临时锁定文件（以 ~$ 开头），不是文件本身："
            "请选择同一文件夹中去掉 ~$ 的那个文件。"
        )
    if data.startswith(_SQLITE_MAGIC):
        raise damaged(f"“{name}”是 zjdesk 的年度文件（.zjd），不是{rules.kind}：请用“打开年度文件”打开它。")
    if data.startswith(b"%PDF"):
        raise damaged(f"“{name}”是 PDF 文件，无法作为{rules.kind}读取：请选择原来的{rules.kind}，或{rules.repair}。")
    if not data.startswith(b"PK"):
        raise damaged(f"“{name}”{rules.not_this_kind}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
        raise damaged(f"“{name}”已损坏，无法作为{rules.kind}打开：{rules.repair}。") from error
    with archive:
        entries = archive.infolist()
        if len(entries) > rules.max_entries:
            raise unsafe(f"“{name}”包含 {len(entries)} 个部件，远多于一份{rules.kind}应有的数量，已拒绝导入。")
        names = {entry.filename for entry in entries}
        if len(names) != len(entries):
            raise unsafe(f"“{name}”的压缩包内有重名的部件，可能被篡改过，已拒绝导入。")
        missing = [part for part in rules.required_parts if part not in names]
        other = next((kind for part, kind in _OTHER_OFFICE_KINDS if part in names and kind != rules.kind), None)
        if missing and other:
            raise damaged(f"“{name}”是 {other}，不是 {rules.kind}：请选择 {rules.kind}。")
        if missing:
            incomplete = rules.incomplete or f"不是完整的{rules.kind}（缺少 {missing[0]}）：请确认选择的文件无误。"
            raise damaged(f"“{name}”{incomplete}")
        total = 0
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise unsafe(f"“{name}”设置了打开密码（已加密）：请在原程序中取消密码后另存，再导入。")
            total += entry.file_size
            if total > rules.max_total_uncompressed:
                limit = rules.max_total_uncompressed // MB
                raise unsafe(f"“{name}”解压后过大（超过 {limit} MB），可能是压缩炸弹，已拒绝导入。")
            if entry.file_size > rules.ratio_exempt_bytes and entry.file_size > rules.max_ratio * max(entry.compress_size, 1):
                raise unsafe(f"“{name}”中的部件 {entry.filename} 压缩比异常（可能是压缩炸弹），已拒绝导入。")
            if entry.filename.lower().endswith(_XML_SUFFIXES) and entry.file_size > rules.max_xml_part_bytes:
                raise unsafe(f"“{name}”中的部件 {entry.filename} 过大，已拒绝导入。")
        for entry in entries:
            # Every part is scanned, not only *.xml: [Content_Types].xml can declare any part name as XML.
            _scan_part(archive, entry, name, rules)


def _scan_part(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, name: str, rules: ArchiveRules) -> None:
    """Inflate one part in chunks (never more than the directory states) and refuse a DTD in it."""
    tail = b""
    inflated = 0
    try:
        with archive.open(entry) as handle:
            while chunk := handle.read(_CHUNK):
                inflated += len(chunk)
                if inflated > entry.file_size:  # zipfile checks this too; a bomb must never get past it
                    raise rules.unsafe(f"“{name}”中的部件 {entry.filename} 解压后比声明的大，可能是压缩炸弹，已拒绝导入。")
                # NUL bytes are dropped so that "<!DOCTYPE" cannot hide in UTF-16 or UTF-32 text.
                window = tail + chunk.replace(b"\x00", b"")
                if _DTD_MARKERS.search(window):
                    raise rules.unsafe(
                        f"“{name}”的部件 {entry.filename} 声明了 DTD/外部实体（{rules.kind}不会这样写），"
                        "可能有安全风险，已拒绝导入。"
                    )
                tail = window[-_OVERLAP:]
    except UserError:
        raise
    except Exception as error:  # zipfile, zlib and bz2/lzma decoders raise many kinds on hostile input
        raise rules.damaged(f"“{name}”已损坏（部件 {entry.filename} 无法解压）：{rules.repair}。") from error
