"""Findings beside their fields, the panel following the step, and the program's look around Qt's own widgets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionFrame,
    QWidget,
)

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.store.yearfile import YearFile, write_new_year_file
from zjdesk.ui.widgets.finding_note import FindingNote


def _notes_with(page: QWidget, text: str) -> list[FindingNote]:
    return [
        note
        for note in page.findChildren(FindingNote)
        if note.isVisibleTo(page) and any(text in finding.message for finding in note.findings)
    ]


def _settle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.page(window.current_step()).marks.timer.isActive(), timeout=2000)
    QApplication.processEvents()


def test_a_finding_is_shown_under_its_field_with_the_panels_words(demo_window, qtbot):
    demo_window.go_to("profile")
    _settle(qtbot, demo_window)
    page = demo_window.page("profile")
    staff = next(item for item in demo_window.live_score.findings if item.check == "staff_sum")
    notes = _notes_with(page, staff.message)
    assert len(notes) == 1 and "profile.actual_total" in notes[0].paths  # under 在职人数, not elsewhere
    messages = [label.text() for label in notes[0].findChildren(QLabel, "findingMessage")]
    assert messages == [staff.message]  # the same words as the panel's
    assert field(demo_window, "profile.actual_total").property("finding") == "yellow"
    assert field(demo_window, "profile.short_name").property("finding") in (None, "")
    # A finding on an item of a list that no field of it shows goes under the item (超编 of the subordinate unit).
    over = next(item for item in demo_window.live_score.findings if item.check == "staff_over_establishment")
    assert _notes_with(page, over.message)[0].covers(over.path)


def test_the_last_edit_lights_up_the_finding_it_caused_and_the_panel_follows_the_step(demo_window, qtbot):
    panel = demo_window.findings_panel
    demo_window.go_to("profile")
    assert panel.rows[0] == 1 and panel.shown[0].step.key == "profile"  # this step's findings first
    demo_window.go_to("figures")
    assert panel.rows[0] == 4 and panel.shown[0].step.key == "figures"
    assert panel.highlighted == set()
    basic = field(demo_window, "figures.final_expenditure.basic")
    type_chinese(basic, "665.69")  # a slip: the parts now exceed the total
    over = next(item for item in panel.shown if item.check == "breakdown_sum" and "final_expenditure" in item.path)
    assert "分项之和不能大于合计" in over.message
    assert panel.highlighted == {(over.check, over.path, over.message)}
    row = panel.list.item(panel.row_of(over))
    assert row.data(Qt.ItemDataRole.UserRole) == "highlighted"
    others = [item for item in panel.shown if item is not over]
    assert all(panel.list.item(panel.row_of(item)).data(Qt.ItemDataRole.UserRole) != "highlighted" for item in others)
    _settle(qtbot, demo_window)
    page = demo_window.page("figures")
    assert _notes_with(page, "分项之和不能大于合计")  # and under the grid, beside the field
    assert field(demo_window, "figures.final_expenditure.total").property("finding") == "yellow"
    # A heading of the list goes to its step.
    panel.list.itemClicked.emit(panel.list.item(panel.rows.index(1)))
    assert demo_window.current_step() == 1


def test_the_fix_and_acknowledge_buttons_beside_a_field_work(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    path = tmp_path / "2025.zjd"
    write_new_year_file(path, carry_forward(demo_year()))
    window = make_program(tmp_path).open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    window.go_to("profile")
    _settle(qtbot, window)
    page = window.page("profile")
    note = _notes_with(page, "仍写着2024年")[0]
    fix = note.findChild(QPushButton, "findingFix")
    assert fix.text() == "改为2025年"
    fix.click()
    assert window.open_year.year.profile.staff_as_of == "2025年年底"
    assert field(window, "profile.staff_as_of").text() == "2025年年底"
    _settle(qtbot, window)
    assert not _notes_with(page, "仍写着2024年")
    staff = _notes_with(page, "在职人员合计")[0]
    staff.findChild(QPushButton, "findingAcknowledge").click()
    _settle(qtbot, window)
    assert not _notes_with(page, "在职人员合计")
    assert any(item.check == "staff_sum" for item in window.open_year.year.acknowledgements)
    window.close()


def test_a_read_only_file_shows_its_findings_without_buttons(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    holder = YearFile.open(path)
    try:
        recorder.answers["yes_no"] = True  # open it read-only
        window = make_program(tmp_path).open_path(path)
        qtbot.addWidget(window)
        window.go_to("profile")
        _settle(qtbot, window)
        note = _notes_with(window.page("profile"), "在职人员合计")[0]
        assert note.findChildren(QPushButton) == []
        window.close()
    finally:
        holder.close()


def test_the_imported_result_card_is_shown_only_for_an_import(demo_window, qtbot, tmp_path, monkeypatch):
    demo_window.go_to("evaluation")
    assert not any("原报告" in box.title() for box in demo_window.page("evaluation").findChildren(QGroupBox))
    type_chinese(field(demo_window, "cover.unit_name"), "湛江市人民政府驻广州办事处（改）")
    assert not any(item.check == "stated_score_mismatch" for item in demo_window.live_score.findings)
    from support.import_docs import numbered_seed_lines, write_docx

    recorder = demo_window.recorder
    recorder.answers["ask_open_document"] = str(write_docx(tmp_path / "报告.docx", numbered_seed_lines()))
    recorder.answers["ask_new_year_details"] = lambda *_a, **kw: (kw["unit_name"], kw["year"], str(tmp_path / "导入.zjd"))
    imported = demo_window.program.import_report()
    qtbot.addWidget(imported)
    imported.go_to("evaluation")
    titles = [box.title() for box in imported.page("evaluation").findChildren(QGroupBox)]
    assert "原报告中的自评结果（导入）" in titles
    imported.close()


def test_every_list_deletes_its_rows_with_one_control(demo_window):
    texts = set()
    for index in range(9):
        demo_window.go_to(index)
        page = demo_window.page(index)
        texts |= {button.text() for button in page.findChildren(QPushButton) if button.objectName().startswith("remove:")}
    assert texts == {"删除"}


def test_the_summary_keeps_each_count_on_one_line(demo_window):
    panel = demo_window.findings_panel
    assert "建议\u00a0" in panel.summary_text() and "建\u2060议" in panel.summary.text()


def test_qt_own_file_dialog_speaks_chinese(qt_application):
    from PySide6.QtWidgets import QFileDialog

    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
    assert QCoreApplication.translate("QAbstractFileIconProvider", "Folder") == "文件夹"
    assert QCoreApplication.translate("QFileDialog", "&Open") == "打开(&O)"  # Qt's own translation still answers
    dialog = QFileDialog(None, "打开年度文件", "", "zjdesk 年度文件 (*.zjd)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    texts = [label.text() for label in dialog.findChildren(QLabel) if label.text()]
    assert texts and not any(text.replace("&", "")[:4].isascii() and text[:1].isalpha() for text in texts), texts


def test_qt_own_widgets_keep_their_look_under_the_programs_style(demo_window):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter()
    preview = QPrintPreviewDialog(printer, demo_window)
    preview.show()
    QApplication.processEvents()
    zoom = next(box for box in preview.findChildren(QComboBox) if box.isEditable())
    editor = zoom.lineEdit()
    # The zoom box shows its whole value: no padding of the program's fields squeezes it (was ")0.0%").
    option = QStyleOptionFrame()
    editor.initStyleOption(option)
    text_area = editor.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, editor)
    assert editor.fontMetrics().horizontalAdvance(zoom.currentText()) <= text_area.width()
    # …while the program's own fields are padded as its style says.
    own = field(demo_window, "cover.unit_name")
    own.initStyleOption(option)
    padded = own.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, own)
    assert padded.width() <= own.width() - 12
    preview.close()
