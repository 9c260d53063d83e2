"""The Qt binding zjdesk runs on must not lose references to Python objects.

PySide6-Essentials 6.12.0 on Python 3.11 dropped a reference to None on every call of a method
returning nothing; a report painting tens of thousands of lines then aborted the interpreter. The
version range in pyproject.toml excludes that release (and only that one), source installs keep
Python 3.11, and the Windows program is built on Python 3.12, where None is immortal (PEP 683) and
such a binding cannot bring it down. The tests below guard both sides.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QLabel
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _pyside_requirement() -> Requirement:
    (line,) = [line for line in PROJECT["dependencies"] if line.lower().startswith("pyside6-essentials")]
    return Requirement(line)


def test_void_calls_keep_none_alive() -> None:
    # On Python 3.11 (source installs) this catches a binding like 6.12.0; on 3.12 None's count never moves.
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


def test_only_the_bad_release_is_excluded() -> None:
    specifier = _pyside_requirement().specifier
    assert not specifier.contains("6.12.0")
    for fixed_or_good in ("6.8.0", "6.11.3", "6.12.1", "6.13.0"):
        assert specifier.contains(fixed_or_good), fixed_or_good
    assert not specifier.contains("6.7.3")  # Qt 6.8 is the oldest zjdesk is tested on


def test_source_installs_keep_python_311_and_the_windows_program_is_built_on_312() -> None:
    assert PROJECT["requires-python"] == ">=3.11"
    workflow = YAML(typ="safe").load((REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8"))
    builder = next(step for step in workflow["jobs"]["installer"]["steps"] if "setup-python" in step.get("uses", ""))
    assert builder["with"]["python-version"] == "3.12"
    tested = {entry["python"] for entry in workflow["jobs"]["tests"]["strategy"]["matrix"]["include"]}
    assert {"3.11", "3.12"} <= tested


def test_the_installed_binding_is_allowed() -> None:
    from importlib.metadata import version

    assert _pyside_requirement().specifier.contains(version("PySide6-Essentials"))
