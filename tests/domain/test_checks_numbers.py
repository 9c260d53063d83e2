"""The checks on structured data, one test (or more) per check."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from zjdesk.demo import demo_year
from zjdesk.domain.checks import run_checks
from zjdesk.domain.model import StaffCategory, SubordinateUnit


def _findings(year, check):
    return [finding for finding in run_checks(year) if finding.check == check]


def test_required_fields_empty_are_red():
    year = demo_year()
    year.cover.unit_name = "  "
    year.goals = []
    year.figures.budget.total = None
    paths = {finding.path for finding in _findings(year, "required_missing")}
    assert paths == {"cover.unit_name", "goals", "figures.budget.total"}
    assert all(finding.severity == "red" for finding in _findings(year, "required_missing"))


def test_negative_amounts_are_red_but_a_negative_adjustment_is_allowed():
    year = demo_year()
    year.figures.carry_over = Decimal("-1.00")
    year.figures.budget_adjustment = Decimal("-20.00")
    findings = _findings(year, "negative_amount")
    assert [finding.path for finding in findings] == ["figures.carry_over"]
    assert findings[0].severity == "red"


def test_negative_staff_count_is_red():
    year = demo_year()
    year.profile.staff[0].actual = -1
    assert "profile.staff.0.actual" in {finding.path for finding in _findings(year, "negative_amount")}


def test_dates_outside_the_evaluation_year_and_the_next_are_red():
    year = demo_year()
    year.cover.fill_date = date(2023, 5, 14)
    findings = _findings(year, "year_mismatch")
    assert [finding.path for finding in findings] == ["cover.fill_date"]
    year.cover.fill_date = date(2024, 12, 30)
    assert _findings(year, "year_mismatch") == []


def test_breakdown_that_adds_up_is_quiet_and_other_counts():
    year = demo_year()
    year.figures.final_expenditure.other = Decimal("3.05")
    assert _findings(year, "breakdown_sum") == []


def test_incomplete_breakdown_below_the_total_is_quiet_but_above_is_not():
    year = demo_year()
    year.figures.budget.basic = Decimal("600.00")
    assert _findings(year, "breakdown_sum") == [f for f in _findings(year, "breakdown_sum") if "budget" not in f.path]
    year.figures.budget.basic = Decimal("1600.00")
    assert "figures.budget.total" in {finding.path for finding in _findings(year, "breakdown_sum")}


def test_parts_short_of_the_total_may_be_other_spending_but_parts_above_it_are_overstated():
    year = demo_year()  # 655.69 + 898.41 = 1554.10 against 1557.15
    short = next(f for f in _findings(year, "breakdown_sum") if f.path == "figures.final_expenditure.total")
    assert "少 3.05 万元" in short.message and "请填入“其他支出”一栏" in short.message
    year.figures.final_expenditure.basic = Decimal("665.69")  # a slip: 10 too many
    over = next(f for f in _findings(year, "breakdown_sum") if f.path == "figures.final_expenditure.total")
    assert "多 6.95 万元" in over.message and "分项之和不能大于合计" in over.message
    assert "其他支出" not in over.message  # no advice to put even more under 其他


def test_staff_counts_adding_up_are_quiet():
    year = demo_year()
    year.profile.actual_total = 17
    assert _findings(year, "staff_sum") == []
    year.profile.establishment_total = 16
    assert [finding.path for finding in _findings(year, "staff_sum")] == ["profile.establishment_total"]


def test_retirees_not_adding_up():
    year = demo_year()
    year.profile.retirees_total = 51
    findings = _findings(year, "retirees_sum")
    assert [finding.path for finding in findings] == ["profile.retirees_total"]
    assert "23 + " in findings[0].message


def test_over_establishment_for_unit_category_and_subordinate():
    year = demo_year()
    year.profile.actual_total = 18
    year.profile.staff.append(StaffCategory(name="工勤", establishment=1, actual=2))
    year.profile.subordinate_units.append(SubordinateUnit(name="乙中心", establishment=5, actual=5))
    paths = {finding.path for finding in _findings(year, "staff_over_establishment")}
    assert paths == {"profile.actual_total", "profile.staff.2.actual", "profile.subordinate_units.0.actual"}


def test_stated_score_differing_from_the_live_score():
    year = demo_year()
    year.evaluation.stated_score = Decimal(95)
    year.evaluation.stated_grade = "良"
    findings = _findings(year, "stated_score_mismatch")
    assert [finding.path for finding in findings] == ["evaluation.stated_score", "evaluation.stated_grade"]
    assert findings[0].fix is not None and findings[0].fix.new == Decimal(100)


def test_stated_score_is_compared_only_with_a_final_score():
    year = demo_year()
    year.evaluation.stated_score = Decimal(95)
    year.evaluation.stated_grade = "优秀"  # the same grade as the demo's 优, in the long word
    assert _findings(year, "stated_score_mismatch")[0].path == "evaluation.stated_score"
    assert [item.path for item in _findings(year, "stated_score_mismatch")] == ["evaluation.stated_score"]
    # An indicator still to score: the total (and its grade) is provisional, no 改为 to offer.
    year.indicator_set.indicators[0].judged_score = None
    assert _findings(year, "stated_score_mismatch") == []


def test_empty_optional_parts_are_blue():
    year = demo_year()
    year.practices = []
    year.improvements = []
    findings = _findings(year, "empty_optional")
    assert {finding.path for finding in findings} == {"practices", "improvements"}
    assert all(finding.severity == "blue" for finding in findings)


def test_an_empty_part_of_the_reports_outline_is_red_so_no_final_report_prints_it_unfilled():
    """（二）自评工作过程, （三）报送时间及质量, （四）公开一致情况 and （二）年度工作任务 are parts of every report."""
    year = demo_year()
    year.tasks = []
    year.process.work_process = " "
    year.process.disclosure_text = ""
    year.process.submission_text = ""
    year.process.submission_date = None
    findings = _findings(year, "required_missing")
    assert {finding.path for finding in findings} == {
        "tasks",
        "process.work_process",
        "process.submission_text",
        "process.disclosure_text",
    }
    messages = {finding.path: finding.message for finding in findings}
    assert messages["process.work_process"] == "必填项“自评工作过程”尚未填写：请在“自评工作开展”一步中填写。"
    assert messages["process.submission_text"].endswith("一步中填写，或填写报送日期。")
    # The submission date alone writes the sentence (本单位自评材料于…报送。): nothing missing then.
    year.process.submission_date = date(2025, 5, 14)
    assert "process.submission_text" not in {finding.path for finding in _findings(year, "required_missing")}
