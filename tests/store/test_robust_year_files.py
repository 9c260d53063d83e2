"""Year files on the officer's worst day: odd names, full disks, write protection, busy writers, pipes."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from support.yearfiles import digest, make_demo_file
from zjdesk.demo import demo_year
from zjdesk.domain.errors import UserError
from zjdesk.store import sqlite_files, write_protection, writer
from zjdesk.store.lock import LockFileError, YearFileLock
from zjdesk.store.probe import FileBusyError, NotAYearFileError
from zjdesk.store.yearfile import ReadOnlyFileError, WriteError, YearFile, read_year, write_new_year_file

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _leftovers(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".zjdesk-") or name.endswith(".lock"))


def test_a_new_file_is_never_written_with_a_value_it_could_not_read_back(tmp_path: Path) -> None:
    year = demo_year()
    year.indicator_set.indicators[0].weight = Decimal(30_000_000)
    with pytest.raises(UserError, match="过大"):
        write_new_year_file(tmp_path / "新.zjd", year)
    year = demo_year()
    year.cover.unit_name = "湛江\ud800"
    with pytest.raises(UserError, match="无法保存的字符"):
        write_new_year_file(tmp_path / "新.zjd", year)
    assert os.listdir(tmp_path) == []


def test_saving_a_lone_surrogate_says_what_is_wrong_not_that_the_usb_stick_was_pulled(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.problems.append("粘贴来的文字\udc8a")
        with pytest.raises(WriteError) as refused:
            year_file.save(year)
    assert "无法保存的字符" in str(refused.value) and "U盘" not in str(refused.value)
    assert read_year(path) == demo_year()


def test_a_full_disk_while_creating_is_a_message_and_leaves_nothing(tmp_path: Path, monkeypatch) -> None:
    def disk_full(*_args, **_kwargs):
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13
        raise error

    monkeypatch.setattr(writer, "create_tables", disk_full)
    with pytest.raises(UserError, match="磁盘已满"):
        write_new_year_file(tmp_path / "年度.zjd", demo_year())
    assert os.listdir(tmp_path) == []


class _FullDisk:
    """A lock file on a full disk: it opens and locks, but nothing can be written into it."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def write(self, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name: str):
        return getattr(self._handle, name)


def test_a_full_disk_while_taking_the_lock_is_a_message(tmp_path: Path, monkeypatch) -> None:
    path = make_demo_file(tmp_path)
    before = digest(path)
    real_open = YearFileLock._open
    monkeypatch.setattr(YearFileLock, "_open", lambda lock: _FullDisk(real_open(lock)))
    with pytest.raises(LockFileError, match="磁盘已满"):
        YearFile.open(path)
    monkeypatch.undo()
    assert digest(path) == before
    YearFile.open(path).close()  # the failed lock was released


def test_names_longer_than_the_system_allows_are_refused_with_a_message(tmp_path: Path) -> None:
    for name in ("年" * 86 + ".zjd", "年" * 82 + ".zjd"):  # 262 bytes; 250 bytes, too long for its .lock and -journal
        with pytest.raises(UserError, match=r"文件名.*过长"):
            write_new_year_file(tmp_path / name, demo_year())
    deep = tmp_path.joinpath(*["文件夹" * 20] * 3)
    deep.mkdir(parents=True)
    with pytest.raises(UserError, match="路径过长"):
        write_new_year_file(deep / "年度.zjd", demo_year())
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are Unicode; undecodable bytes exist on POSIX only")
def test_a_folder_and_file_named_in_gbk_work_like_any_other(tmp_path: Path) -> None:
    folder = tmp_path / os.fsdecode("年度资料".encode("gbk"))
    folder.mkdir()
    path = folder / os.fsdecode("湛江2024.zjd".encode("gbk"))
    write_new_year_file(path, demo_year())
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.cover.unit_name = "改过"
        year_file.save(year)
    assert read_year(path).cover.unit_name == "改过"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes of the file system exist on POSIX only")
def test_a_pipe_named_like_a_year_file_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "管道.zjd"
    os.mkfifo(fifo)
    reader = "import sys\nfrom zjdesk.store.yearfile import read_year\nread_year(sys.argv[1])\n"
    run = subprocess.run(
        [sys.executable, "-c", reader, str(fifo)], capture_output=True, env={**os.environ, "PYTHONPATH": SRC}, timeout=60
    )
    assert run.returncode != 0 and "NotAYearFileError" in run.stderr.decode() and "不是普通文件" in run.stderr.decode()


def test_a_write_protected_file_opens_read_only_and_says_why(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    path.chmod(0o444)
    with pytest.raises(ReadOnlyFileError, match="只读"):
        YearFile.open(path)
    with YearFile.open_for_editing(path) as year_file:
        assert year_file.readonly and "只读" in year_file.readonly_reason
        assert year_file.load() == demo_year()
    assert _leftovers(tmp_path) == []


def test_a_folder_that_refuses_the_lock_file_opens_read_only_instead_of_refusing(tmp_path: Path, monkeypatch) -> None:
    path = make_demo_file(tmp_path)

    def no_write_permission(lock):
        raise LockFileError("无法创建锁文件", errno.EACCES)

    monkeypatch.setattr(YearFileLock, "_open", no_write_permission)
    with YearFile.open_for_editing(path) as year_file:
        assert year_file.readonly and "权限" in year_file.readonly_reason
        assert year_file.load().cover.unit_name == "湛江市人民政府驻广州办事处"


@pytest.mark.parametrize("number", [errno.EACCES, errno.EROFS])
def test_creating_a_year_file_in_a_folder_that_refuses_it_says_choose_another_place(
    tmp_path: Path, monkeypatch, number: int
) -> None:
    def refused(lock):
        raise LockFileError("无法在文件夹中创建锁文件：请把年度文件复制到本机的文件夹后再打开。", number)

    monkeypatch.setattr(YearFileLock, "_open", refused)
    with pytest.raises(UserError, match=r"无法创建“新.zjd”：.*(写入的权限|只读的磁盘).*请选择其他保存位置") as error:
        write_new_year_file(tmp_path / "新.zjd", demo_year())
    assert "锁文件" not in str(error.value) and "再打开" not in str(error.value)  # nothing was being opened
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize(
    "change",
    [
        "CREATE TABLE copy (name TEXT PRIMARY KEY, data TEXT); INSERT INTO copy SELECT name, data FROM year_part;"
        " DROP TABLE year_part; ALTER TABLE copy RENAME TO year_part",
        "CREATE TABLE copy AS SELECT * FROM year_part; DROP TABLE year_part; CREATE VIEW year_part AS SELECT * FROM copy",
        "CREATE TRIGGER frozen BEFORE UPDATE ON year_part BEGIN SELECT RAISE(ABORT, 'frozen'); END",
    ],
    ids=["a column dropped", "a table made a view", "a trigger"],
)
def test_a_file_whose_tables_another_program_changed_opens_read_only_not_refusing_every_save(tmp_path: Path, change: str) -> None:
    path = make_demo_file(tmp_path)
    connection = sqlite3.connect(path)
    connection.executescript(change)
    connection.close()
    before = digest(path)
    with YearFile.open_for_editing(path) as year_file:
        assert year_file.readonly and "表结构已被其他程序改动" in year_file.readonly_reason
        assert year_file.load().cover.unit_name == "湛江市人民政府驻广州办事处"  # it can still be read and saved as
    assert digest(path) == before
    assert _leftovers(tmp_path) == [] and sorted(os.listdir(tmp_path)) == [path.name]


def test_a_write_protected_medium_opens_read_only_and_says_so(tmp_path: Path, monkeypatch) -> None:
    path = make_demo_file(tmp_path)
    monkeypatch.setattr(write_protection, "_read_only_medium", lambda folder: True)
    with YearFile.open_for_editing(path) as year_file:
        assert year_file.readonly and "只读的磁盘" in year_file.readonly_reason


def test_a_file_another_program_holds_locked_is_busy_not_damaged(tmp_path: Path, monkeypatch) -> None:
    path = make_demo_file(tmp_path)
    monkeypatch.setattr(sqlite_files, "BUSY_TIMEOUT_SECONDS", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)  # a database tool with a write transaction open
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE meta SET value = value")
    try:
        original = digest(path)
        for attempt in (lambda: YearFile.open_for_editing(path), lambda: read_year(path)):
            with pytest.raises(FileBusyError, match=r"正被其他程序锁定.*请关闭那个程序后再试") as refused:
                attempt()
            assert "损坏" not in str(refused.value) and "备份" not in str(refused.value)
        assert digest(path) == original
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert _leftovers(tmp_path) == []
    assert read_year(path) == demo_year()  # once the other program lets go, the year is there


SAVER = """
import sys
from zjdesk.store.yearfile import YearFile
year_file = YearFile.open(sys.argv[1])
year = year_file.load()
print("saving", flush=True)
for number in range(1_000_000):
    year.goals.append(f"第{number}条")
    year.improvements = year.improvements[-20:] + [str(number)]
    year_file.save(year)
"""


def test_readers_of_a_file_being_saved_all_the_time_never_fail(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    saver = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(path)], stdout=subprocess.PIPE, env={**os.environ, "PYTHONPATH": SRC}
    )
    try:
        assert saver.stdout is not None and saver.stdout.readline().strip() == b"saving"
        failures = []
        deadline = time.monotonic() + 8
        reads = 0
        while time.monotonic() < deadline and reads < 300:
            try:
                assert read_year(path).cover.evaluation_year == 2024
            except NotAYearFileError as error:
                failures.append(str(error))
            reads += 1
        assert failures == [], f"{len(failures)} of {reads} reads failed: {failures[:3]}"
    finally:
        saver.kill()
        saver.wait()
