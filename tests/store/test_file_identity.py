"""A write never reports success once the caseload file has gone from its path (issue 11)."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime

import pytest

from caseload_tui import model as m
from caseload_tui.store import Busy, FileGone, Store

WRITTEN_AT = datetime(2026, 11, 25, 9)


def test_an_open_caseload_has_no_problem_and_takes_writes(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    assert store.file_problem() is None
    store.add_thought(m.Thought(body="kept", written_at=WRITTEN_AT))
    assert [t.body for t in store.thoughts()] == ["kept"]
    store.close()


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_a_write_to_a_caseload_gone_from_its_path_is_refused(tmp_path, how):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    if how == "deleted":
        path.unlink()
    elif how == "moved":
        os.rename(path, tmp_path / "moved.db")
    else:
        Store.open(tmp_path / "other.db", create=True).close()
        os.replace(tmp_path / "other.db", path)
    assert store.file_problem() is not None and str(path) in store.file_problem()
    with pytest.raises(FileGone) as refused:
        store.add_thought(m.Thought(body="never claimed", written_at=WRITTEN_AT))
    assert "never claimed" not in str(refused.value)
    store.close()
    if how == "moved":
        moved = Store.open(tmp_path / "moved.db")
        assert moved.thoughts() == []
        moved.close()


def test_a_short_patience_gives_up_at_once_on_a_busy_caseload(tmp_path):
    """The screen's setting: a write waits a moment, not five seconds, and the form tries again itself."""
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    store.wait_for_writes(50)
    other = sqlite3.connect(str(path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(Busy):
            store.add_thought(m.Thought(body="later", written_at=WRITTEN_AT))
    finally:
        other.rollback()
        other.close()
    assert store._conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000  # the usual wait put back
    store.add_thought(m.Thought(body="later", written_at=WRITTEN_AT))
    assert [t.body for t in store.thoughts()] == ["later"]
    store.close()


def test_a_caseload_moved_back_where_it_was_takes_writes_again(tmp_path):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    os.rename(path, tmp_path / "moved.db")
    with pytest.raises(FileGone):
        store.add_thought(m.Thought(body="not yet", written_at=WRITTEN_AT))
    os.rename(tmp_path / "moved.db", path)
    store.add_thought(m.Thought(body="saved once it was back", written_at=WRITTEN_AT))
    store.close()
    again = Store.open(path)
    assert [t.body for t in again.thoughts()] == ["saved once it was back"]
    again.close()
