"""The demo year file in the user's data folder: written once, kept while the version is the same."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

import pytest

from zjdesk.store.instance_mailbox import InstanceMailbox
from zjdesk.store.user_data import demo_file_path, user_data_dir
from zjdesk.store.yearfile import YearFile, read_year


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
    return tmp_path


def test_demo_is_written_then_kept_with_the_officers_edits(data_home: Path) -> None:
    path = demo_file_path()
    assert path.is_relative_to(data_home)
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.cover.unit_name = "试着改一改"
        year_file.save(year)
    assert demo_file_path() == path
    assert read_year(path).cover.unit_name == "试着改一改"


def test_demo_from_another_version_starts_again(data_home: Path) -> None:
    path = demo_file_path()
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.cover.unit_name = "旧版本里改过"
        year_file.save(year)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE meta SET value = '0.0.1' WHERE key = 'created_by'")
    connection.close()
    assert demo_file_path() == path
    assert read_year(path).cover.unit_name == "湛江市人民政府驻广州办事处"


def test_damaged_demo_is_written_again(data_home: Path) -> None:
    path = demo_file_path()
    path.write_bytes(b"not a year file")
    assert read_year(demo_file_path()).cover.evaluation_year == 2024


def test_a_file_in_the_way_of_the_data_folder_does_not_stop_the_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file named zjdesk where the program keeps its own folder: the program must still start.
    profile = tmp_path / "profile"
    profile.mkdir()
    (profile / "zjdesk").write_text("not a folder")
    monkeypatch.setenv("XDG_DATA_HOME", str(profile))
    monkeypatch.setenv("LOCALAPPDATA", str(profile))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    folder = user_data_dir()
    assert folder.is_dir() and folder.parent == tmp_path / "temp"
    assert read_year(demo_file_path()).cover.evaluation_year == 2024
    mailbox = InstanceMailbox()
    assert mailbox.claim()
    mailbox.release()
    assert (profile / "zjdesk").read_text() == "not a folder"
