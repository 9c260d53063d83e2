"""Build the report outline from a year: DESIGN §2, part by part, with generated heading numbers."""

from __future__ import annotations

from zjdesk.domain.model import Task, YearData
from zjdesk.domain.paths import get_value
from zjdesk.domain.report_words import REPORT_TITLE, chinese_date, heading_title
from zjdesk.report import sentences
from zjdesk.report.facts import ReportFacts
from zjdesk.report.numbering import HeadingCounter, list_number
from zjdesk.report.outline import Block, Heading, Outline, Paragraph, ParagraphRole
from zjdesk.report.tables import data_sheet, goal_sheet, score_sheet

NOT_FILLED = "（未填写）"

# 三、（二） is the officer's analysis under these three headings; the per-indicator results are the score sheet's.
ANALYSIS_GROUPS: tuple[tuple[str, str], ...] = (
    (heading_title("budgeting"), "evaluation.budgeting"),
    (heading_title("execution"), "evaluation.execution"),
    (heading_title("supervision"), "evaluation.supervision"),
)


def _filled(*texts: str) -> bool:
    """Whether any of ``texts`` holds more than spaces: an entry added to a list and left blank is no part of the report."""
    return any(text.strip() for text in texts)


def _point_texts(task: Task) -> list[str]:
    return [text for point in task.points for text in (point.title, point.text)]


class _Writer:
    """Appends blocks in document order, numbering headings as they come."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._counter = HeadingCounter()

    def heading(self, level: int, title: str, body: str = "", source: str = "") -> None:
        self.blocks.append(Heading(level, self._counter.next(level), title, body.strip(), source))

    def paragraph(self, text: str, source: str = "", role: ParagraphRole = "body") -> None:
        self.blocks.append(Paragraph(text.strip() or NOT_FILLED, role, source))


def build_outline(year: YearData, facts: ReportFacts, *, draft: bool = False) -> Outline:
    """The whole report of ``year`` scored as ``facts`` says: cover, the four parts, the sheets.

    The goal table (部门整体支出绩效目标完成情况表) follows the score sheet when any goal has indicator rows.
    """
    out = _Writer()
    _cover(out, year)
    _unit(out, year, facts)
    _process(out, year)
    _evaluation(out, year, facts)
    out.heading(1, heading_title("other"))
    out.paragraph(year.other or "无", "other")
    outline = Outline(unit_name=year.cover.unit_name, year=year.cover.evaluation_year, blocks=out.blocks, draft=draft)
    outline.tables = [data_sheet(year, facts), score_sheet(year, facts)]
    if any(line.has_row for line in facts.goal_lines):
        outline.tables.append(goal_sheet(year, facts))
    return outline


def _cover(out: _Writer, year: YearData) -> None:
    cover = year.cover
    if cover.attachment_number:
        out.paragraph(f"附件{cover.attachment_number}", "cover.attachment_number", "attachment")
    out.paragraph(REPORT_TITLE, role="title")
    year_text = f"{cover.evaluation_year}年度" if cover.evaluation_year else NOT_FILLED
    out.paragraph(f"评价年度：{year_text}", "cover.evaluation_year", "cover")
    out.paragraph(f"评价单位（公章）：{cover.unit_name}", "cover.unit_name", "cover")
    out.paragraph(f"填报日期：{chinese_date(cover.fill_date)}", "cover.fill_date", "cover_last")
    out.paragraph(sentences.opening_paragraph(cover), "cover.opening_text")


def _unit(out: _Writer, year: YearData, facts: ReportFacts) -> None:
    out.heading(1, heading_title("basic"))
    out.heading(2, heading_title("profile"))
    profile = list(sentences.profile_paragraphs(year.profile))
    for text, source in profile:
        out.paragraph(text, source)
    if not profile:
        out.paragraph("", "profile")

    out.heading(2, heading_title("tasks"))
    tasks = [
        (t, task) for t, task in enumerate(year.tasks) if _filled(task.title, task.lead, *_point_texts(task), *task.paragraphs)
    ]
    for t, task in tasks:
        out.heading(3, task.title.strip().rstrip("。"), task.lead, f"tasks.{t}.title")
        for p, point in enumerate(task.points):
            if _filled(point.title, point.text):
                out.heading(4, point.title.strip().rstrip("。"), point.text, f"tasks.{t}.points.{p}.title")
        for p, text in enumerate(task.paragraphs):
            if _filled(text):
                out.paragraph(text, f"tasks.{t}.paragraphs.{p}")

    if not tasks:
        out.paragraph("", "tasks")

    out.heading(2, heading_title("goals"))
    for g, goal in enumerate(year.goals):
        out.paragraph(f"目标{g + 1}：{goal.text.strip()}", f"goals.{g}.text")
    if not year.goals:
        out.paragraph("", "goals")

    out.heading(2, heading_title("figures"))
    out.paragraph(sentences.expenditure_paragraph(year.figures, year.cover.evaluation_year, facts.rate), "figures")


def _process(out: _Writer, year: YearData) -> None:
    out.heading(1, heading_title("work"))
    out.heading(2, heading_title("team"))
    team = year.team
    if team.intro:
        out.paragraph(team.intro, "team.intro")
    for label, names, source in (
        ("组　长", team.leaders, "team.leaders"),
        ("副组长", team.deputies, "team.deputies"),
        ("成　员", team.members, "team.members"),
    ):
        names = [name.strip() for name in names if _filled(name)]
        if names:
            out.paragraph(f"{label}：{'、'.join(names)}", source)
    if not (team.intro or team.leaders or team.deputies or team.members):
        out.paragraph("", "team")

    process = year.process
    out.heading(2, heading_title("process"))
    out.paragraph(process.work_process, "process.work_process")
    out.heading(2, heading_title("submission"))
    submission = process.submission_text
    if not submission and process.submission_date:
        submission = f"本单位自评材料于{chinese_date(process.submission_date)}报送。"
    out.paragraph(submission, "process.submission_text")
    out.heading(2, heading_title("disclosure"))
    out.paragraph(process.disclosure_text, "process.disclosure_text")


def _evaluation(out: _Writer, year: YearData, facts: ReportFacts) -> None:
    out.heading(1, heading_title("self"))
    out.heading(2, heading_title("result"))
    out.paragraph(sentences.score_sentence(facts.total, facts.grade, facts.cap_note, facts.awaiting), "indicator_set")

    out.heading(2, heading_title("analysis"))
    for title, source in ANALYSIS_GROUPS:
        out.heading(3, title, get_value(year, source).strip() or NOT_FILLED, source)

    out.heading(2, heading_title("practices"))
    practices = [(p, practice) for p, practice in enumerate(year.practices) if _filled(practice.title, practice.text)]
    for p, practice in practices:
        out.heading(3, practice.title.strip().rstrip("。"), practice.text, f"practices.{p}.title")
    if not practices:
        out.paragraph("无。", "practices")

    out.heading(2, heading_title("problems"))
    problems = [(p, problem) for p, problem in enumerate(year.problems) if _filled(problem)]
    for p, problem in problems:
        out.paragraph(problem, f"problems.{p}")
    if not problems:
        out.paragraph("无。", "problems")

    out.heading(2, heading_title("improvements"))
    measures = [(i, measure) for i, measure in enumerate(year.improvements) if _filled(measure)]
    for number, (i, measure) in enumerate(measures, start=1):
        out.paragraph(f"{list_number(number)}{measure.strip()}", f"improvements.{i}", "list")
    if not measures:
        out.paragraph("无。", "improvements")
