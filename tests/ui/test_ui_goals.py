"""The goals step as the officer uses it: the table of indicators under each goal, typed into, scored live."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.demo import example_year
from zjdesk.store.yearfile import read_year, write_new_year_file

GOALS_STEP = 3


@pytest.fixture
def example(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "示例.zjd"
    write_new_year_file(path, example_year())
    window = make_program(tmp_path).open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    window.go_to(GOALS_STEP)
    with qtbot.waitActive(window):
        window.activateWindow()
    yield window, recorder, path
    if window.isVisible():
        window.close()


def _score(window, path: str) -> str:
    label = window.findChild(QLabel, f"score:{path}")
    assert label is not None, path
    return label.text()


def _retype(qtbot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def _click(window, name: str, qtbot) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_each_row_is_scored_live_as_the_officer_types(example, qtbot):
    window, _recorder, path = example
    assert _score(window, "goals.0.indicators.1") == "9.68 分"
    explanation = window.findChild(QWidget, "goals.0.indicators.1").explanation
    assert explanation.text() == "物业出租率 实际 92% 低于目标 95%：10 × 92 ÷ 95，得 9.68/10 分"
    actual = field(window, "goals.0.indicators.1.actual")
    _retype(qtbot, actual, "94")
    assert _score(window, "goals.0.indicators.1") == "9.89 分"
    assert "10 × 94 ÷ 95" in explanation.text()
    _retype(qtbot, actual, "96")
    assert _score(window, "goals.0.indicators.1") == "10 分"
    # the whole score follows: 重点工作完成率 from the 产出 rows
    score = window.live_score.score
    assert next(i for i in score.indicators if i.indicator.code == "key_task_completion").score == Decimal("9.82")  # 49.09 of 50
    window.open_year.flush()
    assert read_year(path).goals[0].indicators[1].actual == "96"


def test_a_row_below_full_marks_asks_for_its_reason_right_under_it(example, qtbot):
    window, _recorder, _path = example
    row = window.findChild(QWidget, "goals.0.indicators.0")
    assert not row.deviation_box.isVisibleTo(row)  # full marks, no text: nothing asked
    _retype(qtbot, field(window, "goals.0.indicators.0.actual"), "11000")
    assert _score(window, "goals.0.indicators.0") == "4.58 分"
    assert row.deviation_box.isVisibleTo(row) and row.reason_needed.isVisibleTo(row)
    finding = next(f for f in window.live_score.findings if f.check == "goal_deviation_missing")
    assert finding.path == "goals.0.indicators.0.deviation"
    # the finding goes to the row's 偏差原因 field
    widget = window.go_to_finding(finding)
    assert widget is field(window, "goals.0.indicators.0.deviation")
    assert QApplication.focusWidget() is widget
    type_chinese(widget, "两处物业年中才完成交接，出租面积未达计划。")
    assert not any(f.check == "goal_deviation_missing" for f in window.live_score.findings)
    assert not row.reason_needed.isVisibleTo(row)


def test_a_finding_opens_a_folded_goal_at_its_row(example, qtbot):
    window, _recorder, _path = example
    page = window.page(GOALS_STEP)
    actual = field(window, "goals.3.indicators.2.actual")
    assert not actual.isVisibleTo(page)  # goal 4 starts folded
    actual.setText("")
    finding = next(f for f in window.live_score.findings if f.check == "goal_actual_missing")
    assert window.go_to_finding(finding) is actual
    assert actual.isVisibleTo(page)


def test_keyboard_only_a_new_goal_and_its_rows(example, qtbot):
    window, _recorder, path = example
    _click(window, "add:goals", qtbot)
    QApplication.processEvents()  # the new goal's fields are shown by the event loop, as between two key presses
    text = field(window, "goals.4.text")
    assert QApplication.focusWidget() is text
    type_chinese(text, "做好办公用房维修管理工作。")
    qtbot.keyClick(text, Qt.Key.Key_Tab)
    add = QApplication.focusWidget()
    assert add.objectName() == "add:goals.4.indicators"
    qtbot.keyClick(add, Qt.Key.Key_Space)
    QApplication.processEvents()
    name = field(window, "goals.4.indicators.0.level3")
    assert QApplication.focusWidget() is name
    type_chinese(name, "维修项目完成数")
    order = []
    for _ in range(5):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget().objectName())
    base = "goals.4.indicators.0"
    assert order == [f"{base}.nature", f"{base}.target", f"{base}.unit", f"{base}.actual", f"{base}.weight"]
    # the sign and the unit typed inside the value are taken apart once the officer moves on
    target = field(window, f"{base}.target")
    target.setFocus()
    type_chinese(target, "≤12项")
    qtbot.keyClick(target, Qt.Key.Key_Tab)
    row = window.open_year.year.goals[4].indicators[0]
    assert (row.nature, row.target, row.unit) == ("≤", "12", "项")
    assert field(window, f"{base}.unit").text() == "项" and field(window, f"{base}.target").text() == "12"
    assert field(window, f"{base}.nature").currentText() == "≤"
    field(window, f"{base}.nature").setCurrentText("≥")
    qtbot.keyClicks(field(window, f"{base}.actual"), "9")
    weight = field(window, f"{base}.weight")
    qtbot.keyClicks(weight, "10")
    assert _score(window, base) == "7.5 分"
    # Enter adds a row below, under the same 一级/二级指标, with the cursor in its name
    qtbot.keyClick(weight, Qt.Key.Key_Return)
    QApplication.processEvents()
    second = window.open_year.year.goals[4].indicators[1]
    assert (second.level1, second.level2, second.level3) == ("产出指标", "数量指标", "")
    assert QApplication.focusWidget() is field(window, "goals.4.indicators.1.level3")
    window.open_year.flush()
    saved = read_year(path).goals[4]
    assert saved.text == "做好办公用房维修管理工作。" and saved.indicators[0].weight == Decimal(10)


def test_rows_move_delete_and_copy_from_another_goal(example, qtbot):
    window, recorder, _path = example
    document = window.open_year
    names = lambda goal: [row.level3 for row in document.year.goals[goal].indicators]  # noqa: E731
    _click(window, "down:goals.0.indicators.0", qtbot)
    assert names(0)[:2] == ["物业出租率", "出租物业面积"]
    assert _score(window, "goals.0.indicators.0") == "9.68 分"  # the score moved with its row
    recorder.answers["yes_no"] = True
    _click(window, "remove:goals.0.indicators.3", qtbot)
    assert names(0) == ["物业出租率", "出租物业面积", "租金按时收缴率"]
    assert recorder.questions and "删除" in recorder.questions[-1][0]
    button = window.findChild(QPushButton, "copy:goals.2")
    menu = button.menu()
    menu.aboutToShow.emit()
    action = next(a for a in menu.actions() if a.objectName() == "copy:goals.2<goals.1")
    action.trigger()
    assert names(2) == ["劝返任务完成率", "信访秩序平稳", "接待来访团组数", "单位接待成本", "来访团组满意度"]
    copied = document.year.goals[2].indicators[3]
    assert copied.target == "300" and copied.actual == "" and copied.deviation == ""
    QApplication.processEvents()
    assert _score(window, "goals.2.indicators.3") == "—"


def test_a_qualitative_row_picks_its_rating(example, qtbot):
    window, _recorder, _path = example
    base = "goals.0.indicators.2"
    field(window, f"{base}.nature").setCurrentText("定性")
    qtbot.waitUntil(lambda: window.findChild(QWidget, base).qualitative, timeout=2000)
    field(window, f"{base}.target").setText("收缴及时")
    rating = field(window, f"{base}.actual")
    assert [rating.itemText(i) for i in range(rating.count())] == ["达成", "基本达成", "部分达成", "未达成"]
    rating.setCurrentIndex(1)
    assert _score(window, base) == "4 分"


def test_import_and_export_on_the_goals_step(example, qtbot, tmp_path):
    window, recorder, _path = example
    exported = tmp_path / "导出.xlsx"
    recorder.answers["ask_export_path"] = str(exported)
    _click(window, "goals.export", qtbot)
    assert exported.exists() and recorder.errors == []
    sheet = openpyxl.load_workbook(exported)
    sheet.active["H5"] = 90  # 物业出租率's actual, changed in Excel
    sheet.save(exported)
    recorder.answers["ask_open_document"] = str(exported)
    _click(window, "goals.import", qtbot)
    assert recorder.errors == []
    assert "已导入 13 项指标到 4 个绩效目标" in recorder.infos[-1][1]
    QApplication.processEvents()
    assert window.open_year.year.goals[0].indicators[1].actual == "90"
    qtbot.waitUntil(lambda: _score(window, "goals.0.indicators.1") == "9.47 分", timeout=2000)


def test_a_bad_sheet_names_the_cell_and_changes_nothing(example, qtbot, tmp_path):
    window, recorder, path = example
    workbook = openpyxl.Workbook()
    workbook.active.append(["绩效目标", "三级指标", "指标值", "实际完成值", "分值"])
    workbook.active.append(["做好物业管理和国有资产出租工作", "出租物业面积", 12000, 12500, "五分"])
    bad = tmp_path / "bad.xlsx"
    workbook.save(bad)
    before = window.open_year.snapshot()
    recorder.answers["ask_open_document"] = str(bad)
    _click(window, "goals.import", qtbot)
    assert len(recorder.errors) == 1
    title, message = recorder.errors[0]
    assert title == "无法导入绩效目标表" and "第 2 行 E 列（分值）“五分”不是数字" in message
    assert window.open_year.year == before
    window.open_year.flush()
    assert read_year(path) == before


def test_start_page_opens_the_example_beside_the_demo(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    program = make_program(tmp_path)
    start = program.show_start()
    qtbot.addWidget(start)
    demo, example = start.buttons["start.demo"], start.buttons["start.example"]
    assert demo.geometry().top() == example.geometry().top()  # side by side
    qtbot.mouseClick(example, Qt.MouseButton.LeftButton)
    window = program.windows[-1]
    qtbot.addWidget(window)
    assert window.open_year.year.cover.unit_name.startswith("示例单位")
    assert Path(window.open_year.path).name == "示例单位-2024.zjd"
    assert sum(len(goal.indicators) for goal in window.open_year.year.goals) == 13
    window.close()


def test_the_goals_step_fits_a_small_window_and_uses_a_wide_one(example, qtbot):
    window, _recorder, _path = example
    page = window.page(GOALS_STEP)
    row = window.findChild(QWidget, "goals.0.indicators.1")
    for size, one_line in (((1093, 554), False), ((1920, 1010), True)):
        window.resize(*size)
        for _ in range(5):
            QApplication.processEvents()
        body = page.widget()
        assert body.minimumSizeHint().width() <= page.viewport().width()
        name, nature = field(window, "goals.0.indicators.1.level3"), field(window, "goals.0.indicators.1.nature")
        same_line = name.mapTo(row, name.rect().topLeft()).y() == nature.mapTo(row, nature.rect().topLeft()).y()
        assert same_line is one_line, size


def test_a_long_level_or_unit_shows_its_beginning_in_its_narrow_box(qtbot, tmp_path, monkeypatch):
    # 服务对象满意度指标 is the first suggestion under 满意度指标: the box already held it, so the cursor
    # stayed at its end and the box read 象满意度指标; a unit such as 个工作日 read 工作日 at 150 %.
    DialogRecorder(monkeypatch)
    year = example_year()
    row = year.goals[0].indicators[0]
    row.level1, row.level2, row.unit = "满意度指标", "服务对象满意度指标", "个工作日（自受理之日起计算）"
    path = tmp_path / "示例.zjd"
    write_new_year_file(path, year)
    window = make_program(tmp_path).open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    window.go_to(GOALS_STEP)
    level2, unit = field(window, "goals.0.indicators.0.level2"), field(window, "goals.0.indicators.0.unit")
    for _ in range(5):
        QApplication.processEvents()
    assert level2.currentText() == "服务对象满意度指标" and unit.text() == "个工作日（自受理之日起计算）"
    assert level2.lineEdit().cursorPosition() == 0
    assert unit.cursorPosition() == 0
    window.close()


def test_a_full_stop_typed_after_a_value_does_not_become_its_unit(example, qtbot):
    # 12。 (the IME's full stop) once put 。 — as "." — into the empty 度量单位 when the officer moved on,
    # and the report's goal table printed it as the unit.
    window, _recorder, _path = example
    _click(window, "add:goals.0.indicators", qtbot)
    row = len(window.open_year.year.goals[0].indicators) - 1
    base = f"goals.0.indicators.{row}"
    target = field(window, f"{base}.target")
    type_chinese(target, "12。")
    target.editingFinished.emit()
    indicator = window.open_year.year.goals[0].indicators[row]
    assert (indicator.target, indicator.unit) == ("12", "")
    assert field(window, f"{base}.unit").text() == "" and target.text() == "12"


def test_a_new_row_made_a_satisfaction_indicator_takes_its_level_and_asks_for_the_survey(example, qtbot):
    # A new row takes the levels of the row above (效益指标 / 经济效益指标); made a 满意度指标 it kept
    # 经济效益指标 (a row a reviewer flags), and the box under it still read 偏差原因分析及改进措施 while
    # the check asked for the survey.
    window, _recorder, _path = example
    _click(window, "add:goals.0.indicators", qtbot)
    row = len(window.open_year.year.goals[0].indicators) - 1
    base = f"goals.0.indicators.{row}"
    level1 = field(window, f"{base}.level1")
    level1.setFocus()
    level1.lineEdit().selectAll()
    type_chinese(level1.lineEdit(), "满意度指标")
    indicator = window.open_year.year.goals[0].indicators[row]
    assert (indicator.level1, indicator.level2) == ("满意度指标", "服务对象满意度指标")
    assert field(window, f"{base}.level2").currentText() == "服务对象满意度指标"
    widget = window.findChild(QWidget, base)
    assert widget.deviation_caption.text().startswith("调查方式") and widget.deviation_box.isVisibleTo(widget)
    # a 二级指标 of the officer's own words stays when the 一级 changes
    level2 = field(window, f"{base}.level2")
    level2.setFocus()
    level2.lineEdit().selectAll()
    type_chinese(level2.lineEdit(), "公众满意度")
    level1.setFocus()
    level1.lineEdit().selectAll()
    type_chinese(level1.lineEdit(), "效益指标")
    assert window.open_year.year.goals[0].indicators[row].level2 == "公众满意度"


def test_the_usual_level2_names_show_whole_in_their_box(qtbot, tmp_path, monkeypatch):
    # 社会效益指标 and 经济成本指标 read 社会效益指 / 经济成本指 in their box at 100 % on a 1366×768 screen: the
    # box may shrink to its minimum width, and its drop-down arrow takes part of that.
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    from zjdesk.domain.model import GOAL_LEVELS

    DialogRecorder(monkeypatch)
    path = tmp_path / "示例.zjd"
    write_new_year_file(path, example_year())
    window = make_program(tmp_path).open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    window.go_to(GOALS_STEP)
    for _ in range(5):
        QApplication.processEvents()
    combo = field(window, "goals.0.indicators.0.level2")
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    edit = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo)
    narrowest = combo.minimumWidth() - (combo.width() - edit.width())  # the text's room at the box's minimum width
    metrics = combo.lineEdit().fontMetrics()
    for name in (name for usual in GOAL_LEVELS.values() for name in usual if len(name) <= 7):  # all but 服务对象满意度指标
        assert narrowest >= metrics.horizontalAdvance(name), name
    window.close()
