"""The goal table in the year JSON: format 2 with rows, format 1 still read, dotted paths into the rows."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.model import Goal
from zjdesk.domain.paths import get_value, set_value
from zjdesk.domain.serialize import FORMAT_VERSION, FormatError, dumps, loads


def _format_1(year_text: str) -> str:
    """The JSON an older zjdesk wrote: format 1, each goal a line of text."""
    document = json.loads(year_text)
    document["format_version"] = 1
    document["year"]["goals"] = [goal["text"] for goal in document["year"]["goals"]]
    return json.dumps(document, ensure_ascii=False)


def test_example_year_round_trips_exactly_with_its_rows():
    text = dumps(example_year())
    assert json.loads(text)["format_version"] == FORMAT_VERSION == 2
    assert dumps(loads(text)) == text
    row = json.loads(text)["year"]["goals"][0]["indicators"][1]
    assert row == {
        "level1": "产出指标",
        "level2": "质量指标",
        "level3": "物业出租率",
        "nature": "≥",
        "target": "95",
        "unit": "%",
        "actual": "92",
        "weight": "10",
        "deviation": row["deviation"],
    }


def test_format_1_goals_become_goals_without_rows():
    year = demo_year()
    year.review = ["goals.2", "tasks.0.title"]
    document = json.loads(_format_1(dumps(year)))
    document["year"]["acknowledgements"] = [{"check": "stray_space", "path": "goals.1", "value": "ab"}]
    loaded = loads(json.dumps(document, ensure_ascii=False))
    assert loaded.goals == [Goal(goal.text) for goal in demo_year().goals]
    assert loaded.review == ["goals.2.text", "tasks.0.title"]
    assert loaded.acknowledgements[0].path == "goals.1.text"
    assert json.loads(dumps(loaded))["format_version"] == 2


def test_format_1_goal_that_is_not_text_is_refused_naming_it():
    document = json.loads(_format_1(dumps(demo_year())))
    document["year"]["goals"][1] = 7
    with pytest.raises(FormatError, match=r"goals\.1"):
        loads(json.dumps(document))


@pytest.mark.parametrize("version", [3, 0, "2", True])
def test_other_format_versions_are_refused(version):
    document = json.loads(dumps(demo_year()))
    document["format_version"] = version
    with pytest.raises(FormatError) as raised:
        loads(json.dumps(document))
    if version == 3:
        assert "更新版本的 zjdesk" in str(raised.value)


def test_a_bad_row_value_is_named_by_its_path():
    document = json.loads(dumps(example_year()))
    document["year"]["goals"][0]["indicators"][2]["weight"] = 5.5
    with pytest.raises(FormatError, match=r"goals\.0\.indicators\.2\.weight"):
        loads(json.dumps(document, ensure_ascii=False))


def test_dotted_paths_reach_into_the_rows():
    year = example_year()
    assert get_value(year, "goals.0.indicators.1.actual") == "92"
    assert get_value(year, "goals.0.text").startswith("做好物业管理")
    set_value(year, "goals.0.indicators.1.actual", "96")
    set_value(year, "goals.0.indicators.1.weight", Decimal(12))
    assert year.goals[0].indicators[1].actual == "96" and year.goals[0].indicators[1].weight == Decimal(12)
