"""Clients: reading, adding and editing them, flagging for supervision, ending and resuming the work."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime

from .. import model as m
from . import rows
from .base import StoreBase
from .connection import INDEXED, purge_search_index
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

    def longest_names(self) -> tuple[int, int]:
        """The most characters in a client's name, and in a code (how wide the caseload list grows)."""
        with self._lock.reading() as conn:
            name, code = conn.execute("SELECT max(length(name)), max(length(code)) FROM clients").fetchone()
        return name or 0, code or 0

    def client_count(self) -> int:
        with self._lock.reading() as conn:
            count: int = conn.execute("SELECT count(*) FROM clients").fetchone()[0]
        return count

    def add_client(self, client: m.Client) -> m.Client:
        """A new client, with their first period of work beginning on their start date."""
        with self._lock.writing() as conn:
            check_code_free(conn, client.code, None)
            client_id = inserted_id(conn.execute(*insert("clients", rows.client_values(client))))
            conn.execute(*insert("episodes", rows.episode_values(
                m.Episode(client_id=client_id, started_on=client.started_on, ended_on=client.ended_on))))
        return self.client(client_id)

    def update_client(self, client: m.Client) -> m.Client:
        """Save an edited client; refused if someone changed it since it was read.

        The client's dates are their current episode's, so that episode follows them.
        """
        with self._lock.writing() as conn:
            check_code_free(conn, client.code, client.id)
            update_versioned(conn, "clients", client.id, client.version, rows.client_values(client))
            conn.execute("UPDATE episodes SET started_on = ?, ended_on = ?, version = version + 1 WHERE id = ?",
                         [rows.iso_day(client.started_on), rows.iso_day(client.ended_on),
                          current_episode_id(conn, saved_id(client.id))])
            purge_search_index(conn, ("clients",))  # a name or theme edited out leaves no trace
        self._empty_wal()
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
            purge_search_index(conn, INDEXED)
        self._empty_wal()

    # ------------------------------------------------------------ endings and episodes

    def episodes(self, client_id: int) -> list[m.Episode]:
        """Every period of work with this client, the first first."""
        with self._lock.reading() as conn:
            found = conn.execute("SELECT * FROM episodes WHERE client_id = ? ORDER BY started_on, id",
                                 [client_id]).fetchall()
        return [rows.episode(r) for r in found]

    def episode(self, episode_id: int) -> m.Episode:
        return self._one("episodes", episode_id, rows.episode, "That period of work is no longer in the caseload.")

    def end_work(self, client_id: int, ended_on: date, ended_by: m.EndedBy, how: m.EndingHow,
                 reflection: m.Reflection, close_open_questions: bool, now: datetime,
                 version: int | None = None) -> m.Client:
        """End the current period of work: its date, who ended it and how, and the reflection, in one transaction.

        Booked sessions after the ending that were never held are removed, so no
        session is expected any more; open questions are dropped if asked. A case already
        ended (in another window) is refused, never overwritten; with `version` (the client as
        read when the form opened), so is one changed in any way since.
        """
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            episode_id = current_episode_id(conn, client_id)
            began = conn.execute("SELECT started_on FROM episodes WHERE id = ?", [episode_id]).fetchone()[0]
            if rows.iso_day(ended_on) < began:
                raise Invalid(f"This period of work began on {rows.given_day(began):%-d %b %Y}; "
                              "the ending cannot come before it.")
            changed = conn.execute(
                "UPDATE clients SET ended_on = ?, version = version + 1 "
                "WHERE id = ? AND ended_on IS NULL AND (? IS NULL OR version = ?)",
                [rows.iso_day(ended_on), client_id, version, version],
            ).rowcount
            if changed == 0:
                raise Conflict("This case was changed in another window since you opened the form (it may have "
                               "been ended there), so nothing was saved. What is saved now is shown.")
            values = {"ended_on": rows.iso_day(ended_on), "ended_by": ended_by.value, "ending_how": how.value,
                      **rows.reflection_values(reflection)}
            conn.execute(f"UPDATE episodes SET {', '.join(f'{c} = ?' for c in values)}, version = version + 1 "
                         "WHERE id = ?", [*values.values(), episode_id])
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

    def save_ending(self, episode: m.Episode) -> m.Episode:
        """Who ended an episode, how, and its reflection, edited later; refused if changed since it was read."""
        if episode.ended_on is None:
            raise Invalid("This period of work has not ended yet, so there is no ending to edit.")
        values = {"ended_by": episode.ended_by.value if episode.ended_by else None,
                  "ending_how": episode.how.value if episode.how else None,
                  **rows.reflection_values(episode.reflection)}
        return self.episode(self._save("episodes", episode.id, episode.version, values))

    def reactivate(self, client_id: int, on: date) -> m.Client:
        """A graduate returns: a new period of work begins `on`, every earlier one (and its reflection) kept."""
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            ended = conn.execute("SELECT ended_on FROM clients WHERE id = ?", [client_id]).fetchone()[0]
            if ended is None:
                raise Conflict("This client is already active (perhaps brought back in another window).")
            if rows.iso_day(on) < ended:
                raise Invalid(f"The work ended on {rows.given_day(ended):%-d %b %Y}; a new period of work "
                              "begins on or after that day.")
            conn.execute(
                "UPDATE clients SET started_on = ?, ended_on = NULL, version = version + 1 WHERE id = ?",
                [rows.iso_day(on), client_id],
            )
            conn.execute(*insert("episodes", rows.episode_values(m.Episode(client_id=client_id, started_on=on))))
        return self.client(client_id)


def current_episode_id(conn: sqlite3.Connection, client_id: int) -> int:
    """The latest period of work with this client (every client has at least one)."""
    row = conn.execute("SELECT id FROM episodes WHERE client_id = ? ORDER BY started_on DESC, id DESC LIMIT 1",
                       [client_id]).fetchone()
    if row is None:
        raise NotFound("This client has no period of work recorded; check the file with `caseload check`.")
    episode_id: int = row[0]
    return episode_id
