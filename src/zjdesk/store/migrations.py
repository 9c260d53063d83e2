"""Ordered migration steps from each past schema version to the current one.

Each step moves a file from ``from_version`` to ``from_version + 1`` inside one transaction, so a
failure leaves the file at the version it had. Before the first step runs, the caller takes a
timestamped backup of the file (see :func:`zjdesk.store.yearfile.YearFile.open`). A sample file of
every past version lives in ``tests/data/`` and is migrated by the tests.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from zjdesk.domain.errors import UserError
from zjdesk.domain.format_upgrade import CHANGED_PARTS, upgrade_parts
from zjdesk.store.identity import FORMAT_VERSION_KEY


@dataclass(frozen=True)
class Migration:
    """One step: schema ``from_version`` → ``from_version + 1``."""

    from_version: int
    description: str
    apply: Callable[[sqlite3.Connection], None]


def _parts_json_1_to_2(connection: sqlite3.Connection) -> None:
    """The stored parts from JSON format 1 to 2 (goals become objects), as JSON files are read."""
    names = CHANGED_PARTS[1]
    marks = ", ".join("?" for _ in names)
    rows = connection.execute(f"SELECT name, data FROM year_part WHERE name IN ({marks})", names).fetchall()
    parts = {}
    for name, data in rows:
        try:
            parts[name] = json.loads(data)
        except (ValueError, RecursionError):
            continue  # a damaged part stays as it is: reading the file reports it
    upgrade_parts(parts, 1, 2)
    for name, value in parts.items():
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        connection.execute("UPDATE year_part SET data = ? WHERE name = ?", (text, name))
    for key, value in ((FORMAT_VERSION_KEY, "2"), ("schema_version", "2")):
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))


# Past schema versions, oldest first. Schema 1 is the first released layout.
MIGRATIONS: tuple[Migration, ...] = (Migration(1, "绩效目标改为含指标行的结构（JSON 格式第 2 版）", _parts_json_1_to_2),)


class MigrationError(UserError):
    """A migration step failed; the file is left at the version it had, and a backup exists."""


def check_route(from_version: int, to_version: int, steps: Sequence[Migration] = MIGRATIONS) -> dict[int, Migration]:
    """The steps by version, if every step from ``from_version`` to ``to_version`` exists; else :class:`MigrationError`.

    Checked before the backup is taken and before the first step runs: a file no step leads from
    is refused as it is, with no backup beside it and no step half-way applied.
    """
    by_version = {step.from_version: step for step in steps}
    for version in range(from_version, to_version):
        if version not in by_version:
            raise MigrationError(f"无法把年度文件从第 {version} 版升级：缺少升级步骤。请联系 zjdesk 的维护人员。")
    return by_version


def run_migrations(
    connection: sqlite3.Connection, from_version: int, to_version: int, steps: Sequence[Migration] = MIGRATIONS
) -> list[str]:
    """Apply the steps from ``from_version`` up to ``to_version``, one transaction each.

    Returns the descriptions of the steps applied. ``connection`` must be in autocommit mode
    (``isolation_level=None``) so that each step's transaction is explicit.
    """
    by_version = check_route(from_version, to_version, steps)
    applied = []
    version = from_version
    while version < to_version:
        step = by_version[version]
        try:
            connection.execute("BEGIN IMMEDIATE")
            step.apply(connection)
            connection.execute(f"PRAGMA user_version = {version + 1}")
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            connection.execute("ROLLBACK")
            raise MigrationError(
                f"年度文件从第 {version} 版升级到第 {version + 1} 版时出错（{error}），文件保持原样未被修改。"
            ) from error
        applied.append(step.description)
        version += 1
    return applied
