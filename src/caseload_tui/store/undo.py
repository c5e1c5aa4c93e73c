"""A deleted note kept in memory for a short while, so the delete can be undone (issue 11).

The note's row is read and deleted in one transaction, and put back exactly as it was (its id,
its version, every column) in one transaction: the undo restores what was deleted, nothing else.
Nothing is kept on disk: once the program leaves, the delete stands.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import StoreBase
from .connection import NOTES, purge_search_index
from .errors import Invalid, NotFound
from .sql import insert, noun, require


@dataclass(frozen=True)
class DeletedNote:
    table: str
    row: dict[str, object]  # every column, as stored
    wal_emptied: bool  # its words left the WAL too (False: another window held it)

    @property
    def client_id(self) -> int | None:
        found = self.row.get("client_id")
        return found if isinstance(found, int) else None


class UndoMixin(StoreBase):
    def delete_note_to_undo(self, table: str, record_id: int) -> DeletedNote:
        """Delete a thought or question (as delete_thought does) and keep its row to put it back."""
        if table not in NOTES:
            raise ValueError(table)
        with self._lock.writing() as conn:
            found = conn.execute(f"SELECT * FROM {table} WHERE id = ?", [record_id]).fetchone()
            if found is None:
                raise NotFound(f"That {noun(table)} is no longer in the caseload.")
            row = dict(zip(found.keys(), tuple(found), strict=True))
            conn.execute(f"DELETE FROM {table} WHERE id = ?", [record_id])
            purge_search_index(conn, (table,))
        return DeletedNote(table, row, self._empty_wal())

    def undo_delete(self, deleted: DeletedNote) -> None:
        """Put the deleted note back exactly as it was, in one transaction."""
        with self._lock.writing() as conn:
            if deleted.client_id is not None:
                require(conn, "clients", deleted.client_id)
            if conn.execute(f"SELECT 1 FROM {deleted.table} WHERE id = ?", [deleted.row["id"]]).fetchone():
                raise Invalid("It cannot be put back: its place has been taken meanwhile.")
            conn.execute(*insert(deleted.table, deleted.row))
