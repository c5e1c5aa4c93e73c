"""Full-text search over everything the clinician wrote (FTS5 indexes, migrations.py).

A client's name and themes, thoughts, questions and their answers, news of graduates, the
reflection on an ending, supervision cases (question, what I tried, what happens between us,
the advice and how it went) and dates that matter: each table with its own index.

A caseload in a file is searched in two halves at once: the thoughts (about half the work) on the
store's connection, everything else in a second thread on a read-only connection of its own, kept
open with the store; SQLite works without Python's lock, so a search takes about as long as the
longer half. A caseload in memory or encrypted (its key is kept nowhere) is searched in one.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from .. import model as m
from .base import StoreBase
from .errors import StoreError

if TYPE_CHECKING:
    from sqlite_utils import Database

def _parts(*columns: tuple[str, str]) -> str:
    """The columns written, each after its label (none: no label), joined by ' — ' (SQL)."""
    def one(column: str, label: str) -> str:
        shown = f"'{label.replace(chr(39), chr(39) * 2)}: ' || " if label else ""
        return f"CASE WHEN t.{column} != '' THEN ' — ' || {shown}t.{column} ELSE '' END"

    return f"substr({' || '.join(one(column, label) for column, label in columns)}, 4)"


class _Searched(NamedTuple):
    table: str
    kind: m.Found
    client: str  # SQL: the client the record is about (NULL: my practice)
    when: str  # SQL: its date or moment, ISO (the first ten characters are the day)
    text: str  # SQL: the text a result shows


_SEARCHED = (
    _Searched("clients", m.Found.CLIENT, "t.id", "t.started_on", _parts(("name", ""), ("themes", "themes"))),
    _Searched("thoughts", m.Found.THOUGHT, "t.client_id", "t.written_at",
              _parts(("body", ""), ("cue", ""), ("how_taken", ""))),
    _Searched("questions", m.Found.QUESTION, "t.client_id", "t.asked_at", _parts(("body", ""), ("answer", ""))),
    _Searched("encounters", m.Found.NEWS, "t.client_id", "t.happened_on",
              _parts(("body", ""), ("stirred", ""), ("taught", ""))),
    _Searched("episodes", m.Found.REFLECTION, "t.client_id", "coalesce(t.ended_on, t.started_on)",
              _parts(*m.REFLECTION_PARTS)),
    _Searched("supervision_items", m.Found.SUPERVISION, "t.client_id",
              "(SELECT held_on FROM supervision_meetings WHERE id = t.meeting_id)",
              _parts(("question", ""), ("tried", "tried"), ("between_us", "between us"), ("advice", "advice"),
                     ("outcome", "how it went"))),
    _Searched("dates", m.Found.DATE, "t.client_id", "t.falls_on", "t.note"),
)


def fts_query(db: Database, query: str) -> str:
    """Every word quoted (so operators are plain words); the last one also matches as a prefix."""
    quoted = db.quote_fts(query)
    return quoted + "*" if quoted and not query[-1:].isspace() else quoted


_MINE = frozenset({"thoughts"})  # searched on the store's own connection; the rest beside them


class SearchMixin(StoreBase):
    SEARCH_RANKED = 2_000  # matches ranked per kind of record: the newest ones
    encrypted: bool  # (set by Store's constructor)
    _search_aside: sqlite3.Connection | None = None  # the second half's connection, once opened

    def search(self, query: str, limit: int = 50) -> list[m.SearchHit]:
        """Full-text search over everything written (see the module), best first.

        The query is quoted, so quotes and operators are searched as words. Where more
        than SEARCH_RANKED records of one kind match (a common word, a short beginning, in
        a large caseload), the best of the newest SEARCH_RANKED are given: ranking every
        match would take longer than a keystroke.

        Each kind's index gives the rank of its newest matches in one pass, reading only the index;
        the text of a record (and its client's name) is read only for the `limit` hits returned.
        """
        if not query.strip():
            return []
        match = fts_query(self.db, query)
        everything = range(len(_SEARCHED))
        with self._lock.reading() as conn:
            aside = self._aside()
            if aside is None:
                halves = [_Half(conn, everything, match, limit, self.SEARCH_RANKED)]
                halves[0].run()
            else:
                halves = [_Half(conn, [k for k in everything if _SEARCHED[k].table in _MINE], match, limit,
                                self.SEARCH_RANKED),
                          _Half(aside, [k for k in everything if _SEARCHED[k].table not in _MINE], match, limit,
                                self.SEARCH_RANKED)]
                beside = threading.Thread(target=halves[1].run, name="search beside", daemon=True)
                beside.start()
                halves[0].run()
                beside.join()
                if halves[1].failed is not None:  # the second connection let us down: its half on this one
                    self.close_search()
                    halves[1] = _Half(conn, halves[1].kinds, match, limit, self.SEARCH_RANKED)
                    halves[1].run()
            for half in halves:
                if isinstance(half.failed, sqlite3.OperationalError):  # a query FTS5 cannot read: nothing found
                    return []
                if half.failed is not None:
                    raise half.failed
            # Best first; on equal rank, in the order the kinds are listed, then the one saved first.
            ranked = sorted(found for half in halves for found in half.found)[:limit]
            shown = {(kind, rowid): hit for kind, searched in enumerate(_SEARCHED)
                     for rowid, hit in _hits(conn, searched, [rowid for _, of, rowid in ranked if of == kind])}
        return [shown[kind, rowid] for _, kind, rowid in ranked if (kind, rowid) in shown]  # (deleted meanwhile)

    def _aside(self) -> sqlite3.Connection | None:
        """The read-only connection the second half is searched on (None: search in one)."""
        if self._search_aside is None and self.path is not None and not self.encrypted:
            try:
                aside = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=5,
                                        check_same_thread=False)
            except sqlite3.Error:
                return None
            if self._lock.guard is not None:
                try:
                    self._lock.guard()  # the path still leads to the file this store opened
                except StoreError:
                    aside.close()
                    return None
            self._search_aside = aside
        return self._search_aside

    def close_search(self) -> None:
        """Close the second half's connection (Store.close)."""
        if self._search_aside is not None:
            self._search_aside.close()
            self._search_aside = None


class _Half:
    """Some kinds searched on one connection: each kind's best `limit` among its newest `ranked` matches.

    One pass over each index, newest first (records are numbered as they are written), each match
    ranked as it is read; SQLite keeps the best; nothing is read from the records themselves.
    """

    def __init__(self, conn: sqlite3.Connection, kinds: Sequence[int], match: str, limit: int, ranked: int) -> None:
        self._conn, self.kinds, self._match, self._limit, self._ranked = conn, kinds, match, limit, ranked
        self.found: list[tuple[float, int, int]] = []  # (rank, kind, rowid)
        self.failed: sqlite3.Error | None = None

    def run(self) -> None:
        try:
            for kind in self.kinds:
                table = _SEARCHED[kind].table
                self.found += [(rank, kind, rowid) for rowid, rank in self._conn.execute(
                    f"SELECT rowid, rank FROM (SELECT rowid, rank FROM {table}_fts WHERE {table}_fts MATCH :query "
                    f"ORDER BY rowid DESC LIMIT {int(self._ranked)}) ORDER BY rank, rowid LIMIT {int(self._limit)}",
                    {"query": self._match})]
        except sqlite3.Error as error:
            self.failed = error


def _hits(conn: sqlite3.Connection, searched: _Searched, rowids: list[int]) -> list[tuple[int, m.SearchHit]]:
    """The hits for these records of one kind, each with its rowid, as a result shows them."""
    if not rowids:
        return []
    rows = conn.execute(
        f"SELECT t.rowid AS rowid, t.id AS id, {searched.client} AS client_id, {searched.when} AS at, "
        f"{searched.text} AS text, c.name AS name "
        f"FROM json_each(:rowids) chosen JOIN {searched.table} t ON t.rowid = chosen.value "
        f"LEFT JOIN clients c ON c.id = {searched.client}", {"rowids": json.dumps(rowids)},
    ).fetchall()
    return [(row["rowid"], m.SearchHit(
        kind=searched.kind, id=row["id"], client_id=row["client_id"],
        client_name=row["name"] if row["name"] is not None else "My practice",
        when=date.fromisoformat(row["at"][:10]) if row["at"] else date.min, body=row["text"],
    )) for row in rows]
