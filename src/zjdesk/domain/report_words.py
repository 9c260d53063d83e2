"""The report's own words: its title, its headings, its sheets and how their numbers are written.

One home for the vocabulary that the report writer (:mod:`zjdesk.report.build`) prints and the Word
importer (:mod:`zjdesk.docx_import`) recognises, so a heading renamed here is renamed in both.
"""

from __future__ import annotations

from datetime import date

REPORT_TITLE = "部门整体支出绩效自评报告"
DATA_SHEET_TITLE = "部门整体支出绩效自评数据表"
SCORE_SHEET_TITLE = "部门整体支出绩效自评评分表"
GOAL_SHEET_TITLE = "部门整体支出绩效目标完成情况表"
# The goal table's columns: field of the row (or goal / score) → header, as the report prints them
# and the .xlsx export writes them (the importer also knows other names, see store.goal_xlsx).
GOAL_TABLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("goal", "绩效目标"),
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("level3", "三级指标"),
    ("nature", "指标性质"),
    ("target", "指标值"),
    ("unit", "度量单位"),
    ("actual", "实际完成值"),
    ("weight", "分值"),
    ("score", "得分"),
    ("deviation", "偏差原因分析及改进措施"),
)
DRAFT_MARK = "草稿"
# The grade a report states while indicators still await the team's score (a draft only: a final export is refused).
PENDING_GRADE = "待定"

# key → (level, the heading's standard words), in report order (DESIGN §2).
HEADINGS: dict[str, tuple[int, str]] = {
    "basic": (1, "单位基本情况"),
    "profile": (2, "单位机构设置、部门职能情况"),
    "tasks": (2, "年度总体工作和重点工作任务"),
    "goals": (2, "部门整体支出绩效目标"),
    "figures": (2, "部门整体支出情况"),
    "work": (1, "自评工作开展情况"),
    "team": (2, "评价小组情况"),
    "process": (2, "自评工作过程"),
    "submission": (2, "自评材料报送时间及质量"),
    "disclosure": (2, "自评材料报送及公开一致情况"),
    "self": (1, "绩效自评情况"),
    "result": (2, "自评结果"),
    "analysis": (2, "部门整体支出绩效指标分析"),
    "budgeting": (3, "预算编制情况"),
    "execution": (3, "预算执行情况"),
    "supervision": (3, "预算监督情况"),
    "performance": (3, "履职效益情况"),
    "practices": (2, "主要做法和经验"),
    "problems": (2, "存在问题"),
    "improvements": (2, "改进措施"),
    "other": (1, "其他自评情况"),
}

CHINESE_DIGITS = "零一二三四五六七八九"
CIRCLED_DIGITS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese_date(value: date | None) -> str:
    """2025年5月14日 (empty when unknown)."""
    return f"{value.year}年{value.month}月{value.day}日" if value else ""


def heading_title(key: str) -> str:
    """The standard words of the heading ``key`` (``"basic"`` → 单位基本情况)."""
    return HEADINGS[key][1]


def chinese_numeral(number: int) -> str:
    """A positive whole number in Chinese numerals: 一, 十, 十一, 二十, 九十九, 一百, 一百零五, 一百一十.

    Headings count from 一 upward with no limit a report could reach (a list of 120 改进措施 still
    numbers), written as officers write them: 十一…十九 without a leading 一, zeros read once (一千零五).
    """
    if number < 1:
        raise ValueError(f"heading numbers start at 1, not {number}")
    if number >= 10_000:
        high, low = divmod(number, 10_000)
        return chinese_numeral(high) + "万" + ((("零" if low < 1000 else "") + _below_ten_thousand(low, True)) if low else "")
    return _below_ten_thousand(number, False)


def _below_ten_thousand(number: int, inner: bool) -> str:
    if 10 <= number < 20 and not inner:
        return "十" + (CHINESE_DIGITS[number - 10] if number > 10 else "")
    text = ""
    zero = False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit, number = divmod(number, value)
        if digit:
            text += ("零" if zero else "") + CHINESE_DIGITS[digit] + unit
            zero = False
        elif text:
            zero = number > 0
    return text


def circled_number(number: int) -> str:
    """①…⑳ for 1–20, （21） beyond (the checklist items of a 评分标准)."""
    return CIRCLED_DIGITS[number - 1] if 1 <= number <= len(CIRCLED_DIGITS) else f"（{number}）"
