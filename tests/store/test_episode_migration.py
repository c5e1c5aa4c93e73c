"""A caseload from the schema as released (migrations 0001-0003) opens with every ending as one
episode, every reflection kept, and every thought of the kind it was written as."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime
from pathlib import Path

import pytest
from schema_as_released import SCHEMA
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

import caseload_tui.store as store_package
from caseload_tui import model as m
from caseload_tui.store import Store
from caseload_tui.store.migrations import MIGRATION_SET
from caseload_tui.store.rebuild import rebuild_table, with_check

RELEASED = ("0001_caseload", "0002_planned_supervision", "0003_faster_reading")
RELEASED_KINDS = ["insight", "curiosity", "holding", "reaction", "wondering", "learning"]
REFLECTION = ("the steadiness", "the homework", "to ask", "to wait")

# (code, ended_on, ending_kind): every released kind of ending, an active client, and one brought back
# before episodes were kept (active again, the first ending's reflection still on the client).
CLIENTS = [
    ("P1", "2025-06-01", "planned"),
    ("M1", "2025-07-01", "mutual"),
    ("C1", "2025-08-01", "client_ended"),
    ("U1", "2025-09-01", "unplanned"),
    ("N1", "2025-10-01", None),  # ended, its kind never chosen
    ("A1", None, None),
    ("R1", None, None),  # brought back: no end date, the reflection kept
]


def released_caseload(path: Path) -> dict[str, int]:
    """A file exactly as the released version made it, holding one of everything an ending had."""
    db = Database(sqlite3.connect(path), execute_plugins=False)
    released = Migrations(MIGRATION_SET)
    for migration in store_package.migrations._migrations:
        if migration.name in RELEASED:
            released(name=migration.name)(migration.fn)
    released.apply(db)
    # The thought kinds as released: six, without blind spot (0001 now lists the model's seven).
    db.execute("BEGIN")
    rebuild_table(db, "thoughts", with_check(db, "thoughts", "kind", RELEASED_KINDS))
    db.conn.commit()
    ids = {}
    for i, (code, ended, kind) in enumerate(CLIENTS):
        reflection = REFLECTION if (ended or code == "R1") else ("", "", "", "")
        ids[code] = db.execute(
            "INSERT INTO clients (name, code, started_on, ended_on, ending_kind, helped, not_helped, they_learned, "
            "i_learned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [f"Client {code}", code, f"2024-0{i + 1}-01", ended, kind, *reflection]).lastrowid
    for i, kind in enumerate(RELEASED_KINDS * 2):
        db.execute("INSERT INTO thoughts (client_id, written_at, body, kind) VALUES (?, ?, ?, ?)",
                   [ids["A1"] if i % 2 else None, f"2025-01-{i + 1:02d}T18:00", f"thought {i} {kind}", kind])
    db.execute("INSERT INTO encounters (client_id, happened_on, body) VALUES (?, '2025-12-01', 'a lighthouse card')",
               [ids["P1"]])
    db.conn.commit()
    db.conn.close()
    return ids


def test_the_released_file_is_as_released(tmp_path):
    released_caseload(tmp_path / "old.db")
    conn = sqlite3.connect(tmp_path / "old.db")
    sql = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'"))
    conn.close()
    assert "ending_kind TEXT CHECK (ending_kind IN\n                ('planned','mutual','client_ended','unplanned'))" \
        in sql["clients"]
    assert "('insight','curiosity','holding','reaction','wondering','learning')" in sql["thoughts"]
    assert "episodes" not in sql


@pytest.fixture
def migrated(tmp_path):
    ids = released_caseload(tmp_path / "caseload.db")
    before = sqlite3.connect(tmp_path / "caseload.db")
    thoughts = before.execute("SELECT id, client_id, written_at, body, kind FROM thoughts ORDER BY id").fetchall()
    before.close()
    store = Store.open(tmp_path / "caseload.db")
    yield store, ids, thoughts
    store.close()


def test_every_ending_becomes_one_episode_with_its_kind_and_reflection_kept(migrated):
    store, ids, _ = migrated
    assert store.pending_migrations() == []
    for i, (code, ended, kind) in enumerate(CLIENTS):
        client = store.client(ids[code])
        [episode] = store.episodes(ids[code])
        assert (episode.started_on, episode.ended_on) == (client.started_on, client.ended_on)
        assert episode.started_on == date(2024, i + 1, 1)
        assert episode.ended_on == (date.fromisoformat(ended) if ended else None)
        assert episode.recorded_as == (kind or "")
        parts = (episode.reflection.helped, episode.reflection.not_helped, episode.reflection.they_learned,
                 episode.reflection.i_learned)
        assert parts == (REFLECTION if (ended or code == "R1") else ("", "", "", ""))
        assert (episode.reflection.could_not_find, episode.reflection.still_wonder) == ("", "")


def test_who_and_how_are_set_only_where_the_old_kind_says_so(migrated):
    store, ids, _ = migrated
    ending = {code: (store.episodes(ids[code])[0].ended_by, store.episodes(ids[code])[0].how)
              for code, _, _ in CLIENTS}
    assert ending == {
        "P1": (None, m.EndingHow.GOODBYE),  # planned: there was time to say goodbye; who planned it, unsaid
        "M1": (m.EndedBy.BOTH, None),
        "C1": (m.EndedBy.CLIENT, None),
        "U1": (None, None),  # unplanned: neither who nor how is certain
        "N1": (None, None), "A1": (None, None), "R1": (None, None),
    }
    # The kind as recorded is shown with the ending, in its own words.
    assert store.episodes(ids["U1"])[0].ending_words() == "recorded as: unplanned ending"
    assert store.episodes(ids["M1"])[0].ending_words() == "ended by both of us, recorded as: ended by mutual agreement"


def test_every_thought_keeps_its_kind_and_everything_else(migrated):
    store, _, before = migrated
    after = [(t.id, t.client_id, t.written_at.isoformat(timespec="minutes"), t.body, t.kind.value)
             for t in sorted(store.thoughts(), key=lambda t: t.id or 0)]
    assert after == [tuple(row) for row in before]
    assert {t.kind.value for t in store.thoughts()} == set(RELEASED_KINDS)  # none became a blind spot
    assert all(t.whose is None and t.feelings == "" for t in store.thoughts())
    assert [h.body for h in store.search("thought 3")][:1] == ["thought 3 reaction"]


def test_a_migrated_caseload_carries_on_as_a_new_one_would(migrated, tmp_path):
    store, ids, _ = migrated
    conn = sqlite3.connect(tmp_path / "caseload.db")
    schema = [tuple(r) for r in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name != 'sqlite_sequence' ORDER BY type, name")]
    conn.close()
    assert schema == SCHEMA
    assert [h.body for h in store.search("lighthouse")] == ["a lighthouse card"]  # news still found
    # The returned client ends again: the reflection kept from before is still theirs, now with a date.
    now = datetime(2026, 11, 26, 20)
    store.end_work(ids["R1"], date(2026, 11, 26), m.EndedBy.ME, m.EndingHow.UNPREPARED,
                   store.episodes(ids["R1"])[0].reflection, False, now)
    store.reactivate(ids["P1"], date(2026, 11, 26))
    assert [e.recorded_as for e in store.episodes(ids["P1"])] == ["planned", ""]
    assert store.episodes(ids["R1"])[0].reflection.helped == "the steadiness"
