"""The year file: one SQLite file per evaluation year (SQLAlchemy 2)."""
