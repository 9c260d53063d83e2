"""Indicator sheets (.xlsx) get the Word import's safety layer: every hostile sheet is a Chinese message."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from zjdesk.domain.errors import UserError
from zjdesk.domain.model import IndicatorSet
from zjdesk.store.indicator_xlsx import IndicatorSheetError, import_indicator_set

SHEET = "xl/worksheets/sheet1.xml"


def _workbook(rows: list[list[object]]) -> bytes:
    workbook = openpyxl.Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _good_rows() -> list[list[object]]:
    return [["一级指标", "二级指标", "三级指标", "分值"], ["预算执行", "预算执行", "预算完成率", 100]]


def _rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))
    return buffer.getvalue()


def _import(tmp_path: Path, data: bytes) -> IndicatorSet:
    path = tmp_path / "指标表.xlsx"
    path.write_bytes(data)
    return import_indicator_set(path, IndicatorSet())


def test_a_damaged_compressed_stream_is_a_message_not_a_zlib_error(tmp_path: Path) -> None:
    data = bytearray(_workbook(_good_rows() * 50))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 5, start + min(info.compress_size, 60)):
        data[offset] ^= 0x5A
    with pytest.raises(IndicatorSheetError, match="损坏"):
        _import(tmp_path, bytes(data))


def test_malformed_sheet_xml_is_a_message_not_a_parse_error(tmp_path: Path) -> None:
    broken = _rezip(_workbook(_good_rows()), {SHEET: b"<worksheet><sheetData><row r='1'><c r='A1'>"})
    with pytest.raises(IndicatorSheetError, match="损坏"):
        _import(tmp_path, broken)


def test_a_dtd_in_the_sheet_xml_is_refused_before_parsing(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("机密", encoding="utf-8")
    data = _workbook(_good_rows())
    xml = zipfile.ZipFile(io.BytesIO(data)).read(SHEET)
    body = xml[xml.index(b"<worksheet") :]
    poisoned = b'<?xml version="1.0"?>\n<!DOCTYPE worksheet [<!ENTITY x SYSTEM "' + secret.as_uri().encode() + b'">]>\n' + body
    with pytest.raises(IndicatorSheetError, match="DTD"):
        _import(tmp_path, _rezip(data, {SHEET: poisoned}))


def test_a_zip_bomb_part_is_refused(tmp_path: Path) -> None:
    data = _workbook(_good_rows())
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item.filename, source.read(item.filename))
        target.writestr("xl/media/image1.png", b"\0" * (8 * 1024 * 1024))
    with pytest.raises(IndicatorSheetError, match="压缩"):
        _import(tmp_path, buffer.getvalue())


MEASURE = """
import sys
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import IndicatorSet
from zjdesk.store.indicator_xlsx import IndicatorSheetError, import_indicator_set
try:
    import_indicator_set(sys.argv[1], IndicatorSet())
    outcome = "imported"
except IndicatorSheetError as error:
    outcome = str(error)
# VmHWM: this process's peak memory (ru_maxrss would carry the parent's peak across exec)
peak = next(line for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(int(peak.split()[1]) // 1024)
print(outcome)
"""


def _import_in_a_process(path: Path) -> tuple[int, str]:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")}
    run = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], capture_output=True, text=True, env=env, timeout=300, check=True
    )
    megabytes, outcome = run.stdout.splitlines()[:2]
    return int(megabytes), outcome


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="measures peak memory in /proc (Linux)")
def test_one_cell_on_the_last_row_is_refused_without_building_a_million_rows(tmp_path: Path) -> None:
    workbook = openpyxl.Workbook()
    for row in _good_rows():
        workbook.active.append(row)
    workbook.active.cell(row=1_048_576, column=1, value="x")
    path = tmp_path / "最后一行.xlsx"
    workbook.save(path)
    assert path.stat().st_size < 20_000
    megabytes, outcome = _import_in_a_process(path)
    assert "1048576 行" in outcome
    assert megabytes < 300, f"{megabytes} MB for a {path.stat().st_size} byte sheet"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="measures peak memory in /proc (Linux)")
@pytest.mark.parametrize(("rows", "message"), [(30_000, "超过可导入的 10000 行"), (250_000, "过大")])
def test_a_sheet_of_a_million_cells_is_refused_in_bounded_memory(tmp_path: Path, rows: int, message: str) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(["一级指标", "二级指标", "三级指标", "分值"])
    for number in range(rows):
        sheet.append(["预算执行", "预算执行", f"指标{number}", number % 9 + 1])
    path = tmp_path / "很大的表.xlsx"
    workbook.save(path)
    megabytes, outcome = _import_in_a_process(path)
    assert message in outcome
    assert megabytes < 300, f"{megabytes} MB for a {path.stat().st_size // 1024} KB sheet"


@pytest.mark.parametrize(
    ("rule", "weight", "message"),
    [
        ("[" * 30_000 + "]" * 30_000, 5, "计分规则"),
        ('{"kind": "bands", "threshold": ' + "9" * 5000 + "}", 5, "计分规则"),
        (json.dumps({"kind": "linear", "threshold": "1e-999999"}), 5, "计分规则"),
        ("", 30_000_000, "过大"),
    ],
    ids=["nested rule", "huge integer in the rule", "rule number beyond the limits", "weight of thirty million"],
)
def test_hostile_cells_are_explained_row_by_row(tmp_path: Path, rule: str, weight: int, message: str) -> None:
    rows = [["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "计分规则"]]
    rows.append(["预算执行", "预算执行", "预算完成率", weight, "", "", rule])
    with pytest.raises(UserError, match=message) as refused:
        _import(tmp_path, _workbook(rows))
    assert "第2行（预算完成率）" in str(refused.value)
