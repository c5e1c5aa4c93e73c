"""Full-text search over thoughts, questions, encounters and dates that matter (FTS5 indexes, migrations.py)."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from .. import model as m
from .base import StoreBase

if TYPE_CHECKING:
    from sqlite_utils import Database

# (table, when it was written, the text shown): the notes searched, each with its own index.
_SEARCHED = (
    ("thoughts", "written_at", "t.body || CASE WHEN t.cue != '' THEN ' — ' || t.cue ELSE '' END "
                               "|| CASE WHEN t.how_taken != '' THEN ' — ' || t.how_taken ELSE '' END"),
    ("questions", "asked_at", "t.body || CASE WHEN t.answer != '' THEN ' — ' || t.answer ELSE '' END"),
    ("encounters", "happened_on", "t.body"),
    ("dates", "falls_on", "t.note"),
)


def fts_query(db: Database, query: str) -> str:
    """Every word quoted (so operators are plain words); the last one also matches as a prefix."""
    quoted = db.quote_fts(query)
    return quoted + "*" if quoted and not query[-1:].isspace() else quoted


class SearchMixin(StoreBase):
    SEARCH_RANKED = 2_000  # matches ranked per kind of note: the newest ones

    def search(self, query: str, limit: int = 50) -> list[m.SearchHit]:
        """Full-text search over thoughts, questions, encounters and dates that matter, best first.

        The query is quoted, so quotes and operators are searched as words. Where more
        than SEARCH_RANKED notes of one kind match (a common word, a short beginning, in
        a large caseload), the best of the newest SEARCH_RANKED are given: ranking every
        match would take longer than a keystroke.
        """
        if not query.strip():
            return []
        match = fts_query(self.db, query)
        scored: list[tuple[float, m.SearchHit]] = []
        with self._lock.reading():
            for table, when, body in _SEARCHED:
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
