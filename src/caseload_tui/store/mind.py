"""Mind and room: per active client over a window, what I wrote about them and whether they came.

Four grouped queries: clients, thoughts (over thoughts_by_time), questions (over questions_by_time)
and appointments (each active client's, over an index that covers them).
Words are counted in SQL by a function registered on the connection (str.split: any run of
spaces or line breaks parts two words). Sessions in one of my breaks say nothing about a client
(as in the grouping rules), so they are left out.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from itertools import chain
from pathlib import Path

from .. import model as m
from ..model.mind import MindAndRoom
from ..model.patterns import FEELINGS, OwnResponse
from . import rows
from .base import StoreBase
from .connection import describe_db_error
from .sql import bound


def _word_count(text: str | None) -> int:
    return len(text.split()) if text else 0


class MindMixin(StoreBase):
    encrypted: bool  # (set by Store.open)

    def mind_and_room(self, since: datetime, until: datetime) -> list[MindAndRoom]:
        """Every active client, with what was written about them and their sessions in [since, until]."""
        with self._lock.reading() as conn:
            return _mind_and_room(conn, since, until)

    def own_responses(self, since: datetime, until: datetime) -> list[OwnResponse]:
        """My own responses (thoughts whose kind is one) written in [since, until], about anyone or my practice.

        Each says whose feeling it was and its feeling words, if given; whether it was written in one
        of my breaks or the week before one; and whether in the fortnight either side of its client's
        ending (over thoughts_by_kind_time; few breaks). For a note without feeling words, the listed
        feelings the search index finds in its body (`in_text`); only a note holding two or more has
        its body read, so their order can be.
        """
        with self._lock.reading() as conn:
            return _own_responses(conn, since, until)

    def reading_key(self) -> tuple[int, int] | None:
        """What any reading of this file is true for: it changes with every commit, whichever connection made it.

        The file's `data_version` as this connection sees it (changed by other connections' commits)
        and this connection's own changes (`total_changes`: data_version ignores its own commits).
        Taken under the lock, so never in the middle of another thread's write; None inside a
        transaction, whose changes are not yet the file's.
        """
        with self._lock.reading() as conn:
            if conn.in_transaction:
                return None
            return int(conn.execute("PRAGMA data_version").fetchone()[0]), conn.total_changes

    def read_aside(self) -> AsideReader | None:
        """A second, read-only connection for reading off the UI thread without holding this one's lock.

        None for a caseload in memory or an encrypted one (its key is kept nowhere once opened).
        """
        if self.path is None or self.encrypted:
            return None
        try:
            return AsideReader(self.path)
        except sqlite3.Error:
            return None


class AsideReader:
    """Mind and room and my own responses, read on a read-only connection of its own (as the background check's).

    Made and used in one thread; a read-only connection can never write to the file.
    """

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
        self._conn.row_factory = sqlite3.Row

    def mind_and_room(self, since: datetime, until: datetime) -> list[MindAndRoom]:
        try:
            return _mind_and_room(self._conn, since, until)
        except sqlite3.Error as exc:
            raise describe_db_error(exc) from None

    def own_responses(self, since: datetime, until: datetime) -> list[OwnResponse]:
        try:
            return _own_responses(self._conn, since, until)
        except sqlite3.Error as exc:
            raise describe_db_error(exc) from None

    def close(self) -> None:
        self._conn.close()


def _mind_and_room(conn: sqlite3.Connection, since: datetime, until: datetime) -> list[MindAndRoom]:
    window = {"since": rows.iso_moment(since), "until": rows.iso_moment(until)}
    came, came_args = bound("came", m.CAME)
    missed, missed_args = bound("missed", m.MISSED)
    conn.create_function("word_count", 1, _word_count, deterministic=True)
    named = {r["id"]: (r["name"], r["code"]) for r in conn.execute(
        "SELECT id, name, code FROM clients WHERE ended_on IS NULL")}
    found: dict[int, dict[str, int]] = {client_id: {} for client_id in named}
    for r in conn.execute(
        "SELECT client_id, count(*) AS thoughts, total(lingering) AS lingering, "
        "total(word_count(body)) AS words FROM thoughts "
        "WHERE written_at BETWEEN :since AND :until AND client_id IS NOT NULL GROUP BY client_id", window):
        if r["client_id"] in found:
            found[r["client_id"]].update(thoughts=r["thoughts"], lingering=int(r["lingering"]),
                                         words=int(r["words"]))
    for r in conn.execute(
        "SELECT client_id, count(*) AS questions, total(word_count(body)) AS words FROM questions "
        "WHERE asked_at BETWEEN :since AND :until AND client_id IS NOT NULL GROUP BY client_id", window):
        if r["client_id"] in found:
            row = found[r["client_id"]]
            row.update(questions=r["questions"], words=int(row.get("words", 0)) + int(r["words"]))
    # Client by client (CROSS JOIN keeps that order) over an index that holds every column read,
    # so no appointment row is fetched: by time, each of the window's sessions would be.
    for r in conn.execute(
        f"SELECT a.client_id, total(a.status IN ({came})) AS came, total(a.status IN ({missed})) AS missed "
        "FROM clients AS c CROSS JOIN appointments AS a ON a.client_id = c.id "
        "AND a.starts_at BETWEEN :since AND :until "
        f"WHERE c.ended_on IS NULL AND a.status IN ({came}, {missed}) "
        "AND NOT EXISTS (SELECT 1 FROM breaks AS b "
        "WHERE substr(a.starts_at, 1, 10) BETWEEN b.starts_on AND b.ends_on) GROUP BY a.client_id",
        {**window, **came_args, **missed_args}):
        if r["client_id"] in found:
            found[r["client_id"]].update(came=int(r["came"]), missed=int(r["missed"]))
    return [MindAndRoom(client_id, *named[client_id], thoughts=c.get("thoughts", 0),
                        questions=c.get("questions", 0), lingering=c.get("lingering", 0),
                        words=c.get("words", 0), came=c.get("came", 0), missed=c.get("missed", 0))
            for client_id, c in found.items()]


def _own_responses(conn: sqlite3.Connection, since: datetime, until: datetime) -> list[OwnResponse]:
    # Plain tuples of the columns needed, all held by thoughts_by_kind_time_feelings (no row fetched);
    # who each was about and what it was near worked out here from a few small reads, cheaper than
    # looking each response's client up in SQL.
    own, own_args = bound("own", [kind for kind, said in m.KIND_WORDS.items() if said.own_response])
    cursor = conn.cursor()
    cursor.row_factory = None
    found = cursor.execute(
        "SELECT id, written_at, client_id, whose, feelings FROM thoughts "
        f"WHERE kind IN ({own}) AND written_at BETWEEN :since AND :until ORDER BY written_at, id",
        {"since": rows.iso_moment(since), "until": rows.iso_moment(until), **own_args}).fetchall()
    clients = _clients_of(cursor, {client_id for _, _, client_id, _, _ in found if client_id is not None})
    # A day is near a break from the week before it to its last day (dates compared as text, as SQL does).
    breaks = cursor.execute("SELECT date(starts_on, '-7 days'), ends_on FROM breaks").fetchall()
    in_text, bodies = _feelings_in_text(cursor, [thought_id for thought_id, *_, feelings in found
                                                 if not feelings.strip()])
    near_break: dict[str, bool] = {}  # by day: many responses share one
    responses = []
    for thought_id, written, client_id, whose, feelings in found:
        name, code, ended = clients.get(client_id, _NO_CLIENT)
        when = datetime.fromisoformat(written)
        day = written[:10]
        if day not in near_break:
            near_break[day] = any(first <= day <= last for first, last in breaks)
        # In the fields' order (given by keyword, making ten thousand takes twice as long).
        responses.append(OwnResponse(
            thought_id, when, bodies.get(thought_id, ""), client_id, name, code, near_break[day],
            ended is not None and abs((ended - when.date()).days) <= 14, _WHOSE[whose] if whose else None,
            feelings, tuple(in_text.get(thought_id, ()))))
    return responses


def _clients_of(cursor: sqlite3.Cursor, ids: set[int]) -> dict[int | None, tuple[str, str, date | None]]:
    """Each of these clients' name, code and the day their work ended (None while it goes on)."""
    return {client_id: (name or "", code or "", date.fromisoformat(ended_on[:10]) if ended_on else None)
            for client_id, name, code, ended_on in cursor.execute(
                "SELECT id, name, code, ended_on FROM clients WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(ids)),))}


_NO_CLIENT: tuple[str, str, date | None] = ("", "", None)  # about my practice (or a client since deleted)
_WHOSE = {whose.value: whose for whose in m.Whose}


def _feelings_in_text(cursor: sqlite3.Cursor, ids: list[int]) -> tuple[dict[int, list[str]], dict[int, str]]:
    """Which listed feelings the search index finds in these thoughts' bodies, and the bodies holding two or more.

    One prefix search a feeling over the thoughts' id range (the index's own order), kept to these ids.
    """
    if not ids:
        return {}, {}
    wanted, found = set(ids), dict[int, list[str]]()
    span = {"low": min(ids), "high": max(ids)}
    for feeling, match in _FEELING_SEARCHES.items():
        hits = cursor.execute("SELECT rowid FROM thoughts_fts WHERE thoughts_fts MATCH :match "
                              "AND rowid BETWEEN :low AND :high", {"match": match, **span}).fetchall()
        for thought_id in wanted.intersection(chain.from_iterable(hits)):
            found.setdefault(thought_id, []).append(feeling)
    several = [thought_id for thought_id, feelings in found.items() if len(feelings) > 1]
    bodies = dict(cursor.execute("SELECT id, body FROM thoughts WHERE id IN (SELECT value FROM json_each(?))",
                                 (json.dumps(several),)).fetchall())
    return found, bodies


# Each listed feeling's search: a word of a body beginning with one of its beginnings.
_FEELING_SEARCHES = {feeling: "body : (" + " OR ".join(f'"{start}"*' for start in starts) + ")"
                     for feeling, starts in FEELINGS.items()}
