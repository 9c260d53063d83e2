"""export_year and ``zjdesk export``: all three formats, refusals, draft, and nothing half-written."""

from __future__ import annotations

import io
import os
import stat
from decimal import Decimal
from pathlib import Path

import docx
import openpyxl
import pytest

from zjdesk.cli import main
from zjdesk.demo import demo_year
from zjdesk.domain.errors import UserError
from zjdesk.domain.scoring import score_year
from zjdesk.report import export as export_module
from zjdesk.report.engine import outline_for
from zjdesk.report.export import RedFindingsError, export_year
from zjdesk.report.xlsx_writer import render_xlsx
from zjdesk.store.output_files import OutputFileError
from zjdesk.store.xlsx_layout import LINE_HEIGHT, ROW_PADDING
from zjdesk.store.yearfile import write_new_year_file

# These tests lay the report out with Qt: the program's QApplication must exist first.
pytestmark = pytest.mark.usefixtures("qt_application")


def _year_with_a_red_finding():  # type: ignore[no-untyped-def]
    year = demo_year()
    year.figures.carry_over = Decimal("-3.00")  # a negative amount is red
    return year


def test_demo_exports_to_all_three_formats_and_the_sheets_match_the_engine(tmp_path: Path) -> None:
    year = demo_year()
    written = export_year(year, docx=tmp_path / "报告.docx", pdf=tmp_path / "报告.pdf", xlsx=tmp_path / "表.xlsx")
    assert [p.name for p in written] == ["报告.docx", "报告.pdf", "表.xlsx"]
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF")
    assert "部门整体支出绩效自评报告" in [p.text for p in docx.Document(str(tmp_path / "报告.docx")).paragraphs]
    assert sorted(os.listdir(tmp_path)) == ["报告.docx", "报告.pdf", "表.xlsx"]  # no temporary files left

    score = score_year(year)
    workbook = openpyxl.load_workbook(tmp_path / "表.xlsx")
    assert workbook.sheetnames == ["数据表", "评分表"]
    sheet = workbook["评分表"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    indicator_rows = rows[: len(score.indicators)]
    assert [Decimal(str(row[5])) for row in indicator_rows] == [item.score for item in score.indicators]
    assert [Decimal(str(row[3])) for row in indicator_rows] == [item.weight for item in score.indicators]
    total = next(row for row in rows if row[0] == "合计")
    first, last = 4, 3 + len(score.indicators)
    # 合计 is a formula over the column, with the report's total stored as its result (shown before recalculating).
    assert total[5] == f"=SUM(F{first}:F{last})" and total[3] == f"=SUM(D{first}:D{last})"
    cached = next(
        row
        for row in openpyxl.load_workbook(tmp_path / "表.xlsx", data_only=True)["评分表"].iter_rows(min_row=4, values_only=True)
        if row[0] == "合计"
    )
    assert Decimal(str(cached[5])) == score.total == sum(item.score for item in score.indicators)
    assert Decimal(str(cached[3])) == score.max_total
    assert next(row for row in rows if row[0] == "自评等级")[5] == score.grade
    assert sheet.print_title_rows == "$3:$3"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    data = {row[1]: row[2] for row in workbook["数据表"].iter_rows(min_row=4, values_only=True)}
    assert Decimal(str(data["决算支出"])) == year.figures.final_expenditure.total
    # Unknown figures stay empty (the printout says —), head counts are whole numbers.
    assert data["年初预算数"] is None and data["核定编制数"] == 17 and data["在职人数"] == 15
    assert isinstance(data["在职人员控制率"], float)
    formats = {row[1].value: row[2].number_format for row in workbook["数据表"].iter_rows(min_row=4) if len(row) > 2}
    assert formats["上年决算支出"] == "0.00" and formats["核定编制数"] == "0"  # 1564.10 shows as 1564.10


def test_a_final_export_is_refused_while_red_findings_remain(tmp_path: Path) -> None:
    with pytest.raises(RedFindingsError) as caught:
        export_year(_year_with_a_red_finding(), docx=tmp_path / "r.docx")
    assert caught.value.exit_status == 1
    assert "figures.carry_over" in str(caught.value) and "草稿" in str(caught.value)
    assert os.listdir(tmp_path) == []


def test_a_draft_export_goes_ahead_and_marks_the_pages(tmp_path: Path) -> None:
    export_year(_year_with_a_red_finding(), docx=tmp_path / "r.docx", xlsx=tmp_path / "r.xlsx", draft=True)
    document = docx.Document(str(tmp_path / "r.docx"))
    assert all("草稿" in section.header.paragraphs[0].text for section in document.sections)
    assert "草稿" in openpyxl.load_workbook(tmp_path / "r.xlsx")["评分表"].oddHeader.right.text


def test_a_missing_folder_or_read_only_target_is_a_chinese_user_error(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError, match="不存在"):
        export_year(demo_year(), docx=tmp_path / "nowhere" / "r.docx")
    target = tmp_path / "r.docx"
    target.write_bytes(b"old")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    with pytest.raises(OutputFileError, match="只读") as caught:
        export_year(demo_year(), docx=target, xlsx=tmp_path / "r.xlsx")
    assert caught.value.exit_status == 2 and isinstance(caught.value, UserError)
    assert target.read_bytes() == b"old"
    assert not (tmp_path / "r.xlsx").exists()  # refused before anything was written


def test_a_failing_renderer_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_render = export_module.render

    def failing(outline, kind: str, **options) -> bytes:  # type: ignore[no-untyped-def]
        if kind == "xlsx":
            raise RuntimeError("disk on fire")
        return real_render(outline, kind, **options)

    monkeypatch.setattr(export_module, "render", failing)
    with pytest.raises(RuntimeError):
        export_year(demo_year(), docx=tmp_path / "r.docx", xlsx=tmp_path / "r.xlsx")
    assert os.listdir(tmp_path) == []


def test_a_target_that_cannot_be_replaced_leaves_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "r.docx").mkdir()  # like a file held open on Windows: the move into place fails
    with pytest.raises(OutputFileError):
        export_year(demo_year(), docx=tmp_path / "r.docx")
    assert os.listdir(tmp_path) == ["r.docx"]


def test_cli_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    year_file = tmp_path / "d.zjd"
    write_new_year_file(year_file, demo_year())
    out = tmp_path / "out"
    out.mkdir()
    status = main(["export", str(year_file), "--docx", str(out / "a.docx"), "--xlsx", str(out / "a.xlsx")])
    assert status == 0
    assert sorted(os.listdir(out)) == ["a.docx", "a.xlsx"]
    assert "已导出" in capsys.readouterr().out

    assert main(["export", str(year_file), "--docx", str(tmp_path / "missing" / "a.docx")]) == 2
    assert "不存在" in capsys.readouterr().err
    assert main(["export", str(year_file)]) == 2

    red_file = tmp_path / "red.zjd"
    write_new_year_file(red_file, _year_with_a_red_finding())
    assert main(["export", str(red_file), "--docx", str(tmp_path / "red.docx")]) == 1
    assert "结转结余" in capsys.readouterr().err
    assert not (tmp_path / "red.docx").exists()
    assert main(["export", str(red_file), "--docx", str(tmp_path / "red.docx"), "--draft"]) == 0
    assert (tmp_path / "red.docx").exists()


def test_docx_of_the_export_is_the_rendered_outline(tmp_path: Path) -> None:
    path = export_year(demo_year(), docx=tmp_path / "r.docx")[0]
    again = docx.Document(io.BytesIO(path.read_bytes()))
    assert any(p.text.startswith("自评结论：自评分数100分，等级优") for p in again.paragraphs)


def test_an_empty_year_exports_as_a_draft_with_its_gaps_marked(tmp_path: Path) -> None:
    from zjdesk.domain.model import YearData

    with pytest.raises(RedFindingsError):
        export_year(YearData(), docx=tmp_path / "e.docx")
    written = export_year(YearData(), docx=tmp_path / "e.docx", pdf=tmp_path / "e.pdf", xlsx=tmp_path / "e.xlsx", draft=True)
    assert len(written) == 3
    text = [p.text for p in docx.Document(str(tmp_path / "e.docx")).paragraphs]
    assert "评价年度：（未填写）" in text
    assert text[text.index("（二）年度总体工作和重点工作任务") + 1] == "（未填写）"


def test_xlsx_rows_are_as_tall_as_their_text_needs() -> None:
    """Excel does not grow rows written by a program: a number is one line, a long 说明 several."""
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(outline_for(demo_year()))))
    sheet = workbook["数据表"]
    heights = {}
    for row in sheet.iter_rows(min_row=3):
        label = row[1].value if len(row) > 1 else None
        if isinstance(label, str):
            heights[label.strip()] = sheet.row_dimensions[row[0].row].height
    one_line = LINE_HEIGHT + ROW_PADDING
    assert heights["全年预算数"] == one_line  # "1557.15" fits on one line
    assert heights["决算支出"] == one_line
    tallest = max(height for height in heights.values() if height)
    assert tallest >= 2 * LINE_HEIGHT + ROW_PADDING  # the formula notes wrap onto a second line


def test_a_final_export_with_open_yellow_findings_warns_in_one_chinese_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from zjdesk.domain.checks import run_checks

    year_file = tmp_path / "d.zjd"
    write_new_year_file(year_file, demo_year())
    open_yellow = [f for f in run_checks(demo_year()) if f.severity == "yellow" and not f.acknowledged]
    assert len(open_yellow) >= 10
    assert main(["export", str(year_file), "--docx", str(tmp_path / "a.docx")]) == 0
    captured = capsys.readouterr()
    warning = captured.err.strip().splitlines()
    assert len(warning) == 1 and warning[0].startswith(f"注意：还有 {len(open_yellow)} 项黄色问题未核对")
    assert "已导出" in captured.out
    assert main(["export", str(year_file), "--docx", str(tmp_path / "b.docx"), "--draft"]) == 0
    assert capsys.readouterr().err == ""  # a draft says 草稿 on every page already


def test_a_final_export_without_open_yellow_findings_says_nothing_more(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    from support.renders import other_unit_year

    year_file = tmp_path / "o.zjd"
    write_new_year_file(year_file, other_unit_year())
    assert main(["export", str(year_file), "--xlsx", str(tmp_path / "o.xlsx")]) == 0
    assert capsys.readouterr().err == ""
