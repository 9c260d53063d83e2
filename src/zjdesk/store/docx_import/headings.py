"""Recognising the report's headings in all the ways people type them.

A heading is recognised by its words, not by its number: the number may be present (一、（一）1.
（1）, full- or half-width brackets), missing, or out of sequence, and the heading's text may
follow on the same line (``（一）评价小组情况。为进一步…``). A numbered heading glued to the end of
the previous paragraph (``…组长审定。 （三）自评材料报送时间及质量。``) is split off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# key, level, Chinese name, pattern of the heading's words (variants seen in real reports)
HEADING_TABLE: tuple[tuple[str, int, str, str], ...] = (
    ("basic", 1, "单位基本情况", r"(?:单位|部门)基本情况"),
    ("work", 1, "自评工作开展情况", r"(?:绩效)?自评工作(?:开展|组织)情况"),
    ("self", 1, "绩效自评情况", r"绩效自评(?:情况|结果及分析)"),
    ("other", 1, "其他自评情况", r"其他(?:自评)?(?:情况|需要说明的(?:情况|问题))"),
    ("profile", 2, "单位机构设置、部门职能情况", r"(?:单位|部门)?机构设置[、，,及和与]?\s*(?:部门|单位)?(?:主要)?职能(?:情况)?"),
    ("tasks", 2, "年度总体工作和重点工作任务", r"(?:年度)?总体工作[和及与、]?\s*重点工作(?:任务)?|(?:年度)?重点工作任务"),
    ("goals", 2, "部门整体支出绩效目标", r"(?:部门)?整体支出(?:绩效)?目标|(?:年度)?绩效目标"),
    ("figures", 2, "部门整体支出情况", r"(?:部门)?整体支出(?:情况|规模)"),
    ("team", 2, "评价小组情况", r"(?:绩效)?(?:自评|评价)(?:工作)?小组(?:情况|组成)?"),
    ("process", 2, "自评工作过程", r"自评工作(?:过程|开展过程)"),
    ("submission", 2, "自评材料报送时间及质量", r"自评材料报送时间[及和与、]?\s*质量(?:情况)?"),
    ("disclosure", 2, "自评材料报送及公开一致情况", r"自评材料报送[及和与、]?\s*公开一致(?:性)?(?:情况)?"),
    ("result", 2, "自评结果", r"(?:绩效)?自评结果"),
    ("analysis", 2, "部门整体支出绩效指标分析", r"(?:部门)?(?:整体支出)?绩效指标(?:分析|完成情况分析)"),
    ("practices", 2, "主要做法和经验", r"主要(?:做法[和及与、]?\s*经验|经验[和及与、]?\s*做法|做法)"),
    ("problems", 2, "存在问题", r"存在(?:的)?(?:主要)?问题"),
    ("improvements", 2, "改进措施", r"(?:改进|整改)(?:措施|建议|意见)(?:及建议)?"),
    ("budgeting", 3, "预算编制情况", r"预算编制(?:情况)?"),
    ("execution", 3, "预算执行情况", r"预算执行(?:情况)?"),
    ("supervision", 3, "预算监督情况", r"预算(?:监督|管理)(?:情况)?"),
    # Indicator groups beyond the three (the zjdesk export writes one heading per group of the set).
    ("performance", 3, "履职效益情况", r"履职效益(?:情况)?"),
    # The data sheet and score sheet printed after the report: generated from the figures and scores.
    ("sheets", 1, "数据表和评分表", r"(?:部门整体支出)?(?:绩效)?自评(?:数据表|评分表)"),
)

# The report's order (DESIGN §2): sections are read in this order whatever order the file has.
REPORT_ORDER = (
    "basic",
    "profile",
    "tasks",
    "goals",
    "figures",
    "work",
    "team",
    "process",
    "submission",
    "disclosure",
    "self",
    "result",
    "analysis",
    "budgeting",
    "execution",
    "supervision",
    "performance",
    "practices",
    "problems",
    "improvements",
    "other",
    "sheets",
)
HEADING_NAMES = {key: name for key, _, name, _ in HEADING_TABLE}
HEADING_LEVELS = {key: level for key, level, _, _ in HEADING_TABLE}

_CHINESE_NUMBER = "一二三四五六七八九十"
# Any heading number of any level: 一、 （一） (一) 一. 1. 1、 （1） 第一部分 …
NUMBER = (
    rf"(?:第[{_CHINESE_NUMBER}]{{1,3}}(?:部分|节)?\s*[、.．:：]?"
    rf"|[{_CHINESE_NUMBER}]{{1,3}}\s*[、.．]"
    rf"|[（(]\s*[{_CHINESE_NUMBER}\d]{{1,3}}\s*[）)]\s*[、.．]?"
    r"|\d{1,2}\s*[、.．](?!\d))"
)
_SEPARATOR = r"(?P<sep>\s*[。．.：:；;，,]|\s+|$)"

_PATTERNS = [
    (key, re.compile(rf"^(?P<number>{NUMBER})?\s*(?P<words>{words}){_SEPARATOR}\s*(?P<rest>.*)$", re.DOTALL))
    for key, _, _, words in HEADING_TABLE
]
_ANY_WORDS = "|".join(f"(?:{words})" for _, _, _, words in HEADING_TABLE)
# A numbered heading after the end of a sentence, or an unnumbered one after a wide gap.
_MID_LINE = re.compile(
    rf"(?:(?<=[。；;！!？?])|\s)\s*(?={NUMBER}\s*(?:{_ANY_WORDS})(?:\s*[。．.：:]|\s|$))"
    rf"|\s{{2,}}(?=(?:{_ANY_WORDS})\s*[。：:])"
)


@dataclass(frozen=True)
class Heading:
    """A recognised heading: which one, whether it was numbered, and any text after it on the line."""

    key: str
    numbered: bool
    rest: str

    @property
    def level(self) -> int:
        """1 for 一、, 2 for （一）, 3 for 1."""
        return HEADING_LEVELS[self.key]

    @property
    def name(self) -> str:
        """The heading's standard words."""
        return HEADING_NAMES[self.key]


def match_heading(line: str) -> Heading | None:
    """The heading ``line`` starts with, or ``None``."""
    for key, pattern in _PATTERNS:
        found = pattern.match(line)
        if found is None:
            continue
        rest = found.group("rest").strip()
        number = found.group("number") or ""
        if HEADING_LEVELS[key] < 3 and rest and any(char.isdigit() for char in number):
            # "（2）存在问题：…" inside a task is a point, not the 存在问题 heading with its text.
            continue
        if HEADING_LEVELS[key] == 3 and not found.group("number") and rest and not found.group("sep").strip():
            # "预算执行 严格…" without a number is too likely to be ordinary text.
            continue
        return Heading(key=key, numbered=bool(found.group("number")), rest=rest)
    return None


def split_glued_headings(line: str) -> list[str]:
    """Split ``line`` before every heading glued onto the end of a previous sentence."""
    parts: list[str] = []
    start = 0
    for found in _MID_LINE.finditer(line):
        cut = found.end()
        if cut <= start or not line[start:cut].strip():
            continue
        parts.append(line[start:cut].strip())
        start = cut
    parts.append(line[start:].strip())
    return [part for part in parts if part]
