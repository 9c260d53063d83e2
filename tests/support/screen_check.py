"""Run in a process of its own: the program's windows and dialogs on one screen size at one display scaling.

    python tests/support/screen_check.py 1366x768 1.5

Qt reads the display scaling (QT_SCALE_FACTOR) and the offscreen screen (a JSON config) only when
the application starts, so each size and scale is a new process. The screen is the given physical
size less a 48-pixel taskbar (scaled, as Windows does). Prints one JSON object: every problem found
(a window or dialog off-screen or larger than the screen, a page wider than its column, a squeezed
side panel, a label cut off), with what was measured.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

TASKBAR = 48
FRAME = (16, 48)  # the room a window frame and title bar take (see zjdesk.ui.screen_fit)


def configure(size: str, scale: float, folder: Path) -> tuple[int, int]:
    width, height = (int(part) for part in size.split("x"))
    available = height - round(TASKBAR * scale)
    config = folder / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": available, "dpi": 96}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    os.environ["QT_SCALE_FACTOR"] = str(scale)
    os.environ["XDG_DATA_HOME"] = str(folder / "data")
    os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
    return width, available


def main(size: str, scale: float) -> dict[str, object]:
    folder = Path(tempfile.mkdtemp(prefix="zjdesk-screen-"))
    configure(size, scale, folder)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QDialog, QLabel, QWidget

    from zjdesk.demo import demo_year, example_year
    from zjdesk.domain.carry_forward import carry_forward
    from zjdesk.domain.steps import STEPS
    from zjdesk.report.export import export_year
    from zjdesk.store.yearfile import write_new_year_file
    from zjdesk.ui import dialogs
    from zjdesk.ui.program import Program
    from zjdesk.ui.qt_app import ensure_application

    application = ensure_application()
    problems: list[str] = []
    available = application.primaryScreen().availableGeometry()

    def settle() -> None:
        # Wrapped texts take their height a few layout passes (and a timer or two) after a page is shown.
        for _ in range(12):
            application.processEvents()
            time.sleep(0.005)

    def fits(widget: QWidget, name: str) -> None:
        # The frame (its position is pos()) must lie within the available area, title bar and borders included.
        position = widget.pos()
        width, height = widget.width() + FRAME[0], widget.height() + FRAME[1]
        inside = (
            position.x() >= available.left()
            and position.y() >= available.top()
            and position.x() + width <= available.right() + 1
            and position.y() + height <= available.bottom() + 1
        )
        if not inside:
            problems.append(
                f"{name}: {widget.width()}×{widget.height()} at {position.x()},{position.y()} (with its frame "
                f"{width}×{height}) not within the screen's {available.width()}×{available.height()}"
            )

    def labels_whole(root: QWidget, name: str) -> None:
        for label in root.findChildren(QLabel):
            if not label.isVisibleTo(root) or not label.text() or not label.pixmap().isNull():
                continue
            if label.wordWrap():
                # A wrapped label needs the height of its lines at its width, or its last line is cut.
                needed = label.heightForWidth(label.width())
                if label.height() + 1 < needed:
                    problems.append(f"{name}: label “{label.text()[:20]}” cut off ({label.height()} < {needed} px high)")
            elif label.width() + 1 < label.sizeHint().width():
                problems.append(f"{name}: label “{label.text()[:20]}” cut off ({label.width()} < {label.sizeHint().width()})")

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    program = Program(settings)
    start = program.show_start()
    settle()
    fits(start, "start page")
    labels_whole(start, "start page")
    # Carried years (every 待复核 badge and year finding): the demo's, and the example's with its goal table.
    windows = []
    scrolls: list[str] = []
    # The demo's pages fit their column; the example's goal table (ten columns) may instead scroll sideways.
    for name, last, may_scroll in (("2025", demo_year(), False), ("示例2025", example_year(), True)):
        path = folder / f"{name}.zjd"
        write_new_year_file(path, carry_forward(last))
        window = program.open_path(path)
        assert window is not None
        windows.append(window)
        settle()
        fits(window, f"main window ({name})")
        for index, step in enumerate(STEPS):
            window.go_to(index)
            settle()
            page = window.page(index)
            needed = page.widget().minimumSizeHint().width()
            if needed > page.viewport().width():
                reachable = page.horizontalScrollBar().maximum() >= needed - page.viewport().width()
                if may_scroll and reachable:
                    scrolls.append(f"{step.key} ({name}) scrolls sideways by {needed - page.viewport().width()} px")
                else:
                    problems.append(f"page {step.key} ({name}): needs {needed} px, its column is {page.viewport().width()}")
            labels_whole(window, f"page {step.key} ({name})")
        side = window.side
        if side.minimumSizeHint().height() > side.height():
            problems.append(f"side panels squeezed: need {side.minimumSizeHint().height()} px, have {side.height()}")
    window = windows[0]
    # The dialogs, each opened by the program's own code; exec() shows it, records it and answers 取消.
    opened: list[QWidget] = []

    def show_instead(dialog: QDialog) -> int:
        dialog.show()
        settle()
        opened.append(dialog)
        dialog.close()
        return 0

    QDialog.exec = show_instead  # type: ignore[method-assign]
    report = folder / "报告.docx"
    export_year(window.open_year.snapshot(), docx=report, draft=True)
    dialogs.ask_open_document = lambda *_args, **_kwargs: str(report)  # type: ignore[assignment]
    program.new_year_file()  # the new year dialog
    program.import_report()  # the import dialog, with what it recognised
    window.go_to("profile")
    window.page("profile").review_banner.confirm_all()  # the 全部确认 list
    window.exports.print_preview()  # Qt's print preview
    dialogs.show_error(window, "无法打开年度文件", "此文件不是 zjdesk 年度文件。" * 6)
    dialogs.show_about(window)
    names = [type(dialog).__name__ for dialog in opened]
    expected = ["NewYearDialog", "NewYearDialog", "ConfirmAllDialog", "QPrintPreviewDialog", "QMessageBox", "AboutDialog"]
    if names != expected:
        problems.append(f"dialogs opened: {names}, expected {expected}")
    for dialog in opened:
        fits(dialog, type(dialog).__name__)
        labels_whole(dialog, type(dialog).__name__)
    for each in windows:
        each.close()
    screen = [available.width(), available.height()]
    return {"size": size, "scale": scale, "screen": screen, "problems": problems, "scrolls": scrolls}


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    print(json.dumps(main(sys.argv[1], float(sys.argv[2])), ensure_ascii=False))
