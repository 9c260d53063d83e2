"""The seed report, typed into Word in the usual ways, imports into the demo year field by field."""

from __future__ import annotations

import pytest

from support.import_docs import (
    auto_numbered_seed_items,
    build_auto_numbered_docx,
    build_docx,
    differences,
    numbered_seed_lines,
    seed_lines,
    seed_year,
    unnumbered_seed_lines,
    write_docx,
)
from zjdesk.cli import main
from zjdesk.docx_import import import_docx, import_docx_bytes
from zjdesk.domain.paths import get_value
from zjdesk.store.yearfile import read_year

VARIANTS = {
    "as extracted": seed_lines,
    "with heading numbers": numbered_seed_lines,
    "without heading numbers": unnumbered_seed_lines,
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_seed_imports_into_the_demo_year(variant: str) -> None:
    result = import_docx_bytes(build_docx(VARIANTS[variant]()), "seed.docx")
    assert differences(result.year, seed_year()) == []
    assert result.unplaced == []
    assert result.year.unplaced == []


def test_every_imported_field_is_marked_for_review() -> None:
    year = import_docx_bytes(build_docx(seed_lines())).year
    for path in (
        "cover.unit_name",
        "cover.fill_date",
        "cover.notice_number",
        "profile.staff.1.note",
        "profile.retirees.3.count",
        "tasks.0.points.1.text",
        "tasks.7.paragraphs.2",
        "goals.3.text",
        "figures.prior_final_expenditure.basic",
        "team.members.8",
        "process.submission_date",
        "evaluation.stated_score",
        "practices.0.title",
        "improvements.1",
    ):
        assert path in year.review, path
    for path in year.review:
        value = get_value(year, path)
        assert value not in (None, ""), path
    assert not any(path.startswith(("indicator_set", "review", "unplaced")) for path in year.review)
    assert "figures.carry_over" not in year.review  # not in the report, so not imported


def test_found_lists_what_was_recognised() -> None:
    found = "\n".join(import_docx_bytes(build_docx(seed_lines())).found)
    expected_lines = (
        "评价单位 湛江市人民政府驻广州办事处",
        "重点工作任务：8项",
        "绩效目标：4项",
        "组长1人",
        "等级优",
        "未识别内容：无",
    )
    for expected in expected_lines:
        assert expected in found


def test_import_docx_reads_a_file(tmp_path) -> None:
    path = write_docx(tmp_path / "2024年自评报告.docx", numbered_seed_lines())
    assert differences(import_docx(path).year, seed_year()) == []


def test_command_writes_the_year_file(tmp_path, capsys) -> None:
    report = write_docx(tmp_path / "report.docx", seed_lines())
    out = tmp_path / "2024.zjd"
    assert main(["import-docx", str(report), str(out)]) == 0
    assert differences(read_year(out), seed_year()) == []
    printed = capsys.readouterr().out
    assert "待复核" in printed and "年度重点工作任务：8项" in printed


def test_command_refuses_a_bad_report_and_writes_nothing(tmp_path, capsys) -> None:
    report = tmp_path / "report.docx"
    report.write_bytes(b"not a zip at all")
    out = tmp_path / "2024.zjd"
    assert main(["import-docx", str(report), str(out)]) == 2
    assert not out.exists()
    assert "不是 .docx" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [report]


def test_command_does_not_overwrite_a_year_file(tmp_path, capsys) -> None:
    report = write_docx(tmp_path / "report.docx", seed_lines())
    out = tmp_path / "2024.zjd"
    out.write_bytes(b"keep me")
    assert main(["import-docx", str(report), str(out)]) == 2
    assert out.read_bytes() == b"keep me"
    assert "已经存在" in capsys.readouterr().err


def test_seed_with_word_automatic_numbering() -> None:
    items = auto_numbered_seed_items()
    numbered = [item for item in items if isinstance(item, tuple)]
    assert len(numbered) >= 25  # headings, tasks and points carry list numbering, not typed numbers
    assert not any(text.startswith(("一、", "1、", "（1）")) for text, _, _ in numbered)
    result = import_docx_bytes(build_auto_numbered_docx(items))
    assert differences(result.year, seed_year()) == []
    assert result.unplaced == []
