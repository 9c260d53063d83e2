"""The score panel follows the figures as they are typed; findings lead to their fields and can be fixed."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from support.ui import field, make_program, type_chinese
from zjdesk.domain.steps import step_index
from zjdesk.store.yearfile import read_year


def label(window, name: str) -> str:
    widget = window.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text()


def test_changing_a_figure_changes_the_total(demo_window):
    assert label(demo_window, "score.total") == "100"
    assert label(demo_window, "score.grade") == "优"
    demo_window.go_to("figures")
    # 决算支出 1557.15 of a budget of 1557.15 → 预算完成率 100%; at 1100 it is 70.64%.
    type_chinese(field(demo_window, "figures.final_expenditure.total"), "１１００")
    total = label(demo_window, "score.total")
    assert total != "100"
    assert Decimal(total) == 89  # 预算完成率 70–80% caps the total at 89
    assert label(demo_window, "score.grade") == "良"
    assert "总分最高 89 分" in label(demo_window, "score.cap")
    assert label(demo_window, "rate.budget_execution_rate") == "70.64%"
    type_chinese(field(demo_window, "figures.final_expenditure.total"), "1557.15")
    assert label(demo_window, "score.total") == "100"
    assert demo_window.findChild(QLabel, "score.cap").isHidden()


def test_invalid_amount_is_marked_and_not_stored(demo_window):
    demo_window.go_to("figures")
    amount = field(demo_window, "figures.carry_over")
    type_chinese(amount, "十二万")
    assert amount.property("invalid") is True
    assert "不是有效的金额" in amount.toolTip()
    assert demo_window.open_year.year.figures.carry_over is None
    type_chinese(amount, "１２．５万元")
    assert amount.property("invalid") is False
    assert demo_window.open_year.year.figures.carry_over == Decimal("12.50")
    amount.editingFinished.emit()
    assert amount.text() == "12.50"


def test_typing_an_amount_key_by_key_never_marks_it_wrong_at_its_decimal_point(demo_window, qtbot):
    # 1557.15 typed key by key passes through 1557. — it once turned the field red (不是有效的金额),
    # added a red finding and stored a pending entry, until the next digit came.
    demo_window.go_to("figures")
    amount = field(demo_window, "figures.carry_over")
    amount.clear()
    marked: list[bool] = []
    amount.validity_changed.connect(marked.append)
    qtbot.keyClicks(amount, "1557.15")
    assert marked == [] and amount.property("invalid") is not True
    assert demo_window.open_year.year.figures.carry_over == Decimal("1557.15")
    qtbot.keyClick(amount, Qt.Key.Key_Backspace)
    qtbot.keyClick(amount, Qt.Key.Key_Backspace)
    assert marked == [] and demo_window.open_year.pending_for("figures.carry_over") is None
    amount.editingFinished.emit()  # 1557. left as it is reads 1557.00
    assert amount.text() == "1557.00" and demo_window.open_year.year.figures.carry_over == Decimal("1557.00")


def test_clicking_a_finding_lands_on_its_field(demo_window, qtbot):
    panel = demo_window.findings_panel
    findings_list = panel.list
    assert findings_list.objectName() == "findings"
    assert findings_list.count() > 0
    target = panel.row_of(next(finding for finding in panel.shown if finding.path == "figures.final_expenditure.total"))
    item = findings_list.item(target)
    rect = findings_list.visualItemRect(item)
    findings_list.scrollToItem(item)
    rect = findings_list.visualItemRect(item)
    qtbot.mouseClick(findings_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert demo_window.current_step() == 4
    assert QApplication.focusWidget() is field(demo_window, "figures.final_expenditure.total") or (
        demo_window.page("figures").focusWidget() is field(demo_window, "figures.final_expenditure.total")
    )


def test_fix_and_acknowledge_from_the_panel(demo_window, tmp_path):
    panel = demo_window.findings_panel
    finding = next(finding for finding in panel.shown if finding.fix is not None)
    panel.list.setCurrentRow(panel.row_of(finding))
    assert panel.fix_button.isEnabled()
    panel.fix_button.click()
    assert all((item.check, item.path) != (finding.check, finding.path) for item in panel.shown)

    acknowledged = next(item for item in panel.shown if item.severity == "yellow")
    panel.list.setCurrentRow(panel.row_of(acknowledged))
    panel.ack_button.click()
    assert all((item.check, item.path) != (acknowledged.check, acknowledged.path) for item in panel.shown)
    assert "已确认 1" in panel.summary_text().replace("\u00a0", " ")
    path = demo_window.open_year.path
    demo_window.close()
    year = read_year(path)
    assert any(item.check == acknowledged.check and item.path == acknowledged.path for item in year.acknowledgements)


def test_empty_required_field_is_a_todo_and_a_mistake_is_red(demo_window):
    demo_window.go_to("cover")
    # The demo's 文号 keeps the seed's [2025] (a yellow finding on this step); with 〔2025〕 only the to-do is left.
    type_chinese(field(demo_window, "cover.notice_number"), "湛财绩〔2025〕2号")
    type_chinese(field(demo_window, "cover.unit_name"), "")
    field(demo_window, "cover.unit_name").clear()
    statuses = demo_window.navigator.statuses
    # Not yet filled in is a to-do (blue ring), not an alarm; the report step waits for it.
    assert statuses[0] == "todo" and statuses[8] == "todo"
    panel = demo_window.findings_panel
    assert any(item.severity == "red" and item.path == "cover.unit_name" for item in panel.shown)
    summary = panel.summary_text().replace("\u00a0", " ")
    assert "待填写 1" in summary and "必须修改" not in summary
    # A judged score below full marks without its 扣分原因 is a mistake: red, listed before the to-dos.
    demo_window.go_to("evaluation")
    type_chinese(field(demo_window, "indicator_set.indicators.0.judged_score"), "３")
    statuses = demo_window.navigator.statuses
    assert statuses[6] == "red" and statuses[8] == "red" and statuses[0] == "todo"
    assert panel.shown[0].path.startswith("indicator_set.indicators.0")
    assert "必须修改 1" in panel.summary_text().replace("\u00a0", " ")


def test_a_checklist_awaiting_its_items_leads_to_its_first_item(qtbot, tmp_path, recorder):
    # 管理制度健全性缺少数据（逐项检查结果）names the checklist as a whole; clicking it once led to no field.
    path = tmp_path / "湛江市档案馆-2026年度.zjd"
    recorder.answers["ask_new_year_details"] = ("湛江市档案馆", 2026, str(path))
    window = make_program(tmp_path).new_year_file()
    assert window is not None
    qtbot.addWidget(window)
    panel = window.findings_panel
    finding = next(item for item in panel.shown if getattr(item, "path", "").endswith(".checklist_met"))
    item = panel.list.item(panel.row_of(finding))
    panel.list.scrollToItem(item)
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=panel.list.visualItemRect(item).center())
    assert window.current_step() == step_index("evaluation")
    QApplication.processEvents()  # the indicator's detail is built for the row the click selected
    first_item = field(window, f"{finding.path}.0")
    assert first_item.isVisible()
    assert QApplication.focusWidget() is first_item or window.page("evaluation").focusWidget() is first_item
    window.close()
