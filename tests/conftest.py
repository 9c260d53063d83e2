"""Shared test setup: Qt runs without a screen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def qt_application():
    """One QApplication for the whole run, set up as the program sets it up (Chinese, fonts, style).

    Qt allows one application object per process: if a report test created a bare QGuiApplication
    first, no widget could be built afterwards, so the QApplication comes first, whatever runs first.
    """
    from zjdesk.ui.qt_app import ensure_application

    return ensure_application()
