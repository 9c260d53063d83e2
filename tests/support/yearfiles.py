"""Year files and not-year-files for the store and CLI tests."""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
from pathlib import Path

import docx

from zjdesk.demo import demo_year
from zjdesk.store.yearfile import write_new_year_file


def make_demo_file(folder: Path, name: str = "demo.zjd") -> Path:
    path = folder / name
    write_new_year_file(path, demo_year())
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def bad_files(folder: Path) -> dict[str, Path]:
    """Each kind of file that is not a healthy year file, by name."""
    files: dict[str, Path] = {}
    files["empty"] = folder / "empty.zjd"
    files["empty"].write_bytes(b"")
    files["random"] = folder / "random.zjd"
    files["random"].write_bytes(os.urandom(5000))
    document = docx.Document()
    document.add_paragraph("部门整体支出绩效自评报告")
    buffer = io.BytesIO()
    document.save(buffer)
    files["docx"] = folder / "report.zjd"
    files["docx"].write_bytes(buffer.getvalue())
    healthy = make_demo_file(folder, "healthy.zjd")
    data = healthy.read_bytes()
    files["truncated"] = folder / "truncated.zjd"
    files["truncated"].write_bytes(data[: len(data) // 2])
    files["truncated_odd"] = folder / "truncated_odd.zjd"
    files["truncated_odd"].write_bytes(data[:1000])
    newer = make_demo_file(folder, "newer.zjd")
    with sqlite3.connect(newer) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()
    files["newer"] = newer
    other = folder / "other.zjd"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    connection.close()
    files["other_sqlite"] = other
    files["folder"] = folder / "folder.zjd"
    files["folder"].mkdir()
    return files
