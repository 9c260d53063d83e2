"""Checks on the years the text names: what a report carried forward from last year still says.

A report of evaluation year Y is written in Y+1, answering the notice of Y+1. Carried forward from
year Y-1, its texts still name Y-1 (last year's evaluation year) and Y (last year's notice year).
Where the context says for certain which year belongs there, the finding (``stale_year``) offers the
fix: 人数统计时点 and 截至…年底 are the evaluation year's end, ``N年度…部门整体支出/自评`` names the
evaluation year, ``N年…绩效自评工作``, the date the materials were sent (``于N年5月14日报送``) and
the notice are the year after. Any other mention of last year's evaluation year is flagged
(``text_year``) without a fix — only the officer knows what the sentence should say now — and so is
a year a few years off either side, unless the words name it on purpose: a comparison (比2023年),
last year's 决算, a starting point (自2021年以来), a document's or the unit's date (2019年1月组建),
the end of a named period (2024—2026年) or a later target (力争到2027年).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from zjdesk.domain.checks_base import YELLOW, CheckContext, Finding, Fix, fingerprint
from zjdesk.domain.paths import get_value

# A year written as a year (followed by 年), not inside a document number such as 湛机编[2010]311号.
YEAR_IN_TEXT = re.compile(r"(?<![\d\[〔［【(（])((?:19|20)\d{2})(?=年)")
# Years further away than this are history (成立于1958年), not leftovers from last year's report.
YEAR_WINDOW = 5
# A year the words place in the past on purpose: a comparison (比2023年提高, 与2023年相比, 较上年), a
# reference (参考2023年实际完成情况), last year's final accounts, published in the evaluation year
# (公开2023年部门决算, 2023年度决算支出…万元 — the figure itself is compared by text_figure_mismatch),
# a starting point (自2021年以来, 2021年起, 成立于2020年). Such a year is no leftover.
_DELIBERATE_BEFORE = re.compile(r"(?:比|较|对比|相比|参考|参照|对照|自|从|(?:成立|建|设立|组建)于)$")
_DELIBERATE_AFTER = re.compile(
    r"年(?:度)?(?:以来|来|起|至今|同期|相比|比较|的?(?:部门)?(?:决算|实际完成|完成情况|基数|水平))"
    # a document's or the unit's date: 2022年印发的《办法》, 2019年1月组建
    r"|年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:印发|出台|颁布|发布|修订|成立|组建|设立|挂牌|建成|创建)"
)
# The end of a period named on purpose: 三年行动方案（2024—2026年）, 2021-2025年.
_PERIOD_END = re.compile(r"(?:19|20)\d{2}(?:年度?)?\s*[—–\-~～至到]\s*$")
# A later year as a target: 力争到2027年实现, 2028年前建成, 计划2027年完成.
_TARGET_BEFORE = re.compile(r"(?:到|至|力争|争取|计划|预计|拟|将|目标|确保)$")
_TARGET_AFTER = re.compile(r"年(?:底|末)?(?:前|以前|之前)")
NOTICE_FIELDS = (("cover.notice_title", "通知标题"), ("cover.notice_number", "通知文号"))
STAFF_TIME_POINT = "profile.staff_as_of"
_YEAR = r"((?:19|20)\d{2})"
_NO_BREAK = r"[^，。；：、！？\n\d]"


@dataclass(frozen=True)
class YearContext:
    """Words around a year that say which year it must be: the evaluation year plus ``offset``."""

    pattern: re.Pattern[str]  # group 1 is the year
    offset: int
    reason: str  # why, in Chinese, with {year} for the evaluation year and {expected} for the right one


CONTEXTS: tuple[YearContext, ...] = (
    # 完成办事处2025年绩效自评工作 (a 2024 report): the self-evaluation is done in the year after.
    YearContext(
        re.compile(_YEAR + rf"年(?!度){_NO_BREAK}{{0,12}}?(?:绩效)?自评工作"),
        1,
        "{year}年度的自评工作在{expected}年开展",
    ),
    # 2024年度部门整体支出绩效自评 / 2024年度自评报告: the year being evaluated.
    YearContext(
        re.compile(_YEAR + rf"年度(?={_NO_BREAK}{{0,16}}?(?:部门整体支出|整体支出|绩效自评|自评报告|自评工作))"),
        0,
        "本报告评价的是{year}年度",
    ),
    # 于2025年5月14日报送自评材料 (a 2024 report): the materials go in during the year after.
    YearContext(
        re.compile(_YEAR + rf"年\d{{1,2}}月\d{{1,2}}日{_NO_BREAK}{{0,8}}?(?:报送|寄出|寄送|提交|上报|报出)"),
        1,
        "{year}年度的自评材料在{expected}年报送",
    ),
    # 截至2024年年底 / 截止2024年底: a count of people as at the end of the evaluation year.
    YearContext(
        re.compile(r"截[至止]" + _YEAR + r"年(?:年)?(?:底|末|12月31日)"),
        0,
        "人数统计到评价年度的年底",
    ),
)
# The whole field is the time point of the staff numbers: every year in it is the evaluation year.
STAFF_TIME_POINT_CONTEXT = YearContext(re.compile(_YEAR + "年"), 0, "人数统计时点是评价年度的年底")


def _excerpt(text: str, start: int, end: int, around: int = 6) -> str:
    """The words around ``text[start:end]`` within its clause; "…" where the clause goes on beyond them."""
    breaks = "，。；：、！？\n"
    clause_start = max(text.rfind(mark, 0, start) for mark in breaks) + 1
    clause_end = min((index for index in (text.find(mark, end) for mark in breaks) if index >= 0), default=len(text))
    left = max(clause_start, start - around)
    right = min(clause_end, end + around)
    return ("…" if left > clause_start else "") + text[left:right].strip() + ("…" if right < clause_end else "")


def _replace_years(text: str, replacements: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) span replaced by its new year."""
    pieces, position = [], 0
    for start, end, new in sorted(replacements):
        pieces += [text[position:start], new]
        position = end
    return "".join(pieces) + text[position:]


@dataclass(frozen=True)
class _Certain:
    start: int  # of the year
    end: int
    written: int
    expected: int
    reason: str
    context_end: int  # where the words that fix the year end


def _certain_years(path: str, text: str, evaluation_year: int) -> list[_Certain]:
    """Years in ``text`` whose context says which year they must be, where they are not that year."""
    contexts = (STAFF_TIME_POINT_CONTEXT,) if path == STAFF_TIME_POINT else CONTEXTS
    found: dict[int, _Certain] = {}
    for context in contexts:
        expected = evaluation_year + context.offset
        for match in context.pattern.finditer(text):
            written = int(match.group(1))
            if match.start(1) in found or abs(written - evaluation_year) > YEAR_WINDOW:
                continue
            reason = context.reason.format(year=evaluation_year, expected=expected)
            found[match.start(1)] = _Certain(match.start(1), match.end(1), written, expected, reason, match.end())
    return [item for item in sorted(found.values(), key=lambda item: item.start) if item.written != item.expected]


def _prose(context: CheckContext) -> Iterator[tuple[str, str]]:
    for path, text in context.prose:
        if "年" in text and path not in dict(NOTICE_FIELDS):
            yield path, text


def check_stale_years(context: CheckContext) -> Iterator[Finding]:
    """Yellow with a fix: a year whose context fixes it (人数统计时点, N年绩效自评工作 …) is not that year."""
    evaluation_year = context.year.cover.evaluation_year
    if not evaluation_year:
        return
    for path, text in _prose(context):
        wrong = _certain_years(path, text, evaluation_year)
        if not wrong:
            continue
        first = wrong[0]
        years = "、".join(dict.fromkeys(f"{item.written}年" for item in wrong))
        targets = "、".join(dict.fromkeys(f"{item.expected}年" for item in wrong))
        reasons = "；".join(dict.fromkeys(item.reason for item in wrong))
        message = (
            f"“{_excerpt(text, first.start, first.context_end)}”仍写着{years}：{reasons}，应为{targets}。"
            "多为由上年度结转或照抄往年报告未改。"
        )
        fixed = _replace_years(text, [(item.start, item.end, str(item.expected)) for item in wrong])
        yield Finding(
            "stale_year",
            YELLOW,
            message,
            path,
            fix=Fix(f"改为{targets}", path, text, fixed),
            fingerprint=fingerprint(evaluation_year, text),
        )


def _deliberate(text: str, start: int, end: int, *, later: bool) -> bool:
    """Whether the words around the year at ``text[start:end]`` name it on purpose (past, or a later target)."""
    clause_start = max(text.rfind(mark, 0, start) for mark in "，。；：、！？\n") + 1
    before = text[max(clause_start, start - 4) : start]
    if later and (_TARGET_BEFORE.search(before) or _TARGET_AFTER.match(text, end)):
        return True
    if _PERIOD_END.search(text, max(0, start - 9), start):
        return True
    if _DELIBERATE_BEFORE.search(before) or _DELIBERATE_AFTER.match(text, end, end + 12):
        return True
    # 与2023年相比 / 比2023年同期: the comparison closes after the year.
    clause_end = min((i for i in (text.find(mark, end) for mark in "，。；：！？\n") if i >= 0), default=len(text))
    return "相比" in text[end:clause_end] and "与" in text[clause_start:start]


def check_text_years(context: CheckContext) -> Iterator[Finding]:
    """Yellow, no fix: last year's evaluation year in the text, or a year a few years off, outside a fixing context."""
    evaluation_year = context.year.cover.evaluation_year
    if not evaluation_year:
        return
    allowed = (evaluation_year, evaluation_year + 1)
    for path, text in _prose(context):
        certain = {item.start for item in _certain_years(path, text, evaluation_year)}
        stale = [
            match
            for match in YEAR_IN_TEXT.finditer(text)
            if match.start(1) not in certain
            and int(match.group(1)) not in allowed
            and abs(int(match.group(1)) - evaluation_year) <= YEAR_WINDOW
            and not _deliberate(text, match.start(1), match.end(1), later=int(match.group(1)) > evaluation_year)
        ]
        if not stale:
            continue
        first = stale[0]
        excerpt = _excerpt(text, first.start(1), first.end(1) + 1)
        previous = evaluation_year - 1
        if all(int(match.group(1)) == previous for match in stale):
            message = (
                f"“{excerpt}”仍写着{previous}年（上一评价年度）：本报告是{evaluation_year}年度的，"
                f"请按{evaluation_year}年度的情况改写；如确是与上年对比或回顾，可确认无误。"
            )
        else:
            years = "、".join(dict.fromkeys(f"{match.group(1)}年" for match in stale))
            message = (
                f"“{excerpt}”等处写着{years}，既不是评价年度（{evaluation_year}年）也不是次年（{evaluation_year + 1}年），"
                "可能是沿用往年报告未改的年份：请核对改正；如确是引用其他年份，可确认无误。"
            )
        yield Finding("text_year", YELLOW, message, path, fingerprint=fingerprint(evaluation_year, text))


NOTICE_YEAR = re.compile(_YEAR)


def check_notice_year(context: CheckContext) -> Iterator[Finding]:
    """Yellow with a fix: the notice answered is that of the year after the evaluation year (湛财绩[2025]2号 for 2024)."""
    evaluation_year = context.year.cover.evaluation_year
    if not evaluation_year:
        return
    expected = evaluation_year + 1
    for path, name in NOTICE_FIELDS:
        text: str = get_value(context.year, path)
        wrong = [match for match in NOTICE_YEAR.finditer(text) if int(match.group(1)) != expected]
        if not wrong:
            continue
        years = "、".join(dict.fromkeys(f"{match.group(1)}年" for match in wrong))
        fixed = _replace_years(text, [(match.start(1), match.end(1), str(expected)) for match in wrong])
        yield Finding(
            "stale_year",
            YELLOW,
            f"{name}仍写着{years}：{evaluation_year}年度的自评依据的是{expected}年的通知，应为{expected}年。"
            "请按今年的通知核对名称和文号（结转新年度后常见）。",
            path,
            fix=Fix(f"改为{expected}年", path, text, fixed),
            fingerprint=fingerprint(evaluation_year, text),
        )
