"""The JSON representation of a year (documented in ``docs/year-json.md``).

The document is ``{"format": "zjdesk-year", "format_version": N, "year": {...}}``. Inside
``year`` every dataclass of :mod:`zjdesk.domain.model` becomes an object with the same field
names, lists stay lists, amounts and other decimals are strings (``"1557.15"``: exact, never
float), dates are ``YYYY-MM-DD`` and unknown values are ``null``. Dumping, loading and dumping
again gives byte-identical JSON.
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from zjdesk.domain.errors import UserError
from zjdesk.domain.format_upgrade import upgrade_parts
from zjdesk.domain.limits import NumberError, check_number, number_kind
from zjdesk.domain.model import YearData

FORMAT_NAME = "zjdesk-year"
# 2: goals are objects with their indicator rows (format 1: one line of text each; still read).
FORMAT_VERSION = 2


# Half of a UTF-16 pair on its own: JSON can spell it (\\ud800), no year file (UTF-8) can hold it.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


class FormatError(UserError, ValueError):
    """A JSON document that is not a year; ``str(error)`` is a Chinese message naming the field."""


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def to_plain(value: Any) -> Any:
    """Convert a model value (dataclass, list, Decimal, date, …) to JSON-ready Python."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_plain(kind: Any, data: Any, path: str = "") -> Any:
    """Build a model value of type ``kind`` from JSON-ready Python, checking types on the way."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if data is None:
            return None
        return from_plain(options[0], data, path)
    if origin is list:
        if not isinstance(data, list):
            raise FormatError(f"字段 {path or '（根）'} 应为列表。")
        (item_kind,) = typing.get_args(kind)
        return [from_plain(item_kind, item, f"{path}.{index}") for index, item in enumerate(data)]
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        if not isinstance(data, dict):
            raise FormatError(f"字段 {path or '（根）'} 应为对象。")
        hints = _hints(kind)
        unknown = set(data) - set(hints)
        if unknown:
            raise FormatError(f"字段 {path or '（根）'} 含有未知的项：{'、'.join(sorted(unknown))}。")
        values = {name: from_plain(hints[name], data[name], f"{path}.{name}" if path else name) for name in hints if name in data}
        return kind(**values)
    return _scalar(kind, data, path)


def _scalar(kind: Any, data: Any, path: str) -> Any:
    if kind is Decimal:
        if isinstance(data, bool) or not isinstance(data, (str, int)):
            raise FormatError(f'字段 {path} 应为写成字符串的数字，例如 "1557.15"。')
        try:
            value = Decimal(str(data))
        except InvalidOperation as error:
            raise FormatError(f"字段 {path} 的值“{data}”不是数字。") from error
        return _within_limits(value, path, whole=False)
    if kind is date:
        try:
            return date.fromisoformat(data)
        except (TypeError, ValueError) as error:
            raise FormatError(f"字段 {path} 应为 YYYY-MM-DD 格式的日期。") from error
    if kind is bool:
        if not isinstance(data, bool):
            raise FormatError(f"字段 {path} 应为 true 或 false。")
        return data
    if kind is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise FormatError(f"字段 {path} 应为整数。")
        return _within_limits(data, path, whole=True)
    if kind is str:
        if not isinstance(data, str):
            raise FormatError(f"字段 {path} 应为文字。")
        if _LONE_SURROGATE.search(data):
            raise FormatError(
                f"字段 {path} 含有无法保存的字符（不成对的代理字符，多为复制时损坏的表情或生僻字）：请删除或重新输入该处文字。"
            )
        return data
    raise TypeError(f"unsupported field type {kind!r} at {path}")  # a model bug, not user input


def _within_limits(value: Any, path: str, *, whole: bool) -> Any:
    """The one range check of :mod:`zjdesk.domain.limits`, naming the field in its message."""
    try:
        return check_number(value, number_kind(path, whole))
    except NumberError as error:
        raise FormatError(f"字段 {path} 的值{error}") from error


def year_to_document(year: YearData) -> dict[str, Any]:
    """The whole JSON document of a year."""
    return {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "year": to_plain(year)}


def year_from_document(document: Any) -> YearData:
    """Read a year from a JSON document, refusing anything else with a Chinese message."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise FormatError('这不是 zjdesk 年度数据的 JSON 文件（缺少 "format": "zjdesk-year"）。')
    version = document.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise FormatError(f"此 JSON 文件的格式版本（{version}）无法识别：请使用 zjdesk dump 导出的文件。")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"此 JSON 文件由更新版本的 zjdesk 导出（格式版本 {version}，本程序支持到 {FORMAT_VERSION}），请升级 zjdesk 后再导入。"
        )
    upgraded = upgrade_parts(document.get("year"), version, FORMAT_VERSION)
    year: YearData = from_plain(YearData, upgraded, "")
    return year


def dumps(year: YearData) -> str:
    """The year as JSON text: UTF-8 friendly (Chinese as is), indented, stable key order."""
    return json.dumps(year_to_document(year), ensure_ascii=False, indent=2) + "\n"


def loads(text: str) -> YearData:
    """Parse JSON text into a year, with a Chinese message for anything that is not one."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"JSON 格式错误（第 {error.lineno} 行第 {error.colno} 列）：{error.msg}。") from error
    except RecursionError as error:  # thousands of nested brackets: damaged, not a year
        raise FormatError("JSON 文件嵌套层数过多，不是 zjdesk 年度数据：请使用 zjdesk dump 导出的文件。") from error
    except ValueError as error:  # an integer of thousands of digits (Python refuses to convert it)
        raise FormatError("JSON 文件中有上千位的数字，不是 zjdesk 年度数据：请使用 zjdesk dump 导出的文件。") from error
    try:
        return year_from_document(document)
    except RecursionError as error:  # nested thousands deep inside a field the model keeps flat
        raise FormatError("JSON 文件嵌套层数过多，不是 zjdesk 年度数据：请使用 zjdesk dump 导出的文件。") from error


def section_to_json(year: YearData, name: str) -> str:
    """One top-level part of a year as compact JSON (how the year file stores it)."""
    return json.dumps(to_plain(getattr(year, name)), ensure_ascii=False, separators=(",", ":"))


def section_from_json(name: str, text: str) -> Any:
    """Read one top-level part of a year back from its stored JSON."""
    try:
        data = json.loads(text)
        return from_plain(_hints(YearData)[name], data, name)
    except RecursionError as error:  # a damaged part nested thousands deep
        raise FormatError(f"“{name}”部分的内容嵌套层数过多。") from error
    except json.JSONDecodeError as error:
        raise FormatError(f"“{name}”部分不是完整的 JSON（第 {error.lineno} 行第 {error.colno} 列）。") from error
    except FormatError:
        raise
    except ValueError as error:  # an integer of thousands of digits
        raise FormatError(f"“{name}”部分有位数过多的数字。") from error
