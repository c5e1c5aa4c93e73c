"""Clients: reading, adding and editing them, flagging for supervision, ending and resuming the work."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from .. import model as m
from . import rows
from .base import StoreBase
from .connection import NOTES, purge_search_index
from .errors import Conflict, Invalid, NotFound
from .sql import insert, inserted_id, require, saved_id, update_versioned


def check_code_free(conn: sqlite3.Connection, code: str, own_id: int | None) -> None:
    row = conn.execute("SELECT id FROM clients WHERE code = ?", [code]).fetchone()
    if row and row[0] != own_id:
        raise Invalid("Another client already has that code; each client needs their own.")


class ClientsMixin(StoreBase):
    def clients(self) -> list[m.Client]:
        with self._lock.reading() as conn:
            found = conn.execute("SELECT * FROM clients ORDER BY name COLLATE NOCASE, id").fetchall()
        return [rows.client(r) for r in found]

    def client(self, client_id: int) -> m.Client:
        return self._one("clients", client_id, rows.client, "That client is no longer in the caseload.")

    def find_client(self, text: str) -> m.Client:
        """A client by code or name (exact, case-insensitive), else by a unique beginning."""
        wanted = text.strip()
        everyone = self.clients()
        for hits in (
            [c for c in everyone if c.code == wanted],
            [c for c in everyone if c.code.lower() == wanted.lower() or c.name.lower() == wanted.lower()],
        ):
            if len(hits) == 1:
                return hits[0]
        starts = [c for c in everyone if c.name.lower().startswith(wanted.lower())] if wanted else []
        if len(starts) == 1:
            return starts[0]
        if len(starts) > 1:
            names = ", ".join(c.code for c in starts[:5])
            raise NotFound(f"More than one client matches that; use their code ({names}).")
        raise NotFound("No client with that name or code is in the caseload.")

    def client_count(self) -> int:
        with self._lock.reading() as conn:
            count: int = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        return count

    def add_client(self, client: m.Client) -> m.Client:
        with self._lock.writing() as conn:
            check_code_free(conn, client.code, None)
            client_id = inserted_id(conn.execute(*insert("clients", rows.client_values(client))))
        return self.client(client_id)

    def update_client(self, client: m.Client) -> m.Client:
        """Save an edited client; refused if someone changed it since it was read."""
        with self._lock.writing() as conn:
            check_code_free(conn, client.code, client.id)
            update_versioned(conn, "clients", client.id, client.version, rows.client_values(client))
        return self.client(saved_id(client.id))

    def set_flag(self, client_id: int, flagged: bool) -> m.Client:
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            conn.execute(
                "UPDATE clients SET bring_to_supervision = ?, version = version + 1 WHERE id = ?",
                [int(flagged), client_id],
            )
        return self.client(client_id)

    def delete_client(self, client_id: int) -> None:
        """Remove a client and everything written about them: no trace left in the file or its index."""
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            conn.execute("DELETE FROM clients WHERE id = ?", [client_id])
            purge_search_index(conn, NOTES)
        self._empty_wal()

    # ------------------------------------------------------------ endings

    def graduate(self, client_id: int, ended_on: date, kind: m.EndingKind, reflection: m.Reflection,
                 close_open_questions: bool, now: datetime, version: int | None = None) -> m.Client:
        """End the work: the date, the kind of ending and the reflection, in one transaction.

        Booked sessions after the ending that were never held are removed, so no
        session is expected any more; open questions are dropped if asked. A case already
        ended (in another window) is refused, never overwritten; with `version` (the client as
        read when the form opened), so is one changed in any way since.
        """
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            changed = conn.execute(
                "UPDATE clients SET ended_on = ?, ending_kind = ?, helped = ?, not_helped = ?, "
                "they_learned = ?, i_learned = ?, version = version + 1 "
                "WHERE id = ? AND ended_on IS NULL AND (? IS NULL OR version = ?)",
                [rows.iso_day(ended_on), kind.value, reflection.helped, reflection.not_helped,
                 reflection.they_learned, reflection.i_learned, client_id, version, version],
            ).rowcount
            if changed == 0:
                raise Conflict("This case was changed in another window since you opened the form (it may have "
                               "been ended there), so nothing was saved. What is saved now is shown.")
            conn.execute(
                "DELETE FROM appointments WHERE client_id = ? AND status = ? AND starts_at > ?",
                [client_id, m.Status.SCHEDULED.value, f"{rows.iso_day(ended_on)}T23:59"],
            )
            if close_open_questions:
                conn.execute(
                    "UPDATE questions SET status = ?, closed_at = ?, version = version + 1 "
                    "WHERE client_id = ? AND status = ?",
                    [m.QuestionStatus.DROPPED.value, rows.iso_moment(now), client_id,
                     m.QuestionStatus.OPEN.value],
                )
        return self.client(client_id)

    def reactivate(self, client_id: int) -> m.Client:
        """A graduate returns: active again, with all their history (and reflection) kept."""
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            conn.execute(
                "UPDATE clients SET ended_on = NULL, ending_kind = NULL, version = version + 1 WHERE id = ?",
                [client_id],
            )
        return self.client(client_id)
