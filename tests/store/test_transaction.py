"""Store.transaction(): several store writes made as one user action are all kept, or none is."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from caseload_tui import model as m
from caseload_tui.store import Conflict, Store

from clock import WEDNESDAY_EVENING


@pytest.fixture
def path(tmp_path):
    return tmp_path / "caseload.db"


def test_writes_inside_are_committed_together_and_seen_by_another_window(path):
    store = Store.open(path, create=True)
    with store.transaction():
        ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
        store.record_attendance(ann.id, WEDNESDAY_EVENING, m.Status.ATTENDED)
        store.add_thought(m.Thought(body="the lighthouse", written_at=WEDNESDAY_EVENING, client_id=ann.id))
        # its own writes are read inside
        assert store.record(ann.id, WEDNESDAY_EVENING).last_attended == WEDNESDAY_EVENING
        other = sqlite3.connect(path)
        assert other.execute("SELECT count(*) FROM clients").fetchone()[0] == 0  # not yet committed
    assert other.execute("SELECT count(*) FROM thoughts").fetchone()[0] == 1
    other.close()
    store.close()


def test_a_failure_inside_keeps_none_of_the_writes(path):
    store = Store.open(path, create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    stale = store.client(ann.id)
    store.set_flag(ann.id, True)  # now `stale` is out of date
    with pytest.raises(Conflict), store.transaction():
        store.add_question(m.Question(body="did she call", asked_at=WEDNESDAY_EVENING, client_id=ann.id))
        with store.transaction():  # nested: joins the same transaction
            store.record_attendance(ann.id, WEDNESDAY_EVENING, m.Status.NO_SHOW)
        store.update_client(stale)
    assert store.questions() == [] and store.appointments(ann.id) == []
    assert [h.body for h in store.search("call")] == []
    store.add_thought(m.Thought(body="afterwards", written_at=WEDNESDAY_EVENING))  # the store is usable again
    assert len(store.thoughts()) == 1
    store.close()
