"""Writing files whole or not at all — several together or none — even when the process is killed.

Everything zjdesk writes (a new year file, a report, a sheet, a JSON dump) goes through a
:class:`Batch`: each file is first written in full under a temporary name beside its target, then
moved into place. A batch of several outputs (the report, its PDF and the sheets, which must agree)
moves them all or none: every target that exists is first moved aside — on Windows that is also the
test that no program holds it open — then every new file is moved in, then the old ones are
removed. If a step fails, what was moved is moved back, and the old targets are as they were.

A kill can strike between any two steps, so each batch keeps a journal in every folder it writes
into, ``.zjdesk-ID.journal``, locked by its process for as long as it lives: the plan (temporary →
target, and where each old target was put aside) and, once every old target is aside, the line
``moving``. The next write into that folder — and the next open of a year file there — finishes any
batch whose process died (its journal's lock is free): before ``moving`` it is undone (the old
targets put back), after it completed. Then its files go, and so do temporaries no living batch owns.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from zjdesk.domain.errors import UserError
from zjdesk.store.os_locks import LockUnsupportedError, try_lock, unlock
from zjdesk.store.sqlite_files import os_write_reason

PREFIX = ".zjdesk-"
JOURNAL_SUFFIX = ".journal"
MOVING = "moving"


class OutputFileError(UserError):
    """An output file cannot be written (missing folder, read-only, open in another program)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    # A rename is durable once its folder is; Windows has no folder handles to sync.
    if os.name != "nt":
        with contextlib.suppress(OSError):
            descriptor = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)


class Batch:
    """Files written under temporary names, then moved into their targets all together (or none)."""

    def __init__(self, folders: Iterable[Path]) -> None:
        # Absolute: the process that finishes a dead batch may run in another working folder.
        self.folders = list(dict.fromkeys(Path(folder).absolute() for folder in folders))
        self.entries: list[dict[str, Any]] = []
        self._journals: dict[Path, IO[bytes]] = {}
        for _attempt in range(5):
            self.id = os.urandom(6).hex()  # not secrets: it loads hashlib (OpenSSL), a cost at every start
            if self._open_journals():
                break
        else:  # pragma: no cover - five clean-ups racing us in a row
            raise OutputFileError("无法在目标文件夹中写入：请稍后再试。")

    # -- journals ----------------------------------------------------------------------------------

    def _journal_path(self, folder: Path) -> Path:
        return folder / f"{PREFIX}{self.id}{JOURNAL_SUFFIX}"

    def _open_journals(self) -> bool:
        for folder in self.folders:
            path = self._journal_path(folder)
            try:
                handle = open(path, "x+b")  # noqa: SIM115 - held for the batch's life
            except FileExistsError:
                self._drop_journals()
                return False
            except OSError as error:
                self._drop_journals()
                raise OutputFileError(
                    f"无法在“{folder}”中写入（{error.strerror}）：请确认文件夹可以写入、磁盘有空间，或选择其他保存位置。"
                ) from error
            self._journals[path] = handle
            try:
                locked = try_lock(handle)
            except LockUnsupportedError:
                locked = True  # a share without locks: the journal is still there to finish the batch
            if not locked or not _same_file(handle, path):
                self._drop_journals()  # a clean-up took it for a dead batch's: start again with another id
                return False
        return True

    def _write_journals(self, line: str) -> None:
        try:
            for handle in self._journals.values():
                handle.seek(0, os.SEEK_END)
                handle.write((line + "\n").encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            full = os_write_reason(error)
            raise OutputFileError(f"无法写入（{full}）：请检查磁盘空间后重试，原有文件未改动。") from error

    def _drop_journals(self) -> None:
        journals, self._journals = self._journals, {}
        for path, handle in journals.items():
            if os.name != "nt":
                with contextlib.suppress(OSError):
                    path.unlink()
            with contextlib.suppress(OSError):
                unlock(handle)
            with contextlib.suppress(OSError):
                handle.close()
            if os.name == "nt":
                with contextlib.suppress(OSError):
                    path.unlink()

    # -- staging -----------------------------------------------------------------------------------

    def temporary(self, target: Path) -> Path:
        """A fresh temporary name beside ``target`` (its folder must be one of the batch's)."""
        target = target.absolute()
        temporary = target.parent / f"{PREFIX}{self.id}-{len(self.entries)}.tmp"
        self.entries.append(
            {"temp": str(temporary), "target": str(target), "backup": str(temporary.with_suffix(".old")), "existed": False}
        )
        return temporary

    def stage(self, target: Path, data: bytes) -> Path:
        """Write ``data`` in full (and to the disk) under a temporary name beside ``target``."""
        temporary = self.temporary(target)
        try:
            descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        except OSError as error:
            raise OutputFileError(f"无法在“{target.parent}”中写入（{error.strerror}）：请选择可以写入的文件夹。") from error
        try:
            # Created 0600; give the file the mode a normal save would (or the one it replaces).
            mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else 0o666 & ~_umask()
            os.chmod(temporary, mode)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            temporary.unlink(missing_ok=True)
            full = os_write_reason(error)
            raise OutputFileError(f"写入“{target.name}”失败（{full}）：请检查磁盘空间后重试。") from error
        return temporary

    # -- moving into place ---------------------------------------------------------------------------

    def commit(self) -> None:
        """Move every staged file into its target: all of them, or — on failure — none."""
        entries = self.entries
        if len(entries) == 1:  # one file: a single rename is all-or-nothing by itself
            self._move(Path(entries[0]["temp"]), Path(entries[0]["target"]))
            return
        for entry in entries:
            entry["existed"] = os.path.lexists(entry["target"])
        self._write_journals(json.dumps({"entries": entries, "journals": [str(path) for path in self._journals]}))
        aside: list[dict[str, Any]] = []
        try:
            for entry in entries:
                if entry["existed"]:
                    self._move(Path(entry["target"]), Path(entry["backup"]), old=True)
                    aside.append(entry)
        except OutputFileError:
            for entry in reversed(aside):
                with contextlib.suppress(OSError):
                    os.replace(entry["backup"], entry["target"])
            raise
        try:
            self._write_journals(MOVING)
        except OutputFileError:
            _undo(entries, [])
            raise
        moved: list[dict[str, Any]] = []
        try:
            for entry in entries:
                self._move(Path(entry["temp"]), Path(entry["target"]))
                moved.append(entry)
        except OutputFileError:
            _undo(entries, moved)
            raise
        for entry in entries:
            with contextlib.suppress(OSError):
                os.unlink(entry["backup"])

    def _move(self, source: Path, target: Path, *, old: bool = False) -> None:
        try:
            os.replace(source, target)
        except OSError as error:
            name = target.name if not old else source.name
            raise OutputFileError(
                f"无法写入“{name}”（{error.strerror}）：如果该文件正在 Word、WPS、Excel 或其他程序中打开，请先关闭它再试。"
            ) from error
        _fsync_folder(target.parent)

    def close(self) -> None:
        """Remove what is left of the batch (temporaries not moved) and its journals."""
        for entry in self.entries:
            for key in ("temp", "backup"):
                with contextlib.suppress(OSError):
                    os.unlink(entry[key])
                with contextlib.suppress(OSError):
                    os.unlink(entry[key] + "-journal")  # SQLite's, beside a year file being built
        self._drop_journals()

    def __enter__(self) -> Batch:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _same_file(handle: IO[bytes], path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except OSError:
        return False


def _undo(entries: list[dict[str, Any]], moved: list[dict[str, Any]]) -> None:
    """Put every old target back after some new ones were moved in (and remove the new ones that had none)."""
    for entry in moved:
        if not entry["existed"]:
            with contextlib.suppress(OSError):
                os.unlink(entry["target"])
    for entry in entries:
        if entry["existed"]:
            with contextlib.suppress(OSError):
                os.replace(entry["backup"], entry["target"])


def recover_folder(folder: Path) -> None:
    """Finish the batches in ``folder`` whose process died, and remove temporaries nobody owns."""
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.startswith(PREFIX)]
    except OSError:
        return
    living: set[str] = set()
    for name in names:
        if name.endswith(JOURNAL_SUFFIX):
            batch_id = name[len(PREFIX) : -len(JOURNAL_SUFFIX)]
            if not _finish_dead_batch(folder / name):
                living.add(batch_id)
    for name in names:
        if name.endswith(JOURNAL_SUFFIX):
            continue
        batch_id = name[len(PREFIX) :].split("-", 1)[0].split(".", 1)[0]
        if batch_id not in living:
            with contextlib.suppress(OSError):
                (folder / name).unlink()


def _finish_dead_batch(path: Path) -> bool:
    """Undo or complete the batch of the journal at ``path`` if its process died; False while it lives."""
    try:
        handle = open(path, "r+b")  # noqa: SIM115 - closed below
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        try:
            if not try_lock(handle):
                return False
        except LockUnsupportedError:
            pass
        lines = handle.read().decode("utf-8", "replace").splitlines()
        plan = _plan(lines)
        if plan is not None:
            entries, journals = plan
            moving = any(_says_moving(Path(other)) for other in journals) or MOVING in lines
            for entry in entries:
                if moving:
                    if os.path.lexists(entry["temp"]):
                        with contextlib.suppress(OSError):
                            os.replace(entry["temp"], entry["target"])
                    with contextlib.suppress(OSError):
                        os.unlink(entry["backup"])
                else:
                    if os.path.lexists(entry["backup"]):
                        with contextlib.suppress(OSError):
                            os.replace(entry["backup"], entry["target"])
                    with contextlib.suppress(OSError):
                        os.unlink(entry["temp"])
            for other in journals:
                if Path(other) != path:
                    with contextlib.suppress(OSError):
                        os.unlink(other)
        if os.name != "nt":
            with contextlib.suppress(OSError):
                path.unlink()
        with contextlib.suppress(OSError):
            unlock(handle)
    finally:
        handle.close()
    if os.name == "nt":
        with contextlib.suppress(OSError):
            path.unlink()
    return True


def _plan(lines: list[str]) -> tuple[list[dict[str, Any]], list[str]] | None:
    """The entries and journals of a journal's plan; None for one zjdesk did not write.

    A journal is read from a folder others may write into: a plan may only move zjdesk's own
    temporaries onto targets beside them and remove zjdesk's own journals, never any other file.
    """
    if not lines:
        return None
    try:
        plan = json.loads(lines[0])
        entries = list(plan["entries"])
        journals = [str(other) for other in plan.get("journals", [])]
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    if not all(_is_own_entry(entry) for entry in entries) or not all(_is_own_name(other, JOURNAL_SUFFIX) for other in journals):
        return None
    return entries, journals


def _is_own_name(path: str, suffix: str) -> bool:
    name = Path(path).name
    return name.startswith(PREFIX) and name.endswith(suffix)


def _is_own_entry(entry: object) -> bool:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("temp", "target", "backup")):
        return False
    temp, target, backup = Path(entry["temp"]), Path(entry["target"]), Path(entry["backup"])
    return (
        _is_own_name(entry["temp"], ".tmp")
        and _is_own_name(entry["backup"], ".old")
        and temp.parent == target.parent == backup.parent
    )


def _says_moving(path: Path) -> bool:
    try:
        return MOVING in path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
