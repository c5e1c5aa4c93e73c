"""What every part of the store shares: one connection, its lock, and sqlite-utils' view of it.

Store (in __init__.py) is made of one mixin per aggregate (clients.py, sessions.py, notes.py,
supervision.py, search.py, caseload_io.py); each mixin is a StoreBase, so each knows these.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from .connection import WriteLock, empty_wal


class StoreBase:
    path: Path | None
    db: Database
    _conn: sqlite3.Connection
    _lock: WriteLock

    def _empty_wal(self) -> None:
        """After a delete: the deleted text leaves the WAL file too."""
        with self._lock.reading() as conn:
            empty_wal(conn)
