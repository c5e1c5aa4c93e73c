"""Sessions: appointments and attendance, and the grouping rules' inputs (records) read in one query."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from functools import partial
from typing import overload

from .. import model as m
from ..config import Thresholds
from . import rows
from .base import StoreBase
from .errors import NotFound
from .sql import bound, insert, inserted_id, require

RECENT_SESSIONS = 24  # enough to cover an 8-week window at three sessions a week

_CAME, _CAME_VALUES = bound("came", m.CAME)
_MISSED, _MISSED_VALUES = bound("missed", m.MISSED)
_COUNTED, _COUNTED_VALUES = bound("counted", m.COUNTED)

# A client's recent past sessions, newest first (two at the same minute in the index's order, so the
# rules and the tallies below read them alike).
_RECENT_ROWS = f"""SELECT starts_at, status FROM appointments a
      WHERE a.client_id = c.id AND a.starts_at <= :now
      ORDER BY a.starts_at DESC, a.status DESC LIMIT {RECENT_SESSIONS}"""
_RECENT_SQL = f"(SELECT group_concat(starts_at || '|' || status, ';') FROM ({_RECENT_ROWS}))"

# What the grouping rules count of those sessions (rules.tally_counted), counted here for every active client
# at once. Counted sessions are those not mine to cancel, not moved, not in my break. The misses in a row are
# the counted sessions newer (in the order above) than the newest counted one they came to, `stop`, found
# by the index on client and time. Only the sessions since the earliest of the windows and that one are
# read: they are the newest of the recent ones, so the same LIMIT keeps the same of them.
_IN_MY_BREAK = "EXISTS (SELECT 1 FROM breaks b WHERE substr(starts_at, 1, 10) BETWEEN b.starts_on AND b.ends_on)"
_TALLIES_SQL = f"""
WITH stops AS MATERIALIZED (
  SELECT c.id, coalesce((SELECT starts_at FROM appointments a
                WHERE a.client_id = c.id AND a.starts_at <= :now AND a.status IN ({_CAME}) {{and_not_in_my_break}}
                ORDER BY a.starts_at DESC LIMIT 1), '') AS stop_at
  FROM clients c WHERE c.ended_on IS NULL {{and_}}),
actives AS MATERIALIZED (
  SELECT c.id, c.stop_at, (SELECT max(status) FROM appointments a WHERE a.client_id = c.id AND a.starts_at = c.stop_at
                           AND a.status IN ({_CAME})) AS stop_status
  FROM stops c)
SELECT c.id, (
  SELECT total(newer) || ',' || total(in_window) || ',' || total(missed AND in_window)
         || ',' || total(missed AND lately) || ',' || total(NOT missed AND lately)
  FROM (SELECT starts_at > c.stop_at OR (starts_at = c.stop_at AND status > c.stop_status) AS newer,
               starts_at > :window_start AS in_window, starts_at > :quiet_start AS lately,
               status IN ({_MISSED}) AS missed, status, starts_at
        FROM appointments a
        WHERE a.client_id = c.id AND a.starts_at <= :now AND a.starts_at >= min(:window_start, :quiet_start, c.stop_at)
        ORDER BY a.starts_at DESC, a.status DESC LIMIT {RECENT_SESSIONS})
  WHERE status IN ({_COUNTED}) {{and_not_in_my_break}})
FROM actives c"""
# Every client in the list's order, and whether their work has ended.
_ORDER_SQL = "SELECT c.id, c.ended_on IS NULL FROM clients c {where} ORDER BY c.name COLLATE NOCASE, c.id"

# What lies ahead is read once for everyone, as aggregates over the few sessions after `now`
# (by the index on time), rather than looked up client by client.
_AHEAD_SQL = """
WITH ahead AS MATERIALIZED (SELECT client_id, status, starts_at FROM appointments WHERE starts_at > :now {and_}),
  by_client AS (SELECT client_id, min(CASE WHEN status = :scheduled THEN starts_at END) AS next_booked,
                       group_concat(substr(starts_at, 1, 10), ',') AS settled_ahead
                FROM ahead GROUP BY client_id)
"""

_GROUPING_INPUTS_SQL = f"""
  (SELECT max(starts_at) FROM appointments a
     WHERE a.client_id = c.id AND a.status IN ({_CAME}) AND a.starts_at <= :now)
     AS last_attended,
  f.next_booked, f.settled_ahead,
  (SELECT count(*) FROM questions q WHERE q.client_id = c.id AND q.status = :open)
     AS open_questions,
  (SELECT count(*) FROM thoughts t WHERE t.client_id = c.id AND t.lingering = 1)
     AS lingering_thoughts
FROM clients c LEFT JOIN by_client f ON f.client_id = c.id
"""

# A graduate's recent sessions are not read with the caseload (grouping never looks at them, and
# most graduates' rows are never drawn): RecentSessions reads them when first used.
_RECORDS_SQL = (f"{_AHEAD_SQL.format(and_='')} SELECT c.*, "
                f"CASE WHEN c.ended_on IS NULL THEN {_RECENT_SQL} END AS recent, {_GROUPING_INPUTS_SQL}")
_AMONG = "IN (SELECT value FROM json_each(:ids))"  # the clients asked for, as a JSON list of ids
# A page of the list: every row drawn shows its strip, a graduate's too, so theirs are read with it.
_RECORDS_OF_SQL = (f"{_AHEAD_SQL.format(and_='AND client_id ' + _AMONG)} SELECT c.*, {_RECENT_SQL} AS recent, "
                   f"{_GROUPING_INPUTS_SQL} WHERE c.id {_AMONG}")
_RECORD_SQL = (f"{_AHEAD_SQL.format(and_='AND client_id = :id')} SELECT c.*, {_RECENT_SQL} AS recent, "
               f"{_GROUPING_INPUTS_SQL} WHERE c.id = :id")

_STATUSES = {status.value: status for status in m.Status}


def _records_args(now: datetime) -> dict[str, object]:
    return {"now": rows.iso_moment(now), "scheduled": m.Status.SCHEDULED.value,
            "open": m.QuestionStatus.OPEN.value, **_CAME_VALUES}


def _tallies_args(now: datetime, thresholds: Thresholds) -> dict[str, object]:
    return {"now": rows.iso_moment(now),
            "window_start": rows.iso_moment(now - timedelta(weeks=thresholds.window_weeks)),
            "quiet_start": rows.iso_moment(now - timedelta(days=thresholds.quiet_days)),
            **_CAME_VALUES, **_MISSED_VALUES, **_COUNTED_VALUES}


def _tally(text: str) -> m.AttendanceTally:
    return m.AttendanceTally(*(int(float(n)) for n in text.split(",")))  # total() is a float


def parse_sessions(text: str | None) -> list[m.Session]:
    """The records query's "starts_at|status;..." text as sessions, newest first."""
    sessions = []
    for pair in text.split(";") if text else ():
        when, _, status = pair.partition("|")
        sessions.append(m.Session(starts_at=datetime.fromisoformat(when), status=_STATUSES[status]))
    sessions.sort(key=lambda s: s.starts_at, reverse=True)  # group_concat does not promise order
    return sessions


class RecentSessions(Sequence[m.Session]):
    """A client's recent sessions, newest first, kept as the query's text until first read.

    `records()` reads every client; grouping never looks at a graduate's sessions and the
    caseload list draws only the rows on screen, so in a large caseload most of these are
    never parsed. Reads like a list of Session, and compares equal to one.
    """

    __slots__ = ("_text", "_sessions", "_read", "_client_id")

    def __init__(self, text: str | None, read: Callable[[int], str | None] | None = None, client_id: int = 0) -> None:
        """text: the query's; or read(client_id), which gives it when first needed (a graduate's, see
        _RECORDS_SQL; one function shared by every graduate, so each holds nothing more than its id)."""
        self._text = text
        self._read = read
        self._client_id = client_id
        self._sessions: list[m.Session] | None = None if text or read else []

    def _parsed(self) -> list[m.Session]:
        if self._sessions is None:
            if self._read is not None:
                self._text, self._read = self._read(self._client_id), None
            self._sessions, self._text = parse_sessions(self._text), None
        return self._sessions

    @overload
    def __getitem__(self, index: int) -> m.Session: ...

    @overload
    def __getitem__(self, index: slice) -> list[m.Session]: ...

    def __getitem__(self, index: int | slice) -> m.Session | list[m.Session]:
        return self._parsed()[index]

    def __len__(self) -> int:
        return len(self._parsed())

    def __iter__(self) -> Iterator[m.Session]:
        return iter(self._parsed())

    def __reversed__(self) -> Iterator[m.Session]:
        return reversed(self._parsed())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (list, RecentSessions)):
            return self._parsed() == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like a list

    def __repr__(self) -> str:
        return repr(self._parsed())


def _record(row: sqlite3.Row, recent: Sequence[m.Session], breaks: Sequence[m.Break]) -> m.ClientRecord:
    moment = rows.moment
    days = row["settled_ahead"]
    settled = frozenset(rows.given_day(d) for d in days.split(",")) if days else frozenset()
    return m.ClientRecord(client=rows.client(row), recent=recent,
                          last_attended=moment(row["last_attended"]), next_booked=moment(row["next_booked"]),
                          open_questions=row["open_questions"], lingering_thoughts=row["lingering_thoughts"],
                          settled_ahead=settled, breaks=breaks)


def _break(row: sqlite3.Row) -> m.Break:
    return m.Break(starts_on=rows.given_day(row["starts_on"]), ends_on=rows.given_day(row["ends_on"]),
                   word=row["word"], id=row["id"])


class SessionsMixin(StoreBase):
    def records(self, now: datetime) -> list[m.ClientRecord]:
        """Every client with the grouping inputs, in one query.

        Each client's recent sessions are parsed when first used (see RecentSessions).
        """
        return self._records(_RECORDS_SQL, _records_args(now), now)

    def records_of(self, client_ids: Sequence[int], now: datetime) -> list[m.ClientRecord]:
        """These clients' records (as `records` reads them), in the list's order: the rows the list draws."""
        if not client_ids:
            return []
        return self._records(_RECORDS_OF_SQL, {**_records_args(now), "ids": json.dumps(list(client_ids))}, now,
                             graduates_later=False)

    def _records(self, sql: str, args: dict[str, object], now: datetime,
                 graduates_later: bool = True) -> list[m.ClientRecord]:
        breaks = tuple(self.breaks())
        later = partial(self._recent_text, now=now)
        with self._lock.reading() as conn:
            # Row by row rather than fetchall(): at 10,000 clients that keeps megabytes of
            # rows from being held at once beside the records made from them.
            return [_record(row, RecentSessions(row["recent"]) if row["ended_on"] is None or not graduates_later else
                            RecentSessions(None, later, row["id"]), breaks)
                    for row in conn.execute(sql + " ORDER BY c.name COLLATE NOCASE, c.id", args)]

    def tallies(self, now: datetime, thresholds: Thresholds,
                client_ids: Sequence[int] | None = None) -> list[tuple[int, m.AttendanceTally | None]]:
        """Every client's id (or those of `client_ids`) in the list's order (by name, then id), with what the
        grouping rules count of their recent sessions (None: the work has ended): their group, through
        rules.group_of, without reading the sessions themselves. One query; at 10,000 clients it reads the
        recent sessions of the active ones only, by the index on client and time."""
        args = _tallies_args(now, thresholds)
        among = ""
        if client_ids is not None:
            among, args["ids"] = f"c.id {_AMONG}", json.dumps(list(client_ids))
        with self._lock.reading() as conn:
            breaks = conn.execute("SELECT 1 FROM breaks LIMIT 1").fetchone() is not None  # most caseloads: none
            sql = _TALLIES_SQL.format(and_=f"AND {among}" if among else "",
                                      and_not_in_my_break=f"AND NOT {_IN_MY_BREAK}" if breaks else "")
            counted = dict(conn.execute(sql, args).fetchall())
            order = conn.execute(_ORDER_SQL.format(where=f"WHERE {among}" if among else ""), args).fetchall()
        return [(client_id, _tally(counted[client_id]) if active else None) for client_id, active in order]

    def client_order(self) -> list[int]:
        """Every client's id in the list's order: by name (as SQLite's NOCASE folds it), then id."""
        with self._lock.reading() as conn:
            return [row[0] for row in conn.execute(_ORDER_SQL.format(where=""))]

    def _recent_text(self, client_id: int, *, now: datetime) -> str | None:
        """One client's recent sessions as the records query's text."""
        with self._lock.reading() as conn:
            row = conn.execute(f"SELECT {_RECENT_SQL} FROM clients c WHERE c.id = :id",
                               {"now": rows.iso_moment(now), "id": client_id}).fetchone()
        return row[0] if row is not None else None

    def record(self, client_id: int, now: datetime) -> m.ClientRecord:
        breaks = tuple(self.breaks())
        with self._lock.reading() as conn:
            row = conn.execute(_RECORD_SQL, {**_records_args(now), "id": client_id}).fetchone()
        if row is None:
            raise NotFound("That client is no longer in the caseload.")
        return _record(row, parse_sessions(row["recent"]), breaks)

    def recent_misses(self, client_id: int, now: datetime, since: datetime, limit: int = 3) -> list[m.Appointment]:
        """The client's latest missed sessions after `since` up to `now`, newest first, each with its note
        (how it came)."""
        marks, values = bound("missed", m.MISSED)
        with self._lock.reading() as conn:
            found = conn.execute(
                f"SELECT * FROM appointments WHERE client_id = :id AND starts_at > :since AND starts_at <= :now "
                f"AND status IN ({marks}) ORDER BY starts_at DESC LIMIT :limit",
                {"id": client_id, "since": rows.iso_moment(since), "now": rows.iso_moment(now), "limit": limit,
                 **values},
            ).fetchall()
        return [rows.appointment(r) for r in found]

    # ------------------------------------------------------------ my breaks

    def breaks(self) -> list[m.Break]:
        """My breaks, earliest first."""
        with self._lock.reading() as conn:
            return [_break(r) for r in conn.execute("SELECT * FROM breaks ORDER BY starts_on, id")]

    def add_break(self, taken: m.Break) -> m.Break:
        values = {"starts_on": rows.iso_day(taken.starts_on), "ends_on": rows.iso_day(taken.ends_on),
                  "word": taken.word}
        with self._lock.writing() as conn:
            new_id = inserted_id(conn.execute(*insert("breaks", values)))
            return _break(conn.execute("SELECT * FROM breaks WHERE id = ?", [new_id]).fetchone())

    def delete_break(self, break_id: int) -> None:
        with self._lock.writing() as conn:
            if conn.execute("DELETE FROM breaks WHERE id = ?", [break_id]).rowcount == 0:
                raise NotFound("That break is no longer recorded.")

    def appointments(self, client_id: int) -> list[m.Appointment]:
        return self._of_client("appointments", "starts_at", client_id, rows.appointment)

    def appointments_between(self, start: datetime, end: datetime) -> list[m.Appointment]:
        with self._lock.reading() as conn:
            found = conn.execute(
                "SELECT * FROM appointments WHERE starts_at >= ? AND starts_at < ? "
                "ORDER BY starts_at, id",
                [rows.iso_moment(start), rows.iso_moment(end)],
            ).fetchall()
        return [rows.appointment(r) for r in found]

    def record_attendance(
        self, client_id: int, starts_at: datetime, status: m.Status, note: str = ""
    ) -> m.Appointment:
        """Set what happened at a session; the session is booked if it was not."""
        with self._lock.writing() as conn:
            require(conn, "clients", client_id)
            day_start = starts_at.replace(hour=0, minute=0)
            existing = conn.execute(
                "SELECT id FROM appointments WHERE client_id = ? AND starts_at >= ? AND starts_at < ? "
                "ORDER BY abs(julianday(starts_at) - julianday(?)) LIMIT 1",
                [client_id, rows.iso_moment(day_start),
                 f"{rows.iso_moment(day_start.replace(hour=23, minute=59))}:59",
                 rows.iso_moment(starts_at)],
            ).fetchone()
            if existing:
                appointment_id = existing[0]
                conn.execute(
                    "UPDATE appointments SET status = ?, note = CASE WHEN ? = '' THEN note ELSE ? END "
                    "WHERE id = ?",
                    [status.value, note, note, appointment_id],
                )
            else:
                values = rows.appointment_values(
                    m.Appointment(client_id=client_id, starts_at=starts_at, status=status, note=note)
                )
                appointment_id = inserted_id(conn.execute(*insert("appointments", values)))
            return reread(conn, appointment_id)

    def add_appointment(self, appointment: m.Appointment) -> m.Appointment:
        with self._lock.writing() as conn:
            require(conn, "clients", appointment.client_id)
            new_id = inserted_id(conn.execute(*insert("appointments", rows.appointment_values(appointment))))
            return reread(conn, new_id)


def reread(conn: sqlite3.Connection, appointment_id: int) -> m.Appointment:
    return rows.appointment(conn.execute("SELECT * FROM appointments WHERE id = ?", [appointment_id]).fetchone())
