"""The line under each sheet's title: 单位名称 and 评价年度, never a year split across two lines."""

from __future__ import annotations

import io

import docx
import openpyxl
import pytest

from zjdesk.demo import example_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.page_spec import text_width_pt
from zjdesk.report.tables import sheet_caption
from zjdesk.report.xlsx_writer import render_xlsx

pytestmark = pytest.mark.usefixtures("qt_application")

LONG_NAME = "湛江市经济技术开发区管理委员会农业农村和水务局所属水利工程建设管理服务中心"
NAMES = ("示例单位", "湛江市坡头区乡村振兴和农业农村综合服务中心（区农业技术推广站）", LONG_NAME)


@pytest.mark.parametrize("landscape", [False, True], ids=["portrait", "landscape"])
@pytest.mark.parametrize("length", range(8, 61, 2))
def test_the_year_of_a_caption_is_never_split_across_lines(length: int, landscape: bool) -> None:
    from zjdesk.report.qt_text import PT, lay_out, single_role

    year = example_year()
    year.cover.unit_name = (LONG_NAME * 2)[:length]
    caption = sheet_caption(year, landscape=landscape)
    block = lay_out(caption, single_role("caption"), text_width_pt(landscape) * PT, align="left")
    lines = [caption[line.start : line.end].strip("\n　") for line in block.lines]
    assert any(line.endswith("评价年度：2024年度") for line in lines), lines
    if "\n" not in caption:
        assert len(lines) == 1  # two lines only where one does not hold it


@pytest.mark.parametrize("name", NAMES)
def test_every_output_has_the_same_caption(name: str) -> None:
    year = example_year()
    year.cover.unit_name = name
    outline = outline_for(year)
    captions = [table.caption for table in outline.tables]
    assert all(caption.startswith(f"单位名称：{name}") for caption in captions)
    assert ("\n" in captions[0]) == (name != "示例单位")  # the data sheet, 156 mm
    assert ("\n" in captions[-1]) == (name == LONG_NAME)  # the landscape sheets, 225 mm
    document = docx.Document(io.BytesIO(render_docx(outline)))
    in_docx = [p.text for p in document.paragraphs if p.text.startswith("单位名称：")]
    assert in_docx == captions  # a line break (w:br) where the caption has one
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(outline)))
    cells = [sheet.cell(2, 1) for sheet in workbook.worksheets]
    assert [cell.value for cell in cells] == captions
    assert all(cell.alignment.wrap_text for cell in cells if "\n" in cell.value)
