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
import shutil
import sqlite3
import tempfile
import threading
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING
from urllib.parse import quote

import zjdesk
from zjdesk.domain.errors import UserError
from zjdesk.domain.model import SECTIONS, YearData
from zjdesk.domain.serialize import FORMAT_VERSION, FormatError, section_from_json, section_to_json
from zjdesk.store import migrations
from zjdesk.store.identity import APPLICATION_ID, FORMAT_VERSION_KEY, SCHEMA_VERSION
from zjdesk.store.lock import YearFileLock
from zjdesk.store.probe import NotAYearFileError, check_database, check_file_bytes

if TYPE_CHECKING:
    from sqlalchemy import Engine

YEAR_FILE_SUFFIX = ".zjd"


class NewerSchemaError(UserError):
    """The file was written by a newer zjdesk."""


class WriteError(UserError):
    """A save could not be committed; the file keeps its last committed state."""


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    # A URI with mode=rw/ro never creates a file that is not there.
    uri = f"file:{quote(str(path.resolve()))}?mode={mode}"
    return sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)


def prepare_for_saving() -> None:
    """Import the write path (SQLAlchemy) in the background, so the first save does not wait for it."""
    threading.Thread(target=importlib.import_module, args=("zjdesk.store.writer",), daemon=True).start()


def backup_path_for(path: Path, version: int) -> Path:
    """Where the backup taken before migrating ``path`` from ``version`` goes."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    candidate = path.with_name(f"{path.stem}.backup-v{version}-{stamp}{path.suffix}")
    counter = 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}.backup-v{version}-{stamp}-{counter}{path.suffix}")
        counter += 1
    return candidate


def _journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def _has_hot_journal(path: Path) -> bool:
    """Whether an interrupted save left its rollback journal beside the file."""
    try:
        return path.is_file() and _journal_of(path).stat().st_size > 0
    except OSError:
        return False


def _year_meta(year: YearData) -> dict[str, str]:
    return {"evaluation_year": str(year.cover.evaluation_year or ""), "unit_name": year.cover.unit_name}


class YearFile:
    """An open year file. Use :meth:`create` or :meth:`open`; close it (or use ``with``)."""

    def __init__(self, path: Path, lock: YearFileLock | None, readonly: bool, memory: sqlite3.Connection | None = None) -> None:
        self.path = path
        self.readonly = readonly
        self.migrated_from: int | None = None
        self.backup: Path | None = None
        self._open = True
        self._lock = lock
        self._memory = memory  # an old file read-only: its migrated copy
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
        if path.exists() and not overwrite:
            raise UserError(f"文件“{path.name}”已存在：为免覆盖已有的年度文件，请换一个文件名，或先移走旧文件。")
        if not path.parent.is_dir():
            raise UserError(f"文件夹“{path.parent}”不存在：请先建立该文件夹，或选择其他保存位置。")
        lock = YearFileLock(path)
        lock.acquire()  # never replace a file another zjdesk is writing
        try:
            if path.exists() and not overwrite:  # another zjdesk created it while we were getting here
                raise UserError(f"文件“{path.name}”已存在：为免覆盖已有的年度文件，请换一个文件名，或先移走旧文件。")
            cls._write_new(path, year)
        finally:
            lock.release()
        return cls.open(path)

    @staticmethod
    def _write_new(path: Path, year: YearData) -> None:
        try:
            descriptor, temporary_name = tempfile.mkstemp(prefix=".zjdesk-", suffix=".tmp", dir=path.parent)
        except OSError as error:
            raise UserError(f"无法在“{path.parent}”中写入文件（{error.strerror}）：请选择可以写入的文件夹。") from error
        os.close(descriptor)
        temporary = Path(temporary_name)
        temporary.unlink()
        try:
            connection = sqlite3.connect(temporary, isolation_level=None)
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
                writer.create_tables(engine, meta, {name: section_to_json(year, name) for name in SECTIONS}, now)
            finally:
                engine.dispose()
            os.replace(temporary, path)
        except OSError as error:
            temporary.unlink(missing_ok=True)
            raise UserError(f"无法写入“{path.name}”（{error.strerror}）：请确认文件夹可以写入、磁盘有空间。") from error
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> YearFile:
        """Open a year file, refusing anything that is not one with a Chinese message.

        For writing, the file is locked against other zjdesk processes; a file of an older schema
        is backed up and migrated; a file of a newer schema is refused. ``readonly`` neither locks
        nor migrates the file on disk (an old file is migrated in memory instead).
        """
        path = Path(path)
        if readonly and _has_hot_journal(path):
            return cls._open_recovered_copy(path)
        check_file_bytes(path)
        lock = None if readonly else YearFileLock(path)
        if lock is not None:
            lock.acquire()
        try:
            try:
                connection = _connect(path, "ro" if readonly else "rw")
            except sqlite3.Error as error:
                raise NotAYearFileError(f"无法打开“{path.name}”（{error}）：请确认文件未被其他程序占用。") from error
            backup = None
            try:
                version = check_database(connection, path.name, APPLICATION_ID)
                if version > SCHEMA_VERSION:
                    raise NewerSchemaError(
                        f"“{path.name}”由更新版本的 zjdesk 创建（文件格式第 {version} 版，本程序支持到第 {SCHEMA_VERSION} 版）。"
                        "请升级 zjdesk 后再打开，文件未被修改。"
                    )
                memory = None
                if version < SCHEMA_VERSION and readonly:
                    # Reading an old file must not change it: migrate a copy in memory.
                    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                    connection.backup(memory)
                    migrations.run_migrations(memory, version, SCHEMA_VERSION, migrations.MIGRATIONS)
                elif version < SCHEMA_VERSION:
                    backup = backup_path_for(path, version)
                    backup_connection = sqlite3.connect(backup)
                    try:
                        connection.backup(backup_connection)
                    finally:
                        backup_connection.close()
                    migrations.run_migrations(connection, version, SCHEMA_VERSION, migrations.MIGRATIONS)
            finally:
                connection.close()
            year_file = cls(path, lock, readonly, memory)
            if version < SCHEMA_VERSION:
                year_file.migrated_from = version
                year_file.backup = backup
            year_file.load()  # validates every part now, not at the first edit
            return year_file
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    @classmethod
    def _open_recovered_copy(cls, path: Path) -> YearFile:
        """Read a file whose last save was interrupted (its ``-journal`` is still beside it).

        SQLite restores such a file to its last committed state the next time it is opened for
        writing; a read-only open cannot, and the half-written pages look damaged. So the file
        and its journal are copied, the copy is restored, and the year is read from it — the
        original stays exactly as it was.
        """
        with tempfile.TemporaryDirectory(prefix="zjdesk-") as folder:
            copy = Path(folder) / path.name
            try:
                shutil.copyfile(path, copy)
                shutil.copyfile(_journal_of(path), _journal_of(copy))
            except OSError as error:
                raise NotAYearFileError(f"无法读取“{path.name}”（{error.strerror}）：请确认您有权限访问该文件。") from error
            try:
                connection = _connect(copy, "rw")
                try:
                    connection.execute("SELECT count(*) FROM sqlite_master").fetchall()  # rolls the journal back
                finally:
                    connection.close()
            except sqlite3.Error as error:
                raise NotAYearFileError(f"年度文件“{path.name}”的内容已损坏，无法读取：请使用备份。") from error
            # A journal SQLite did not find hot (its header never completed) is left in place by it;
            # the file is then consistent without it.
            _journal_of(copy).unlink(missing_ok=True)
            with cls.open(copy, readonly=True) as recovered:
                memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
                connection = recovered._memory or _connect(copy, "ro")
                try:
                    connection.backup(memory)
                finally:
                    if recovered._memory is None:
                        connection.close()
                migrated_from = recovered.migrated_from
        year_file = cls(path, None, True, memory)
        year_file.migrated_from = migrated_from
        year_file.load()
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
        version = int(stored) if stored.isdigit() else 0
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

        try:
            writer.write_parts(engine, changed, meta, now)
        except Exception as error:
            raise WriteError(
                f"保存到“{self.path.name}”失败（{error.__class__.__name__}）：最近一次修改未能写入，"
                "文件保留上一次保存的内容。请检查磁盘空间或文件位置（如U盘是否已拔出）。"
            ) from error
        self._saved.update(changed)
        return list(changed)

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
    "NewerSchemaError",
    "NotAYearFileError",
    "WriteError",
    "YearFile",
    "read_year",
    "write_new_year_file",
]
