"""Shared test setup: Qt runs without a screen."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session", autouse=True)
def _one_qapplication(qapp):
    """A QApplication from the start: a bare QGuiApplication (the report's PDF renderer makes one when
    none exists) would otherwise be the process's only application, and widget tests would abort."""
    return qapp
