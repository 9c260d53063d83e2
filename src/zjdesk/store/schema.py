"""The tables of a year file (SQLAlchemy 2 typed models).

A year file holds one row per top-level part of the year (``cover``, ``profile``, ``tasks``, …;
see :data:`zjdesk.domain.model.SECTIONS`), each the JSON of that part, and a small ``meta`` table.
Saving an edit rewrites the one part it touched, in one transaction. SQLite's own
``application_id`` marks the file as a zjdesk year file and ``user_version`` carries the schema
version, so both can be read before anything is trusted.
"""

from __future__ import annotations

from sqlalchemy import String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from zjdesk.store.identity import APPLICATION_ID, SCHEMA_VERSION

__all__ = ["APPLICATION_ID", "SCHEMA_VERSION", "Base", "MetaEntry", "YearPart"]


class Base(DeclarativeBase):
    pass


class MetaEntry(Base):
    """The file's own metadata: program version, created/modified times, the year and unit."""

    __tablename__ = "meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class YearPart(Base):
    """One top-level part of the year, as JSON."""

    __tablename__ = "year_part"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[str] = mapped_column(Text, nullable=False)
    modified: Mapped[str] = mapped_column(String(32), nullable=False)
