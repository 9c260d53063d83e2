"""The program on a bad day: write-protected files, its own windows asked for again, unexpected errors, the log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QPushButton

from support.ui import DialogRecorder, field, make_program, type_chinese
from support.yearfiles import digest
from zjdesk.demo import demo_year
from zjdesk.store import program_log
from zjdesk.store.instance_mailbox import InstanceMailbox
from zjdesk.store.user_data import log_dir
from zjdesk.store.yearfile import read_year, write_new_year_file
from zjdesk.ui import crash
from zjdesk.ui.read_only_banner import ReadOnlyBanner

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _year_file(folder: Path, name: str = "年度.zjd", unit: str = "") -> Path:
    year = demo_year()
    if unit:
        year.cover.unit_name = unit
    path = folder / name
    write_new_year_file(path, year)
    return path


def test_a_write_protected_file_opens_read_only_with_the_reason_and_an_editable_copy(qtbot, tmp_path, monkeypatch) -> None:
    recorder = DialogRecorder(monkeypatch)
    path = _year_file(tmp_path)
    path.chmod(0o444)
    before = digest(path)
    program = make_program(tmp_path)
    window = program.open_path(path)
    qtbot.addWidget(window)
    assert recorder.errors == []  # opened, not refused
    assert window.open_year.year_file.readonly
    assert "只读" in window.windowTitle()
    banner = window.findChild(ReadOnlyBanner)
    assert banner is not None and banner.isVisible() and "只读" in banner.label.text() and "属性" in banner.label.text()
    copy = tmp_path / "可修改的副本.zjd"
    recorder.answers["ask_save_year_file"] = str(copy)
    banner.findChild(QPushButton, "readOnly.saveCopy").click()
    editable = program.window_with(copy)
    assert editable is not None and not editable.open_year.year_file.readonly
    qtbot.addWidget(editable)
    type_chinese(field(editable, "cover.unit_name"), "副本里改过的单位")
    editable.open_year.flush()
    assert read_year(copy).cover.unit_name == "副本里改过的单位"
    assert digest(path) == before


def test_asking_for_an_open_file_again_brings_its_window_forward(qtbot, tmp_path, monkeypatch) -> None:
    DialogRecorder(monkeypatch)
    path = _year_file(tmp_path)
    link = tmp_path / "另一个名字.zjd"
    os.link(path, link)
    program = make_program(tmp_path)
    window = program.open_path(path)
    qtbot.addWidget(window)
    window.showMinimized()
    assert program.handle_request(str(link)) is window  # the same file under another name: no second window
    assert program.windows == [window] and not window.isMinimized()
    other = program.handle_request(str(_year_file(tmp_path, "另一年.zjd")))
    qtbot.addWidget(other)
    assert other is not window and len(program.windows) == 2


HOLDER = """
import sys
from zjdesk.store.yearfile import YearFile
year_file = YearFile.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


@pytest.mark.parametrize("colleague", [False, True], ids=["this user's own command", "a colleague"])
def test_the_in_use_message_names_a_colleague_and_never_calls_the_officer_a_stranger(
    qtbot, tmp_path, monkeypatch, colleague: bool
) -> None:
    recorder = DialogRecorder(monkeypatch)
    recorder.answers["yes_no"] = False
    path = _year_file(tmp_path)
    env = {**os.environ, "PYTHONPATH": SRC}
    if colleague:
        env.update(USER="zhangsan", LOGNAME="zhangsan", USERNAME="zhangsan")
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"open"
        assert make_program(tmp_path).open_path(path) is None
        title, question = recorder.questions[-1]
        assert title == "年度文件正在使用"
        if colleague:
            assert "zhangsan" in question
        else:
            assert "您在本机上运行的另一个 zjdesk" in question and "正在被" not in question
    finally:
        holder.kill()
        holder.wait()


@pytest.fixture
def log_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    yield program_log.start_logging("test", faults=False)
    program_log.stop_logging()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_saves_the_work_logs_it_and_says_so_in_chinese(qtbot, tmp_path, monkeypatch, log_home) -> None:
    recorder = DialogRecorder(monkeypatch)
    program = make_program(tmp_path)
    window = program.open_path(_year_file(tmp_path))
    qtbot.addWidget(window)
    crash.install(program)
    try:
        type_chinese(field(window, "cover.unit_name"), "出错前刚改的单位")
        assert window.open_year.has_unsaved_changes

        def broken_slot() -> None:
            raise ZeroDivisionError("a bug")

        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(recorder.crashes), timeout=2000)
    finally:
        crash.uninstall()
    title, message = recorder.crashes[0]
    assert title == "程序出现意外错误" and "ZeroDivisionError" in message
    assert "已保存" in message and str(log_home) in message
    assert read_year(window.open_year.path).cover.unit_name == "出错前刚改的单位"
    text = log_home.read_text(encoding="utf-8")
    assert "unexpected error" in text and "Traceback" in text and "broken_slot" in text


def test_the_log_records_start_opening_saving_and_exporting_but_never_the_reports_contents(
    qtbot, tmp_path, monkeypatch, log_home
) -> None:
    recorder = DialogRecorder(monkeypatch)
    program = make_program(tmp_path)
    path = _year_file(tmp_path)
    window = program.open_path(path)
    qtbot.addWidget(window)
    window.go_to("closing")
    secret = "只在报告里出现的一句问题描述"
    type_chinese(field(window, "problems.0"), secret)
    window.open_year.flush()
    recorder.answers["ask_folder"] = str(tmp_path)
    recorder.answers["yes_no"] = True
    assert len(window.exports.export_all()) == 3
    text = log_home.read_text(encoding="utf-8")
    for expected in ("started (test)", f"opened {path} for editing", f"saved {path}: problems", "exported: "):
        assert expected in text, expected
    assert secret not in text
    assert "1557.15" not in text and "信访" not in text  # no figure, no sentence of the report


def test_help_opens_the_log_folder(qtbot, tmp_path, monkeypatch) -> None:
    recorder = DialogRecorder(monkeypatch)
    window = make_program(tmp_path).open_path(_year_file(tmp_path))
    qtbot.addWidget(window)
    window.findChild(QAction, "action.logFolder").trigger()
    assert recorder.opened_folders == [str(log_dir())]


def test_a_second_start_hands_its_file_to_the_running_program(tmp_path) -> None:
    env = {**os.environ, "PYTHONPATH": SRC, "XDG_DATA_HOME": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    first, second = _year_file(tmp_path, "第一年.zjd"), _year_file(tmp_path, "第二年.zjd")
    log = tmp_path / "data" / "zjdesk" / "logs" / "zjdesk.log"

    def wait_for(words: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            text = log.read_text(encoding="utf-8") if log.exists() else ""
            if words in text:
                return text
            time.sleep(0.1)
        raise AssertionError(f"not in the log: {words}")

    running = subprocess.Popen(
        [sys.executable, "-m", "zjdesk", str(first)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        wait_for(f"opened {first} for editing")
        started = time.monotonic()
        for path in (second, first):
            handing_over = subprocess.run([sys.executable, "-m", "zjdesk", str(path)], env=env, capture_output=True, timeout=60)
            assert handing_over.returncode == 0, handing_over.stderr.decode("utf-8", "replace")
        assert time.monotonic() - started < 30
        text = wait_for(f"opened {second} for editing")
        assert text.count(f"opened {first} for editing") == 1  # the first file again: brought forward, not reopened
        assert text.count("request from another start") == 2
        assert text.count("started (desktop program)") == 1
    finally:
        running.kill()
        running.wait()


def test_the_mailbox_is_taken_by_one_program_at_a_time(tmp_path) -> None:
    running, other = InstanceMailbox(tmp_path), InstanceMailbox(tmp_path)
    assert running.claim() and not other.claim()
    assert not other.send({"open": "x"}, timeout=0.2)  # nobody takes it: the start goes on by itself
    assert running.take_requests() == []  # a request given up is not acted on later
    running.release()
    assert other.claim()
