"""From checked .docx bytes to a filled year: lines → sections by heading → section parsers."""

from __future__ import annotations

from zjdesk.docx_import.cover import parse_cover
from zjdesk.docx_import.errors import NotAReportError
from zjdesk.docx_import.evaluation import (
    parse_analysis,
    parse_list,
    parse_other,
    parse_practices,
    parse_result,
    without_score_rows,
)
from zjdesk.docx_import.figures import parse_figures
from zjdesk.docx_import.headings import HEADING_NAMES, REPORT_ORDER, match_heading, split_glued_headings
from zjdesk.docx_import.lines import TableRow, UnreadTableRow
from zjdesk.docx_import.profile import parse_profile
from zjdesk.docx_import.result import Collector
from zjdesk.docx_import.sheets import parse_sheets
from zjdesk.docx_import.tasks import parse_goals, parse_tasks
from zjdesk.docx_import.team import parse_process, parse_team

# What zjdesk prints for a field or part not filled in: read back as empty.
NOT_FILLED = ("（未填写）", "（支出情况数据尚未填写。）")
# A document with fewer recognised headings than this (and without the report's title) is not a report.
MIN_HEADINGS_WITHOUT_TITLE = 3
MIN_HEADINGS_WITH_TITLE = 2
# Where 1.预算编制情况 / 2.预算执行情况 / 3.预算监督情况 are headings (elsewhere they are ordinary text).
_ANALYSIS_CONTEXT = ("self", "result", "analysis", "budgeting", "execution", "supervision", "performance")
# Text directly under a level-1 heading: the level-2 headings hold everything a report has.
_LEVEL_ONE_WITHOUT_TEXT = ("basic", "work", "self")


def split_sections(lines: list[str]) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """(cover lines, lines of each heading's section, the keys of the headings in document order)."""
    cover: list[str] = []
    sections: dict[str, list[str]] = {}
    order: list[str] = []
    current: list[str] = cover
    current_key = ""
    for line in (part for raw in lines for part in ([raw] if isinstance(raw, TableRow) else split_glued_headings(raw))):
        heading = None if isinstance(line, TableRow) else match_heading(line)
        if heading is not None and heading.level == 3 and current_key not in _ANALYSIS_CONTEXT:
            heading = None  # "1.预算执行。…" outside the analysis is a task or an item, not a heading
        if heading is None:
            current.append(line)
            continue
        if heading.key not in sections:
            order.append(heading.key)
        current_key = heading.key
        current = sections.setdefault(heading.key, [])
        if heading.rest:
            current.append(heading.rest)
    return cover, sections, order


def read_lines(lines: list[str], name: str, evaluation_year: int = 0, *, goal_table_read: bool = False) -> Collector:
    """Fill a year from the document's lines; refuses a document that is not such a report.

    ``evaluation_year`` stands in for a year the cover and the opening do not state;
    ``goal_table_read``: the goal table was read as a table (its lines are not among ``lines``).
    """
    out = Collector(goal_table_read=goal_table_read)
    cover_lines, sections, order = split_sections(lines)
    content_headings = [key for key in order if key not in _LEVEL_ONE_WITHOUT_TEXT]
    title_seen = any("部门整体支出绩效自评报告" in line.replace(" ", "") for line in cover_lines)
    if len(order) < (MIN_HEADINGS_WITH_TITLE if title_seen else MIN_HEADINGS_WITHOUT_TITLE) or not content_headings:
        raise NotAReportError(
            f"“{name}”不像一份部门整体支出绩效自评报告（只认出 {len(order)} 个报告标题，如“单位基本情况”“自评工作开展情况”）："
            "请选择往年的自评报告 .docx 文件。"
        )
    out.cannot_place([line for line in cover_lines if isinstance(line, UnreadTableRow)])
    parse_cover([line for line in cover_lines if not isinstance(line, UnreadTableRow)], out)
    if not out.year.cover.evaluation_year and evaluation_year:
        out.year.cover.evaluation_year = evaluation_year
        out.note(f"评价年度：报告中未写明，按所选的{evaluation_year}年度读取")
    out.note("识别到的标题：" + "、".join(HEADING_NAMES[key] for key in order))
    # The figures name years relative to the evaluation year, so the cover is read first; the
    # sections then in report order, whatever order the document had them in.
    for key in REPORT_ORDER:
        if key in sections:
            _parse_section(key, sections[key], out)
    return out


def _parse_section(key: str, lines: list[str], out: Collector) -> None:
    # zjdesk's placeholder for an empty field reads back as empty.
    lines = [line for line in lines if line.strip() not in NOT_FILLED]
    # The rows of a goal table that could not be read are kept as they stood, never read as the part's text.
    out.cannot_place([line for line in lines if isinstance(line, UnreadTableRow)])
    lines = [line for line in lines if not isinstance(line, UnreadTableRow)]
    if not lines and key not in ("other",):
        return
    if key in _LEVEL_ONE_WITHOUT_TEXT:
        out.cannot_place(lines)
    elif key == "profile":
        parse_profile(lines, out)
    elif key == "tasks":
        parse_tasks(lines, out)
    elif key == "goals":
        parse_goals(lines, out)
    elif key == "figures":
        parse_figures(lines, out)
    elif key == "team":
        parse_team(lines, out)
    elif key in ("process", "submission", "disclosure"):
        parse_process(key, lines, out)
    elif key == "result":
        parse_result(lines, out)
    elif key in ("budgeting", "execution", "supervision", "performance"):
        parse_analysis(key, lines, out)
    elif key == "analysis":
        out.cannot_place(without_score_rows(lines, out))
    elif key == "sheets":
        parse_sheets(lines, out)
    elif key == "practices":
        parse_practices(lines, out)
    elif key in ("problems", "improvements"):
        parse_list(key, lines, out)
    elif key == "other":
        parse_other(lines, out)
