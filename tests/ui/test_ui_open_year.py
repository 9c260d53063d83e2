"""The open year: edits, 待复核 marks and acknowledgements that follow their list items."""

from __future__ import annotations

from zjdesk.domain.model import Acknowledgement, Goal, YearData
from zjdesk.store.yearfile import YearFile, read_year
from zjdesk.ui.open_year import OpenYear


def make_document(tmp_path) -> OpenYear:
    year = YearData()
    year.goals = [Goal("目标甲"), Goal("目标乙"), Goal("目标丙")]
    year.review = ["goals.0.text", "goals.2.text", "cover.notice_title"]
    year.acknowledgements = [Acknowledgement(check="stray_space", path="goals.2.text", value="x")]
    return OpenYear(YearFile.create(tmp_path / "年度.zjd", year))


def _texts(goals: list[Goal]) -> list[str]:
    return [goal.text for goal in goals]


def test_moving_and_removing_items_keep_marks_on_their_items(qtbot, tmp_path):
    open_year = make_document(tmp_path)
    open_year.move_item("goals", 2, 0)  # 目标丙 first
    assert _texts(open_year.year.goals) == ["目标丙", "目标甲", "目标乙"]
    assert sorted(open_year.year.review) == ["cover.notice_title", "goals.0.text", "goals.1.text"]
    assert open_year.year.acknowledgements[0].path == "goals.0.text"
    open_year.remove_item("goals", 1)  # 目标甲 and its mark go
    assert _texts(open_year.year.goals) == ["目标丙", "目标乙"]
    assert sorted(open_year.year.review) == ["cover.notice_title", "goals.0.text"]
    open_year.insert_item("goals", 0, Goal("新目标"))
    assert sorted(open_year.year.review) == ["cover.notice_title", "goals.1.text"]
    assert open_year.year.acknowledgements[0].path == "goals.1.text"
    open_year.close()
    saved = read_year(tmp_path / "年度.zjd")
    assert _texts(saved.goals) == ["新目标", "目标丙", "目标乙"]
    assert sorted(saved.review) == ["cover.notice_title", "goals.1.text"]


def test_editing_confirms_and_saves_once_for_many_keystrokes(qtbot, tmp_path, monkeypatch):
    open_year = make_document(tmp_path)
    saves = []
    original = open_year.year_file.save
    monkeypatch.setattr(open_year.year_file, "save", lambda year: saves.append(1) or original(year))
    changed = []
    open_year.changed.connect(changed.append)
    for text in ("湛", "湛江", "湛江市"):
        open_year.set_value("cover.notice_title", text)
    assert "cover.notice_title" not in open_year.year.review
    assert changed == ["cover.notice_title"] * 3
    assert saves == []  # pending: one commit for the burst
    qtbot.waitUntil(lambda: saves == [1], timeout=2000)
    open_year.set_value("cover.notice_title", "湛江市")  # unchanged value: nothing to do
    assert len(changed) == 3
    open_year.confirm_review("goals.0.text")
    assert open_year.year.review == ["goals.2.text"]
    open_year.close()
    assert read_year(tmp_path / "年度.zjd").cover.notice_title == "湛江市"
