"""Checks on the .docx archive before any XML parser sees it (see :mod:`zjdesk.input_files`).

An oversized file, a zip bomb (tiny compressed entries that expand to gigabytes), a damaged archive
or an XML part declaring a DTD (the door to external entities: file and network access, the
"billion laughs") is refused before python-docx/lxml parse anything. The .xlsx importers share the
same checks with their own limits.
"""

from __future__ import annotations

import os

from zjdesk.docx_import.errors import DamagedDocxError, UnsafeDocxError
from zjdesk.input_files import MB, ArchiveRules, read_input
from zjdesk.input_files import check_archive as check_office_archive

# A typed report is a few hundred KB; pictures can bring it to a few MB. These limits leave a wide
# margin while keeping memory use bounded on an office PC.
DOCX_RULES = ArchiveRules(
    kind="Word 文档",
    repair="请在 Word/WPS 中打开并另存为 .docx 后再导入",
    not_this_kind="不是 .docx 格式的 Word 文件：如果它是旧的 .doc 或 WPS 格式，请在 Word/WPS 中“另存为” .docx 后再导入。",
    required_parts=("[Content_Types].xml", "word/document.xml"),
    damaged=DamagedDocxError,
    unsafe=UnsafeDocxError,
    max_file_bytes=50 * MB,
    max_entries=2000,
    max_total_uncompressed=300 * MB,
    max_xml_part_bytes=50 * MB,
)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """Read the file at ``path``, refusing missing, special, unreadable and oversized files."""
    return read_input(path, "Word 报告", DOCX_RULES.max_file_bytes, DamagedDocxError, UnsafeDocxError)


def check_archive(data: bytes, name: str = "该文件") -> None:
    """Refuse ``data`` unless it is a sound, modest .docx archive whose XML declares no DTD."""
    check_office_archive(data, name, DOCX_RULES)
