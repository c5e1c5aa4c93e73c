"""Supervision: meetings (planned or held) and their items, one client each."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .. import model as m
from . import rows
from .base import StoreBase
from .connection import purge_search_index
from .errors import NotFound
from .sql import insert, inserted_id, require, saved_id, update_versioned


def insert_meeting(conn: sqlite3.Connection, meeting: m.SupervisionMeeting) -> int:
    """The meeting's own row (not its items); returns its new id."""
    return inserted_id(conn.execute(*insert("supervision_meetings", rows.meeting_values(meeting))))


def _insert_items(conn: sqlite3.Connection, meeting_id: int, items: Iterable[m.SupervisionItem]) -> None:
    for item in items:
        require(conn, "clients", item.client_id)
        item.meeting_id = meeting_id
        conn.execute(*insert("supervision_items", rows.item_values(item)))


def _item_changed(conn: sqlite3.Connection, item_id: int) -> None:
    """An item written on its own moves its meeting's version: a window holding the meeting as read
    before would otherwise write the item back as it was."""
    conn.execute("UPDATE supervision_meetings SET version = version + 1 "
                 "WHERE id = (SELECT meeting_id FROM supervision_items WHERE id = ?)", [item_id])


class SupervisionMixin(StoreBase):
    def meetings(self) -> list[m.SupervisionMeeting]:
        """Supervision meetings, the most recent first, each with its items."""
        with self._lock.reading() as conn:
            found = conn.execute("SELECT * FROM supervision_meetings ORDER BY held_on DESC, id DESC").fetchall()
            items = conn.execute("SELECT * FROM supervision_items ORDER BY id").fetchall()
        by_meeting: dict[int, list[m.SupervisionItem]] = {}
        for row in items:
            by_meeting.setdefault(row["meeting_id"], []).append(rows.item(row))
        return [rows.meeting(r, by_meeting.get(r["id"], [])) for r in found]

    def meeting(self, meeting_id: int) -> m.SupervisionMeeting:
        with self._lock.reading() as conn:
            row = conn.execute("SELECT * FROM supervision_meetings WHERE id = ?", [meeting_id]).fetchone()
            items = conn.execute("SELECT * FROM supervision_items WHERE meeting_id = ? ORDER BY id",
                                 [meeting_id]).fetchall()
        if row is None:
            raise NotFound("That supervision meeting is no longer in the caseload.")
        return rows.meeting(row, [rows.item(r) for r in items])

    def add_meeting(self, meeting: m.SupervisionMeeting) -> m.SupervisionMeeting:
        with self._lock.writing() as conn:
            meeting_id = insert_meeting(conn, meeting)
            _insert_items(conn, meeting_id, meeting.items)
        return self.meeting(meeting_id)

    def save_meeting(self, meeting: m.SupervisionMeeting) -> m.SupervisionMeeting:
        """Replace a meeting's date, notes, status and items (a plan being edited, or recorded as held).

        Refused (Conflict) if the meeting was saved in another window since it was read (its version),
        so one window's questions are never written over by another's older copy of the plan.
        """
        with self._lock.writing() as conn:
            update_versioned(conn, "supervision_meetings", meeting.id, meeting.version, rows.meeting_values(meeting))
            conn.execute("DELETE FROM supervision_items WHERE meeting_id = ?", [meeting.id])
            _insert_items(conn, saved_id(meeting.id), meeting.items)
            purge_search_index(conn, ("supervision_items",))  # corrected words leave the search index
        self._empty_wal()  # words corrected out of a meeting leave the WAL too
        return self.meeting(saved_id(meeting.id))

    def set_item_follow_through(self, item_id: int, tried: m.AdviceOutcome, outcome: str) -> None:
        """Whether the supervisor's advice was tried, and how it went (day's end, issue 14)."""
        with self._lock.writing() as conn:
            require(conn, "supervision_items", item_id)
            conn.execute("UPDATE supervision_items SET advice_tried = ?, outcome = ? WHERE id = ?",
                         [tried.value, outcome, item_id])
            _item_changed(conn, item_id)
            purge_search_index(conn, ("supervision_items",))

    def delete_meeting(self, meeting_id: int) -> None:
        """Remove a supervision and what was written for it: no trace of its words left in the file.

        Thoughts brought to it are kept, no longer marked brought (so they come back to the next brief)."""
        with self._lock.writing() as conn:
            require(conn, "supervision_meetings", meeting_id)
            conn.execute("UPDATE thoughts SET brought_to = NULL WHERE brought_to = ?", [meeting_id])
            conn.execute("DELETE FROM supervision_items WHERE meeting_id = ?", [meeting_id])
            conn.execute("DELETE FROM supervision_meetings WHERE id = ?", [meeting_id])
            purge_search_index(conn, ("supervision_items",))
        self._empty_wal()

    def mark_brought(self, thought_ids: Iterable[int], meeting_id: int) -> None:
        """These thoughts were brought to this supervision: marked with it, their flag to bring cleared."""
        with self._lock.writing() as conn:
            require(conn, "supervision_meetings", meeting_id)
            for thought_id in thought_ids:
                conn.execute("UPDATE thoughts SET brought_to = ?, bring_to_supervision = 0, version = version + 1 "
                             "WHERE id = ?", [meeting_id, thought_id])

    def flagged_thoughts(self) -> list[m.Thought]:
        """Thoughts flagged to bring to supervision and not yet brought, oldest first."""
        with self._lock.reading() as conn:
            found = conn.execute("SELECT * FROM thoughts WHERE bring_to_supervision = 1 AND brought_to IS NULL "
                                 "ORDER BY written_at, id").fetchall()
        return [rows.thought(r) for r in found]

    def set_item_outcome(self, item_id: int, outcome: str) -> None:
        """How the supervisor's advice went, written when it is followed up."""
        with self._lock.writing() as conn:
            require(conn, "supervision_items", item_id)
            conn.execute("UPDATE supervision_items SET outcome = ? WHERE id = ?", [outcome, item_id])
            _item_changed(conn, item_id)
            purge_search_index(conn, ("supervision_items",))
