"""The window on small and large screens, and the long 年度工作任务 page folded to its task titles."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from support.ui import DialogRecorder, field, make_program
from zjdesk.demo import demo_year
from zjdesk.domain.steps import STEPS
from zjdesk.store.yearfile import write_new_year_file


def test_window_fits_the_screen(demo_window):
    available = demo_window.screen().availableGeometry()
    # (the test screen may be smaller than the window's minimum size)
    assert demo_window.width() <= max(available.width(), demo_window.minimumWidth())
    assert demo_window.height() <= max(available.height(), demo_window.minimumHeight())
    # 1366×768 at 125% leaves about 1093×554 for the window's inside.
    assert demo_window.minimumWidth() <= 1093 and demo_window.minimumHeight() <= 554


@pytest.mark.parametrize("size", [(1093, 554), (1280, 650)])
def test_every_page_fits_a_small_window(demo_window, size):
    demo_window.resize(*size)
    for index in range(len(STEPS)):
        demo_window.go_to(index)
        QApplication.processEvents()
        page = demo_window.page(index)
        body = page.widget()
        # Pages never scroll sideways: their content must fit the column's width.
        assert body.minimumSizeHint().width() <= page.viewport().width(), STEPS[index].title
        assert body.width() <= page.viewport().width()
    for button in demo_window.page("export").findChildren(QPushButton):
        if button.objectName().startswith("export."):
            assert button.geometry().right() <= button.parentWidget().width(), button.text()


def test_side_panels_grow_on_a_large_screen(demo_window):
    demo_window.resize(1093, 554)
    QApplication.processEvents()
    small = demo_window.side.width()
    page_small = demo_window.page("cover").viewport().width()
    demo_window.resize(1920, 1010)
    QApplication.processEvents()
    assert demo_window.side.width() > small
    # The page column stops growing and sits centred instead of running lines across the screen.
    body = demo_window.page("cover").widget()
    assert body.width() <= 1180 and demo_window.page("cover").viewport().width() > page_small


def test_many_tasks_open_folded_to_their_titles(demo_window, qtbot):
    demo_window.go_to("tasks")
    page = demo_window.page("tasks")
    tasks = demo_window.open_year.year.tasks
    assert len(tasks) >= 4
    assert field(demo_window, "tasks.0.title").isVisibleTo(page)
    assert not field(demo_window, "tasks.3.title").isVisibleTo(page)
    summaries = [label.text() for label in page.findChildren(QLabel, "foldSummary")]
    assert tasks[3].title in summaries
    # Clicking a folded task's title opens it.
    summary = next(label for label in page.findChildren(QLabel, "foldSummary") if label.text() == tasks[2].title)
    qtbot.mouseClick(summary, Qt.MouseButton.LeftButton)
    assert field(demo_window, "tasks.2.title").isVisibleTo(page)
    # A finding on a folded task opens it.
    widget = page.reveal("tasks.1.points.0.text")
    assert widget is not None and widget.isVisibleTo(page)
    page.findChild(QPushButton, "tasks.foldAll").click()
    QApplication.processEvents()  # rebuilt rows are shown by Qt a moment after they are laid out
    assert not any(field(demo_window, f"tasks.{index}.title").isVisibleTo(page) for index in range(len(tasks)))
    page.findChild(QPushButton, "tasks.unfoldAll").click()
    QApplication.processEvents()
    assert all(field(demo_window, f"tasks.{index}.title").isVisibleTo(page) for index in range(len(tasks)))
    page.findChild(QPushButton, "tasks.foldAll").click()
    page.findChild(QPushButton, "add:tasks").click()
    QApplication.processEvents()
    new = len(demo_window.open_year.year.tasks) - 1
    assert field(demo_window, f"tasks.{new}.title").isVisibleTo(page)  # a new task opens for typing


def test_first_window_checks_after_its_first_paint(qtbot, tmp_path, monkeypatch):
    DialogRecorder(monkeypatch)
    path = tmp_path / "演示.zjd"
    write_new_year_file(path, demo_year())
    program = make_program(tmp_path)
    program.fast_start = True
    window = program.open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    painted_when_checked = []
    window.live_score.updated.connect(lambda: painted_when_checked.append(window._painted) if window.live_score.checked else None)
    # The score is there at once; the checks wait until the window has been drawn.
    assert window.score_panel.total.text() == "100"
    assert not window.live_score.checked and window.findings_panel.summary_text().replace("\u00a0", " ") == "正在检查……"
    qtbot.waitUntil(lambda: window.live_score.checked, timeout=3000)
    assert painted_when_checked[0] is True  # the window had been drawn before the checks ran
    assert window.findings_panel.list.count() > 0
    window.close()


def test_an_export_asked_before_the_first_check_still_lists_the_open_findings(qtbot, tmp_path, monkeypatch):
    # The checks wait for the first paint; an export asked for sooner (a shortcut, a slow machine)
    # runs them first instead of taking "no findings yet" for "nothing open".
    recorder = DialogRecorder(monkeypatch)
    recorder.answers["findings"] = None  # the officer cancels at the list
    path = tmp_path / "演示.zjd"
    write_new_year_file(path, demo_year())
    program = make_program(tmp_path)
    program.fast_start = True
    window = program.open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    assert not window.live_score.checked
    recorder.answers["ask_folder"] = str(tmp_path)
    assert window.exports.export_all() == []
    assert window.live_score.checked
    assert len(recorder.findings_shown) == 1 and recorder.findings_shown[0]
    assert not [p for p in tmp_path.rglob("*") if p.suffix in (".docx", ".pdf", ".xlsx")]  # cancelled: nothing written
    window.close()


def test_start_page_fits_a_small_screen_and_guides_a_first_user(qtbot, tmp_path):
    start = make_program(tmp_path).show_start()
    qtbot.addWidget(start)
    hint = start.minimumSizeHint()
    assert hint.width() <= 1093 and hint.height() <= 554
    assert start.recent_empty.isVisibleTo(start) and "新建年度文件" in start.recent_empty.text()
    assert not start.recent.isVisibleTo(start)


def test_findings_are_measured_for_the_panels_width(demo_window):
    panel = demo_window.findings_panel
    findings = panel.list
    demo_window.resize(1920, 1010)
    QApplication.processEvents()
    wide = findings.item(panel.row_of(panel.shown[0])).sizeHint()
    demo_window.resize(1093, 554)
    QApplication.processEvents()
    narrow = findings.item(panel.row_of(panel.shown[0])).sizeHint()
    # A narrower panel wraps a finding onto more lines: its row grows instead of cutting the text.
    assert wide.isValid() and narrow.isValid()
    assert narrow.height() > wide.height() and narrow.width() < wide.width()


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        from PySide6.QtCore import QRect

        self.rect = QRect(0, 0, width, height)

    def availableGeometry(self):
        return self.rect


@pytest.mark.parametrize(
    ("screen", "expected"),
    [((1366, 728), (1350, 680)), ((1920, 1040), (1632, 915)), ((1093, 584), (1077, 536)), ((911, 464), (895, 416))],
)
def test_window_size_follows_the_screen(qtbot, screen, expected):
    from PySide6.QtWidgets import QWidget

    from zjdesk.ui.screen_fit import fit_to_screen

    class Window(QWidget):
        def screen(self):
            return _Screen(*screen)

    window = Window()
    window.setMinimumSize(960, 540)
    qtbot.addWidget(window)
    fit_to_screen(window, grow=True)
    assert (window.width(), window.height()) == expected


@pytest.mark.parametrize("size", [(1024, 819), (1012, 676), (1366, 720)])
def test_the_score_panel_shows_the_whole_grade_beside_a_long_total(qtbot, tmp_path, monkeypatch, size):
    # A 1280×1024 office screen at 125 % (1024×819): the side panels are at their narrowest yet the score
    # panel is not compact, and 94.25 分 beside 待定 squeezed the badge to 寺定.
    DialogRecorder(monkeypatch)
    year = demo_year()
    first, second = year.indicator_set.indicators[:2]
    first.judged_score, first.deduction_reason = Decimal("4.25"), "部分目标未细化"
    second.judged_score = None  # awaits its score: the total is provisional, the grade 待定
    path = tmp_path / "演示.zjd"
    write_new_year_file(path, year)
    window = make_program(tmp_path).open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    window.resize(*size)
    for _ in range(5):
        QApplication.processEvents()
    total, grade = window.findChild(QLabel, "score.total"), window.findChild(QLabel, "score.grade")
    assert (total.text(), grade.text()) == ("94.25", "待定")
    for label in (total, grade):
        assert label.width() >= label.sizeHint().width(), (label.objectName(), label.width(), label.sizeHint().width())
    assert grade.geometry().right() <= grade.parentWidget().contentsRect().right()
    window.close()
