"""结转新年度 with a goal table: rows and targets come along, this year's results start empty, every row 待复核."""

from __future__ import annotations

from zjdesk.demo import example_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.checks import run_checks
from zjdesk.domain.scoring import score_year


def test_rows_and_targets_come_along_results_start_empty():
    previous = example_year()
    year = carry_forward(previous)
    assert [goal.text for goal in year.goals] == [goal.text for goal in previous.goals]
    for old, new in zip(previous.goals, year.goals, strict=True):
        assert len(new.indicators) == len(old.indicators)
        for old_row, new_row in zip(old.indicators, new.indicators, strict=True):
            kept = ("level1", "level2", "level3", "nature", "target", "unit", "weight")
            assert [getattr(new_row, name) for name in kept] == [getattr(old_row, name) for name in kept]
            assert new_row.actual == "" and new_row.deviation == ""
    assert previous.goals[0].indicators[1].actual == "92"  # last year's file is left as it was
    assert all(item.score is None for item in score_year(year).goals.rows)


def test_every_row_is_marked_for_review_and_asks_for_its_actual():
    year = carry_forward(example_year())
    rows = [f"goals.{g}.indicators.{r}" for g, goal in enumerate(year.goals) for r in range(len(goal.indicators))]
    assert len(rows) == 13
    assert all(path in year.review for path in rows)
    assert "goals.0.text" in year.review
    # in report order: after the tasks, before the team
    order = [path.split(".", 1)[0] for path in year.review]
    assert order.index("goals") > max(i for i, part in enumerate(order) if part == "tasks")
    assert order.index("team") > max(i for i, part in enumerate(order) if part == "goals")
    findings = run_checks(year)
    pending = {f.path for f in findings if f.check == "review_pending"}
    assert set(rows) <= pending
    actuals = {f.path for f in findings if f.check == "goal_actual_missing"}
    assert actuals == {f"{path}.actual" for path in rows}
    assert not any(f.check == "goal_deviation_missing" for f in findings)
