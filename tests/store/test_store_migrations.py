"""Schema versions: a sample file of every version is kept here and migrated; backups come first."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from zjdesk.store import migrations, yearfile
from zjdesk.store.migrations import Migration, MigrationError
from zjdesk.store.probe import NotAYearFileError
from zjdesk.store.schema import SCHEMA_VERSION
from zjdesk.store.yearfile import YearFile, read_year

DATA = Path(__file__).parents[1] / "data"


def _user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def _sample(version: int, folder: Path) -> Path:
    source = DATA / f"year-schema-v{version}.zjd"
    assert source.exists(), f"keep a sample year file of schema version {version} in tests/data"
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION + 1))
def test_sample_of_every_schema_version_opens_in_this_program(tmp_path: Path, version: int) -> None:
    path = _sample(version, tmp_path)
    with YearFile.open(path) as year_file:
        year = year_file.load()
        assert year_file.migrated_from == (version if version < SCHEMA_VERSION else None)
    assert year.cover.unit_name == "湛江市人民政府驻广州办事处"
    assert year.cover.evaluation_year == 2024
    assert _user_version(path) == SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        assert any(p.name.startswith(f"year-schema-v{version}.backup-v{version}-") for p in tmp_path.iterdir())


def _add_column(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE meta ADD COLUMN note TEXT")


def _broken_step(connection: sqlite3.Connection) -> None:
    connection.execute("ALTER TABLE meta ADD COLUMN note TEXT")
    connection.execute("SELECT * FROM no_such_table")


def test_migration_backs_up_then_steps_in_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sample(SCHEMA_VERSION, tmp_path)
    steps = (Migration(SCHEMA_VERSION, "给 meta 表加备注列", _add_column),)
    monkeypatch.setattr(migrations, "MIGRATIONS", steps)
    monkeypatch.setattr(yearfile, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with YearFile.open(path) as year_file:
        assert year_file.migrated_from == SCHEMA_VERSION
        backup = year_file.backup
        assert backup is not None and backup.name.startswith(f"year-schema-v{SCHEMA_VERSION}.backup-v{SCHEMA_VERSION}-")
        assert year_file.load().cover.evaluation_year == 2024
    assert _user_version(path) == SCHEMA_VERSION + 1
    connection = sqlite3.connect(path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(meta)")]
    connection.close()
    assert "note" in columns
    # the backup is the file as it was before the step: old version, same year
    assert _user_version(backup) == SCHEMA_VERSION
    connection = sqlite3.connect(backup)
    assert "note" not in [row[1] for row in connection.execute("PRAGMA table_info(meta)")]
    connection.close()
    monkeypatch.setattr(yearfile, "SCHEMA_VERSION", SCHEMA_VERSION)
    assert read_year(backup).cover.unit_name == "湛江市人民政府驻广州办事处"


def test_failed_step_leaves_the_file_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sample(SCHEMA_VERSION, tmp_path)
    monkeypatch.setattr(migrations, "MIGRATIONS", (Migration(SCHEMA_VERSION, "坏的步骤", _broken_step),))
    monkeypatch.setattr(yearfile, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(MigrationError, match="保持原样"):
        YearFile.open(path)
    assert _user_version(path) == SCHEMA_VERSION
    connection = sqlite3.connect(path)
    columns = [row[1] for row in connection.execute("PRAGMA table_info(meta)")]
    connection.close()
    assert "note" not in columns  # the step's first statement was rolled back with the rest
    assert not (tmp_path / "year-schema-v1.zjd.lock").exists()


def test_reading_an_old_file_migrates_in_memory_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sample(SCHEMA_VERSION, tmp_path)
    original = path.read_bytes()
    monkeypatch.setattr(migrations, "MIGRATIONS", (Migration(SCHEMA_VERSION, "加列", _add_column),))
    monkeypatch.setattr(yearfile, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    assert read_year(path).cover.evaluation_year == 2024
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_missing_step_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _sample(SCHEMA_VERSION, tmp_path)
    monkeypatch.setattr(migrations, "MIGRATIONS", ())
    monkeypatch.setattr(yearfile, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(MigrationError, match="缺少升级步骤"):
        YearFile.open(path)
    assert _user_version(path) == SCHEMA_VERSION
    # no step leads on from it: no backup is taken (each attempt to open it would leave one more)
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


@pytest.mark.parametrize("version", [0, -5])
def test_a_version_no_zjdesk_ever_wrote_is_damaged_and_left_alone(tmp_path: Path, version: int) -> None:
    path = _sample(SCHEMA_VERSION, tmp_path)
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.close()
    original = path.read_bytes()
    for attempt in (lambda: YearFile.open(path), lambda: YearFile.open_for_editing(path), lambda: read_year(path)):
        with pytest.raises(NotAYearFileError, match=rf"已损坏（文件格式版本号第 {version} 版无效）.*备份"):
            attempt()
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
