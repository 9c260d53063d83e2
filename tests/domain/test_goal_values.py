"""Reading 指标值 as sheets and officers write them, and matching goals by their text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zjdesk.domain.goal_table import ImportedGoal, goal_key, merge_goal_table, strip_goal_number
from zjdesk.domain.goal_values import read_value
from zjdesk.domain.model import Acknowledgement, Goal, GoalIndicator, YearData


@pytest.mark.parametrize(
    ("text", "sign", "number", "unit"),
    [
        ("95", "", "95", ""),
        ("≥95%", "≥", "95", "%"),
        ("≥ 95 %", "≥", "95", "%"),
        ("大于等于98", "≥", "98", ""),
        ("不低于90%", "≥", "90", "%"),
        ("≤300元/人", "≤", "300", "元/人"),
        ("小于等于300元/人", "≤", "300", "元/人"),
        ("等于100", "=", "100", ""),
        ("=100%", "=", "100", "%"),
        ("300元/人", "", "300", "元/人"),
        ("９５％", "", "95", "%"),
        ("＞＝９８", "≥", "98", ""),
        ("1,200人次", "", "1200", "人次"),
        ("95%以上", "≥", "95", "%"),
        ("300元以内", "≤", "300", "元"),
        ("95.50", "", "95.50", ""),
        # a slip of the keyboard after the number is not its unit
        ("12.", "", "12", ""),
        ("12。", "", "12", ""),
        ("95%。", "", "95", "%"),
        ("8600人次；", "", "8600", "人次"),
    ],
)
def test_sign_number_and_unit_come_apart(text, sign, number, unit):
    value = read_value(text)
    assert (value.sign, value.number, value.unit) == (sign, Decimal(number), unit)
    assert value.digits == number


@pytest.mark.parametrize("text", ["平稳有序", "达成", "2024年12月底前完成", "95%-100%", "1" * 40, "", "   "])
def test_words_stay_words(text):
    value = read_value(text)
    assert value.number is None
    assert value.text == text.strip()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("做好国有资产出租管理及维护工作。", "做好国有资产出租管理及维护工作"),
        ("目标1：做好国有资产出租管理及维护工作。", "做好国有资产出租管理及维护工作；"),
        ("1、做好 国有资产 出租管理及维护工作", "（一）做好国有资产出租管理及维护工作。"),
        ("绩效目标4：做好国有资产出租管理及维护工作", "4.做好国有资产出租管理及维护工作"),
    ],
)
def test_goals_match_ignoring_numbering_spaces_and_end_punctuation(one, other):
    assert goal_key(one) == goal_key(other)


def test_a_leading_number_that_is_part_of_the_text_stays():
    assert goal_key("2024年完成十项任务") != goal_key("年完成十项任务")
    assert strip_goal_number("目标3：大力宣传推介湛江") == "大力宣传推介湛江"
    assert strip_goal_number("10.5万人次受益") == "10.5万人次受益"


def test_merge_replaces_the_rows_of_matching_goals_and_adds_new_ones():
    old = GoalIndicator(level3="旧指标")
    year = YearData(goals=[Goal("做好政务服务工作；", [old]), Goal("做好信访维稳工作。", [old])])
    year.review = ["goals.0.indicators.0", "goals.1.indicators.0", "goals.0.text"]
    year.acknowledgements = [Acknowledgement("goal_survey_missing", "goals.0.indicators.0.deviation", "x")]
    new = GoalIndicator(level3="接待团组数")
    summary = merge_goal_table(
        year,
        [
            ImportedGoal("目标1：做好政务服务工作", [new]),
            ImportedGoal("目标3：开展招商引资", [GoalIndicator(level3="签约项目数")]),
            ImportedGoal("1. 做好政务服务工作。", [GoalIndicator(level3="满意度")]),  # the same goal again
        ],
    )
    assert [goal.text for goal in year.goals] == ["做好政务服务工作；", "做好信访维稳工作。", "开展招商引资"]
    assert [row.level3 for row in year.goals[0].indicators] == ["接待团组数", "满意度"]
    assert year.goals[1].indicators == [old]  # not in the sheet: untouched
    assert summary.updated == [0] and summary.added == [2] and summary.rows == 3
    assert year.review == ["goals.1.indicators.0", "goals.0.text"]
    assert year.acknowledgements == []


def test_a_sheet_naming_goals_by_number_alone_fills_those_goals():
    # Units often write only 目标1 / 目标二 in the table's 绩效目标 column, the goals' texts being in the report.
    year = YearData(goals=[Goal("做好甲工作；"), Goal("做好乙工作。")])
    summary = merge_goal_table(
        year,
        [
            ImportedGoal("目标1", [GoalIndicator(level3="甲指标")]),
            ImportedGoal("目标二：", [GoalIndicator(level3="乙指标"), GoalIndicator(level3="丙指标")]),
        ],
    )
    assert [goal.text for goal in year.goals] == ["做好甲工作；", "做好乙工作。"]
    assert [row.level3 for row in year.goals[0].indicators] == ["甲指标"]
    assert [row.level3 for row in year.goals[1].indicators] == ["乙指标", "丙指标"]
    assert summary.updated == [0, 1] and summary.added == [] and summary.rows == 3


def test_numbers_of_goals_the_year_lacks_are_added_apart_never_lumped_together():
    year = YearData(goals=[Goal("做好甲工作")])
    summary = merge_goal_table(
        year, [ImportedGoal("目标2", [GoalIndicator(level3="乙指标")]), ImportedGoal("目标3", [GoalIndicator(level3="丙指标")])]
    )
    assert [[row.level3 for row in goal.indicators] for goal in year.goals] == [[], ["乙指标"], ["丙指标"]]
    assert summary.added == [1, 2]


def test_a_shortened_goal_text_fills_the_one_goal_it_begins():
    year = YearData(goals=[Goal("做好档案接收工作，确保全年任务完成；"), Goal("提升查档服务水平。")])
    summary = merge_goal_table(year, [ImportedGoal("做好档案接收工作", [GoalIndicator(level3="接收数量")])])
    assert len(year.goals) == 2 and [row.level3 for row in year.goals[0].indicators] == ["接收数量"]
    assert summary.updated == [0] and summary.added == []
    # Two goals beginning alike: which one is meant is not guessed, the sheet's goal is added.
    year = YearData(goals=[Goal("做好档案接收工作，确保完成"), Goal("做好档案接收工作的宣传")])
    assert merge_goal_table(year, [ImportedGoal("做好档案接收工作", [GoalIndicator(level3="x")])]).added == [2]
