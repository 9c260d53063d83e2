"""Every field path pattern of the year model (``tasks.N.points.N.title``), from the dataclasses."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator

from zjdesk.domain.model import YearData


def field_patterns(kind: object = YearData, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(pattern, type name) of every leaf field; list items are written ``N``."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        yield from ((pattern, f"{name} | null") for pattern, name in field_patterns(options[0], prefix))
        return
    if origin is list:
        (item,) = typing.get_args(kind)
        yield from field_patterns(item, f"{prefix}.N")
        return
    if dataclasses.is_dataclass(kind):
        for name, hint in typing.get_type_hints(kind).items():
            yield from field_patterns(hint, f"{prefix}.{name}" if prefix else name)
        return
    yield prefix, getattr(kind, "__name__", str(kind))
