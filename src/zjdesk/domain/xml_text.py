"""Text that XML can hold: the .docx and .xlsx renderers write every outline string through here.

Text pasted into the program (from a PDF, a web page, another program's clipboard) can carry
control characters such as a vertical tab or a NUL, or a lone surrogate. XML 1.0 — and so Word
and Excel files — cannot hold them: python-docx and openpyxl raise on them. They print as
nothing anyway, so the renderers drop them instead of failing the export.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar

# Everything outside XML 1.0's Char production (tab, newline and carriage return are allowed).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

T = TypeVar("T")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def xml_safe_copy(value: T) -> T:
    """A copy of an outline value (dataclass, tuple, list, str) with every string made XML-safe."""
    cleaned: T = _clean(value)
    return cleaned


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return xml_safe(value)
    if isinstance(value, tuple):
        return tuple(_clean(item) for item in value)
    if isinstance(value, list):
        return [_clean(item) for item in value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {field.name: _clean(getattr(value, field.name)) for field in dataclasses.fields(value) if field.init}
        return dataclasses.replace(value, **changes)
    return value
