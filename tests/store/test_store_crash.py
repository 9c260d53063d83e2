"""A process killed in the middle of a stream of edits never damages the file or loses a committed edit,
and a second process cannot write a file that is open."""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.yearfiles import make_demo_file
from zjdesk.demo import demo_year
from zjdesk.store.lock import FileInUseError
from zjdesk.store.yearfile import YearFile, read_year

EDITOR = """
import sys
from zjdesk.domain.model import Goal
from zjdesk.store.yearfile import YearFile
year_file = YearFile.open(sys.argv[1])
year = year_file.load()
for number in range(100000):
    year.goals.append(Goal(f"第{number}条修改"))
    year.improvements.append(f"第{number}条措施")  # a second part in the same save: both or neither
    year_file.save(year)
    print(number, flush=True)
"""

EXPORTER = """
import sys
from pathlib import Path
from zjdesk.store.output_files import write_all_atomically
folder = Path(sys.argv[1])
targets = [folder / "报告.docx", folder / "报告.pdf", folder / "数据表与评分表.xlsx"]
for number in range(100000):
    body = (f"v{number:06d}".encode() + b"." * 200_000)  # large enough to be caught mid-write
    write_all_atomically([(target, body) for target in targets])
    print(number, flush=True)
"""

HOLDER = """
import sys
from zjdesk.store.yearfile import YearFile
year_file = YearFile.open(sys.argv[1])
print("open", flush=True)
sys.stdin.readline()
"""


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[2] / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def test_killed_writer_never_damages_the_file_or_loses_a_committed_edit(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    base_goals = len(demo_year().goals)
    base_improvements = len(demo_year().improvements)
    generator = random.Random(20241231)
    rounds = 20
    for _round in range(rounds):
        child = subprocess.Popen([sys.executable, "-c", EDITOR, str(path)], stdout=subprocess.PIPE, env=_child_env(), text=True)
        assert child.stdout is not None
        first = child.stdout.readline()  # the first commit is reported: the child is in its loop
        assert first.strip().isdigit(), "the editing process did not start"
        time.sleep(generator.uniform(0.0, 0.15))
        child.kill()
        reported = [first, *child.stdout.readlines()]
        child.wait()
        committed = [int(line) for line in reported if line.strip().isdigit()]
        with sqlite3.connect(path) as connection:  # rolls back a hot journal, as the program does
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        connection.close()
        year = read_year(path)
        goals = [goal.text for goal in year.goals[base_goals:]]
        improvements = year.improvements[base_improvements:]
        assert [item.replace("措施", "修改") for item in improvements] == goals
        last = committed[-1]
        # every reported edit is there, in order; at most the one edit in flight beyond it
        assert goals[: last + 1] == [f"第{number}条修改" for number in range(last + 1)]
        assert len(goals) in (last + 1, last + 2)
        # the next round starts from a clean demo
        with YearFile.open(path) as year_file:
            year = year_file.load()
            year.goals = year.goals[:base_goals]
            year.improvements = year.improvements[:base_improvements]
            year_file.save(year)


def test_killed_three_file_export_leaves_all_old_or_all_new_targets(tmp_path: Path) -> None:
    from zjdesk.store.staging import recover_folder

    targets = [tmp_path / "报告.docx", tmp_path / "报告.pdf", tmp_path / "数据表与评分表.xlsx"]
    generator = random.Random(20250514)
    for _round in range(15):
        child = subprocess.Popen(
            [sys.executable, "-c", EXPORTER, str(tmp_path)], stdout=subprocess.PIPE, env=_child_env(), text=True
        )
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.strip().isdigit(), "the exporting process did not start"
        time.sleep(generator.uniform(0.0, 0.2))
        child.kill()
        reported = [first, *child.stdout.readlines()]
        child.wait()
        last = max(int(line) for line in reported if line.strip().isdigit())
        recover_folder(tmp_path)  # the next start, in that folder
        versions = {target.read_bytes()[:7] for target in targets}
        assert len(versions) == 1, f"the report and the sheets no longer agree: {versions}"
        (version,) = versions
        assert int(version[1:]) in (last, last + 1)  # the last reported export, or the one in flight
        assert sorted(os.listdir(tmp_path)) == sorted(target.name for target in targets)


def test_second_process_cannot_write_an_open_file(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=_child_env(),
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(FileInUseError, match="正在被"):
            YearFile.open(path)
        assert read_year(path).cover.evaluation_year == 2024  # reading is still allowed
    finally:
        holder.kill()
        holder.wait()
    # the holder died without closing: the operating system dropped its lock
    with YearFile.open(path) as year_file:
        assert year_file.load().cover.unit_name == "湛江市人民政府驻广州办事处"
