"""The command line: demo, dump, load, new-year, --version, and how bad input is answered."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import zjdesk
from support.yearfiles import bad_files, digest
from zjdesk.cli import main
from zjdesk.demo import demo_year
from zjdesk.domain.serialize import dumps
from zjdesk.store.yearfile import YearFile, read_year


def _is_one_chinese_line(text: str) -> bool:
    lines = text.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in text and any("\u4e00" <= c <= "\u9fff" for c in lines[0])


def test_demo_then_dump_shows_every_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "d.zjd"
    assert main(["demo", str(target)]) == 0
    capsys.readouterr()
    assert main(["dump", str(target)]) == 0
    document = json.loads(capsys.readouterr().out)
    year = document["year"]
    for section in (
        "cover",
        "profile",
        "tasks",
        "goals",
        "figures",
        "team",
        "process",
        "evaluation",
        "practices",
        "problems",
        "improvements",
        "other",
    ):
        assert section in year
    text = json.dumps(document, ensure_ascii=False)
    for sentence in (
        "湛财绩[2025]2号",
        "负责信访维稳",
        "加强新形势下的信访调研",
        "做好国有资产出租管理及维护工作",
        "周泽宗",
        "及时对外界公开预决算信息",
        "强化组织领导",
        "科学合理用数据评价实际绩效",
    ):
        assert sentence in text


def test_dump_load_dump_is_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = tmp_path / "a.zjd", tmp_path / "b.zjd"
    dumped, again = tmp_path / "a.json", tmp_path / "b.json"
    assert main(["demo", str(first)]) == 0
    assert main(["dump", str(first), "-o", str(dumped)]) == 0
    assert main(["load", str(dumped), str(second)]) == 0
    assert main(["dump", str(second), "-o", str(again)]) == 0
    assert dumped.read_bytes() == again.read_bytes()
    assert dumped.read_text(encoding="utf-8") == dumps(demo_year())


def test_new_year_carries_final_accounts_and_marks_texts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous, following = tmp_path / "d.zjd", tmp_path / "e.zjd"
    main(["demo", str(previous)])
    assert main(["new-year", str(previous), str(following)]) == 0
    assert "2025" in capsys.readouterr().out
    year = read_year(following)
    assert year.cover.evaluation_year == 2025
    assert year.figures.prior_final_expenditure == read_year(previous).figures.final_expenditure
    assert "tasks.0.title" in year.review and "goals.0.text" in year.review


def test_new_year_from_a_year_without_its_evaluation_year_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    previous, following = tmp_path / "d.zjd", tmp_path / "e.zjd"
    year = demo_year()
    year.cover.evaluation_year = 0
    YearFile.create(previous, year).close()
    assert main(["new-year", str(previous), str(following)]) == 0
    out = capsys.readouterr().out
    assert "0 年度" not in out and "未填写评价年度" in out
    assert read_year(following).cover.evaluation_year == 0


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["--version"])
    assert raised.value.code == 0
    assert zjdesk.__version__ in capsys.readouterr().out


@pytest.mark.parametrize("kind", ["empty", "random", "docx", "truncated", "newer", "other_sqlite"])
@pytest.mark.parametrize("command", ["dump", "new-year"])
def test_bad_files_exit_2_with_one_chinese_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, command: str
) -> None:
    path = bad_files(tmp_path)[kind]
    before = digest(path)
    argv = [command, str(path)] + ([str(tmp_path / "next.zjd")] if command == "new-year" else [])
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert _is_one_chinese_line(captured.err), captured.err
    assert digest(path) == before
    assert not (tmp_path / "next.zjd").exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["load", "{missing}", "{out}"], "找不到"),
        (["load", "{bad_json}", "{out}"], "JSON"),
        (["load", "{wrong_json}", "{out}"], "zjdesk-year"),
        (["demo", "{existing}"], "已存在"),
        (["demo", "{no_folder}"], "不存在"),
        (["demo", "{not_zjd}"], ".zjd"),
        (["dump", "{existing}", "-o", "{no_folder_json}"], "不存在"),
    ],
)
def test_bad_input_exit_2_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    existing = tmp_path / "existing.zjd"
    main(["demo", str(existing)])
    (tmp_path / "bad.json").write_text("{oops", encoding="utf-8")
    (tmp_path / "wrong.json").write_text('{"a": 1}', encoding="utf-8")
    capsys.readouterr()
    before = sorted(p.name for p in tmp_path.iterdir())
    existing_digest = digest(existing)
    names = {
        "missing": tmp_path / "missing.json",
        "bad_json": tmp_path / "bad.json",
        "wrong_json": tmp_path / "wrong.json",
        "out": tmp_path / "out.zjd",
        "existing": existing,
        "no_folder": tmp_path / "nowhere" / "x.zjd",
        "no_folder_json": tmp_path / "nowhere" / "x.json",
        "not_zjd": tmp_path / "x.docx",
    }
    assert main([part.format(**names) for part in argv]) == 2
    err = capsys.readouterr().err
    assert _is_one_chinese_line(err) and expected in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == before
    assert digest(existing) == existing_digest


def test_cli_refuses_to_write_over_an_open_file_it_would_replace(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.zjd"
    main(["demo", str(path)])
    with YearFile.open(path):
        assert main(["demo", str(path)]) == 2
    assert "已存在" in capsys.readouterr().err


def test_console_script_runs_as_a_process(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2] / "src"))
    target = tmp_path / "p.zjd"
    run = subprocess.run([sys.executable, "-m", "zjdesk", "demo", str(target)], capture_output=True, env=env, check=False)
    assert run.returncode == 0 and target.exists()
    (tmp_path / "junk.zjd").write_bytes(b"\x00" * 10)
    run = subprocess.run(
        [sys.executable, "-m", "zjdesk", "dump", str(tmp_path / "junk.zjd")], capture_output=True, env=env, check=False
    )
    assert run.returncode == 2
    assert _is_one_chinese_line(run.stderr.decode("utf-8"))


@pytest.mark.parametrize("argv", [["dump"], ["--bogus"], ["new-year", "a.zjd"], ["demo", "a.zjd", "b.zjd"]])
def test_wrong_command_line_is_one_chinese_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert _is_one_chinese_line(err) and "--help" in err


def test_output_cut_short_by_the_reader_is_not_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "d.zjd"
    main(["demo", str(target)])

    class ClosedPipe(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")  # like `zjdesk dump d.zjd | head` once head is done

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["dump", str(target)]) == 0
    assert "Traceback" not in capsys.readouterr().err
