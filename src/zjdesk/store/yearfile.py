"""The year file: create, open, save and close one ``.zjd`` SQLite file per evaluation year.

Every save is a committed transaction (``journal_mode=DELETE``, ``synchronous=FULL``: safe on
network shares and against power loss), so there is no Save button and nothing to lose. While a
year file is open for writing, a lock keeps any other zjdesk from writing it. The file holds no
absolute paths, so it can be copied to a USB stick or another PC.

Recognising and reading a file uses the ``sqlite3`` module alone; writes go through SQLAlchemy
(:mod:`zjdesk.store.writer`), which is imported on the first write so that the program opens a
year without paying for the ORM's import.
"""

from __future__ import annotations

import importlib
import os
import sqlite3
import threading
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import zjdesk
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import SECTIONS, YearData
from zjdesk.domain.serialize import FORMAT_VERSION, FormatError, section_from_json, section_to_json
from zjdesk.store import migrations
from zjdesk.store.file_names import check_year_file_path, exists, is_dir
from zjdesk.store.identity import APPLICATION_ID, FORMAT_VERSION_KEY, SCHEMA_VERSION
from zjdesk.store.lock import LockFileError, YearFileLock, remove_stale_locks
from zjdesk.store.log_notes import note
from zjdesk.store.probe import FileBusyError, NotAYearFileError, check_file_bytes, check_regular, is_busy
from zjdesk.store.reading import NewerSchemaError, checked_version, read_snapshot_retrying
from zjdesk.store.sqlite_files import SQLITE_CONSTRAINT, SQLITE_ERROR, SQLITE_MISMATCH, describe_failure, error_code
from zjdesk.store.sqlite_files import connect as _connect
from zjdesk.store.staging import Batch, recover_folder
from zjdesk.store.write_protection import reason_for_errno, write_protection

if TYPE_CHECKING:
    from sqlalchemy import Engine

YEAR_FILE_SUFFIX = ".zjd"
LOG = "zjdesk.store"  # opens, saves and failures in the program's log; never the year's contents


class WriteError(UserError):
    """A save could not be committed; the file keeps its last committed state."""


class FileReplacedError(WriteError):
    """The year file's path now leads to another file: nothing was written, into either."""


class ReadOnlyFileError(UserError):
    """The year file can be read but not written; ``reason`` says why (a fragment of a sentence)."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _read_only(path: Path, reason: str) -> ReadOnlyFileError:
    return ReadOnlyFileError(f"年度文件“{path.name}”不能修改：{reason}。可以只读打开查看，或另存为一份可以修改的副本。", reason)


def check_readable_back(year: YearData) -> dict[str, str]:
    """Every part of ``year`` as stored; raises :class:`WriteError` if this program could not read one back."""
    parts = {}
    for name in SECTIONS:
        text = section_to_json(year, name)
        try:
            section_from_json(name, text)
        except (FormatError, ValueError, RecursionError) as error:
            raise WriteError(f"未保存：{error}文件保留原有的内容，请改正后再试。") from error
        parts[name] = text
    return parts


def prepare_for_saving() -> None:
    """Import the write path (SQLAlchemy) in the background, so the first save does not wait for it."""
    threading.Thread(target=importlib.import_module, args=("zjdesk.store.writer",), daemon=True).start()


def backup_path_for(path: Path, version: int) -> Path:
    """Where the backup taken before migrating ``path`` from ``version`` goes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix}")
    counter = 2
    while exists(candidate):
        candidate = path.with_name(f"{path.stem}.backup-v{version}-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate


# What a save does, tried once when a file is opened for writing and rolled back: a file whose tables
# another program changed (a column dropped, a table made a view, a trigger) would otherwise open and
# then refuse every save.
_TRIAL_SAVE = (
    "UPDATE year_part SET data = data, modified = modified WHERE name IN (SELECT name FROM year_part LIMIT 1)",
    "INSERT INTO year_part (name, data, modified) VALUES ('.zjdesk-trial', '', '')",
    "UPDATE meta SET value = value WHERE key IN (SELECT key FROM meta LIMIT 1)",
    "INSERT INTO meta (key, value) VALUES ('.zjdesk-trial', '')",
)
# SQLite's answers that mean the tables, not the disk: a generic error (no such column, a view), a
# constraint or trigger, a type mismatch.
_LAYOUT_ERRORS = (SQLITE_ERROR, SQLITE_CONSTRAINT, SQLITE_MISMATCH)


def _check_saves_go_through(connection: sqlite3.Connection, path: Path) -> None:
    """Refuse to open for writing a file whose tables would refuse its saves (it opens read-only instead)."""
    try:
        connection.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as error:
        if is_busy(error):
            raise FileBusyError(path.name) from error
        return  # the disk or the medium: the first save says what is wrong
    try:
        for statement in _TRIAL_SAVE:
            connection.execute(statement)
    except sqlite3.Error as error:
        code = error_code(error)
        if code is not None and code & 0xFF in _LAYOUT_ERRORS:
            raise _read_only(path, "文件的表结构已被其他程序改动，zjdesk 无法在其中保存") from error
    finally:
        connection.execute("ROLLBACK")


def _year_meta(year: YearData) -> dict[str, str]:
    return {"evaluation_year": str(year.cover.evaluation_year or ""), "unit_name": year.cover.unit_name}


class YearFile:
    """An open year file. Use :meth:`create`, :meth:`open` or :meth:`open_for_editing`; close it (or use ``with``)."""

    def __init__(self, path: Path, lock: YearFileLock | None, readonly: bool, memory: sqlite3.Connection | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.readonly_reason = ""  # why a file opened for editing could only be opened read-only
        self.migrated_from: int | None = None
        self.backup: Path | None = None
        self._open = True
        self._lock = lock
        self._memory = memory  # a file opened read-only: its snapshot (migrated, if it is older)
        self._engine: Engine | None = None
        self._saved: dict[str, str] = {}

    # -- opening and closing -------------------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], year: YearData, *, overwrite: bool = False) -> YearFile:
        """Write a new year file holding ``year`` and return it open for writing.

        The file is built under a temporary name and moved into place, so a failure leaves nothing.
        With ``overwrite`` an existing file is replaced, unless another zjdesk has it open.
        """
        path = Path(path)
        check_year_file_path(path)
        if exists(path) and not overwrite:
            raise UserError(f"文件“{path.name}”已存在：为免覆盖已有的年度文件，请换一个文件名，或先移走旧文件。")
        if not is_dir(path.parent):
            raise UserError(f"文件夹“{path.parent}”不存在：请先建立该文件夹，或选择其他保存位置。")
        try:
            parts = check_readable_back(year)  # what cannot be read back is never written, not even once
        except WriteError as error:
            raise UserError(f"无法创建“{path.name}”：{str(error).removeprefix('未保存：')}") from error
        # The name is locked, not the old file: it is about to be replaced (and Windows would refuse
        # to replace a file held open). Never replace a file another zjdesk is writing.
        lock = YearFileLock(path, identity=False)
        try:
            lock.acquire()
        except LockFileError as error:  # the lock file is the first thing written into the folder
            reason = reason_for_errno(error.errno, path.parent)
            if reason is None:
                raise
            raise UserError(f"无法创建“{path.name}”：{reason}。请选择其他保存位置，未创建任何文件。") from error
        try:
            if exists(path) and not overwrite:  # another zjdesk created it while we were getting here
                raise UserError(f"文件“{path.name}”已存在：为免覆盖已有的年度文件，请换一个文件名，或先移走旧文件。")
            cls._write_new(path, year, parts)
        finally:
            lock.release()
        note(LOG, "created %s", path)
        return cls.open(path)

    @staticmethod
    def _write_new(path: Path, year: YearData, parts: dict[str, str]) -> None:
        """Build the file under a temporary name beside ``path`` and move it into place."""
        recover_folder(path.parent)
        with Batch([path.parent]) as batch:
            try:
                YearFile._build(batch.temporary(path), year, parts)
            except UserError:
                raise
            except Exception as error:  # sqlite3 and SQLAlchemy: the disk is full, the folder read-only…
                raise UserError(f"无法写入“{path.name}”（{describe_failure(error)}）。未创建任何文件。") from error
            batch.commit()

    @staticmethod
    def _build(temporary: Path, year: YearData, parts: dict[str, str]) -> None:
        connection = _connect(temporary, "rwc")
        try:
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("PRAGMA journal_mode = DELETE")
        finally:
            connection.close()
        from zjdesk.store import writer

        engine = writer.make_engine(lambda: _connect(temporary, "rw"))
        now = _now()
        meta = {
            "application": "zjdesk",
            "schema_version": str(SCHEMA_VERSION),
            FORMAT_VERSION_KEY: str(FORMAT_VERSION),
            "created": now,
            "modified": now,
            "created_by": zjdesk.__version__,
            "program_version": zjdesk.__version__,
            **_year_meta(year),
        }
        try:
            writer.create_tables(engine, meta, parts, now)
        finally:
            engine.dispose()

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> YearFile:
        """Open a year file, refusing anything that is not one with a Chinese message.

        For writing, the file is locked against other zjdesk processes; a file of an older schema
        is backed up and migrated; a file of a newer schema is refused; a file that can be read but
        not written raises :class:`ReadOnlyFileError` saying why. ``readonly`` neither locks nor
        changes the file: it reads a snapshot of it (an old file is migrated in memory), trying again
        briefly while another zjdesk is saving it.
        """
        path = Path(path)
        return cls._open_for_reading(path) if readonly else cls._open_for_writing(path)

    @classmethod
    def open_for_editing(cls, path: str | os.PathLike[str]) -> YearFile:
        """Open for writing where the file allows it; a write-protected one opens read-only.

        The read-only file's :attr:`readonly_reason` then says why it cannot be written.
        """
        try:
            return cls.open(path)
        except ReadOnlyFileError as error:
            year_file = cls.open(path, readonly=True)
            year_file.readonly_reason = error.reason
            note(LOG, "%s cannot be written, opened read-only: %s", path, error.reason)
            return year_file

    @classmethod
    def _open_for_writing(cls, path: Path) -> YearFile:
        check_regular(path)
        try:
            check_year_file_path(path)
        except UserError as error:
            raise _read_only(path, f"{str(error).rstrip('。')}（保存时要在它旁边建立同名的临时文件）") from error
        reason = write_protection(path)
        if reason is not None:
            raise _read_only(path, reason)
        # What a killed zjdesk left in this folder (temporaries, a half-done export, stale locks) goes now.
        recover_folder(path.parent)
        remove_stale_locks(path.parent)
        lock = YearFileLock(path)
        try:
            lock.acquire()
        except LockFileError as error:
            reason = reason_for_errno(error.errno, lock.path.parent)
            if reason is not None:
                raise _read_only(path, reason) from error
            raise
        try:
            check_file_bytes(path)
            try:
                connection = _connect(path, "rw")
            except sqlite3.Error as error:
                raise NotAYearFileError(f"无法打开“{path.name}”（{describe_failure(error)}）。") from error
            backup = None
            try:
                version = checked_version(connection, path)
                if version < SCHEMA_VERSION:
                    migrations.check_route(version, SCHEMA_VERSION, migrations.MIGRATIONS)
                    backup = backup_path_for(path, version)
                    backup_connection = _connect(backup, "rwc")
                    try:
                        connection.backup(backup_connection)
                    finally:
                        backup_connection.close()
                    migrations.run_migrations(connection, version, SCHEMA_VERSION, migrations.MIGRATIONS)
                _check_saves_go_through(connection, path)
            finally:
                connection.close()
            year_file = cls(path, lock, False)
            if version < SCHEMA_VERSION:
                year_file.migrated_from = version
                year_file.backup = backup
            year_file.load()  # validates every part now, not at the first edit
            note(LOG, "opened %s for editing%s", path, f" (migrated from schema {version})" if backup else "")
            return year_file
        except BaseException:
            lock.release()
            raise

    @classmethod
    def _open_for_reading(cls, path: Path) -> YearFile:
        memory, migrated_from = read_snapshot_retrying(path)
        year_file = cls(path, None, True, memory)
        year_file.migrated_from = migrated_from
        year_file.load()
        note(LOG, "read %s", path)
        return year_file

    def close(self) -> None:
        """Close the file and release its lock. Everything was committed as it was saved."""
        self._open = False
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None
        if self._memory is not None:
            self._memory.close()
            self._memory = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> YearFile:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self._open

    # -- reading and writing -------------------------------------------------------------------

    def _require_open(self) -> None:
        if not self._open:
            raise UserError("年度文件已关闭。")

    def _query(self, sql: str) -> list[tuple[str, str]]:
        """Rows of a read-only query, on the file (or on the migrated copy of an old file)."""
        self._require_open()
        if self._memory is not None:
            return self._memory.execute(sql).fetchall()
        connection = _connect(self.path, "ro" if self.readonly else "rw")
        try:
            return connection.execute(sql).fetchall()
        finally:
            connection.close()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine that writes this file (created, and SQLAlchemy imported, on first use)."""
        self._require_open()
        if self.readonly:
            raise UserError("此年度文件以只读方式打开，不能保存修改。")
        if self._engine is None:
            from zjdesk.store import writer

            self._engine = writer.make_engine(lambda: _connect(self.path, "rw"))
        return self._engine

    def load(self) -> YearData:
        """Read the whole year from the file."""
        try:
            rows = dict(self._query("SELECT name, data FROM year_part"))
            stored_format = dict(self._query(f"SELECT key, value FROM meta WHERE key = '{FORMAT_VERSION_KEY}'"))
        except sqlite3.Error as error:  # a damaged table: tell the user, do not crash
            if is_busy(error):
                raise FileBusyError(self.path.name) from error
            raise NotAYearFileError(f"年度文件“{self.path.name}”的内容已损坏，无法读取：请使用备份。") from error
        self._refuse_newer_format(stored_format.get(FORMAT_VERSION_KEY, ""))
        year = YearData()
        for name in SECTIONS:
            if name not in rows:
                continue  # a part added by a later program version keeps its default
            try:
                setattr(year, name, section_from_json(name, rows[name]))
            except (FormatError, ValueError, TypeError) as error:
                raise NotAYearFileError(
                    f"年度文件“{self.path.name}”中“{name}”部分的内容无法读取（{error}）：请使用备份。"
                ) from error
            self._saved[name] = rows[name]
        return year

    def _refuse_newer_format(self, stored: str) -> None:
        """A file whose parts are of a newer JSON format than this program reads is refused, unchanged."""
        version = int(stored) if stored.isdigit() and len(stored) < 10 else 0  # 10**5000 is no version
        if version > FORMAT_VERSION:
            raise NewerSchemaError(
                f"“{self.path.name}”由更新版本的 zjdesk 创建（数据格式第 {version} 版，本程序支持到第 {FORMAT_VERSION} 版）。"
                "请升级 zjdesk 后再打开，文件未被修改。"
            )

    def save(self, year: YearData) -> list[str]:
        """Commit every part of ``year`` that differs from the file, in one transaction.

        Returns the names of the parts written (empty when nothing changed). On failure nothing
        is written and :class:`WriteError` says why.
        """
        engine = self.engine
        changed = {}
        for name in SECTIONS:
            text = section_to_json(year, name)
            if self._saved.get(name) != text:
                changed[name] = text
        if not changed:
            return []
        for name, text in changed.items():
            # Never write what this program could not read back: the file would look damaged.
            try:
                section_from_json(name, text)
            except (FormatError, ValueError, RecursionError) as error:
                raise WriteError(f"这次修改未保存：{error}文件保留上一次保存的内容，请改正后再试。") from error
        now = _now()
        meta = {"modified": now, "program_version": zjdesk.__version__, FORMAT_VERSION_KEY: str(FORMAT_VERSION)}
        if "cover" in changed:
            meta.update(_year_meta(year))
        from zjdesk.store import writer

        started = time.perf_counter()
        try:
            writer.write_parts(engine, changed, meta, now, verify=self._check_still_the_same_file)
        except UserError as error:
            note(LOG, "save to %s refused: %s", self.path, type(error).__name__)
            raise
        except Exception as error:
            note(LOG, "save to %s failed: %s", self.path, describe_failure(error))
            raise WriteError(
                f"保存到“{self.path.name}”失败（{describe_failure(error)}）：最近一次修改未能写入，文件保留上一次保存的内容。"
            ) from error
        self._saved.update(changed)
        note(LOG, "saved %s: %s (%.0f ms)", self.path, ", ".join(changed), (time.perf_counter() - started) * 1000)
        return list(changed)

    def _check_still_the_same_file(self) -> None:
        """Called inside each save's transaction: the path must still lead to the file that was opened."""
        if self._lock is not None and not self._lock.still_the_same_file():
            raise FileReplacedError(
                f"“{self.path.name}”已被其他程序替换或移走（这个位置现在是另一个文件）：这次修改没有写入，"
                "也没有写进那个文件。请用“另存为”把本年度保存为新的年度文件。"
            )

    def meta(self) -> dict[str, str]:
        """The file's metadata (created, modified, program_version, evaluation_year, unit_name, …)."""
        return dict(self._query("SELECT key, value FROM meta"))


def read_year(path: str | os.PathLike[str]) -> YearData:
    """Read a year file without locking or changing it (for the command line and previews)."""
    with YearFile.open(path, readonly=True) as year_file:
        return year_file.load()


def write_new_year_file(path: str | os.PathLike[str], year: YearData, *, overwrite: bool = False) -> None:
    """Create a year file holding ``year`` and close it."""
    YearFile.create(path, year, overwrite=overwrite).close()


__all__ = [
    "YEAR_FILE_SUFFIX",
    "FileBusyError",
    "FileReplacedError",
    "NewerSchemaError",
    "NotAYearFileError",
    "ReadOnlyFileError",
    "WriteError",
    "YearFile",
    "read_year",
    "write_new_year_file",
]
