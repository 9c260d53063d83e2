"""zjdesk benchmarks: medians of the hot paths, with ratios to baselines measured in the same run.

    python benchmarks/bench.py            # full run
    python benchmarks/bench.py --quick    # fewer repetitions (CI smoke run)

Ratios against a baseline measured in the same run (deep-copying the demo year, dumping it to
JSON) stay comparable across machines; absolute medians are for this machine only. Nothing here
fails on timing.
"""

from __future__ import annotations

import argparse
import atexit
import copy
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from zjdesk.demo import demo_year, example_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.checks import run_checks
from zjdesk.domain.rates import compute_rates
from zjdesk.domain.scoring import score_year
from zjdesk.domain.serialize import dumps
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.export import export_year
from zjdesk.report.xlsx_writer import render_xlsx

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
Row = tuple[str, float, float | None, str]


def measure(function: Callable[[], object], repeats: int, inner: int) -> float:
    """Median seconds per call over ``repeats`` batches of ``inner`` calls."""
    function()  # warm caches
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(inner):
            function()
        samples.append((time.perf_counter() - start) / inner)
    return statistics.median(samples)


def recompute(year) -> None:  # type: ignore[no-untyped-def]
    """What the UI runs on every keystroke: the score, then the checks reusing it."""
    score = score_year(year)
    run_checks(year, score)


_typed = iter(range(10**9))


def typed_in_a_row(year) -> None:  # type: ignore[no-untyped-def]
    """A keystroke in one goal row's 实际完成值 (a value not seen before), then the recompute."""
    year.goals[0].indicators[1].actual = f"9{next(_typed)}"
    recompute(year)


def forty_rows_year():  # type: ignore[no-untyped-def]
    """The example year with 40 goal indicator rows (10 under each goal), actuals varied so rows fall short."""
    year = example_year()
    rows = [row for goal in year.goals for row in goal.indicators]
    for index, goal in enumerate(year.goals):
        goal.indicators = []
        for number in range(10):
            row = copy.deepcopy(rows[(index * 10 + number) % len(rows)])
            row.level3 = f"{row.level3}{number}"
            goal.indicators.append(row)
    assert sum(len(goal.indicators) for goal in year.goals) == 40
    return year


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument(
        "--only", choices=("core", "ui", "report", "import"), action="append", help="run only these parts (repeatable)"
    )
    args = parser.parse_args()
    parts = set(args.only or ("core", "ui", "report", "import"))
    if parts == {"ui"}:
        ui_benchmarks(quick=args.quick)
        return 0
    repeats, inner = (5, 20) if args.quick else (25, 50)
    year = demo_year()
    next_year = carry_forward(year)  # every carried text awaits review: the most findings
    forty = forty_rows_year()
    forty_next = carry_forward(forty)  # every row awaits review and its actual

    baselines = {
        "baseline: deepcopy(demo year)": lambda: copy.deepcopy(year),
        "baseline: dumps(demo year) to JSON": lambda: dumps(year),
    }
    cases = {
        "compute_rates(demo)": lambda: compute_rates(year),
        "score_year(demo)": lambda: score_year(year),
        "run_checks(demo) (scores included)": lambda: run_checks(year),
        "keystroke recompute: score + checks (demo)": lambda: recompute(year),
        "keystroke recompute (new year from the demo)": lambda: recompute(next_year),
        "keystroke recompute: 40 goal indicator rows": lambda: typed_in_a_row(forty),
        "keystroke recompute (new year, 40 goal rows)": lambda: typed_in_a_row(forty_next),
    }
    results = {name: measure(function, repeats, inner) for name, function in {**baselines, **cases}.items()}
    copy_time = results["baseline: deepcopy(demo year)"]
    dump_time = results["baseline: dumps(demo year) to JSON"]
    print(f"{'case':46} {'median':>10} {'×deepcopy':>10} {'×dumps':>8}")
    for name, seconds in results.items():
        print(f"{name:46} {seconds * 1000:8.3f} ms {seconds / copy_time:10.2f} {seconds / dump_time:8.2f}")
    keystroke = results["keystroke recompute: score + checks (demo)"] * 1000
    print(f"\nkeystroke recompute median: {keystroke:.3f} ms (target < 5 ms)")
    goal_rows = results["keystroke recompute: 40 goal indicator rows"] * 1000
    print(
        f"keystroke recompute with 40 goal indicator rows: {goal_rows:.3f} ms (target < 2 ms; demo, no rows: {keystroke:.3f} ms)"
    )
    if "ui" in parts:
        print()
        ui_benchmarks(quick=args.quick)  # first: it needs a QApplication, the report needs only a QGuiApplication
    if "report" in parts:
        print()
        report_benchmarks(quick=args.quick)
    if "import" in parts:
        print()
        import_benchmarks(quick=args.quick)
    return 0


def unstyled_docx(lines: list[str]) -> bytes:
    """The baseline: python-docx writing the same paragraphs with no styling at all."""
    import io

    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def report_benchmarks(*, quick: bool) -> None:
    """The full export of the demo (docx, PDF through Qt, xlsx) against an unstyled python-docx baseline."""
    import tempfile

    from zjdesk.report.qt_document import ensure_gui_application, pdf_bytes

    ensure_gui_application()  # once per process, as in the program; not part of an export
    repeats = 3 if quick else 9
    year = demo_year()
    outline = outline_for(year)
    lines = outline.plain_text().splitlines()
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder)

        def full_export() -> None:
            export_year(year, docx=target / "r.docx", pdf=target / "r.pdf", xlsx=target / "r.xlsx")

        results = {
            "baseline: python-docx, same paragraphs, unstyled": measure(lambda: unstyled_docx(lines), repeats, 1),
            "outline_for(demo) (score + outline)": measure(lambda: outline_for(year), repeats, 5),
            "render_docx (GB/T 9704 styles, tables)": measure(lambda: render_docx(outline), repeats, 1),
            "Qt layout + PDF": measure(lambda: pdf_bytes(outline), repeats, 1),
            "render_xlsx (two sheets)": measure(lambda: render_xlsx(outline), repeats, 1),
            "full export: checks + docx + pdf + xlsx, written": measure(full_export, repeats, 1),
        }
    baseline = results["baseline: python-docx, same paragraphs, unstyled"]
    print(f"{'report case':52} {'median':>10} {'×baseline':>10}")
    for name, seconds in results.items():
        print(f"{name:52} {seconds * 1000:8.1f} ms {seconds / baseline:10.2f}")
    full = results["full export: checks + docx + pdf + xlsx, written"]
    print(f"\nfull export of the demo: {full * 1000:.0f} ms, {full / baseline:.1f}× the unstyled python-docx baseline")
    print()
    pdf_scaling(quick=quick)


def long_text_year(megabytes: float):  # type: ignore[no-untyped-def]
    """The demo year with one paragraph (四、其他自评情况) of ``megabytes`` MB of Chinese text (UTF-8)."""
    sentence = "本单位认真落实预算绩效管理要求，加强预算执行监控，提高资金使用效益。"
    characters = int(megabytes * 1_000_000 / 3)  # three bytes a character
    year = demo_year()
    year.other = (sentence * (characters // len(sentence) + 1))[:characters]
    return year


def pdf_scaling(*, quick: bool) -> None:
    """The PDF of a year whose one paragraph holds 1 MB and 10 MB of text: time must grow linearly."""
    from zjdesk.report.qt_document import pdf_bytes

    sizes = (0.1, 1.0) if quick else (1.0, 10.0)
    times = []
    for size in sizes:
        outline = outline_for(long_text_year(size), draft=True)
        start = time.perf_counter()
        pdf_bytes(outline)
        times.append(time.perf_counter() - start)
    print(f"{'PDF of one long paragraph':52} {'seconds':>10} {'s per MB':>10}")
    for size, seconds in zip(sizes, times, strict=True):
        print(f"{f'{size:g} MB of text':52} {seconds:10.2f} {seconds / size:10.2f}")
    growth = times[1] / times[0]
    print(f"\n{sizes[1] / sizes[0]:g}× the text took {growth:.1f}× the time (linear: about {sizes[1] / sizes[0]:g}×, or less)")


def median_time(action: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``action`` over ``repeat`` runs (no warm-up, no batching)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# -- the desktop program ------------------------------------------------------------------------------

# What a started program prints once its window is on screen: "shown", and its peak memory in KiB
# (0 where the platform cannot tell).
SHOWN = """
try:
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
except ImportError:
    peak = 0
print("shown", peak, flush=True)
"""

BARE_WINDOW = (
    """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1360, 860)
window.show()
app.processEvents()
"""
    + SHOWN
)

# The bare window plus the import of the store's SQLAlchemy: what any program on this store pays.
BARE_WINDOW_WITH_STORE = "import sqlalchemy.orm, sqlalchemy.pool\n" + BARE_WINDOW

ZJDESK_WINDOW = (
    """
import sys
from PySide6.QtWidgets import QApplication
from zjdesk.app import open_window
window = open_window(sys.argv[1])
QApplication.processEvents()
"""
    + SHOWN
    + """
window.close()
"""
)


_BYTECODE = tempfile.mkdtemp(prefix="zjdesk-bench-pyc-")
atexit.register(shutil.rmtree, _BYTECODE, ignore_errors=True)


def _time_to_shown(code: str, *args: str) -> tuple[float, int]:
    """Seconds from starting a fresh Python process to its window being shown, and its peak memory (KiB).

    The processes run from compiled bytecode, as an installed zjdesk does (pip and the Windows
    bundle compile it): it is kept in a temporary folder (not in the source tree), written by the
    warm-up run, even where PYTHONDONTWRITEBYTECODE is set.
    """
    environment = dict(os.environ, PYTHONPATH=str(ROOT / "src"), QT_QPA_PLATFORM=os.environ["QT_QPA_PLATFORM"])
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    environment["PYTHONPYCACHEPREFIX"] = _BYTECODE
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = time.perf_counter() - start
    process.wait(timeout=60)
    words = line.split()
    if not words or words[0] != "shown":
        raise RuntimeError(f"the window was not shown: {process.stderr.read() if process.stderr else ''}")
    return elapsed, int(words[1]) if len(words) > 1 else 0


def cold_start(quick: bool) -> list[Row]:
    """Cold start to a shown main window on the demo year, against a bare PySide6 QMainWindow."""
    from zjdesk.demo import demo_year
    from zjdesk.store.yearfile import write_new_year_file

    repeat = 3 if quick else 7
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.zjd"
        write_new_year_file(path, demo_year())
        _time_to_shown(BARE_WINDOW)  # warm the disk cache for both alike
        _time_to_shown(ZJDESK_WINDOW, str(path))  # and compile zjdesk's bytecode
        bare, store, ours = [], [], []
        for _ in range(repeat):  # interleaved, so all see the same machine load
            bare.append(_time_to_shown(BARE_WINDOW))
            store.append(_time_to_shown(BARE_WINDOW_WITH_STORE))
            ours.append(_time_to_shown(ZJDESK_WINDOW, str(path)))
    baseline = statistics.median(seconds for seconds, _ in bare)
    rows: list[Row] = [
        ("cold start: demo year main window", statistics.median(t for t, _ in ours), baseline, "aim ≤ 1.5× bare QMainWindow"),
        ("  bare QMainWindow + import SQLAlchemy", statistics.median(t for t, _ in store), baseline, "the store's share"),
    ]
    bare_memory = statistics.median(kib for _, kib in bare)
    if bare_memory:  # peak resident memory (not reported on Windows)
        ours_memory = statistics.median(kib for _, kib in ours)
        rows.append((MEMORY_ROW, ours_memory / 1024, bare_memory / 1024, "aim ≤ 1.5× bare QMainWindow"))
    return rows


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

        def keystroke_settled() -> None:
            keystroke()
            QApplication.processEvents()  # and what follows the check: the findings beside the fields

        settled = median_time(keystroke_settled, repeat)
        year = window.open_year.year
        engine = median_time(lambda: score_year(year), repeat)
        title = window.findChild(QLineEdit, "cover.notice_title")
        window.go_to(0)
        QApplication.processEvents()
        text = median_time(lambda: QTest.keyClick(title, Qt.Key.Key_A), repeat)
        window.close()
    rows.append(("edit figure → score panel updated", ours, None, "aim < 16 ms"))
    rows.append(("  … and every pending event handled", settled, None, "the field marks, the repaint"))
    rows.append(("  of which score engine alone", engine, None, ""))
    rows.append(("keystroke in a text field (all panels)", text, None, ""))
    rows.append(("keystroke in a goal row (40 rows) → 得分 shown", goal_row_keystroke(repeat), None, "aim < 16 ms"))
    return rows


def goal_row_keystroke(repeat: int) -> float:
    """A digit typed in a goal row's 实际完成值, on the 40-row year, until the row's 得分 shows it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit

    from zjdesk.app import open_window
    from zjdesk.store.yearfile import write_new_year_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "forty.zjd"
        write_new_year_file(path, forty_rows_year())
        window = open_window(path)
        window.go_to(3)
        QApplication.processEvents()
        actual = window.findChild(QLineEdit, "goals.0.indicators.1.actual")
        score = window.findChild(QLabel, "score:goals.0.indicators.1")
        actual.setFocus()
        actual.setText("9")
        seen = set()

        def keystroke(key=[Qt.Key.Key_2, Qt.Key.Key_Backspace], state=[0]) -> None:  # noqa: B006
            QTest.keyClick(actual, key[state[0] % 2])
            state[0] += 1
            seen.add(score.text())

        elapsed = median_time(keystroke, repeat)
        assert len(seen) > 1, "the row's score did not change"
        window.close()
    return elapsed


MEMORY_ROW = "  peak memory once shown"


def ui_benchmarks(*, quick: bool) -> None:
    """The desktop program: cold start against a bare QMainWindow, and edit → score panel."""
    print(f"{'desktop program case':44} {'median':>10} {'baseline':>10} {'ratio':>7}  note")
    for label, value, baseline, note in [*cold_start(quick), *edit_to_score(quick)]:
        ratio = f"{value / baseline:6.2f}×" if baseline else ""
        if label == MEMORY_ROW:  # MiB
            shown, base = f"{value:7.1f}MiB", f"{baseline:7.1f}MiB" if baseline else ""
        else:  # seconds, shown in ms
            shown, base = f"{value * 1000:8.2f}ms", f"{baseline * 1000:8.1f}ms" if baseline else ""
        print(f"{label:44} {shown:>10} {base:>10} {ratio:>7}  {note}")


def import_benchmarks(*, quick: bool) -> None:
    """Importing a Word report: the seed typed as paragraphs, and zjdesk's own export of the demo.

    Baseline: python-docx opening the same bytes and reading every paragraph's text, the least any
    import must do.
    """
    import io
    import tempfile

    import docx

    from zjdesk.docx_import import import_docx_bytes
    from zjdesk.docx_import.safety import check_archive

    repeats = 5 if quick else 15
    seed = (Path(__file__).resolve().parents[1] / "tests" / "import_data" / "seed-2024.txt").read_text(encoding="utf-8")
    typed = unstyled_docx([line for line in seed.split("\n") if line.strip()])
    # A long document (the seed 50 times, ~5,000 paragraphs): the import must stay linear.
    long_typed = unstyled_docx([line for line in seed.split("\n") if line.strip()] * 50)
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "demo.docx"
        export_year(demo_year(), docx=target, draft=True)
        exported = target.read_bytes()

    def baseline(data: bytes) -> None:
        for paragraph in docx.Document(io.BytesIO(data)).paragraphs:
            _ = paragraph.text

    results = {
        "baseline: python-docx open + paragraph texts (seed)": measure(lambda: baseline(typed), repeats, 3),
        "safety checks only (seed)": measure(lambda: check_archive(typed), repeats, 3),
        "import_docx (seed typed as paragraphs)": measure(lambda: import_docx_bytes(typed), repeats, 3),
        "baseline: python-docx open + paragraph texts (seed x50)": measure(lambda: baseline(long_typed), 3, 1),
        "import_docx (seed x50, ~5,000 paragraphs)": measure(lambda: import_docx_bytes(long_typed), 3, 1),
        "baseline: python-docx open + paragraph texts (export)": measure(lambda: baseline(exported), repeats, 3),
        "import_docx (zjdesk export of the demo)": measure(lambda: import_docx_bytes(exported), repeats, 3),
    }
    seed_base = results["baseline: python-docx open + paragraph texts (seed)"]
    export_base = results["baseline: python-docx open + paragraph texts (export)"]
    long_base = results["baseline: python-docx open + paragraph texts (seed x50)"]
    print(f"{'import case':56} {'median':>10} {'×baseline':>10}")
    for name, seconds in results.items():
        base = export_base if "export" in name else long_base if "x50" in name else seed_base
        print(f"{name:56} {seconds * 1000:8.1f} ms {seconds / base:10.2f}")


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    # Skip interpreter teardown: PySide6 can crash destroying Qt objects at exit, after the results are out.
    os._exit(status)
