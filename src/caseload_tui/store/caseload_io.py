"""The whole caseload in and out: export, import (all or nothing), and sessions merged in from calendars and reports.

Records in a CaseloadData refer to their client by position (see model.CaseloadData); importing
translates positions to new ids. Sessions from a calendar or report are matched to those already
in the caseload by the algorithm in `upsert_sessions` (issue 6).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any, TypeVar

from .. import model as m
from ..safe_text import one_line
from . import rows
from .base import StoreBase
from .clients import check_code_free
from .errors import Invalid, NotFound
from .sessions import reread
from .sql import insert, inserted_id, saved_id
from .supervision import insert_meeting

# The records that belong to a client, each kept in a table of its own.
_Linked = TypeVar("_Linked", m.Appointment, m.Thought, m.Question, m.Encounter, m.SupervisionItem,
                   m.DateThatMatters, m.Episode)
_Imported = TypeVar("_Imported", m.Appointment, m.Thought, m.Question, m.Encounter, m.DateThatMatters, m.Episode)


class CaseloadIOMixin(StoreBase):
    def export_data(self) -> m.CaseloadData:
        """Everything in the file, clients referred to by position (see CaseloadData)."""
        with self._lock.reading() as conn:
            clients = [rows.client(r) for r in conn.execute("SELECT * FROM clients ORDER BY id")]
            position = {c.id: i + 1 for i, c in enumerate(clients)}

            def relink(record: _Linked) -> _Linked:
                if record.client_id is not None:
                    record.client_id = position[record.client_id]
                record.id = None
                return record

            data = m.CaseloadData(
                clients=clients,
                appointments=[relink(rows.appointment(r))
                              for r in conn.execute("SELECT * FROM appointments ORDER BY id")],
                thoughts=[relink(rows.thought(r)) for r in conn.execute("SELECT * FROM thoughts ORDER BY id")],
                questions=[relink(rows.question(r)) for r in conn.execute("SELECT * FROM questions ORDER BY id")],
                encounters=[relink(rows.encounter(r)) for r in conn.execute("SELECT * FROM encounters ORDER BY id")],
                episodes=[relink(rows.episode(r)) for r in conn.execute(
                    "SELECT * FROM episodes ORDER BY client_id, started_on, id")],
                dates=[relink(rows.date_that_matters(r)) for r in conn.execute("SELECT * FROM dates ORDER BY id")],
            )
            items: dict[int | None, list[m.SupervisionItem]] = {}
            for r in conn.execute("SELECT * FROM supervision_items ORDER BY id"):
                item = relink(rows.item(r))
                items.setdefault(item.meeting_id, []).append(item)
            meeting_position: dict[int, int] = {}
            for r in conn.execute("SELECT * FROM supervision_meetings ORDER BY id"):
                meeting_position[r["id"]] = len(meeting_position) + 1
                meeting = rows.meeting(r, items.get(r["id"], []))
                for item in meeting.items:
                    item.meeting_id = None
                meeting.id = None
                data.meetings.append(meeting)
            for thought in data.thoughts:  # the meeting it was brought to, by position as for clients
                if thought.brought_to is not None:
                    thought.brought_to = meeting_position.get(thought.brought_to)
            data.breaks = [m.Break(starts_on=rows.given_day(r["starts_on"]), ends_on=rows.given_day(r["ends_on"]),
                                   word=r["word"]) for r in conn.execute("SELECT * FROM breaks ORDER BY id")]
        for c in clients:
            c.id = None
        return data

    def import_data(self, data: m.CaseloadData, dry_run: bool = False) -> dict[str, int]:
        """Add a whole caseload in one transaction: all of it, or (on any error) none.

        Returns how many of each kind were (or, with dry_run, would be) added.
        """
        counts = {"clients": len(data.clients), "sessions": len(data.appointments),
                  "thoughts": len(data.thoughts), "questions": len(data.questions),
                  "news": len(data.encounters), "supervisions": len(data.meetings),
                  "dates that matter": len(data.dates)}
        if data.breaks:
            counts["my breaks"] = len(data.breaks)
        try:
            with self._lock.writing() as conn:
                ids = _import_clients(conn, data.clients)
                _import_records(conn, "episodes", episodes_of_every_client(data), rows.episode_values, ids)
                _import_records(conn, "appointments", data.appointments, rows.appointment_values, ids)
                meetings = _import_meetings(conn, data.meetings, ids)
                _import_records(conn, "thoughts", data.thoughts, partial(_thought_values, meetings), ids)
                _import_records(conn, "questions", data.questions, rows.question_values, ids)
                _import_records(conn, "encounters", data.encounters, rows.encounter_values, ids)
                for taken in data.breaks:  # my breaks: the same for every client, added as they are
                    conn.execute(*insert("breaks", {"starts_on": rows.iso_day(taken.starts_on),
                                                    "ends_on": rows.iso_day(taken.ends_on), "word": taken.word}))
                _import_records(conn, "dates", data.dates, rows.date_values, ids)
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return counts

    # ------------------------------------------------------------ sessions from calendars and reports

    def source_uids(self, prefix: str) -> dict[str, set[str]]:
        """Each source starting with `prefix` ('ics:') and the calendar or report ids of its sessions."""
        found: dict[str, set[str]] = {}
        with self._lock.reading() as conn:
            for r in conn.execute("SELECT source, source_uid FROM appointments WHERE substr(source, 1, ?) = ? "
                                  "AND source_uid != ''", [len(prefix), prefix]):
                found.setdefault(r["source"], set()).add(r["source_uid"])
        return found

    def upsert_sessions(
        self,
        source: str,
        sessions: list[m.Appointment],
        *,
        dry_run: bool = False,
        withdraw_between: tuple[datetime, datetime] | None = None,
        still_listed: frozenset[str] = frozenset(),
    ) -> SessionChanges:
        """Bring sessions read from a calendar or a report into the caseload, in one transaction.

        Each session is found again by (source, source_uid), or failing that by the
        same client at the same minute, so importing twice adds nothing twice. A
        session whose outcome the clinician has recorded (any status but
        'scheduled') is never changed: not its status, its time nor its client.
        With `withdraw_between`, sessions from this source in that stretch that the
        file no longer lists (and whose uid is not in `still_listed`) are removed,
        if nothing was recorded for them (status 'scheduled', no note).

        All of it or, on any error, none of it; with dry_run nothing is written and
        the result says what would have been done.
        """
        changes = SessionChanges()
        try:
            with self._lock.writing() as conn:
                _upsert_sessions(conn, source, sessions, changes)
                if withdraw_between is not None:
                    _withdraw_sessions(conn, source, withdraw_between, still_listed, changes)
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return changes


class _DryRun(Exception):
    """Raised inside the import transaction to roll it back after checking everything."""


# Records are named as the JSON file names them ('clients[0]', 'appointments[3]'), counting from 0.


def _import_clients(conn: sqlite3.Connection, clients: list[m.Client]) -> dict[int, int]:
    """Add the clients; returns each one's new id by its position (counting from 1, as CaseloadData does)."""
    ids: dict[int, int] = {}
    for i, client in enumerate(clients):
        try:
            check_code_free(conn, client.code, None)
        except Invalid:
            raise Invalid(f"clients[{i}] (code {one_line(client.code, 24)}): "
                          "that code is already in this caseload.") from None
        ids[i + 1] = inserted_id(conn.execute(*insert("clients", rows.client_values(client))))
    return ids


def episodes_of_every_client(data: m.CaseloadData) -> list[m.Episode]:
    """The file's periods of work, and one (from the client's dates) for a client it gives none."""
    given = {e.client_id for e in data.episodes}
    return [*data.episodes, *(m.Episode(client_id=i, started_on=c.started_on, ended_on=c.ended_on)
                              for i, c in enumerate(data.clients, start=1) if i not in given)]


def _import_records(conn: sqlite3.Connection, table: str, records: Sequence[_Imported],
                    values: Callable[[_Imported], dict[str, Any]], ids: dict[int, int]) -> None:
    for i, record in enumerate(records):
        row = values(record)
        row["client_id"] = _imported_client(ids, record.client_id, f"{table}[{i}]")
        try:
            conn.execute(*insert(table, row))
        except sqlite3.IntegrityError:
            if table != "appointments":
                raise
            # The only rule a session can break: one (source, source_uid) per calendar entry.
            raise Invalid(f"appointments[{i}]: another session in the file or the caseload has the "
                          "same source and calendar id.") from None


def _thought_values(meetings: dict[int, int], thought: m.Thought) -> dict[str, Any]:
    """A thought's row, the meeting it was brought to (a position in the file) made that meeting's new id."""
    values = rows.thought_values(thought)
    if thought.brought_to is not None:
        if thought.brought_to not in meetings:
            raise Invalid("A thought is marked brought to a supervision that is not in the file.")
        values["brought_to"] = meetings[thought.brought_to]
    return values


def _import_meetings(
    conn: sqlite3.Connection, meetings: list[m.SupervisionMeeting], ids: dict[int, int]
) -> dict[int, int]:
    """Add the meetings and their items; returns each meeting's new id by its position (from 1)."""
    new_ids: dict[int, int] = {}
    for i, meeting in enumerate(meetings):
        meeting_id = insert_meeting(conn, meeting)
        new_ids[i + 1] = meeting_id
        for j, item in enumerate(meeting.items):
            values = rows.item_values(item)
            values["meeting_id"] = meeting_id
            values["client_id"] = _imported_client(ids, item.client_id, f"supervision[{i}].items[{j}]")
            conn.execute(*insert("supervision_items", values))
    return new_ids


def _imported_client(ids: dict[int, int], position: int | None, where: str) -> int | None:
    if position is None:
        return None
    if position not in ids:
        raise Invalid(f"{where} refers to a client that is not in the file.")
    return ids[position]


# ---------------------------------------------------------------- sessions from calendars and reports


@dataclass
class SessionChanges:
    """What an import did (or, in a dry run, would do) to the sessions."""

    added: list[m.Appointment] = field(default_factory=list)
    changed: list[tuple[m.Appointment, m.Appointment]] = field(default_factory=list)  # (before, after)
    unchanged: list[m.Appointment] = field(default_factory=list)
    # Sessions with an outcome the clinician recorded, which the file describes differently: (kept, file).
    kept: list[tuple[m.Appointment, m.Appointment]] = field(default_factory=list)
    removed: list[m.Appointment] = field(default_factory=list)

    @property
    def left_alone(self) -> int:
        return len(self.unchanged) + len(self.kept)


def _upsert_sessions(
    conn: sqlite3.Connection, source: str, sessions: list[m.Appointment], changes: SessionChanges
) -> None:
    stored = {
        r["source_uid"]: rows.appointment(r)
        for r in conn.execute(
            "SELECT * FROM appointments WHERE source = ? AND source_uid != ''", [source]
        )
    }
    listed = {s.source_uid for s in sessions}
    claimed = {a.id for uid, a in stored.items() if uid in listed}  # each is found by its own uid
    seen: set[str] = set()
    for incoming in sessions:
        if not incoming.source_uid:
            raise Invalid("A session to import has no calendar or report id; nothing was imported.")
        if incoming.source_uid in seen:
            raise Invalid("The same session appears twice in the file; nothing was imported.")
        seen.add(incoming.source_uid)
        if not conn.execute("SELECT 1 FROM clients WHERE id = ?", [incoming.client_id]).fetchone():
            raise NotFound("A client was removed while the file was being read; nothing was imported.")
        old = stored.get(incoming.source_uid) or _same_client_and_minute(conn, incoming, claimed)
        if old is None:
            values = rows.appointment_values(incoming)
            values["source"] = source
            added = reread(conn, inserted_id(conn.execute(*insert("appointments", values))))
            claimed.add(added.id)  # matched once: a second entry at this client and minute is a session of its own
            changes.added.append(added)
            continue
        claimed.add(old.id)
        _update_one_session(conn, source, old, incoming, changes)


def _update_one_session(
    conn: sqlite3.Connection, source: str, old: m.Appointment, incoming: m.Appointment,
    changes: SessionChanges,
) -> None:
    differs = (old.client_id, old.starts_at) != (incoming.client_id, incoming.starts_at)
    if old.status is not m.Status.SCHEDULED:  # the clinician's record stands
        if differs or incoming.status not in (m.Status.SCHEDULED, old.status):
            changes.kept.append((old, incoming))
        else:
            changes.unchanged.append(old)
        return
    differs = differs or old.status is not incoming.status
    adopt = old.source_uid == ""  # a session typed in by hand becomes this file's session
    if not (differs or adopt):
        changes.unchanged.append(old)
        return
    conn.execute(
        "UPDATE appointments SET client_id = ?, starts_at = ?, status = ?, source = ?, source_uid = ? "
        "WHERE id = ?",
        [incoming.client_id, rows.iso_moment(incoming.starts_at), incoming.status.value,
         source if adopt else old.source, incoming.source_uid if adopt else old.source_uid, old.id],
    )
    if differs:
        changes.changed.append((old, reread(conn, saved_id(old.id))))
    else:
        changes.unchanged.append(old)


def _same_client_and_minute(
    conn: sqlite3.Connection, incoming: m.Appointment, claimed: set[int | None]
) -> m.Appointment | None:
    """A session already in the caseload (typed in, or from another file) for this client at this time."""
    for row in conn.execute(
        "SELECT * FROM appointments WHERE client_id = ? AND starts_at = ? ORDER BY id",
        [incoming.client_id, rows.iso_moment(incoming.starts_at)],
    ):
        if row["id"] not in claimed:
            return rows.appointment(row)
    return None


def _withdraw_sessions(
    conn: sqlite3.Connection, source: str, between: tuple[datetime, datetime],
    still_listed: frozenset[str], changes: SessionChanges,
) -> None:
    """Remove this source's unrecorded sessions in the stretch that the file no longer lists."""
    kept_ids = {a.id for a in changes.unchanged} | {a.id for _, a in changes.changed}
    kept_ids |= {a.id for a, _ in changes.kept} | {a.id for a in changes.added}
    for row in conn.execute(
        "SELECT * FROM appointments WHERE source = ? AND source_uid != '' AND status = ? "
        "AND note = '' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
        [source, m.Status.SCHEDULED.value, rows.iso_moment(between[0]), rows.iso_moment(between[1])],
    ).fetchall():
        if row["id"] in kept_ids or row["source_uid"] in still_listed:
            continue
        conn.execute("DELETE FROM appointments WHERE id = ?", [row["id"]])
        changes.removed.append(rows.appointment(row))

