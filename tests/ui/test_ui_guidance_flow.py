"""From last year's file to this year's: default folders, import then carry forward, and the dialogs' refusals."""

from __future__ import annotations

from decimal import Decimal

from support.import_docs import numbered_seed_lines, write_docx
from support.ui import DialogRecorder, make_program
from support.yearfiles import digest
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import read_year, write_new_year_file
from zjdesk.ui.new_year_dialog import NewYearDialog


def _details(calls: list[dict], path):
    """An answer to ask_new_year_details that records how it was asked and keeps the offered unit and year."""

    def answer(_parent, **kwargs):
        calls.append(kwargs)
        return None if path is None else (kwargs["unit_name"], kwargs["year"] or 2024, str(path))

    return answer


def test_the_demo_never_becomes_the_default_folder(qtbot, tmp_path, monkeypatch, user_folders):
    recorder = DialogRecorder(monkeypatch)
    program = make_program(tmp_path)
    demo = program.open_demo()
    assert demo is not None and demo.open_year.path.parent == user_folders["data"]
    qtbot.addWidget(demo)
    # After the demo, every file dialog starts in Documents, not in zjdesk's hidden data folder.
    asked: list[tuple] = []
    recorder.answers["ask_open_year_file"] = lambda _parent, folder: asked.append(("open", folder))
    program.open_file()
    calls: list[dict] = []
    recorder.answers["ask_new_year_details"] = _details(calls, None)
    program.new_year_file()
    recorder.answers["ask_open_document"] = lambda _parent, _title, _filter, folder: asked.append(("import", folder))
    program.import_report()
    program.carry_forward_file()
    documents = str(user_folders["documents"])
    assert asked == [("open", documents), ("import", documents), ("open", documents)]
    assert calls[0]["folder"] == documents
    assert demo.exports.base_folder() == documents  # the demo's exports too
    # A real year file sets the default from then on, even after the demo is opened again.
    work = tmp_path / "财务股"
    work.mkdir()
    recorder.answers["ask_new_year_details"] = lambda *_a, **_kw: ("湛江市测试局", 2025, str(work / "测试局-2025年度.zjd"))
    real = program.new_year_file()
    assert real is not None
    qtbot.addWidget(real)
    program.open_demo()
    recorder.answers["ask_new_year_details"] = _details(calls, None)
    program.new_year_file()
    assert calls[-1]["folder"] == str(work)
    assert demo.exports.base_folder() == str(work) and real.exports.base_folder() == str(work)
    real.close()
    demo.close()


def test_a_missing_or_read_only_documents_folder_is_said_in_chinese_and_nothing_is_created(qtbot, tmp_path, monkeypatch):
    missing = tmp_path / "OneDrive" / "文档"
    dialog = NewYearDialog(None, unit_name="湛江市测试局", year=2025, folder=str(missing))
    qtbot.addWidget(dialog)
    assert "不存在" in dialog.problem.text() and str(missing) in dialog.problem.text()
    assert not dialog.ok.isEnabled() and dialog.path.text().endswith("湛江市测试局-2025年度.zjd")
    from zjdesk.store import folders

    monkeypatch.setattr(folders.tempfile, "TemporaryFile", lambda **_kw: (_ for _ in ()).throw(PermissionError(13, "denied")))
    read_only = NewYearDialog(None, unit_name="湛江市测试局", year=2025, folder=str(tmp_path))
    qtbot.addWidget(read_only)
    assert "不能写入" in read_only.problem.text() and not read_only.ok.isEnabled()
    assert list(tmp_path.glob("*.zjd")) == []


def test_import_then_carry_forward_in_one_flow(qtbot, tmp_path, monkeypatch, user_folders):
    recorder = DialogRecorder(monkeypatch)
    source = write_docx(tmp_path / "2024年自评报告.docx", numbered_seed_lines())
    recorder.answers["ask_open_document"] = str(source)
    calls: list[dict] = []
    imported_path = user_folders["documents"] / "湛江市人民政府驻广州办事处-2024年度.zjd"
    recorder.answers["ask_new_year_details"] = _details(calls, imported_path)
    recorder.answers["carry_after_import"] = True
    program = make_program(tmp_path)
    window = program.import_report()
    assert window is not None
    qtbot.addWidget(window)
    # The dialog showed the report's year as read, not as a field to change.
    assert calls[0]["mode"] == "import" and calls[0]["year"] == 2024
    assert calls[0]["year_note"].startswith("读自报告的封面“评价年度：2024年度”")
    assert any(line.startswith("封面：评价年度") for line in calls[0]["found"])
    # …and ended by offering 结转为2025年度, taken in one click: the 2025 file is beside the 2024 one.
    message, next_year = recorder.after_import[-1]
    assert next_year == 2025 and "2024年度" in message
    carried = user_folders["documents"] / "湛江市人民政府驻广州办事处-2025年度.zjd"
    assert window.open_year.path == carried and program.windows == [window]
    year = window.open_year.year
    assert year.cover.evaluation_year == 2025
    assert year.figures.prior_final_expenditure.total == Decimal("1557.15")  # last year's 决算支出
    assert year.figures.final_expenditure.total is None
    assert "profile.establishment_total" in year.review and "profile.staff_as_of" in year.review
    assert read_year(imported_path).cover.evaluation_year == 2024  # the imported year is kept as it was read
    assert str(imported_path.resolve()) in program.recent_files()
    window.close()


def test_import_declining_the_carry_opens_the_imported_year(qtbot, tmp_path, monkeypatch, user_folders):
    recorder = DialogRecorder(monkeypatch)
    recorder.answers["ask_open_document"] = str(write_docx(tmp_path / "报告.docx", numbered_seed_lines()))
    target = tmp_path / "2024.zjd"
    recorder.answers["ask_new_year_details"] = _details([], target)
    window = make_program(tmp_path).import_report()
    assert window is not None
    qtbot.addWidget(window)
    assert window.open_year.path == target and window.open_year.year.cover.evaluation_year == 2024
    window.close()


def test_carrying_an_import_onto_an_existing_file_asks_for_another_name_and_keeps_both(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    recorder.answers["ask_open_document"] = str(write_docx(tmp_path / "报告.docx", numbered_seed_lines()))
    existing = tmp_path / "湛江市人民政府驻广州办事处-2025年度.zjd"
    write_new_year_file(existing, demo_year())
    before = digest(existing)
    calls: list[dict] = []
    answers = iter([str(tmp_path / "湛江市人民政府驻广州办事处-2024年度.zjd"), None])

    def details(_parent, **kwargs):
        calls.append(kwargs)
        path = next(answers)
        return None if path is None else (kwargs["unit_name"], kwargs["year"], path)

    recorder.answers["ask_new_year_details"] = details
    recorder.answers["carry_after_import"] = True
    window = make_program(tmp_path).import_report()
    assert window is not None
    qtbot.addWidget(window)
    # The one-click carry found the 2025 file there: it asked again (carry mode, fixed year) and, cancelled,
    # opened the imported 2024 year; the existing file is untouched.
    assert [call["mode"] for call in calls] == ["import", "carry"] and calls[1]["year"] == 2025
    assert window.open_year.year.cover.evaluation_year == 2024
    assert digest(existing) == before
    window.close()


def test_a_report_whose_year_cannot_be_read_asks_for_it_with_the_consequences(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    lines = [line.replace("现将2024年度", "现将") for line in numbered_seed_lines() if not line.startswith("评价年度")]
    recorder.answers["ask_open_document"] = str(write_docx(tmp_path / "无年度.docx", lines))
    calls: list[dict] = []
    recorder.answers["ask_new_year_details"] = _details(calls, tmp_path / "2024.zjd")  # the officer picks 2024
    window = make_program(tmp_path).import_report()
    assert window is not None
    qtbot.addWidget(window)
    assert calls[0]["year"] == 0 and "没有写明评价年度" in calls[0]["year_note"]
    assert "上年的数字当成本年度的" in calls[0]["year_note"]
    year = window.open_year.year
    assert year.cover.evaluation_year == 2024
    # read again against the year given: 2023年决算支出 is last year's
    assert year.figures.prior_final_expenditure.total == Decimal("1564.10")
    assert year.figures.final_expenditure.total == Decimal("1557.15")
    window.close()


def test_the_year_dialog_shows_a_read_or_carried_year_and_asks_only_for_an_unknown_one(qtbot, tmp_path):
    read = NewYearDialog(
        None, unit_name="湛江市测试局", year=2024, folder=str(tmp_path), mode="import", year_note="读自报告的封面"
    )
    qtbot.addWidget(read)
    assert not read.year.isVisibleTo(read) and read.year_label.text() == "2024年度"
    assert read.ok.text() == "导入为2024年度" and read.ok.isEnabled()
    unknown = NewYearDialog(None, unit_name="湛江市测试局", year=0, folder=str(tmp_path), mode="import", year_note="请选择")
    qtbot.addWidget(unknown)
    assert unknown.year.isVisibleTo(unknown) and not unknown.ok.isEnabled()
    assert unknown.problem.text() == "请选择评价年度。"
    unknown.choose_year(2024)
    assert unknown.ok.isEnabled() and unknown.result_values()[1] == 2024
    carry = NewYearDialog(None, unit_name="湛江市测试局", year=2025, folder=str(tmp_path), mode="carry")
    qtbot.addWidget(carry)
    assert carry.ok.text() == "结转为2025年度" and not carry.year.isVisibleTo(carry)


def test_carry_forward_onto_an_existing_file_is_refused_in_the_dialog(qtbot, tmp_path, monkeypatch):
    existing = tmp_path / "湛江市测试局-2025年度.zjd"
    write_new_year_file(existing, demo_year())
    before = digest(existing)
    dialog = NewYearDialog(None, unit_name="湛江市测试局", year=2025, folder=str(tmp_path), mode="carry")
    qtbot.addWidget(dialog)
    assert "已存在，不会覆盖" in dialog.problem.text() and not dialog.ok.isEnabled()
    # And if the file appears after the dialog was answered, creating it is refused with a message.
    recorder = DialogRecorder(monkeypatch)
    last = tmp_path / "2024.zjd"
    write_new_year_file(last, demo_year())
    recorder.answers["ask_open_year_file"] = str(last)
    recorder.answers["ask_new_year_details"] = ("湛江市测试局", 2025, str(existing))
    assert make_program(tmp_path).carry_forward_file() is None
    assert recorder.errors and recorder.errors[0][0] == "无法创建年度文件"
    assert digest(existing) == before
