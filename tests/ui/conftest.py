"""The desktop program's tests: every one runs with the program's QApplication; the shared demo window.

No question may block a test: a window closed with an entry still red asks whether to close, and
pytest-qt closes every window at the end of its test. :func:`zjdesk.ui.dialogs.ask_yes_no` therefore
answers 确定 by default; a test that looks at the questions makes its own
:class:`support.ui.DialogRecorder` (or asks for ``recorder``), which replaces it.
"""

from __future__ import annotations

import pytest

from support.ui import DialogRecorder, make_program
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import write_new_year_file
from zjdesk.ui import dialogs


@pytest.fixture(autouse=True)
def _program_application(qt_application):
    return qt_application


@pytest.fixture(autouse=True)
def _no_blocking_questions(monkeypatch) -> None:
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _parent, _title, _question: True)


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """zjdesk's own data folder (the demo's) and the Documents folder of a user who lives in ``tmp_path``."""
    data, config, documents = tmp_path / "appdata", tmp_path / "config", tmp_path / "文档"
    for folder in (data, config, documents):
        folder.mkdir()
    (config / "user-dirs.dirs").write_text(f'XDG_DOCUMENTS_DIR="{documents}"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("LOCALAPPDATA", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return {"data": data / "zjdesk", "documents": documents}


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
