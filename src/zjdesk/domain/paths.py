"""Dotted field paths: the one way checks, the UI and tests name a field of a year.

A path follows the JSON representation: ``cover.unit_name``, ``tasks.0.points.1.text``,
``figures.final_expenditure.basic``. List items are addressed by their index.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any


class PathError(KeyError):
    """A path that does not name a field of the year."""


def _step(container: Any, part: str, path: str) -> Any:
    if isinstance(container, list):
        try:
            return container[int(part)]
        except (ValueError, IndexError) as error:
            raise PathError(path) from error
    if dataclasses.is_dataclass(container) and part in {f.name for f in dataclasses.fields(container)}:
        return getattr(container, part)
    raise PathError(path)


def get_value(root: Any, path: str) -> Any:
    """The value at ``path`` under ``root`` (a year or any part of it)."""
    value = root
    for part in path.split("."):
        value = _step(value, part, path)
    return value


def set_value(root: Any, path: str, value: Any) -> None:
    """Replace the value at ``path`` under ``root``."""
    parent_path, _, last = path.rpartition(".")
    parent = get_value(root, parent_path) if parent_path else root
    if isinstance(parent, list):
        try:
            parent[int(last)] = value
        except (ValueError, IndexError) as error:
            raise PathError(path) from error
    elif dataclasses.is_dataclass(parent) and last in {f.name for f in dataclasses.fields(parent)}:
        setattr(parent, last, value)
    else:
        raise PathError(path)


def iter_text_fields(root: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every (path, text) of a string field under ``root``, in model order."""
    if dataclasses.is_dataclass(root) and not isinstance(root, type):
        for item in dataclasses.fields(root):
            yield from iter_text_fields(getattr(root, item.name), f"{prefix}.{item.name}" if prefix else item.name)
    elif isinstance(root, list):
        for index, item in enumerate(root):
            yield from iter_text_fields(item, f"{prefix}.{index}" if prefix else str(index))
    elif isinstance(root, str):
        yield prefix, root


def _is_filled(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return isinstance(value, int | Decimal | date) and not isinstance(value, bool)


def iter_filled_fields(root: Any, prefix: str = "") -> Iterator[tuple[str, Any]]:
    """Every (path, value) of a filled leaf under ``root``: a non-blank text, a number, an amount, a date.

    Flags (``bool``) and unknown values (``None``) are not filled-in values of the report.
    """
    if dataclasses.is_dataclass(root) and not isinstance(root, type):
        for item in dataclasses.fields(root):
            yield from iter_filled_fields(getattr(root, item.name), f"{prefix}.{item.name}" if prefix else item.name)
    elif isinstance(root, list):
        for index, item in enumerate(root):
            yield from iter_filled_fields(item, f"{prefix}.{index}" if prefix else str(index))
    elif _is_filled(root):
        yield prefix, root
