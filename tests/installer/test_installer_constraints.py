"""installer/constraints.txt: every runtime dependency and build tool pinned, each pin within pyproject's ranges."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
CONSTRAINTS_PATH = REPO / "installer" / "constraints.txt"


def _pins() -> dict[str, Requirement]:
    pins: dict[str, Requirement] = {}
    for line in CONSTRAINTS_PATH.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            requirement = Requirement(line)
            name = canonicalize_name(requirement.name)
            assert name not in pins, f"{name} is pinned twice"
            pins[name] = requirement
    return pins


PINS = _pins()


def _pinned_version(requirement: Requirement) -> str:
    (specifier,) = requirement.specifier
    assert specifier.operator == "==", f"{requirement} is a range, not a pin"
    return specifier.version


def test_every_line_is_an_exact_pin() -> None:
    assert PINS
    for requirement in PINS.values():
        _pinned_version(requirement)


def test_runtime_dependencies_and_build_tools_are_pinned_within_their_ranges() -> None:
    wanted = [Requirement(line) for line in PROJECT["dependencies"] + PROJECT["optional-dependencies"]["build"]]
    for requirement in wanted:
        name = canonicalize_name(requirement.name)
        assert name in PINS, f"{requirement.name} is not pinned in installer/constraints.txt"
        version = _pinned_version(PINS[name])
        assert requirement.specifier.contains(version, prereleases=True), f"{name}=={version} is outside {requirement}"
    # What the build brings in by itself: PyInstaller's hooks, Qt for Python's runtime, the XML library.
    for name in ("pyinstaller-hooks-contrib", "shiboken6", "lxml", "et-xmlfile", "typing-extensions", "altgraph"):
        assert name in PINS, name


def test_qt_for_python_and_its_runtime_are_pinned_together() -> None:
    assert _pinned_version(PINS["pyside6-essentials"]) == _pinned_version(PINS["shiboken6"])


def test_windows_only_build_requirements_carry_their_marker() -> None:
    for name in ("pefile", "pywin32-ctypes"):
        assert str(PINS[name].marker) == 'sys_platform == "win32"'


def test_the_builds_use_the_pins() -> None:
    workflow = (REPO / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert '-e ".[build]" -c installer/constraints.txt' in workflow
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c installer/constraints.txt" in ci
