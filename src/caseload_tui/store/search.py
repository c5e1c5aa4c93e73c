"""Full-text search over everything the clinician wrote (FTS5 indexes, migrations.py).

A client's name and themes, thoughts, questions and their answers, news of graduates, the
reflection on an ending, supervision cases (question, what I tried, what happens between us,
the advice and how it went) and dates that matter: each table with its own index.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from .. import model as m
from .base import StoreBase

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


class SearchMixin(StoreBase):
    SEARCH_RANKED = 2_000  # matches ranked per kind of record: the newest ones

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
        with self._lock.reading() as conn:
            try:
                # Best first; on equal rank, in the order the kinds are listed, then the one saved first.
                ranked = sorted((rank, kind, rowid) for kind, searched in enumerate(_SEARCHED)
                                for rowid, rank in self._best(conn, searched.table, match, limit))[:limit]
            except sqlite3.OperationalError:
                return []
            shown = {(kind, rowid): hit for kind, searched in enumerate(_SEARCHED)
                     for rowid, hit in _hits(conn, searched, [rowid for _, of, rowid in ranked if of == kind])}
        return [shown[kind, rowid] for _, kind, rowid in ranked]

    def _best(self, conn: sqlite3.Connection, table: str, match: str, limit: int) -> list[sqlite3.Row]:
        """The rowids and ranks of a kind's best `limit` among its newest SEARCH_RANKED matches.

        One pass over the index, newest first (records are numbered as they are written), each match
        ranked as it is read; SQLite keeps the best; nothing is read from the records themselves.
        """
        return conn.execute(
            f"SELECT rowid, rank FROM (SELECT rowid, rank FROM {table}_fts WHERE {table}_fts MATCH :query "
            f"ORDER BY rowid DESC LIMIT {int(self.SEARCH_RANKED)}) ORDER BY rank, rowid LIMIT {int(limit)}",
            {"query": match}).fetchall()


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
