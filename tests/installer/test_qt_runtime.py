"""The Qt binding zjdesk runs on must not lose references to Python objects.

PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to None on every call of a method
returning nothing; a report painting tens of thousands of lines then aborted the interpreter. The
version range in pyproject.toml excludes it; this test catches such a binding if one comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel


def test_void_calls_keep_none_alive() -> None:
    application = QApplication.instance() or QApplication([])
    image = QImage(64, 64, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        painter.drawLine(0, 0, 10, 10)
        label.setText("湛江")
    after = sys.getrefcount(None)
    painter.end()
    assert application is not None
    assert abs(after - before) < 100, f"None lost {before - after} references in 4000 calls"
