"""Recognising the report's headings in all the ways people type them.

A heading is recognised by its words, not by its number: the number may be present (一、（一）1.
（1）, full- or half-width brackets), missing, or out of sequence, and the heading's text may
follow on the same line (``（一）评价小组情况。为进一步…``). A numbered heading glued to the end of
the previous paragraph (``…组长审定。 （三）自评材料报送时间及质量。``) is split off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zjdesk.domain.report_words import CHINESE_DIGITS, HEADINGS

# key (of zjdesk.domain.report_words.HEADINGS), pattern of the heading's words (variants seen in real reports)
_PATTERN_WORDS: tuple[tuple[str, str], ...] = (
    ("basic", r"(?:单位|部门)基本情况"),
    ("work", r"(?:绩效)?自评工作(?:开展|组织)情况"),
    ("self", r"绩效自评(?:情况|结果及分析)"),
    ("other", r"其他(?:自评)?(?:情况|需要说明的(?:情况|问题))"),
    ("profile", r"(?:单位|部门)?机构设置[、，,及和与]?\s*(?:部门|单位)?(?:主要)?职能(?:情况)?"),
    ("tasks", r"(?:年度)?总体工作[和及与、]?\s*重点工作(?:任务)?|(?:年度)?重点工作任务"),
    ("goals", r"(?:部门)?整体支出(?:绩效)?目标|(?:年度)?绩效目标"),
    ("figures", r"(?:部门)?整体支出(?:情况|规模)"),
    ("team", r"(?:绩效)?(?:自评|评价)(?:工作)?小组(?:情况|组成)?"),
    ("process", r"自评工作(?:过程|开展过程)"),
    ("submission", r"自评材料报送时间[及和与、]?\s*质量(?:情况)?"),
    ("disclosure", r"自评材料报送[及和与、]?\s*公开一致(?:性)?(?:情况)?"),
    ("result", r"(?:绩效)?自评结果"),
    ("analysis", r"(?:部门)?(?:整体支出)?绩效指标(?:分析|完成情况分析)"),
    ("practices", r"主要(?:做法[和及与、]?\s*经验|经验[和及与、]?\s*做法|做法)"),
    ("problems", r"存在(?:的)?(?:主要)?问题"),
    ("improvements", r"(?:改进|整改)(?:措施|建议|意见)(?:及建议)?"),
    ("budgeting", r"预算编制(?:情况)?"),
    ("execution", r"预算执行(?:情况)?"),
    ("supervision", r"预算(?:监督|管理)(?:情况)?"),
    # Indicator groups beyond the three (the zjdesk export writes one heading per group of the set).
    ("performance", r"履职效益(?:情况)?"),
    # The data sheet and score sheet printed after the report: generated from the figures and scores.
    ("sheets", r"(?:部门整体支出)?(?:绩效)?自评(?:数据表|评分表)"),
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
# The sheets printed after the report are not a heading of the report itself: the importer skips them.
_SHEETS = {"sheets": (1, "数据表和评分表")}
HEADING_NAMES = {key: name for key, (_level, name) in {**HEADINGS, **_SHEETS}.items()}
HEADING_LEVELS = {key: level for key, (level, _name) in {**HEADINGS, **_SHEETS}.items()}
# key, level, standard words, pattern
HEADING_TABLE: tuple[tuple[str, int, str, str], ...] = tuple(
    (key, HEADING_LEVELS[key], HEADING_NAMES[key], words) for key, words in _PATTERN_WORDS
)

_CHINESE_NUMBER = CHINESE_DIGITS[1:] + "十百"
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
