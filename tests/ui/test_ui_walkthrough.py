"""A new year file, filled in step by step with real Chinese typing, holds everything after reopening."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.domain.steps import STEPS
from zjdesk.store.yearfile import read_year


def activate(window, qtbot) -> None:
    """Make ``window`` the active window (keyboard shortcuts only reach the active window)."""
    with qtbot.waitActive(window):
        window.activateWindow()


def click(window, name: str, qtbot) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_new_year_walk_every_step(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    target = tmp_path / "测试单位-2025年度.zjd"
    recorder.answers["ask_new_year_details"] = ("湛江市测试局", 2025, str(target))
    program = make_program(tmp_path)
    window = program.new_year_file()
    assert window is not None
    qtbot.addWidget(window)
    assert "湛江市测试局" in window.windowTitle() and "2025年度" in window.windowTitle()
    assert target.name in window.windowTitle()

    # 1 封面与基本信息
    type_chinese(field(window, "cover.notice_title"), "湛江市财政局关于开展2026年市级财政资金绩效自评工作的通知")
    type_chinese(field(window, "cover.notice_number"), "湛财绩[2026]3号")
    field(window, "cover.fill_date").setDate(QDate(2026, 5, 10))

    # 2 单位基本情况
    window.go_to("profile")
    type_chinese(field(window, "profile.short_name"), "测试局")
    type_chinese(field(window, "profile.establishment_total"), "２０")  # full-width digits, as an IME commits them
    click(window, "add:profile.staff", qtbot)
    type_chinese(field(window, "profile.staff.0.name"), "公务员")
    qtbot.keyClicks(field(window, "profile.staff.0.establishment"), "12")
    click(window, "add:profile.sections", qtbot)
    type_chinese(field(window, "profile.sections.0.name"), "办公室")
    type_chinese(field(window, "profile.sections.0.duties"), "负责文秘、人事和财务工作")
    click(window, "add:profile.retirees", qtbot)
    type_chinese(field(window, "profile.retirees.0.origin"), "本局")
    qtbot.keyClicks(field(window, "profile.retirees.0.count"), "7")

    # 3 年度工作任务: a task with a point, then a second task moved above it
    window.go_to("tasks")
    click(window, "add:tasks", qtbot)
    type_chinese(field(window, "tasks.0.title"), "做好政务服务工作")
    click(window, "add:tasks.0.points", qtbot)
    type_chinese(field(window, "tasks.0.points.0.title"), "提高服务水平")
    type_chinese(field(window, "tasks.0.points.0.text"), "细化接待方案，规范接待标准。")
    click(window, "add:tasks", qtbot)
    type_chinese(field(window, "tasks.1.title"), "加强信访维稳")
    click(window, "up:tasks.1", qtbot)
    assert field(window, "tasks.0.title").text() == "加强信访维稳"

    # 4 绩效目标
    window.go_to("goals")
    for index, goal in enumerate(("做好政务服务工作；", "做好信访维稳工作。")):
        click(window, "add:goals", qtbot)
        type_chinese(field(window, f"goals.{index}.text"), goal)

    # 5 支出情况
    window.go_to("figures")
    type_chinese(field(window, "figures.budget.total"), "１，２００．５")
    type_chinese(field(window, "figures.final_expenditure.total"), "1100.25万元")

    # 6 自评工作开展
    window.go_to("team")
    click(window, "add:team.leaders", qtbot)
    type_chinese(field(window, "team.leaders.0"), "张三")
    click(window, "add:team.members", qtbot)
    type_chinese(field(window, "team.members.0"), "李四")
    type_chinese(field(window, "process.work_process"), "召开专题会议，明确分工。")

    # 7 绩效自评: the new file starts on the reference set; judge the first indicator
    window.go_to("evaluation")
    qtbot.keyClicks(field(window, "indicator_set.indicators.0.judged_score"), "4")
    type_chinese(field(window, "indicator_set.indicators.0.deduction_reason"), "个别目标不够量化")
    type_chinese(field(window, "evaluation.budgeting"), "按照要求编制预算。")

    # 8 经验、问题与改进
    window.go_to("closing")
    click(window, "add:practices", qtbot)
    type_chinese(field(window, "practices.0.title"), "强化组织领导")
    click(window, "add:problems", qtbot)
    type_chinese(field(window, "problems.0"), "绩效目标量化不足")
    click(window, "add:improvements", qtbot)
    type_chinese(field(window, "improvements.0"), "加强预算管理学习")
    type_chinese(field(window, "other"), "无其他情况")

    # 9 预览与导出 is reachable with Ctrl+PgDn from the previous step, even from inside a text field
    activate(window, qtbot)
    field(window, "other").setFocus()
    qtbot.keyClick(field(window, "other"), Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == len(STEPS) - 1
    QApplication.processEvents()
    assert window.saved_label.text() == "" or window.saved_label.text().startswith("已保存")
    window.close()
    assert recorder.errors == []

    year = read_year(target)
    assert year.cover.unit_name == "湛江市测试局" and year.cover.evaluation_year == 2025
    assert year.cover.notice_number == "湛财绩[2026]3号"
    assert year.cover.fill_date == date(2026, 5, 10)
    assert year.profile.short_name == "测试局" and year.profile.establishment_total == 20
    assert year.profile.staff[0].name == "公务员" and year.profile.staff[0].establishment == 12
    assert year.profile.sections[0].duties == "负责文秘、人事和财务工作"
    assert year.profile.retirees[0].origin == "本局" and year.profile.retirees[0].count == 7
    assert [task.title for task in year.tasks] == ["加强信访维稳", "做好政务服务工作"]
    assert year.tasks[1].points[0].text == "细化接待方案，规范接待标准。"
    assert [goal.text for goal in year.goals] == ["做好政务服务工作；", "做好信访维稳工作。"]
    assert year.figures.budget.total == Decimal("1200.50")
    assert year.figures.final_expenditure.total == Decimal("1100.25")
    assert year.team.leaders == ["张三"] and year.team.members == ["李四"]
    assert year.process.work_process == "召开专题会议，明确分工。"
    assert year.indicator_set.indicators[0].judged_score == Decimal(4)
    assert year.indicator_set.indicators[0].deduction_reason == "个别目标不够量化"
    assert year.evaluation.budgeting == "按照要求编制预算。"
    assert year.practices[0].title == "强化组织领导"
    assert year.problems == ["绩效目标量化不足"] and year.improvements == ["加强预算管理学习"]
    assert year.other == "无其他情况"
    assert str(target.resolve()) in program.recent_files()


def test_step_keys_and_navigation(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import write_new_year_file

    path = tmp_path / "demo.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    activate(window, qtbot)
    assert window.current_step() == 0
    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == 1
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_step() == 0
    window.navigator.setCurrentRow(4)
    assert window.current_step() == 4
    qtbot.mouseClick(window.next_button, Qt.MouseButton.LeftButton)
    assert window.current_step() == 5
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)
    assert window.current_step() == 4
    window.close()


def test_tab_order_follows_the_layout(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import write_new_year_file

    path = tmp_path / "demo.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    activate(window, qtbot)
    expected = [
        "cover.unit_name",
        "cover.evaluation_year",
        "cover.fill_date",
        "cover.attachment_number",
        "cover.notice_title",
        "cover.notice_number",
        "cover.opening_text",
    ]
    field(window, expected[0]).setFocus()
    seen = [QApplication.focusWidget().objectName()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        while focused is not None and not focused.objectName().startswith("cover."):
            focused = focused.parentWidget()  # the line edit inside a date field
        seen.append(focused.objectName() if focused else "")
    assert seen == expected
    # Every field has a visible label pointing at it.
    from PySide6.QtWidgets import QLabel

    buddies = {label.buddy().objectName() for label in window.page("cover").findChildren(QLabel) if label.buddy() is not None}
    assert set(expected) <= buddies
    window.close()


def test_the_cover_step_fills_the_score_sheets_signoff_rows(qtbot, tmp_path, monkeypatch):
    from support.ui import DialogRecorder, field, make_program, type_chinese
    from zjdesk.demo import demo_year
    from zjdesk.report.engine import outline_for
    from zjdesk.store.yearfile import read_year, write_new_year_file

    DialogRecorder(monkeypatch)
    path = tmp_path / "签署.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    window.go_to("cover")
    type_chinese(field(window, "cover.preparer"), "林晓敏")
    type_chinese(field(window, "cover.preparer_phone"), "0759-3386152")
    type_chinese(field(window, "cover.unit_head"), "陈国栋")
    window.go_to("export")
    window.close()
    year = read_year(path)
    assert (year.cover.preparer, year.cover.preparer_phone, year.cover.unit_head) == ("林晓敏", "0759-3386152", "陈国栋")
    rows = [row for row in outline_for(year).table("score_sheet").rows if row.kind == "signoff"]
    assert rows[0].cells[0] == "填表人：林晓敏" and rows[1].cells[0] == "单位负责人（签字）：陈国栋"


def test_the_closing_step_numbers_the_measures_as_the_report_does(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QLabel

    from support.ui import DialogRecorder, make_program
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import write_new_year_file

    DialogRecorder(monkeypatch)
    path = tmp_path / "措施.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    window.go_to("closing")
    texts = [label.text() for label in window.page("closing").findChildren(QLabel)]
    assert "报告中依次编为 1. 2. 3.……" in texts
    assert "1." in texts and "2." in texts and "一、" not in texts
    window.close()


def test_an_empty_date_opens_its_calendar_on_this_month(qtbot, tmp_path, monkeypatch):
    # 未填写 is the field's lowest date, 2000年1月1日: its calendar opened on January 2000, 26 years of
    # clicks away from the 填报日期 the officer wants.
    recorder = DialogRecorder(monkeypatch)
    target = tmp_path / "湛江市档案馆-2026年度.zjd"
    recorder.answers["ask_new_year_details"] = ("湛江市档案馆", 2026, str(target))
    window = make_program(tmp_path).new_year_file()
    assert window is not None
    qtbot.addWidget(window)
    fill_date = field(window, "cover.fill_date")
    assert fill_date.text() == "未填写"
    qtbot.mouseClick(fill_date, Qt.MouseButton.LeftButton, pos=QPoint(fill_date.width() - 8, fill_date.height() // 2))
    calendar = fill_date.calendarWidget()
    today = QDate.currentDate()
    assert calendar.isVisible() and (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    calendar.clicked.emit(today)  # the officer picks a day
    assert window.open_year.year.cover.fill_date == date(today.year(), today.month(), today.day())
    window.close()
