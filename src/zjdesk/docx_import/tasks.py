"""（二）年度总体工作和重点工作任务 and （三）部门整体支出绩效目标.

A task starts with its number (``1、`` ``1.`` ``1)`` or ``（1）``); its first line is ``标题。导语``.
Its points are numbered one level deeper (``（1）`` under ``1、``, ``①`` under ``（1）``) and read
``标题。正文``; lines of ``一是…二是…`` and other paragraphs become the task's paragraphs.
Numbers glued into one paragraph are split first.
"""

from __future__ import annotations

import re

from zjdesk.docx_import.lines import TableRow
from zjdesk.docx_import.result import Collector
from zjdesk.docx_import.text import (
    BRACKET_NUMBER,
    CIRCLED_NUMBER,
    GOAL_MARKER,
    ORDINAL_POINT,
    TASK_NUMBER,
    join_broken_lines,
    split_at,
    split_title,
    strip_list_number,
)
from zjdesk.domain.model import Goal, Task, TaskPoint

# A number that starts a new task or point although it sits inside a paragraph.
_GLUED_TASK = re.compile(r"(?:(?<=[。；;！!？?])|\s)\s*(?=\d{1,2}\s*[、.．](?!\d)\S)")
# A bracketed number starts a point wherever it stands (a title needs no full stop), unless it
# follows a digit or 第 (a reference such as 第（1）项).
_GLUED_POINT = re.compile(r"(?<=[^\d第\s])\s*(?=[（(]\d{1,2}[）)][^\s）)])|(?<=\S)\s*(?=[①②③④⑤⑥⑦⑧⑨⑩])")
_GLUED_GOAL = re.compile(r"(?<=[。；;！!？?])\s*(?=(?:绩效)?目标\s*\d{1,2}\s*[：:、.．])")


def _split_glued(lines: list[str], *patterns: re.Pattern[str]) -> list[str]:
    for pattern in patterns:
        lines = [part for line in lines for part in split_at(pattern, line)]
    return lines


def parse_tasks(lines: list[str], out: Collector) -> None:
    """Fill ``year.tasks``; lines before the first numbered task cannot be placed."""
    lines = join_broken_lines(_split_glued(lines, _GLUED_TASK, _GLUED_POINT))
    task_pattern, point_pattern = _styles(lines)
    tasks = out.year.tasks
    for line in lines:
        if (found := task_pattern.match(line)) and found["rest"].strip():
            title, lead = split_title(found["rest"].strip())
            tasks.append(Task(title=title, lead=lead) if title else Task(title=found["rest"].strip()))
        elif not tasks:
            out.cannot_place(line)
        elif found := point_pattern.match(line):
            title, text = split_title(found["rest"].strip())
            tasks[-1].points.append(TaskPoint(title=title, text=text) if title else TaskPoint(title=found["rest"].strip()))
        else:
            _add_paragraph(tasks[-1], line)
    if tasks:
        out.note(f"年度重点工作任务：{len(tasks)}项（其中分点{sum(len(task.points) for task in tasks)}条）")


def _styles(lines: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    # The first numbered line decides: tasks 1、/1. → points （1）; tasks （1） → points ①.
    for line in lines:
        if TASK_NUMBER.match(line):
            return TASK_NUMBER, BRACKET_NUMBER
        if BRACKET_NUMBER.match(line):
            return BRACKET_NUMBER, CIRCLED_NUMBER
    return TASK_NUMBER, BRACKET_NUMBER


def _add_paragraph(task: Task, line: str) -> None:
    if task.points and not task.points[-1].text and not task.paragraphs and not ORDINAL_POINT.match(line):
        task.points[-1].text = line  # the point's text typed on the line after its title
    elif not task.lead and not task.points and not task.paragraphs and not ORDINAL_POINT.match(line):
        task.lead = line
    else:
        task.paragraphs.append(line)


def parse_goals(lines: list[str], out: Collector) -> None:
    """Fill ``year.goals``: one goal per ``目标N：`` item (or per numbered or plain line), without indicator rows."""
    # A row of a table of three or more columns under the goals (a table that is no goal table) is kept, never a goal.
    out.cannot_place([line for line in lines if isinstance(line, TableRow)])
    lines = [line for line in lines if not isinstance(line, TableRow)]
    for line in join_broken_lines(_split_glued(lines, _GLUED_GOAL)):
        text = GOAL_MARKER.sub("", line, count=1) if GOAL_MARKER.match(line) else strip_list_number(line)
        if text.strip():
            out.year.goals.append(Goal(text=text.strip()))
    if out.year.goals:
        out.note(f"部门整体支出绩效目标：{len(out.year.goals)}项")
