"""Variants real files have (issue: tolerances): each still imports into the seed's fields."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

from support.import_docs import build_docx, differences, numbered_seed_lines, seed_lines, seed_year
from zjdesk.demo import demo_year
from zjdesk.docx_import import ImportResult, import_docx_bytes
from zjdesk.domain.model import YearData


def _import(lines: list[str], **options) -> ImportResult:
    return import_docx_bytes(build_docx(lines, **options), "variant.docx")


def _replace(lines: list[str], start: str, new: list[str], count: int = 1) -> list[str]:
    """Replace ``count`` lines from the first one starting with ``start`` by ``new``."""
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(start))
    return lines[:index] + new + lines[index + count :]


def _line(lines: list[str], start: str) -> str:
    return next(line for line in lines if line.strip().startswith(start))


def _assert_demo(result: ImportResult, *, expected: YearData | None = None) -> None:
    assert differences(result.year, expected or seed_year()) == []
    assert result.unplaced == []


# --- heading numbers present, missing or out of sequence ---------------------------------------


def test_heading_numbers_out_of_sequence() -> None:
    lines = numbered_seed_lines()
    lines = _replace(lines, "一、单位基本情况", ["三、单位基本情况"])
    lines = _replace(lines, "（一）单位机构设置", ["（五）单位机构设置、部门职能情况"])
    lines = _replace(lines, "（二）年度总体工作", ["（二）年度总体工作和重点工作任务"])
    lines = _replace(lines, "（三）部门整体支出绩效目标", ["（七）部门整体支出绩效目标"])
    lines = _replace(lines, "1.预算编制情况", ["3.预算编制情况。"])
    lines = _replace(lines, "四、其他自评情况", ["五、其他自评情况"])
    _assert_demo(_import(lines))


def test_sections_in_another_order_are_still_placed() -> None:
    lines = seed_lines()
    goals_at = lines.index("（三）部门整体支出绩效目标")
    goals = lines[goals_at : goals_at + 5]
    rest = lines[:goals_at] + lines[goals_at + 5 :]
    tasks_at = rest.index("年度总体工作和重点工作任务")
    _assert_demo(_import(rest[:tasks_at] + goals + rest[tasks_at:]))


def test_heading_numbers_in_other_styles() -> None:
    lines = numbered_seed_lines()
    lines = _replace(lines, "一、单位基本情况", ["一.单位基本情况"])
    lines = _replace(lines, "（一）单位机构设置", ["(一)单位机构设置、部门职能情况"])
    lines = _replace(lines, "（二）年度总体工作", ["（二）、年度总体工作和重点工作任务"])
    lines = _replace(lines, "（四）部门整体支出情况", ["第四部分 部门整体支出情况"])
    lines = _replace(lines, "2.预算执行情况", ["（2）预算执行情况"])
    _assert_demo(_import(lines))


# --- full-width or half-width brackets and colons ----------------------------------------------


def test_half_width_brackets_and_colons() -> None:
    lines = seed_lines()
    lines = _replace(lines, "评价年度", ["评价年度:2024年度"])
    lines = _replace(lines, "评价单位", ["评价单位(公章):湛江市人民政府驻广州办事处"])
    lines = _replace(lines, "填报日期", ["填报日期: 2025年5月14日"])
    lines = _replace(lines, "组  长", ["组长:周泽宗"])
    lines = _replace(lines, "副组长", ["副组长 : 周少青"])
    lines = [line.replace("目标1：", "目标1:").replace("目标2：", "目标2: ") for line in lines]
    lines = _replace(lines, "（一）评价小组情况", ["(一)评价小组情况."])
    lines = _replace(lines, "自评结论", ["自评结论:自评分数100分,等级优。"])
    _assert_demo(_import(lines))


# --- a heading and its text on the same line ---------------------------------------------------


def test_heading_and_text_on_the_same_line() -> None:
    lines = numbered_seed_lines()
    for heading in ("（一）评价小组情况。", "（二）自评工作过程。", "（四）自评材料报送及公开一致情况。", "（一）自评结果。"):
        at = lines.index(heading)
        lines = [*lines[:at], heading + lines[at + 1], *lines[at + 2 :]]
    for heading in ("1.预算编制情况。", "3.预算监督情况。"):
        at = lines.index(heading)
        lines = [*lines[:at], heading + lines[at + 1], *lines[at + 2 :]]
    at = lines.index("（三）部门整体支出绩效目标")
    lines = [*lines[:at], "（三）部门整体支出绩效目标：" + lines[at + 1], *lines[at + 2 :]]
    lines = _replace(lines, "（五）改进措施", ["（五）改进措施：" + _line(lines, "一 、加强")], count=2)
    _assert_demo(_import(lines))


def test_heading_glued_after_a_paragraph_is_split_off() -> None:
    lines = numbered_seed_lines()
    figures = _line(lines, "2024年预算数收入")
    lines = _replace(lines, "2024年预算数收入", [figures + " 二、自评工作开展情况"])
    lines.remove("二、自评工作开展情况")
    _assert_demo(_import(lines))


# --- 一是/二是/三是 lists -----------------------------------------------------------------------


def test_ordinal_points_are_paragraphs_of_their_task() -> None:
    tasks = _import(seed_lines()).year.tasks
    assert tasks[6].paragraphs[0].startswith("一是进一步细化管理")
    assert [text[:2] for text in tasks[7].paragraphs] == ["一是", "二是", "三是"]


def test_ordinal_problems_each_become_an_item() -> None:
    lines = _replace(seed_lines(), "本办事处作为", ["一是预算编制不够细化；", "二是绩效目标量化不足；", "三是数据分析有待加强。"])
    assert _import(lines).year.problems == ["一是预算编制不够细化；", "二是绩效目标量化不足；", "三是数据分析有待加强。"]


# --- tasks numbered 1、 or 1. or (1) -----------------------------------------------------------


def _renumber_tasks(number: Callable[[int], str], point: Callable[[int], str] | None = None) -> list[str]:
    lines = seed_lines()
    renumbered = []
    for line in lines:
        text = line.strip()
        if text[:1].isdigit() and text[1:2] == "、":
            text = number(int(text[0])) + text[2:]
        elif point and text.startswith("（") and text[1:2].isdigit() and text[2:3] == "）":
            text = point(int(text[1])) + text[3:]
        renumbered.append(text)
    return renumbered


@pytest.mark.parametrize(
    "number, point",
    [
        (lambda n: f"{n}.", None),
        (lambda n: f"{n}．", lambda n: f"({n})"),
        (lambda n: f"{n} 、", None),
        (lambda n: f"（{n}）", lambda n: "①②③"[n - 1]),
        (lambda n: f"({n})", lambda n: "①②③"[n - 1]),
    ],
    ids=["1.", "1． (1)", "1 、", "（1） ①", "(1) ①"],
)
def test_task_numbering_styles(number, point) -> None:
    _assert_demo(_import(_renumber_tasks(number, point)))


# --- cover fields missing or malformed --------------------------------------------------------


def test_cover_fields_missing_are_taken_from_the_opening() -> None:
    lines = [line for line in seed_lines() if not line.startswith(("评价年度", "评价单位", "附件6"))]
    result = _import(lines)
    expected = seed_year()
    expected.cover.attachment_number = ""
    _assert_demo(result, expected=expected)
    assert any("取自开头段" in line for line in result.found)


def test_cover_fields_malformed_go_to_unplaced() -> None:
    lines = _replace(seed_lines(), "填报日期", ["填报日期：2025年13月40日"])
    lines = _replace(lines, "评价年度", ["评价年度：二〇二四年度"])
    result = _import(lines)
    assert result.year.cover.fill_date is None
    assert result.year.cover.evaluation_year == 2024  # from the opening paragraph
    assert result.unplaced == ["评价年度：二〇二四年度", "填报日期：2025年13月40日"]
    assert result.year.unplaced == result.unplaced
    assert result.year.process.submission_date == date(2025, 5, 14)  # the year after the evaluation year


def test_no_cover_and_no_opening_still_imports_the_body() -> None:
    lines = seed_lines()
    body = lines[lines.index("单位基本情况") :]
    year = _import(body).year
    assert year.cover.unit_name == "" and year.cover.evaluation_year == 0
    assert year.cover.opening_text  # the usual wording stands in, not marked for review
    assert "cover.opening_text" not in year.review
    assert len(year.tasks) == 8 and year.team.leaders == ["周泽宗"]


# --- text split into odd paragraphs or joined into one ----------------------------------------


def test_paragraphs_broken_in_the_middle_are_joined() -> None:
    lines = seed_lines()
    profile = _line(lines, "广州办成立于")
    cut = profile.index("领导职数")
    lines = _replace(lines, "广州办成立于", [profile[:cut], profile[cut:]])
    point = _line(lines, "（2）加强新形势下的信访调研")
    cut = point.index("拟请")
    lines = _replace(lines, "（2）加强新形势下的信访调研", [point[:cut], point[cut:]])
    work = _line(lines, "我办组织召开")
    lines = _replace(lines, "我办组织召开", [work[:20], work[20:60], work[60:]])
    problem = _line(lines, "本办事处作为")
    lines = _replace(lines, "本办事处作为", [problem[:30], problem[30:]])
    _assert_demo(_import(lines))


def test_sections_joined_into_one_paragraph() -> None:
    lines = seed_lines()

    def join(start: str, count: int) -> None:
        nonlocal lines
        at = next(i for i, line in enumerate(lines) if line.startswith(start))
        lines = [*lines[:at], "".join(lines[at : at + count]), *lines[at + count :]]

    join("目标1", 4)
    join("组  长", 3)
    join("（1）提高思想认识", 3)
    join("1、主动作为", 3)
    join("一 、加强", 2)
    _assert_demo(_import(lines))


def test_team_in_a_table() -> None:
    lines = [line for line in seed_lines() if not line.startswith(("组  长", "副组长", "成  员"))]
    at = lines.index("自评工作过程。")
    members = "杨念平、李敖松、宋秋红、谢亚富、陈波、蔡融臻、王斌、李烈、陈昌腾"
    table = [["组长", "周泽宗"], ["副组长", "周少青"], ["成员", members]]
    _assert_demo(_import(lines, tables={at: table}))


# --- numbers with or without 万元 --------------------------------------------------------------


@pytest.mark.parametrize(
    "paragraph",
    [
        "2024年预算数收入1557.15，2024年决算收入1557.15，其中：基本支出655.69，专项项目898.41；"
        "2023年决算支出1564.1，其中基本支出665.69，专项项目898.41；收入支出完成率100%，预决算完成率100.45%。",
        "2024年预算数收入1,557.15万元，2024年决算收入１５５７．１５万元，其中：基本支出655.69万，专项项目898.41万元；"
        "上年决算支出1564.10万元，其中基本支出6,656,900元，项目支出898.41万元；收入支出完成率100%，预决算完成率100.45%。",
    ],
    ids=["no unit", "mixed units and widths"],
)
def test_amounts_with_or_without_units(paragraph: str) -> None:
    _assert_demo(_import(_replace(seed_lines(), "2024年预算数收入", [paragraph])))


def test_stated_expenditure_and_other_figures() -> None:
    paragraph = (
        "2024年年初预算1500万元，预算调整57.15万元，全年预算数1557.15万元；决算支出1550.00万元，其中：基本支出650万元，"
        "项目支出890万元，其他支出10万元；结转结余7.15万元；“三公”经费预算12万元，“三公”经费支出10.5万元；支付进度率98.5%。"
    )
    figures = _import(_replace(seed_lines(), "2024年预算数收入", [paragraph])).year.figures
    assert figures.initial_budget == Decimal("1500.00") and figures.budget_adjustment == Decimal("57.15")
    assert figures.budget.total == Decimal("1557.15")
    assert (figures.final_expenditure.total, figures.final_expenditure.other) == (Decimal("1550.00"), Decimal("10.00"))
    assert figures.carry_over == Decimal("7.15")
    assert (figures.three_public_budget, figures.three_public_actual) == (Decimal("12.00"), Decimal("10.50"))
    assert figures.payment_progress_rate == Decimal("98.5")


# --- nothing dropped ---------------------------------------------------------------------------


def test_text_that_cannot_be_placed_is_kept() -> None:
    lines = seed_lines()
    lines.insert(lines.index("单位基本情况"), "（此页无正文）")
    lines.insert(lines.index("单位机构设置、部门职能情况。"), "本单位情况说明如下。")
    lines.insert(lines.index("自评工作过程。"), "以上人员如有变动，由接替人员履行职责。")
    lines = _replace(lines, "2024年预算数收入", [_line(lines, "2024年预算数收入"), "另有往来款若干，详见决算报表。"])
    lines.insert(lines.index("1、主动作为，做好新形势下的信访维稳工作 "), "全年工作如下：")
    lines = _replace(lines, "广州办成立于", [_line(lines, "广州办成立于"), "办事处地址位于广州市越秀区。"])
    result = _import(lines)
    assert result.unplaced == [
        "（此页无正文）",
        "本单位情况说明如下。",
        "全年工作如下：",
        "另有往来款若干，详见决算报表。",
        "以上人员如有变动，由接替人员履行职责。",
    ]
    assert result.year.unplaced == result.unplaced
    assert result.year.profile.notes == ["办事处地址位于广州市越秀区。"]  # kept in the profile, word for word
    assert "未识别内容：5段" in result.found[-1]


def test_every_character_of_the_source_survives() -> None:
    """Each source line's words appear in some field or in unplaced (whitespace and list numbers aside)."""
    lines = _replace(seed_lines(), "广州办成立于", ["广州办地处广州，始建于1958年，历史悠久。"])
    result = _import(lines)
    from zjdesk.domain.paths import iter_text_fields

    texts = [text for _, text in iter_text_fields(result.year)] + result.unplaced
    assert "广州办地处广州，始建于1958年，历史悠久。" in texts
    assert result.year.profile.short_name == ""  # the unrecognised paragraph set nothing


# --- the data sheet printed after the report -------------------------------------------------


def test_data_sheet_table_fills_figures_the_paragraph_leaves_out() -> None:
    lines = [*seed_lines(), "部门整体支出绩效自评数据表"]
    sheet = [
        ["序号", "项目", "数值", "单位", "说明"],
        ["3", "全年预算数", "1600.00", "万元", ""],  # disagrees with the paragraph: the paragraph wins
        ["21", "上年“三公”经费实际支出", "11.20", "万元", "上年度决算"],
        ["22", "政府采购预算（计划）数", "—", "万元", ""],
        ["40", "支付进度率", "98.50", "%", "国库支付系统"],
    ]
    result = _import([*lines, "（表完）"], tables={len(lines): sheet})
    figures = result.year.figures
    assert figures.budget.total == Decimal("1557.15")
    assert figures.three_public_prior_actual == Decimal("11.20")
    assert figures.payment_progress_rate == Decimal("98.50")
    assert figures.procurement_plan is None
    assert any("全年预算数为1600.00，与正文的1557.15不一致" in line for line in result.found)
    assert result.unplaced == ["（表完）"]  # prose after the sheets is kept


def test_data_sheet_typed_by_hand_in_two_columns() -> None:
    # 项目 | 金额: the unit in the header (元 here), a rate with its %, a row that names no figure.
    lines = [*seed_lines(), "部门整体支出绩效自评数据表"]
    sheet = [
        ["项目", "金额（元）"],
        ["年初预算数", "15,571,500"],
        ["“三公”经费预算数", "80,000.00"],
        ["全年预算数", "15,571,500"],  # agrees with the paragraph
        ["支付进度率", "98.06%"],
        ["备注", "以决算批复为准"],
        ["其他收入", "1,200"],
    ]
    result = _import([*lines, ""], tables={len(lines): sheet})
    figures = result.year.figures
    assert figures.initial_budget == Decimal("1557.15")
    assert figures.three_public_budget == Decimal("8.00")
    assert figures.payment_progress_rate == Decimal("98.06")
    assert figures.budget.total == Decimal("1557.15")
    assert result.unplaced == ["备注：以决算批复为准", "其他收入：1,200"]
    assert any(line.startswith("数据表：补充了年初预算数1557.15") for line in result.found)


def test_result_sentence_in_the_units_own_words() -> None:
    lines = _replace(seed_lines(), "自评结论", ["经自评，我馆2024年度部门整体支出绩效自评得分95.5分，评级为优秀。"])
    result = _import(lines)
    assert result.year.evaluation.stated_score == Decimal("95.5")
    assert result.year.evaluation.stated_grade == "优秀"
    assert result.unplaced == []


def test_cover_fields_on_one_line_and_a_broken_opening() -> None:
    lines = seed_lines()
    opening = _line(lines, "根据《")
    cut = opening.index("通知》") + 1
    glued = "评价年度：2024年度    评价单位（公章）：湛江市人民政府驻广州办事处\t填报日期：2025年5月14日"
    lines = _replace(lines, "评价年度", [glued], 3)
    lines = _replace(lines, "根据《", [opening[:cut], opening[cut:80], opening[80:]])
    _assert_demo(_import(lines))


def test_profile_paragraph_only_partly_understood_is_kept_whole() -> None:
    staff = "广州办成立于1958年11月，正处级编制，核定编制17名，其中公务员8名，领导职数1正2副，另有借调人员若干。"
    lines = _replace(seed_lines(), "广州办成立于", [staff])
    profile = _import(lines).year.profile
    assert staff in profile.notes
    assert (profile.short_name, profile.founded, profile.establishment_total, profile.staff) == ("", "", None, [])


def test_chinese_list_numbers() -> None:
    from zjdesk.domain.report_words import chinese_numeral

    expected = ["一", "九", "十", "十一", "二十", "二十五", "九十九", "一百", "一百零五", "一百二十"]
    assert [chinese_numeral(n) for n in (1, 9, 10, 11, 20, 25, 99, 100, 105, 120)] == expected


def test_profile_summary_that_disagrees_with_the_sections_is_kept() -> None:
    lines = _replace(seed_lines(), "内设3个科室", ["内设4个科室，下属二级预算单位数量为1个。"])
    profile = _import(lines).year.profile
    assert profile.notes == ["内设4个科室，下属二级预算单位数量为1个。"]
    assert [section.name for section in profile.sections] == ["一科", "二科", "三科"]


def test_several_practices_and_other_text() -> None:
    lines = _replace(
        seed_lines(),
        "主要做法和经验 强化组织领导",
        ["1.强化组织领导。成立专项领导小组。", "2.加强过程监控 按月通报支出进度。", "注重结果运用：把自评结果用于下年预算。"],
    )
    lines = _replace(lines, "无", ["本年度另开展了项目支出绩效自评，", "结果已另行报送。"])
    year = _import(lines).year
    assert [(p.title, p.text) for p in year.practices] == [
        ("强化组织领导", "成立专项领导小组。"),
        ("加强过程监控", "按月通报支出进度。"),
        ("", "注重结果运用：把自评结果用于下年预算。"),
    ]
    assert year.other == "本年度另开展了项目支出绩效自评，结果已另行报送。"


def test_titles_and_their_text_on_separate_lines() -> None:
    lines = seed_lines()
    # A task's title without its full stop, then the lead; a point's title with it, then the text.
    for start, keep_stop in (("3、整合信息资源", False), ("4、加强乡情联络", False), ("（1）提高思想认识", True)):
        line = _line(lines, start)
        cut = line.index("。")
        lines = _replace(lines, start, [line[: cut + keep_stop], line[cut + 1 :]])
    _assert_demo(_import(lines))


def test_analysis_words_elsewhere_are_not_headings() -> None:
    lines = _replace(seed_lines(), "6、提高办文", ["6、预算执行。按月分析支出进度。"])
    lines = _replace(lines, "本办事处作为", ["预算编制：部分项目测算不够细化。"])
    year = _import(lines).year
    assert (year.tasks[5].title, year.tasks[5].lead) == ("预算执行", "按月分析支出进度。")
    assert year.problems == ["预算编制：部分项目测算不够细化。"]
    assert year.evaluation.execution == demo_year().evaluation.execution


def test_heading_words_after_a_point_number_are_a_point() -> None:
    lines = _replace(seed_lines(), "（3）认真落实", ["（3）存在问题：接待标准执行不一。严格控制接待范围。"])
    year = _import(lines).year
    assert year.tasks[1].points[2].title == "存在问题：接待标准执行不一。严格控制接待范围。"
    assert year.problems == demo_year().problems


def test_a_table_after_other_nothing_is_kept_apart_not_joined_to_it() -> None:
    # A report that ends 四、其他自评情况 / 无 / a table: 无 ends no sentence, so the table's first rows were
    # joined to it and the report printed 无一级指标 二级指标 … under 四、其他自评情况.
    rows = [["一级指标", "三级指标", "指标值", "实际完成值"], ["产出指标", "馆藏档案数字化数量", "12", "12.6"]]
    lines = [*seed_lines(), "部门整体支出绩效目标完成情况表见附表。"]
    year = _import(lines, tables={len(lines) - 1: rows}).year
    assert year.other == ""
    assert year.unplaced[-3:] == [
        "一级指标 三级指标 指标值 实际完成值",
        "产出指标 馆藏档案数字化数量 12 12.6",
        "部门整体支出绩效目标完成情况表见附表。",
    ]


# --- a goal table in the unit's own layout ---------------------------------------------------

_UNIT_GOAL_TABLE = [
    ["部门整体支出绩效目标表", "", "", "", "", "", "", ""],  # a title row merged over the table
    ["年度绩效目标", "一级指标", "二级指标", "三级指标", "指标值（年度目标值）", "实际完成值", "分值", "偏差原因"],
    ["保障机关正常运转", "产出指标", "数量指标", "保障在职人员数", "≥15人", "17", "10", ""],
    ["保障机关正常运转", "产出指标", "质量指标", "资金支付率", "≥95%", "93%", "10", "年底集中支付。"],
    ["做好档案接收工作", "效益指标", "社会效益指标", "档案查阅服务", "定性", "达成", "10", ""],
    ["合计", "", "", "", "", "", "30", ""],
]


def test_a_goal_table_under_the_goals_fills_their_indicator_rows() -> None:
    # Placed under （三）绩效目标 with the platform's column names: read as rows, not as 6 more goals.
    lines = _replace(seed_lines(), "目标1", ["目标1：保障机关正常运转。", "目标2：做好档案接收工作。"], count=4)
    at = next(index for index, line in enumerate(lines) if line.startswith("目标2")) + 1
    result = _import(lines, tables={at: _UNIT_GOAL_TABLE})
    goals = result.year.goals
    assert [goal.text for goal in goals] == ["保障机关正常运转。", "做好档案接收工作。"]
    first, second = goals[0].indicators, goals[1].indicators
    assert [(row.level3, row.nature, row.target, row.unit, row.actual) for row in first] == [
        ("保障在职人员数", "≥", "15", "人", "17"),
        ("资金支付率", "≥", "95", "%", "93"),
    ]
    assert first[1].deviation == "年底集中支付。" and first[1].weight == Decimal(10)
    assert [(row.level3, row.nature, row.actual) for row in second] == [("档案查阅服务", "定性", "达成")]
    assert not any("保障在职人员数" in line for line in result.unplaced)


def test_a_goal_table_with_a_cell_it_cannot_read_is_kept_as_text() -> None:
    table = [list(row) for row in _UNIT_GOAL_TABLE]
    table[3][6] = "十分"  # a weight that is not a number
    lines = _replace(seed_lines(), "目标1", ["目标1：保障机关正常运转。", "目标2：做好档案接收工作。"], count=4)
    at = next(index for index, line in enumerate(lines) if line.startswith("目标2")) + 1
    result = _import(lines, tables={at: table})
    assert [goal.text for goal in result.year.goals] == ["保障机关正常运转。", "做好档案接收工作。"]  # rows are never goals
    assert all(not goal.indicators for goal in result.year.goals)
    assert any("保障在职人员数" in line for line in result.unplaced)
    note = next(line for line in result.found if line.startswith("绩效目标完成情况表："))
    assert "第 4 行第 7 列（分值）" in note and "“十分”不是数字" in note


def _with_attached_table(lines: list[str], caption: str, rows: list[list[str]]) -> ImportResult:
    """The report with its goal table attached at the end, under its caption paragraph (附件：…)."""
    import io

    import docx

    document = docx.Document(io.BytesIO(build_docx([*lines, caption])))
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    buffer = io.BytesIO()
    document.save(buffer)
    return import_docx_bytes(buffer.getvalue(), "附表.docx")


_ATTACHMENT_CAPTION = "附件：2024年度部门整体支出绩效目标完成情况表"


def _report_ending_with_its_improvements() -> list[str]:
    """The seed with two goals of the unit's own and without 四、其他自评情况: 改进措施 is its last part."""
    lines = _replace(seed_lines(), "目标1", ["目标1：保障机关正常运转。", "目标2：做好档案接收工作。"], count=4)
    assert lines[-2:] == ["四、其他自评情况", "无"]
    return lines[:-2]


def test_a_goal_table_attached_after_the_improvements_keeps_its_caption_out_of_them() -> None:
    # The caption was read as one more 改进措施, printed in next year's report as an improvement.
    result = _with_attached_table(_report_ending_with_its_improvements(), _ATTACHMENT_CAPTION, _UNIT_GOAL_TABLE[1:])
    assert result.year.improvements == seed_year().improvements
    assert [len(goal.indicators) for goal in result.year.goals] == [2, 1]
    assert not any("绩效目标完成情况表" in line for line in result.unplaced)


def test_an_attached_goal_table_it_cannot_read_stays_in_unplaced_row_by_row() -> None:
    # Its caption and rows were glued into the last 改进措施 while the 识别结果 said 见未识别内容 over an empty list.
    table = [list(row) for row in _UNIT_GOAL_TABLE[1:]]
    table[2][6] = "十分"
    result = _with_attached_table(_report_ending_with_its_improvements(), _ATTACHMENT_CAPTION, table)
    assert result.year.improvements == seed_year().improvements
    assert result.unplaced[0] == _ATTACHMENT_CAPTION
    assert len(result.unplaced) == 1 + len(table)  # the caption, then each row as it stood
    assert any(line.startswith("保障机关正常运转 产出指标 质量指标 资金支付率") for line in result.unplaced)
    assert all(not goal.indicators for goal in result.year.goals)


def test_a_caption_above_the_goal_table_under_the_goals_is_no_goal() -> None:
    lines = _replace(
        seed_lines(), "目标1", ["目标1：保障机关正常运转。", "目标2：做好档案接收工作。", "附表1 部门整体支出绩效目标表"], count=4
    )
    at = lines.index("附表1 部门整体支出绩效目标表") + 1
    result = _import(lines, tables={at: _UNIT_GOAL_TABLE[1:]})
    assert [goal.text for goal in result.year.goals] == ["保障机关正常运转。", "做好档案接收工作。"]
    assert [len(goal.indicators) for goal in result.year.goals] == [2, 1]
    assert "附表1 部门整体支出绩效目标表" not in result.unplaced


def _with_merged_table(lines: list[str], at: str, rows: list[list[str] | str]) -> ImportResult:
    """The report with a goal table after the line ``at``; a row given as one string is one cell merged across."""
    import io

    import docx

    document = docx.Document(io.BytesIO(build_docx(lines)))
    width = max(len(row) for row in rows if isinstance(row, list))
    table = document.add_table(rows=len(rows), cols=width)
    for row, values in zip(table.rows, rows, strict=True):
        if isinstance(values, str):
            row.cells[0].merge(row.cells[-1]).text = values
        else:
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
    anchor = next(paragraph for paragraph in document.paragraphs if paragraph.text == at)
    anchor._p.addnext(table._tbl)
    buffer = io.BytesIO()
    document.save(buffer)
    return import_docx_bytes(buffer.getvalue(), "合并单元格.docx")


_TWO_GOALS = ["目标1：保障机关正常运转。", "目标2：做好档案接收工作。"]


def test_a_note_merged_across_the_goal_tables_last_row_is_no_cell_to_read() -> None:
    # The note's text, repeated in every column of the merged row, was read as a weight 注：… and the whole table refused.
    rows: list[list[str] | str] = [*_UNIT_GOAL_TABLE[1:5], "注：得分按指标完成比例计算，满分100分。"]
    result = _with_merged_table(_replace(seed_lines(), "目标1", _TWO_GOALS, count=4), _TWO_GOALS[1], rows)
    assert [len(goal.indicators) for goal in result.year.goals] == [2, 1]
    assert result.unplaced == []


def test_a_signoff_row_under_the_goal_table_is_no_indicator() -> None:
    import io

    import docx

    lines = _replace(seed_lines(), "目标1", _TWO_GOALS, count=4)
    document = docx.Document(io.BytesIO(build_docx(lines)))
    table = document.add_table(rows=4, cols=8)
    for row, values in zip(table.rows, _UNIT_GOAL_TABLE[1:5], strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    signoff = table.add_row().cells
    signoff[0].merge(signoff[3]).text = "填表人：王芳"
    signoff[4].merge(signoff[7]).text = "联系电话：0759-1234567"
    anchor = next(paragraph for paragraph in document.paragraphs if paragraph.text == _TWO_GOALS[1])
    anchor._p.addnext(table._tbl)
    buffer = io.BytesIO()
    document.save(buffer)
    result = import_docx_bytes(buffer.getvalue(), "签字行.docx")
    assert [len(goal.indicators) for goal in result.year.goals] == [2, 1]
    assert result.unplaced == []


def test_goals_as_rows_of_their_own_over_their_indicators() -> None:
    # 目标1：… merged across the table above its rows, no 绩效目标 column: the table was refused as having no goals.
    header = ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "分值", "偏差原因"]
    rows: list[list[str] | str] = [
        header,
        "目标1：保障机关正常运转",
        ["产出指标", "数量指标", "保障在职人员数", "≥15人", "17", "10", ""],
        ["产出指标", "质量指标", "资金支付率", "≥95%", "93%", "10", "年底集中支付。"],
        "目标2：做好档案接收工作",
        ["效益指标", "社会效益指标", "档案查阅服务", "定性", "达成", "10", ""],
    ]
    result = _with_merged_table(_replace(seed_lines(), "目标1", _TWO_GOALS, count=4), _TWO_GOALS[1], rows)
    assert [goal.text for goal in result.year.goals] == ["保障机关正常运转。", "做好档案接收工作。"]
    first, second = result.year.goals[0].indicators, result.year.goals[1].indicators
    assert [(row.level3, row.nature, row.target, row.unit, row.actual) for row in first] == [
        ("保障在职人员数", "≥", "15", "人", "17"),
        ("资金支付率", "≥", "95", "%", "93"),
    ]
    assert [(row.level3, row.nature, row.actual) for row in second] == [("档案查阅服务", "定性", "达成")]
    assert result.unplaced == []
