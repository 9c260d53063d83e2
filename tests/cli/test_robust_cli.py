"""The command line never replaces a year file with an output, and answers hostile input with one Chinese line."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from support.yearfiles import digest
from zjdesk.cli import main

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _one_chinese_line(text: str) -> bool:
    lines = text.strip().splitlines()
    return len(lines) == 1 and "Traceback" not in text and any("\u4e00" <= c <= "\u9fff" for c in lines[0])


@pytest.fixture
def year(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "年度.zjd"
    assert main(["demo", str(path)]) == 0
    capsys.readouterr()
    return path


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "{year}", "--draft", "--pdf", "{year}"],
        ["export", "{year}", "--draft", "--docx", "{other}"],
        ["dump", "{year}", "-o", "{year}"],
        ["dump", "{year}", "-o", "{other}"],
        ["export", "{year}", "--draft", "--docx", "{tmp}/r.docx", "--xlsx", "{tmp}/r.docx"],
        ["indicators", "export", "{year}", "{link}"],
    ],
    ids=["pdf onto the year", "docx onto another year", "dump onto the year", "dump onto another year", "twice", "via link"],
)
def test_no_output_replaces_a_year_file(tmp_path: Path, year: Path, capsys, argv: list[str]) -> None:
    other = tmp_path / "另一年.zjd"
    assert main(["demo", str(other)]) == 0
    link = tmp_path / "指标.xlsx"
    if "{link}" in argv:
        if sys.platform == "win32":
            pytest.skip("symbolic links need a privilege ordinary Windows users lack")
        link.symlink_to(year)
    capsys.readouterr()
    before = {path: digest(path) for path in (year, other)}
    names = sorted(os.listdir(tmp_path))
    assert main([part.format(year=year, other=other, tmp=tmp_path, link=link) for part in argv]) == 2
    assert _one_chinese_line(capsys.readouterr().err)
    assert {path: digest(path) for path in (year, other)} == before
    assert sorted(os.listdir(tmp_path)) == names


@pytest.mark.parametrize(
    ("option", "name"), [("--pdf", "去年报告.docx"), ("--docx", "报告.pdf"), ("--xlsx", "评分表"), ("--docx", "报告.txt")]
)
def test_an_output_named_as_another_kind_of_file_is_refused(tmp_path: Path, year: Path, capsys, option: str, name: str) -> None:
    # A PDF written over last year's Word report (or a report without its suffix) is never what was meant.
    target = tmp_path / name
    target.write_bytes(b"last year's report")
    assert main(["export", str(year), "--draft", option, str(target)]) == 2
    error = capsys.readouterr().err
    assert _one_chinese_line(error) and "结尾" in error
    assert target.read_bytes() == b"last year's report"


def test_an_absurd_amount_in_json_is_refused_and_every_command_keeps_working(tmp_path: Path, year: Path, capsys) -> None:
    dumped = tmp_path / "年度.json"
    assert main(["dump", str(year), "-o", str(dumped)]) == 0
    dumped.write_text(dumped.read_text(encoding="utf-8").replace('"1557.15"', '"1e-999999"', 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["load", str(dumped), str(tmp_path / "新.zjd")]) == 2
    assert _one_chinese_line(capsys.readouterr().err)
    assert not (tmp_path / "新.zjd").exists()


@pytest.mark.parametrize("name", ["去年报告.docx", "评分表.xlsx", "年度数据"])
def test_dump_refuses_an_output_that_is_not_named_json_and_leaves_the_file_there(
    tmp_path: Path, year: Path, capsys, name: str
) -> None:
    target = tmp_path / name
    target.write_bytes(b"last year's report")
    assert main(["dump", str(year), "-o", str(target)]) == 2
    error = capsys.readouterr().err
    assert _one_chinese_line(error) and ".json 结尾" in error
    assert target.read_bytes() == b"last year's report"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_json_dumped_through_powershell_in_utf16_loads_as_it_was(tmp_path: Path, year: Path, capsys, encoding: str) -> None:
    # Windows PowerShell 5 writes `zjdesk dump a.zjd > a.json` as UTF-16 with a byte order mark.
    assert main(["dump", str(year)]) == 0
    text = capsys.readouterr().out
    dumped = tmp_path / "a.json"
    dumped.write_bytes((("\ufeff" if encoding == "utf-16-be" else "") + text).encode(encoding))
    assert main(["load", str(dumped), str(tmp_path / "b.zjd")]) == 0
    assert main(["dump", str(tmp_path / "b.zjd")]) == 0
    assert capsys.readouterr().out.endswith(text)


def test_json_saved_as_gbk_says_how_to_save_it_as_utf8(tmp_path: Path, year: Path, capsys) -> None:
    assert main(["dump", str(year)]) == 0
    dumped = tmp_path / "a.json"
    dumped.write_bytes(capsys.readouterr().out.encode("gbk"))
    assert main(["load", str(dumped), str(tmp_path / "b.zjd")]) == 2
    error = capsys.readouterr().err
    assert _one_chinese_line(error) and "编码选“UTF-8”" in error
    assert not (tmp_path / "b.zjd").exists()


def test_a_year_file_or_a_report_given_as_json_is_named_for_what_it_is(tmp_path: Path, year: Path, capsys) -> None:
    assert main(["load", str(year), str(tmp_path / "b.zjd")]) == 2
    error = capsys.readouterr().err
    assert _one_chinese_line(error) and "是年度文件（.zjd）" in error and "zjdesk dump" in error
    report = tmp_path / "报告.docx"
    assert main(["export", str(year), "--draft", "--docx", str(report)]) == 0
    capsys.readouterr()
    assert main(["load", str(report), str(tmp_path / "b.zjd")]) == 2
    assert "是 Word/Excel 文件" in capsys.readouterr().err
    assert not (tmp_path / "b.zjd").exists()


def _with_lone_surrogate(path: Path) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("""UPDATE year_part SET data = replace(data, '湛江市人民政府', '\\ud800湛江') WHERE name = 'cover'""")
    connection.close()


@pytest.mark.parametrize(
    "argv",
    [
        ["dump", "{year}", "-o", "{tmp}/x.json"],
        ["new-year", "{year}", "{tmp}/next.zjd"],
        ["export", "{year}", "--draft", "--pdf", "{tmp}/x.pdf"],
    ],
    ids=["dump", "new-year", "pdf export"],
)
def test_a_year_file_holding_a_lone_surrogate_is_one_chinese_line(tmp_path: Path, year: Path, capsys, argv: list[str]) -> None:
    _with_lone_surrogate(year)
    before = digest(year)
    assert main([part.format(year=year, tmp=tmp_path) for part in argv]) == 2
    err = capsys.readouterr().err
    assert _one_chinese_line(err) and "无法保存的字符" in err
    assert digest(year) == before
    assert sorted(os.listdir(tmp_path)) == [year.name]


def test_long_names_and_paths_are_one_chinese_line(tmp_path: Path, capsys) -> None:
    assert main(["demo", str(tmp_path / ("年" * 90 + ".zjd"))]) == 2
    deep = tmp_path.joinpath(*["文件夹" * 20] * 3)
    deep.mkdir(parents=True)
    assert main(["demo", str(deep / "年度.zjd")]) == 2
    err = capsys.readouterr().err
    assert all(_one_chinese_line(line) for line in err.strip().splitlines()) and err.count("zjdesk：") == 2


@pytest.mark.skipif(sys.platform == "win32", reason="undecodable file names exist on POSIX only")
def test_gbk_names_go_through_every_command(tmp_path: Path, capsys) -> None:
    folder = tmp_path / os.fsdecode("年度资料".encode("gbk"))
    folder.mkdir()
    year = folder / os.fsdecode("湛江.zjd".encode("gbk"))
    assert main(["demo", str(year)]) == 0
    assert main(["new-year", str(year), str(folder / os.fsdecode("下一年.zjd".encode("gbk")))]) == 0
    outputs = [folder / os.fsdecode(name.encode("gbk")) for name in ("报告.docx", "报告.pdf", "表.xlsx")]
    env = {**os.environ, "PYTHONPATH": SRC}
    # In processes of their own: the PDF needs Qt, which must not be started inside this test run.
    argv = ["export", str(year), "--draft", "--docx", str(outputs[0]), "--pdf", str(outputs[1]), "--xlsx", str(outputs[2])]
    run = subprocess.run([sys.executable, "-m", "zjdesk", *argv], capture_output=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert all(path.stat().st_size > 0 for path in outputs)
    run = subprocess.run([sys.executable, "-m", "zjdesk", "dump", str(year)], capture_output=True, env=env, timeout=120)
    assert run.returncode == 0 and b'"zjdesk-year"' in run.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes of the file system exist on POSIX only")
@pytest.mark.parametrize("command", ["dump", "load"])
def test_a_pipe_given_as_input_is_refused_at_once(tmp_path: Path, command: str) -> None:
    fifo = tmp_path / ("管道.zjd" if command == "dump" else "管道.json")
    os.mkfifo(fifo)
    argv = [command, str(fifo)] + ([str(tmp_path / "x.zjd")] if command == "load" else [])
    run = subprocess.run(
        [sys.executable, "-m", "zjdesk", *argv], capture_output=True, env={**os.environ, "PYTHONPATH": SRC}, timeout=60
    )
    assert run.returncode == 2 and _one_chinese_line(run.stderr.decode("utf-8"))


@pytest.mark.skipif(sys.platform == "win32", reason="a file-size limit per process is a POSIX resource limit")
@pytest.mark.parametrize(
    "argv", [["demo", "{tmp}/新.zjd"], ["dump", "{year}", "-o", "{tmp}/年度.json"]], ids=["year file", "output"]
)
def test_a_write_beyond_the_allowed_file_size_is_one_chinese_line_in_the_officers_words(
    tmp_path: Path, year: Path, argv: list[str]
) -> None:
    # A quota or a size limit stops the write with EFBIG/EDQUOT; SQLite says only "disk I/O error".
    import resource

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    names = sorted(os.listdir(tmp_path))
    run = subprocess.run(
        [sys.executable, "-m", "zjdesk", *[part.format(year=year, tmp=tmp_path) for part in argv]],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": SRC, "PYTHONDONTWRITEBYTECODE": "1"},
        preexec_fn=limit_file_size,
        timeout=120,
        check=False,
    )
    error = run.stderr.decode("utf-8")
    assert run.returncode == 2 and _one_chinese_line(error), error
    assert "File too large" not in error and "OperationalError" not in error
    assert "文件超过了这个磁盘或系统允许的大小" in error or "写入磁盘时出错" in error
    assert sorted(os.listdir(tmp_path)) == names
