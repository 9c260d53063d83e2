"""A carried-forward year: 全部确认 asks first, and the 待复核 marks are one line per step in the findings."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from support.import_docs import numbered_seed_lines, write_docx
from support.ui import DialogRecorder, make_program
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import read_year, write_new_year_file
from zjdesk.ui.findings_panel import ReviewGroup


def carried_window(qtbot, tmp_path, monkeypatch):
    recorder = DialogRecorder(monkeypatch)
    last = tmp_path / "2024.zjd"
    write_new_year_file(last, demo_year())
    recorder.answers["ask_open_year_file"] = str(last)
    recorder.answers["ask_new_year_details"] = ("湛江市人民政府驻广州办事处", 2025, str(tmp_path / "2025.zjd"))
    window = make_program(tmp_path).carry_forward_file()
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.live_score.checked)
    return window, recorder


def test_confirm_all_asks_before_clearing_the_marks(qtbot, tmp_path, monkeypatch):
    window, recorder = carried_window(qtbot, tmp_path, monkeypatch)
    window.go_to("tasks")
    page = window.page("tasks")
    pending = [path for path in window.open_year.year.review if path.startswith("tasks")]
    assert pending and page.review_banner.isVisibleTo(page)
    button = page.findChild(QPushButton, "reviewConfirmAll")
    recorder.answers["confirm_all"] = False
    button.click()
    question, items, remaining = recorder.confirmations[-1]
    assert f"{len(pending)} 项" in question and len(items) == len(pending)
    assert items[0] == "• 任务标题：“主动作为，做好新形势下的信访维稳工作”"  # each field it would confirm, by its label and text
    # the year it cannot decide (2024年度职工乒乓球比赛) stays, and the list says so
    assert remaining and "仍写着2024年" in remaining[0]
    assert [path for path in window.open_year.year.review if path.startswith("tasks")] == pending
    recorder.answers["confirm_all"] = True
    button.click()
    assert not any(path.startswith("tasks") for path in window.open_year.year.review)
    assert not page.review_banner.isVisibleTo(page)
    assert any(path.startswith("profile") for path in window.open_year.year.review)  # other pages keep theirs
    # …and so does its finding, to be fixed or acknowledged on its own
    assert any(item.check == "text_year" and item.path.startswith("tasks") for item in window.live_score.findings)
    path = window.open_year.path
    window.close()
    assert not any(path.startswith("tasks") for path in read_year(path).review)


def test_confirm_all_lists_carried_numbers_and_the_years_to_move(qtbot, tmp_path, monkeypatch):
    window, recorder = carried_window(qtbot, tmp_path, monkeypatch)
    window.go_to("profile")
    page = window.page("profile")
    page.review_banner.button.click()
    _question, items, remaining = recorder.confirmations[-1]
    assert "• 核定编制：17名" in items and "• 在职人数：15人" in items and "• 离退休人员合计：50人" in items
    assert "• 人员类别1：“公务员”" in items and "• 人员类别2的编制数：9名" in items
    assert any("“2024年年底”仍写着2024年" in line for line in remaining)
    assert not any("通知" in line for line in remaining)  # the notice's year is step 1's, not this page's
    # confirmed: the numbers are no longer under review, the year still has its finding (and its fix)
    year = window.open_year.year
    assert not any(path.startswith("profile.") for path in year.review)
    stale = next(item for item in window.live_score.findings if item.path == "profile.staff_as_of")
    assert stale.check == "stale_year" and stale.fix is not None
    window.live_score.apply_fix(stale)
    assert year.profile.staff_as_of == "2025年年底"
    window.close()


def test_review_marks_are_one_line_per_step(qtbot, tmp_path, monkeypatch):
    window, _ = carried_window(qtbot, tmp_path, monkeypatch)
    panel = window.findings_panel
    groups = [item for item in panel.shown if isinstance(item, ReviewGroup)]
    reviews = [item for item in window.live_score.findings if item.check == "review_pending"]
    assert len(groups) >= 2 and sum(group.count for group in groups) <= len(reviews)
    assert len({group.step for group in groups}) == len(groups)
    assert f"待复核 {len(reviews)}" in panel.summary_text().replace("\u00a0", " ")
    # Clicking a group goes to the first field to review on its step.
    group = next(group for group in groups if group.step == 2)
    row = panel.row_of(group)
    panel.list.setCurrentRow(row)
    assert not panel.ack_button.isEnabled() and not panel.fix_button.isEnabled()
    panel.list.itemClicked.emit(panel.list.item(row))
    assert window.current_step() == 2
    window.close()


def test_confirm_all_on_the_cover_of_an_imported_report_lists_its_date(qtbot, tmp_path, monkeypatch):
    # An imported report's 填报日期 awaits review: 全部确认 on step 1 (and on step 6, 材料报送日期) raised
    # TypeError (a date is not a number) instead of asking.
    recorder = DialogRecorder(monkeypatch)
    source = write_docx(tmp_path / "2024年自评报告.docx", numbered_seed_lines())
    recorder.answers["ask_open_document"] = str(source)
    recorder.answers["ask_new_year_details"] = lambda *_a, **kw: (kw["unit_name"], kw["year"], str(tmp_path / "导入.zjd"))
    program = make_program(tmp_path)
    program.import_report()
    window = program.windows[0]
    qtbot.addWidget(window)
    assert "cover.fill_date" in window.open_year.year.review
    dates = (
        ("cover", "cover.fill_date", "• 填报日期：2025年5月14日"),
        ("team", "process.submission_date", "• 材料报送日期：2025年5月14日"),
    )
    for step, path, line in dates:
        window.go_to(step)
        window.page(step).review_banner.button.click()
        _question, items, _remaining = recorder.confirmations[-1]
        assert line in items
        assert path not in window.open_year.year.review
    assert recorder.crashes == [] and recorder.errors == []
    window.close()
