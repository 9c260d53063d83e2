"""zjdesk score / check / indicators on year files."""

from __future__ import annotations

import json
from decimal import Decimal

import openpyxl

from zjdesk.cli import main
from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.store.yearfile import read_year, write_new_year_file


def _demo_file(tmp_path):
    path = tmp_path / "d.zjd"
    assert main(["demo", str(path)]) == 0
    return path


def test_score_json_on_the_demo_says_100_and_excellent(tmp_path, capsys):
    path = _demo_file(tmp_path)
    capsys.readouterr()
    assert main(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["total"] == "100"
    assert data["grade"] == "优"
    assert data["cap"] is None
    assert data["rates"]["budget_execution_rate"] == "100.00"
    assert len(data["indicators"]) == 17
    execution = next(item for item in data["indicators"] if item["level3"] == "预算完成率")
    assert execution["explanation"] == "预算完成率 100.00% ≥ 95%，得 10/10 分"
    assert execution["path"] == "indicator_set.indicators.4"


def test_score_text(tmp_path, capsys):
    path = _demo_file(tmp_path)
    capsys.readouterr()
    assert main(["score", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("自评分数：100 分（满分 100 分），等级：优")
    assert "预算完成率：预算完成率 100.00% ≥ 95%，得 10/10 分" in out


def test_score_text_of_a_carried_year_is_provisional_without_a_grade(tmp_path, capsys):
    path = tmp_path / "2025.zjd"
    write_new_year_file(path, carry_forward(demo_year()))
    assert main(["score", str(path)]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith("自评分数（暂计）：")
    assert "等级：待定（16 项指标尚未评分，1 项指标依据的数字待复核；" in first


def test_score_of_an_edited_year_at_65_percent_is_capped(tmp_path, capsys):
    year = demo_year()
    year.figures.final_expenditure.total = Decimal("1012.15")
    path = tmp_path / "low.zjd"
    write_new_year_file(path, year)
    assert main(["score", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["total"], data["grade"], data["uncapped_total"]) == ("79", "中", "92")
    assert data["cap"]["max_total"] == "79" and data["cap"]["lowered_total"] is True
    assert data["cap"]["value"] == "65.00"


def test_check_on_the_demo_lists_the_seed_mistakes_with_paths(tmp_path, capsys):
    path = _demo_file(tmp_path)
    capsys.readouterr()
    assert main(["check", str(path)]) == 0  # yellow and blue only
    out = capsys.readouterr().out
    # each line names the step of the program that holds the field, then its path
    assert "[黄] 第 5 步“支出情况” figures.final_expenditure.total" in out
    assert "[黄] 第 2 步“单位基本情况” profile.actual_total" in out
    assert "[黄] 第 2 步“单位基本情况” profile.subordinate_units.0.actual" in out
    assert "[黄] 第 7 步“绩效自评” evaluation.budgeting" in out
    assert "[黄] 第 3 步“年度工作任务” tasks.7.paragraphs.0" in out


def test_check_json_and_exit_status_1_with_a_red_finding(tmp_path, capsys):
    year = demo_year()
    year.cover.unit_name = ""
    path = tmp_path / "red.zjd"
    write_new_year_file(path, year)
    assert main(["check", str(path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["blocking"] is True
    assert data["counts"]["red"] == 1
    red = data["findings"][0]
    assert (red["check"], red["severity"], red["path"]) == ("required_missing", "red", "cover.unit_name")
    assert (red["step"], red["step_title"]) == ("cover", "封面与基本信息")
    stray = next(f for f in data["findings"] if f["check"] == "stray_space")
    assert stray["fix"] == {"label": "删除多余空格"}


def test_bad_files_exit_2(tmp_path, capsys):
    bad = tmp_path / "bad.zjd"
    bad.write_bytes(b"\x00garbage")
    assert main(["score", str(bad)]) == 2
    assert main(["check", str(tmp_path / "missing.zjd")]) == 2
    err = capsys.readouterr().err
    assert err.count("zjdesk：") == 2


def test_indicators_export_and_import(tmp_path, capsys):
    path = _demo_file(tmp_path)
    out = tmp_path / "set.xlsx"
    assert main(["indicators", "export", str(path), str(out)]) == 0
    workbook = openpyxl.load_workbook(out)
    sheet = workbook["指标体系"]
    sheet.cell(row=2, column=4, value=4)  # 绩效目标合理性 5 → 4
    sheet.cell(row=3, column=4, value=6)  # 绩效指标明确性 5 → 6
    workbook.save(out)
    assert main(["indicators", "import", str(path), str(out)]) == 0
    year = read_year(path)
    assert [item.weight for item in year.indicator_set.indicators[:2]] == [Decimal(4), Decimal(6)]
    assert year.figures.budget.total == Decimal("1557.15")  # nothing else changed


def test_indicators_import_of_a_bad_sheet_leaves_the_file_unchanged(tmp_path, capsys):
    path = _demo_file(tmp_path)
    before = read_year(path)
    bad = tmp_path / "bad.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["三级指标", "分值"])
    workbook.active.append(["预算完成率", "十"])
    workbook.save(bad)
    assert main(["indicators", "import", str(path), str(bad)]) == 2
    assert "第2行（预算完成率）：分值“十”不是数字" in capsys.readouterr().err
    assert read_year(path) == before
