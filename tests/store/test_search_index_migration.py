"""Migration 0131: where 0130 (as first written, before any release) remade every search index with
each word's first letter too, each is made again as 0003 made them (first two and three letters).

On such a caseload (the demo caseload in it), the migration keeps every record's text byte for byte,
leaves each index exactly matching its table, and every search finds what it found before: every first
letter, every word's first two letters, whole words. New and deleted notes are kept current by the same
triggers. A caseload 0130 never changed is left as it is.
"""

from __future__ import annotations

import sqlite3
import string

import pytest
from sqlite_utils import Database

from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.store import Store
from caseload_tui.store.connection import INDEXED
from caseload_tui.store.migrations import migrations
from caseload_tui.store.rebuild import remake_search_index

from clock import DEMO_DAY_END

MIGRATION = "0131_search_indexes_as_made_by_0003"
ODD_TEXT = "Zoë’s café\u00a0— naïve 🙂, ÉCOLE\ttab"  # kept byte for byte, and found by its first letters


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    return {table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall() for table in INDEXED}


def _found(store: Store, queries: list[str]) -> dict[str, list[tuple]]:
    return {q: [(h.kind, h.id, h.client_id, h.when, h.body) for h in store.search(q, limit=100)] for q in queries}


def _words(conn: sqlite3.Connection) -> list[str]:
    """Every word written in the caseload's searched tables, as the index keeps it (lower case)."""
    words: set[str] = set()
    for table in INDEXED:
        words |= {term for (term,) in conn.execute(
            f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.{table}_words USING fts5vocab(main, {table}_fts, row)")
            .execute(f"SELECT term FROM temp.{table}_words")}
    return sorted(words)


@pytest.fixture
def before(tmp_path):
    """A caseload as 0130 first written left it, holding the demo caseload and some odd text."""
    path = tmp_path / "before.db"
    conn = sqlite3.connect(path, check_same_thread=False)
    migrations.apply(Database(conn, execute_plugins=False), stop_before=MIGRATION)
    for table in INDEXED:  # what 0130 did then
        remake_search_index(Database(conn, execute_plugins=False), table, "1 2 3")
    old = Store(conn, path)  # not Store.open: that would bring it up to date
    old.import_data(load_demo(DEMO_DAY_END.date()))
    ann = old.add_client(m.Client(name="Zoë Adams", code="Z9", started_on=DEMO_DAY_END.date()))
    old.add_thought(m.Thought(body=ODD_TEXT, written_at=DEMO_DAY_END, client_id=ann.id))
    words = _words(conn)
    queries = [*string.ascii_lowercase, *string.digits, *sorted({w[:2] for w in words}), *words[::7], "é", "zo"]
    found = _found(old, queries)
    rows = _rows(conn)
    prefixes = {t: conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{t}_fts"]).fetchone()[0]
                for t in INDEXED}
    conn.close()
    assert all("prefix='1 2 3'" in sql for sql in prefixes.values())  # the index as 0130 made it
    return path, queries, found, rows


def test_every_record_is_kept_byte_for_byte_and_found_as_before(before):
    path, queries, found, rows = before
    store = Store.open(path)
    try:
        assert store.pending_migrations() == []
        assert _rows(store._conn) == rows
        assert _found(store, queries) == found
        assert all(found[q] for q in ("z", "zo", "é", "c", "n"))  # the odd note's first letters find it too
        assert sum(bool(hits) for hits in found.values()) > len(queries) * 0.9
    finally:
        store.close()


def test_every_index_matches_its_table_and_is_as_0003_made_it(before):
    path, *_ = before
    store = Store.open(path)
    try:
        for table in INDEXED:
            sql = store._conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{table}_fts"]).fetchone()[0]
            assert "prefix='2 3'" in sql, table
            # FTS5's own check of an external-content index against the rows of its table (raises if not)
            store._conn.execute(f"INSERT INTO {table}_fts ({table}_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        store.close()


def test_the_triggers_keep_the_remade_index_current(before):
    path, *_ = before
    store = Store.open(path)
    try:
        ann = store.clients()[0]
        added = store.add_thought(m.Thought(body="quokka on the ferry", written_at=DEMO_DAY_END, client_id=ann.id))
        assert added.id in [h.id for h in store.search("q") if h.kind is m.Found.THOUGHT]
        assert [h.id for h in store.search("quokka")] == [added.id]
        store.delete_thought(added.id)
        assert store.search("quokka") == []
        assert added.id not in [h.id for h in store.search("q") if h.kind is m.Found.THOUGHT]
    finally:
        store.close()


def test_a_caseload_0130_never_changed_is_left_as_it_is(tmp_path):
    path = tmp_path / "caseload.db"
    conn = sqlite3.connect(path)
    migrations.apply(Database(conn, execute_plugins=False), stop_before=MIGRATION)
    pages = {t: conn.execute(f"SELECT rowid FROM {t}_fts_data ORDER BY rowid").fetchall() for t in INDEXED}
    conn.execute("CREATE TABLE temp.untouched AS SELECT name, rootpage FROM sqlite_master WHERE name LIKE '%_fts%'")
    roots = conn.execute("SELECT * FROM temp.untouched ORDER BY name").fetchall()
    conn.close()
    Store.open(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name, rootpage FROM sqlite_master WHERE name LIKE '%_fts%' ORDER BY name").fetchall() \
        == roots  # not remade: the same tables in the same pages
    assert {t: conn.execute(f"SELECT rowid FROM {t}_fts_data ORDER BY rowid").fetchall() for t in INDEXED} == pages
    conn.close()
