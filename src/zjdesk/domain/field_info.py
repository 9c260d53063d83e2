"""What the model declares about a field beside its type: its name, unit, limits and where it goes.

A field of :mod:`zjdesk.domain.model` that the officer fills in with a number (every figure of the
数据表, every count of people) is declared with :func:`amount`, :func:`percent`, :func:`count` or
:func:`breakdown`, which attach a :class:`FieldInfo` to the dataclass field. That declaration is the
one home of the field's facts; the form rows, the data sheet, the checks, the rates' wording, carry
forward and the Word importer all read them through :mod:`zjdesk.domain.registry`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Literal

FieldKind = Literal["amount", "percent", "count", "breakdown", "text", "date", "list"]
# What 结转新年度 does with a field: keep it (to be reviewed), start it empty, or fill it from a
# field of last year (``carry_from``).
Carry = Literal["keep", "empty", "from"]

METADATA_KEY = "zjdesk"


@dataclass(frozen=True)
class FieldInfo:
    """The facts of one field, declared once on the model."""

    label: str  # the field's name wherever it is shown: form, data sheet, checks, messages
    kind: FieldKind = "text"
    unit: str = ""  # 万元, 人, 名, %
    signed: bool = False  # may be below zero (预算调整数: a reduction is negative)
    carry: Carry = "keep"
    carry_from: str = ""  # with carry="from": the field (same part) whose last-year value this takes
    sheet_group: str = ""  # the data sheet's group the field is printed in ("" = not on the sheet)
    sheet_parts: tuple[str, ...] = ()  # for a breakdown: the parts printed under its total
    sheet_note: str = ""  # the data sheet's 说明 for this row
    words: tuple[str, ...] = ()  # how reports name it in prose (regular expressions, most specific first)
    hint: str = ""  # the form's tooltip


def _declared(info: FieldInfo, **field_arguments: Any) -> Any:
    return dataclasses.field(metadata={METADATA_KEY: info}, **field_arguments)


def amount(label: str, **facts: Any) -> Any:
    """An amount in 万元 (``Decimal | None``, unknown by default; a new year starts it empty)."""
    facts.setdefault("carry", "empty")
    return _declared(FieldInfo(label, kind="amount", unit="万元", **facts), default=None)


def percent(label: str, **facts: Any) -> Any:
    """A percentage as reported (``Decimal | None``; a new year starts it empty)."""
    facts.setdefault("carry", "empty")
    return _declared(FieldInfo(label, kind="percent", unit="%", **facts), default=None)


def count(label: str, unit: str = "人", **facts: Any) -> Any:
    """A whole number of people or items (``int | None``)."""
    return _declared(FieldInfo(label, kind="count", unit=unit, **facts), default=None)


def breakdown(label: str, factory: Any, **facts: Any) -> Any:
    """An amount split into 基本支出 / 项目支出 / 其他支出 (a :class:`~zjdesk.domain.model.Breakdown`)."""
    facts.setdefault("carry", "empty")
    return _declared(FieldInfo(label, kind="breakdown", unit="万元", **facts), default_factory=factory)


def labelled(label: str, default: Any = "", *, factory: Any = None, kind: FieldKind = "text", **facts: Any) -> Any:
    """Any other field that the checks or the forms name (评价单位, 填报日期, 评价小组组长 …)."""
    info = FieldInfo(label, kind=kind, **facts)
    if factory is not None:
        return _declared(info, default_factory=factory)
    return _declared(info, default=default)


def info_of(field: dataclasses.Field[Any]) -> FieldInfo | None:
    """The declared facts of a dataclass field, if it has any."""
    info = field.metadata.get(METADATA_KEY)
    return info if isinstance(info, FieldInfo) else None
