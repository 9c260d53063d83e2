"""Writing a year file through SQLAlchemy: the engine, the schema, and one transaction per save.

Reading needs no ORM (see yearfile.py), so this module — and SQLAlchemy with it — is imported
only when a file is first written; :func:`zjdesk.store.yearfile.prepare_for_saving` can import it
ahead of time in the background.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from zjdesk.store.schema import Base, MetaEntry, YearPart


def make_engine(connect: Callable[[], sqlite3.Connection]) -> Engine:
    """An engine on a year file: a fresh connection per transaction, SQLite settings on each."""
    engine = create_engine("sqlite://", creator=connect, poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _pragmas(connection: sqlite3.Connection, _record: object) -> None:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.execute("PRAGMA journal_mode = DELETE")  # WAL breaks on network shares
        connection.execute("PRAGMA synchronous = FULL")

    # The connection is in autocommit mode (so PRAGMAs and migrations behave); SQLAlchemy's
    # transactions must therefore open SQLite's own, or each statement would commit alone.
    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_tables(engine: Engine, meta: Mapping[str, str], parts: Mapping[str, str], now: str) -> None:
    """Create the schema of a new year file and fill it, in one transaction."""
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        session.add_all(MetaEntry(key=key, value=value) for key, value in meta.items())
        session.add_all(YearPart(name=name, data=data, modified=now) for name, data in parts.items())


def write_parts(
    engine: Engine, parts: Mapping[str, str], meta: Mapping[str, str], now: str, verify: Callable[[], None] | None = None
) -> None:
    """Replace the given parts and metadata entries in one committed transaction.

    ``verify`` runs inside the transaction, once SQLite has opened the file and holds its write lock
    and before anything is written; whatever it raises rolls the transaction back.
    """
    with Session(engine) as session, session.begin():
        if verify is not None:
            session.connection()  # BEGIN IMMEDIATE: the file is open and ours to write from here
            verify()
        for name, data in parts.items():
            session.merge(YearPart(name=name, data=data, modified=now))
        for key, value in meta.items():
            session.merge(MetaEntry(key=key, value=value))
