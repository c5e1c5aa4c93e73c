"""Opening a caseload file: new files get the schema, anything that is not a caseload is left alone."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import NoDatabase, NotACaseload, Store

TABLES = {
    "clients", "appointments", "thoughts", "questions", "encounters",
    "supervision_meetings", "supervision_items",
    "thoughts_fts", "questions_fts", "encounters_fts",
}


def table_names(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def folder_snapshot(folder: Path) -> dict[str, bytes]:
    """Every file in the folder, byte for byte: a refusal must not add or change any."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def make_caseload(path: Path) -> None:
    store = Store.open(path, create=True)
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    store.close()


# ---------------------------------------------------------------- creating and reopening


def test_create_makes_the_whole_schema(tmp_path):
    path = tmp_path / "sub" / "caseload.db"
    store = Store.open(path, create=True)
    store.close()
    assert path.exists()
    assert table_names(path) >= TABLES


def test_a_new_caseload_is_empty_and_usable(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    try:
        assert store.client_count() == 0
        assert store.pending_migrations() == []
        added = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
        assert store.client(added.id).name == "Ann"
    finally:
        store.close()


def test_a_new_caseload_is_private_to_its_owner(tmp_path):
    path = tmp_path / "caseload.db"
    Store.open(path, create=True).close()
    assert path.stat().st_mode & 0o077 == 0


def test_reopening_applies_nothing_and_keeps_the_data(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path)
    conn = sqlite3.connect(path)
    applied_before = conn.execute("SELECT * FROM _sqlite_migrations ORDER BY 1, 2").fetchall()
    schema_before = conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall()
    conn.close()

    store = Store.open(path)
    try:
        assert store.pending_migrations() == []
        assert [c.name for c in store.clients()] == ["Ann"]
    finally:
        store.close()

    conn = sqlite3.connect(path)
    assert conn.execute("SELECT * FROM _sqlite_migrations ORDER BY 1, 2").fetchall() == applied_before
    assert conn.execute("SELECT sql FROM sqlite_master ORDER BY name").fetchall() == schema_before
    conn.close()


def test_reopening_with_create_keeps_the_data(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path)
    store = Store.open(path, create=True)
    try:
        assert [c.code for c in store.clients()] == ["A1"]
    finally:
        store.close()


def test_an_empty_sqlite_database_becomes_a_caseload(tmp_path):
    path = tmp_path / "empty.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scratch (x)")
    conn.execute("DROP TABLE scratch")
    conn.commit()
    conn.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    assert table_names(path) == set()

    store = Store.open(path)
    try:
        store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    finally:
        store.close()
    assert table_names(path) >= TABLES


# ---------------------------------------------------------------- refusing what is not a caseload


def _refused(path: Path, create: bool = False) -> str:
    before = folder_snapshot(path.parent)
    with pytest.raises(NotACaseload) as caught:
        Store.open(path, create=create)
    assert folder_snapshot(path.parent) == before, "a refused file (or its folder) was changed"
    message = str(caught.value)
    assert "\n" not in message
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize("create", [False, True])
def test_someone_elses_database_is_refused_and_untouched(tmp_path, create):
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    conn.execute("INSERT INTO photos (caption) VALUES ('beach')")
    conn.commit()
    conn.close()
    message = _refused(path, create=create)
    assert "not a caseload" in message
    assert "Nothing was changed" in message


def test_someone_elses_wal_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    conn.commit()
    conn.close()
    _refused(path)


def test_another_programs_migrations_are_refused(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations VALUES ('someone-else', '0001_init', '2026-01-01')")
    conn.commit()
    conn.close()
    _refused(path)


@pytest.mark.parametrize("create", [False, True])
def test_an_empty_file_is_refused_and_untouched(tmp_path, create):
    path = tmp_path / "caseload.db"
    path.write_bytes(b"")
    message = _refused(path, create=create)
    assert "empty" in message
    assert path.read_bytes() == b""


@pytest.mark.parametrize("create", [False, True])
def test_a_text_file_is_refused_and_untouched(tmp_path, create):
    path = tmp_path / "notes.txt"
    path.write_text("Monday: Ann came, talked about her mother.\n" * 50, encoding="utf-8")
    _refused(path, create=create)


def test_a_truncated_caseload_is_refused_and_untouched(tmp_path):
    real = tmp_path / "real.db"
    make_caseload(real)
    cut = tmp_path / "cut" / "caseload.db"
    cut.parent.mkdir()
    cut.write_bytes(real.read_bytes()[:1000])
    _refused(cut)


def test_a_cut_header_is_refused_and_untouched(tmp_path):
    real = tmp_path / "real.db"
    make_caseload(real)
    cut = tmp_path / "cut" / "caseload.db"
    cut.parent.mkdir()
    cut.write_bytes(real.read_bytes()[:60])
    _refused(cut)


def test_a_damaged_caseload_is_refused_and_untouched(tmp_path):
    real = tmp_path / "real.db"
    make_caseload(real)
    damaged = tmp_path / "damaged" / "caseload.db"
    damaged.parent.mkdir()
    raw = bytearray(real.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # the first page's b-tree, overwritten
    damaged.write_bytes(bytes(raw))
    _refused(damaged)


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "caseload.db"
    folder.mkdir()
    with pytest.raises(NotACaseload):
        Store.open(folder)


def test_a_missing_file_without_create_is_no_database(tmp_path):
    path = tmp_path / "missing.db"
    with pytest.raises(NoDatabase) as caught:
        Store.open(path)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []
    assert str(path) in str(caught.value)
