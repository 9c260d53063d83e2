"""Schema 1 → 2: the goals of an old year file become goals with indicator rows; newer files are refused."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from zjdesk.domain import serialize
from zjdesk.domain.model import Goal
from zjdesk.store import yearfile
from zjdesk.store.identity import FORMAT_VERSION_KEY
from zjdesk.store.yearfile import NewerSchemaError, YearFile, read_year

DATA = Path(__file__).parents[1] / "data"
V1_GOALS = [
    "做好经广州中转的市政考察团、拜访团、慰问团及市领导在珠三角活动等政务服务工作；",
    "做好借道广州进京和到省集体劝返的信访维稳工作；",
    "大力宣传推介湛江，开展招商引资；",
    "做好国有资产出租管理及维护工作。",
]


def _v1_copy(folder: Path, *, review: list[str] | None = None, acknowledged: str | None = None) -> Path:
    target = folder / "old.zjd"
    shutil.copyfile(DATA / "year-schema-v1.zjd", target)
    connection = sqlite3.connect(target)
    with connection:
        if review is not None:
            connection.execute("UPDATE year_part SET data = ? WHERE name = 'review'", (json.dumps(review),))
        if acknowledged is not None:
            ack = [{"check": "stray_space", "path": acknowledged, "value": "abc"}]
            connection.execute("UPDATE year_part SET data = ? WHERE name = 'acknowledgements'", (json.dumps(ack),))
    connection.close()
    return target


def _meta(path: Path) -> dict[str, str]:
    connection = sqlite3.connect(path)
    try:
        return dict(connection.execute("SELECT key, value FROM meta").fetchall())
    finally:
        connection.close()


def _user_version(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()


def test_schema_1_goals_become_goals_without_rows(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path, review=["goals.1", "tasks.0.title", "goals"], acknowledged="goals.2")
    with YearFile.open(path) as year_file:
        assert year_file.migrated_from == 1
        backup = year_file.backup
        year = year_file.load()
    assert year.goals == [Goal(text) for text in V1_GOALS]
    assert year.review == ["goals.1.text", "tasks.0.title", "goals"]
    assert [item.path for item in year.acknowledgements] == ["goals.2.text"]
    assert _user_version(path) == 2
    meta = _meta(path)
    assert meta[FORMAT_VERSION_KEY] == str(serialize.FORMAT_VERSION) and meta["schema_version"] == "2"
    # the backup is the old file exactly: schema 1, goals as text
    assert backup is not None and _user_version(backup) == 1
    connection = sqlite3.connect(backup)
    stored = json.loads(connection.execute("SELECT data FROM year_part WHERE name = 'goals'").fetchone()[0])
    connection.close()
    assert stored == V1_GOALS


def test_reading_a_schema_1_file_migrates_a_copy_only(tmp_path: Path) -> None:
    path = _v1_copy(tmp_path, review=["goals.0"])
    before = path.read_bytes()
    year = read_year(path)
    assert year.goals[0].text == V1_GOALS[0] and year.review == ["goals.0.text"]
    assert path.read_bytes() == before
    assert [item.name for item in tmp_path.iterdir()] == [path.name]


def test_a_migrated_file_saves_and_reopens_with_rows(tmp_path: Path) -> None:
    from zjdesk.domain.model import GoalIndicator

    path = _v1_copy(tmp_path)
    with YearFile.open(path) as year_file:
        year = year_file.load()
        year.goals[3].indicators.append(GoalIndicator(level1="产出指标", level3="物业出租率", target="95", unit="%"))
        year_file.save(year)
    assert read_year(path).goals[3].indicators[0].level3 == "物业出租率"


def test_an_older_zjdesk_refuses_the_new_file_as_made_by_a_newer_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "new.zjd"
    shutil.copyfile(DATA / "year-schema-v2.zjd", path)
    before = path.read_bytes()
    # zjdesk before the goal table: schema 1, JSON format 1
    monkeypatch.setattr(yearfile, "SCHEMA_VERSION", 1)
    monkeypatch.setattr(yearfile, "FORMAT_VERSION", 1)
    with pytest.raises(NewerSchemaError, match="更新版本的 zjdesk"):
        YearFile.open(path)
    with pytest.raises(NewerSchemaError, match="更新版本的 zjdesk"):
        read_year(path)
    assert path.read_bytes() == before
    assert not (tmp_path / "new.zjd.lock").exists()


def test_parts_of_a_newer_json_format_are_refused_even_at_the_same_schema(tmp_path: Path) -> None:
    path = tmp_path / "newer-format.zjd"
    shutil.copyfile(DATA / "year-schema-v2.zjd", path)
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = ?", (FORMAT_VERSION_KEY,))
    connection.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchemaError, match="数据格式第 99 版"):
        YearFile.open(path)
    assert path.read_bytes() == before


def test_the_schema_2_sample_holds_goal_rows() -> None:
    year = read_year(DATA / "year-schema-v2.zjd")
    rows = year.goals[3].indicators
    assert [row.level3 for row in rows] == ["物业出租率", "信访秩序平稳"]
    assert year.review == ["goals.3.indicators.1"]
