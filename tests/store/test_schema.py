"""The schema: a new caseload's is exactly as released, its CHECKs list the model's own values,
and a table rebuilt to change a CHECK keeps its rows, ids, indexes, triggers and foreign keys."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from schema_as_released import SCHEMA
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

import caseload_tui.store as store_package
from caseload_tui import model as m
from caseload_tui.store import Store, StoreError
from caseload_tui.store.migrations import MIGRATION_SET
from caseload_tui.store.rebuild import rebuild_table, table_sql, with_check
from caseload_tui.store.rows import MEETING_STATUSES

from clock import WEDNESDAY_EVENING

CHECKED = {  # every CHECK in the schema, and the values it must list
    ("episodes", "ended_by"): [w.value for w in m.EndedBy],
    ("episodes", "ending_how"): [h.value for h in m.EndingHow],
    ("appointments", "status"): [s.value for s in m.Status],
    ("thoughts", "kind"): [k.value for k in m.ThoughtKind],
    ("questions", "status"): [s.value for s in m.QuestionStatus],
    ("thoughts", "safety"): [c.value for c in m.SafetyConcern],
    ("thoughts", "whose"): [w.value for w in m.Whose],
    ("questions", "safety"): [c.value for c in m.SafetyConcern],
    ("thoughts", "told"): [o.value for o in m.TellOutcome],
    ("supervision_items", "advice_tried"): [o.value for o in m.AdviceOutcome],
    ("supervision_meetings", "status"): list(MEETING_STATUSES),
    ("supervision_meetings", "setting"): [s.value for s in m.Setting],
    ("supervision_items", "need"): [n.value for n in m.Need],
    ("groups_at_day_start", "grp"): [g.value for g in m.Group],
}


def schema(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    return [tuple(r) for r in conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name != 'sqlite_sequence' ORDER BY type, name")]


def checks(conn: sqlite3.Connection) -> dict[tuple[str, str], list[str]]:
    db = Database(conn, execute_plugins=False)
    return {(table, check.column): check.options for table in db.table_names()
            for check in db.table(table).checks}


def with_extra_migrations(monkeypatch: pytest.MonkeyPatch, *extra) -> None:
    """The real migrations, then test-only ones, as if this were a newer version of caseload."""
    newer = Migrations(MIGRATION_SET)
    for migration in store_package.migrations._migrations:
        newer(name=migration.name)(migration.fn)
    for fn in extra:
        newer(name=fn.__name__)(fn)
    monkeypatch.setattr(store_package, "migrations", newer)


# ---------------------------------------------------------------- a new caseload


def test_a_new_caseload_has_exactly_the_schema_as_released(tmp_path):
    memory = Store.memory()
    assert schema(memory._conn) == SCHEMA
    memory.close()
    Store.open(tmp_path / "caseload.db", create=True).close()
    conn = sqlite3.connect(tmp_path / "caseload.db")
    assert schema(conn) == SCHEMA
    conn.close()


def test_every_check_lists_the_model_s_values_in_order():
    store = Store.memory()
    assert checks(store._conn) == CHECKED
    store.close()


def test_every_value_the_model_has_is_accepted_and_no_other():
    store = Store.memory()
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    for status in m.Status:
        store.add_appointment(m.Appointment(client_id=ann.id, starts_at=WEDNESDAY_EVENING, status=status))
    for kind in m.ThoughtKind:
        store.add_thought(m.Thought(body="x", written_at=WEDNESDAY_EVENING, client_id=ann.id, kind=kind))
    for question_status in m.QuestionStatus:
        store.add_question(m.Question(body="x", asked_at=WEDNESDAY_EVENING, client_id=ann.id, status=question_status))
    for whose in m.Whose:
        store.add_thought(m.Thought(body="x", written_at=WEDNESDAY_EVENING, client_id=ann.id,
                                    kind=m.ThoughtKind.REACTION, whose=whose))
    for who in m.EndedBy:
        for how in m.EndingHow:
            store.end_work(ann.id, date(2026, 12, 1), who, how, m.Reflection(), False, WEDNESDAY_EVENING)
            store.reactivate(ann.id, date(2026, 12, 1))  # an ended case is never ended again over itself
    assert len(store.episodes(ann.id)) == len(m.EndedBy) * len(m.EndingHow) + 1
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("UPDATE episodes SET ended_by = 'fired' WHERE client_id = ?", [ann.id])
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("INSERT INTO appointments (client_id, starts_at, status) VALUES (?, ?, 'phoned')",
                            [ann.id, "2026-11-25T18:00"])
    store.close()


# ---------------------------------------------------------------- rebuilding a table


def _adds_a_status(db: Database) -> None:
    rebuild_table(db, "appointments", with_check(db, "appointments", "status", [*m.Status, "phoned"]))


def _adds_a_thought_kind(db: Database) -> None:
    rebuild_table(db, "thoughts", with_check(db, "thoughts", "kind", [*m.ThoughtKind, "musing"]))


def _tightens_client_codes(db: Database) -> None:  # clients: the table every other one refers to
    rebuild_table(db, "clients", table_sql(db, "clients").replace("UNIQUE,", "UNIQUE CHECK (code != ''),"))


def _drops_a_status(db: Database) -> None:
    rebuild_table(db, "appointments", with_check(db, "appointments", "status",
                                                 [s for s in m.Status if s is not m.Status.RESCHEDULED]))


def make_caseload(path: Path) -> tuple[int, int]:
    store = Store.open(path, create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    bob = store.add_client(m.Client(name="Bob", code="B1", started_on=date(2026, 2, 5)))
    for day in range(1, 6):
        store.add_appointment(m.Appointment(client_id=ann.id, starts_at=datetime(2026, 11, day, 10),
                                            source="cal", source_uid=f"u{day}"))
    store.add_appointment(m.Appointment(client_id=bob.id, starts_at=WEDNESDAY_EVENING, status=m.Status.RESCHEDULED))
    store.delete_thought(store.add_thought(m.Thought(body="gone", written_at=WEDNESDAY_EVENING)).id)  # ids with a gap
    store.add_thought(m.Thought(body="the lighthouse again", written_at=WEDNESDAY_EVENING, client_id=ann.id))
    store.add_thought(m.Thought(body="harbour walls", written_at=WEDNESDAY_EVENING, client_id=bob.id))
    store.add_question(m.Question(body="did she call", asked_at=WEDNESDAY_EVENING, client_id=bob.id))
    with store.transaction():
        store._conn.execute("DELETE FROM appointments WHERE source_uid = 'u2'")
    store.close()
    assert ann.id is not None and bob.id is not None
    return ann.id, bob.id


def dump(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(f"SELECT rowid, * FROM {table} ORDER BY rowid")]


def snapshot(path: Path) -> dict[str, object]:
    conn = sqlite3.connect(path)
    try:
        return {
            "rows": {t: dump(conn, t) for t in ("clients", "appointments", "thoughts", "questions")},
            "others": [r for r in schema(conn) if r[0] != "table"],  # indexes and triggers
            "foreign keys": {t: conn.execute(f"PRAGMA foreign_key_list({t})").fetchall()
                             for t in ("appointments", "thoughts", "questions", "encounters", "supervision_items")},
            "tables": {r[1]: r[3] for r in schema(conn) if r[0] == "table"},
        }
    finally:
        conn.close()


@contextlib.contextmanager
def migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *extra) -> Iterator[tuple[Store, dict, dict, int, int]]:
    """A caseload as this version leaves it, opened by one with the extra migrations:
    (the store, its snapshot before and after, Ann's id, Bob's id)."""
    path = tmp_path / "caseload.db"
    ann, bob = make_caseload(path)
    before = snapshot(path)
    with_extra_migrations(monkeypatch, *extra)
    store = Store.open(path)
    try:
        assert store.pending_migrations() == []
        yield store, before, snapshot(path), ann, bob
    finally:
        store.close()


def test_transform_is_not_enough_it_loses_the_search_triggers():
    """Why rebuild_table exists: sqlite-utils' transform() drops a table's triggers (and cannot change a CHECK)."""
    store = Store.memory()
    store.db.table("thoughts").transform(types={"body": str})
    assert store.db.table("thoughts").triggers == []
    store.close()


def test_a_new_status_rebuilds_appointments_keeping_everything(tmp_path, monkeypatch):
    with migrated(tmp_path, monkeypatch, _adds_a_status) as (store, before, after, ann, bob):
        assert after["rows"] == before["rows"]  # ids and rowids included, with their gaps
        assert after["others"] == before["others"]  # every index, the unique one and every trigger
        assert after["foreign keys"] == before["foreign keys"]
        changed = {t for t in before["tables"] if after["tables"][t] != before["tables"][t]}
        assert changed == {"appointments"}
        assert after["tables"]["appointments"] == before["tables"]["appointments"].replace(
            "CREATE TABLE appointments", 'CREATE TABLE "appointments"').replace(
            "'rescheduled'", "'rescheduled','phoned'")
        assert store._conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []

        store._conn.execute("INSERT INTO appointments (client_id, starts_at, status) VALUES (?, ?, 'phoned')",
                            [bob, "2026-11-26T10:00"])  # a status this version's model does not know
        with pytest.raises(sqlite3.IntegrityError):  # the unique index still holds
            store._conn.execute("INSERT INTO appointments (client_id, starts_at, source, source_uid) "
                                "VALUES (?, '2026-11-27T10:00', 'cal', 'u1')", [ann])
        with pytest.raises(sqlite3.IntegrityError):  # and the foreign key
            store._conn.execute("INSERT INTO appointments (client_id, starts_at) VALUES (99, '2026-11-27T10:00')")
        store.delete_client(bob)  # its sessions go with it, as before
        assert {a.client_id for a in store.appointments_between(datetime(2026, 1, 1), datetime(2027, 1, 1))} == {ann}
        plan = " ".join(r[3] for r in store._conn.execute(
            "EXPLAIN QUERY PLAN SELECT starts_at, status FROM appointments WHERE client_id = 1 "
            "ORDER BY starts_at DESC LIMIT 24"))
        assert "COVERING INDEX appointments_by_client_time" in plan


def test_a_new_thought_kind_rebuilds_thoughts_and_search_keeps_working(tmp_path, monkeypatch):
    with migrated(tmp_path, monkeypatch, _adds_a_thought_kind) as (store, before, after, ann, _):
        assert after["rows"] == before["rows"] and after["others"] == before["others"]
        assert [h.body for h in store.search("lighthouse")] == ["the lighthouse again"]
        assert [h.body for h in store.search("harb")] == ["harbour walls"]
        added = store.add_thought(m.Thought(body="a lantern", written_at=WEDNESDAY_EVENING, client_id=ann))
        assert [h.id for h in store.search("lantern")] == [added.id]
        added.body = "a candle"
        store.update_thought(added)
        assert store.search("lantern") == [] and [h.id for h in store.search("candle")] == [added.id]
        store.delete_thought(added.id)
        assert store.search("candle") == []
        store._conn.execute("INSERT INTO thoughts (written_at, body, kind) VALUES ('2026-11-25T18:00', 'x', 'musing')")


def test_rebuilding_the_table_others_refer_to_deletes_nothing(tmp_path, monkeypatch):
    with migrated(tmp_path, monkeypatch, _tightens_client_codes) as (store, before, after, ann, _):
        assert after["rows"] == before["rows"]  # no session, thought or question went with the old table
        assert after["others"] == before["others"] and after["foreign keys"] == before["foreign keys"]
        store.delete_client(ann)  # cascades to the new table's children still
        assert store.thoughts(client_ids=[ann]) == [] and store.appointments(ann) == []
        assert store._conn.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_fresh_caseload_and_a_migrated_one_end_with_the_same_schema(tmp_path, monkeypatch):
    make_caseload(tmp_path / "old.db")
    with_extra_migrations(monkeypatch, _adds_a_status, _adds_a_thought_kind, _tightens_client_codes)
    Store.open(tmp_path / "old.db").close()
    Store.open(tmp_path / "new.db", create=True).close()
    assert snapshot(tmp_path / "old.db")["tables"] == snapshot(tmp_path / "new.db")["tables"]
    assert snapshot(tmp_path / "old.db")["others"] == snapshot(tmp_path / "new.db")["others"]


def test_a_rebuild_that_a_row_does_not_fit_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "caseload.db"
    make_caseload(path)  # with a session moved to another time
    before = snapshot(path)
    with_extra_migrations(monkeypatch, _adds_a_thought_kind, _drops_a_status)
    with pytest.raises(StoreError) as caught:
        Store.open(path)
    assert "left as it was" in str(caught.value)
    monkeypatch.undo()
    assert snapshot(path) == before


def test_rebuilding_with_foreign_keys_on_is_refused_before_anything_is_dropped():
    store = Store.memory()
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    with pytest.raises(RuntimeError), store.transaction():
        rebuild_table(store.db, "clients", table_sql(store.db, "clients"))
    assert store.client_count() == 1
    store.close()
