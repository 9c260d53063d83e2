"""zjdesk benchmarks: medians, and ratios against a baseline measured in the same run.

    python benchmarks/bench.py [--quick] [NAME ...]

Each benchmark is a function registered with ``@benchmark``; it returns a list of result rows
(name, median seconds, baseline median or None, note). Timing never fails a test: this script only
reports. ``--quick`` uses fewer repetitions (for CI smoke runs).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(ROOT / "src"))

Row = tuple[str, float, float | None, str]
BENCHMARKS: dict[str, Callable[[bool], list[Row]]] = {}


def benchmark(function: Callable[[bool], list[Row]]) -> Callable[[bool], list[Row]]:
    """Register a benchmark under its function name."""
    BENCHMARKS[function.__name__] = function
    return function


def median_time(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the desktop program ------------------------------------------------------------------------------

BARE_WINDOW = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1360, 860)
window.show()
app.processEvents()
print("shown", flush=True)
"""

ZJDESK_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication
from zjdesk.app import open_window
window = open_window(sys.argv[1])
QApplication.processEvents()
print("shown", flush=True)
window.close()
"""


def _time_to_shown(code: str, *args: str) -> float:
    """Seconds from starting a fresh Python process to its window being shown."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM=os.environ["QT_QPA_PLATFORM"])
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    if line.strip() != "shown":
        raise RuntimeError(f"the window was not shown: {process.stderr.read() if process.stderr else ''}")
    return elapsed


@benchmark
def cold_start(quick: bool) -> list[Row]:
    """Cold start to a shown main window on the demo year, against a bare PySide6 QMainWindow."""
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import write_new_year_file

    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.zjd"
        write_new_year_file(path, demo_year())
        _time_to_shown(BARE_WINDOW)  # warm the disk cache for both alike
        bare, ours = [], []
        for _ in range(repeat):  # interleaved, so both see the same machine load
            bare.append(_time_to_shown(BARE_WINDOW))
            ours.append(_time_to_shown(ZJDESK_WINDOW, str(path)))
    return [("cold start: demo year main window", statistics.median(ours), statistics.median(bare), "aim ≤ 2× bare QMainWindow")]


@benchmark
def edit_to_score(quick: bool) -> list[Row]:
    """A keystroke in an amount field until the score panel shows the new total."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    from zjdesk.app import open_window
    from zjdesk.demo import demo_year
    from zjdesk.domain.scoring import score_year
    from zjdesk.store.yearfile import write_new_year_file

    repeat = 40 if quick else 200
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.zjd"
        write_new_year_file(path, demo_year())
        window = open_window(path)
        window.go_to(4)
        QApplication.processEvents()
        amount = window.findChild(QLineEdit, "figures.final_expenditure.total")
        total = window.findChild(QLabel, "score.total")
        amount.setFocus()
        amount.setText("1100")
        seen = set()

        def keystroke(key=[Qt.Key.Key_5, Qt.Key.Key_Backspace], state=[0]) -> None:  # noqa: B006
            QTest.keyClick(amount, key[state[0] % 2])
            state[0] += 1
            seen.add(total.text())

        ours = median_time(keystroke, repeat)
        assert len(seen) > 1, "the score panel did not change"
        year = window.document.year
        engine = median_time(lambda: score_year(year), repeat)
        title = window.findChild(QLineEdit, "cover.notice_title")
        window.go_to(0)
        QApplication.processEvents()
        text = median_time(lambda: QTest.keyClick(title, Qt.Key.Key_A), repeat)
        window.close()
    rows.append(("edit figure → score panel updated", ours, None, "aim < 16 ms"))
    rows.append(("  of which score engine alone", engine, None, ""))
    rows.append(("keystroke in a text field (all panels)", text, None, ""))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="zjdesk benchmarks")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all): {', '.join(BENCHMARKS)}")
    args = parser.parse_args(argv)
    names = args.names or list(BENCHMARKS)
    print(f"{'benchmark':<44} {'median':>10} {'baseline':>10} {'ratio':>7}  note")
    for name in names:
        for label, value, baseline, note in BENCHMARKS[name](args.quick):
            ratio = f"{value / baseline:6.2f}×" if baseline else ""
            base = f"{baseline * 1000:8.1f}ms" if baseline else ""
            print(f"{label:<44} {value * 1000:8.2f}ms {base:>10} {ratio:>7}  {note}")
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 can crash destroying Qt objects at exit, after the results are out.
    os._exit(status)
