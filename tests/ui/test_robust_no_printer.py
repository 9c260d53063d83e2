"""Previewing and exporting never ask the print system: no QPrinter until the officer prints.

Building a QPrinter makes Qt ask CUPS for its printers — over the network when CUPS_SERVER names
another machine. The program runs here in a process whose CUPS_SERVER is a socket the test listens
on: opening the year, showing the preview's page images, writing the PDF and exporting all three
files must not knock on it.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

SESSION = r"""
import sys
from pathlib import Path
from zjdesk.demo import demo_year
from zjdesk.store.yearfile import write_new_year_file
from zjdesk.ui import dialogs
from zjdesk.app import open_window
from PySide6.QtWidgets import QApplication

folder = Path(sys.argv[1])
write_new_year_file(folder / "演示.zjd", demo_year())
window = open_window(folder / "演示.zjd")
window.go_to(8)  # 预览与导出: lays out the report and shows every page as an image
QApplication.processEvents()
page = window.page(8)
assert page.page_labels and not page.page_labels[0].pixmap().isNull()
dialogs.ask_export_path = lambda *args: str(folder / "报告.pdf")
dialogs.ask_folder = lambda *args: str(folder)
dialogs.ask_yes_no = lambda *args: True
dialogs.ask_export_despite_findings = lambda *args: True  # the demo's open yellow findings: go on
assert page.controller.export("pdf", draft=True) == [folder / "报告.pdf"]
assert len(page.controller.export_all()) == 3
print("done", flush=True)
"""


def test_preview_pdf_and_export_never_contact_the_print_system(tmp_path: Path) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    knocks: list[int] = []

    def count() -> None:
        while True:
            try:
                connection, _address = listener.accept()
            except OSError:
                return
            knocks.append(1)
            connection.close()

    threading.Thread(target=count, daemon=True).start()
    env = {
        **os.environ,
        "CUPS_SERVER": f"127.0.0.1:{listener.getsockname()[1]}",
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src"),
    }
    try:
        run = subprocess.run([sys.executable, "-c", SESSION, str(tmp_path)], capture_output=True, text=True, env=env, timeout=300)
    finally:
        listener.close()
    assert run.returncode == 0 and run.stdout.strip() == "done", run.stderr
    assert knocks == [], "the print system was contacted although nothing was printed"
    assert (tmp_path / "报告.pdf").read_bytes().startswith(b"%PDF")
