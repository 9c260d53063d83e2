"""Render screenshots of the start page, every step of the demo year and the program's dialogs into a folder.

    python scripts/screenshots.py [OUT_DIR] [--width 1360 --height 860]
    python scripts/screenshots.py OUT_DIR --screen 1366x768 --scale 1.5 [--dialogs] [--carried]

Runs without a screen (QT_QPA_PLATFORM=offscreen); needs a CJK font (fonts-noto-cjk) installed.
With ``--screen`` the offscreen screen has that many physical pixels (less a 48-pixel taskbar) and
``--scale`` is the Windows display scaling (QT_SCALE_FACTOR): the windows are sized as the program
sizes them on such a screen, and each picture notes whether its window fits. ``--dialogs`` adds the
program's dialogs; ``--carried`` shows a year carried forward from the demo instead of the demo.
The demo year is written to a temporary file, so no user file is touched.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

TASKBAR = 48  # logical pixels of a Windows taskbar (it scales with the display)


def _configure_screen(screen: str, scale: float, folder: Path) -> None:
    """Point the offscreen platform at one screen of ``screen`` physical pixels, scaled by ``scale``."""
    width, height = (int(part) for part in screen.lower().split("x"))
    config = folder / "screen.json"
    available = height - round(TASKBAR * scale)
    config.write_text(
        json.dumps({"screens": [{"name": "screen", "x": 0, "y": 0, "width": width, "height": available, "dpi": 96}]})
    )
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("out", nargs="?", default="screenshots")
    parser.add_argument("--width", type=int, default=1360)
    parser.add_argument("--height", type=int, default=860)
    parser.add_argument("--screen", help="physical screen size, e.g. 1366x768 (the windows fit it as on a PC)")
    parser.add_argument("--scale", type=float, default=1.0, help="display scaling with --screen: 1, 1.25, 1.5")
    parser.add_argument("--dialogs", action="store_true", help="also render the program's dialogs")
    parser.add_argument("--carried", action="store_true", help="show a year carried forward from the demo")
    parser.add_argument("--example", action="store_true", help="the example year (示例单位, a full goal table) for the demo")
    parser.add_argument("--full", action="store_true", help="also save each page's whole content (for checking long pages)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="zjdesk-shots-"))
    if args.screen:
        _configure_screen(args.screen, args.scale, work)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from zjdesk.demo import demo_year, example_year
    from zjdesk.domain.carry_forward import carry_forward
    from zjdesk.domain.steps import STEPS
    from zjdesk.store.yearfile import write_new_year_file
    from zjdesk.ui.program import Program
    from zjdesk.ui.qt_app import ensure_application

    application = ensure_application()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    fitted = bool(args.screen)

    def settle() -> None:
        # Text fields fit their height to the wrapped text a moment after layout: let that finish.
        for _ in range(20):
            QApplication.processEvents()
            time.sleep(0.02)

    def save(widget: Any, name: str) -> None:
        settle()
        target = out / f"{name}.png"
        widget.grab().save(str(target))
        screen = widget.screen().availableGeometry()
        frame = widget.frameGeometry()
        fits = screen.contains(frame) or not fitted
        print(
            f"{target}  {frame.width()}×{frame.height()} on {screen.width()}×{screen.height()}"
            + ("" if fits else "  DOES NOT FIT")
        )

    settings = QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat)
    unit = "湛江市人民政府驻广州办事处"
    demo = work / f"{unit}-2024年度.zjd"
    first = example_year() if args.example else demo_year()
    write_new_year_file(demo, first)
    path = demo
    if args.carried:
        path = work / f"{unit}-2025年度.zjd"
        write_new_year_file(path, carry_forward(first))
    program = Program(settings)
    settings.setValue("recent_files", [str(path), str(work / f"{unit}-2023年度.zjd")])
    start = program.show_start()
    if not fitted:
        start.resize(args.width - 200, args.height - 140)
    save(start, "ui-00-start")
    window = program.open_path(path)
    if window is None:
        print("无法打开年度文件", file=sys.stderr)
        return 2
    if not fitted:
        window.resize(args.width, args.height)
    for index, step in enumerate(STEPS):
        window.go_to(index)
        save(window, f"ui-{index + 1:02d}-{step.key}")
        if args.full:
            body = window.page(index).widget()
            body.grab().save(str(out / f"full-{index + 1:02d}-{step.key}.png"))
    if args.dialogs:
        render_dialogs(window, work, save)
    window.close()
    application.processEvents()
    return 0


def render_dialogs(window: Any, work: Path, save: Callable[[Any, str], None]) -> None:
    """Each of the program's dialogs, shown without waiting for an answer, then closed."""
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from zjdesk.docx_import import import_docx
    from zjdesk.report.export import export_year
    from zjdesk.report.qt_document import print_outline
    from zjdesk.ui.confirm_dialog import ConfirmAllDialog
    from zjdesk.ui.new_year_dialog import NewYearDialog
    from zjdesk.ui.screen_fit import fit_dialog
    from zjdesk.ui.widgets.review import review_item

    unit = window.open_year.year.cover.unit_name
    report = work / "往年报告.docx"
    export_year(window.open_year.snapshot(), docx=report, draft=True)
    found = import_docx(report).found
    dialogs = [
        ("dialog-new", NewYearDialog(window, folder=str(work))),
        (
            "dialog-carry",
            NewYearDialog(
                window,
                unit_name=unit,
                year=2025,
                folder=str(work),
                mode="carry",
                year_note="由2024年度结转：评价年度为上一年度加一，不能更改。",
            ),
        ),
        (
            "dialog-import",
            NewYearDialog(
                window,
                unit_name=unit,
                year=2024,
                folder=str(work),
                mode="import",
                year_note="读自报告的封面“评价年度：2024年度”。导入后即为这份报告的年度，不能在此更改。",
                found=found,
            ),
        ),
        (
            "dialog-import-no-year",
            NewYearDialog(
                window,
                unit_name=unit,
                folder=str(work),
                mode="import",
                year_note="报告中没有写明评价年度（封面的“评价年度”和开头段都没有）：请选择这份报告评价的是哪一年。"
                "正文中写着“上年”或上一年份的数字将归入上一年度的对比数；选错年份，会把上年的数字当成本年度的。",
                found=found,
            ),
        ),
    ]
    year = window.open_year.year
    items = [review_item(path, window.open_year.value(path)) for path in year.review if path.startswith("profile")]
    remaining = [item.message for item in window.live_score.findings if item.check in ("stale_year", "text_year")]
    dialogs.append(
        (
            "dialog-confirm-all",
            ConfirmAllDialog(
                window, "全部确认", "确认本页以下各项“待复核”内容都已逐项核对、无需再改吗？", items or ["（无）"], remaining
            ),
        )
    )
    box = QMessageBox(
        QMessageBox.Icon.Information,
        "已导入往年报告",
        "已从“往年报告.docx”导入2024年度，保存为“…-2024年度.zjd”。所有导入的内容都标记为“待复核”。\n\n下一步：由这份2024年度生成2025年度的年度文件（在同一文件夹），在其中填写2025年度的报告。",
        QMessageBox.StandardButton.NoButton,
        window,
    )
    box.addButton("结转为2025年度", QMessageBox.ButtonRole.AcceptRole)
    box.addButton("先打开2024年度核对", QMessageBox.ButtonRole.RejectRole)
    dialogs.append(("dialog-after-import", box))
    file_dialog = QFileDialog(window, "打开年度文件", str(work), "zjdesk 年度文件 (*.zjd);;所有文件 (*)")
    fit_dialog(file_dialog, 760, 480)
    dialogs.append(("dialog-file", file_dialog))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    preview = QPrintPreviewDialog(printer, window)
    outline = window.exports.outline(draft=True)
    preview.paintRequested.connect(lambda target: print_outline(outline, target))
    fit_dialog(preview, 1000, 800)
    dialogs.append(("dialog-print-preview", preview))
    for name, dialog in dialogs:
        dialog.show()
        save(dialog, name)
        dialog.close()


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main())
