"""The lock belongs to the file, not to its name; a file swapped under an open year is never written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from support.yearfiles import digest, make_demo_file
from zjdesk.demo import demo_year
from zjdesk.store.lock import FileInUseError, lock_path_for
from zjdesk.store.yearfile import FileReplacedError, YearFile, read_year, write_new_year_file


def _edit(year_file: YearFile, name: str) -> None:
    year = year_file.load()
    year.cover.unit_name = name
    year_file.save(year)


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege ordinary Windows users lack")
def test_a_second_writer_through_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    link = tmp_path / "快捷方式.zjd"
    link.symlink_to(path)
    with YearFile.open(path), pytest.raises(FileInUseError):
        YearFile.open(link)
    assert lock_path_for(link) == lock_path_for(path)  # the lock lies beside the real file


def test_a_second_writer_through_a_hard_link_is_refused_and_no_saved_edit_is_reverted(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    other_name = tmp_path / "另一个名字.zjd"
    os.link(path, other_name)
    with YearFile.open(path) as first:
        _edit(first, "第一个窗口保存的单位")
        with pytest.raises(FileInUseError, match="同一个文件"):
            YearFile.open(other_name)
    assert read_year(other_name).cover.unit_name == "第一个窗口保存的单位"


@pytest.mark.skipif(sys.platform == "win32", reason="Windows does not let a file held open be deleted")
def test_deleting_the_lock_file_does_not_let_a_second_writer_in(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    with YearFile.open(path):
        lock_path_for(path).unlink()
        with pytest.raises(FileInUseError):
            YearFile.open(path)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows refuses to replace a file held open: it cannot be swapped")
def test_a_file_moved_over_the_open_one_is_not_written_into(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    other_unit = demo_year()
    other_unit.cover.unit_name = "另一个单位"
    other = tmp_path / "另一个单位.zjd"
    write_new_year_file(other, other_unit)
    with YearFile.open(path) as year_file:
        year = year_file.load()
        os.replace(other, path)  # another program (a sync tool, a copy) replaces the file under the window
        before = digest(path)
        year.cover.unit_name = "本单位"
        year.problems.append("本年度新增的问题")
        with pytest.raises(FileReplacedError, match="替换"):
            year_file.save(year)
    assert digest(path) == before
    assert read_year(path).cover.unit_name == "另一个单位"


def test_the_lock_on_the_year_file_dies_with_its_process(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    holder = "import os, sys\nfrom zjdesk.store.yearfile import YearFile\nYearFile.open(sys.argv[1])\nos._exit(0)\n"
    subprocess.run([sys.executable, "-c", holder, str(path)], env=env, check=True)
    assert lock_path_for(path).exists()  # left behind by the killed process…
    with YearFile.open(path) as year_file:  # …but not held: the file opens, and the stale lock is replaced
        _edit(year_file, "重新打开")
    assert not lock_path_for(path).exists()
