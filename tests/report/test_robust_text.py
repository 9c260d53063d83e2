"""Text a user pastes from other programs never breaks an export, and text stays text in Excel."""

from __future__ import annotations

import io
import re
import zipfile

import docx
import openpyxl

from zjdesk.demo import demo_year
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.xlsx_writer import render_xlsx
from zjdesk.store.indicator_xlsx import indicator_set_to_xlsx

# A vertical tab (Word's manual line break), a bell, a NUL, a form feed and a lone surrogate.
PASTED = "甲\x0b乙\x07丙\x00丁\x0c戊\ud800己"


def _pasted_year():
    year = demo_year()
    year.other = PASTED
    year.cover.unit_name = "湛江市" + PASTED
    indicator = year.indicator_set.indicators[0]
    indicator.criteria = "=100%得满分"
    indicator.deduction_reason = "=" + PASTED
    indicator.judged_score = indicator.weight - 1
    indicator.rule.kind = "judged"
    return year


def test_control_characters_pasted_into_a_field_do_not_break_the_word_report():
    data = render_docx(outline_for(_pasted_year(), draft=True))
    text = "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(data)).paragraphs)
    assert "甲乙丙丁戊己" in text  # the characters around the control characters are all kept


def test_control_characters_and_leading_equals_signs_stay_text_in_the_sheets():
    data = render_xlsx(outline_for(_pasted_year(), draft=True))
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    values = [cell.value for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]
    assert "=100%得满分" in values
    assert any(isinstance(value, str) and value.endswith("扣1分：=甲乙丙丁戊己。") for value in values)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = "".join(archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/worksheets/"))
    # The only formulas are the totals the sheet computes itself; no pasted text became one.
    assert re.findall(r"<f>[^<]*</f>", sheets) and all(
        re.fullmatch(r"<f>(MIN\()?SUM\([A-Z]+\d+:[A-Z]+\d+\)(,\d+\))?</f>", f) for f in re.findall(r"<f>[^<]*</f>", sheets)
    )


def test_the_indicator_sheet_export_keeps_pasted_text_as_text():
    year = _pasted_year()
    year.indicator_set.indicators[0].explanation = PASTED
    data = indicator_set_to_xlsx(year.indicator_set)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    row = [cell.value for cell in sheet[2]]
    assert "甲乙丙丁戊己" in row
    assert "=100%得满分" in row
