"""The 绩效自评 step: the indicator table, its detail form, and the set's .xlsx export and import."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtWidgets import QComboBox, QPushButton

from support.ui import field, type_chinese
from zjdesk.store.yearfile import read_year
from zjdesk.ui.new_year_dialog import NewYearDialog


@pytest.fixture
def evaluation_window(demo_window):
    demo_window.go_to("evaluation")
    return demo_window


def test_judged_score_below_full_needs_a_reason(evaluation_window):
    window = evaluation_window
    page = window.page("evaluation")
    assert page.table.rowCount() == len(window.open_year.year.indicator_set.indicators)
    type_chinese(field(window, "indicator_set.indicators.0.judged_score"), "３")
    assert page.table.item(0, 4).text() == "3"
    assert window.score_panel.total.text() == "98"
    red = [item for item in window.findings_panel.shown if item.severity == "red"]
    assert any(item.path.startswith("indicator_set.indicators.0") for item in red)
    # Clicking the finding selects the indicator's row and lands in the detail form.
    finding = next(item for item in red if item.path.startswith("indicator_set.indicators.0"))
    page.select(3)
    widget = window.go_to_finding(finding)
    assert page.selected == 0 and widget is not None and widget.objectName().startswith("indicator_set.indicators.0")
    type_chinese(field(window, "indicator_set.indicators.0.deduction_reason"), "部分目标未细化量化")
    assert not any(item.severity == "red" for item in window.findings_panel.shown)
    window.close()


def test_rule_kind_change_relays_the_detail(qtbot, evaluation_window):
    window = evaluation_window
    page = window.page("evaluation")
    page.select(0)
    kind = window.findChild(QComboBox, "indicator_set.indicators.0.rule.kind")
    kind.setCurrentIndex(kind.findData("linear"))
    qtbot.waitUntil(lambda: window.findChild(QComboBox, "indicator_set.indicators.0.rule.direction") is not None)
    type_chinese(field(window, "indicator_set.indicators.0.rule.threshold"), "100")
    assert window.open_year.year.indicator_set.indicators[0].rule.threshold == Decimal(100)
    window.close()


def test_add_and_remove_an_indicator(evaluation_window):
    window = evaluation_window
    page = window.page("evaluation")
    count = page.table.rowCount()
    page.select(2)
    page.add_indicator()
    assert page.table.rowCount() == count + 1 and page.selected == count
    type_chinese(field(window, f"indicator_set.indicators.{count}.level3"), "新增指标")
    assert page.table.item(count, 2).text() == "新增指标"
    page.remove_indicator()
    assert page.table.rowCount() == count
    window.close()


def test_indicator_set_export_and_import_through_xlsx(tmp_path, evaluation_window):
    window = evaluation_window
    recorder = window.recorder
    sheet = tmp_path / "指标体系.xlsx"
    recorder.answers["ask_export_path"] = str(sheet)
    window.findChild(QPushButton, "indicatorSet.export").click()
    assert sheet.exists() and recorder.errors == []
    expected = [item.level3 for item in window.open_year.year.indicator_set.indicators]
    window.page("evaluation").select(0)
    window.page("evaluation").remove_indicator()
    assert len(window.open_year.year.indicator_set.indicators) == len(expected) - 1
    recorder.answers["ask_open_document"] = str(sheet)
    window.findChild(QPushButton, "indicatorSet.import").click()
    assert recorder.errors == []
    assert [item.level3 for item in window.open_year.year.indicator_set.indicators] == expected
    assert window.page("evaluation").table.rowCount() == len(expected)
    path = window.open_year.path
    window.close()
    assert [item.level3 for item in read_year(path).indicator_set.indicators] == expected


def test_new_year_dialog_checks_its_answers(qtbot, tmp_path):
    existing = tmp_path / "已有.zjd"
    existing.write_bytes(b"")
    dialog = NewYearDialog(None, folder=str(tmp_path))
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled() and "单位名称" in dialog.problem.text()
    type_chinese(dialog.unit, "湛江市测试局")
    assert dialog.ok.isEnabled()
    assert dialog.path.text().endswith("湛江市测试局-" + str(dialog.chosen_year()) + "年度.zjd")
    dialog.path.setText(str(existing))
    assert not dialog.ok.isEnabled() and "已存在" in dialog.problem.text()
    dialog.path.setText(str(tmp_path / "新文件"))
    assert dialog.result_values() == ("湛江市测试局", dialog.chosen_year(), str(tmp_path / "新文件.zjd"))


def test_window_title_follows_the_cover(evaluation_window):
    window = evaluation_window
    window.go_to("cover")
    type_chinese(field(window, "cover.unit_name"), "湛江市某某局")
    assert window.windowTitle().startswith("湛江市某某局 2024年度 — 演示.zjd")
    window.close()
