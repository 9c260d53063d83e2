"""Output files are written whole or not at all, with a Chinese message when the target is locked."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from zjdesk.store import output_files
from zjdesk.store.output_files import OutputFileError, write_all_atomically, write_atomically


def test_writes_the_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "报告.json"
    write_atomically(target, "内容".encode())
    assert target.read_bytes() == "内容".encode()
    assert os.listdir(tmp_path) == ["报告.json"]


def test_a_target_open_elsewhere_keeps_its_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "自评报告.docx"
    target.write_bytes(b"old")

    def locked(source: str, destination: str) -> None:
        raise PermissionError(13, "Permission denied")  # what Windows says while Word has the file open

    monkeypatch.setattr(output_files.os, "replace", locked)
    with pytest.raises(OutputFileError, match="Word"):
        write_atomically(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["自评报告.docx"]


def test_staging_failure_writes_none_of_the_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.xlsx"
    real_fdopen = os.fdopen
    calls = []

    def disk_full_on_second(descriptor: int, mode: str):
        calls.append(descriptor)
        if len(calls) == 2:
            os.close(descriptor)
            raise OSError(28, "No space left on device")
        return real_fdopen(descriptor, mode)

    monkeypatch.setattr(output_files.os, "fdopen", disk_full_on_second)
    with pytest.raises(OutputFileError, match="磁盘空间"):
        write_all_atomically([(first, b"1"), (second, b"2")])
    assert os.listdir(tmp_path) == []


@pytest.mark.parametrize("case", ["missing_folder", "folder_target"])
def test_unwritable_targets_are_refused_before_writing(tmp_path: Path, case: str) -> None:
    target = tmp_path / "nowhere" / "x.json" if case == "missing_folder" else tmp_path
    with pytest.raises(OutputFileError):
        write_atomically(target, b"x")
    assert not (tmp_path / "nowhere").exists()
