"""The field registry: the facts the model declares about its fields, looked up by dotted path.

:mod:`zjdesk.domain.model` declares each figure and each count of people once, with its name, unit,
sign rule, carry-forward rule, data-sheet row and the words reports use for it
(:mod:`zjdesk.domain.field_info`). Everything that shows, checks, carries, prints or reads a field
asks here: the figures form, the data sheet, the checks, the rates' wording, carry forward and the
Word importer. Adding a figure is adding one declared field to :class:`~zjdesk.domain.model.Figures`.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from zjdesk.domain.field_info import FieldInfo, info_of
from zjdesk.domain.model import Breakdown, Figures, YearData

__all__ = [
    "BREAKDOWN_PARTS",
    "DeclaredField",
    "FieldInfo",
    "amount_fields",
    "breakdown_parts",
    "figure_fields",
    "info_at",
    "label_of",
]


@dataclass(frozen=True)
class DeclaredField:
    """A declared field of a part of the year: its attribute name, dotted path and facts."""

    name: str
    path: str
    info: FieldInfo


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _item_type(kind: Any) -> Any:
    """``list[X]`` → X, ``X | None`` → X, anything else unchanged."""
    origin = typing.get_origin(kind)
    if origin is list:
        return typing.get_args(kind)[0]
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        return options[0] if len(options) == 1 else kind
    return kind


@cache
def _info_for_pattern(pattern: str) -> FieldInfo | None:
    owner: Any = YearData
    info: FieldInfo | None = None
    for part in pattern.split("."):
        owner = _item_type(owner)
        if part == "*":
            info = None  # an item of a list has no facts of its own
            continue
        if not (dataclasses.is_dataclass(owner) and isinstance(owner, type)):
            return None
        fields = {item.name: item for item in dataclasses.fields(owner)}
        if part not in fields:
            return None
        info = info_of(fields[part])
        owner = _hints(owner)[part]
    return info


def info_at(path: str) -> FieldInfo | None:
    """The declared facts of the field at ``path`` (``figures.budget.basic``, ``profile.staff.2.actual``)."""
    return _info_for_pattern(".".join("*" if part.isdigit() else part for part in path.split(".")))


def label_of(path: str, default: str = "") -> str:
    """The declared name of the field at ``path``; a breakdown's part reads ``全年预算数的基本支出``."""
    parent, _, last = path.rpartition(".")
    parent_info = info_at(parent) if parent else None
    if parent_info is not None and parent_info.kind == "breakdown":
        if last == "total":
            return parent_info.label
        part = info_at(path)
        return f"{parent_info.label}的{part.label}" if part is not None else default
    info = info_at(path)
    return info.label if info is not None else default


def _declared(cls: type, prefix: str) -> list[DeclaredField]:
    found = []
    for item in dataclasses.fields(cls):
        info = info_of(item)
        if info is not None:
            found.append(DeclaredField(item.name, f"{prefix}.{item.name}", info))
    return found


@cache
def figure_fields() -> tuple[DeclaredField, ...]:
    """Every figure of :class:`~zjdesk.domain.model.Figures`, in declaration (and data-sheet) order."""
    return tuple(_declared(Figures, "figures"))


@cache
def breakdown_parts() -> tuple[DeclaredField, ...]:
    """The parts of a breakdown (合计, 基本支出, 项目支出, 其他支出), with paths relative to the breakdown."""
    return tuple(DeclaredField(item.name, item.name, item.info) for item in _declared(Breakdown, ""))


BREAKDOWN_PARTS: tuple[str, ...] = ("total", "basic", "project", "other")


def amount_fields() -> Iterator[tuple[str, str, FieldInfo]]:
    """(path, name, facts) of every amount of the figures, a breakdown's total and parts included."""
    for figure in figure_fields():
        if figure.info.kind == "breakdown":
            for part in breakdown_parts():
                yield f"{figure.path}.{part.name}", label_of(f"{figure.path}.{part.name}"), part.info
        elif figure.info.kind == "amount":
            yield figure.path, figure.info.label, figure.info


def figure(name: str) -> DeclaredField:
    """The declared figure called ``name`` (``"carry_over"``)."""
    for item in figure_fields():
        if item.name == name:
            return item
    raise KeyError(name)
