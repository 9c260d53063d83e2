"""How a year file identifies itself: SQLite's application id and the schema version.

Kept apart from the SQLAlchemy models so that recognising and reading a file needs no ORM.
"""

from __future__ import annotations

# "zjdk" as a big-endian 32-bit integer: SQLite's header field for the owning application.
APPLICATION_ID = 0x7A6A646B

# The schema this program writes. Older files are migrated (see migrations.py); newer refused.
# 2: goals hold their indicator rows; the meta table records the JSON format of the parts.
SCHEMA_VERSION = 2
# The first released schema: no year file was ever written with a lower one (0 is SQLite's default).
FIRST_SCHEMA_VERSION = 1

# The key of the meta table holding the JSON format version of the stored parts
# (zjdesk.domain.serialize.FORMAT_VERSION): a program that knows an older format refuses the file.
FORMAT_VERSION_KEY = "format_version"
