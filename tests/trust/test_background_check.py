"""The dashboard checks the file's pages in the background while it starts: a file damaged in the
middle opens, its caseload can be read, and every write is refused with the damage message, so
nothing is written to it; the clinician is told, and no backup is made of it.

Shown without timing anything: the same file is refused outright by an open that checks first.
"""

from __future__ import annotations

import os
from datetime import date, datetime

import pytest

from caseload_tui import model as m
from caseload_tui.services import sessions
from caseload_tui.store import NotACaseload, Store
from caseload_tui.store.integrity import damaged_message

from trust_helpers import damaged_middle, folder_snapshot, make_caseload, real_caseload, sha

NOW = datetime(2026, 11, 25, 19, 0)


def the_writes(store: Store) -> dict[str, object]:
    """One write of every kind the dashboard makes, each as a function of nothing."""
    ann = store.clients()[0]
    thought = m.Thought(body="edited", written_at=NOW, client_id=ann.id, kind=m.ThoughtKind.INSIGHT, id=1)
    return {
        "a client added": lambda: store.add_client(m.Client(name="Bo", code="B1", started_on=date(2026, 11, 2))),
        "a thought written": lambda: store.add_thought(
            m.Thought(body="new", written_at=NOW, client_id=ann.id, kind=m.ThoughtKind.INSIGHT)),
        "a thought edited": lambda: store.update_thought(thought),
        "a thought deleted": lambda: store.delete_thought(thought.id),
        "a question noted": lambda: store.add_question(m.Question(body="why?", asked_at=NOW, client_id=ann.id)),
        "attendance recorded": lambda: store.record_attendance(ann.id, NOW, m.Status.ATTENDED),
        "an outcome with its move (a service)": lambda: sessions.record_outcome(
            store, ann.id, NOW, m.Status.RESCHEDULED, moved_to=datetime(2026, 11, 27, 10), now=NOW),
        "a flag for supervision": lambda: store.set_flag(ann.id, True),
        "a break of mine": lambda: store.add_break(m.Break(starts_on=date(2026, 12, 20), ends_on=date(2027, 1, 4))),
        "one transaction": lambda: store.transaction().__enter__(),
    }


@pytest.fixture
def damaged(tmp_path):
    bad = tmp_path / "bad" / "caseload.db"
    bad.parent.mkdir()
    bad.write_bytes(damaged_middle(real_caseload(tmp_path)))
    os.chmod(bad, 0o600)
    return bad


def test_a_file_damaged_in_the_middle_refuses_every_write_with_the_check_in_the_background(tmp_path, damaged):
    with pytest.raises(NotACaseload, match="is damaged"):  # checked in full before opening: refused outright
        Store.open(damaged)
    before, folder_before = sha(damaged), folder_snapshot(damaged.parent)
    backups = tmp_path / "backups"

    store = Store.open(damaged, check_in_background=True, daily_backup_dir=backups, today=NOW.date())
    try:
        assert [c.name for c in store.clients()] == ["Ann"]  # it opened, and what is undamaged can be read
        for what, write in the_writes(store).items():
            with pytest.raises(NotACaseload) as refused:
                write()
            assert str(refused.value) == damaged_message(damaged, cut=False), what
        assert store.damage == damaged_message(damaged, cut=False)
        assert store.check_news() == [damaged_message(damaged, cut=False)]  # to tell the clinician, once
        assert store.check_news() == []
    finally:
        store.close()

    assert sha(damaged) == before
    assert folder_snapshot(damaged.parent) == folder_before  # no WAL, journal or copy left beside it
    assert not backups.exists() or list(backups.iterdir()) == []  # a damaged file is never backed up


def test_a_healthy_file_takes_writes_once_checked_and_is_backed_up_after_the_check(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    backups = tmp_path / "backups"
    store = Store.open(path, check_in_background=True, daily_backup_dir=backups, today=NOW.date())
    try:
        ann = store.clients()[0]
        added = store.add_thought(m.Thought(body="after the check", written_at=NOW, client_id=ann.id,
                                            kind=m.ThoughtKind.INSIGHT))  # waits for the check, then writes
        assert added.id is not None and store.damage is None
        store._check.join()  # the day's backup is made after the check, in the same thread
        assert store.check_news() == []
    finally:
        store.close()
    assert [p.name for p in backups.iterdir()] == [f"caseload-{NOW.date().isoformat()}.db"]
    assert [t.body for t in Store.open(path).thoughts([ann.id])][0] == "after the check"


def test_quitting_before_the_check_ends_leaves_the_file_as_it_was(tmp_path, damaged):
    before = sha(damaged)
    store = Store.open(damaged, check_in_background=True)
    store.close()  # the check stopped wherever it was; nothing was written
    assert sha(damaged) == before


def test_another_process_closing_its_connection_leaves_this_windows_wal_in_place(tmp_path):
    """The open with the check in the background must keep this process's locks on the file: once
    another process's connection closes, a thought saved here is still what a new reader finds."""
    import subprocess
    import sys

    db = tmp_path / "caseload.db"
    made = Store.open(db, create=True)
    client = made.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    made.close()
    store = Store.open(db, check_in_background=True)
    try:
        other = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
                 "c.execute('BEGIN IMMEDIATE'); c.execute('COMMIT'); c.close()")
        subprocess.run([sys.executable, "-c", other, str(db)], check=True, timeout=30)
        assert (tmp_path / "caseload.db-shm").exists()  # not taken for the last connection's to delete
        store.add_thought(m.Thought(client_id=client.id, body="still here", written_at=datetime(2026, 12, 1, 18)))
        seen = subprocess.run([sys.executable, "-c", "import sqlite3, sys; print(sqlite3.connect(sys.argv[1])"
                               ".execute('SELECT body FROM thoughts').fetchall())", str(db)],
                              capture_output=True, text=True, check=True, timeout=30).stdout
        assert "still here" in seen
    finally:
        store.close()
