"""The years a text names: what a year carried forward still says, fixed where the words fix the year."""

from __future__ import annotations

import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.checks import apply_fix, run_checks


def _findings(year, check):
    return [finding for finding in run_checks(year) if finding.check == check]


def _by_path(year, check):
    return {finding.path: finding for finding in _findings(year, check)}


def test_the_demo_names_its_own_years():
    year = demo_year()
    # 2024年年底, 完成办事处2025年绩效自评工作, the 2025 notice, and 湛机编[2010]311号 (history): all right for 2024
    assert _findings(year, "stale_year") == [] and _findings(year, "text_year") == []


def test_a_carried_year_says_which_years_still_name_last_year():
    year = carry_forward(demo_year())  # 2025
    stale = _by_path(year, "stale_year")
    assert set(stale) == {"profile.staff_as_of", "team.intro", "cover.notice_title", "cover.notice_number"}
    assert stale["profile.staff_as_of"].message.startswith("“2024年年底”仍写着2024年")
    assert "“完成办事处2025年绩效自评工作”仍写着2025年" in stale["team.intro"].message
    assert "2026年开展" in stale["team.intro"].message
    assert all(finding.severity == "yellow" and finding.acknowledgeable for finding in stale.values())
    # A mention of last year the words do not pin down: flagged, but no guessed fix.
    uncertain = _by_path(year, "text_year")
    assert set(uncertain) == {"tasks.7.paragraphs.1"}
    assert "仍写着2024年（上一评价年度）" in uncertain["tasks.7.paragraphs.1"].message
    assert uncertain["tasks.7.paragraphs.1"].fix is None


def test_the_fixes_move_each_year_to_the_one_its_words_require():
    year = carry_forward(demo_year())
    for finding in _findings(year, "stale_year"):
        apply_fix(year, finding)
    assert year.profile.staff_as_of == "2025年年底"
    assert "完成办事处2026年绩效自评工作" in year.team.intro
    assert year.cover.notice_number == "湛财绩[2026]2号"
    assert year.cover.notice_title == "湛江市财政局关于开展2026年市级财政资金绩效自评工作的通知"
    assert _findings(year, "stale_year") == []
    assert "2024年度职工乒乓球比赛" in year.tasks[7].paragraphs[1]  # not guessed


def test_each_context_fixes_its_own_year_in_one_text():
    year = demo_year()  # 2024
    year.other = "截至2023年底在职15人；2023年度部门整体支出绩效自评已完成；2024年绩效自评工作由财务股负责；2023年完成物业出租。"
    finding = _by_path(year, "stale_year")["other"]
    apply_fix(year, finding)
    # 截至…年底 and N年度…自评 → 2024; N年…绩效自评工作 → 2025; the bare 2023年完成… is left to the officer
    assert (
        year.other
        == "截至2024年底在职15人；2024年度部门整体支出绩效自评已完成；2025年绩效自评工作由财务股负责；2023年完成物业出租。"
    )
    assert "other" not in _by_path(year, "stale_year")
    assert _by_path(year, "text_year")["other"].fix is None


def test_years_far_off_are_history_and_document_numbers_are_not_years():
    year = demo_year()
    year.other = "办事处成立于1958年，依据湛财绩[2022]5号文，2015年起承担联络工作。"
    assert "other" not in _by_path(year, "stale_year")
    # 2015 is nine years back (history); [2022] is a document number
    assert "other" not in _by_path(year, "text_year")
    year.other = "2021年承担联络工作。"  # three years back: may be a leftover, no fix offered
    finding = _by_path(year, "text_year")["other"]
    assert "既不是评价年度" in finding.message and finding.fix is None


def test_an_acknowledged_year_finding_stays_acknowledged_only_while_the_text_is_unchanged():
    from zjdesk.domain.checks import acknowledge

    year = carry_forward(demo_year())
    finding = _by_path(year, "text_year")["tasks.7.paragraphs.1"]
    acknowledge(year, finding)
    assert _by_path(year, "text_year")["tasks.7.paragraphs.1"].acknowledged
    year.tasks[7].paragraphs[1] += "另有变化。"
    assert not _by_path(year, "text_year")["tasks.7.paragraphs.1"].acknowledged


def test_a_provisional_score_corrects_no_grade_in_the_text():
    year = carry_forward(demo_year())  # 自评结果优秀 in the process text, the 2025 scores still to come
    from zjdesk.domain.scoring import score_year

    assert score_year(year).provisional
    assert not any(
        finding.check == "text_figure_mismatch" and finding.path == "process.work_process" for finding in run_checks(year)
    )
    demo = demo_year()  # scored: its text is held to the grade
    demo.indicator_set.indicators[4].judged_score = None
    assert not score_year(demo).provisional


def test_the_date_the_materials_were_sent_is_in_the_year_after():
    year = demo_year()  # 2024: sent in 2025
    year.process.submission_text = "我馆于2025年4月28日报送自评材料，并对材料的真实性负责。"
    assert "process.submission_text" not in _by_path(year, "stale_year")
    carried = carry_forward(year)  # 2025: the carried sentence still says 2025
    finding = _by_path(carried, "stale_year")["process.submission_text"]
    assert "2025年度的自评材料在2026年报送" in finding.message
    apply_fix(carried, finding)
    assert carried.process.submission_text == "我馆于2026年4月28日报送自评材料，并对材料的真实性负责。"


@pytest.mark.parametrize(
    "text",
    [
        "门诊量比2023年提高12.5%。",
        "与2023年决算支出1564.10万元相比，减少6.95万元。",
        "指标值参考2023年实际完成情况测算。",
        "按规定公开2024年部门预算和2023年部门决算。",
        "2023年度决算支出1564.10万元。",
        "自2021年以来，预算完成率均在95%以上。",
        "2022年起实行集中采购。",
        "学校始建于2020年9月。",
    ],
)
def test_a_year_placed_in_the_past_on_purpose_is_no_leftover(text):
    # Comparisons, references, last year's final accounts and starting points name an earlier year on
    # purpose: every clean report of another unit carried several such findings to click away.
    year = demo_year()  # 2024
    year.other = text
    assert "other" not in _by_path(year, "text_year")
    assert "other" not in _by_path(year, "stale_year")


def test_a_bare_last_year_in_a_sentence_about_this_year_is_still_flagged():
    year = demo_year()
    year.other = "2023年，我办严格执行年度预算，及时公开预决算信息。"
    assert "2023年" in _by_path(year, "text_year")["other"].message


@pytest.mark.parametrize(
    "text",
    ["力争到2027年实现档案数字化全覆盖。", "计划2028年前建成数字档案馆。", "按照2022年印发的《管理办法》执行。"],
)
def test_a_later_target_year_or_a_documents_date_is_no_leftover(text):
    year = demo_year()  # 2024
    year.other = text
    assert "other" not in _by_path(year, "text_year")


def test_a_later_year_without_a_target_word_is_still_flagged():
    year = demo_year()
    year.other = "2027年完成档案数字化。"
    assert "2027年" in _by_path(year, "text_year")["other"].message


@pytest.mark.parametrize(
    "text",
    [
        "2021年1月组建湛江市农业农村局，不再保留市农业局。",
        "制定《数字农业三年行动方案（2024—2027年）》。",
        "“十四五”期间（2021-2022年度至2025年）分步实施。",
    ],
)
def test_the_units_founding_date_and_a_named_period_are_no_leftover(text):
    year = demo_year()  # 2024
    year.other = text
    assert "other" not in _by_path(year, "text_year")


def test_a_carried_qualitative_target_naming_last_year_is_flagged():
    # A 定性 row's 指标值 is words the report prints: carried forward, its 2024年 went unnoticed.
    from zjdesk.domain.model import Goal, GoalIndicator

    last = demo_year()
    last.goals = [
        Goal(
            "做好信访劝返工作。",
            [
                GoalIndicator(level3="信访秩序", nature="定性", target="2024年全年平稳有序", weight=None),
                GoalIndicator(level3="劝返完成率", nature="≥", target="100", unit="%"),
            ],
        )
    ]
    assert "goals.0.indicators.0.target" not in _by_path(last, "text_year")  # its own year: right
    uncertain = _by_path(carry_forward(last), "text_year")
    assert "仍写着2024年（上一评价年度）" in uncertain["goals.0.indicators.0.target"].message
    assert "goals.0.indicators.1.target" not in uncertain  # a number is no prose
