"""What the official document says and carries: officer's prose only, a bureau's 评分说明, the sign-off rows,
a real font table and the document properties — in the .docx, the program's PDF and the .xlsx alike."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import docx
import openpyxl
import pytest

from support.renders import FONTS_CONF, other_unit_year
from zjdesk.demo import demo_year
from zjdesk.domain.scoring import score_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.export import export_year
from zjdesk.report.outline import Heading
from zjdesk.report.xlsx_writer import render_xlsx

pytestmark = pytest.mark.usefixtures("qt_application")

# The program's own status phrases: they belong beside the form, never in the document a bureau reads.
STATUS_PHRASES = ("改按自评", "缺少数据", "尚未评分", "无法计算", "/5 分", "/10 分", "/5分", "未知的计分方式", "未填写扣分原因")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _year_with_gaps():  # type: ignore[no-untyped-def]
    """The demo with data missing everywhere the engine falls back, and one indicator not yet judged."""
    year = demo_year()
    year.indicator_set.indicators[0].judged_score = None
    year.indicator_set.indicators[1].judged_score = Decimal("3")
    year.indicator_set.indicators[1].deduction_reason = ""
    return year


def _docx_texts(data: bytes) -> tuple[list[str], list[str]]:
    document = docx.Document(io.BytesIO(data))
    paragraphs = [paragraph.text for paragraph in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return paragraphs, cells


def _xlsx_texts(data: bytes) -> list[str]:
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return [
        str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None
    ]


def _pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("make_year", [demo_year, other_unit_year, _year_with_gaps], ids=["demo", "other", "gaps"])
def test_no_status_phrase_of_the_program_reaches_any_output(make_year, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from zjdesk.report.qt_document import pdf_bytes

    year = make_year()
    outline = outline_for(year, draft=True)
    paragraphs, cells = _docx_texts(render_docx(outline))
    outputs = {
        "docx": "".join(paragraphs + cells),
        "pdf": _pdf_text(pdf_bytes(outline), tmp_path),
        "xlsx": "".join(_xlsx_texts(render_xlsx(outline))),
    }
    for name, text in outputs.items():
        for phrase in STATUS_PHRASES:
            assert phrase not in text.replace(" ", ""), (name, phrase)
    # The engine keeps its explanations for the program's own panels.
    explanations = " ".join(item.explanation for item in score_year(year).indicators)
    if make_year is not other_unit_year:
        assert "缺少数据" in explanations and "改按自评" in explanations


def test_the_analysis_holds_the_officers_three_texts_and_nothing_generated() -> None:
    outline = outline_for(demo_year())
    blocks = outline.blocks
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.title == "部门整体支出绩效指标分析")
    end = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.title == "主要做法和经验")
    analysis = blocks[start + 1 : end]
    assert [b.title for b in analysis] == ["预算编制情况", "预算执行情况", "预算监督情况"]
    year = demo_year()
    assert [b.body for b in analysis] == [year.evaluation.budgeting, year.evaluation.execution, year.evaluation.supervision]
    narrative = "".join(block.text for block in blocks)
    assert "≥" not in narrative and "履职效益情况" not in narrative


def test_the_score_sheet_says_how_each_score_was_reached_in_a_bureaus_words() -> None:
    year = other_unit_year()
    sheet = outline_for(year).table("score_sheet")
    notes = [row.cells[6] for row in sheet.rows if row.kind == "data"]
    assert all(re.match(r"^按(评价小组评定|检查项逐项评定|.+计算)", note) for note in notes), notes
    assert notes[0] == "按评价小组评定，扣0.5分：个别绩效指标未细化量化，与年度任务的对应不够清晰。"
    assert "按预算完成率计算，预算完成率97.18%。" in notes
    # A cap that lowers the total is stated in the report's words on the 合计 row and in 自评结果.
    year.figures.final_expenditure.total = Decimal("3300.00")
    outline = outline_for(year)
    total = next(row for row in outline.table("score_sheet").rows if row.cells[0] == "合计")
    assert total.cells[-1].startswith("预算完成率为64.30%，按评分规则总分最高为79分")
    result = next(b for b in outline.blocks if getattr(b, "source", "") == "indicator_set")
    assert result.text.startswith("自评结论：自评分数79分，等级中。预算完成率为64.30%")


SIGNOFF = (
    "填表人：林晓敏",
    "联系电话：0759-3386152",
    "填报日期：2025年4月28日",
    "单位负责人（签字）：陈国栋",
    "单位（盖章）：湛江市农业农村综合服务中心",
)


def test_the_signoff_rows_are_in_all_three_outputs(tmp_path: Path) -> None:
    year = other_unit_year()
    written = export_year(year, docx=tmp_path / "r.docx", pdf=tmp_path / "r.pdf", xlsx=tmp_path / "r.xlsx")
    docx_path, pdf_path, xlsx_path = written
    _, cells = _docx_texts(docx_path.read_bytes())
    values = _xlsx_texts(xlsx_path.read_bytes())
    pdf = _pdf_text(pdf_path.read_bytes(), tmp_path)
    for text in SIGNOFF:
        assert text in cells, text
        assert text in values, text
        assert text in pdf, text
    # In the sheet they close the score table, after 自评等级.
    assert cells.index(SIGNOFF[0]) > cells.index("自评等级")


def test_the_font_table_lists_every_face_the_document_names_with_charset_and_alt_name() -> None:
    data = render_docx(outline_for(demo_year()))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        table = ElementTree.fromstring(archive.read("word/fontTable.xml"))
        parts = "".join(
            archive.read(name).decode() for name in archive.namelist() if name.startswith("word/") and name.endswith(".xml")
        )
    slots = r'w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"'
    named = {font for element in re.findall(r"<w:rFonts [^>]*>", parts) for font in re.findall(slots, element)}
    entries = {font.get(f"{W}name"): font for font in table.iter(f"{W}font")}
    assert named <= set(entries), named - set(entries)
    assert not {"ＭＳ 明朝", "Cambria", "Calibri"} & set(entries)
    expected = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "华文中宋", "黑体": "SimHei", "宋体": "SimSun"}
    for name, alt in expected.items():
        font = entries[name]
        assert font.find(f"{W}altName").get(f"{W}val") == alt, name
        assert font.find(f"{W}charset").get(f"{W}val") == "86", name
        assert re.fullmatch(r"[0-9A-F]{20}", font.find(f"{W}panose1").get(f"{W}val")), name


def test_document_properties_name_the_report_the_unit_the_export_time_and_zjdesk(tmp_path: Path) -> None:
    import zjdesk

    before = datetime.now(UTC).replace(microsecond=0)
    path = export_year(demo_year(), docx=tmp_path / "r.docx", xlsx=tmp_path / "r.xlsx")[0]
    after = datetime.now(UTC)
    properties = docx.Document(str(path)).core_properties
    assert properties.title == "湛江市人民政府驻广州办事处2024年度部门整体支出绩效自评报告"
    assert properties.author == "湛江市人民政府驻广州办事处"
    assert before <= properties.created <= after and properties.modified == properties.created
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        application = archive.read("docProps/app.xml").decode()
        relations = archive.read("_rels/.rels").decode() + archive.read("word/_rels/document.xml.rels").decode()
    assert f"<Application>zjdesk {zjdesk.__version__}</Application>" in application
    assert "Microsoft" not in application
    assert not [name for name in names if "thumbnail" in name] and "thumbnail" not in relations
    assert "stylesWithEffects" not in relations
    workbook = openpyxl.load_workbook(tmp_path / "r.xlsx")
    assert workbook.properties.creator == "湛江市人民政府驻广州办事处"
    assert workbook.properties.created.replace(tzinfo=UTC) == properties.created


def test_the_workbook_totals_are_formulas_a_spreadsheet_program_shows_as_the_report_does(tmp_path: Path) -> None:
    """LibreOffice Calc opens the .xlsx and prints the totals, numbers and sign-off rows the report prints."""
    import os
    import shutil

    office = shutil.which("soffice") or shutil.which("libreoffice")
    assert office, "LibreOffice (libreoffice-calc-nogui) is needed for this test"
    source = tmp_path / "sheets.xlsx"
    source.write_bytes(render_xlsx(outline_for(other_unit_year())))
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path / 'profile'}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(source),
        ],
        check=True,
        capture_output=True,
        env=dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF)),
        timeout=300,
    )
    laid_out = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "sheets.pdf"), "-"], check=True, capture_output=True, text=True
    ).stdout
    text = re.sub(r"\s+", "", laid_out)
    total = str(score_year(other_unit_year()).total.normalize())
    # The score sheet's 合计 row shows the 分值 and 得分 totals (the first 合计 line: the goal table's comes later).
    total_row = next(line.split() for line in laid_out.splitlines() if line.split()[:1] == ["合计"])
    assert total_row == ["合计", "100", total]
    assert "4987.62" in text and "97.18" in text
    for signoff in SIGNOFF[:3]:
        assert signoff in text
