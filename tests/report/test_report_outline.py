"""The outline: generated heading numbers, generated sentences, and the sheets agreeing with the engines."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.rates import compute_rates
from zjdesk.domain.scoring import score_year
from zjdesk.report.engine import outline_for
from zjdesk.report.numbering import HeadingCounter, chinese_numeral, heading_number
from zjdesk.report.outline import Heading

NUMBER_PATTERNS = {
    1: re.compile(r"^([一二三四五六七八九十]+)、$"),
    2: re.compile(r"^（([一二三四五六七八九十]+)）$"),
    3: re.compile(r"^(\d+)\.$"),
    4: re.compile(r"^（(\d+)）$"),
}
CHINESE_VALUES = {chinese_numeral(n): n for n in range(1, 100)}


def test_chinese_numerals() -> None:
    assert [chinese_numeral(n) for n in (1, 9, 10, 11, 19, 20, 21, 99)] == [
        "一",
        "九",
        "十",
        "十一",
        "十九",
        "二十",
        "二十一",
        "九十九",
    ]
    with pytest.raises(ValueError):
        chinese_numeral(0)


def test_heading_counter_restarts_lower_levels() -> None:
    counter = HeadingCounter()
    numbers = [counter.next(level) for level in (1, 2, 3, 4, 4, 3, 2, 3, 1, 2)]
    assert numbers == ["一、", "（一）", "1.", "（1）", "（2）", "2.", "（二）", "1.", "二、", "（一）"]
    assert heading_number(4, 12) == "（12）"


def _value(level: int, number: str) -> int:
    match = NUMBER_PATTERNS[level].match(number)
    assert match, f"level {level} heading numbered {number!r}"
    text = match.group(1)
    return int(text) if level >= 3 else CHINESE_VALUES[text]


def test_every_heading_level_is_numbered_without_gaps() -> None:
    outline = outline_for(demo_year())
    expected = {1: 1, 2: 1, 3: 1, 4: 1}
    for heading in outline.headings():
        assert _value(heading.level, heading.number) == expected[heading.level], heading.text
        expected[heading.level] += 1
        for lower in range(heading.level + 1, 5):
            expected[lower] = 1
    titles = [h.title for h in outline.headings(1)]
    assert titles == ["单位基本情况", "自评工作开展情况", "绩效自评情况", "其他自评情况"]
    assert [h.title for h in outline.headings(2)][:4] == [
        "单位机构设置、部门职能情况",
        "年度总体工作和重点工作任务",
        "部门整体支出绩效目标",
        "部门整体支出情况",
    ]


def _paragraph_after(outline, title: str) -> str:  # type: ignore[no-untyped-def]
    blocks = outline.blocks
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.title == title)
    return blocks[index + 1].text


def test_expenditure_paragraph_follows_the_figures_and_rates() -> None:
    year = demo_year()
    text = _paragraph_after(outline_for(year), "部门整体支出情况")
    rates = compute_rates(year)
    # As a finance officer writes it: the year once, then 决算收入, 决算支出 …; last year's named by its year.
    assert text.startswith("2024年全年预算收入1557.15万元；决算收入1557.15万元；")
    assert "；决算支出1557.15万元，其中：基本支出655.69万元，项目支出898.41万元；" in text
    assert "2023年决算支出1564.10万元" in text
    assert "预算数收入" not in text and "2024年决算" not in text
    assert f"预决算完成率{rates['final_budget_rate']:.2f}%" in text
    assert "100.45%" not in text  # the seed's wrong rate is not repeated

    year.figures.final_expenditure.total = Decimal("1401.44")
    changed = _paragraph_after(outline_for(year), "部门整体支出情况")
    assert "；决算支出1401.44万元" in changed
    assert f"收入支出完成率{compute_rates(year)['revenue_expenditure_rate']:.2f}%" in changed
    assert "收入支出完成率90.00%" in changed


def test_score_sentence_and_sheets_follow_the_score_engine() -> None:
    year = demo_year()
    year.indicator_set.indicators[0].judged_score = Decimal("3.5")
    year.indicator_set.indicators[0].deduction_reason = "部分目标未细化"
    score = score_year(year)
    outline = outline_for(year)
    total = f"{score.total.normalize():f}"
    assert _paragraph_after(outline, "自评结果") == f"自评结论：自评分数{total}分，等级{score.grade}。"
    sheet = outline.table("score_sheet")
    data_rows = [row for row in sheet.rows if row.kind == "data"]
    assert len(data_rows) == len(score.indicators)
    assert [Decimal(row.cells[5]) for row in data_rows] == [item.score for item in score.indicators]
    total_row = next(row for row in sheet.rows if row.cells[0] == "合计")
    by_column = {first: text for first, _span, text in total_row.placed(len(sheet.columns))}
    assert Decimal(by_column[5]) == score.total
    assert Decimal(by_column[3]) == score.max_total
    # 评分说明 in a bureau's words, with the deduction and the officer's reason.
    assert data_rows[0].cells[6] == "按评价小组评定，扣1.5分：部分目标未细化。"


def test_a_score_from_the_goal_table_says_so_and_where_its_deduction_is_explained() -> None:
    year = example_year()
    score = score_year(year)
    rows = [row for row in outline_for(year).table("score_sheet").rows if row.kind == "data"]
    notes = {item.indicator.code: row.cells[6] for item, row in zip(score.indicators, rows, strict=True)}
    assert notes["key_task_completion"] == (
        "按绩效目标完成情况表计算，产出指标得分率97.54%，扣0.25分：偏差原因见部门整体支出绩效目标完成情况表。"
    )
    year.goals[0].indicators[1].actual = "95"  # the 产出 rows below their targets now meet them
    year.goals[1].indicators[1].actual = "300"
    rows = [row for row in outline_for(year).table("score_sheet").rows if row.kind == "data"]
    assert rows[[item.indicator.code for item in score.indicators].index("key_task_completion")].cells[6] == (
        "按绩效目标完成情况表计算，产出指标得分率100.00%。"
    )


def test_data_sheet_states_the_figures_and_every_rate() -> None:
    year = demo_year()
    sheet = outline_for(year).table("data_sheet")
    by_label = {row.cells[1]: row.cells[2] for row in sheet.rows if row.kind == "data"}
    assert by_label["决算支出"] == "1557.15"
    assert by_label["上年决算支出"] == "1564.10"
    assert by_label["在职人员控制率"] == f"{compute_rates(year)['staff_control_rate']:.2f}"
    assert by_label["年初预算数"] == "—"  # unknown stays unknown, never 0


def test_empty_sections_say_so() -> None:
    year = demo_year()
    year.other = ""
    year.practices = []
    outline = outline_for(year)
    assert _paragraph_after(outline, "其他自评情况") == "无"
    assert _paragraph_after(outline, "主要做法和经验") == "无。"


def test_improvements_are_numbered_as_level_three_items_under_five() -> None:
    """Under （五） the measures are 1. 2. 3. — 一、二、 would rank them with the level-1 headings."""
    year = demo_year()
    year.improvements.append("第三项措施。")
    texts = [b.text for b in outline_for(year).blocks]
    start = texts.index("（五）改进措施")
    assert [t[:2] for t in texts[start + 1 : start + 4]] == ["1.", "2.", "3."]
    year.improvements = [f"第{n}项措施。" for n in range(1, 121)]
    texts = [b.text for b in outline_for(year).blocks]
    start = texts.index("（五）改进措施")
    assert texts[start + 120] == "120.第120项措施。"


def test_the_data_sheet_prints_every_declared_figure_by_its_name() -> None:
    from zjdesk.domain.registry import breakdown_parts, figure_fields

    rows = outline_for(demo_year()).table("data_sheet").rows
    labels = {row.cells[1].strip("　").removeprefix("其中：") for row in rows if row.kind == "data"}
    part_labels = {part.name: part.info.label for part in breakdown_parts()}
    for item in figure_fields():
        if item.info.sheet_group:
            assert item.info.label in labels
            assert {part_labels[part] for part in item.info.sheet_parts} <= labels


def test_expenditure_paragraph_pairs_each_budget_with_its_actual_spending() -> None:
    year = demo_year()
    figures = year.figures
    figures.initial_budget, figures.budget_adjustment = Decimal("1500.00"), Decimal("57.15")
    figures.public_funds_budget, figures.public_funds_actual = Decimal("80.00"), Decimal("78.50")
    figures.procurement_plan, figures.procurement_actual = Decimal("30.00"), Decimal("29.00")
    figures.carry_over = Decimal("3.05")
    text = _paragraph_after(outline_for(year), "部门整体支出情况")
    assert "；年初预算1500.00万元，预算调整57.15万元；" in text
    assert "；年末结转结余3.05万元；" in text
    assert "；公用经费预算80.00万元，实际支出78.50万元；" in text
    assert "；政府采购计划30.00万元，实际采购29.00万元；" in text
    assert "结转结余率0.20%" in text  # 3.05 ÷ 1557.15


def test_the_data_sheet_prints_every_part_a_total_has_so_its_parts_add_up() -> None:
    """全年预算数 with 其他支出 entered: the sheet prints that part too, as the 支出情况 paragraph does."""
    year = example_year()
    year.figures.budget.other = Decimal("50.00")
    year.figures.budget.total = Decimal("870.50")
    outline = outline_for(year)
    rows = [row for row in outline.table("data_sheet").rows if row.kind == "data"]
    start = next(i for i, row in enumerate(rows) if row.cells[1] == "全年预算数")
    parts = rows[start + 1 : start + 4]
    assert [row.cells[1].strip("　").removeprefix("其中：") for row in parts] == ["基本支出", "项目支出", "其他支出"]
    assert sum(Decimal(row.cells[2]) for row in parts) == Decimal(rows[start].cells[2])
    assert "其他支出50.00万元" in _paragraph_after(outline, "部门整体支出情况")
    # 决算收入 has no 其他支出: no empty row for it.
    revenue = next(i for i, row in enumerate(rows) if row.cells[1] == "决算收入")
    assert rows[revenue + 3].cells[1] == "决算支出"


def test_a_draft_with_indicators_still_to_score_states_no_grade() -> None:
    """A sum of the scores so far is no grade: the draft says 暂计 and 待定, as the score panel does."""
    year = example_year()
    year.indicator_set.indicators[0].judged_score = None
    year.indicator_set.indicators[1].judged_score = None
    score = score_year(year)
    outline = outline_for(year, draft=True)
    total = f"{score.total.normalize():f}"
    assert _paragraph_after(outline, "自评结果") == f"自评结论：自评分数暂计{total}分，等级待定（尚有2项指标待评定）。"
    sheet = outline.table("score_sheet")
    total_row = next(row for row in sheet.rows if row.cells[0] == "合计")
    assert total_row.cells[-1] == "暂计，尚有2项指标待评定"
    assert next(row for row in sheet.rows if row.cells[0] == "自评等级").cells[1] == "待定"
    unscored = [row for row in sheet.rows if row.kind == "data"][:2]
    assert [(row.cells[5], row.cells[6]) for row in unscored] == [("—", "待评定")] * 2  # not an empty cell beside —
    # Scored in full, the grade is the engine's.
    year = example_year()
    sheet = outline_for(year).table("score_sheet")
    assert next(row for row in sheet.rows if row.cells[0] == "自评等级").cells[1] == score_year(year).grade
    assert next(row for row in sheet.rows if row.cells[0] == "合计").cells[-1] == ""


def test_an_entry_added_to_a_list_and_left_blank_is_left_out_of_the_report() -> None:
    """A blank paragraph, problem, measure, practice or name is no text: never 2. alone, （未填写） or 张三、、李四."""
    from zjdesk.domain.model import Practice, Task, TaskPoint

    year = example_year()
    year.tasks[1].paragraphs.append("  ")
    year.tasks[2].points.append(TaskPoint("", " "))
    year.tasks.append(Task())
    year.problems.insert(1, "")
    year.improvements.insert(1, "　")
    year.practices.append(Practice("", ""))
    year.team.members.insert(2, " ")
    texts = [block.text for block in outline_for(year).blocks]
    assert "（未填写）" not in texts
    start = texts.index("（五）改进措施")
    assert texts[start + 1 : start + 4] == [f"{n}.{m}" for n, m in enumerate(example_year().improvements, start=1)]
    assert texts[texts.index("（四）存在问题") + 1 : start] == example_year().problems
    practices = texts.index("（三）主要做法和经验")
    assert texts[practices + 2] == "（四）存在问题"
    assert "成　员：王一、赵二、陈三、刘四" in texts
    tasks = [block.text for block in outline_for(year).headings(3)][: len(example_year().tasks) + 1]
    assert [text[:2] for text in tasks] == ["1.", "2.", "3.", "1."]  # the blank fourth task is no task; 1. opens 三、（二）
    # A list of blank entries only reads as an empty one.
    year.improvements = ["", " "]
    texts = [block.text for block in outline_for(year).blocks]
    assert texts[texts.index("（五）改进措施") + 1] == "无。"


def test_a_task_point_or_practice_without_a_title_runs_its_text_on_from_the_number() -> None:
    from zjdesk.domain.model import Practice, Task, TaskPoint

    year = example_year()
    year.tasks.append(Task("", "盘活存量资产。", [TaskPoint("", "每月巡查一次。")]))
    year.practices = [Practice("", "年初细化绩效目标。")]
    texts = [block.text for block in outline_for(year).blocks]
    assert "4.盘活存量资产。" in texts and "（1）每月巡查一次。" in texts and "1.年初细化绩效目标。" in texts
    assert not any(".。" in text or "）。" in text[:5] for text in texts)


def test_a_checklist_deduction_names_the_items_not_met_by_their_marks_in_the_criteria() -> None:
    year = example_year()
    rules = next(i for i in year.indicator_set.indicators if i.code == "management_rules")
    rules.checklist_met = [True, False, True, False, True]
    outline = outline_for(year)
    row = next(row for row in outline.table("score_sheet").rows if row.cells[2] == "管理制度健全性")
    assert "②已建立健全财务管理制度" in row.cells[4] and "④已建立健全内部控制制度" in row.cells[4]
    assert row.cells[6] == "按检查项逐项评定：5项中3项符合，②、④项不符合，扣2分。"
    full = next(row for row in outline.table("score_sheet").rows if row.cells[2] == "资产管理安全性")
    assert full.cells[6] == "按检查项逐项评定：5项均符合。"
