"""The year file goes away while the program has it open (USB stick pulled, file moved): nothing typed is lost."""

from __future__ import annotations

from support.ui import DialogRecorder, field, make_program, type_chinese
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import read_year, write_new_year_file


def _window_on_a_file_that_then_goes_away(qtbot, tmp_path):
    stick = tmp_path / "U盘"
    stick.mkdir()
    path = stick / "年度 文件.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    qtbot.addWidget(window)
    path.rename(tmp_path / "moved.zjd")  # the stick is pulled out
    type_chinese(field(window, "cover.notice_number"), "湛财绩[2025]7号")
    return window


def test_closing_after_the_file_went_away_offers_to_save_the_edits_elsewhere(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    window = _window_on_a_file_that_then_goes_away(qtbot, tmp_path)
    rescue = tmp_path / "另存.zjd"
    recorder.answers["ask_save_year_file"] = str(rescue)
    window.close()
    assert recorder.errors and recorder.errors[0][0] == "保存失败"
    assert recorder.questions and recorder.questions[0][0] == "修改未能保存"
    assert read_year(rescue).cover.notice_number == "湛财绩[2025]7号"
    assert not window.isVisible()


def test_declining_to_save_elsewhere_keeps_the_window_and_its_edits(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    window = _window_on_a_file_that_then_goes_away(qtbot, tmp_path)
    recorder.answers["yes_no"] = False
    window.close()
    assert window.isVisible()
    assert window.open_year.year.cover.notice_number == "湛财绩[2025]7号"
    # The stick is back: the next close commits the edit to the original file.
    (tmp_path / "moved.zjd").rename(window.open_year.path)
    window.close()
    assert not window.isVisible()
    assert read_year(window.open_year.path).cover.notice_number == "湛财绩[2025]7号"


class _DeviceGone:
    """A lock file handle on a device that has been removed: every operation fails."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def fileno(self) -> int:
        return self._handle.fileno()

    def _fail(self, *_args):
        raise OSError(5, "Input/output error")

    seek = truncate = flush = write = _fail

    def close(self) -> None:
        self._handle.close()
        self._fail()


def test_closing_a_year_whose_device_was_removed_releases_it_without_an_error(tmp_path):
    from zjdesk.store.yearfile import YearFile

    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    year_file = YearFile.open(path)
    lock = year_file._lock
    lock._handle = _DeviceGone(lock._handle)
    year_file.close()
    assert not year_file.is_open
    YearFile.open(path).close()  # nothing is left holding the file
