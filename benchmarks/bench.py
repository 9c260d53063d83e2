"""zjdesk benchmarks: medians of the hot paths, with ratios to baselines measured in the same run.

    python benchmarks/bench.py            # full run
    python benchmarks/bench.py --quick    # fewer repetitions (CI smoke run)

Ratios against a baseline measured in the same run (deep-copying the demo year, dumping it to
JSON) stay comparable across machines; absolute medians are for this machine only. Nothing here
fails on timing.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from zjdesk.demo import demo_year
from zjdesk.domain.carry_forward import carry_forward
from zjdesk.domain.checks import run_checks
from zjdesk.domain.rates import compute_rates
from zjdesk.domain.scoring import score_year
from zjdesk.domain.serialize import dumps
from zjdesk.report.docx_writer import render_docx
from zjdesk.report.engine import outline_for
from zjdesk.report.export import export_year
from zjdesk.report.xlsx_writer import render_xlsx


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args()
    repeats, inner = (5, 20) if args.quick else (25, 50)
    year = demo_year()
    next_year = carry_forward(year)  # every carried text awaits review: the most findings

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
    }
    results = {name: measure(function, repeats, inner) for name, function in {**baselines, **cases}.items()}
    copy_time = results["baseline: deepcopy(demo year)"]
    dump_time = results["baseline: dumps(demo year) to JSON"]
    print(f"{'case':46} {'median':>10} {'×deepcopy':>10} {'×dumps':>8}")
    for name, seconds in results.items():
        print(f"{name:46} {seconds * 1000:8.3f} ms {seconds / copy_time:10.2f} {seconds / dump_time:8.2f}")
    keystroke = results["keystroke recompute: score + checks (demo)"] * 1000
    print(f"\nkeystroke recompute median: {keystroke:.3f} ms (target < 5 ms)")
    print()
    report_benchmarks(quick=args.quick)
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


if __name__ == "__main__":
    sys.exit(main())
