"""三、绩效自评情况 and 四、其他自评情况: score and grade as stated, analysis texts and the lists."""

from __future__ import annotations

import re
from decimal import Decimal

from zjdesk.docx_import.result import Collector
from zjdesk.docx_import.team import joined_text
from zjdesk.docx_import.text import CHINESE_DIGITS, CHINESE_NUMERAL, join_broken_lines, split_at, strip_list_number
from zjdesk.domain.amounts import normalise_width
from zjdesk.domain.model import Practice

# 暂计: a zjdesk draft whose indicators still await their score states its total so (and no grade).
_SCORE = re.compile(r"(?:自评)?(?:分数|得分|总分)\s*(?:为|是|暂计)?\s*[：:]?\s*(?P<score>\d{1,3}(?:\.\d{1,2})?)\s*分")
_GRADE = re.compile(r"(?:等级|评级|等次)\s*(?:为|是)?\s*[：:]?\s*[\"“”'‘’]?(?P<grade>优秀|良好|优|良|中|合格|不合格|差)")
_RESULT_SENTENCE = re.compile(
    r"^(?:自评结论\s*[：:]\s*)?(?:经自评[，,]?\s*)?(?:(?:本|我)(?:单位|部门|局|馆|办|委|院|所|处|站|队|会|中心))?(?:20\d\d年度?)?(?:部门整体支出)?(?:绩效)?"
    r"(?:自评)?(?:分数|得分|总分)[^。]*?分\s*[，,；;]?\s*(?:自评)?(?:等级|评级|等次)[^。]*?[。.]?$"
)
_GLUED_ITEM = re.compile(
    rf"(?<=[。；;])\s*(?=(?:{CHINESE_NUMERAL}\s*[、.．]|[（(][{CHINESE_DIGITS}]{{1,3}}[）)]|\d{{1,3}}\s*[、.．](?!\d)))"
)
_PRACTICE_TITLE = re.compile(r"^(?P<title>[^。：:\s]{2,40}?)(?:。|\s+)(?P<text>\S.*)$", re.DOTALL)
# A row of the score sheet written under an analysis heading by the zjdesk export:
# "（1）预算完成率。预算完成率 100.00% ≥ 95%，得 10/10 分。" / "（2）…。分值5分，未评分。"
_SCORE_ROW = re.compile(
    r"^[（(]\d{1,2}[）)][^。]{1,40}。.*?(?:(?:得|计)\s*\d+(?:\.\d+)?\s*/\s*\d+(?:\.\d+)?\s*分|分值\d+(?:\.\d+)?分[，,]\s*(?:未评分|得\d+(?:\.\d+)?分))"
    r"[^。]*。(?:扣分原因[：:].*)?$",
    re.DOTALL,
)
_NOTHING = ("无", "无。", "暂无", "暂无。", "没有", "无其他自评情况。", "无其他自评情况")
# What a report prints for an empty part: 无。 (and zjdesk's placeholder for an empty field).
PLACEHOLDERS = ("无", "无。", "（未填写）")


def parse_result(lines: list[str], out: Collector) -> None:
    """自评结果: 自评分数X分，等级X。 Anything else in the section cannot be placed."""
    evaluation = out.year.evaluation
    for line in lines:
        text = normalise_width(line)
        score, grade = _SCORE.search(text), _GRADE.search(text)
        if score and evaluation.stated_score is None:
            evaluation.stated_score = Decimal(score["score"])
        if grade and not evaluation.stated_grade:
            evaluation.stated_grade = grade["grade"]
        if not _RESULT_SENTENCE.match(line.strip()):
            out.cannot_place(line)
    stated = []
    if evaluation.stated_score is not None:
        stated.append(f"自评分数{evaluation.stated_score}分")
    if evaluation.stated_grade:
        stated.append(f"等级{evaluation.stated_grade}")
    out.note("自评结果：" + ("，".join(stated) if stated else "未写明分数和等级"))


def without_score_rows(lines: list[str], out: Collector) -> list[str]:
    """``lines`` without the score-sheet rows an exported report lists under its analysis headings.

    Those rows are generated from the indicator set and its scores (评分表), which a year keeps
    as data; reading them back as text would duplicate the score sheet.
    """
    kept = [line for line in lines if not _SCORE_ROW.match(line)]
    if len(kept) < len(lines):
        out.note(f"绩效指标分析：其下{len(lines) - len(kept)}行评分说明由评分表生成，未作为文字导入")
    return kept


def parse_analysis(key: str, lines: list[str], out: Collector) -> None:
    """1.预算编制情况 / 2.预算执行情况 / 3.预算监督情况 (other groups' text cannot be placed)."""
    names = {"budgeting": "预算编制情况", "execution": "预算执行情况", "supervision": "预算监督情况"}
    out.note(f"绩效指标分析：{names.get(key, '履职效益情况')}" + ("已读取" if key in names else "（无对应栏目）"))
    lines = without_score_rows(lines, out)
    if key in names:
        setattr(out.year.evaluation, key, joined_text(lines))
    else:
        out.cannot_place(lines)


def _items(lines: list[str]) -> list[str]:
    parts = [part for line in lines if line.strip() not in PLACEHOLDERS for part in split_at(_GLUED_ITEM, line)]
    return join_broken_lines(parts)


def parse_practices(lines: list[str], out: Collector) -> None:
    """主要做法和经验: one practice per paragraph, ``标题。正文`` or ``标题 正文``."""
    for item in _items(lines):
        text = strip_list_number(item).strip()
        found = _PRACTICE_TITLE.match(text)
        if found:
            out.year.practices.append(Practice(title=found["title"], text=found["text"]))
        else:
            out.year.practices.append(Practice(text=text))
    out.note(f"主要做法和经验：{len(out.year.practices)}条")


def parse_list(key: str, lines: list[str], out: Collector) -> None:
    """存在问题 / 改进措施: one item per paragraph or number, the number itself dropped."""
    items = [strip_list_number(item).strip() for item in _items(lines)]
    target = out.year.problems if key == "problems" else out.year.improvements
    target.extend(item for item in items if item)
    out.note(f"{'存在问题' if key == 'problems' else '改进措施'}：{len(target)}条")


def parse_other(lines: list[str], out: Collector) -> None:
    """四、其他自评情况: ``无`` stays empty (the report prints 无 for an empty section).

    What follows a ``无`` (a table at the end of the report, an attachment) is not the section's text:
    ``无`` ends no sentence, so it would be joined to the next line (无一级指标 二级指标 …).
    """
    first = next((index for index, line in enumerate(lines) if line.strip()), len(lines))
    if first < len(lines) and lines[first].strip() in _NOTHING:
        out.cannot_place(lines[first + 1 :])
        lines = []
    text = joined_text(lines)
    out.year.other = "" if text.strip() in _NOTHING else text
    out.note("其他自评情况：" + ("无" if not out.year.other else "已读取"))
