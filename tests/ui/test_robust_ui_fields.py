"""Odd input typed into number fields is marked with a Chinese reason and never raises."""

from __future__ import annotations

from support.ui import field, make_program, type_chinese
from zjdesk.demo import demo_year
from zjdesk.domain.steps import step_index_of_path
from zjdesk.store.yearfile import write_new_year_file


def _window(qtbot, tmp_path):
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    return window


def test_an_amount_with_forty_digits_is_marked_not_a_crash(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    before = window.open_year.year.figures.budget.total
    window.go_to(step_index_of_path("figures.budget.total"))
    amount = field(window, "figures.budget.total")
    type_chinese(amount, "9" * 40)
    assert "过大" in amount.toolTip()
    assert window.open_year.year.figures.budget.total == before  # the last good value is kept


def test_counts_typed_as_superscripts_circled_digits_or_endless_nines_are_marked_in_chinese(qtbot, tmp_path):
    window = _window(qtbot, tmp_path)
    before = window.open_year.year.profile.establishment_total
    window.go_to(step_index_of_path("profile.establishment_total"))
    count = field(window, "profile.establishment_total")
    for typed, reason in (("²", "不是人数"), ("①", "不是人数"), ("9" * 5000, "过大")):
        type_chinese(count, typed)
        assert reason in count.toolTip(), typed
    assert window.open_year.year.profile.establishment_total == before


def test_a_score_too_large_to_be_real_is_marked_and_not_stored(qtbot, tmp_path):
    # A number the year file could not read back would make the file look damaged at the next open.
    window = _window(qtbot, tmp_path)
    path = "indicator_set.indicators.0.judged_score"
    before = window.open_year.year.indicator_set.indicators[0].judged_score
    window.go_to(step_index_of_path(path))
    score = field(window, path)
    type_chinese(score, "1" + "0" * 20)
    assert "过大" in score.toolTip()
    type_chinese(score, "1e20")  # an exponent is no score an officer types: refused as not a number
    assert "不是数字" in score.toolTip()
    assert window.open_year.year.indicator_set.indicators[0].judged_score == before
