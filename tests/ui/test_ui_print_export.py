"""Printing and exporting from the 预览与导出 step: the print path into a PDF, .docx / PDF / .xlsx, drafts."""

from __future__ import annotations

import re
import zipfile

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QPushButton

from support.ui import field, make_program, type_chinese
from zjdesk.domain.steps import step_index
from zjdesk.ui import dialogs
from zjdesk.ui.new_year_dialog import NewYearDialog


@pytest.fixture
def export_window(demo_window):
    demo_window.go_to("export")
    return demo_window


def pdf_text(path) -> bytes:
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    return data


def test_ctrl_p_prints_through_the_print_dialog_into_a_pdf(export_window, qtbot, tmp_path, monkeypatch):
    target = tmp_path / "打印.pdf"
    asked = []

    def fake_print_dialog(_parent, printer: QPrinter) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # what "Microsoft Print to PDF" would do
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(dialogs, "ask_print", fake_print_dialog)
    with qtbot.waitActive(export_window):
        export_window.activateWindow()
    qtbot.keyClick(export_window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    assert asked[0] is export_window.page("export").controller.printer  # kept referenced
    assert len(pdf_text(target)) > 20_000


def test_print_preview_keeps_the_printer_and_paints(export_window, monkeypatch, tmp_path):
    painted = []

    def fake_preview(_parent, printer, paint) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "预览.pdf"))
        paint(printer)
        painted.append(printer)

    monkeypatch.setattr(dialogs, "show_print_preview", fake_preview)
    export_window.findChild(QPushButton, "export.preview").click()
    assert painted and painted[0] is export_window.page("export").controller.printer
    pdf_text(tmp_path / "预览.pdf")


def test_export_all_three_formats(export_window, tmp_path):
    recorder = export_window.recorder
    outputs = {"docx": tmp_path / "报告.docx", "pdf": tmp_path / "报告.pdf", "xlsx": tmp_path / "表.xlsx"}
    for kind, path in outputs.items():
        recorder.answers["ask_export_path"] = str(path)
        export_window.findChild(QPushButton, f"export.{kind}").click()
        assert path.exists(), kind
    assert recorder.errors == []
    with zipfile.ZipFile(outputs["docx"]) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    assert "湛江市人民政府驻广州办事处" in body and "部门整体支出绩效自评报告" in body
    pdf_text(outputs["pdf"])
    with zipfile.ZipFile(outputs["xlsx"]) as archive:
        assert any(name.startswith("xl/worksheets/") for name in archive.namelist())
    page = export_window.page("export")
    assert page.exported_row.isVisibleTo(page) and "已导出 1 个文件" in page.exported_label.text()
    assert "表.xlsx" in page.exported_label.text()
    page.open_folder_button.click()  # 打开所在文件夹: the folder of the last export, in Explorer
    assert recorder.opened_folders == [str(tmp_path)]


def test_red_findings_allow_only_a_draft(export_window, tmp_path):
    recorder = export_window.recorder
    export_window.go_to("cover")
    type_chinese(field(export_window, "cover.unit_name"), "")
    field(export_window, "cover.unit_name").clear()
    export_window.go_to("export")
    assert "只能打印或导出草稿" in export_window.page("export").status.text()
    target = tmp_path / "草稿.docx"
    recorder.answers["ask_export_path"] = str(target)
    recorder.answers["yes_no"] = False  # declines the draft
    export_window.findChild(QPushButton, "export.docx").click()
    assert not target.exists()
    recorder.answers["yes_no"] = True
    export_window.findChild(QPushButton, "export.docx").click()
    assert target.exists()
    with zipfile.ZipFile(target) as archive:
        xml = "".join(archive.read(name).decode("utf-8", "ignore") for name in archive.namelist() if name.endswith(".xml"))
    assert "草稿" in xml


def test_export_all_into_a_folder(export_window, tmp_path):
    recorder = export_window.recorder
    folder = tmp_path / "报送"
    folder.mkdir()
    offered = []
    recorder.answers["ask_folder"] = lambda _parent, _title, start: offered.append(start) or str(folder)
    export_window.findChild(QPushButton, "export.all").click()
    # The folder dialog opened on a folder named after the unit and year, beside the year file; chosen
    # elsewhere, the suggested folder (still empty) is not left behind.
    suggested = tmp_path / "湛江市人民政府驻广州办事处2024年度自评报告"
    assert offered == [str(suggested)] and not suggested.exists()
    names = sorted(path.name for path in folder.iterdir())
    stem = "湛江市人民政府驻广州办事处2024年度部门整体支出绩效自评报告"
    assert names == sorted([f"{stem}.docx", f"{stem}.pdf", f"{stem}-数据表与评分表.xlsx"])
    assert recorder.errors == []
    page = export_window.page("export")
    assert "已导出 3 个文件到文件夹" in page.exported_label.text() and str(folder) in page.exported_label.text()
    # A second export asks before replacing; declining leaves the files alone.
    before = {path.name: path.stat().st_mtime_ns for path in folder.iterdir()}
    recorder.answers["yes_no"] = False
    export_window.findChild(QPushButton, "export.all").click()
    assert recorder.questions[-1][0] == "覆盖文件"
    assert {path.name: path.stat().st_mtime_ns for path in folder.iterdir()} == before


def test_a_final_export_first_lists_the_open_yellow_findings(export_window, tmp_path):
    recorder = export_window.recorder
    folder = tmp_path / "报送"
    folder.mkdir()
    recorder.answers["ask_folder"] = str(folder)
    open_yellow = [f for f in export_window.live_score.findings if f.severity == "yellow" and not f.acknowledged]
    assert len(open_yellow) >= 10
    assert f"还有 {len(open_yellow)} 项黄色问题未核对" in export_window.page("export").status.text()
    # 返回修改: nothing is written.
    recorder.answers["findings"] = None
    export_window.findChild(QPushButton, "export.all").click()
    assert [len(shown) for shown in recorder.findings_shown] == [len(open_yellow)]
    assert {f.check for f in recorder.findings_shown[0]} >= {"breakdown_sum", "stray_space", "document_number_brackets"}
    assert list(folder.iterdir()) == []
    # One click on a finding goes to its field, and nothing is written either.
    target = next(f for f in open_yellow if f.path == "figures.final_expenditure.total")
    recorder.answers["findings"] = target
    export_window.findChild(QPushButton, "export.all").click()
    assert list(folder.iterdir()) == []
    assert export_window.current_step() == step_index("figures")
    assert export_window.focusWidget() is field(export_window, "figures.final_expenditure.total")
    # 核对无误，继续导出: the files are written.
    export_window.go_to("export")
    recorder.answers["findings"] = True
    export_window.findChild(QPushButton, "export.all").click()
    assert len(list(folder.iterdir())) == 3
    # A draft does not ask: it says 草稿 on every page anyway.
    recorder.answers["ask_export_path"] = str(tmp_path / "草稿.docx")
    export_window.findChild(QPushButton, "export.draft").click()
    assert len(recorder.findings_shown) == 3 and (tmp_path / "草稿.docx").exists()


def test_the_export_step_names_the_faces_standing_in_for_missing_gb_fonts(export_window):
    from zjdesk.report.qt_text import font_substitutions

    label = export_window.page("export").fonts
    substitutions = font_substitutions()
    assert label.isVisibleTo(export_window) == bool(substitutions)
    for named, used in substitutions:
        assert f"{named} → {used}" in label.text()


def test_the_yellow_findings_dialog_goes_ahead_goes_back_or_goes_to_a_finding(qtbot, monkeypatch):
    """The real dialog (not the recorder): its list, its two buttons, a click on an item."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QListWidget

    from zjdesk.demo import demo_year
    from zjdesk.domain.checks import run_checks

    findings = [f for f in run_checks(demo_year()) if f.severity == "yellow"]

    def answer_with(action):
        def act():
            dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible())
            action(dialog)

        QTimer.singleShot(0, act)

    answer_with(lambda dialog: dialog.findChild(QPushButton, "yellowFindings.continue").click())
    assert dialogs.ask_export_despite_findings(None, "导出", findings) is True

    answer_with(lambda dialog: dialog.reject())
    assert dialogs.ask_export_despite_findings(None, "导出", findings) is None

    def click_third(dialog):
        listing = dialog.findChild(QListWidget, "yellowFindings")
        assert listing.count() == len(findings)
        listing.itemClicked.emit(listing.item(2))

    answer_with(click_third)
    assert dialogs.ask_export_despite_findings(None, "导出", findings) is findings[2]


def test_export_all_into_the_suggested_folder_keeps_it(export_window, tmp_path):
    recorder = export_window.recorder
    recorder.answers["ask_folder"] = lambda _parent, _title, start: start  # the officer accepts the suggestion
    export_window.findChild(QPushButton, "export.all").click()
    suggested = tmp_path / "湛江市人民政府驻广州办事处2024年度自评报告"
    assert len(list(suggested.iterdir())) == 3 and recorder.errors == []


def test_a_unit_whose_name_has_a_slash_gets_file_names_it_can_use(qtbot, tmp_path, recorder):
    # 湛江市委机要局/市密码管理局: the / once made the suggested year file a path into a folder that does not
    # exist (the dialog refused its own suggestion) and 一次导出全部 failed with 文件夹…不存在.
    unit = "湛江市委机要局/市密码管理局"
    dialog = NewYearDialog(None, folder=str(tmp_path))
    qtbot.addWidget(dialog)
    type_chinese(dialog.unit, unit)
    dialog.choose_year(2025)
    assert dialog.path.text() == str(tmp_path / "湛江市委机要局、市密码管理局-2025年度.zjd")
    assert dialog.ok.isEnabled() and not dialog.problem.isVisible()

    recorder.answers["ask_new_year_details"] = (unit, 2025, dialog.result_values()[2])
    window = make_program(tmp_path).new_year_file()
    assert window is not None
    qtbot.addWidget(window)
    window.go_to("export")
    offered = []
    recorder.answers["ask_folder"] = lambda _parent, _title, start: offered.append(start) or start
    window.findChild(QPushButton, "export.all").click()  # a draft: the new year has its to-dos
    assert recorder.errors == []
    folder = tmp_path / "湛江市委机要局、市密码管理局2025年度自评报告"
    assert offered == [str(folder)]
    stem = "湛江市委机要局、市密码管理局2025年度部门整体支出绩效自评报告（草稿）"
    expected = [f"{stem}.docx", f"{stem}.pdf", f"{stem}-数据表与评分表.xlsx"]
    assert sorted(path.name for path in folder.iterdir()) == sorted(expected)
    window.close()


def test_a_printer_that_cannot_start_is_said_in_chinese(export_window, tmp_path, monkeypatch):
    # A print to a PDF file that cannot be written: the message read 无法打印（cannot paint on the print device）.
    def unwritable(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "没有这个文件夹" / "打印.pdf"))
        return True

    monkeypatch.setattr(dialogs, "ask_print", unwritable)
    assert export_window.page("export").controller.print_report() is False
    [(title, message)] = export_window.recorder.errors
    assert title == "打印失败" and "请检查打印机" in message
    assert not re.search(r"[A-Za-z]{3,}", message), message
