"""Texts nobody should have to type still export: control characters, broken characters, 120 measures, 10 MB.

Through the command line, as an officer's scripts or the program would: ``zjdesk load`` then ``zjdesk
export``. Either the files are written whole (exit 0) or one Chinese line says what is wrong (exit 2);
never a traceback, never a partial file.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.serialize import dumps

pytestmark = pytest.mark.usefixtures("qt_application")

ZJDESK = [sys.executable, "-m", "zjdesk"]


def _json_with_lone_surrogates(year) -> str:  # type: ignore[no-untyped-def]
    """The year's JSON with each lone surrogate written as JSON spells it (\\ud800): valid JSON, broken text."""
    return re.sub("[\ud800-\udfff]", lambda match: f"\\u{ord(match.group()):04x}", dumps(year))


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*ZJDESK, *args], capture_output=True, text=True, timeout=600)


def test_a_lone_surrogate_is_refused_with_one_chinese_line_and_nothing_written(tmp_path: Path) -> None:
    year = demo_year()
    year.problems.append("复制来的表情\ud83d损坏了")
    source = tmp_path / "in.json"
    source.write_text(_json_with_lone_surrogates(year), encoding="utf-8")
    result = _run("load", str(source), str(tmp_path / "y.zjd"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "problems.1" in lines[0] and "无法保存的字符" in lines[0]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.json"]


def test_control_characters_120_measures_and_a_10_mb_paragraph_export_whole(tmp_path: Path) -> None:
    year = demo_year()
    sentence = "加强预算绩效管理，提高资金使用效益。"
    year.other = "本单位" + sentence * (10_000_000 // len(sentence.encode()) + 1)  # 10 MB of UTF-8
    year.problems.append("甲\x0b乙\x07丙\x00丁\x0c戊\x1f己")  # pasted from other programs
    year.cover.unit_name = "湛江市\x08测试单位"
    year.improvements = [f"第{number}项改进措施：完善制度，压实责任，按季度通报进展。" for number in range(1, 121)]
    source = tmp_path / "in.json"
    source.write_text(dumps(year), encoding="utf-8")
    assert len(year.other.encode()) > 10_000_000
    loaded = _run("load", str(source), str(tmp_path / "y.zjd"))
    assert loaded.returncode == 0, loaded.stderr
    out = tmp_path / "out"
    out.mkdir()
    exported = _run(
        "export",
        str(tmp_path / "y.zjd"),
        "--draft",
        "--docx",
        str(out / "r.docx"),
        "--pdf",
        str(out / "r.pdf"),
        "--xlsx",
        str(out / "r.xlsx"),
    )
    assert exported.returncode == 0, exported.stderr
    assert "Traceback" not in exported.stderr
    assert sorted(path.name for path in out.iterdir()) == ["r.docx", "r.pdf", "r.xlsx"]
    with zipfile.ZipFile(out / "r.docx") as archive:  # python-docx's parser refuses a 10 MB text node; Word does not
        body = archive.read("word/document.xml").decode()
    texts = re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", body)
    assert "甲乙丙丁戊己" in texts
    assert "120.第120项改进措施：完善制度，压实责任，按季度通报进展。" in texts
    assert max(len(text) for text in texts) > 3_000_000
    pages = int(
        re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(out / "r.pdf")], capture_output=True, text=True).stdout)[1]
    )
    assert pages > 1000  # the 10 MB paragraph, set on its pages
    tail = subprocess.run(
        ["pdftotext", "-f", str(pages - 3), "-l", str(pages), str(out / "r.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "单位（盖章）：湛江市测试单位" in tail.replace(" ", "")  # the sheets follow it, to their sign-off rows
    workbook = openpyxl.load_workbook(io.BytesIO((out / "r.xlsx").read_bytes()))
    assert workbook["评分表"]["A2"].value.startswith("单位名称：湛江市测试单位")
