"""The windows and dialogs at 100 %, 125 % and 150 % display scaling on 1366×768 and 1920×1080 screens.

Each size and scale runs in a process of its own (Qt takes QT_SCALE_FACTOR and the offscreen screen's
size only at start-up): see support/screen_check.py for what is measured.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHECK = Path(__file__).resolve().parents[1] / "support" / "screen_check.py"


@pytest.mark.parametrize("scale", ["1", "1.25", "1.5"])
@pytest.mark.parametrize("size", ["1366x768", "1920x1080"])
def test_every_window_and_dialog_fits_the_screen(size: str, scale: str) -> None:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    result = subprocess.run(
        [sys.executable, str(CHECK), size, scale], capture_output=True, text=True, env=environment, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    width, height = (int(part) for part in size.split("x"))
    # the screen the program saw: the physical size, scaled, less the taskbar
    assert report["screen"][0] == round(width / float(scale))
    assert report["screen"][1] < height / float(scale)
    assert report["problems"] == []
