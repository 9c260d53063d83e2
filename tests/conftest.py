"""Shared test setup: Qt runs without a screen, and only in the runs that need it.

The tests are grouped by layer (``domain``, ``store``, ``importing``, ``report``, ``cli``, ``ui``,
``installer``). pytest-qt imports PySide6 as soon as it is loaded, so it is loaded here only when the
run may collect a test that uses Qt: ``pytest tests/domain`` (or ``tests/store``, ``tests/importing``)
runs without importing PySide6 at all.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The program's own folder (demo year, log, the running program's mailbox) lives in a folder of the
# test run, never in the profile of the person running the tests; subprocesses inherit it.
_DATA_HOME = tempfile.mkdtemp(prefix="zjdesk-tests-data-")
os.environ["XDG_DATA_HOME"] = os.environ["LOCALAPPDATA"] = _DATA_HOME
os.environ.setdefault("PYTEST_QT_API", "pyside6")

TESTS = Path(__file__).resolve().parent
# Test folders whose tests never touch Qt.
QT_FREE_FOLDERS = ("domain", "store", "importing", "project")


def _runs_only_qt_free_tests(argv: list[str]) -> bool:
    paths = [arg.split("::", 1)[0] for arg in argv if not arg.startswith("-") and os.path.exists(arg.split("::", 1)[0])]
    if not paths:
        return False
    for path in paths:
        resolved = Path(path).resolve()
        if not any(resolved.is_relative_to(TESTS / folder) for folder in QT_FREE_FOLDERS):
            return False
    return True


if not _runs_only_qt_free_tests(sys.argv[1:]):
    pytest_plugins = ("pytestqt.plugin",)


@pytest.fixture(scope="session")
def qt_application():
    """One QApplication for the whole run, set up as the program sets it up (Chinese, fonts, style).

    Qt allows one application object per process: if a report test created a bare QGuiApplication
    first, no widget could be built afterwards, so every test that reaches Qt asks for this first.
    """
    from zjdesk.ui.qt_app import ensure_application

    return ensure_application()


@pytest.fixture(scope="session")
def qapp(qt_application):
    """pytest-qt's ``qapp`` (behind ``qtbot``) is the program's own QApplication."""
    return qt_application
