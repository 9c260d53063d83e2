"""zjdesk goals export / import, and zjdesk example: a sheet that cannot be read exits 2 and changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from support.yearfiles import digest
from zjdesk.cli import main
from zjdesk.store.yearfile import read_year


def _files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, Path]:
    example, demo = tmp_path / "example.zjd", tmp_path / "demo.zjd"
    assert main(["example", str(example)]) == 0
    assert main(["demo", str(demo)]) == 0
    capsys.readouterr()
    return example, demo


def test_example_exports_and_its_table_imports_into_the_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example, demo = _files(tmp_path, capsys)
    sheet = tmp_path / "table.xlsx"
    assert main(["goals", "export", str(example), str(sheet)]) == 0
    assert capsys.readouterr().out.strip() == f"已导出 4 个绩效目标、13 项指标：{sheet}"
    # the example's goals are not the demo's: all four are added to the demo year
    assert main(["goals", "import", str(demo), str(sheet)]) == 0
    out = capsys.readouterr().out
    assert "已导入 13 项指标到 4 个绩效目标，新增绩效目标 4 个" in out
    year = read_year(demo)
    assert len(year.goals) == 8 and len(year.goals[4].indicators) == 4
    # and the score now reads them
    assert main(["score", str(example), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["goals"]["met"] == 10 and data["goals"]["not_met"] == 3
    row = next(item for item in data["goals"]["rows"] if item["level3"] == "物业出租率")
    assert row["score"] == "9.68" and row["path"] == "goals.0.indicators.1"


def test_export_then_import_leaves_the_year_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example, _demo = _files(tmp_path, capsys)
    sheet = tmp_path / "table.xlsx"
    main(["goals", "export", str(example), str(sheet)])
    before = read_year(example)
    assert main(["goals", "import", str(example), str(sheet)]) == 0
    assert read_year(example) == before


def _bad_sheets(tmp_path: Path) -> dict[str, Path]:
    sheets = {}
    sheets["text"] = tmp_path / "text.xlsx"
    sheets["text"].write_text("不是表格", encoding="utf-8")
    for name, row in {
        "formula": ["做好政务服务工作", "接待团组数", "≥", 60, "=A1", 10],
        "negative": ["做好政务服务工作", "接待团组数", "≥", 60, 64, -10],
        "words": ["做好政务服务工作", "接待团组数", "≥", 60, "六十四", 10],
    }.items():
        workbook = openpyxl.Workbook()
        workbook.active.append(["绩效目标", "三级指标", "指标性质", "指标值", "实际完成值", "分值"])
        workbook.active.append(row)
        sheets[name] = tmp_path / f"{name}.xlsx"
        workbook.save(sheets[name])
    return sheets


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        ("text", "不是可以读取的 .xlsx 文件"),
        ("formula", "第 2 行 E 列（实际完成值）是公式"),
        ("negative", "第 2 行 F 列（分值）"),
        ("words", "第 2 行 E 列（实际完成值）“六十四”不是数字"),
    ],
)
def test_a_bad_sheet_exits_2_with_one_chinese_line_and_the_file_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str, words: str
) -> None:
    example, _demo = _files(tmp_path, capsys)
    before = digest(example)
    assert main(["goals", "import", str(example), str(_bad_sheets(tmp_path)[kind])]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zjdesk：") and words in lines[0]
    assert digest(example) == before
    assert not (tmp_path / "example.zjd.lock").exists()


def test_export_needs_an_xlsx_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    example, _demo = _files(tmp_path, capsys)
    assert main(["goals", "export", str(example), str(tmp_path / "table.csv")]) == 2
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "table.csv").exists()
