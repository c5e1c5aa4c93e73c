"""The caseload store: the only part of the program that speaks SQL.

Every method returns model objects; every write is one transaction that
takes the write lock up front and is committed before the method returns.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlite_utils import Database

from .. import model as m
from ..safe_text import one_line
from . import backup, rows
from .connection import (WriteLock, check_file, configure, connect, describe_db_error, empty_wal,
                         make_private, purge_search_index)
from .integrity import check_pages, damaged_message, exposure
from .errors import Busy, Conflict, Invalid, NoDatabase, NotACaseload, NotFound, StoreError
from .migrations import MIGRATION_SET, migrations

__all__ = [
    "Store", "StoreError", "Busy", "Conflict", "Invalid", "NoDatabase", "NotACaseload", "NotFound",
]

RECENT_SESSIONS = 24  # enough to cover an 8-week window at three sessions a week

_RECORDS_SQL = f"""
SELECT c.*,
  (SELECT group_concat(starts_at || '|' || status, ';') FROM
     (SELECT starts_at, status FROM appointments a
      WHERE a.client_id = c.id AND a.starts_at <= :now
      ORDER BY a.starts_at DESC LIMIT {RECENT_SESSIONS})) AS recent,
  (SELECT max(starts_at) FROM appointments a
     WHERE a.client_id = c.id AND a.status IN ('attended', 'late') AND a.starts_at <= :now)
     AS last_attended,
  (SELECT min(starts_at) FROM appointments a
     WHERE a.client_id = c.id AND a.status = 'scheduled' AND a.starts_at > :now) AS next_booked,
  (SELECT count(*) FROM questions q WHERE q.client_id = c.id AND q.status = 'open')
     AS open_questions,
  (SELECT count(*) FROM thoughts t WHERE t.client_id = c.id AND t.lingering = 1)
     AS lingering_thoughts
FROM clients c
"""

_STATUSES = {status.value: status for status in m.Status}


class _RecentSessions(Sequence):
    """A client's recent sessions, newest first, kept as the query's text until first read.

    `records()` reads every client; grouping never looks at a graduate's sessions and the
    caseload list draws only the rows on screen, so in a large caseload most of these are
    never parsed. Reads like a list of Session, and compares equal to one.
    """

    __slots__ = ("_text", "_sessions")

    def __init__(self, text: str | None) -> None:
        self._text = text
        self._sessions: list[m.Session] | None = None if text else []

    def _parsed(self) -> list[m.Session]:
        sessions = self._sessions
        if sessions is None:
            sessions = []
            for pair in self._text.split(";"):
                when, _, status = pair.partition("|")
                sessions.append(m.Session(starts_at=datetime.fromisoformat(when), status=_STATUSES[status]))
            sessions.sort(key=lambda s: s.starts_at, reverse=True)  # group_concat does not promise order
            self._sessions, self._text = sessions, None
        return sessions

    def __getitem__(self, index):
        return self._parsed()[index]

    def __len__(self) -> int:
        return len(self._parsed())

    def __iter__(self):
        return iter(self._parsed())

    def __reversed__(self):
        return reversed(self._parsed())

    def __eq__(self, other) -> bool:
        if isinstance(other, (list, _RecentSessions)):
            return self._parsed() == list(other)
        return NotImplemented

    __hash__ = None  # like a list

    def __repr__(self) -> str:
        return repr(self._parsed())


class Store:
    """One open caseload file."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None):
        self.path = path
        conn.row_factory = sqlite3.Row
        self._lock = WriteLock(conn)
        self._conn = conn
        self.db = Database(conn)
        self.warnings: list[str] = []  # to tell the user at start: a file others could read, a backup not made
        self.encrypted = False  # an encrypted (SQLCipher) caseload: what is kept beside it must not undo that

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, create: bool = False, daily_backup_dir: Path | None = None,
             today: date | None = None, keep_backups: int = backup.DEFAULT_KEEP,
             passphrase: str | None = None) -> "Store":
        """Open a caseload; with create=True a missing file becomes a new caseload.

        A file that is not a caseload, or is damaged, is refused and left exactly as it was.
        With daily_backup_dir and today, the first opening of the day backs the file up there
        (the last keep_backups are kept). Updates to the schema are made in one transaction,
        after a backup beside the file; problems to tell the user are in store.warnings.

        An encrypted caseload needs its passphrase (kept nowhere once the file is unlocked):
        without one PassphraseNeeded is raised, and WrongPassphrase for one that does not open
        it, the file unchanged. With create=True and a passphrase, a new caseload is encrypted.
        Its backups are encrypted with the same key.
        """
        path = Path(path)
        if create and not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            encrypted = passphrase is not None
        else:
            encrypted = check_file(path, passphrase)
        existed = path.exists()
        warning = exposure(path) if existed else None
        try:
            conn = connect(path, passphrase if encrypted else None)
        except sqlite3.Error as exc:
            raise _named(describe_db_error(exc), path, existed) from None
        try:
            if existed:
                _check_is_caseload(conn, path)
                check_pages(conn, path)
            configure(conn, memory=False)
            store = cls(conn, path)
            store.encrypted = encrypted
            store.warnings += [warning] if warning else []
            if existed and daily_backup_dir is not None and today is not None:
                if note := backup.daily(conn, path, daily_backup_dir, today, keep_backups):
                    store.warnings.append(note)
            store._migrate(back_up=existed)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _named(describe_db_error(exc), path, existed) from None
        except BaseException:
            conn.close()
            if not existed:  # a new file that never became a caseload is not left behind
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
            raise
        make_private(path)
        return store

    @classmethod
    def memory(cls) -> "Store":
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        configure(conn, memory=True)
        store = cls(conn, None)
        store._migrate()
        return store

    def _migrate(self, back_up: bool = False) -> None:
        """Apply pending migrations in one transaction: all of them or, on any failure, none.

        With back_up, a caseload that already has data is first copied beside itself.
        """
        with self._lock.reading():
            pending = migrations.pending(self.db)
            has_data = bool(migrations.applied(self.db))
        if not pending:
            return
        before = None
        if back_up and has_data and self.path is not None:
            try:
                before = backup.before_update(self._conn, self.path, pending[0].name)
            except (OSError, sqlite3.Error, StoreError):
                raise StoreError(f"{self.path} needs updating for this version of caseload, but a backup "
                                 "could not be made beside it first, so nothing was changed.") from None
        try:
            with self._lock.writing():
                migrations.apply(self.db)
        except Busy:
            raise
        except Exception:
            copy = f" A copy made just before is at {before}." if before else ""
            raise StoreError(f"{self.path or 'The caseload'} could not be updated for this version of "
                             f"caseload, so it was left as it was.{copy}") from None

    def _empty_wal(self) -> None:
        with self._lock.reading() as conn:
            empty_wal(conn)

    def pending_migrations(self) -> list[str]:
        return [mig.name for mig in migrations.pending(self.db)]

    def close(self) -> None:
        self._conn.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action that makes several writes: all of them are committed, or none.

        Store methods called inside it join this transaction instead of committing their own.
        """
        with self._lock.writing():
            yield

    def data_version(self) -> int:
        """Changes whenever another connection (another window) commits to the file."""
        with self._lock.reading() as conn:
            return conn.execute("PRAGMA data_version").fetchone()[0]

    # ------------------------------------------------------------ clients

    def records(self, now: datetime) -> list[m.ClientRecord]:
        """Every client with the grouping inputs, in one query.

        Each client's recent sessions are parsed when first used (see _RecentSessions).
        """
        moment, client, record = rows.moment, rows.client, m.ClientRecord
        with self._lock.reading() as conn:
            # Row by row rather than fetchall(): at 10,000 clients that keeps megabytes of
            # rows from being held at once beside the records made from them.
            return [record(client=client(row), recent=_RecentSessions(row["recent"]),
                           last_attended=moment(row["last_attended"]), next_booked=moment(row["next_booked"]),
                           open_questions=row["open_questions"], lingering_thoughts=row["lingering_thoughts"])
                    for row in conn.execute(_RECORDS_SQL + " ORDER BY c.name COLLATE NOCASE, c.id",
                                            {"now": rows.iso_moment(now)})]

    def record(self, client_id: int, now: datetime) -> m.ClientRecord:
        with self._lock.reading() as conn:
            row = conn.execute(
                _RECORDS_SQL + " WHERE c.id = :id", {"now": rows.iso_moment(now), "id": client_id}
            ).fetchone()
        if row is None:
            raise NotFound("That client is no longer in the caseload.")
        return _record(row)

    def clients(self) -> list[m.Client]:
        with self._lock.reading() as conn:
            found = conn.execute("SELECT * FROM clients ORDER BY name COLLATE NOCASE, id").fetchall()
        return [rows.client(r) for r in found]

    def client(self, client_id: int) -> m.Client:
        with self._lock.reading() as conn:
            row = conn.execute("SELECT * FROM clients WHERE id = ?", [client_id]).fetchone()
        if row is None:
            raise NotFound("That client is no longer in the caseload.")
        return rows.client(row)

    def find_client(self, text: str) -> m.Client:
        """A client by code or name (exact, case-insensitive), else by a unique beginning."""
        wanted = text.strip()
        everyone = self.clients()
        for test in (
            lambda c: c.code == wanted,
            lambda c: c.code.lower() == wanted.lower() or c.name.lower() == wanted.lower(),
        ):
            hits = [c for c in everyone if test(c)]
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
            return conn.execute("SELECT count(*) FROM clients").fetchone()[0]

    def add_client(self, client: m.Client) -> m.Client:
        with self._lock.writing() as conn:
            _check_code_free(conn, client.code, None)
            cur = conn.execute(*_insert("clients", rows.client_values(client)))
            client_id = cur.lastrowid
        return self.client(client_id)

    def update_client(self, client: m.Client) -> m.Client:
        """Save an edited client; refused if someone changed it since it was read."""
        with self._lock.writing() as conn:
            _check_code_free(conn, client.code, client.id)
            _update_versioned(conn, "clients", client.id, client.version, rows.client_values(client))
        return self.client(client.id)

    def set_flag(self, client_id: int, flagged: bool) -> m.Client:
        with self._lock.writing() as conn:
            _require(conn, "clients", client_id)
            conn.execute(
                "UPDATE clients SET bring_to_supervision = ?, version = version + 1 WHERE id = ?",
                [int(flagged), client_id],
            )
        return self.client(client_id)

    def delete_client(self, client_id: int) -> None:
        """Remove a client and everything written about them: no trace left in the file or its index."""
        with self._lock.writing() as conn:
            _require(conn, "clients", client_id)
            conn.execute("DELETE FROM clients WHERE id = ?", [client_id])
            purge_search_index(conn, ("thoughts", "questions", "encounters"))
        self._empty_wal()

    # ------------------------------------------------------------ appointments

    def appointments(self, client_id: int) -> list[m.Appointment]:
        with self._lock.reading() as conn:
            found = conn.execute(
                "SELECT * FROM appointments WHERE client_id = ? ORDER BY starts_at DESC, id DESC",
                [client_id],
            ).fetchall()
        return [rows.appointment(r) for r in found]

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
            _require(conn, "clients", client_id)
            day_start = starts_at.replace(hour=0, minute=0)
            existing = conn.execute(
                "SELECT id FROM appointments WHERE client_id = ? AND starts_at >= ? AND starts_at < ? "
                "ORDER BY abs(julianday(starts_at) - julianday(?)) LIMIT 1",
                [client_id, rows.iso_moment(day_start),
                 rows.iso_moment(day_start.replace(hour=23, minute=59)) + ":59",
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
                appointment_id = conn.execute(*_insert("appointments", values)).lastrowid
            row = conn.execute("SELECT * FROM appointments WHERE id = ?", [appointment_id]).fetchone()
        return rows.appointment(row)

    def add_appointment(self, appointment: m.Appointment) -> m.Appointment:
        with self._lock.writing() as conn:
            _require(conn, "clients", appointment.client_id)
            new_id = conn.execute(*_insert("appointments", rows.appointment_values(appointment))).lastrowid
            row = conn.execute("SELECT * FROM appointments WHERE id = ?", [new_id]).fetchone()
        return rows.appointment(row)

    # ------------------------------------------------------------ thoughts

    def thoughts(
        self, client_ids: list[int] | None = None, lingering_only: bool = False, limit: int = 500,
        since: datetime | None = None,
    ) -> list[m.Thought]:
        """Thoughts, newest first: about some clients, or (None) about everyone."""
        where, args = _about(client_ids)
        if lingering_only:
            where.append("lingering = 1")
        if since is not None:
            where.append("written_at >= ?")
            args.append(rows.iso_moment(since))
        sql = "SELECT * FROM thoughts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock.reading() as conn:
            found = conn.execute(sql + " ORDER BY written_at DESC, id DESC LIMIT ?", [*args, limit]).fetchall()
        return [rows.thought(r) for r in found]

    def practice_thoughts(self, limit: int = 500) -> list[m.Thought]:
        """Thoughts about my own practice rather than one client."""
        with self._lock.reading() as conn:
            found = conn.execute(
                "SELECT * FROM thoughts WHERE client_id IS NULL ORDER BY written_at DESC, id DESC LIMIT ?",
                [limit],
            ).fetchall()
        return [rows.thought(r) for r in found]

    def practice_thought_count(self) -> int:
        with self._lock.reading() as conn:
            return conn.execute("SELECT count(*) FROM thoughts WHERE client_id IS NULL").fetchone()[0]

    def thought(self, thought_id: int) -> m.Thought:
        with self._lock.reading() as conn:
            row = conn.execute("SELECT * FROM thoughts WHERE id = ?", [thought_id]).fetchone()
        if row is None:
            raise NotFound("That thought has been deleted.")
        return rows.thought(row)

    def add_thought(self, thought: m.Thought) -> m.Thought:
        with self._lock.writing() as conn:
            if thought.client_id is not None:
                _require(conn, "clients", thought.client_id)
            new_id = conn.execute(*_insert("thoughts", rows.thought_values(thought))).lastrowid
        return self.thought(new_id)

    def update_thought(self, thought: m.Thought) -> m.Thought:
        with self._lock.writing() as conn:
            _update_versioned(conn, "thoughts", thought.id, thought.version, rows.thought_values(thought))
        return self.thought(thought.id)

    def delete_thought(self, thought_id: int) -> None:
        with self._lock.writing() as conn:
            _require(conn, "thoughts", thought_id)
            conn.execute("DELETE FROM thoughts WHERE id = ?", [thought_id])
            purge_search_index(conn, ("thoughts",))
        self._empty_wal()

    # ------------------------------------------------------------ questions

    def questions(self, client_ids: list[int] | None = None, open_only: bool = False,
                  limit: int = 500) -> list[m.Question]:
        """Questions with the open ones first, newest first within each."""
        where, args = _about(client_ids)
        if open_only:
            where.append("status = 'open'")
        sql = "SELECT * FROM questions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY status != 'open', coalesce(closed_at, asked_at) DESC, id DESC LIMIT ?"
        with self._lock.reading() as conn:
            found = conn.execute(sql, [*args, limit]).fetchall()
        return [rows.question(r) for r in found]

    def question(self, question_id: int) -> m.Question:
        with self._lock.reading() as conn:
            row = conn.execute("SELECT * FROM questions WHERE id = ?", [question_id]).fetchone()
        if row is None:
            raise NotFound("That question has been deleted.")
        return rows.question(row)

    def add_question(self, question: m.Question) -> m.Question:
        with self._lock.writing() as conn:
            if question.client_id is not None:
                _require(conn, "clients", question.client_id)
            new_id = conn.execute(*_insert("questions", rows.question_values(question))).lastrowid
        return self.question(new_id)

    def update_question(self, question: m.Question) -> m.Question:
        with self._lock.writing() as conn:
            _update_versioned(conn, "questions", question.id, question.version,
                              rows.question_values(question))
        return self.question(question.id)

    def delete_question(self, question_id: int) -> None:
        with self._lock.writing() as conn:
            _require(conn, "questions", question_id)
            conn.execute("DELETE FROM questions WHERE id = ?", [question_id])
            purge_search_index(conn, ("questions",))
        self._empty_wal()

    # ------------------------------------------------------------ encounters and supervision

    def encounters(self, client_id: int) -> list[m.Encounter]:
        with self._lock.reading() as conn:
            found = conn.execute(
                "SELECT * FROM encounters WHERE client_id = ? ORDER BY happened_on DESC, id DESC",
                [client_id],
            ).fetchall()
        return [rows.encounter(r) for r in found]

    def add_encounter(self, encounter: m.Encounter) -> m.Encounter:
        with self._lock.writing() as conn:
            _require(conn, "clients", encounter.client_id)
            new_id = conn.execute(*_insert("encounters", rows.encounter_values(encounter))).lastrowid
            row = conn.execute("SELECT * FROM encounters WHERE id = ?", [new_id]).fetchone()
        return rows.encounter(row)

    def meetings(self) -> list[m.SupervisionMeeting]:
        """Supervision meetings, the most recent first, each with its items."""
        with self._lock.reading() as conn:
            found = conn.execute("SELECT * FROM supervision_meetings ORDER BY held_on DESC, id DESC").fetchall()
            items = conn.execute("SELECT * FROM supervision_items ORDER BY id").fetchall()
        by_meeting: dict[int, list[m.SupervisionItem]] = {}
        for row in items:
            by_meeting.setdefault(row["meeting_id"], []).append(rows.item(row))
        return [rows.meeting(r, by_meeting.get(r["id"], [])) for r in found]

    def add_meeting(self, meeting: m.SupervisionMeeting) -> m.SupervisionMeeting:
        with self._lock.writing() as conn:
            meeting_id = conn.execute(
                "INSERT INTO supervision_meetings (held_on, notes, status) VALUES (?, ?, ?)",
                [rows.iso_day(meeting.held_on), meeting.notes, "planned" if meeting.planned else "held"],
            ).lastrowid
            for item in meeting.items:
                _require(conn, "clients", item.client_id)
                item.meeting_id = meeting_id
                conn.execute(*_insert("supervision_items", rows.item_values(item)))
        return self.meeting(meeting_id)

    def meeting(self, meeting_id: int) -> m.SupervisionMeeting:
        found = [x for x in self.meetings() if x.id == meeting_id]
        if not found:
            raise NotFound("That supervision meeting is no longer in the caseload.")
        return found[0]

    def save_meeting(self, meeting: m.SupervisionMeeting) -> m.SupervisionMeeting:
        """Replace a meeting's date, notes, status and items (a plan being edited, or recorded as held)."""
        with self._lock.writing() as conn:
            _require(conn, "supervision_meetings", meeting.id)
            conn.execute(
                "UPDATE supervision_meetings SET held_on = ?, notes = ?, status = ? WHERE id = ?",
                [rows.iso_day(meeting.held_on), meeting.notes, "planned" if meeting.planned else "held",
                 meeting.id],
            )
            conn.execute("DELETE FROM supervision_items WHERE meeting_id = ?", [meeting.id])
            for item in meeting.items:
                _require(conn, "clients", item.client_id)
                item.meeting_id = meeting.id
                conn.execute(*_insert("supervision_items", rows.item_values(item)))
        return self.meeting(meeting.id)

    def set_item_outcome(self, item_id: int, outcome: str) -> None:
        """How the supervisor's advice went, written when it is followed up."""
        with self._lock.writing() as conn:
            _require(conn, "supervision_items", item_id)
            conn.execute("UPDATE supervision_items SET outcome = ? WHERE id = ?", [outcome, item_id])

    def delete_meeting(self, meeting_id: int) -> None:
        with self._lock.writing() as conn:
            _require(conn, "supervision_meetings", meeting_id)
            conn.execute("DELETE FROM supervision_meetings WHERE id = ?", [meeting_id])

    # ------------------------------------------------------------ endings

    def graduate(self, client_id: int, ended_on, kind: m.EndingKind, reflection: m.Reflection,
                 close_open_questions: bool, now: datetime) -> m.Client:
        """End the work: the date, the kind of ending and the reflection, in one transaction.

        Booked sessions after the ending that were never held are removed, so no
        session is expected any more; open questions are dropped if asked.
        """
        with self._lock.writing() as conn:
            _require(conn, "clients", client_id)
            conn.execute(
                "UPDATE clients SET ended_on = ?, ending_kind = ?, helped = ?, not_helped = ?, "
                "they_learned = ?, i_learned = ?, version = version + 1 WHERE id = ?",
                [rows.iso_day(ended_on), kind.value, reflection.helped, reflection.not_helped,
                 reflection.they_learned, reflection.i_learned, client_id],
            )
            conn.execute(
                "DELETE FROM appointments WHERE client_id = ? AND status = 'scheduled' AND starts_at > ?",
                [client_id, rows.iso_day(ended_on) + "T23:59"],
            )
            if close_open_questions:
                conn.execute(
                    "UPDATE questions SET status = 'dropped', closed_at = ?, version = version + 1 "
                    "WHERE client_id = ? AND status = 'open'",
                    [rows.iso_moment(now), client_id],
                )
        return self.client(client_id)

    def reactivate(self, client_id: int) -> m.Client:
        """A graduate returns: active again, with all their history (and reflection) kept."""
        with self._lock.writing() as conn:
            _require(conn, "clients", client_id)
            conn.execute(
                "UPDATE clients SET ended_on = NULL, ending_kind = NULL, version = version + 1 WHERE id = ?",
                [client_id],
            )
        return self.client(client_id)

    # ------------------------------------------------------------ search

    SEARCH_RANKED = 2_000  # matches ranked per kind of note: the newest ones

    def search(self, query: str, limit: int = 50) -> list[m.SearchHit]:
        """Full-text search over thoughts, questions and encounters, best first.

        The query is quoted, so quotes and operators are searched as words. Where more
        than SEARCH_RANKED notes of one kind match (a common word, a short beginning, in
        a large caseload), the best of the newest SEARCH_RANKED are given: ranking every
        match would take longer than a keystroke.
        """
        if not query.strip():
            return []
        match = _fts_query(self.db, query)
        scored: list[tuple[float, m.SearchHit]] = []
        with self._lock.reading():
            for table, when, body in (
                ("thoughts", "written_at", "t.body"),
                ("questions", "asked_at", "t.body || CASE WHEN t.answer != '' THEN ' — ' || t.answer ELSE '' END"),
                ("encounters", "happened_on", "t.body"),
            ):
                try:
                    # Notes are numbered as they are written, so the newest matches have the highest rowids.
                    floor = self._conn.execute(
                        f"SELECT rowid FROM {table}_fts WHERE {table}_fts MATCH :query "
                        f"ORDER BY rowid DESC LIMIT 1 OFFSET {self.SEARCH_RANKED - 1}", {"query": match},
                    ).fetchone()
                    found = self._conn.execute(
                        f"SELECT t.id, t.client_id, t.{when} AS at, {body} AS text, f.rank AS rank, c.name AS name "
                        f"FROM {table}_fts f JOIN {table} t ON t.rowid = f.rowid "
                        f"LEFT JOIN clients c ON c.id = t.client_id "
                        f"WHERE {table}_fts MATCH :query AND f.rowid >= :floor ORDER BY f.rank LIMIT {int(limit)}",
                        {"query": match, "floor": floor[0] if floor else 0},
                    ).fetchall()
                except sqlite3.OperationalError:
                    return []
                for row in found:
                    scored.append((row["rank"], m.SearchHit(
                        kind=table[:-1], id=row["id"], client_id=row["client_id"],
                        client_name=row["name"] if row["name"] is not None else "My practice",
                        when=row["at"], body=row["text"],
                    )))
        scored.sort(key=lambda pair: pair[0])
        return [hit for _, hit in scored[:limit]]

    # ------------------------------------------------------------ whole caseload

    def export_data(self) -> m.CaseloadData:
        """Everything in the file, clients referred to by position (see CaseloadData)."""
        with self._lock.reading() as conn:
            clients = [rows.client(r) for r in conn.execute("SELECT * FROM clients ORDER BY id")]
            position = {c.id: i + 1 for i, c in enumerate(clients)}

            def relink(record):
                if getattr(record, "client_id", None) is not None:
                    record.client_id = position[record.client_id]
                record.id = None
                return record

            data = m.CaseloadData(
                clients=clients,
                appointments=[relink(rows.appointment(r)) for r in conn.execute("SELECT * FROM appointments ORDER BY id")],
                thoughts=[relink(rows.thought(r)) for r in conn.execute("SELECT * FROM thoughts ORDER BY id")],
                questions=[relink(rows.question(r)) for r in conn.execute("SELECT * FROM questions ORDER BY id")],
                encounters=[relink(rows.encounter(r)) for r in conn.execute("SELECT * FROM encounters ORDER BY id")],
            )
            items: dict[int, list[m.SupervisionItem]] = {}
            for r in conn.execute("SELECT * FROM supervision_items ORDER BY id"):
                item = relink(rows.item(r))
                items.setdefault(item.meeting_id, []).append(item)
            for r in conn.execute("SELECT * FROM supervision_meetings ORDER BY id"):
                meeting = rows.meeting(r, items.get(r["id"], []))
                for item in meeting.items:
                    item.meeting_id = None
                meeting.id = None
                data.meetings.append(meeting)
        for c in clients:
            c.id = None
        return data

    def import_data(self, data: m.CaseloadData, dry_run: bool = False) -> dict[str, int]:
        """Add a whole caseload in one transaction: all of it, or (on any error) none.

        Returns how many of each kind were (or, with dry_run, would be) added.
        """
        counts = {"clients": len(data.clients), "sessions": len(data.appointments),
                  "thoughts": len(data.thoughts), "questions": len(data.questions),
                  "encounters": len(data.encounters), "supervision meetings": len(data.meetings)}
        try:
            with self._lock.writing() as conn:
                ids = _import_clients(conn, data.clients)
                for table, records, values in (
                    ("appointments", data.appointments, rows.appointment_values),
                    ("thoughts", data.thoughts, rows.thought_values),
                    ("questions", data.questions, rows.question_values),
                    ("encounters", data.encounters, rows.encounter_values),
                ):
                    _import_records(conn, table, records, values, ids)
                _import_meetings(conn, data.meetings, ids)
                if dry_run:
                    raise _DryRun()
        except _DryRun:
            pass
        return counts

    # ------------------------------------------------------------ sessions from calendars and reports
    # (issue 6: `caseload import FILE.ics|FILE.csv`; the helpers are at the end of this file)

    def upsert_sessions(
        self,
        source: str,
        sessions: list[m.Appointment],
        *,
        dry_run: bool = False,
        withdraw_between: tuple[datetime, datetime] | None = None,
        still_listed: frozenset[str] = frozenset(),
    ) -> "SessionChanges":
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


# Records are named as the JSON file names them ('clients[0]', 'appointments[3]'), counting from 0.


def _import_clients(conn: sqlite3.Connection, clients: list[m.Client]) -> dict[int, int]:
    """Add the clients; returns each one's new id by its position (counting from 1, as CaseloadData does)."""
    ids: dict[int, int] = {}
    for i, client in enumerate(clients):
        try:
            _check_code_free(conn, client.code, None)
        except Invalid:
            raise Invalid(f"clients[{i}] (code {one_line(client.code, 24)}): "
                          "that code is already in this caseload.") from None
        ids[i + 1] = conn.execute(*_insert("clients", rows.client_values(client))).lastrowid
    return ids


def _import_records(conn: sqlite3.Connection, table: str, records: list, values, ids: dict[int, int]) -> None:
    for i, record in enumerate(records):
        row = values(record)
        row["client_id"] = _imported_client(ids, record.client_id, f"{table}[{i}]")
        try:
            conn.execute(*_insert(table, row))
        except sqlite3.IntegrityError:
            if table != "appointments":
                raise
            # The only rule a session can break: one (source, source_uid) per calendar entry.
            raise Invalid(f"appointments[{i}]: another session in the file or the caseload has the "
                          "same source and calendar id.") from None


def _import_meetings(
    conn: sqlite3.Connection, meetings: list[m.SupervisionMeeting], ids: dict[int, int]
) -> None:
    for i, meeting in enumerate(meetings):
        meeting_id = conn.execute(
            "INSERT INTO supervision_meetings (held_on, notes, status) VALUES (?, ?, ?)",
            [rows.iso_day(meeting.held_on), meeting.notes, "planned" if meeting.planned else "held"],
        ).lastrowid
        for j, item in enumerate(meeting.items):
            values = rows.item_values(item)
            values["meeting_id"] = meeting_id
            values["client_id"] = _imported_client(ids, item.client_id, f"supervision[{i}].items[{j}]")
            conn.execute(*_insert("supervision_items", values))


def _imported_client(ids: dict[int, int], position: int | None, where: str) -> int | None:
    if position is None:
        return None
    if position not in ids:
        raise Invalid(f"{where} refers to a client that is not in the file.")
    return ids[position]


def _fts_query(db: Database, query: str) -> str:
    """Every word quoted (so operators are plain words); the last one also matches as a prefix."""
    quoted = db.quote_fts(query)
    return quoted + "*" if quoted and not query[-1:].isspace() else quoted


class _DryRun(Exception):
    """Raised inside the import transaction to roll it back after checking everything."""


def _named(problem: StoreError, path: Path, existed: bool) -> StoreError:
    """A damaged file is named in the message, whichever step of opening found the damage."""
    if isinstance(problem, NotACaseload) and existed:
        return NotACaseload(damaged_message(path))
    return problem


def _check_is_caseload(conn: sqlite3.Connection, path: Path) -> None:
    """Read-only: the file must be empty of tables or hold our migration record."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not tables:
            return
        if "_sqlite_migrations" in tables:
            sets = {r[0] for r in conn.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
            if MIGRATION_SET in sets:
                return
    except sqlite3.DatabaseError:
        conn.close()
        raise NotACaseload(damaged_message(path)) from None
    conn.close()
    raise NotACaseload(f"{path} is a database, but not a caseload. Nothing was changed.")


def _record(row: sqlite3.Row) -> m.ClientRecord:
    recent = []
    if row["recent"]:
        for pair in row["recent"].split(";"):
            when, _, status = pair.partition("|")
            recent.append(m.Session(starts_at=rows.moment(when), status=m.Status(status)))
        recent.sort(key=lambda s: s.starts_at, reverse=True)  # group_concat does not promise order
    return m.ClientRecord(
        client=rows.client(row),
        recent=recent,
        last_attended=rows.moment(row["last_attended"]),
        next_booked=rows.moment(row["next_booked"]),
        open_questions=row["open_questions"],
        lingering_thoughts=row["lingering_thoughts"],
    )


def _insert(table: str, values: dict) -> tuple[str, list]:
    cols = list(values)
    return (
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [values[c] for c in cols],
    )


def _update_versioned(conn: sqlite3.Connection, table: str, record_id: int, version: int, values: dict) -> None:
    sets = ", ".join(f"{c} = ?" for c in values)
    cur = conn.execute(
        f"UPDATE {table} SET {sets}, version = version + 1 WHERE id = ? AND version = ?",
        [*values.values(), record_id, version],
    )
    if cur.rowcount == 0:
        exists = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone()
        if not exists:
            raise NotFound(f"That {_noun(table)} was deleted in another window; nothing was saved.")
        raise Conflict(
            f"That {_noun(table)} was changed in another window since you opened it, so your edit "
            "was not saved. The latest version is now shown; make your change again."
        )


def _require(conn: sqlite3.Connection, table: str, record_id: int) -> None:
    if not conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone():
        raise NotFound(f"That {_noun(table)} is no longer in the caseload.")


def _noun(table: str) -> str:
    return {"clients": "client", "thoughts": "thought", "questions": "question",
            "supervision_meetings": "supervision meeting", "supervision_items": "supervision item",
            }.get(table, "record")


def _check_code_free(conn: sqlite3.Connection, code: str, own_id: int | None) -> None:
    row = conn.execute("SELECT id FROM clients WHERE code = ?", [code]).fetchone()
    if row and row[0] != own_id:
        raise Invalid("Another client already has that code; each client needs their own.")


def _about(client_ids: list[int] | None) -> tuple[list[str], list]:
    if client_ids is None:
        return [], []
    if not client_ids:
        return ["0"], []
    return [f"client_id IN ({', '.join('?' * len(client_ids))})"], list(client_ids)


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
            new_id = conn.execute(*_insert("appointments", values)).lastrowid
            changes.added.append(_reread(conn, new_id))
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
        changes.changed.append((old, _reread(conn, old.id)))
    else:
        changes.unchanged.append(old)


def _same_client_and_minute(
    conn: sqlite3.Connection, incoming: m.Appointment, claimed: set[int]
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
        "SELECT * FROM appointments WHERE source = ? AND source_uid != '' AND status = 'scheduled' "
        "AND note = '' AND starts_at >= ? AND starts_at < ? ORDER BY starts_at, id",
        [source, rows.iso_moment(between[0]), rows.iso_moment(between[1])],
    ).fetchall():
        if row["id"] in kept_ids or row["source_uid"] in still_listed:
            continue
        conn.execute("DELETE FROM appointments WHERE id = ?", [row["id"]])
        changes.removed.append(rows.appointment(row))


def _reread(conn: sqlite3.Connection, appointment_id: int) -> m.Appointment:
    return rows.appointment(conn.execute("SELECT * FROM appointments WHERE id = ?", [appointment_id]).fetchone())
