"""The cover block and the opening paragraph: 附件N, the title, 评价年度, 评价单位, 填报日期, the notice."""

from __future__ import annotations

import re
from datetime import date

from zjdesk.docx_import.result import Collector
from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.limits import FIRST_YEAR, LAST_YEAR
from zjdesk.domain.report_words import REPORT_TITLE

_ATTACHMENT = re.compile(r"^附\s*件\s*[（(]?\s*(?P<number>\d{1,3})\s*[）)]?\s*[：:]?$")
_YEAR = re.compile(r"^评价年度\s*[：:]?\s*(?P<value>.*)$")
_UNIT = re.compile(r"^评价单位\s*(?:[（(]\s*(?:公章|盖章)\s*[）)])?\s*[：:]?\s*(?P<value>.*)$")
_FILL_DATE = re.compile(r"^填\s*报\s*日\s*期\s*[：:]?\s*(?P<value>.*)$")
_DATE = re.compile(r"^(?P<y>\d{4})\s*[年\-/.]\s*(?P<m>\d{1,2})\s*[月\-/.]\s*(?P<d>\d{1,2})\s*日?$")
_OPENING = re.compile(
    r"^根据\s*(?:《(?P<title>[^》]+)》|市财政局有关通知)\s*[（(]?(?P<number>[^，,。《》]*?)[）)]?\s*(?:文件|通知)?\s*(?:的)?\s*(?:有关)?(?:要求|精神|规定)\s*[，,]?"
    r"(?P<body>.*?)(?:现将(?P<tail>[^。]*?)(?:报告|汇报)如下\s*[：:。]?)?$",
    re.DOTALL,
)
_TAIL = re.compile(r"^(?P<year>\d{4})\s*年度?\s*(?P<unit>.*?)(?:部门)?整体支出(?:绩效)?自评(?:情况)?$")


def parse_date(text: str) -> date | None:
    """``2025年5月14日`` (or 2025-05-14, 2025.5.14) as a date; ``None`` when malformed."""
    found = _DATE.match(normalise_width(text).strip())
    if not found:
        return None
    try:
        return date(int(found["y"]), int(found["m"]), int(found["d"]))
    except ValueError:
        return None


def parse_year(text: str) -> int | None:
    """``2024年度`` → 2024; ``None`` unless a plausible four-digit year is there."""
    found = re.match(r"^(\d{4})\s*(?:年度?)?$", normalise_width(text).strip())
    if found and FIRST_YEAR <= int(found[1]) <= LAST_YEAR:
        return int(found[1])
    return None


# Cover fields typed on one line ("评价年度：2024年度  评价单位（公章）：…") are split at their labels.
_GLUED_FIELD = re.compile(r"(?<=\S)\s*(?=评价单位\s*(?:[（(]|[：:])|填\s*报\s*日\s*期\s*[：:]|评价年度\s*[：:])")
_MAX_OPENING_LINES = 6


def _is_field(line: str) -> bool:
    return any(pattern.match(line) for pattern in (_ATTACHMENT, _YEAR, _UNIT, _FILL_DATE))


def _cover_lines(lines: list[str]) -> list[str]:
    """Split glued cover fields; join an opening paragraph that a stray Enter broke into pieces."""
    split = [part.strip() for line in lines for part in _GLUED_FIELD.split(line) if part.strip()]
    joined: list[str] = []
    index = 0
    while index < len(split):
        line = split[index]
        index += 1
        if line.startswith("根据"):
            taken = 0
            while "如下" not in line and index < len(split) and taken < _MAX_OPENING_LINES and not _is_field(split[index]):
                line += split[index]
                index += 1
                taken += 1
        joined.append(line)
    return joined


def parse_cover(lines: list[str], out: Collector) -> bool:
    """Fill the cover from the lines before the first heading; returns whether the title was seen."""
    cover = out.year.cover
    title_seen = False
    for line in _cover_lines(lines):
        if found := _ATTACHMENT.match(normalise_width(line)):
            cover.attachment_number = found["number"]
            out.note(f"封面：附件{cover.attachment_number}")
        elif REPORT_TITLE in line.replace(" ", "") and len(line) <= 60:
            title_seen = True
            out.note(f"封面：标题“{line}”")
        elif found := _YEAR.match(line):
            _cover_year(found["value"], line, out)
        elif found := _UNIT.match(line):
            if found["value"].strip():
                cover.unit_name = found["value"].strip()
                out.note(f"封面：评价单位 {cover.unit_name}")
            else:
                out.note("封面：评价单位未填写")
        elif found := _FILL_DATE.match(line):
            value = parse_date(found["value"])
            if not found["value"].strip() or found["value"].strip() == "（未填写）":
                out.note("封面：填报日期未填写")
            elif value is None:
                out.note(f"封面：填报日期“{found['value'].strip()}”无法识别，已放入未识别内容")
                out.cannot_place(line)
            else:
                cover.fill_date = value
                out.note(f"封面：填报日期 {value.year}年{value.month}月{value.day}日")
        elif line.startswith("根据") and _parse_opening(line, out):
            continue
        else:
            out.cannot_place(line)
    return title_seen


def _cover_year(value: str, line: str, out: Collector) -> None:
    year = parse_year(value)
    if year is None:
        out.note(f"封面：评价年度“{value.strip()}”无法识别，已放入未识别内容")
        out.cannot_place(line)
    else:
        out.year.cover.evaluation_year = year
        out.year_source = f"封面“{line.strip()}”"
        out.note(f"封面：评价年度 {year}年度")


def _parse_opening(line: str, out: Collector) -> bool:
    found = _OPENING.match(line)
    if not found:
        return False
    cover = out.year.cover
    cover.notice_title = (found["title"] or "").strip()  # zjdesk writes 市财政局有关通知 for an empty title
    cover.notice_number = found["number"].strip()
    cover.opening_text = found["body"].strip()
    out.note(f"开头段：通知《{cover.notice_title}》{cover.notice_number}")
    tail = _TAIL.match((found["tail"] or "").strip())
    if tail:
        # The opening names the year and the unit again: they fill a cover that lacks them.
        if not cover.evaluation_year:
            cover.evaluation_year = int(tail["year"])
            out.year_source = f"开头段“现将{cover.evaluation_year}年度……报告如下”"
            out.note(f"封面：评价年度取自开头段（{cover.evaluation_year}年度）")
        if not cover.unit_name and tail["unit"].strip():
            cover.unit_name = tail["unit"].strip()
            out.note(f"封面：评价单位取自开头段（{cover.unit_name}）")
    return True
