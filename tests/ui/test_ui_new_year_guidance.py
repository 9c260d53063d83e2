"""A new, empty year reads as a to-do list: a provisional score, to-dos instead of alarms, scoring first."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QToolButton, QWidget

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.ui.findings_panel import kind_of


def new_window(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    recorder.answers["ask_new_year_details"] = ("湛江市测试局", 2025, str(tmp_path / "测试局-2025年度.zjd"))
    window = make_program(tmp_path).new_year_file()
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.live_score.checked)
    return window


def test_empty_year_score_is_provisional_without_a_grade(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path, monkeypatch)
    panel = window.score_panel
    assert panel.grade.text() == "待定" and panel.total.text() == "—"
    assert "暂计" in panel.caption.text()
    count = len(window.open_year.year.indicator_set.indicators)
    assert f"还有 {count} 项指标未评分" in panel.unscored.text()
    window.close()


def test_empty_year_findings_are_todos_in_step_order(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path, monkeypatch)
    panel = window.findings_panel
    kinds = [kind_of(item) for item in panel.shown]
    assert "red" not in kinds and kinds[0] == "todo"
    # grouped by step (the current step first), worst first within each step
    from zjdesk.domain.steps import step_index_of_path

    for step in {step_index_of_path(item.path) for item in panel.shown}:
        within = [kind_of(item) for item in panel.shown if step_index_of_path(item.path) == step]
        assert within == sorted(within, key=["todo", "yellow", "blue"].index)
    assert panel.summary_text().replace("\u00a0", " ").startswith("待填写")
    assert "必须修改" not in panel.summary_text().replace("\u00a0", " ")
    statuses = window.navigator.statuses
    assert "red" not in statuses and statuses[0] == "todo" and statuses[8] == "todo"
    # The marks are explained under the steps.
    legend = window.findChild(QWidget, "statusLegend")
    assert legend is not None and legend.isVisibleTo(window)
    assert "待填写" in [label.text() for label in legend.findChildren(QLabel)]
    window.close()


def test_scoring_a_judged_indicator_comes_first(qtbot, tmp_path, monkeypatch):
    window = new_window(qtbot, tmp_path, monkeypatch)
    window.go_to("evaluation")
    page = window.page("evaluation")
    assert page.table.item(0, 4).text() == "待评"
    score = field(window, "indicator_set.indicators.0.judged_score")
    level = field(window, "indicator_set.indicators.0.level3")
    # The score field is in view; the definition is folded away until asked for.
    assert score.isVisibleTo(page) and not level.isVisibleTo(page)
    type_chinese(score, "４")
    assert page.table.item(0, 4).text() == "4"
    assert window.score_panel.total.text() == "4"  # one indicator scored: a provisional total
    # Below full marks: the detail itself asks for the 扣分原因 until one is written.
    assert page.detail.reason_needed.isVisibleTo(page)
    assert "4/5" in page.detail.state.text()  # the detail's own line follows the score
    assert window.open_year.year.indicator_set.indicators[0].judged_score == 4
    # 4 of 5 without a 扣分原因 is a mistake, and its finding lands on the reason.
    reason = next(item for item in window.findings_panel.shown if kind_of(item) == "red")
    widget = window.go_to_finding(reason)
    assert widget is not None and widget.objectName().startswith("indicator_set.indicators.0")
    type_chinese(field(window, "indicator_set.indicators.0.deduction_reason"), "目标未全部量化")
    assert not page.detail.reason_needed.isVisibleTo(page)
    # A finding about the definition unfolds it.
    window.go_to("cover")
    widget = window.page("evaluation").reveal("indicator_set.indicators.0.weight")
    assert widget is not None and widget.isVisibleTo(page)
    toggle = page.findChild(QToolButton, "indicatorDefinitionToggle")
    assert toggle.isChecked()
    QApplication.processEvents()
    window.close()


def test_printing_an_unfinished_year_offers_a_draft_and_says_what_is_missing(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    recorder.answers["ask_new_year_details"] = ("湛江市测试局", 2025, str(tmp_path / "测试局-2025年度.zjd"))
    window = make_program(tmp_path).new_year_file()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.live_score.checked)
    recorder.answers["yes_no"] = False
    assert window.page("export").controller.print_report() is False
    title, question = recorder.questions[-1]
    assert title == "打印草稿"
    assert "必填内容或评分尚未填写" in question and "必须修改" not in question
    todo = sum(1 for item in window.live_score.findings if item.blocking and item.is_todo)
    assert question.startswith(f"还有 {todo} 项必填内容"), question  # spaced as the export step says it
    window.go_to("export")
    assert "尚未填写" in window.page("export").status.text() and "只能打印或导出草稿" in window.page("export").status.text()
    window.close()
