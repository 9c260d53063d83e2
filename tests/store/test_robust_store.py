"""A year file whose last save was interrupted (its -journal still beside it) is read, not called damaged."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from zjdesk.cli import main
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import YearFile, read_year, write_new_year_file

# A save that dies half-way: pages already overwritten in the file, the journal left behind.
_INTERRUPTED_SAVE = textwrap.dedent(
    """
    import os, sqlite3, sys
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("PRAGMA cache_size = 1")
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE year_part SET data = data || ' '")
    connection.execute("UPDATE year_part SET data = 'garbage'")
    os._exit(0)
    """
)


def _interrupted_year_file(tmp_path):
    path = tmp_path / "上年 年度.zjd"
    write_new_year_file(path, demo_year())
    subprocess.run([sys.executable, "-c", _INTERRUPTED_SAVE, str(path)], check=True)
    journal = path.with_name(path.name + "-journal")
    assert journal.stat().st_size > 0
    return path, journal


def test_reading_a_file_with_an_interrupted_save_gives_its_last_committed_year_and_changes_nothing(tmp_path):
    path, journal = _interrupted_year_file(tmp_path)
    before = (path.read_bytes(), journal.read_bytes())
    assert read_year(path) == demo_year()
    assert (path.read_bytes(), journal.read_bytes()) == before


def test_the_commands_read_such_a_file(tmp_path, capsys):
    path, _journal = _interrupted_year_file(tmp_path)
    assert main(["new-year", str(path), str(tmp_path / "新年度.zjd")]) == 0
    assert read_year(tmp_path / "新年度.zjd").cover.evaluation_year == demo_year().cover.evaluation_year + 1
    assert main(["score", str(path)]) == 0
    assert "等级" in capsys.readouterr().out


def test_opening_it_for_writing_restores_it(tmp_path):
    path, journal = _interrupted_year_file(tmp_path)
    with YearFile.open(path) as year_file:
        assert year_file.load() == demo_year()
    assert not journal.exists()


def test_a_folder_given_as_the_json_to_load_is_named_as_a_folder(tmp_path, capsys):
    folder = tmp_path / "年度 数据.json"
    folder.mkdir()
    assert main(["load", str(folder), str(tmp_path / "x.zjd")]) == 2
    assert "是一个文件夹" in capsys.readouterr().err
    assert not (tmp_path / "x.zjd").exists()


def test_a_journal_left_with_an_incomplete_header_is_ignored_as_sqlite_ignores_it(tmp_path):
    path = tmp_path / "年度.zjd"
    write_new_year_file(path, demo_year())
    path.with_name(path.name + "-journal").write_bytes(b"\0" * 512)  # killed before its header was written
    assert read_year(path) == demo_year()


def test_creating_a_file_another_zjdesk_created_a_moment_earlier_does_not_replace_it(tmp_path, monkeypatch):
    from zjdesk.domain.errors import UserError
    from zjdesk.store import yearfile

    path = tmp_path / "年度.zjd"
    other = demo_year()
    other.cover.unit_name = "另一个程序先建的单位"
    real_acquire = yearfile.YearFileLock.acquire

    raced = []

    def the_other_program_wins_the_race(lock):
        if not raced:
            raced.append(True)
            write_new_year_file(path, other)  # finished between our existence check and our lock
        real_acquire(lock)

    monkeypatch.setattr(yearfile.YearFileLock, "acquire", the_other_program_wins_the_race)
    try:
        YearFile.create(path, demo_year()).close()
    except UserError as error:
        assert "已存在" in str(error)
    else:
        raise AssertionError("the other program's new file was replaced")
    monkeypatch.undo()
    assert read_year(path).cover.unit_name == "另一个程序先建的单位"


def test_a_save_the_program_could_not_read_back_is_refused_and_the_file_kept(tmp_path):
    from decimal import Decimal

    import pytest

    from zjdesk.store.yearfile import WriteError

    path = tmp_path / "d.zjd"
    write_new_year_file(path, demo_year())
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.indicator_set.indicators[0].weight = Decimal("1E+20")  # beyond what loading accepts
        with pytest.raises(WriteError, match="未保存"):
            year_file.save(year)
    assert read_year(path).indicator_set.indicators[0].weight == Decimal("5")
