"""结转新年度: what comes along, what starts fresh, what must be reviewed."""

from __future__ import annotations

from decimal import Decimal

from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.paths import get_value


def test_next_year_and_comparison_figures() -> None:
    previous = demo_year()
    year = carry_forward(previous)
    assert year.cover.evaluation_year == 2025
    assert year.cover.unit_name == previous.cover.unit_name
    assert year.cover.fill_date is None
    assert year.figures.prior_final_expenditure == previous.figures.final_expenditure
    assert year.figures.prior_final_expenditure.total == Decimal("1557.15")
    assert year.figures.final_expenditure.total is None
    assert year.figures.budget.total is None


def test_profile_tasks_goals_team_come_along_analysis_does_not() -> None:
    previous = demo_year()
    year = carry_forward(previous)
    assert year.profile == previous.profile
    assert year.tasks == previous.tasks
    assert year.goals == previous.goals
    assert year.team == previous.team
    assert year.evaluation.budgeting == ""
    assert year.problems == [] and year.improvements == []


def test_every_carried_text_is_marked_for_review() -> None:
    year = carry_forward(demo_year())
    assert "tasks.0.points.0.text" in year.review
    assert "goals.3.text" in year.review
    assert "team.members.8" in year.review
    assert "profile.sections.2.duties" in year.review
    assert "process.work_process" in year.review
    for path in year.review:
        assert str(get_value(year, path)).strip()


def test_previous_year_is_left_unchanged() -> None:
    previous = demo_year()
    carry_forward(previous).tasks[0].title = "改过"
    assert previous.tasks[0].title == "主动作为，做好新形势下的信访维稳工作"


def test_every_carried_number_is_marked_for_review_too() -> None:
    from zjdesk.domain.paths import iter_filled_fields
    from zjdesk.domain.registry import info_at

    previous = demo_year()
    year = carry_forward(previous)
    numbers = {path for path in year.review if not isinstance(get_value(year, path), str)}
    assert {
        "profile.establishment_total",
        "profile.actual_total",
        "profile.retirees_total",
        "profile.staff.0.establishment",
        "profile.staff.1.actual",
        "profile.subordinate_units.0.establishment",
        "profile.subordinate_units.0.actual",
        "profile.retirees.3.count",
        "figures.prior_final_expenditure.total",
    } <= numbers
    # Every declared count or figure that came along (its carry rule is not "empty") awaits review.
    for part in ("profile", "figures"):
        for path, _value in iter_filled_fields(getattr(year, part), part):
            info = info_at(path)
            if info is not None and info.kind in ("count", "amount", "percent"):
                assert path in year.review, path
    # …and nothing the rule starts empty came along.
    assert year.figures.goals_completed is None and year.figures.final_expenditure.total is None


def test_a_rate_resting_on_carried_numbers_is_provisional_until_they_are_reviewed() -> None:
    from zjdesk.domain.scoring import score_year

    year = carry_forward(demo_year())
    staff = next(item for item in score_year(year).indicators if item.indicator.rule.metric == "staff_control_rate")
    assert staff.unconfirmed_inputs == ["profile.actual_total", "profile.establishment_total"]
    assert "待复核" in staff.explanation
    year.review = [path for path in year.review if not path.startswith("profile.")]
    staff = next(item for item in score_year(year).indicators if item.indicator.rule.metric == "staff_control_rate")
    assert staff.unconfirmed_inputs == [] and "待复核" not in staff.explanation
