"""Outputs never replace a year file, their source or each other; several outputs move all or none;
what a killed zjdesk left behind is cleaned up at the next start."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from support.yearfiles import digest, make_demo_file
from zjdesk.store import staging
from zjdesk.store.lock import lock_path_for
from zjdesk.store.output_files import OutputFileError, check_targets, write_all_atomically, write_atomically
from zjdesk.store.yearfile import YearFile


def _names(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_an_output_named_like_a_year_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError, match=r"\.zjd"):
        write_atomically(tmp_path / "报告.zjd", b"%PDF")
    assert _names(tmp_path) == []


def test_an_output_never_replaces_a_year_file_whatever_its_name(tmp_path: Path) -> None:
    year_file = make_demo_file(tmp_path)
    renamed = tmp_path / "看起来像报告.pdf"
    os.replace(year_file, renamed)
    before = digest(renamed)
    with pytest.raises(OutputFileError, match="年度文件"):
        write_atomically(renamed, b"%PDF")
    assert digest(renamed) == before


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need a privilege ordinary Windows users lack")
def test_an_output_never_replaces_its_source_even_through_a_link(tmp_path: Path) -> None:
    source = tmp_path / "年度数据.json"
    source.write_text("{}", encoding="utf-8")
    link = tmp_path / "别名.json"
    link.symlink_to(source)
    with pytest.raises(OutputFileError, match="要读取的文件本身"):
        write_atomically(link, b"[]", sources=[source])
    assert source.read_text(encoding="utf-8") == "{}"


def test_the_same_file_given_for_two_outputs_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputFileError, match="两次"):
        check_targets([tmp_path / "报告.docx", tmp_path / "." / "报告.docx"])


def test_a_three_file_export_whose_last_target_is_busy_leaves_all_old_targets(tmp_path: Path, monkeypatch) -> None:
    targets = [tmp_path / "报告.docx", tmp_path / "报告.pdf", tmp_path / "数据表.xlsx"]
    for target in targets:
        target.write_bytes(b"old " + target.suffix.encode())
    real_replace = os.replace

    def busy_sheet(source, destination):
        if Path(source) == targets[2]:  # Excel has the sheet open: Windows refuses to move it
            raise PermissionError(13, "Permission denied")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", busy_sheet)
    with pytest.raises(OutputFileError, match=r"数据表\.xlsx"):
        write_all_atomically([(target, b"new " + target.suffix.encode()) for target in targets])
    monkeypatch.undo()
    assert [target.read_bytes() for target in targets] == [b"old .docx", b"old .pdf", b"old .xlsx"]
    assert _names(tmp_path) == sorted(target.name for target in targets)


def test_a_failure_while_moving_the_new_files_in_puts_the_old_ones_back(tmp_path: Path, monkeypatch) -> None:
    targets = [tmp_path / "报告.docx", tmp_path / "报告.pdf", tmp_path / "数据表.xlsx"]
    for target in targets[:2]:
        target.write_bytes(b"old")
    real_replace = os.replace

    def failing_last_move(source, destination):
        if Path(destination) == targets[2] and Path(source).name.endswith(".tmp"):
            raise OSError(5, "Input/output error")
        real_replace(source, destination)

    monkeypatch.setattr(os, "replace", failing_last_move)
    with pytest.raises(OutputFileError):
        write_all_atomically([(target, b"new") for target in targets])
    monkeypatch.undo()
    assert [target.read_bytes() for target in targets[:2]] == [b"old", b"old"]
    assert not targets[2].exists()
    assert _names(tmp_path) == sorted(target.name for target in targets[:2])


def _dead_batch(folder: Path, targets: list[Path], *, moving: bool) -> None:
    """What a process killed in the middle of a three-file export leaves behind."""
    batch = staging.Batch([folder])
    for target in targets:
        batch.stage(target, b"new")
    for entry in batch.entries:
        entry["existed"] = True
    batch._write_journals(staging.json.dumps({"entries": batch.entries, "journals": [str(p) for p in batch._journals]}))
    for entry in batch.entries:  # every old target put aside…
        os.replace(entry["target"], entry["backup"])
    if moving:
        batch._write_journals(staging.MOVING)
        os.replace(batch.entries[0]["temp"], batch.entries[0]["target"])  # …and one new one moved in
    for handle in batch._journals.values():  # the process dies: its lock goes, its files stay
        handle.close()


@pytest.mark.parametrize("moving", [False, True], ids=["before moving: undone", "while moving: completed"])
def test_the_next_write_into_the_folder_finishes_an_export_a_kill_interrupted(tmp_path: Path, moving: bool) -> None:
    targets = [tmp_path / "报告.docx", tmp_path / "报告.pdf", tmp_path / "数据表.xlsx"]
    for target in targets:
        target.write_bytes(b"old")
    _dead_batch(tmp_path, targets, moving=moving)
    assert not targets[1].exists()  # the old report is aside until the next start
    write_atomically(tmp_path / "别的导出.json", b"{}")
    assert [target.read_bytes() for target in targets] == [b"new" if moving else b"old"] * 3
    assert _names(tmp_path) == sorted([*(target.name for target in targets), "别的导出.json"])


def test_opening_a_year_file_cleans_up_temporaries_and_stale_locks(tmp_path: Path) -> None:
    path = make_demo_file(tmp_path)
    (tmp_path / ".zjdesk-0123456789ab-0.tmp").write_bytes(b"half a report")
    (tmp_path / ".zjdesk-k2j3h4.docx.tmp").write_bytes(b"from an older zjdesk")
    stale = lock_path_for(tmp_path / "另一年.zjd")
    stale.write_text('{"user": "已退出"}', encoding="utf-8")
    with YearFile.open(path):
        assert _names(tmp_path) == sorted([path.name, lock_path_for(path).name])
    assert _names(tmp_path) == [path.name]


def test_a_living_exports_files_are_left_alone(tmp_path: Path) -> None:
    with staging.Batch([tmp_path]) as batch:
        temporary = batch.stage(tmp_path / "报告.docx", b"being written")
        staging.recover_folder(tmp_path)  # another zjdesk starting up meanwhile
        assert temporary.read_bytes() == b"being written"
        batch.commit()
    assert (tmp_path / "报告.docx").read_bytes() == b"being written"
    assert _names(tmp_path) == ["报告.docx"]


def test_a_dead_batch_written_with_relative_names_is_finished_from_another_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # `zjdesk export a.zjd --docx 报告.docx …` is killed; the program, started elsewhere, opens a year there.
    folder = tmp_path / "年度"
    folder.mkdir()
    targets = [folder / "报告.docx", folder / "报告.pdf"]
    for target in targets:
        target.write_bytes(b"old")
    monkeypatch.chdir(folder)
    _dead_batch(Path("."), [Path(target.name) for target in targets], moving=False)
    elsewhere = tmp_path / "别处"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    staging.recover_folder(folder)
    assert [target.read_bytes() for target in targets] == [b"old", b"old"]
    assert _names(folder) == sorted(target.name for target in targets)


def test_a_journal_zjdesk_did_not_write_touches_no_file_and_breaks_no_open(tmp_path: Path) -> None:
    # A shared folder: anyone may leave a file named like a journal. It must not move or remove others' files.
    path = make_demo_file(tmp_path)
    victim = tmp_path / "别人的文件.docx"
    victim.write_bytes(b"precious")
    outside = tmp_path.parent / f"{tmp_path.name}-外面.txt"
    outside.write_bytes(b"precious")
    plans = [
        {"entries": [{"temp": str(victim), "target": str(path), "backup": str(outside)}], "journals": []},
        {"entries": [], "journals": [str(victim), str(outside)]},
        {"entries": [{"temp": str(tmp_path / ".zjdesk-x-0.tmp"), "target": str(victim)}], "journals": []},  # no backup
        {"entries": [{"temp": 1, "target": [], "backup": None}], "journals": "x"},
        [1, 2],
    ]
    for number, plan in enumerate(plans):
        (tmp_path / f".zjdesk-{number:012d}.journal").write_text(staging.json.dumps(plan) + "\nmoving\n", encoding="utf-8")
    before = digest(path)
    with YearFile.open(path) as year_file:
        assert year_file.load().cover.evaluation_year == 2024
    assert digest(path) == before and victim.read_bytes() == b"precious" and outside.read_bytes() == b"precious"
    assert _names(tmp_path) == sorted([path.name, victim.name])
    outside.unlink()
