"""The program's log: where a support person finds what happened, crashes Python cannot catch included."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = str(Path(__file__).resolve().parents[2] / "src")


def _env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, "XDG_DATA_HOME": str(tmp_path), "LOCALAPPDATA": str(tmp_path)}


def test_a_fault_inside_the_interpreter_is_written_to_the_log_folder(tmp_path: Path) -> None:
    crashing = (
        "import faulthandler\nfrom zjdesk.store.program_log import start_logging\n"
        "start_logging('test')\nfaulthandler._sigsegv()\n"
    )
    run = subprocess.run([sys.executable, "-c", crashing], env=_env(tmp_path), capture_output=True, timeout=60)
    assert run.returncode != 0
    logs = tmp_path / "zjdesk" / "logs"
    assert "Fatal Python error" in (logs / "faults.log").read_text(encoding="utf-8")
    assert "started (test)" in (logs / "zjdesk.log").read_text(encoding="utf-8")


def test_the_self_test_writes_to_the_log(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, "-m", "zjdesk", "--self-test"], env=_env(tmp_path), capture_output=True, timeout=300)
    assert run.returncode == 0, run.stdout.decode("utf-8", "replace")[-2000:]
    text = (tmp_path / "zjdesk" / "logs" / "zjdesk.log").read_text(encoding="utf-8")
    assert "started (self-test)" in text and "self-test passed" in text and "self-test step 1/" in text


def test_the_command_line_starts_no_log_and_prints_one_line(tmp_path: Path) -> None:
    target = tmp_path / "年度.zjd"
    run = subprocess.run(
        [sys.executable, "-m", "zjdesk", "demo", str(target)], env=_env(tmp_path), capture_output=True, timeout=60
    )
    assert run.returncode == 0 and run.stderr == b""
    assert not (tmp_path / "zjdesk" / "logs").exists()
