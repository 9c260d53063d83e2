"""Files in the desktop program: locked and damaged files give dialogs, saving, 待复核, undo, recent files."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.store.yearfile import YearFile, read_year, write_new_year_file
from zjdesk.ui.start_page import StartPage


def test_locked_file_gives_a_dialog_and_offers_reading(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    holder = YearFile.open(path)  # another zjdesk has it open
    try:
        program = make_program(tmp_path)
        recorder.answers["yes_no"] = False
        assert program.open_path(path) is None
        assert len(recorder.questions) == 1
        title, message = recorder.questions[0]
        assert title == "年度文件正在使用"
        # This user's own other zjdesk (here: the same process): named as such, not as a colleague.
        assert "您在本机上运行的另一个 zjdesk" in message and "正在被" not in message and "只读" in message
        recorder.answers["yes_no"] = True
        window = program.open_path(path)
        assert window is not None
        qtbot.addWidget(window)
        assert "（只读）" in window.windowTitle()
        name = field(window, "cover.unit_name")
        assert name.isReadOnly()
        before = path.read_bytes()
        window.save_action.trigger()
        window.close()
        assert path.read_bytes() == before
    finally:
        holder.close()
    assert recorder.errors == []


def test_damaged_file_gives_a_dialog(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "损坏.zjd"
    write_new_year_file(path, demo_year())
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])  # truncated, as by a pulled USB stick
    not_a_year = tmp_path / "报告.zjd"
    not_a_year.write_bytes(b"PK\x03\x04 this is a renamed docx")
    program = make_program(tmp_path)
    recorder.answers["ask_open_year_file"] = str(path)
    assert program.open_file() is None
    assert program.open_path(not_a_year) is None
    assert [title for title, _ in recorder.errors] == ["无法打开年度文件", "无法打开年度文件"]
    assert all("zjdesk" in message or "损坏" in message or "年度文件" in message for _, message in recorder.errors)
    assert program.windows == []


def test_saves_as_typed_and_ctrl_s_is_harmless(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    type_chinese(field(window, "cover.notice_number"), "湛财绩[2025]9号")
    qtbot.waitUntil(lambda: window.saved_label.text().startswith("已保存"), timeout=3000)
    assert read_year(path).cover.notice_number == "湛财绩[2025]9号"  # on disk while the window is open
    before = path.read_bytes()
    window.save_action.trigger()
    window.save_action.trigger()
    assert path.read_bytes() == before
    assert window.saved_label.text().startswith("已保存")
    window.close()


def test_undo_and_redo_in_text_fields(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    notice = field(window, "cover.notice_title")
    original = notice.text()
    type_chinese(notice, "新的通知名称")
    assert window.open_year.year.cover.notice_title == "新的通知名称"
    notice.undo()
    assert notice.text() == original and window.open_year.year.cover.notice_title == original
    notice.redo()
    assert window.open_year.year.cover.notice_title == "新的通知名称"
    opening = field(window, "cover.opening_text")
    type_chinese(opening, "经查阅账务形成本报告。")
    opening.undo()
    assert window.open_year.year.cover.opening_text != "经查阅账务形成本报告。"
    window.close()


def test_carried_forward_texts_show_review_and_confirm(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    last_year = tmp_path / "2024.zjd"
    write_new_year_file(last_year, demo_year())
    recorder.answers["ask_open_year_file"] = str(last_year)
    recorder.answers["ask_new_year_details"] = lambda *_a, **kw: (kw["unit_name"], kw["year"], str(tmp_path / "2025.zjd"))
    program = make_program(tmp_path)
    window = program.carry_forward_file()
    assert window is not None
    qtbot.addWidget(window)
    assert window.open_year.year.cover.evaluation_year == 2025
    badge = window.findChild(QWidget, "review:cover.notice_title")
    assert badge is not None and badge.isVisible()
    qtbot.mouseClick(badge.button, Qt.MouseButton.LeftButton)
    assert not badge.isVisible()
    assert "cover.notice_title" not in window.open_year.year.review
    # Editing a field also clears its mark.
    window.go_to("goals")
    goal_badge = window.findChild(QWidget, "review:goals.0.text")
    assert goal_badge.isVisible()
    type_chinese(field(window, "goals.0.text"), "做好政务服务工作。")
    assert not goal_badge.isVisible()
    remaining = list(window.open_year.year.review)
    window.close()
    assert read_year(tmp_path / "2025.zjd").review == remaining
    assert "goals.0.text" not in remaining and "goals.1.text" in remaining


def test_start_page_recent_files_and_open(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    program = make_program(tmp_path)
    start = program.show_start()
    qtbot.addWidget(start)
    assert isinstance(start, StartPage) and start.recent.count() == 0
    recorder.answers["ask_open_year_file"] = str(path)
    qtbot.mouseClick(start.buttons["start.open"], Qt.MouseButton.LeftButton)
    assert len(program.windows) == 1 and not start.isVisible()
    program.windows[0].close()
    program.show_start()
    assert start.recent.count() == 1
    start.recent.itemActivated.emit(start.recent.item(0))
    assert len(program.windows) == 1
    program.windows[0].close()


def test_opening_a_missing_recent_file_forgets_it(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, carry_forward(demo_year()))
    program = make_program(tmp_path)
    program.open_path(path).close()
    path.unlink()
    start = program.show_start()
    qtbot.addWidget(start)
    assert start.recent.count() == 1
    start.recent.itemActivated.emit(start.recent.item(0))
    assert recorder.errors and start.recent.count() == 0


def test_a_failed_save_is_shown_and_kept_pending(qtbot, tmp_path, monkeypatch):
    from zjdesk.store.yearfile import WriteError

    recorder = DialogRecorder(monkeypatch)
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)

    def refuse(_year):
        raise WriteError("保存到“年度.zjd”失败：请检查U盘是否已拔出。")

    monkeypatch.setattr(window.open_year.year_file, "save", refuse)
    type_chinese(field(window, "cover.notice_number"), "湛财绩[2025]7号")
    window.save_action.trigger()
    assert recorder.errors == [("保存失败", "保存到“年度.zjd”失败：请检查U盘是否已拔出。")]
    assert window.saved_label.text() == "未能保存"
    monkeypatch.undo()
    window.close()
