"""Indicator sets as data: their JSON form and the reference set that ships in ``resources/indicators``.

An indicator-set file is ``{"format": "zjdesk-indicator-set", "format_version": 1,
"indicator_set": {...}}`` where ``indicator_set`` has the fields of
:class:`~zjdesk.domain.model.IndicatorSet` exactly as in a year's JSON (``docs/year-json.md``).
"""

from __future__ import annotations

import copy
import json
from functools import cache

from zjdesk.domain.model import IndicatorSet
from zjdesk.domain.serialize import FormatError, from_plain, to_plain
from zjdesk.resources import resource_path

SET_FORMAT_NAME = "zjdesk-indicator-set"
SET_FORMAT_VERSION = 1
REFERENCE_FILE = ("indicators", "reference-set.json")
REFERENCE_LABEL = "参考指标体系"


def indicator_set_dumps(indicator_set: IndicatorSet) -> str:
    """An indicator set as JSON text (indented, Chinese as is)."""
    document = {
        "format": SET_FORMAT_NAME,
        "format_version": SET_FORMAT_VERSION,
        "indicator_set": to_plain(indicator_set),
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def indicator_set_loads(text: str) -> IndicatorSet:
    """Read an indicator set from JSON text, with a Chinese message for anything else."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"指标体系 JSON 格式错误（第 {error.lineno} 行第 {error.colno} 列）：{error.msg}。") from error
    if not isinstance(document, dict) or document.get("format") != SET_FORMAT_NAME:
        raise FormatError("这不是 zjdesk 指标体系的 JSON 文件（缺少 \"format\": \"zjdesk-indicator-set\"）。")
    version = document.get("format_version")
    if not isinstance(version, int) or version > SET_FORMAT_VERSION:
        raise FormatError(f"此指标体系文件的格式版本（{version}）高于本程序支持的版本，请升级 zjdesk。")
    return from_plain(IndicatorSet, document.get("indicator_set"), "indicator_set")


@cache
def _reference_text() -> str:
    return resource_path(*REFERENCE_FILE).read_text(encoding="utf-8")


def reference_indicator_set() -> IndicatorSet:
    """A fresh copy of the shipped reference set (参考指标体系, not any bureau's official table)."""
    return copy.deepcopy(_cached_reference())


@cache
def _cached_reference() -> IndicatorSet:
    return indicator_set_loads(_reference_text())
