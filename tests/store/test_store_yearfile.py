"""The year file: create, open, save, close; SQLite settings; refusing what is not a year file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from support.yearfiles import bad_files, digest, make_demo_file
from zjdesk.demo import demo_year
from zjdesk.domain.errors import UserError
from zjdesk.domain.serialize import dumps
from zjdesk.store.lock import FileInUseError, lock_path_for
from zjdesk.store.probe import NotAYearFileError
from zjdesk.store.yearfile import NewerSchemaError, YearFile, read_year


def test_create_then_open_gives_the_same_year(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    assert dumps(read_year(path)) == dumps(demo_year())


def test_each_save_is_committed_at_once(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.cover.unit_name = "湛江市测试单位"
        assert year_file.save(year) == ["cover"]
        assert year_file.save(year) == []  # nothing changed, nothing written
        # another reader sees the edit while the file is still open
        assert read_year(path).cover.unit_name == "湛江市测试单位"
        assert year_file.meta()["unit_name"] == "湛江市测试单位"


def test_sqlite_settings_and_identity(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    with YearFile.open(path) as year_file:
        year_file.save(year_file.load())  # nothing to write, but the writing connection is configured
        raw = year_file.engine.raw_connection()
        try:
            cursor = raw.cursor()
            assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            assert cursor.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
            assert cursor.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        finally:
            raw.close()
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x7A6A646B
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()


def test_no_absolute_path_inside_the_file(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    data = path.read_bytes()
    assert str(tmp_path).encode() not in data
    assert str(Path.home()).encode() not in data


def test_copied_file_opens_the_same_elsewhere(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    moved = tmp_path / "usb" / "副本.zjd"
    moved.parent.mkdir()
    moved.write_bytes(path.read_bytes())
    assert dumps(read_year(moved)) == dumps(read_year(path))


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    before = digest(path)
    with pytest.raises(UserError, match="已存在"):
        YearFile.create(path, demo_year())
    assert digest(path) == before


def test_create_into_missing_folder_is_explained(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="不存在"):
        YearFile.create(tmp_path / "nowhere" / "a.zjd", demo_year())
    assert not (tmp_path / "nowhere").exists()


def test_second_writer_is_refused_naming_the_holder(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    first = YearFile.open(path)
    try:
        with pytest.raises(FileInUseError) as raised:
            YearFile.open(path)
        assert "正在被" in str(raised.value)
        # reading stays possible
        assert read_year(path).cover.evaluation_year == 2024
    finally:
        first.close()
    assert not lock_path_for(path).exists()
    YearFile.open(path).close()  # free again


def test_closed_file_refuses_saves(tmp_path: Path) -> None:
    year_file = YearFile.open(make_demo_file(tmp_path))
    year_file.close()
    with pytest.raises(UserError, match="已关闭"):
        year_file.save(demo_year())


def test_readonly_refuses_saves(tmp_path: Path) -> None:
    with YearFile.open(make_demo_file(tmp_path), readonly=True) as year_file, pytest.raises(UserError, match="只读"):
        year_file.save(year_file.load())


@pytest.mark.parametrize("kind", ["empty", "random", "docx", "truncated", "truncated_odd", "newer", "other_sqlite", "folder"])
@pytest.mark.parametrize("readonly", [False, True])
def test_not_a_year_file_is_refused_and_untouched(tmp_path: Path, kind: str, readonly: bool) -> None:
    path = bad_files(tmp_path)[kind]
    before = None if path.is_dir() else digest(path)
    with pytest.raises(UserError) as raised:
        YearFile.open(path, readonly=readonly)
    message = str(raised.value)
    assert any("\u4e00" <= char <= "\u9fff" for char in message)
    if kind == "newer":
        assert isinstance(raised.value, NewerSchemaError) and "更新版本" in message
    elif kind == "docx":
        assert "Word" in message
    elif kind.startswith("truncated"):
        assert "损坏" in message
    else:
        assert isinstance(raised.value, NotAYearFileError)
    if before is not None:
        assert digest(path) == before
    assert not lock_path_for(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name) == []


def test_damaged_part_is_reported_not_crashing(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE year_part SET data = '{\"total\": 3' WHERE name = 'figures'")
    connection.close()
    with pytest.raises(NotAYearFileError, match="figures"):
        read_year(path)


def test_overwrite_replaces_a_closed_file_but_never_an_open_one(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    year = demo_year()
    year.cover.unit_name = "新单位"
    with YearFile.open(path), pytest.raises(FileInUseError):
        YearFile.create(path, year, overwrite=True)
    assert read_year(path).cover.unit_name == "湛江市人民政府驻广州办事处"
    YearFile.create(path, year, overwrite=True).close()
    assert read_year(path).cover.unit_name == "新单位"
