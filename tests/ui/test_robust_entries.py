"""A typing slip never reaches the year file; the typed text is kept, red, with its reason, until corrected.
Edits are saved within two seconds however steadily the officer types, and at once when the focus moves."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import read_year, write_new_year_file
from zjdesk.ui.steps import step_index_of_path
from zjdesk.ui.widgets.finding_note import FindingNote

BUDGET = "figures.initial_budget"


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    program = make_program(tmp_path)
    opened = program.open_path(path)
    qtbot.addWidget(opened)
    opened.recorder = recorder
    opened.program_ = program
    opened.go_to(step_index_of_path(BUDGET))
    return opened


def _note_text(window, path: str) -> str:
    """The text the finding note written under the field (or the grid) at ``path`` shows now ("" if hidden)."""
    for note in window.findChildren(FindingNote):
        if note.covers(path) and note.isVisibleTo(window):
            return " ".join(label.text() for label in note.findChildren(QLabel))
    return ""


def _type(qtbot, widget, ascii_part: str, chinese_part: str = "") -> None:
    """Type as a person does: key by key, the Chinese through the input method."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, ascii_part)
    if chinese_part:
        type_chinese(widget, chinese_part, replace=False)


@pytest.mark.parametrize("typed", [("12,34.5", "万"), ("12.345", "")], ids=["misplaced separator", "three decimals"])
def test_a_slip_is_kept_red_with_its_reason_and_the_file_keeps_the_last_complete_value(window, qtbot, typed) -> None:
    before = demo_year().figures.initial_budget
    budget = field(window, BUDGET)
    _type(qtbot, budget, *typed)
    text = "".join(typed)
    assert budget.text() == text
    assert budget.property("invalid") is True
    qtbot.waitUntil(lambda: text in _note_text(window, BUDGET), timeout=2000)  # the reason, written under the field
    assert "未保存" in _note_text(window, BUDGET) and (
        "金额" in _note_text(window, BUDGET) or "两位" in _note_text(window, BUDGET)
    )
    assert window.open_year.year.figures.initial_budget == before  # not 12.00 nor 12.34
    window.open_year.flush()
    saved = read_year(window.open_year.path)
    assert saved.figures.initial_budget == before
    assert [(entry.path, entry.text) for entry in saved.pending] == [(BUDGET, text)]
    status = window.findChild(QLabel, "status.pending")
    assert "1 处输入有误" in status.text() and text in status.text()
    red = [finding for finding in window.live_score.findings if finding.check == "pending_entry"]
    assert red and red[0].path == BUDGET and red[0].blocking


def test_the_slip_blocks_the_final_export_is_asked_about_on_closing_and_is_red_again_on_reopening(window, qtbot) -> None:
    budget = field(window, BUDGET)
    _type(qtbot, budget, "12,34.5", "万")
    path = window.open_year.path
    assert any(finding.check == "pending_entry" for finding in window.exports.red_findings())
    window.recorder.answers["yes_no"] = False
    assert not window.close()  # the officer goes back to correct it
    assert window.recorder.questions[-1][0] == "有输入未保存"
    window.recorder.answers["yes_no"] = True
    assert window.close()
    reopened = window.program_.open_path(path)
    qtbot.addWidget(reopened)
    reopened.go_to(step_index_of_path(BUDGET))
    budget = field(reopened, BUDGET)
    assert budget.text() == "12,34.5万" and budget.property("invalid") is True
    qtbot.waitUntil(lambda: "12,34.5万" in _note_text(reopened, BUDGET), timeout=2000)
    _type(qtbot, budget, "1234.5")
    assert budget.property("invalid") is False
    qtbot.waitUntil(lambda: "12,34.5万" not in _note_text(reopened, BUDGET), timeout=2000)
    reopened.open_year.flush()
    saved = read_year(path)
    assert saved.figures.initial_budget == Decimal("1234.50") and saved.pending == []


def test_steady_typing_is_saved_within_two_seconds(window, qtbot) -> None:
    unit_path = "cover.unit_name"
    window.go_to(step_index_of_path(unit_path))
    unit = field(window, unit_path)
    unit.setFocus()
    unit.end(False)
    path = window.open_year.path
    saved_while_typing = False
    for _keystroke in range(20):  # one key every 150 ms: never a pause of 300 ms
        qtbot.keyClicks(unit, "X")
        qtbot.wait(150)
        if read_year(path).cover.unit_name != demo_year().cover.unit_name:
            saved_while_typing = True
            break
    assert saved_while_typing, "nothing was saved during three seconds of steady typing"


def test_moving_to_another_field_saves_at_once(window, qtbot) -> None:
    budget = field(window, BUDGET)
    _type(qtbot, budget, "1600")
    assert window.open_year.has_unsaved_changes
    other = field(window, "figures.budget_adjustment")
    other.setFocus()
    qtbot.waitUntil(lambda: not window.open_year.has_unsaved_changes, timeout=100)
    assert read_year(window.open_year.path).figures.initial_budget == Decimal("1600.00")


def test_a_slip_in_a_grid_cell_is_explained_under_the_grid_with_the_cells_name(window, qtbot) -> None:
    cell = field(window, "figures.budget.basic")
    _type(qtbot, cell, "65x")
    qtbot.waitUntil(lambda: "“65x”" in _note_text(window, "figures.budget.basic"), timeout=2000)
    assert "全年预算数的基本支出" in _note_text(window, "figures.budget.basic")
