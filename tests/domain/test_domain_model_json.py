"""The JSON form of a year: exact round trips, clear refusals, dotted paths."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from zjdesk.demo import demo_year
from zjdesk.domain.model import Goal, GoalIndicator, Task, TaskPoint, YearData
from zjdesk.domain.paths import PathError, get_value, iter_text_fields, set_value
from zjdesk.domain.serialize import FormatError, dumps, loads


def test_demo_round_trip_is_exact() -> None:
    text = dumps(demo_year())
    assert dumps(loads(text)) == text


def test_amounts_are_exact_decimal_strings() -> None:
    document = json.loads(dumps(demo_year()))
    assert document["year"]["figures"]["final_expenditure"]["basic"] == "655.69"
    assert demo_year().figures.prior_final_expenditure.total == Decimal("1564.10")


def test_empty_year_round_trips() -> None:
    text = dumps(YearData())
    assert dumps(loads(text)) == text


def test_missing_fields_take_their_defaults() -> None:
    document = json.loads(dumps(YearData()))
    del document["year"]["figures"]
    assert loads(json.dumps(document)).figures.budget.total is None


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d.update(format="other"), "zjdesk-year"),
        (lambda d: d.update(format_version=99), "升级"),
        (lambda d: d["year"]["figures"]["budget"].update(total=1557.15), "figures.budget.total"),
        (lambda d: d["year"]["figures"]["budget"].update(total="abc"), "figures.budget.total"),
        (lambda d: d["year"]["cover"].update(fill_date="2025/5/14"), "cover.fill_date"),
        (lambda d: d["year"]["cover"].update(evaluation_year="2024"), "cover.evaluation_year"),
        (lambda d: d["year"].update(tasks={}), "tasks"),
        (lambda d: d["year"]["cover"].update(colour="red"), "colour"),
    ],
)
def test_bad_documents_are_refused_naming_the_field(mutate, expected: str) -> None:
    document = json.loads(dumps(demo_year()))
    mutate(document)
    with pytest.raises(FormatError) as raised:
        loads(json.dumps(document, ensure_ascii=False))
    assert expected in str(raised.value)


def test_broken_json_says_where() -> None:
    with pytest.raises(FormatError, match="第 1 行"):
        loads("{not json")


def test_paths_get_and_set() -> None:
    year = demo_year()
    assert get_value(year, "cover.unit_name") == "湛江市人民政府驻广州办事处"
    assert get_value(year, "tasks.0.points.1.title") == "加强新形势下的信访调研"
    assert get_value(year, "figures.final_expenditure.basic") == Decimal("655.69")
    set_value(year, "goals.2.text", "新目标")
    set_value(year, "cover.fill_date", date(2025, 6, 1))
    assert year.goals[2].text == "新目标"
    assert year.cover.fill_date == date(2025, 6, 1)
    for bad in ("cover.nothing", "tasks.99.title", "goals.x", "nothing"):
        with pytest.raises(PathError):
            get_value(year, bad)


def test_text_fields_are_listed_with_their_paths() -> None:
    year = YearData(
        tasks=[Task("任务", points=[TaskPoint("要点", "内容")])], goals=[Goal("目标", [GoalIndicator(level3="物业出租率")])]
    )
    texts = dict(iter_text_fields(year))
    assert texts["tasks.0.points.0.text"] == "内容"
    assert texts["goals.0.text"] == "目标"
    assert texts["goals.0.indicators.0.level3"] == "物业出租率"


def test_every_seed_section_is_in_the_demo() -> None:
    year = demo_year()
    assert year.cover.notice_number == "湛财绩[2025]2号"
    assert len(year.tasks) == 8 and len(year.goals) == 4
    assert year.team.leaders == ["周泽宗"] and len(year.team.members) == 9
    assert [group.count for group in year.profile.retirees] == [23, 10, 16, 1]
    assert year.evaluation.budgeting and year.evaluation.execution and year.evaluation.supervision
    assert year.practices and year.problems and len(year.improvements) == 2
