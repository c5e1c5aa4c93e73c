"""Backups: consistent copies while another window writes; daily ones kept to a number; one before every update;
a failed update leaves the caseload as it was; a backup put back keeps the current file aside."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlite_utils.migrations import Migrations

import caseload_tui.store as store_package
from caseload_tui import config
from caseload_tui.store import Store, StoreError
from caseload_tui.store.migrations import MIGRATION_SET

from trust_helpers import HEADER, content, folder_snapshot, make_caseload, run, sha, subprocess_env

WRITER = Path(__file__).with_name("writer.py")
DAY = date(2026, 11, 25)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def thought_bodies(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return [r[0] for r in conn.execute("SELECT body FROM thoughts ORDER BY id")]
    finally:
        conn.close()


# ---------------------------------------------------------------- caseload backup and restore


def test_backup_while_another_process_writes_then_restore_gives_identical_content(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=()).close()
    go = tmp_path / "go"
    writer = subprocess.Popen([sys.executable, str(WRITER), "stream", str(path), "400", "live", str(go)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=subprocess_env(tmp_path))
    assert writer.stdout.readline().strip() == "ready"
    go.touch()
    for _ in range(25):  # the other window is well into its saves
        assert writer.stdout.readline().startswith("saved")
    copy = tmp_path / "copy.db"
    result = run("backup", copy, "--db", path)
    out, err = writer.communicate(timeout=120)
    assert writer.returncode == 0 and err == ""
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Backed up the caseload to {copy}."

    # The copy is one consistent moment: the first k saves, whole, and nothing after them.
    copied = thought_bodies(copy)
    assert 25 <= len(copied) < 400, "the copy was not taken while the other window wrote"
    assert copied == [f"live note {n}" for n in range(len(copied))]
    assert copy.read_bytes().startswith(HEADER)
    assert mode(copy) == 0o600

    # Put it back: the caseload is now exactly the copy, and the newer file is kept aside.
    before = content(path)
    result = run("restore", copy, "--db", path, "--yes")
    assert result.exit_code == 0, result.output
    aside = tmp_path / "caseload.replaced-20261125-1800.db"
    assert f"kept as {aside}" in result.stdout
    assert content(path) == content(copy)
    assert content(aside) == before
    assert len(thought_bodies(aside)) == 400
    assert mode(path) == 0o600


def test_backup_without_a_destination_goes_to_the_private_backups_folder(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    first, second = run("backup", "--db", path), run("backup", "--db", path)
    assert first.exit_code == 0 and second.exit_code == 0
    folder = config.backups_dir()
    made = sorted(p.name for p in folder.iterdir())
    # The first of today's opens also made the daily backup; two by hand in one minute do not collide.
    assert made == ["caseload-2026-11-25-1800-2.db", "caseload-2026-11-25-1800.db"]
    assert mode(folder) == 0o700
    assert all(mode(folder / name) == 0o600 for name in made)
    assert all(content(folder / name) == content(path) for name in made)


def test_backup_never_replaces_an_existing_file(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    there = tmp_path / "there.db"
    there.write_text("something precious")
    result = run("backup", there, "--db", path)
    assert result.exit_code != 0
    assert "already exists; nothing was changed" in result.stderr
    assert there.read_text() == "something precious"


def test_restore_asks_first_and_a_no_changes_nothing(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=("the current one",)).close()
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path).exit_code == 0
    store = Store.open(path)
    store.add_thought(store.thoughts()[0].__class__(body="newer", written_at=datetime(2026, 11, 25, 9)))
    store.close()
    before = folder_snapshot(tmp_path)

    declined = run("restore", copy, "--db", path, input="n\n")
    assert declined.exit_code == 1
    assert "Put the backup" in declined.stderr and "kept as caseload.replaced-20261125-1800.db" in declined.stderr
    assert "Nothing was changed." in declined.stderr
    assert folder_snapshot(tmp_path) == before

    agreed = run("restore", copy, "--db", path, input="y\n")
    assert agreed.exit_code == 0, agreed.output
    assert [t.body for t in Store.open(path).thoughts()] == ["the current one"]


def test_restore_is_refused_while_the_caseload_is_open_in_another_window(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path).exit_code == 0
    other_window = Store.open(path)
    try:
        before = content(path)
        result = run("restore", copy, "--db", path, "--yes")
        assert result.exit_code != 0
        assert "open in another window" in result.stderr and "Nothing was changed" in result.stderr
        assert sorted(p.name for p in tmp_path.iterdir() if "replaced" in p.name) == []
        assert content(path) == before
    finally:
        other_window.close()


def test_restore_puts_back_over_a_damaged_caseload(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=tuple(f"note {n} " + "words " * 80 for n in range(100))).close()
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path).exit_code == 0
    raw = bytearray(path.read_bytes())
    raw[8 * 4096:9 * 4096] = b"\x00\xff" * 2048
    path.write_bytes(bytes(raw))
    damaged = sha(path)
    assert run("groups", "--db", path).exit_code != 0

    result = run("restore", copy, "--db", path, "--yes")
    assert result.exit_code == 0, result.output
    assert sha(tmp_path / "caseload.replaced-20261125-1800.db") == damaged  # kept aside, as it was
    assert content(path) == content(copy)


# ---------------------------------------------------------------- the daily backup


def _open_on(path: Path, day: date, folder: Path, keep: int = 14) -> Store:
    return Store.open(path, daily_backup_dir=folder, today=day, keep_backups=keep)


def test_the_first_start_of_each_day_makes_a_backup_and_the_last_14_are_kept(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    folder = tmp_path / "backups"
    for offset in range(20):
        for _ in range(2):  # a second start on the same day makes no second backup
            _open_on(path, DAY + timedelta(days=offset), folder).close()
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"caseload-{(DAY + timedelta(days=n)).isoformat()}.db" for n in range(6, 20)]
    assert all(mode(folder / name) == 0o600 for name in kept)
    assert content(folder / kept[-1]) == content(path)


def test_the_number_kept_comes_from_the_settings_file(tmp_path, isolated_dirs):
    isolated_dirs["config"].parent.mkdir(parents=True)
    isolated_dirs["config"].write_text("[backups]\nkeep = 3\n")
    path = isolated_dirs["data"] / "caseload.db"  # your own caseload
    for offset in range(5):
        assert run("groups", now=datetime(2026, 11, 25 + offset, 9)).exit_code == 0
    assert path.exists()
    kept = sorted(p.name for p in config.backups_dir().iterdir())
    # The very first start created the caseload (nothing to back up); then one a day, three kept.
    assert kept == ["caseload-2026-11-27.db", "caseload-2026-11-28.db", "caseload-2026-11-29.db"]


def test_a_bad_keep_setting_is_explained(isolated_dirs):
    isolated_dirs["config"].parent.mkdir(parents=True)
    isolated_dirs["config"].write_text("[backups]\nkeep = \"lots\"\n")
    result = run("groups")
    assert result.exit_code != 0
    assert "backups.keep should be a whole number" in result.stderr


def test_the_demo_is_never_backed_up(tmp_path):
    assert run("groups", "--demo").exit_code == 0
    assert not config.backups_dir().exists()


def test_another_file_has_backups_of_its_own(tmp_path):
    folder = tmp_path / "data" / "backups"
    mine, other = tmp_path / "data" / "caseload.db", tmp_path / "elsewhere" / "caseload.db"
    make_caseload(mine).close()
    make_caseload(other).close()
    _open_on(mine, DAY, folder).close()
    _open_on(other, DAY, folder).close()
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 2 and "caseload-2026-11-25.db" in names  # the other's carries a mark of its place


def test_a_backup_that_cannot_be_made_is_reported_and_the_caseload_still_opens(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    folder = tmp_path / "backups"
    folder.write_text("a file where the folder should be")
    store = _open_on(path, DAY, folder)
    try:
        assert store.client_count() == 1
        assert any("automatic backup could not be made" in w for w in store.warnings)
    finally:
        store.close()


# ---------------------------------------------------------------- updates (migrations)


def _with_extra_migrations(monkeypatch, *extra) -> None:
    """The real migrations, then the given ones, as if this were a newer caseload."""
    real = store_package.migrations
    newer = Migrations(MIGRATION_SET)
    for migration in real._migrations:
        newer(name=migration.name)(migration.fn)
    for name, fn in extra:
        newer(name=name)(fn)
    monkeypatch.setattr(store_package, "migrations", newer)


def _adds_a_table(db) -> None:
    db.execute("CREATE TABLE later_table (id INTEGER PRIMARY KEY, body TEXT)")


def _breaks(db) -> None:
    db.execute("ALTER TABLE clients ADD COLUMN pronouns TEXT")
    db.execute("UPDATE clients SET name = 'overwritten by a bad update'")
    db.execute("DELETE FROM thoughts")
    raise RuntimeError("the update went wrong")


def test_a_failed_update_leaves_the_caseload_unchanged_and_a_backup_beside_it(tmp_path, monkeypatch):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=("kept safe",)).close()
    before_hash, before_content = sha(path), content(path)
    _with_extra_migrations(monkeypatch, ("9998_adds_drafts", _adds_a_table), ("9999_breaks", _breaks))

    with pytest.raises(StoreError) as caught:
        Store.open(path)
    message = str(caught.value)
    beside = tmp_path / "caseload.before-9998_adds_drafts.db"
    assert "could not be updated" in message and "left as it was" in message and str(beside) in message
    assert "went wrong" not in message and "\n" not in message

    assert sha(path) == before_hash
    assert sorted(p.name for p in tmp_path.iterdir()) == ["caseload.before-9998_adds_drafts.db", "caseload.db"]
    assert mode(beside) == 0o600
    monkeypatch.undo()
    assert content(path) == before_content
    assert content(beside) == before_content


def test_a_failed_update_is_one_plain_line_from_the_command(tmp_path, monkeypatch):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    before = sha(path)
    _with_extra_migrations(monkeypatch, ("9999_breaks", _breaks))
    result = run("groups", "--db", path)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert result.stderr.count("\n") == 1 and "could not be updated" in result.stderr
    assert sha(path) == before


def test_every_update_of_an_existing_caseload_is_preceded_by_a_backup(tmp_path, monkeypatch):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    _with_extra_migrations(monkeypatch, ("9998_adds_drafts", _adds_a_table))
    Store.open(path).close()
    beside = tmp_path / "caseload.before-9998_adds_drafts.db"
    tables = lambda p: {r[0] for r in sqlite3.connect(p).execute("SELECT name FROM sqlite_master")}  # noqa: E731
    assert "later_table" in tables(path)
    assert "later_table" not in tables(beside)
    Store.open(path).close()  # nothing pending: no second backup
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".db") == [beside.name, "caseload.db"]


def test_a_new_caseload_needs_no_backup(tmp_path):
    Store.open(tmp_path / "caseload.db", create=True).close()
    assert [p.name for p in tmp_path.iterdir()] == ["caseload.db"]


def test_a_backup_never_takes_the_place_of_someone_elses_file(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path).exit_code == 0
    notes = tmp_path / "notes.txt"
    notes.write_text("my shopping list")
    before = folder_snapshot(tmp_path)
    result = run("restore", copy, "--db", notes, "--yes")
    assert result.exit_code != 0
    assert "is not a caseload file" in result.stderr and "Nothing was changed" in result.stderr
    assert folder_snapshot(tmp_path) == before


def test_a_backup_can_be_put_back_where_there_is_no_caseload_yet(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    copy = tmp_path / "copy.db"
    assert run("backup", copy, "--db", path).exit_code == 0
    new_home = tmp_path / "new.db"
    result = run("restore", copy, "--db", new_home, "--yes")
    assert result.exit_code == 0, result.output
    assert "kept as" not in result.stdout
    assert content(new_home) == content(path)
    assert mode(new_home) == 0o600
