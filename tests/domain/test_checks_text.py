"""The free-text checks and their automatic fixes."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.checks import FixError, apply_fix, run_checks


def _findings(year, check):
    return [finding for finding in run_checks(year) if finding.check == check]


def _fix(year, check, path):
    finding = next(f for f in _findings(year, check) if f.path == path)
    assert finding.fix is not None
    apply_fix(year, finding)
    return finding


def test_stray_spaces_between_chinese_characters_are_removed():
    year = demo_year()
    year.other = "本年度 无其他　自评情况 。"
    _fix(year, "stray_space", "other")
    assert year.other == "本年度无其他自评情况。"


def test_spaces_between_chinese_and_latin_text_are_kept():
    year = demo_year()
    year.other = "按 PDF 格式报送，共 3 份。"
    assert [f for f in _findings(year, "stray_space") if f.path == "other"] == []


def test_leading_spaces_are_stray():
    year = demo_year()
    _fix(year, "stray_space", "tasks.1.points.2.text")
    assert year.tasks[1].points[2].text == "严格控制接待范围和项目，节约开支，控制政务费用。"


def test_half_width_punctuation_next_to_chinese_becomes_full_width():
    year = demo_year()
    year.other = "主要有:资金(含专项),均按时拨付;完成了吗?是!"
    finding = _fix(year, "half_width_punctuation", "other")
    assert year.other == "主要有：资金（含专项），均按时拨付；完成了吗？是！"
    assert finding.severity == "yellow"


def test_half_width_punctuation_between_digits_is_left_alone():
    year = demo_year()
    year.other = "会议于9:30召开，金额1,557.15万元。"
    assert [f for f in _findings(year, "half_width_punctuation") if f.path == "other"] == []


def test_amount_in_text_contradicting_the_figures():
    year = demo_year()
    year.evaluation.execution = "2024年决算支出1500.00万元，上年决算支出1564.10万元，预算完成率98%。"
    finding = _fix(year, "text_figure_mismatch", "evaluation.execution")
    assert "“1500.00”应为“1557.15”" in finding.message
    assert "“98”应为“100.00”" in finding.message
    assert year.evaluation.execution == "2024年决算支出1557.15万元，上年决算支出1564.10万元，预算完成率100.00%。"
    assert _findings(year, "text_figure_mismatch") == []


def test_last_years_amount_is_compared_with_last_years_figures():
    year = demo_year()
    year.other = "2023年决算支出1564.1万元，其中基本支出665.69万元。"
    assert _findings(year, "text_figure_mismatch") == []
    year.other = "2023年决算支出1557.15万元。"
    assert [f.path for f in _findings(year, "text_figure_mismatch")] == ["other"]


def test_seed_style_rate_sentence_is_caught():
    year = demo_year()
    year.other = "收入支出完成率100%，预决算完成率100.45%。"
    finding = _findings(year, "text_figure_mismatch")[0]
    assert "“100.45”应为“100.00”" in finding.message


def test_grade_and_score_in_text_follow_the_live_score():
    year = demo_year()
    assert _findings(year, "text_figure_mismatch") == []  # 自评结果优秀 agrees with 100/优
    year.figures.final_expenditure.total = Decimal("1012.15")  # capped at 79, 中
    year.other = "自评分数100分。"
    paths = {f.path for f in _findings(year, "text_figure_mismatch")}
    assert paths == {"process.work_process", "other"}
    _fix(year, "text_figure_mismatch", "process.work_process")
    assert year.process.work_process.endswith("自评结果中等。")


def test_review_pending_and_its_fix():
    year = demo_year()
    year.review = ["goals.0.text", "goals.1.text", "tasks.99.title"]
    findings = _findings(year, "review_pending")
    assert [finding.path for finding in findings] == ["goals.0.text", "goals.1.text"]
    apply_fix(year, findings[0])
    assert year.review == ["goals.1.text", "tasks.99.title"]
    apply_fix(year, findings[1])  # fixes of one run can all be applied
    assert year.review == ["tasks.99.title"]
    with pytest.raises(FixError):
        apply_fix(year, findings[1])


def test_a_fix_is_refused_once_the_text_changed():
    year = demo_year()
    finding = next(f for f in _findings(year, "half_width_punctuation"))
    year.tasks[7].paragraphs[0] = "已改写。"
    with pytest.raises(FixError):
        apply_fix(year, finding)
    assert year.tasks[7].paragraphs[0] == "已改写。"


def test_short_analysis_is_blue():
    year = demo_year()
    year.evaluation.budgeting = "按要求编制预算。"
    findings = _findings(year, "short_analysis")
    assert "evaluation.budgeting" in {finding.path for finding in findings}
    assert all(finding.severity == "blue" for finding in findings)


def test_submission_date_in_text_follows_the_submission_date():
    from datetime import date

    year = demo_year()
    assert _findings(year, "text_figure_mismatch") == []  # 5月14日 agrees with 2025-05-14
    year.process.submission_date = date(2025, 5, 20)
    finding = _fix(year, "text_figure_mismatch", "process.submission_text")
    assert "“5月14日”应为“5月20日”" in finding.message
    assert year.process.submission_text.startswith("本单位自评材料于5月20日寄出")


def test_document_numbers_get_the_standards_hexagonal_brackets():
    year = demo_year()
    finding = _fix(year, "document_number_brackets", "cover.notice_number")
    assert finding.severity == "yellow" and "湛财绩〔2025〕2号" in finding.message
    assert year.cover.notice_number == "湛财绩〔2025〕2号"
    year.other = "根据粤财预（2024）15号和国办发【2023】7号文件，按湛财绩〔2025〕2号执行。"
    _fix(year, "document_number_brackets", "other")
    assert year.other == "根据粤财预〔2024〕15号和国办发〔2023〕7号文件，按湛财绩〔2025〕2号执行。"
    assert [f for f in _findings(year, "document_number_brackets") if f.path in ("other", "cover.notice_number")] == []


def test_brackets_around_other_numbers_are_left_alone():
    year = demo_year()
    year.other = "完成率[2024年度]达到100%，共（2025）项。"
    assert [f for f in _findings(year, "document_number_brackets") if f.path == "other"] == []


@pytest.mark.parametrize(
    "text",
    [
        "决算支出较上年减少6.95万元，下降0.44%。",  # a change, not the total
        "基本支出中人员经费450.20万元。",  # a part of the basic expenditure
        "决算支出比年初预算增加120.00万元。",
        "自2021年以来，预算完成率均保持在95%以上。",  # a bound, not this year's rate
        "要求预算完成率不低于90%。",
        "项目预算完成率95.5%。",  # another rate whose name ends in 预算完成率
    ],
)
def test_a_number_that_is_no_statement_of_the_figure_is_not_compared(text):
    year = demo_year()  # 决算支出 1557.15, 预算完成率 100%
    year.evaluation.execution = text
    assert _findings(year, "text_figure_mismatch") == []


def test_the_figure_itself_is_still_compared_after_a_part_of_it():
    year = demo_year()
    year.evaluation.execution = "决算支出1575.15万元，其中基本支出655.69万元；预算完成率101%。"
    finding = _findings(year, "text_figure_mismatch")[0]
    assert "“1575.15”应为“1557.15”" in finding.message and "“101”应为“100" in finding.message


def test_a_document_number_after_a_verb_is_quoted_without_the_verb():
    year = demo_year()
    year.other = "根据湛财绩[2025]2号文件要求，按照粤财绩（2024）15号执行。"
    finding = _fix(year, "document_number_brackets", "other")
    assert "文号“湛财绩[2025]2号”" in finding.message and "应写作“湛财绩〔2025〕2号”" in finding.message
    assert year.other == "根据湛财绩〔2025〕2号文件要求，按照粤财绩〔2024〕15号执行。"


def test_the_units_head_counts_in_text_follow_the_profile():
    year = demo_year()  # 核定编制 17, 在职 15, 退休 50
    year.evaluation.budgeting = "截至2024年底，我办核定编制17名，在职人员16人，退休人员50人。"
    finding = _fix(year, "text_figure_mismatch", "evaluation.budgeting")
    assert "“16”应为“15”" in finding.message
    assert year.evaluation.budgeting == "截至2024年底，我办核定编制17名，在职人员15人，退休人员50人。"


@pytest.mark.parametrize(
    "text",
    [
        "下属医院核定编制200名，在职186人。",  # another unit's
        "2023年在职16人，上年退休人员48人。",  # another year's
        "其中公务员8名，在职人员中女性9人。",  # a part of the staff
    ],
)
def test_counts_of_another_unit_year_or_part_are_not_compared(text):
    year = demo_year()
    year.evaluation.budgeting = text
    assert [f for f in _findings(year, "text_figure_mismatch") if f.path == "evaluation.budgeting"] == []


def test_an_amount_written_in_yuan_is_compared_too():
    year = demo_year()  # 决算支出 1557.15 万元, 基本支出 655.69 万元
    year.evaluation.execution = "决算支出15,751,500元，其中基本支出6556900元，人均支出10.5万元。"
    finding = _fix(year, "text_figure_mismatch", "evaluation.execution")
    assert "“15,751,500”应为“15,571,500”" in finding.message and "6556900" not in finding.message
    assert year.evaluation.execution == "决算支出15,571,500元，其中基本支出6556900元，人均支出10.5万元。"
    year.evaluation.execution = "决算支出15,571,523.45元。"  # 1557.15 万元 to two places
    assert _findings(year, "text_figure_mismatch") == []


def test_a_rate_with_the_full_width_percent_sign_is_compared():
    year = demo_year()  # 预算完成率 100%
    year.evaluation.execution = "预算完成率98.72％。"  # Word's Chinese input writes ％
    finding = _findings(year, "text_figure_mismatch")[0]
    assert "“98.72”应为“100" in finding.message
