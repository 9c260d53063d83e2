"""The checks find the seed's real mistakes in the demo year, and nothing blocks it."""

from __future__ import annotations

from zjdesk.demo import demo_year
from zjdesk.domain.checks import has_blocking, run_checks


def _by_check(findings):
    result: dict[str, list[str]] = {}
    for finding in findings:
        result.setdefault(finding.check, []).append(finding.path)
    return result


def test_demo_findings_are_the_seed_mistakes():
    findings = run_checks(demo_year())
    found = _by_check(findings)
    assert found["breakdown_sum"] == ["figures.final_expenditure.total"]
    assert found["staff_sum"] == ["profile.actual_total"]
    assert found["staff_over_establishment"] == ["profile.subordinate_units.0.actual"]
    assert set(found["stray_space"]) == {
        "tasks.1.points.2.text",
        "evaluation.budgeting",
        "evaluation.execution",
        "evaluation.supervision",
        "practices.0.text",
        "problems.0",
    }
    assert found["half_width_punctuation"] == ["tasks.7.paragraphs.0"]
    # The seed writes 文号 with square brackets: 湛财绩[2025]2号, 湛机编[2010]311号.
    assert found["document_number_brackets"] == ["cover.notice_number", "profile.subordinate_units.0.note"]
    assert "short_analysis" in found
    assert not has_blocking(findings)
    assert not any(finding.severity == "red" for finding in findings)


def test_demo_breakdown_message_names_the_numbers():
    finding = next(f for f in run_checks(demo_year()) if f.check == "breakdown_sum")
    assert "655.69" in finding.message and "898.41" in finding.message
    assert "1554.10" in finding.message and "1557.15" in finding.message and "3.05" in finding.message
    assert finding.severity == "yellow"


def test_findings_are_ordered_red_yellow_blue():
    year = demo_year()
    year.cover.unit_name = ""
    severities = [finding.severity for finding in run_checks(year)]
    order = {"red": 0, "yellow": 1, "blue": 2}
    assert severities == sorted(severities, key=order.__getitem__)
    assert severities[0] == "red"


def test_fixing_every_fixable_finding_leaves_none_of_them():
    from zjdesk.domain.checks import apply_fix

    year = demo_year()
    for finding in run_checks(year):
        if finding.fix is not None:
            apply_fix(year, finding)
    remaining = {finding.check for finding in run_checks(year)}
    assert "stray_space" not in remaining
    assert "half_width_punctuation" not in remaining
    assert year.tasks[7].paragraphs[0] == "一是争取市财政支持，提高租金返还核拨比例，保证单位高效运转；"
    assert "市委、市政府中心工作" in year.evaluation.budgeting
    assert year.evaluation.execution.endswith("完成良好。")


def test_catalogue_has_no_duplicates_and_every_finding_is_named():
    from zjdesk.domain.carry_forward import carry_forward
    from zjdesk.domain.checks import CHECK_NAMES, CHECKS

    assert len(set(CHECKS)) == len(CHECKS)
    year = carry_forward(demo_year())
    year.cover.unit_name = ""
    for finding in run_checks(year) + run_checks(demo_year()):
        assert finding.check in CHECK_NAMES
    keys = [(f.check, f.path) for f in run_checks(demo_year())]
    assert len(keys) == len(set(keys))
