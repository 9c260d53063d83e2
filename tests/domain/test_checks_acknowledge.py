"""Acknowledging findings: stored in the year, bound to the value, carried forward only if unchanged."""

from __future__ import annotations

from decimal import Decimal

import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.checks import acknowledge, has_blocking, run_checks, unacknowledge
from zjdesk.domain.errors import UserError
from zjdesk.domain.serialize import dumps, loads


def _finding(year, check, path=None):
    return next(f for f in run_checks(year) if f.check == check and (path is None or f.path == path))


def test_acknowledged_finding_stays_acknowledged_after_a_json_round_trip():
    year = demo_year()
    acknowledge(year, _finding(year, "staff_over_establishment"))
    assert len(year.acknowledgements) == 1
    reloaded = loads(dumps(year))
    assert _finding(reloaded, "staff_over_establishment").acknowledged
    assert not _finding(reloaded, "breakdown_sum").acknowledged


def test_acknowledging_twice_stores_one_acknowledgement():
    year = demo_year()
    acknowledge(year, _finding(year, "breakdown_sum"))
    acknowledge(year, _finding(year, "breakdown_sum"))
    assert len(year.acknowledgements) == 1


def test_acknowledgement_lapses_when_the_value_changes():
    year = demo_year()
    acknowledge(year, _finding(year, "breakdown_sum"))
    year.figures.final_expenditure.basic = Decimal("650.00")
    assert not _finding(year, "breakdown_sum").acknowledged


def test_unacknowledge():
    year = demo_year()
    acknowledge(year, _finding(year, "staff_sum"))
    unacknowledge(year, _finding(year, "staff_sum"))
    assert not _finding(year, "staff_sum").acknowledged
    assert year.acknowledgements == []


def test_red_findings_cannot_be_acknowledged_and_block():
    year = demo_year()
    year.cover.unit_name = ""
    red = _finding(year, "required_missing")
    with pytest.raises(UserError):
        acknowledge(year, red)
    assert has_blocking(run_checks(year))


def test_new_year_keeps_acknowledgements_only_for_unchanged_values():
    year = demo_year()
    acknowledge(year, _finding(year, "staff_over_establishment"))  # the profile comes along unchanged
    acknowledge(year, _finding(year, "breakdown_sum"))  # this year's figures do not come along
    acknowledge(year, _finding(year, "half_width_punctuation"))  # the task text comes along unchanged
    next_year = carry_forward(year)
    kept = {(item.check, item.path) for item in next_year.acknowledgements}
    assert kept == {
        ("staff_over_establishment", "profile.subordinate_units.0.actual"),
        ("half_width_punctuation", "tasks.7.paragraphs.0"),
    }
    assert _finding(next_year, "staff_over_establishment").acknowledged


def test_new_year_drops_an_acknowledgement_whose_value_changed():
    year = demo_year()
    acknowledge(year, _finding(year, "staff_over_establishment"))
    year.profile.subordinate_units[0].actual = 20  # changed after acknowledging: no longer matches
    assert carry_forward(year).acknowledgements == []


def test_new_year_carries_the_indicator_set_with_scores_cleared():
    year = demo_year()
    next_year = carry_forward(year)
    assert [i.code for i in next_year.indicator_set.indicators] == [i.code for i in year.indicator_set.indicators]
    assert next_year.indicator_set.caps == year.indicator_set.caps
    assert next_year.indicator_set.grades == year.indicator_set.grades
    assert next_year.indicator_set.is_reference
    assert all(i.judged_score is None for i in next_year.indicator_set.indicators)
    # unscored judged indicators are red in the new year until the officer scores them
    assert {f.check for f in run_checks(next_year) if f.severity == "red"} >= {"judged_score_missing"}
    assert year.indicator_set.indicators[0].judged_score == Decimal(5)  # the old year is unchanged
