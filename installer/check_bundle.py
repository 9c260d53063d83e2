"""Check a built zjdesk folder (dist/zjdesk) before it goes into an installer; run by both build scripts.

    python installer/check_bundle.py dist/zjdesk

Checks that both programs and the licences are there and complete (every distribution the notices list
has its section, Qt's LGPL text and source addresses, Python's licence), that the build recorded itself,
that the console program ``zjdesk-cli`` prints the help with every command and the version, and that
``--self-test`` passes in both programs (the windowed one too: its output is read through a pipe). The
console program's self-test output is kept in ``self-test.log`` beside the folder. Exit status 0 when
all is well, 1 with one line per problem otherwise.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "installer"))

from bundle_filter import project_version  # noqa: E402

from zjdesk.cli import _command_names, build_parser  # noqa: E402
from zjdesk.distribution.build_info import BUILD_INFO_FILE  # noqa: E402
from zjdesk.distribution.notices import LICENSE_FILE_NAME, NOTICES_FILE_NAME  # noqa: E402

# What the program is known to carry; the notices may list more, never fewer.
REQUIRED_NOTICES = ("Python", "PySide6_Essentials", "shiboken6", "lxml", "SQLAlchemy", "python-docx", "openpyxl", "pypdf")
REQUIRED_TEXTS = (
    "GNU LESSER GENERAL PUBLIC LICENSE",
    "GNU GENERAL PUBLIC LICENSE",
    "PYTHON SOFTWARE FOUNDATION LICENSE",
    "https://code.qt.io/cgit/pyside/pyside-setup.git/",
    "替换 Qt 库 / Replacing the Qt libraries",
)
TIMEOUT = 300


def program_path(bundle: Path, name: str) -> Path:
    """``zjdesk`` or ``zjdesk-cli`` in the folder, with .exe on Windows."""
    return bundle / (f"{name}.exe" if sys.platform == "win32" else name)


def run(program: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(program), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=TIMEOUT,
        env=environment,
        check=False,
    )


def check_files(bundle: Path, version: str) -> list[str]:
    """Problems with the files of the folder (programs, licences, build record)."""
    problems = []
    for name in ("zjdesk", "zjdesk-cli"):
        if not program_path(bundle, name).is_file():
            problems.append(f"{program_path(bundle, name).name} is missing")
    licence = bundle / LICENSE_FILE_NAME
    if not licence.is_file() or "MIT License" not in licence.read_text(encoding="utf-8-sig"):
        problems.append(f"{LICENSE_FILE_NAME} is missing or is not zjdesk's MIT licence")
    notices_path = bundle / NOTICES_FILE_NAME
    if not notices_path.is_file():
        return [*problems, f"{NOTICES_FILE_NAME} is missing"]
    notices = notices_path.read_text(encoding="utf-8-sig")
    contents = re.findall(r"^  (\S+) (\S+) — ", notices, re.MULTILINE)
    listed = {name for name, _version in contents}
    for name in REQUIRED_NOTICES:
        if name not in listed:
            problems.append(f"{NOTICES_FILE_NAME} does not list {name}")
    for name, number in contents:
        if not re.search(rf"^{re.escape(name)} {re.escape(number)}\n-{{10,}}\n许可证 / Licence: ", notices, re.MULTILINE):
            problems.append(f"{NOTICES_FILE_NAME} lists {name} {number} but has no section for it")
    for text in REQUIRED_TEXTS:
        if text not in notices:
            problems.append(f"{NOTICES_FILE_NAME} lacks “{text}”")
    build = bundle / "_internal" / BUILD_INFO_FILE
    try:
        recorded = json.loads(build.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        problems.append(f"_internal/{BUILD_INFO_FILE} is missing or not JSON")
    else:
        if recorded.get("version") != version or not recorded.get("built_at"):
            problems.append(f"_internal/{BUILD_INFO_FILE} records {recorded.get('version')!r}, not {version!r}")
    return problems


def check_programs(bundle: Path, version: str, log: Path) -> list[str]:
    """Problems found by running the programs: --help, --version, --self-test."""
    problems = []
    cli = program_path(bundle, "zjdesk-cli")
    shown = run(cli, "--help")
    commands = sorted(_command_names(build_parser()))
    missing = [name for name in commands if f"  {name} " not in shown.stdout]
    if shown.returncode != 0 or missing:
        problems.append(f"zjdesk-cli --help: exit {shown.returncode}, commands not listed: {missing}")
    told = run(cli, "--version")
    if told.returncode != 0 or told.stdout.strip() != f"zjdesk {version}":
        problems.append(f"zjdesk-cli --version printed {told.stdout.strip()!r} (exit {told.returncode})")
    for program in (cli, program_path(bundle, "zjdesk")):
        result = run(program, "--self-test")
        print(result.stdout.rstrip())
        if program == cli:
            log.write_text(result.stdout + result.stderr, encoding="utf-8")
        # The exit status decides. A windowed Windows program may have no stdout even through a pipe: its
        # silence is only noted; the console program must say that the self-test passed.
        silent_window = program != cli and sys.platform == "win32" and not result.stdout.strip()
        if silent_window and result.returncode == 0:
            print(f"check_bundle: {program.name} --self-test passed (exit 0) without output", file=sys.stderr)
        elif result.returncode != 0 or "自检通过" not in result.stdout:
            problems.append(f"{program.name} --self-test failed (exit {result.returncode}): {result.stderr.strip()[-400:]}")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: check_bundle.py BUNDLE_FOLDER", file=sys.stderr)
        return 2
    bundle = Path(argv[0]).resolve()
    version = project_version(REPO / "pyproject.toml")
    problems = check_files(bundle, version)
    if not problems:
        problems = check_programs(bundle, version, bundle.parent / "self-test.log")
    for problem in problems:
        print(f"check_bundle: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"check_bundle: {bundle.name} is complete (both programs, licences, --help, --version, --self-test)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
