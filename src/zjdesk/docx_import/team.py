"""二、自评工作开展情况: the evaluation team and the process texts."""

from __future__ import annotations

import re
from datetime import date

from zjdesk.docx_import.result import Collector
from zjdesk.docx_import.text import join_broken_lines, split_at
from zjdesk.domain.amounts import normalise_width

_ROLE = re.compile(r"^(?P<role>副\s*组\s*长|组\s*长|成\s*员)\s*[：:]\s*(?P<names>.*)$", re.DOTALL)
_GLUED_ROLE = re.compile(r"(?<=\S)\s*(?=(?:副\s*组\s*长|(?<!副)组\s*长|成\s*员)\s*[：:])")
_NAME_SEPARATORS = re.compile(r"[、，,；;\s]+")
_SUBMISSION_DATE = re.compile(r"于\s*(?:(?P<y>\d{4})\s*年)?\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")


def _names(text: str) -> list[str]:
    return [name for name in _NAME_SEPARATORS.split(text.strip().rstrip("。；;")) if name]


def parse_team(lines: list[str], out: Collector) -> None:
    """Fill ``year.team``: the introduction, then 组长/副组长/成员 lines (also glued into one)."""
    team = out.year.team
    intro: list[str] = []
    after_roles = False
    for line in [part for raw in lines for part in split_at(_GLUED_ROLE, raw)]:
        found = _ROLE.match(line)
        if found:
            role = re.sub(r"\s", "", found["role"])
            target = {"组长": team.leaders, "副组长": team.deputies, "成员": team.members}[role]
            target.extend(_names(found["names"]))
            after_roles = True
        elif after_roles:
            out.cannot_place(line)
        else:
            intro.append(line)
    team.intro = "\n".join(join_broken_lines(intro))
    out.note(f"评价小组：组长{len(team.leaders)}人，副组长{len(team.deputies)}人，成员{len(team.members)}人")


def joined_text(lines: list[str]) -> str:
    """The lines of a free-text section as one field: broken lines joined, paragraphs on their own lines."""
    return "\n".join(join_broken_lines(lines))


def parse_process(key: str, lines: list[str], out: Collector) -> None:
    """自评工作过程 / 自评材料报送时间及质量 / 自评材料报送及公开一致情况."""
    process = out.year.process
    text = joined_text(lines)
    if key == "process":
        process.work_process = text
        out.note("自评工作过程：已读取")
    elif key == "submission":
        process.submission_text = text
        process.submission_date = _submission_date(text, out)
        when = process.submission_date
        out.note("自评材料报送时间及质量：已读取" + (f"（报送日期 {when.year}年{when.month}月{when.day}日）" if when else ""))
    else:
        process.disclosure_text = text
        out.note("自评材料报送及公开一致情况：已读取")


def _submission_date(text: str, out: Collector) -> date | None:
    found = _SUBMISSION_DATE.search(normalise_width(text))
    if not found:
        return None
    cover = out.year.cover
    # 5月14日 without a year: the year the report was filled in, or the one after the evaluation year.
    year = int(found["y"]) if found["y"] else (cover.fill_date.year if cover.fill_date else cover.evaluation_year + 1)
    try:
        return date(year, int(found["m"]), int(found["d"]))
    except ValueError:
        return None
