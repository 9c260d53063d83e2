"""Reading a year file without changing it: a consistent snapshot, even while another zjdesk saves it.

A read-only open (``zjdesk dump``, ``score``, ``export``, the source of ``new-year``, a file a
colleague has open, a write-protected file) copies the whole file into memory in one read
transaction — later reads never see half of a later save. An older file is migrated in that copy.

Two things can get in the way, and neither is the file's fault:

- a save in progress beside us: its pages may be half-written when the header is read, or the
  journal we copy may vanish as the save completes. The reader waits a moment and reads again;
- a save that was interrupted (its process died, its ``-journal`` is still there): SQLite refuses a
  read-only connection (it would have to roll the journal back). The file and its journal are copied,
  the copy is restored, and the year is read from it — the original stays exactly as it was.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from zjdesk.domain.errors import UserError
from zjdesk.store import migrations
from zjdesk.store.file_names import exists
from zjdesk.store.identity import APPLICATION_ID, FIRST_SCHEMA_VERSION, SCHEMA_VERSION
from zjdesk.store.probe import FileBusyError, HotJournalError, NotAYearFileError, check_database, check_file_bytes, is_busy
from zjdesk.store.sqlite_files import SQLITE_READONLY_ROLLBACK, connect, describe_failure, error_code, journal_of

READ_ATTEMPTS = 6
READ_RETRY_WAIT = 0.05  # seconds, growing with each attempt: 1 s in all


class NewerSchemaError(UserError):
    """The file was written by a newer zjdesk."""


class _SaveUnderWay(Exception):
    """The files of a save under way changed while a reader copied them: read again."""


Snapshot = tuple[sqlite3.Connection, int | None]  # the year in memory, and the schema it was migrated from


def checked_version(connection: sqlite3.Connection, path: Path) -> int:
    """The schema version of a healthy year file; a newer one is refused."""
    version = check_database(connection, path.name, APPLICATION_ID)
    if version > SCHEMA_VERSION:
        raise NewerSchemaError(
            f"“{path.name}”由更新版本的 zjdesk 创建（文件格式第 {version} 版，本程序支持到第 {SCHEMA_VERSION} 版）。"
            "请升级 zjdesk 后再打开，文件未被修改。"
        )
    if version < FIRST_SCHEMA_VERSION:  # zjdesk's id without a version zjdesk ever wrote: not a file to migrate
        raise NotAYearFileError(
            f"年度文件“{path.name}”已损坏（文件格式版本号第 {version} 版无效），无法打开。"
            "请使用该文件的备份，或用 zjdesk 从 JSON 导出文件重新生成。"
        )
    return version


def read_snapshot_retrying(path: Path) -> Snapshot:
    """:func:`read_snapshot`, read again briefly while a save of the file is under way."""
    for attempt in range(READ_ATTEMPTS):
        try:
            try:
                return read_snapshot(path)
            except HotJournalError:
                return _read_recovered_copy(path)
        except _SaveUnderWay:
            pass
        except NotAYearFileError:
            # A save under way beside us (its journal is there) can show half-written pages.
            if attempt == READ_ATTEMPTS - 1 or not exists(journal_of(path)):
                raise
        time.sleep(READ_RETRY_WAIT * (attempt + 1))
    raise NotAYearFileError(f"“{path.name}”正在被另一个 zjdesk 反复保存，暂时无法读取：请稍后再试。")


def read_snapshot(path: Path) -> Snapshot:
    """The year file as it is now, copied into memory (and migrated there if it is older)."""
    check_file_bytes(path)
    try:
        connection = connect(path, "ro")
    except sqlite3.Error as error:
        raise NotAYearFileError(f"无法打开“{path.name}”（{describe_failure(error)}）。") from error
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        version = checked_version(connection, path)
        try:
            connection.backup(memory)  # one read transaction: a consistent snapshot
        except sqlite3.Error as error:
            if error_code(error) == SQLITE_READONLY_ROLLBACK:
                raise HotJournalError(path.name) from error
            if is_busy(error):
                raise FileBusyError(path.name) from error
            raise NotAYearFileError(f"年度文件“{path.name}”的内容已损坏，无法读取：请使用备份。") from error
        if version < SCHEMA_VERSION:
            # Reading an old file must not change it: the copy in memory is migrated.
            migrations.run_migrations(memory, version, SCHEMA_VERSION, migrations.MIGRATIONS)
    except BaseException:
        memory.close()
        raise
    finally:
        connection.close()
    return memory, (version if version < SCHEMA_VERSION else None)


def _read_recovered_copy(path: Path) -> Snapshot:
    """Read a file whose last save was interrupted, from a restored copy of it and its journal."""
    with tempfile.TemporaryDirectory(prefix="zjdesk-") as folder:
        copy = Path(folder) / "recovered.zjd"
        try:
            shutil.copyfile(path, copy)
            shutil.copyfile(journal_of(path), journal_of(copy))
        except FileNotFoundError as error:  # a writer finished (or rolled it back) meanwhile: read again
            raise _SaveUnderWay from error
        except OSError as error:
            raise NotAYearFileError(f"无法读取“{path.name}”（{error.strerror}）：请确认您有权限访问该文件。") from error
        try:
            connection = connect(copy, "rw")
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchall()  # rolls the journal back
            finally:
                connection.close()
        except sqlite3.Error as error:
            raise NotAYearFileError(f"年度文件“{path.name}”的内容已损坏，无法读取：请使用备份。") from error
        # A journal SQLite did not find hot (its header never completed) is left in place by it;
        # the file is then consistent without it.
        journal_of(copy).unlink(missing_ok=True)
        try:
            return read_snapshot(copy)
        except NotAYearFileError as error:
            raise NotAYearFileError(str(error).replace("recovered.zjd", path.name)) from error
