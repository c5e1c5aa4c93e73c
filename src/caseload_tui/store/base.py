"""What every part of the store shares: one connection, its lock, and sqlite-utils' view of it.

Store (in __init__.py) is made of one mixin per aggregate (clients.py, sessions.py, notes.py,
supervision.py, search.py, caseload_io.py); each mixin is a StoreBase, so each knows these,
and the few ways of reading and writing one record that several tables share.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlite_utils import Database

from .connection import WriteLock, empty_wal, purge_search_index
from .errors import NotFound
from .sql import Values, insert, inserted_id, require, saved_id, update_versioned

Record = TypeVar("Record")


class StoreBase:
    path: Path | None
    db: Database
    _conn: sqlite3.Connection
    _lock: WriteLock

    def _empty_wal(self) -> None:
        """After a delete: the deleted text leaves the WAL file too."""
        with self._lock.reading() as conn:
            empty_wal(conn)

    def _one(self, table: str, record_id: int, make: Callable[[sqlite3.Row], Record], missing: str) -> Record:
        """The record with this id, or NotFound with the message `missing`."""
        with self._lock.reading() as conn:
            row = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id]).fetchone()
        if row is None:
            raise NotFound(missing)
        return make(row)

    def _of_client(self, table: str, newest: str, client_id: int,
                   make: Callable[[sqlite3.Row], Record]) -> list[Record]:
        """One client's records, newest first by the column `newest`."""
        with self._lock.reading() as conn:
            found = conn.execute(f"SELECT * FROM {table} WHERE client_id = ? ORDER BY {newest} DESC, id DESC",
                                 [client_id]).fetchall()
        return [make(r) for r in found]

    def _add(self, table: str, values: Values, client_id: int | None) -> int:
        """Insert a record about a client (who must still be there) or, with None, about no one."""
        with self._lock.writing() as conn:
            if client_id is not None:
                require(conn, "clients", client_id)
            return inserted_id(conn.execute(*insert(table, values)))

    def _save(self, table: str, record_id: int | None, version: int, values: Values) -> int:
        """Save an edited record (refused if it changed since it was read); returns its id."""
        with self._lock.writing() as conn:
            update_versioned(conn, table, record_id, version, values)
        return saved_id(record_id)

    def _delete_note(self, table: str, record_id: int) -> None:
        """Delete a note and every trace of its words: in the search index and the WAL file."""
        with self._lock.writing() as conn:
            require(conn, table, record_id)
            conn.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
            purge_search_index(conn, (table,))
        self._empty_wal()
