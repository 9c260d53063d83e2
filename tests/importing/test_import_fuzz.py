"""Fuzzing: broken and random documents only ever give a result or a DocxImportError."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from support.import_docs import build_docx, seed_lines
from zjdesk.docx_import import DocxImportError, ImportResult, import_docx_bytes
from zjdesk.domain.paths import get_value

SEED = build_docx(seed_lines())
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _import_or_refuse(data: bytes) -> ImportResult | None:
    try:
        result = import_docx_bytes(data, "fuzz.docx")
    except DocxImportError as error:
        assert str(error)  # a message for the user
        return None
    for path in result.year.review:
        get_value(result.year, path)
    assert result.year.unplaced == result.unplaced
    return result


@FUZZ
@given(st.binary(max_size=4096))
def test_random_bytes(data: bytes) -> None:
    _import_or_refuse(data)


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=20))
def test_seed_docx_with_flipped_bytes(flips: list[tuple[int, int]]) -> None:
    data = bytearray(SEED)
    for position, value in flips:
        data[position] = value
    _import_or_refuse(bytes(data))


@FUZZ
@given(st.integers(0, len(SEED)))
def test_seed_docx_cut_short(length: int) -> None:
    _import_or_refuse(SEED[:length])


_REPORT_WORDS = st.sampled_from(
    [
        "一、",
        "（一）",
        "1.",
        "(2)",
        "1、",
        "一是",
        "目标1：",
        "组长：",
        "成员：",
        "单位基本情况",
        "自评结果",
        "年度总体工作和重点工作任务",
        "部门整体支出情况",
        "评价小组情况",
        "存在问题",
        "改进措施",
        "其他自评情况",
        "预算数收入",
        "决算支出",
        "其中：",
        "基本支出",
        "1557.15万元",
        "100%",
        "。",
        "，",
        "：",
        "；",
        "  ",
        "评价年度：",
        "填报日期：",
        "2025年5月14日",
        "根据《",
        "》",
        "现将",
        "报告如下：",
        "核定编制",
        "17名",
        "退休人员",
        "50人",
        "内设",
        "科负责",
        "中心主要职责是：",
        "自评分数",
        "分，等级优",
        "（",
        "）",
    ]
)
_LINE = st.lists(st.one_of(_REPORT_WORDS, st.text(max_size=12)), max_size=12).map("".join)


@FUZZ
@given(st.lists(_LINE, max_size=40))
def test_random_report_like_documents(lines: list[str]) -> None:
    clean = ["".join(ch for ch in line if ch.isprintable() and ord(ch) < 0xD800) for line in lines]
    _import_or_refuse(build_docx(clean))


@FUZZ
@given(st.lists(_LINE, min_size=1, max_size=30))
def test_seed_with_random_lines_inserted(extra: list[str]) -> None:
    lines = seed_lines()
    clean = ["".join(ch for ch in line if ch.isprintable() and ord(ch) < 0xD800) for line in extra]
    for offset, line in enumerate(clean):
        lines.insert((offset * 7919) % len(lines), line)
    _import_or_refuse(build_docx(lines))


@FUZZ
@given(st.text(max_size=400))
def test_random_document_xml(xml: str) -> None:
    buffer = io.BytesIO()
    source = zipfile.ZipFile(io.BytesIO(SEED))
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = xml.encode("utf-8", "replace") if item.filename == "word/document.xml" else source.read(item.filename)
            target.writestr(item.filename, content)
    _import_or_refuse(buffer.getvalue())


_PLAIN = st.text(alphabet="甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥，", min_size=1, max_size=30).filter(
    lambda text: text.strip("，")
)


@FUZZ
@given(st.lists(_PLAIN, min_size=1, max_size=5), st.sampled_from(["单位基本情况", "二、自评工作开展情况", "部门整体支出情况 "]))
def test_plain_text_where_nothing_takes_it_is_kept(extra: list[str], heading: str) -> None:
    lines = seed_lines()
    # Before 单位基本情况: the cover; before 二、: under the figures; after the figures heading: the same.
    at = lines.index(heading) + (1 if heading == "部门整体支出情况 " else 0)
    lines[at:at] = [line + "。" for line in extra]
    result = _import_or_refuse(build_docx(lines))
    assert result is not None
    assert result.unplaced == [line + "。" for line in extra]
