"""Supervision: meetings (planned or held) and their items, one client each."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from .. import model as m
from . import rows
from .base import StoreBase
from .errors import NotFound
from .sql import insert, inserted_id, require, saved_id


def insert_meeting(conn: sqlite3.Connection, meeting: m.SupervisionMeeting) -> int:
    """The meeting's own row (not its items); returns its new id."""
    return inserted_id(conn.execute(*insert("supervision_meetings", rows.meeting_values(meeting))))


def _insert_items(conn: sqlite3.Connection, meeting_id: int, items: Iterable[m.SupervisionItem]) -> None:
    for item in items:
        require(conn, "clients", item.client_id)
        item.meeting_id = meeting_id
        conn.execute(*insert("supervision_items", rows.item_values(item)))


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
        """Replace a meeting's date, notes, status and items (a plan being edited, or recorded as held)."""
        with self._lock.writing() as conn:
            require(conn, "supervision_meetings", meeting.id)
            values = rows.meeting_values(meeting)
            conn.execute(
                "UPDATE supervision_meetings SET held_on = ?, notes = ?, status = ? WHERE id = ?",
                [values["held_on"], values["notes"], values["status"], meeting.id],
            )
            conn.execute("DELETE FROM supervision_items WHERE meeting_id = ?", [meeting.id])
            _insert_items(conn, saved_id(meeting.id), meeting.items)
        return self.meeting(saved_id(meeting.id))

    def set_item_follow_through(self, item_id: int, tried: m.AdviceOutcome, outcome: str) -> None:
        """Whether the supervisor's advice was tried, and how it went (day's end, issue 14)."""
        with self._lock.writing() as conn:
            require(conn, "supervision_items", item_id)
            conn.execute("UPDATE supervision_items SET tried = ?, outcome = ? WHERE id = ?",
                         [tried.value, outcome, item_id])

    def set_item_outcome(self, item_id: int, outcome: str) -> None:
        """How the supervisor's advice went, written when it is followed up."""
        with self._lock.writing() as conn:
            require(conn, "supervision_items", item_id)
            conn.execute("UPDATE supervision_items SET outcome = ? WHERE id = ?", [outcome, item_id])
