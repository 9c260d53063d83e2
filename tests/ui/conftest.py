"""The desktop program's tests: every one runs with the program's QApplication; the shared demo window."""

from __future__ import annotations

import pytest

from support.ui import DialogRecorder, make_program
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import write_new_year_file


@pytest.fixture(autouse=True)
def _program_application(qt_application):
    return qt_application


@pytest.fixture
def recorder(monkeypatch) -> DialogRecorder:
    """Stands in for every dialog: records what would have been shown, answers what it is told."""
    return DialogRecorder(monkeypatch)


@pytest.fixture
def demo_window(qtbot, tmp_path, recorder):
    """The program's window on a fresh copy of the demo year (its dialogs answered by ``recorder``)."""
    path = tmp_path / "演示.zjd"
    write_new_year_file(path, demo_year())
    window = make_program(tmp_path).open_path(path)
    assert window is not None
    qtbot.addWidget(window)
    window.recorder = recorder
    yield window
    if window.isVisible():
        window.close()
