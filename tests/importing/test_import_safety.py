"""Refusals: damaged files, other documents, oversized archives, zip bombs, DTDs and external entities."""

from __future__ import annotations

import dataclasses
import io
import os
import re
import zipfile

import pytest
from lxml import etree

from support.import_docs import build_docx, seed_lines
from zjdesk import input_files
from zjdesk.docx_import import (
    DamagedDocxError,
    DocxImportError,
    NotAReportError,
    UnsafeDocxError,
    import_docx,
    import_docx_bytes,
    safety,
)
from zjdesk.docx_import.lines import MAX_TABLE_COLUMNS, open_document
from zjdesk.domain.errors import UserError


@pytest.fixture(scope="module")
def seed_docx() -> bytes:
    return build_docx(seed_lines())


def _rezip(data: bytes, replace: dict[str, bytes] | None = None, add: dict[str, bytes] | None = None) -> bytes:
    """A copy of the .docx ``data`` with some parts replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, (replace or {}).get(item.filename, source.read(item.filename)))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def _document_xml(data: bytes) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_errors_are_user_errors_with_chinese_messages() -> None:
    for kind in (DamagedDocxError, UnsafeDocxError, NotAReportError):
        assert issubclass(kind, DocxImportError) and issubclass(kind, UserError)


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "是空文件（0 字节"),  # a copy or a download that broke off
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "另存为"),  # an old .doc
        (b"PK\x03\x04 truncated", "已损坏"),
    ],
    ids=["empty", "old doc", "truncated header"],
)
def test_not_a_docx(data: bytes, message: str) -> None:
    with pytest.raises(DamagedDocxError, match=message):
        import_docx_bytes(data)


def test_truncated_docx_is_damaged(seed_docx: bytes) -> None:
    with pytest.raises(DamagedDocxError, match="已损坏"):
        import_docx_bytes(seed_docx[: len(seed_docx) // 2])


def test_corrupted_part_is_damaged(seed_docx: bytes) -> None:
    broken = _rezip(seed_docx, replace={"word/document.xml": b"<w:document><w:body><w:p>"})
    with pytest.raises(DamagedDocxError, match="无法作为 Word 文档读取"):
        import_docx_bytes(broken)


@pytest.mark.parametrize("kind", ["nested 300 deep", "a paragraph of 12 MB"])
def test_a_document_beyond_the_xml_parsers_limits_is_refused_as_too_large_not_damaged(seed_docx: bytes, kind: str) -> None:
    # Saving such a file again in Word would not help: it is the paragraph (or the nesting) itself.
    xml = _document_xml(seed_docx)
    if kind == "nested 300 deep":
        inner = b"<w:sdt><w:sdtContent>" * 300 + b"<w:p/>" + b"</w:sdtContent></w:sdt>" * 300
    else:
        inner = b"<w:p><w:r><w:t>" + os.urandom(6_000_000).hex().encode() + b"</w:t></w:r></w:p>"
    body = xml.index(b"<w:body>") + len(b"<w:body>")
    with pytest.raises(UnsafeDocxError, match="超出了一份报告的规模") as refused:
        import_docx_bytes(_rezip(seed_docx, replace={"word/document.xml": xml[:body] + inner + xml[body:]}))
    assert "已损坏" not in str(refused.value)


def test_a_strict_open_xml_document_is_named_and_the_format_to_save_in_given(seed_docx: bytes) -> None:
    # Word's 另存为 "Strict Open XML 文档" keeps the .docx suffix but renames every namespace.
    transitional = b"http://schemas.openxmlformats.org/"
    strict = {
        b"officeDocument/2006/relationships": b"officeDocument/relationships",
        b"wordprocessingml/2006/main": b"wordprocessingml/main",
    }
    source = zipfile.ZipFile(io.BytesIO(seed_docx))
    parts = {}
    for item in source.infolist():
        content = source.read(item.filename)
        for old, new in strict.items():
            content = content.replace(transitional + old, b"http://purl.oclc.org/ooxml/" + new)
        parts[item.filename] = content
    with pytest.raises(DamagedDocxError, match=r"Strict Open XML.*另存为“Word 文档（\*\.docx）”") as refused:
        import_docx_bytes(_rezip(seed_docx, replace=parts))
    assert "已损坏" not in str(refused.value)


def test_a_cell_spanning_a_hundred_million_columns_imports_at_once_with_its_text() -> None:
    # python-docx repeats a cell once per spanned column: a few KB held the import for a minute (or the memory).
    lines = seed_lines()
    data = build_docx(lines, tables={len(lines) // 2: [["工作小组", "组长：周泽宗"]]})
    xml = _document_xml(data)
    first_cell = xml.index(b"<w:tc>") + len(b"<w:tc>")
    spanned = xml[:first_cell] + xml[first_cell:].replace(b"<w:tcPr>", b'<w:tcPr><w:gridSpan w:val="100000000"/>', 1)
    hostile = _rezip(data, replace={"word/document.xml": spanned})
    document = open_document(hostile, "报告.docx")
    assert len(document.tables[0].rows[0].cells) <= MAX_TABLE_COLUMNS + 1  # not 100,000,001 references
    assert import_docx_bytes(hostile).year.cover.unit_name == "湛江市人民政府驻广州办事处"


def test_zip_without_a_document_part(seed_docx: bytes) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DamagedDocxError, match="是 Excel 工作簿，不是 Word 文档"):
        import_docx_bytes(buffer.getvalue(), "数据表.xlsx")
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/styles.xml", "<styles/>")
    with pytest.raises(DamagedDocxError, match=r"word/document\.xml"):  # a package of no known kind: the part it lacks
        import_docx_bytes(other.getvalue(), "残缺.docx")


def test_missing_file_and_folder(tmp_path) -> None:
    with pytest.raises(DamagedDocxError, match="找不到文件"):
        import_docx(tmp_path / "nothing.docx")
    with pytest.raises(DamagedDocxError, match="文件夹"):
        import_docx(tmp_path)


def test_a_word_file_that_is_not_a_report() -> None:
    letter = build_docx(["关于召开年度工作会议的通知", "各科室：", "定于下周一召开年度工作会议，请准时参加。", "办公室"])
    with pytest.raises(NotAReportError, match="不像一份部门整体支出绩效自评报告"):
        import_docx_bytes(letter, "通知.docx")


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch) -> None:
    path = tmp_path / "big.docx"
    path.write_bytes(b"PK" + b"\0" * 5000)
    monkeypatch.setattr(safety, "DOCX_RULES", dataclasses.replace(safety.DOCX_RULES, max_file_bytes=4096))
    with pytest.raises(UnsafeDocxError, match="上限"):
        import_docx(path)


def test_zip_bomb_entry_is_refused(seed_docx: bytes) -> None:
    bomb = _rezip(seed_docx, add={"word/media/image1.png": b"\0" * (4 * 1024 * 1024)})
    assert len(bomb) < len(seed_docx) + 64 * 1024  # 4 MB of zeros compress to a few KB
    with pytest.raises(UnsafeDocxError, match="压缩"):
        import_docx_bytes(bomb)


def test_too_much_uncompressed_data_is_refused(seed_docx: bytes, monkeypatch) -> None:
    monkeypatch.setattr(safety, "DOCX_RULES", dataclasses.replace(safety.DOCX_RULES, max_total_uncompressed=20 * 1024))
    with pytest.raises(UnsafeDocxError, match="解压后过大"):
        import_docx_bytes(seed_docx)


def test_too_many_entries_are_refused(seed_docx: bytes) -> None:
    many = _rezip(seed_docx, add={f"customXml/item{i}.bin": b"x" for i in range(safety.DOCX_RULES.max_entries + 1)})
    with pytest.raises(UnsafeDocxError, match="部件"):
        import_docx_bytes(many)


def _patch_central_size(data: bytes, name: bytes, size: int) -> bytes:
    """Change the uncompressed size the zip's central directory states for ``name``."""
    patched = bytearray(data)
    record = data.find(b"PK\x01\x02")
    while record != -1:
        name_length = int.from_bytes(data[record + 28 : record + 30], "little")
        if data[record + 46 : record + 46 + name_length] == name:
            patched[record + 24 : record + 28] = size.to_bytes(4, "little")
            return bytes(patched)
        record = data.find(b"PK\x01\x02", record + 4)
    raise AssertionError(name)


def test_directory_that_lies_about_sizes_is_refused(seed_docx: bytes) -> None:
    # A part that inflates to more than the directory says: reading stops at the stated size and
    # the checksum no longer matches, so the small stated size cannot smuggle a bomb past the limits.
    with pytest.raises(DamagedDocxError, match="无法解压"):
        import_docx_bytes(_patch_central_size(seed_docx, b"word/document.xml", 10))


XXE = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
)
LAUGHS = b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>\n'


def test_external_entity_in_the_document_is_refused(seed_docx: bytes) -> None:
    xml = _document_xml(seed_docx)
    body_start = xml.index(b"<w:document")
    poisoned = XXE + xml[body_start:].replace("评价年度".encode(), b"&xxe;", 1)
    with pytest.raises(UnsafeDocxError, match="DTD"):
        import_docx_bytes(_rezip(seed_docx, replace={"word/document.xml": poisoned}))


def test_entity_expansion_in_any_part_is_refused(seed_docx: bytes) -> None:
    types = zipfile.ZipFile(io.BytesIO(seed_docx)).read("[Content_Types].xml")
    poisoned = LAUGHS + types[types.index(b"<Types") :]
    with pytest.raises(UnsafeDocxError, match="DTD"):
        import_docx_bytes(_rezip(seed_docx, replace={"[Content_Types].xml": poisoned}))
    rels = zipfile.ZipFile(io.BytesIO(seed_docx)).read("word/_rels/document.xml.rels")
    with pytest.raises(UnsafeDocxError, match="DTD"):
        poisoned = LAUGHS + rels[rels.index(b"<Relationships") :]
        import_docx_bytes(_rezip(seed_docx, replace={"word/_rels/document.xml.rels": poisoned}))


def test_doctype_hidden_in_utf16_is_refused(seed_docx: bytes) -> None:
    xml = _document_xml(seed_docx).decode("utf-8")
    body = xml[xml.index("<w:document") :]
    utf16 = ('<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE w:document [<!ENTITY a "b">]>\n' + body).encode("utf-16")
    with pytest.raises(UnsafeDocxError, match="DTD"):
        import_docx_bytes(_rezip(seed_docx, replace={"word/document.xml": utf16}))


def test_encrypted_entries_are_refused(seed_docx: bytes) -> None:
    data = bytearray(seed_docx)
    position = data.find(b"PK\x01\x02")  # first central directory record: set the "encrypted" flag
    data[position + 8] |= 0x1
    with pytest.raises(UnsafeDocxError, match="加密"):
        import_docx_bytes(bytes(data))


def test_a_password_protected_docx_is_named_encrypted_not_an_old_doc() -> None:
    # Word keeps a password-protected .docx in an OLE compound file, as old .doc files are kept:
    # "save it as .docx" would not help; removing the password does.
    directory_entry = "EncryptedPackage".encode("utf-16-le").ljust(64, b"\0")
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + "EncryptionInfo".encode("utf-16-le").ljust(128, b"\0")
    data += directory_entry + b"\0" * 4096
    with pytest.raises(UnsafeDocxError, match=r"设置了打开密码（已加密）.*取消密码") as refused:
        import_docx_bytes(data, "去年报告.docx")
    assert "旧的 .doc" not in str(refused.value)


def test_a_dtd_the_byte_scan_misses_is_still_refused_and_never_resolved(seed_docx: bytes, monkeypatch, tmp_path) -> None:
    # Second line of defence: switch the byte scan off; the parsed part still must not pass, and
    # parsing must not have read the file the entity points to.
    secret = tmp_path / "secret.txt"
    secret.write_text("机密内容", encoding="utf-8")
    xml = _document_xml(seed_docx)
    body = xml[xml.index(b"<w:document") :].replace("评价年度".encode(), b"&xxe;", 1)
    doctype = f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n'.encode()
    poisoned = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + doctype + body
    monkeypatch.setattr(input_files, "_DTD_MARKERS", re.compile(rb"(?!x)x"))
    with pytest.raises(UnsafeDocxError, match="DTD") as refused:
        import_docx_bytes(_rezip(seed_docx, replace={"word/document.xml": poisoned}))
    assert "机密内容" not in str(refused.value)


def test_python_docx_parser_resolves_no_entities() -> None:
    from docx.oxml.parser import oxml_parser

    root = etree.fromstring(b'<!DOCTYPE r [<!ENTITY e "expanded">]><r>&e;</r>', oxml_parser)
    assert "expanded" not in etree.tostring(root).decode()


def _xlsx_bytes() -> bytes:
    import openpyxl

    buffer = io.BytesIO()
    openpyxl.Workbook().save(buffer)
    return buffer.getvalue()


def test_a_file_of_another_kind_is_named_for_what_it_is(tmp_path, seed_docx: bytes) -> None:
    # The officer picked the wrong file: say which file it is, not that a Word part is missing.
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import write_new_year_file

    year_file = tmp_path / "2024年度.zjd"
    write_new_year_file(year_file, demo_year())
    cases = {
        "评分表.docx": (_xlsx_bytes(), "是 Excel 工作簿，不是 Word 文档"),
        "2024年度.docx": (year_file.read_bytes(), "是 zjdesk 的年度文件（.zjd）"),
        "报告.pdf": (b"%PDF-1.7\n" + b"0" * 100, "是 PDF 文件"),
        "~$报告.docx": (b"\x06zjdesk" + b"\x00" * 155, "临时锁定文件"),
    }
    for name, (data, said) in cases.items():
        with pytest.raises(DamagedDocxError) as raised:
            import_docx_bytes(data, name)
        assert said in str(raised.value), name
        assert "document.xml" not in str(raised.value)
    # and a Word report given where an Excel sheet is asked for
    from zjdesk.store.goal_xlsx import GoalSheetError, read_goal_sheet

    report = tmp_path / "去年报告.xlsx"
    report.write_bytes(seed_docx)
    with pytest.raises(GoalSheetError, match="是 Word 文档，不是 Excel 工作簿"):
        read_goal_sheet(report, [])
