"""The text layer of the PDFs Qt writes: copying, searching and 预决算公开 must give the report's real text.

Qt's PDF writer gives CJK glyphs the code points of Kangxi and supplement radicals in the fonts'
``/ToUnicode`` CMaps (see :mod:`zjdesk.report.glyph_text`): the page shows 工 while the text says ⼯.
Here those CMaps are rewritten, through pypdf, with the characters the renderer really drew; nothing
else changes (pages, page sizes, fonts and their embedding stay as Qt wrote them).
"""

from __future__ import annotations

import io
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DictionaryObject, IndirectObject, PdfObject, StreamObject

from zjdesk.domain.errors import UserError
from zjdesk.report.glyph_text import TextFixes

_MAPPING_SECTION = re.compile(rb"(\d+)\s+begin(bfchar|bfrange)(.*?)endbf(?:char|range)", re.DOTALL)
_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|\[|\]")
_ENTRIES_PER_SECTION = 100  # the CMap format allows at most 100 entries per begin…end section


def repair_text_layer(pdf: bytes, fixes: TextFixes) -> bytes:
    """``pdf`` with the ``/ToUnicode`` CMaps of its fonts corrected by ``fixes``; unchanged bytes when nothing applies."""
    if not any(fixes.values()):
        return pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    fallback = _agreed_fixes(fixes)
    changed = False
    for font in _type0_fonts(writer):
        name = str(font.get("/BaseFont", "")).lstrip("/")
        name = name.split("+", 1)[1] if re.match(r"[A-Z]{6}\+", name) else name
        to_unicode = font.get("/ToUnicode")
        if to_unicode is None:
            continue
        stream = to_unicode.get_object()
        if not isinstance(stream, StreamObject):
            continue
        repaired = repair_cmap(stream.get_data(), fixes.get(name, fallback))
        if repaired is not None:
            stream.set_data(repaired)
            changed = True
    if not changed:
        return pdf
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


class PdfTextError(UserError):
    """A PDF file was printed but its text layer could not be written back."""


def repair_pdf_file(path: str | os.PathLike[str], fixes: TextFixes) -> None:
    """Repair the text layer of the PDF file at ``path`` in place (a temporary file moved over it)."""
    target = Path(path)
    name = ""
    try:
        original = target.read_bytes()
        repaired = repair_text_layer(original, fixes)
        if repaired is original:
            return
        descriptor, name = tempfile.mkstemp(prefix=".zjdesk-", suffix=".pdf.tmp", dir=target.parent)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(repaired)
        os.chmod(name, target.stat().st_mode & 0o7777)
        os.replace(name, target)
    except OSError as error:
        if name:
            Path(name).unlink(missing_ok=True)
        raise PdfTextError(
            f"PDF 文件“{target.name}”已生成，但无法写入其中的文字（{error.strerror}）：复制或检索时文字可能不正确。"
            "请确认该文件没有在其他程序中打开、文件夹可以写入，然后重新打印。"
        ) from error


def text_layer_characters(pdf: bytes) -> set[str]:
    """Every character the fonts' ``/ToUnicode`` CMaps of ``pdf`` can give (what copying its text can yield)."""
    characters: set[str] = set()
    for font in _type0_fonts(PdfReader(io.BytesIO(pdf))):
        to_unicode = font.get("/ToUnicode")
        stream = to_unicode.get_object() if to_unicode is not None else None
        if isinstance(stream, StreamObject):
            for section in _MAPPING_SECTION.finditer(stream.get_data()):
                characters.update("".join(text for _code, text in _parse_section(section.group(2), section.group(3))))
    return characters


def _agreed_fixes(fixes: TextFixes) -> dict[str, str]:
    """For a font the renderer did not name: the fixes every named font agrees on."""
    agreed: dict[str, str] = {}
    disputed: set[str] = set()
    for font_fixes in fixes.values():
        for written, drawn in font_fixes.items():
            if agreed.setdefault(written, drawn) != drawn:
                disputed.add(written)
    return {written: drawn for written, drawn in agreed.items() if written not in disputed}


def _type0_fonts(document: PdfReader | PdfWriter) -> Iterator[DictionaryObject]:
    """Every composite font used by the pages and the forms they draw, once each."""
    seen: set[tuple[int, int]] = set()
    pending: list[PdfObject] = [page.get("/Resources") for page in document.pages]
    while pending:
        resources = _resolved(pending.pop(), seen)
        if not isinstance(resources, DictionaryObject):
            continue
        for font in (_resolved(resources.get("/Font"), set()) or {}).values():
            font = _resolved(font, seen)
            if isinstance(font, DictionaryObject) and font.get("/Subtype") == "/Type0":
                yield font
        for form in (_resolved(resources.get("/XObject"), set()) or {}).values():
            form = _resolved(form, seen)
            if isinstance(form, DictionaryObject) and form.get("/Subtype") == "/Form":
                pending.append(form.get("/Resources"))


def _resolved(item: PdfObject | None, seen: set[tuple[int, int]]) -> PdfObject | None:
    """The object behind ``item``; None for an indirect object already in ``seen``."""
    if isinstance(item, IndirectObject):
        key = (item.idnum, item.generation)
        if key in seen:
            return None
        seen.add(key)
        return item.get_object()
    return item


# --- the CMap ------------------------------------------------------------------------------------


def repair_cmap(cmap: bytes, fixes: dict[str, str]) -> bytes | None:
    """The ToUnicode CMap ``cmap`` with each destination text in ``fixes`` replaced; None when nothing changes.

    The mappings are written again as ``bfrange`` entries; the header (code space, CMap name) is kept.
    """
    sections = list(_MAPPING_SECTION.finditer(cmap))
    if not sections or not fixes:
        return None
    mapping: dict[bytes, str] = {}
    for section in sections:
        mapping.update(_parse_section(section.group(2), section.group(3)))
    repaired = {code: fixes.get(text, text) for code, text in mapping.items()}
    if repaired == mapping:
        return None
    ranges = _ranges(sorted(repaired.items(), key=lambda item: (len(item[0]), item[0])))
    body = b"".join(
        b"%d beginbfrange\n" % len(chunk) + b"\n".join(chunk) + b"\nendbfrange\n"
        for chunk in (ranges[start : start + _ENTRIES_PER_SECTION] for start in range(0, len(ranges), _ENTRIES_PER_SECTION))
    )
    return cmap[: sections[0].start()] + body + cmap[sections[-1].end() :].lstrip(b"\r\n")


def _ranges(mapping: list[tuple[bytes, str]]) -> list[bytes]:
    """``<first> <last> [<text> …]`` entries for sorted (code, text) pairs: runs of consecutive codes that differ
    only in their last byte, as the CMap format requires."""
    runs: list[list[tuple[bytes, str]]] = []
    for code, text in mapping:
        last = runs[-1][-1][0] if runs else b""
        if runs and len(last) == len(code) and last[:-1] == code[:-1] and last[-1] + 1 == code[-1]:
            runs[-1].append((code, text))
        else:
            runs.append([(code, text)])
    return [b"%s %s [%s]" % (_hex(run[0][0]), _hex(run[-1][0]), b" ".join(_hex(_utf16(text)) for _, text in run)) for run in runs]


def _hex(value: bytes) -> bytes:
    return b"<" + value.hex().upper().encode() + b">"


def _parse_section(kind: bytes, body: bytes) -> Iterator[tuple[bytes, str]]:
    """(source code, destination text) of every mapping in one bfchar or bfrange section."""
    tokens: list[bytes | list[bytes]] = []
    array: list[bytes] | None = None
    for match in _TOKEN.finditer(body):
        token = match.group(0)
        if token == b"[":
            array = []
        elif token == b"]":
            tokens.append(array or [])
            array = None
        else:
            value = bytes.fromhex(re.sub(rb"\s", b"", match.group(1)).decode())
            (array if array is not None else tokens).append(value)
    if kind == b"bfchar":
        for source, destination in zip(tokens[0::2], tokens[1::2], strict=False):
            if isinstance(source, bytes) and isinstance(destination, bytes):
                yield source, _text(destination)
        return
    for low, high, destination in zip(tokens[0::3], tokens[1::3], tokens[2::3], strict=False):
        if not isinstance(low, bytes) or not isinstance(high, bytes):
            continue
        first, last = int.from_bytes(low, "big"), int.from_bytes(high, "big")
        for offset in range(last - first + 1):
            code = (first + offset).to_bytes(len(low), "big")
            if isinstance(destination, list):
                if offset < len(destination):
                    yield code, _text(destination[offset])
            else:  # consecutive destinations: the last byte counts up
                start = int.from_bytes(destination, "big")
                yield code, _text((start + offset).to_bytes(len(destination), "big"))


def _text(utf16: bytes) -> str:
    return utf16.decode("utf-16-be", errors="surrogatepass")


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", errors="surrogatepass")
