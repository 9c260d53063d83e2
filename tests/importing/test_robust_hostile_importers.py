"""Every way a value comes in, fed hostile values: each ends in a Chinese refusal or a year that reads back.

The entry points are the JSON of ``zjdesk load``, last year's Word report, the indicator sheet, the
goal sheet and the parsers behind the number fields. Whatever they accept must lie within the shared limits, be
storable in a year file and score, check and render without raising.
"""

from __future__ import annotations

import io
import json
from decimal import Decimal
from typing import Any

import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from support.import_docs import build_docx, numbered_seed_lines
from zjdesk.demo import demo_year
from zjdesk.docx_import import import_docx_bytes
from zjdesk.domain.amounts import parse_amount, parse_count, parse_decimal
from zjdesk.domain.checks import run_checks
from zjdesk.domain.errors import UserError
from zjdesk.domain.limits import AMOUNT, COUNT, DECIMAL, YEAR, check_number, number_problems
from zjdesk.domain.model import IndicatorSet, YearData
from zjdesk.domain.scoring import score_year
from zjdesk.domain.serialize import dumps, loads
from zjdesk.store.goal_xlsx import import_goal_sheet
from zjdesk.store.indicator_xlsx import import_indicator_set
from zjdesk.store.yearfile import check_readable_back

HOSTILE_TEXT = st.sampled_from(
    [
        "1e-999999",
        "1E+999999",
        "9" * 5000,
        "99999999999999999999",
        "-0",
        "NaN",
        "Infinity",
        "-Infinity",
        "sNaN",
        "１２,３４.５万",
        "12,34.5万",
        "12.345",
        "1,2,3",
        "0x10",
        "1_000",
        " ",
        "",
        "²",
        "①",
        "٣",
        "\ud800",
        "湛江\udcff",
        "1e20",
        "-5",
        "0.00001",
        "999999999999.99",
        "1000000000000",
        "30000000",
        "2024",
        "20244",
        "17人",
        "１７",
    ]
) | st.text(alphabet=st.sampled_from(list("0123456789.,-+eE万元%分人 ０１９．，\ud800")), max_size=12)
HOSTILE_JSON = (
    HOSTILE_TEXT
    | st.integers(min_value=-(10**60), max_value=10**60)
    | st.sampled_from([10**4000, -(10**4000), 1e308, -1e-308, True, None, [], {}, [[[[]]]], {"a": 1}])
    | st.floats(allow_nan=True, allow_infinity=True)
)
STORABLE_TEXT = HOSTILE_TEXT.filter(lambda text: "\ud800" not in text and "\udcff" not in text)  # what a .docx/.xlsx can hold
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)


def _accepted_year_holds(year: YearData) -> None:
    """What an importer accepted is a year zjdesk can store, read back, score and check."""
    assert number_problems(year) == []
    check_readable_back(year)
    score = score_year(year)
    run_checks(year, score)


def _number_paths(value: Any, path: str = "") -> list[str]:
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in _number_paths(item, f"{path}.{key}" if path else key)]
    if isinstance(value, list):
        return [found for index, item in enumerate(value) for found in _number_paths(item, f"{path}.{index}")]
    is_number = (
        isinstance(value, (int, str)) and not isinstance(value, bool) and str(value).replace(".", "", 1).lstrip("-").isdigit()
    )
    return [path] if is_number else []


DEMO_DOCUMENT = json.loads(dumps(demo_year()))
DEMO_PATHS = [*_number_paths(DEMO_DOCUMENT["year"]), "cover.unit_name", "goals.0", "profile.staff.0.name"]


@SETTINGS
@given(st.sampled_from(DEMO_PATHS), HOSTILE_JSON)
def test_load_refuses_or_accepts_only_what_reads_back(path: str, value: Any) -> None:
    document = json.loads(json.dumps(DEMO_DOCUMENT))
    target = document["year"]
    *parents, last = path.split(".")
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    target[int(last) if isinstance(target, list) else last] = value
    try:
        text = json.dumps(document, ensure_ascii=False)
    except ValueError:  # an int of thousands of digits cannot even be written as JSON text by Python
        return
    try:
        year = loads(text)
    except UserError:
        return
    _accepted_year_holds(year)


SEED = numbered_seed_lines()
_FIGURES = next(index for index, line in enumerate(SEED) if "部门整体支出情况" in line)
_PROFILE = next(index for index, line in enumerate(SEED) if "核定编制17名" in line)
CLAUSES = [
    "支付进度率{}%。",
    "收入支出完成率{}%。",
    "{}年预算数收入{}万元。",
    "年初预算数{}万元，预算调整数{}万元。",
    "决算支出{}元，其中：基本支出{}万元。",
    '"三公"经费预算{}万元，实际支出{}万元。',
]


# Numbers as a report may print them: far too many digits, too many decimals, a trillion 万元.
REPORT_NUMBERS = (
    st.sampled_from(["99999999999999999999", "1" * 5000, "1000000", "999999.99999", "1000000000000", "0.001"])
    | st.integers(min_value=0, max_value=10**30).map(str)
    | st.decimals(min_value=0, max_value=Decimal(10) ** 16, places=6, allow_nan=False).map(lambda value: f"{value:f}")
    | STORABLE_TEXT
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.sampled_from(CLAUSES), REPORT_NUMBERS, REPORT_NUMBERS, REPORT_NUMBERS)
@example("支付进度率{}%。", "99999999999999999999", "", "1" * 5000)
@example("收入支出完成率{}%。", "99999999999999999999", "", "17")
def test_a_report_with_hostile_figures_and_counts_imports_only_what_reads_back(
    clause: str, first: str, second: str, count: str
) -> None:
    lines = list(SEED)
    lines.insert(_FIGURES + 1, clause.format(first, second))
    lines[_PROFILE] = lines[_PROFILE].replace("核定编制17名", f"核定编制{count}名")
    try:
        result = import_docx_bytes(build_docx(lines))
    except UserError:
        return
    _accepted_year_holds(result.year)


def _sheet(weight: Any, rule: str, total: Any) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "指标体系"
    sheet.append(["一级指标", "二级指标", "三级指标", "分值", "指标解释", "评分标准", "计分规则"])
    sheet.append(["预算执行", "预算执行", "预算完成率", weight, "", "", rule])
    sheet.append(["预算编制", "目标设定", "绩效目标合理性", 5, "", "", ""])
    info = workbook.create_sheet("说明")
    info.append(["总分", total])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


RULES = st.sampled_from(["", "[" * 3000, '{"kind": "bands"', '{"kind": "linear", "threshold": "1e-999999"}']) | st.builds(
    lambda value: json.dumps({"kind": "linear", "metric": "budget_execution_rate", "threshold": value, "per_point": value}),
    HOSTILE_TEXT,
)
CELLS = (
    HOSTILE_TEXT.filter(lambda text: "\ud800" not in text and "\udcff" not in text)
    | st.integers(-(10**30), 10**30)
    | st.floats(allow_nan=False, allow_infinity=False)
)


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(CELLS, RULES, CELLS)
def test_an_indicator_sheet_with_hostile_cells_imports_only_what_reads_back(
    tmp_path_factory, weight: Any, rule: str, total: Any
) -> None:
    path = tmp_path_factory.mktemp("sheet") / "指标表.xlsx"
    try:
        path.write_bytes(_sheet(weight, rule, total))
    except (ValueError, TypeError):  # openpyxl itself will not write the cell
        return
    year = demo_year()
    try:
        year.indicator_set = import_indicator_set(path, IndicatorSet())
    except UserError:
        return
    _accepted_year_holds(year)


def _goal_sheet(target: Any, actual: Any, weight: Any) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["绩效目标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "实际完成值", "分值"])
    goal = demo_year().goals[0].text
    sheet.append([goal, "产出指标", "数量指标", "接待人次", "≥", target, "人次", actual, weight])
    sheet.append([goal, "效益指标", "社会效益指标", "群众满意度", "≥", 90, "%", 95, 10])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(CELLS, CELLS, CELLS)
def test_a_goal_sheet_with_hostile_cells_imports_only_what_reads_back(
    tmp_path_factory, target: Any, actual: Any, weight: Any
) -> None:
    path = tmp_path_factory.mktemp("goals") / "绩效指标表.xlsx"
    try:
        path.write_bytes(_goal_sheet(target, actual, weight))
    except (ValueError, TypeError):  # openpyxl itself will not write the cell
        return
    year = demo_year()
    try:
        import_goal_sheet(path, year)
    except UserError:
        return
    _accepted_year_holds(year)


@SETTINGS
@given(HOSTILE_TEXT)
def test_the_number_fields_parsers_refuse_or_return_values_within_the_limits(text: str) -> None:
    for parse, kind in (
        (parse_amount, AMOUNT),
        (lambda typed: parse_count(typed, COUNT), COUNT),
        (lambda typed: parse_count(typed, YEAR), YEAR),
        (lambda typed: parse_decimal(typed, "分"), DECIMAL),
    ):
        try:
            value = parse(text)
        except ValueError as error:  # NumberError: a ValueError and a UserError with a Chinese message
            assert isinstance(error, UserError) and any("\u4e00" <= char <= "\u9fff" for char in str(error))
            continue
        if value is not None:
            assert check_number(value, kind) == value
            assert not isinstance(value, Decimal) or value.is_finite()
