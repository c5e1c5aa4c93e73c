"""What every part of the store shares: one connection, its lock, and sqlite-utils' view of it.

Store (in __init__.py) is made of one mixin per aggregate (clients.py, sessions.py, notes.py,
supervision.py, search.py, caseload_io.py); each mixin is a StoreBase, so each knows these,
and the few ways of reading and writing one record that several tables share.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from .connection import INDEXED, WriteLock, empty_wal, purge_search_index
from .errors import NotFound
from .sql import Values, insert, inserted_id, require, saved_id, update_versioned

if TYPE_CHECKING:
    from sqlite_utils import Database

Record = TypeVar("Record")


class StoreBase:
    path: Path | None
    _conn: sqlite3.Connection
    _lock: WriteLock
    _db: Database | None = None

    @property
    def db(self) -> Database:
        """sqlite-utils' view of the connection, for migrations and search: made when first used, so the
        dashboard's start never loads sqlite-utils."""
        if self._db is None:
            from sqlite_utils import Database

            # No plugins: scanning their entry points on every open costs time and adds nothing here.
            self._db = Database(self._conn, execute_plugins=False)
        return self._db

    def _empty_wal(self) -> bool:
        """After a delete or an edit: the removed text leaves the WAL file too (False: another window held it)."""
        if self._lock.gate is not None:  # a checkpoint writes to the file: only once it is checked
            self._lock.gate()
        with self._lock.reading() as conn:
            return empty_wal(conn)

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
        """Save an edited record (refused if it changed since it was read); returns its id.

        A note's words edited out leave no trace, as a deleted note's do: its search index is
        merged (secure_delete zeroes what is freed) and, unless this is part of a larger
        transaction, the WAL holding the old text is emptied.
        """
        with self._lock.writing() as conn:
            update_versioned(conn, table, record_id, version, values)
            if table in INDEXED:
                purge_search_index(conn, (table,))
        if table in INDEXED:
            self._empty_wal()  # inside a larger transaction it waits for the next one (empty_wal)
        return saved_id(record_id)

    def _delete_note(self, table: str, record_id: int) -> bool:
        """Delete a note and every trace of its words: in the search index and the WAL file.

        True once they are gone from the WAL too; False if another window held it (see empty_wal).
        """
        with self._lock.writing() as conn:
            require(conn, table, record_id)
            conn.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
            purge_search_index(conn, (table,))
        return self._empty_wal()
