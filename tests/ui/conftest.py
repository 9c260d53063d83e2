"""The desktop program's tests: every one runs with the program's QApplication."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _program_application(qt_application):
    return qt_application
