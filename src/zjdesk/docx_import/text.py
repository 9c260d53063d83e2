"""Small text helpers shared by the section parsers: list markers, joining and splitting lines."""

from __future__ import annotations

import re

from zjdesk.domain.report_words import CHINESE_DIGITS as REPORT_DIGITS
from zjdesk.domain.report_words import CIRCLED_DIGITS

CHINESE_DIGITS = REPORT_DIGITS[1:] + "十"  # the digits of a list number (一、 … 十九、)
# A list number in Chinese numerals up to 九百九十九 (a report may list a hundred 改进措施 and more).
CHINESE_NUMERAL = rf"(?:[{REPORT_DIGITS[1:]}]百(?:零[{REPORT_DIGITS[1:]}]|[{CHINESE_DIGITS}]{{1,3}})?|[{CHINESE_DIGITS}]{{1,3}})"
# Ends of a sentence or a list item: a line ending otherwise continues on the next line.
_ENDINGS = ("。", "；", ";", "！", "!", "？", "?", "：", ":", "…", "”", "」", "）", ")", "．", ".")

TASK_NUMBER = re.compile(r"^(?P<number>\d{1,3})\s*(?:[、，,]|[.．](?!\d)|[）)])\s*(?P<rest>.*)$", re.DOTALL)
BRACKET_NUMBER = re.compile(r"^[（(]\s*(?P<number>\d{1,2})\s*[）)]\s*[、.．]?\s*(?P<rest>.*)$", re.DOTALL)
CIRCLED_NUMBER = re.compile(rf"^(?P<number>[{CIRCLED_DIGITS}])\s*(?P<rest>.*)$", re.DOTALL)
ORDINAL_POINT = re.compile(rf"^[{CHINESE_DIGITS}]{{1,3}}是")
CHINESE_LIST_NUMBER = re.compile(
    rf"^(?:{CHINESE_NUMERAL}\s*[、.．]|[（(]\s*[{CHINESE_DIGITS}\d]{{1,3}}\s*[）)]\s*[、.．]?|\d{{1,3}}\s*[、.．](?!\d)|\d{{1,3}}\s*[）)])\s*"
)
GOAL_MARKER = re.compile(r"^(?:绩效)?目标\s*[\d一二三四五六七八九十]{1,3}\s*[：:、.．]?\s*")
TEAM_MARKER = re.compile(r"^(?:副\s*组\s*长|组\s*长|成\s*员)\s*[：:]")

_MARKERS = (TASK_NUMBER, BRACKET_NUMBER, CIRCLED_NUMBER, ORDINAL_POINT, CHINESE_LIST_NUMBER, GOAL_MARKER, TEAM_MARKER)


def starts_with_marker(line: str) -> bool:
    """Whether ``line`` starts a new list item (1、 （1） ① 一是 一、 目标1： 组长：…)."""
    return any(marker.match(line) for marker in _MARKERS)


def ends_sentence(line: str) -> bool:
    """Whether ``line`` ends a sentence or an item, so the next line does not continue it."""
    return line.rstrip().endswith(_ENDINGS)


def join_broken_lines(lines: list[str]) -> list[str]:
    """Join lines that a stray Enter split in the middle of a sentence.

    A line continues the previous one when the previous one does not end a sentence and the line
    itself does not start a new item. Chinese needs no space at the join.
    """
    joined: list[str] = []
    for line in lines:
        if joined and not ends_sentence(joined[-1]) and not starts_with_marker(line) and not _looks_like_title(joined[-1]):
            joined[-1] += line
        else:
            joined.append(line)
    return joined


def _looks_like_title(line: str) -> bool:
    # "7、规范物业管理，确保政府物业保值增值": a numbered title line, complete without a full stop.
    return starts_with_marker(line) and "。" not in line and len(line) <= 40


def strip_list_number(text: str) -> str:
    """``一 、加强…`` → ``加强…``; ``1.做好…`` → ``做好…``; text without a number is unchanged."""
    return CHINESE_LIST_NUMBER.sub("", text, count=1)


def split_at(pattern: re.Pattern[str], line: str) -> list[str]:
    """Split ``line`` at every match of ``pattern`` (a zero-width position), dropping empty parts."""
    parts: list[str] = []
    start = 0
    for found in pattern.finditer(line):
        cut = found.end()
        if cut > start and line[start:cut].strip():
            parts.append(line[start:cut].strip())
            start = cut
    parts.append(line[start:].strip())
    return [part for part in parts if part]


def split_title(text: str, limit: int = 40) -> tuple[str, str]:
    """Split ``标题。正文`` into (标题, 正文); ``("", text)`` when no short title leads the text.

    The text after the full stop is kept exactly as typed (a stray space included) so that the
    report exports back to the same text.
    """
    position = text.find("。")
    if 0 < position <= limit and "：" not in text[:position]:
        return text[:position], text[position + 1 :]
    return "", text
