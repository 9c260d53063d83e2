"""A report's numbers go through the same limits as every other way in; a long list keeps its numbering."""

from __future__ import annotations

from pathlib import Path

from support.import_docs import build_docx, numbered_seed_lines
from zjdesk.demo import demo_year
from zjdesk.docx_import import import_docx_bytes
from zjdesk.domain.limits import number_problems
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.store.yearfile import read_year, write_new_year_file


def _with_line_after(heading: str, line: str) -> list[str]:
    lines = numbered_seed_lines()
    index = next(i for i, text in enumerate(lines) if heading in text)
    lines.insert(index + 1, line)
    return lines


def test_an_absurd_payment_rate_is_left_out_and_the_year_file_reads_back(tmp_path: Path) -> None:
    lines = _with_line_after("部门整体支出情况", "支付进度率99999999999999999999%，收入支出完成率99999999999999999999%。")
    result = import_docx_bytes(build_docx(lines))
    assert result.year.figures.payment_progress_rate is None
    assert any("99999999999999999999%" in text for text in result.unplaced)
    assert number_problems(result.year) == []
    path = tmp_path / "导入.zjd"
    write_new_year_file(path, result.year)
    assert read_year(path).figures.final_revenue == result.year.figures.final_revenue


def test_a_staff_count_of_thousands_of_digits_is_kept_as_text(tmp_path: Path) -> None:
    lines = numbered_seed_lines()
    index = next(i for i, text in enumerate(lines) if "核定编制17名" in text)
    lines[index] = lines[index].replace("核定编制17名", "核定编制" + "1" * 5000 + "名")
    year = import_docx_bytes(build_docx(lines)).year
    assert year.profile.establishment_total is None
    assert any("1" * 5000 in note for note in year.profile.notes)  # nothing lost: the paragraph is kept as typed
    write_new_year_file(tmp_path / "导入.zjd", year)


def test_a_hundred_and_thirty_improvements_come_back_as_a_hundred_and_thirty() -> None:
    year = demo_year()
    year.improvements = [f"第{number}条改进措施" for number in range(1, 131)]
    imported = import_docx_bytes(render_docx(outline_for(year, draft=True))).year
    assert imported.improvements == year.improvements
