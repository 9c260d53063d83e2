"""Typing slips in the free text a reviewer spots at first reading.

A doubled word or mark (的的, 执行执行, 。。, ，。), the unit's name mistyped (湛江市卫生建康局 for
湛江市卫生健康局), a date after the report was filled in written as done (已于2025年6月30日完成),
a date that does not exist (2025年4月31日), a rate that cannot exceed 100 % written above it
(满意度达105%). The first two offer a fix; the others only the officer can correct.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal, InvalidOperation

from zjdesk.domain.checks_base import YELLOW, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.checks_text import CJK

# A mark typed twice (。。 ，， ；；), or a comma-like mark left before the full stop (，。 、。).
# …… and —— are single marks written with two characters and are left alone.
DOUBLED_MARK = re.compile(r"([，。、；：？！])\1+|[，、；：](?=。)")
# 的 or 被 typed twice, or a word of two to four characters typed twice (执行执行, 预算管理预算管理).
# Other single characters double legitimately before a word that begins with them: 在在职人员中,
# 对对口帮扶, 与与会人员, 及及时性, 把把关, 从从事; words Chinese doubles on purpose are left alone.
DOUBLED_WORD = re.compile(f"([的被])\\1|([{CJK}]{{2,4}})\\2")
# Cheap supersets of the two, run once over all the prose (the checks run on every keystroke).
_ANY_MARK_PAIR = re.compile("[，。、；：？！][，。、；：？！]")
_ANY_REPEAT = re.compile(r"(.{2,4})\1|的的|被被")
DOUBLING_ALLOWED = frozenset({"研究", "讨论", "学习", "商量", "考虑", "了解", "检查", "整理", "看看", "一个", "一年", "一步"})


def _excerpt(text: str, start: int, end: int, around: int = 4) -> str:
    return text[max(0, start - around) : min(len(text), end + around)].strip()


def _doubled(text: str) -> list[tuple[int, int, str]]:
    """(start, end, replacement) of each doubled mark or word in ``text``."""
    found: list[tuple[int, int, str]] = []
    for match in DOUBLED_MARK.finditer(text):
        found.append((match.start(), match.end(), match.group(1) or ""))
    for match in DOUBLED_WORD.finditer(text):
        word = match.group(1) or match.group(2)
        if word in DOUBLING_ALLOWED:
            continue
        found.append((match.start(), match.end(), word))
    return sorted(found)


def _without_doubles(text: str, slips: list[tuple[int, int, str]]) -> str:
    """``text`` with every doubled word and mark removed (again, where removing one leaves another: ，，。)."""
    while slips:  # each pass shortens the text, so this ends (。。。。。。 takes a few passes)
        pieces, position = [], 0
        for start, end, replacement in slips:
            if start < position:  # overlapping matches: the first one fixes both
                continue
            pieces += [text[position:start], replacement]
            position = end
        shorter = "".join(pieces) + text[position:]
        if shorter == text:
            break
        text, slips = shorter, _doubled(shorter)
    return text


def check_doubled_text(context: CheckContext) -> Iterator[Finding]:
    """Yellow with a fix: a word or a punctuation mark typed twice."""
    joined = context.joined_prose
    if not _ANY_MARK_PAIR.search(joined) and not _ANY_REPEAT.search(joined):
        return
    for path, text in context.prose:
        slips = _doubled(text)
        if not slips:
            continue
        fixed = _without_doubles(text, slips)
        start, end, _ = slips[0]
        more = f"（共 {len(slips)} 处）" if len(slips) > 1 else ""
        yield Finding(
            "doubled_text",
            YELLOW,
            f"“{_excerpt(text, start, end)}”{more}中有重复的字词或标点“{text[start:end]}”，多为修改时漏删：请删除重复的部分。",
            path,
            fix=Fix("删除重复", path, text, fixed),
            fingerprint=fingerprint(text),
        )


# Characters in which two real units' names differ: a number (第一中学, 第二中学), a kind of school,
# the kind of body at the end (档案局, 档案馆). A name differing there is another unit, not a slip.
_OTHER_UNIT_CHARACTERS = frozenset("一二三四五六七八九十〇0123456789大中小")


def _one_edit_apart(written: str, name: str) -> bool:
    """Whether ``written`` is ``name`` with one character replaced, added or dropped (not at the name's ends)."""
    if written == name or written[0] != name[0] or written[-1] != name[-1]:
        return False
    if len(written) == len(name):
        differing = [(a, b) for a, b in zip(written, name, strict=True) if a != b]
        return len(differing) == 1 and not ({*differing[0]} & _OTHER_UNIT_CHARACTERS)
    shorter, longer = sorted((written, name), key=len)
    if len(longer) - len(shorter) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1))


def _name_variants(text: str, name: str) -> list[tuple[int, int]]:
    """(start, end) of each spelling of ``name`` in ``text`` one character off."""
    found: list[tuple[int, int]] = []
    position = text.find(name[0])
    while position >= 0:
        if not text.startswith(name, position):
            for length in (len(name), len(name) - 1, len(name) + 1):
                written = text[position : position + length]
                if len(written) == length and _one_edit_apart(written, name):
                    found.append((position, position + length))
                    break
        position = text.find(name[0], position + 1)
    return found


def check_unit_name_variants(context: CheckContext) -> Iterator[Finding]:
    """Yellow with a fix: the unit's name written one character off its name on the cover."""
    name = context.year.cover.unit_name.strip()
    if len(name) < 4:  # a short name is one edit away from too many words
        return
    for path, text in context.prose:
        if name[0] not in text:
            continue
        variants = _name_variants(text, name)
        if not variants:
            continue
        pieces, position = [], 0
        for start, end in variants:
            pieces += [text[position:start], name]
            position = end
        fixed = "".join(pieces) + text[position:]
        start, end = variants[0]
        yield Finding(
            "unit_name_variant",
            YELLOW,
            f"单位名称写作“{text[start:end]}”，与封面的单位名称“{name}”相差一个字：请统一为“{name}”；"
            "如确是另一单位，可确认无误。",
            path,
            fix=Fix(f"改为“{name}”", path, text, fixed),
            fingerprint=fingerprint(name, text),
        )


# A date written to the day or the month: 2025年6月30日, 2025年6月.
DATE_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?")
# Words that make a later date a plan, a deadline or a date things take effect, not something already done.
PLAN_WORDS = re.compile(r"计划|拟|将|预计|力争|争取|前|以前|之前|底|截止|期限|届时|预期|要求|目标|下一步|今后|继续|起|施行")
_CLAUSE_BREAKS = "，。；！？\n"


def _clause(text: str, start: int, end: int) -> str:
    clause_start = max(text.rfind(mark, 0, start) for mark in _CLAUSE_BREAKS) + 1
    ends = [index for index in (text.find(mark, end) for mark in _CLAUSE_BREAKS) if index >= 0]
    return text[clause_start : min(ends, default=len(text))]


def _date_of(match: re.Match[str]) -> tuple[date, bool] | None:
    """The date written (the month's first day when no day is given), and whether a day was given."""
    try:
        day = int(match.group(3)) if match.group(3) else 1
        return date(int(match.group(1)), int(match.group(2)), day), match.group(3) is not None
    except ValueError:
        return None


def check_dates_after_fill_date(context: CheckContext) -> Iterator[Finding]:
    """Yellow, no fix: a date that does not exist (4月31日), or one after the fill date not written as a plan."""
    filled = context.year.cover.fill_date
    for path, text in context.prose:
        if "月" not in text:
            continue
        for match in DATE_IN_TEXT.finditer(text):
            written = _date_of(match)
            if written is None:
                yield Finding(
                    "invalid_date",
                    YELLOW,
                    f"“{_excerpt(text, match.start(), match.end())}”中的日期{match.group()}不存在："
                    "请核对月份和日期（如4月只有30日）。",
                    path,
                    fingerprint=fingerprint(text),
                )
                break
            if filled is None:
                continue
            when, with_day = written
            later = when > filled if with_day else (when.year, when.month) > (filled.year, filled.month)
            clause = _clause(text, match.start(), match.end())
            if not later or PLAN_WORDS.search(clause):
                continue
            yield Finding(
                "date_after_fill_date",
                YELLOW,
                f"“{clause.strip()}”中的{match.group()}晚于填报日期{filled.year}年{filled.month}月{filled.day}日："
                "报告不能写填报之后才发生的事，请核对日期（年份、月份是否写错）；如为计划安排，请写明“计划”“将”等。",
                path,
                fingerprint=fingerprint(filled, text),
            )
            break  # one finding per text: the first such date


# A rate that cannot exceed 100 % (满意度, 合格率, 覆盖率 …); 完成率, 执行率 and growth rates can.
BOUNDED_RATE = re.compile(
    r"(满意度|满意率|合格率|达标率|覆盖率|及时率|知晓率|准确率|正确率|完好率|入学率|巩固率|接种率|参保率|"
    r"出勤率|上线率|通过率|到位率|支付率|结案率|办结率|回复率|响应率|出租率|使用率|利用率|数字化率)"
    r"[^0-9%。；，\n]{0,6}?(\d+(?:\.\d+)?)\s*[%％]"
)
HUNDRED = Decimal(100)


def check_text_rates_over_100(context: CheckContext) -> Iterator[Finding]:
    """Yellow, no fix: a satisfaction or coverage rate above 100 % written in the text."""
    for path, text in context.prose:
        if "率" not in text and "满意度" not in text:
            continue
        for match in BOUNDED_RATE.finditer(text):
            try:
                value = Decimal(match.group(2))
            except InvalidOperation:
                continue
            if value <= HUNDRED:
                continue
            yield Finding(
                "text_rate_over_100",
                YELLOW,
                f"“{_excerpt(text, match.start(), match.end())}”中{match.group(1)}为 {match.group(2)}%，"
                f"超过 100%：{match.group(1)}不会超过 100%，多为小数点或数字输错，请核对改正。",
                path,
                fingerprint=fingerprint(text),
            )
            break
