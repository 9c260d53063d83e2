"""Export a year to .docx with zjdesk's own exporter and import it back: every field the report carries returns."""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal
from pathlib import Path

import pytest

from support.import_docs import build_docx, differences, seed_lines, seed_year
from zjdesk.cli import main
from zjdesk.demo import demo_year
from zjdesk.docx_import import import_docx
from zjdesk.domain.amounts import format_number
from zjdesk.domain.model import Goal, Practice, Task, YearData
from zjdesk.domain.scoring import score_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.sentences import profile_paragraphs
from zjdesk.store.yearfile import read_year


def _trimmed(year: YearData) -> YearData:
    """``year`` with every text stripped at both ends (the exporter trims, e.g. the seed's " 严格控制…")."""
    copied = copy.deepcopy(year)

    def trim(value):
        if dataclasses.is_dataclass(value):
            for item in dataclasses.fields(value):
                setattr(value, item.name, trim(getattr(value, item.name)))
            return value
        if isinstance(value, list):
            return [trim(item) for item in value]
        return value.strip() if isinstance(value, str) else value

    return trim(copied)


def _round_trip(year: YearData, tmp_path: Path) -> YearData:
    # The .docx as exported, without the printout's page plan (which only cuts merged sheet labels): no Qt here.
    target = tmp_path / "report.docx"
    target.write_bytes(render_docx(outline_for(year, draft=True)))
    result = import_docx(target)
    assert result.unplaced == []
    return result.year


def test_demo_year_round_trip(tmp_path: Path) -> None:
    expected = _trimmed(demo_year())
    # The report states the live score (自评分数100分，等级优), read back as the stated result.
    expected.evaluation.stated_score, expected.evaluation.stated_grade = Decimal(100), "优"
    assert differences(_round_trip(demo_year(), tmp_path), expected) == []


def _rich_year() -> YearData:
    year = demo_year()
    figures = year.figures
    figures.initial_budget, figures.budget_adjustment = Decimal("1500.00"), Decimal("57.15")
    figures.budget.basic, figures.budget.project = Decimal("658.74"), Decimal("898.41")
    figures.final_revenue.basic, figures.final_revenue.project = Decimal("658.74"), Decimal("898.41")
    figures.final_expenditure.total = Decimal("1554.10")
    figures.final_expenditure.basic = Decimal("655.69")
    figures.carry_over = Decimal("3.05")
    figures.public_funds_budget, figures.public_funds_actual = Decimal("80.00"), Decimal("78.50")
    figures.three_public_budget, figures.three_public_actual = Decimal("12.00"), Decimal("10.50")
    figures.three_public_prior_actual = Decimal("11.20")
    figures.procurement_plan, figures.procurement_actual = Decimal("30.00"), Decimal("29.00")
    figures.payment_progress_rate = Decimal("98.50")
    year.practices.append(Practice(title="加强预算执行监控", text="按月通报支出进度，及时纠偏。"))
    year.problems.append("部分项目支出进度偏慢。")
    year.improvements.append("按月分析支出进度；")
    year.profile.notes.append("办事处另承担湛江驻穗联络工作。")
    year.other = "本年度无其他需要说明的情况以外的事项。"
    return year


def test_rich_year_round_trip(tmp_path: Path) -> None:
    year = _rich_year()
    expected = _trimmed(year)
    # The report states the live score (自评分数…，等级…), which the changed figures move.
    live = score_year(year)
    expected.evaluation.stated_score, expected.evaluation.stated_grade = live.total, live.grade
    assert live.total != Decimal(100)
    assert differences(_round_trip(year, tmp_path), expected) == []


def test_a_unit_without_subordinate_units_round_trip(tmp_path: Path) -> None:
    year = demo_year()
    year.profile.subordinate_units = []
    paragraphs = [text for text, _path in profile_paragraphs(year.profile)]
    # Said as an officer says it, and the list of duties ends in 。 (no subordinate unit's duties follow).
    assert "内设3个科室，无下属二级预算单位。" in paragraphs
    assert paragraphs[-1] == "三科负责信访维稳。"
    expected = _trimmed(year)
    live = score_year(year)
    expected.evaluation.stated_score, expected.evaluation.stated_grade = Decimal(format_number(live.total)), live.grade
    assert differences(_round_trip(year, tmp_path), expected) == []


@pytest.mark.parametrize("part", ["practices", "problems", "improvements"])
def test_empty_lists_round_trip_as_empty(tmp_path: Path, part: str) -> None:
    year = demo_year()
    setattr(year, part, [])
    assert getattr(_round_trip(year, tmp_path), part) == []


def test_partly_filled_year_round_trip(tmp_path: Path) -> None:
    """Gaps the export marks （未填写） or 无。 read back as empty, not as text."""
    year = YearData()
    year.cover.unit_name, year.cover.evaluation_year = "湛江市某某局", 2024
    year.tasks = [Task(title="做好预算编制", lead="按时编报部门预算。"), Task(title="规范资产管理")]
    year.goals = [Goal("完成年度预算编报；")]
    year.team.leaders = ["张三"]
    year.figures.budget.total = Decimal("100.00")
    expected = copy.deepcopy(year)
    live = score_year(year)
    expected.evaluation.stated_score, expected.evaluation.stated_grade = live.total, live.grade
    assert differences(_round_trip(year, tmp_path), expected) == []


def test_seed_typed_in_word_exports_back_to_the_same_fields(tmp_path: Path) -> None:
    """The issue's done-when: seed .docx → year file → exported report → the same fields again."""
    report = tmp_path / "seed.docx"
    report.write_bytes(build_docx(seed_lines()))
    year_file = tmp_path / "2024.zjd"
    assert main(["import-docx", str(report), str(year_file)]) == 0
    imported = read_year(year_file)
    assert imported.indicator_set.indicators  # scored against the reference set until replaced
    again = _round_trip(imported, tmp_path)
    expected = _trimmed(imported)
    live = score_year(imported)  # the reference set's judged rows are not scored yet
    expected.evaluation.stated_score = Decimal(format_number(live.total))  # as the sentence writes it
    # The draft of a year with indicators still to score states its total as 暂计 and no grade.
    assert any(item.awaits_score for item in live.indicators)
    expected.evaluation.stated_grade = ""
    assert differences(again, expected) == []
    assert differences(imported, seed_year()) == []


def test_the_score_sheets_signoff_rows_come_back_to_the_cover(tmp_path: Path) -> None:
    year = demo_year()
    signoff = ("林晓敏", "0759-3386152", "陈国栋")
    year.cover.preparer, year.cover.preparer_phone, year.cover.unit_head = signoff
    cover = _round_trip(year, tmp_path).cover
    assert (cover.preparer, cover.preparer_phone, cover.unit_head) == signoff


def test_a_year_with_a_goal_table_keeps_its_goals(tmp_path: Path) -> None:
    # The goal table's header row (绩效目标 一级指标 二级指标 …) was read as the heading 绩效目标: each of
    # its rows became one more goal, and the example year's 4 goals came back as 19.
    from zjdesk.demo import example_year

    year = example_year()
    assert any(goal.indicators for goal in year.goals)
    target = tmp_path / "report.docx"
    target.write_bytes(render_docx(outline_for(year, draft=True)))
    result = import_docx(target)
    assert [goal.text for goal in result.year.goals] == [goal.text for goal in year.goals]
    # Its rows come back as the goals' indicator rows, value for value, and nothing of the table is left over.
    assert [goal.indicators for goal in result.year.goals] == [goal.indicators for goal in year.goals]
    assert result.year.unplaced == []
    assert "绩效目标完成情况表：13项绩效指标（目标1、目标2、目标3、目标4）" in result.found
    assert "goals.0.indicators.1" in result.year.review  # imported rows are 待复核 like every imported value
    # ... each row as a whole, as a carried year marks it: the page counts the 待复核 it shows (13 rows, 4 goals).
    goal_marks = [path for path in result.year.review if path.startswith("goals.")]
    assert len(goal_marks) == 13 + 4 and not any(path.count(".") > 3 for path in goal_marks)


def test_the_command_names_the_reference_set_only_when_the_report_had_no_score_sheet(tmp_path: Path, capsys) -> None:
    # The command said 评分暂用程序自带的参考指标体系 after reading the report's own 17 indicators.
    report = tmp_path / "report.docx"
    report.write_bytes(render_docx(outline_for(demo_year(), draft=True)))
    assert main(["import-docx", str(report), str(tmp_path / "sheet.zjd")]) == 0
    printed = capsys.readouterr().out
    assert "评分表：17项指标" in printed and "参考指标体系" not in printed
    assert len(read_year(tmp_path / "sheet.zjd").indicator_set.indicators) == 17
    report.write_bytes(build_docx(seed_lines()))  # typed by hand: no score sheet
    assert main(["import-docx", str(report), str(tmp_path / "typed.zjd")]) == 0
    assert "评分暂用程序自带的参考指标体系" in capsys.readouterr().out
