"""Indicator sets as data: their JSON form and the reference set that ships in ``resources/indicators``.

An indicator-set file is ``{"format": "zjdesk-indicator-set", "format_version": 1,
"indicator_set": {...}}`` where ``indicator_set`` has the fields of
:class:`~zjdesk.domain.model.IndicatorSet` exactly as in a year's JSON (``docs/year-json.md``).
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.limits import DECIMAL, NumberError, check_number
from zjdesk.domain.model import Indicator, IndicatorSet, ScoringRule
from zjdesk.domain.scoring_rules import round_score
from zjdesk.domain.serialize import FormatError, from_plain, to_plain
from zjdesk.resources import resource_path

SET_FORMAT_NAME = "zjdesk-indicator-set"
SET_FORMAT_VERSION = 1
REFERENCE_FILE = ("indicators", "reference-set.json")


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
        raise FormatError('这不是 zjdesk 指标体系的 JSON 文件（缺少 "format": "zjdesk-indicator-set"）。')
    version = document.get("format_version")
    if not isinstance(version, int) or version > SET_FORMAT_VERSION:
        raise FormatError(f"此指标体系文件的格式版本（{version}）高于本程序支持的版本，请升级 zjdesk。")
    indicator_set: IndicatorSet = from_plain(IndicatorSet, document.get("indicator_set"), "indicator_set")
    return indicator_set


@cache
def _reference_text() -> str:
    return resource_path(*REFERENCE_FILE).read_text(encoding="utf-8")


def reference_indicator_set() -> IndicatorSet:
    """A fresh copy of the shipped reference set (参考指标体系, not any bureau's official table)."""
    return copy.deepcopy(_cached_reference())


@cache
def _cached_reference() -> IndicatorSet:
    return indicator_set_loads(_reference_text())


@dataclass
class ImportedRow:
    """One indicator row read from a sheet (see :mod:`zjdesk.store.indicator_xlsx`)."""

    row_number: int
    level1: str
    level2: str
    level3: str
    weight: Decimal
    explanation: str = ""
    criteria: str = ""
    rule: Any = None  # the 计分规则 column's JSON, when the sheet has one


def rescale_rule(rule: ScoringRule, old_weight: Decimal, new_weight: Decimal) -> ScoringRule:
    """A copy of ``rule`` for an indicator whose weight changes: band points scale with the weight.

    The other rule kinds derive their points from the weight already (linear and checklist deduct
    from it, pro rata multiplies it), so only bands change.
    """
    rescaled = copy.deepcopy(rule)
    if rule.kind == "bands" and old_weight > 0 and new_weight != old_weight:
        for band in rescaled.bands:
            band.points = round_score(band.points * new_weight / old_weight)
    return rescaled


def _normal(name: str) -> str:
    return "".join(name.split()).replace('"', "").replace("“", "").replace("”", "")


def rows_to_indicator_set(rows: list[ImportedRow], current: IndicatorSet, info: dict[str, str], filename: str) -> IndicatorSet:
    """Build the set a sheet describes.

    Each row's rule is the sheet's 计分规则 when given; otherwise the rule of the indicator of the same
    name in ``current`` (whose judged score and 扣分原因 come along too), else in the reference set, else
    judged. Caps, grades and region rules are those of ``current``, or the reference set's when
    ``current`` is empty.
    """
    reference = reference_indicator_set()
    current_by_name = {_normal(item.level3): item for item in current.indicators}
    reference_by_name = {_normal(item.level3): item for item in reference.indicators}
    problems = []
    indicators: list[Indicator] = []
    codes: set[str] = set()
    for row in rows:
        existing = current_by_name.get(_normal(row.level3))
        known = existing or reference_by_name.get(_normal(row.level3))
        if row.rule is not None:
            try:
                rule = from_plain(ScoringRule, row.rule, "rule")
            except FormatError as error:
                problems.append(f"第{row.row_number}行（{row.level3}）：计分规则有误（{error}）")
                continue
        elif known is not None:
            rule = rescale_rule(known.rule, known.weight, row.weight)
        else:
            rule = ScoringRule(kind="judged")
        code = known.code if known is not None and known.code not in codes else f"row{row.row_number}"
        codes.add(code)
        indicator = Indicator(
            code=code,
            level1=row.level1,
            level2=row.level2,
            level3=row.level3,
            weight=row.weight,
            explanation=row.explanation,
            criteria=row.criteria,
            rule=rule,
        )
        if existing is not None:
            indicator.judged_score = existing.judged_score
            indicator.deduction_reason = existing.deduction_reason
            indicator.checklist_met = list(existing.checklist_met)
            indicator.violations = existing.violations
        indicators.append(indicator)
    if problems:
        raise FormatError(f"{filename} 有 {len(problems)} 处需要修改，未导入：" + "；".join(problems))
    template = current if (current.indicators or current.caps or current.grades) else reference
    source = info.get("来源") or f"从 {filename} 导入"
    try:
        total = Decimal(normalise_width(info.get("总分", "")).strip()) if info.get("总分") else template.total_weight
        check_number(total, DECIMAL, info.get("总分"))
    except (InvalidOperation, NumberError):  # an unreadable 总分 in the 说明 sheet: the set's usual total
        total = template.total_weight
    return IndicatorSet(
        name=info.get("名称") or filename.rsplit(".", 1)[0],
        source=source,
        is_reference=source == reference.source,
        total_weight=total,
        caps=copy.deepcopy(template.caps),
        grades=copy.deepcopy(template.grades),
        indicators=indicators,
        region_rules=copy.deepcopy(template.region_rules),
    )
