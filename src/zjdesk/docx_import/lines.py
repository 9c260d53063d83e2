"""The document as plain text lines, in reading order: paragraphs and table rows.

Only text matters to the importer: fonts, numbering styles and layout are ignored. A soft line
break inside a paragraph starts a new line, as a person reading the page would see it. A table
row of two cells becomes ``左：右`` (how team lists are often laid out); longer rows are joined
with spaces. Empty lines are dropped.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterator, Sequence

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from zjdesk.docx_import.errors import DamagedDocxError, UnsafeDocxError
from zjdesk.docx_import.numbering import ListNumbering

# libxml2's XML_ERR_RESOURCE_LIMIT: a text node over 10 MB or elements nested over 256 deep. Word
# writes neither, and saving the file again would not shorten them: not "damaged", too large.
_XML_RESOURCE_LIMIT = 114
# Strict Open XML (ISO/IEC 29500 Strict) names everything in this namespace; python-docx reads only
# the transitional one Word writes by default.
_STRICT_NAMESPACE = b"http://purl.oclc.org/ooxml/"
# Word's tables have at most 63 columns.
MAX_TABLE_COLUMNS = 63
_GRID_SPAN = qn("w:gridSpan")
_VALUE = qn("w:val")
_PARAGRAPH = qn("w:p")
_TABLE = qn("w:tbl")
_SDT = qn("w:sdt")
_SDT_CONTENT = qn("w:sdtContent")


def open_document(data: bytes, name: str) -> Document:
    """Parse checked .docx bytes with python-docx; any failure becomes a Chinese message.

    python-docx's lxml parser resolves no entities and loads no DTD or network resource; a part
    that still carries a DOCTYPE after parsing (declared in an encoding the byte scan of
    :mod:`.safety` cannot read) is refused as well.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        declares_dtd = any(_declares_dtd(part) for part in document.part.package.iter_parts())
        _bound_column_spans(document)
    except Exception as error:  # python-docx raises many kinds on damaged input; the user needs one message
        if isinstance(error, SyntaxError) and getattr(error, "code", None) == _XML_RESOURCE_LIMIT:
            raise UnsafeDocxError(
                f"“{name}”的正文超出了一份报告的规模（例如一段文字超过约 300 万字，或内容层层嵌套超过 256 层），"
                "已拒绝导入：请在 Word/WPS 中把过长的段落拆开或删去，再导入。"
            ) from error
        if _is_strict_open_xml(data):
            raise DamagedDocxError(
                f"“{name}”是“Strict Open XML 文档”格式，本程序不能读取：请在 Word 中打开它，另存为“Word 文档（*.docx）”后再导入。"
            ) from error
        raise DamagedDocxError(
            f"“{name}”无法作为 Word 文档读取（文件已损坏或不是 Word 文档）：请在 Word/WPS 中打开并另存为 .docx 后再导入。"
        ) from error
    if declares_dtd:
        raise UnsafeDocxError(f"“{name}”中的部件声明了 DTD/外部实体（Word 不会这样写），可能有安全风险，已拒绝导入。")
    return document


def _bound_column_spans(document: Document) -> None:
    """Cap each cell's column span at what Word can make: python-docx repeats a cell once per spanned column.

    A ``gridSpan`` of 100,000,000 in a file of a few KB would otherwise hold the import for minutes
    (or exhaust the memory); the text of the cell is the same either way.
    """
    for span in document.element.body.iter(_GRID_SPAN):
        value = span.get(_VALUE) or ""
        if len(value) > 4 or (value.isdigit() and int(value) > MAX_TABLE_COLUMNS):
            span.set(_VALUE, str(MAX_TABLE_COLUMNS))


def _is_strict_open_xml(data: bytes) -> bool:
    """Whether the package names its parts by ISO 29500 Strict's relationships (Word's 另存为 Strict Open XML)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _STRICT_NAMESPACE in archive.read("_rels/.rels")
    except Exception:  # the archive was checked; whatever still fails here is simply not Strict
        return False


def _declares_dtd(part: object) -> bool:
    element = getattr(part, "_element", None)
    if element is None:
        return False
    info = element.getroottree().docinfo
    return bool(info.doctype) or info.internalDTD is not None or info.externalDTD is not None


def _block_items(parent: object, element: object) -> Iterator[Paragraph | Table]:
    for child in element.iterchildren():  # type: ignore[attr-defined]
        if child.tag == _PARAGRAPH:
            yield Paragraph(child, parent)  # type: ignore[arg-type]
        elif child.tag == _TABLE:
            yield Table(child, parent)  # type: ignore[arg-type]
        elif child.tag == _SDT:
            # Content controls (some templates wrap the whole body in one) hold ordinary paragraphs.
            for content in child.iterchildren(_SDT_CONTENT):
                yield from _block_items(parent, content)


def _paragraph_lines(paragraph: Paragraph, numbering: ListNumbering) -> list[str]:
    text = paragraph.text
    label = numbering.label(paragraph._p)
    if label and text.strip() and not text.lstrip().startswith(label):
        text = label + text.lstrip()  # Word's automatic number, as the reader sees it
    return [part.strip() for part in text.replace("\r", "\n").split("\n")]


class TableRow(str):
    """A table row of three or more cells, read as one line: never a heading.

    The goal table's header 绩效目标 一级指标 二级指标 … read as the heading 绩效目标 followed by its text,
    and every row below it became a goal of the year.
    """


class UnreadTableRow(TableRow):
    """A line of a goal table that could not be read (its caption, or any of its rows): 未识别内容 wherever it stands.

    Read as text, its rows were glued onto the last item of the part above the table (an attached
    table after 改进措施 became part of the last improvement).
    """


def _table_lines(table: Table, numbering: ListNumbering, depth: int = 0) -> list[str]:
    lines: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is reported once per grid column
                continue
            seen.add(id(cell._tc))
            text = " ".join(line for line in _cell_lines(cell, numbering, depth) if line)
            if text:
                cells.append(text)
        if len(cells) == 2 and not cells[0].endswith(("：", ":")):
            lines.append(f"{cells[0]}：{cells[1]}")
        elif len(cells) > 2:
            lines.append(TableRow(" ".join(cells)))
        elif cells:
            lines.append(" ".join(cells))
    return lines


def _cell_lines(cell: object, numbering: ListNumbering, depth: int) -> list[str]:
    lines: list[str] = []
    for item in _block_items(cell, cell._tc):  # type: ignore[attr-defined]
        if isinstance(item, Paragraph):
            lines.extend(_paragraph_lines(item, numbering))
        elif depth < 3:  # nested tables: read a few levels, never recurse without bound
            lines.extend(_table_lines(item, numbering, depth + 1))
    return lines


def _is_one_of(table: Table, tables: Sequence[Table]) -> bool:
    return any(table._tbl is other._tbl for other in tables)


def _caption_apart(lines: list[str], is_caption: Callable[[str], bool]) -> list[str]:
    """Take the caption of a table (附件：…绩效目标完成情况表, and a 单位名称： line under it) off the end of ``lines``."""
    for size in (1, 2):
        below = lines[len(lines) - size + 1 :]
        if len(lines) >= size and is_caption(lines[-size]) and all(_is_unit_line(line) for line in below):
            caption = lines[-size:]
            del lines[-size:]
            return caption
    return []


def _is_unit_line(line: str) -> bool:
    return line.startswith(("单位名称", "填报单位", "编制单位", "单位：", "单位:", "评价年度"))


def document_lines(
    document: Document,
    skip: Sequence[Table] = (),
    rows: Sequence[Table] = (),
    is_caption: Callable[[str], bool] = lambda _line: False,
) -> list[str]:
    """Every non-empty line of the body, in order, stripped of surrounding whitespace.

    The tables in ``skip`` (read as tables elsewhere: the goal table) give no lines; every line of
    the tables in ``rows`` (a goal table that could not be read) is an :class:`UnreadTableRow`. The paragraph
    just before such a table, when ``is_caption`` says it is the table's title, goes with its table.
    """
    lines: list[str] = []
    numbering = ListNumbering.of(document)
    body = document.element.body
    for item in _block_items(document, body):
        if isinstance(item, Paragraph):
            lines.extend(line for line in _paragraph_lines(item, numbering) if line)
        elif _is_one_of(item, rows):
            caption = _caption_apart(lines, is_caption)
            lines.extend(UnreadTableRow(line) for line in [*caption, *_table_lines(item, numbering)])
        elif _is_one_of(item, skip):
            _caption_apart(lines, is_caption)
        else:
            lines.extend(_table_lines(item, numbering))
    return [line for line in lines if line]
