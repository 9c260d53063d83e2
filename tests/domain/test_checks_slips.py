"""Typing slips a reviewer spots at first reading: doubled words and marks, the unit's name
mistyped, a date after the fill date, a satisfaction rate above 100 %."""

from __future__ import annotations

import datetime

import pytest

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.checks import CHECK_NAMES, apply_fix, run_checks


def _by_path(year, check):
    return {finding.path: finding for finding in run_checks(year) if finding.check == check}


@pytest.mark.parametrize(
    ("typed", "fixed"),
    [
        ("严格执行年度预算。。加强资金管理。", "严格执行年度预算。加强资金管理。"),
        ("加强管理，，提高效益。", "加强管理，提高效益。"),
        ("提高资金使用效益，。", "提高资金使用效益。"),
        ("严格执行执行年度预算的的要求。", "严格执行年度预算的要求。"),
        ("湛江湛江大厦", "湛江大厦"),
    ],
)
def test_a_doubled_word_or_mark_is_found_and_removed(typed, fixed):
    year = demo_year()
    year.other = typed
    finding = _by_path(year, "doubled_text")["other"]
    assert "重复" in finding.message and finding.severity == "yellow"
    apply_fix(year, finding)
    assert year.other == fixed
    assert "other" not in _by_path(year, "doubled_text")


@pytest.mark.parametrize(
    "text",
    [
        "人人参与、天天坚持，层层压实责任。",
        "在在职人员中开展培训，对对口帮扶单位给予支持。",
        "与与会人员逐一核对，确保完整性及及时性，把把关工作做实。",
        "研究研究再定，做好防控……工作——全力以赴。",
        "一是加强管理；二是提高效益。",
    ],
)
def test_words_that_chinese_doubles_on_purpose_are_no_slip(text):
    year = demo_year()
    year.other = text
    assert "other" not in _by_path(year, "doubled_text")


def test_the_units_name_one_character_off_is_found_and_fixed():
    year = demo_year()  # 湛江市人民政府驻广州办事处
    year.other = "湛江市人民政付驻广州办事处严格执行年度预算，湛江市人民政府驻广州办事处机关运转正常。"
    finding = _by_path(year, "unit_name_variant")["other"]
    assert "“湛江市人民政付驻广州办事处”" in finding.message and "封面" in finding.message
    apply_fix(year, finding)
    assert year.other == "湛江市人民政府驻广州办事处严格执行年度预算，湛江市人民政府驻广州办事处机关运转正常。"


@pytest.mark.parametrize(
    "text",
    [
        "湛江市卫生健康局局属单位6个。",  # the name itself, followed by more words
        "与湛江市第一中学开展联合教研。",  # another school, by its number
        "配合湛江市档案局开展检查。",  # another body: the kind at the end differs
        "湛江市卫健局",
    ],
)
def test_another_unit_or_the_name_itself_is_not_a_variant(text):
    year = demo_year()
    year.cover.unit_name = "湛江市第二中学" if "中学" in text else "湛江市档案馆" if "档案" in text else "湛江市卫生健康局"
    year.other = text
    assert "other" not in _by_path(year, "unit_name_variant")


def test_a_date_after_the_fill_date_written_as_done_is_found():
    year = demo_year()  # filled in on 2025-05-14
    year.other = "已于2025年6月30日完成全部整改。"
    finding = _by_path(year, "date_after_fill_date")["other"]
    assert "2025年6月30日晚于填报日期2025年5月14日" in finding.message and finding.fix is None


@pytest.mark.parametrize(
    "text",
    [
        "计划于2025年6月30日前完成全部整改。",
        "将在2025年12月底公开自评结果。",
        "于2025年5月14日报送，2024年12月31日前支付完毕。",
        "2025年5月召开自评会议。",  # the fill date's own month
    ],
)
def test_plans_and_earlier_dates_are_not_after_the_fill_date(text):
    year = demo_year()
    year.other = text
    assert "other" not in _by_path(year, "date_after_fill_date")


def test_a_satisfaction_rate_above_100_percent_is_found():
    year = demo_year()
    year.other = "群众满意度达105%，资金支付率99.5%。"
    finding = _by_path(year, "text_rate_over_100")["other"]
    assert "满意度为 105%" in finding.message


def test_rates_that_may_exceed_100_percent_are_left_alone():
    year = demo_year()
    year.other = "门诊量同比增长120%，预决算完成率100.45%，群众满意度98.5%。"
    assert "other" not in _by_path(year, "text_rate_over_100")


def test_the_demo_and_the_example_carry_none_of_these_findings():
    checks = {"doubled_text", "unit_name_variant", "date_after_fill_date", "invalid_date", "text_rate_over_100"}
    assert checks <= set(CHECK_NAMES)
    for year in (demo_year(), example_year()):
        assert [f for f in run_checks(year) if f.check in checks] == []
    year = example_year()
    year.cover.fill_date = datetime.date(2025, 5, 14)
    assert [f for f in run_checks(year) if f.check in checks] == []


def test_these_checks_are_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "score-json.md").read_text(encoding="utf-8")
    for check in ("doubled_text", "unit_name_variant", "date_after_fill_date", "invalid_date", "text_rate_over_100"):
        assert f"| `{check}` |" in doc, check


def test_a_rule_taking_effect_after_the_fill_date_is_no_slip():
    year = demo_year()
    year.other = "《广东省档案条例》自2025年7月1日起施行。"
    assert "other" not in _by_path(year, "date_after_fill_date")


@pytest.mark.parametrize("text", ["已于2025年4月31日完成整改。", "2024年13月召开会议。", "2023年2月29日报送。"])
def test_a_date_that_does_not_exist_is_found(text):
    year = demo_year()
    year.other = text
    finding = _by_path(year, "invalid_date")["other"]
    assert "不存在" in finding.message and finding.fix is None
    year.other = "2024年2月29日报送。"  # a leap day
    assert "other" not in _by_path(year, "invalid_date")
