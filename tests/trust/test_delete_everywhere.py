""""Delete everywhere": a deleted note is taken out of every backup too, through SQLite, the rest kept."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caseload_tui import model as m
from caseload_tui.store import Store, backup

WHEN = datetime(2026, 11, 24, 19)
WORD = "Chrysanthemic"


def made_with_backups(tmp_path, passphrase=None):
    path, folder = tmp_path / "caseload.db", tmp_path / "data" / "backups"
    store = Store.open(path, create=True, passphrase=passphrase)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    for n in range(40):
        store.add_thought(m.Thought(body=f"ordinary thought {n}", written_at=WHEN, client_id=ann.id))
    note = store.add_thought(m.Thought(body=f"{WORD} shame, first version", written_at=WHEN, client_id=ann.id))
    backup.daily(store._conn, path, folder, date(2026, 11, 24))  # the daily backup, and the next day's
    note.body = f"{WORD} shame, edited"
    note = store.update_thought(note)
    backup.daily(store._conn, path, folder, date(2026, 11, 25))
    backup.copy(store._conn, tmp_path / "caseload.before-0010_x.db")  # a copy made before an update
    store.close()
    return path, folder, note


def holders(paths, word=WORD):
    return sorted(p.name for p in paths if word.encode() in p.read_bytes())


@pytest.mark.parametrize("encrypted", [False, True])
def test_a_note_deleted_everywhere_is_in_no_backup(tmp_path, encrypted):
    if encrypted:
        pytest.importorskip("sqlcipher3")
    passphrase = "orchard 4417" if encrypted else None
    path, folder, note = made_with_backups(tmp_path, passphrase)
    copies = sorted(folder.iterdir()) + [tmp_path / "caseload.before-0010_x.db"]
    if not encrypted:
        assert len(holders(copies)) == 3  # each copy holds it (one the first version)
    store = Store.open(path, daily_backup_dir=folder, today=date(2026, 11, 25), passphrase=passphrase)
    store.delete_thought(note.id)
    assert store.backups_holding(note) == 3
    done = store.delete_from_backups(note)
    assert (done.removed_from, done.not_reached) == (3, 0)
    assert store.backups_holding(note) == 0
    store.close()
    if not encrypted:
        assert holders(copies) == []
    assert holders(copies, "ordinary thought 39") == ([] if encrypted else sorted(p.name for p in copies))
    for copy in copies:  # each backup is still a whole caseload, every other note in it
        opened = Store.open(copy, passphrase=passphrase)
        assert len(opened.thoughts(limit=100)) == 40 and opened.search(WORD) == []
        opened.close()
        assert not [p for p in copy.parent.iterdir() if p.name.startswith(copy.name + "-")]


def test_the_readme_says_what_stays_in_backups():
    from pathlib import Path

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    assert "stays in your backups" in readme and "delete everywhere" in readme.lower()
