"""Render a screenshot of the start page and of every step on the demo year into a folder.

    python scripts/screenshots.py [OUT_DIR] [--width 1360 --height 860]

Runs without a screen (QT_QPA_PLATFORM=offscreen); needs a CJK font (fonts-noto-cjk) installed.
The demo year is written to a temporary file, so no user file is touched.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default="screenshots")
    parser.add_argument("--width", type=int, default=1360)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--full", action="store_true", help="also save each page's whole content (for checking long pages)")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from zjdesk.demo import demo_year
    from zjdesk.domain.steps import STEPS
    from zjdesk.store.yearfile import write_new_year_file
    from zjdesk.ui.program import Program
    from zjdesk.ui.qt_app import ensure_application

    ensure_application()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        demo = Path(folder) / "湛江市人民政府驻广州办事处-2024年度.zjd"
        write_new_year_file(demo, demo_year())
        program = Program(settings)
        settings.setValue("recent_files", [str(demo), str(Path(folder) / "湛江市人民政府驻广州办事处-2023年度.zjd")])
        start = program.show_start()
        start.resize(args.width - 200, args.height - 140)
        QApplication.processEvents()
        start.grab().save(str(out / "ui-00-start.png"))
        window = program.open_path(demo)
        if window is None:
            print("无法打开演示年度", file=sys.stderr)
            return 2
        window.resize(args.width, args.height)

        def settle() -> None:
            # Text fields fit their height to the wrapped text a moment after layout: let that finish.
            for _ in range(20):
                QApplication.processEvents()
                time.sleep(0.02)

        for index, step in enumerate(STEPS):
            window.go_to(index)
            settle()
            target = out / f"ui-{index + 1:02d}-{step.key}.png"
            window.grab().save(str(target))
            print(target)
            if args.full:
                body = window.page(index).widget()
                body.grab().save(str(out / f"full-{index + 1:02d}-{step.key}.png"))
        window.close()
        QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
