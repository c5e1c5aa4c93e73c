"""A supervision deleted, or news of a graduate deleted: their words are in none of the caseload's files."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.services import supervision as plans
from caseload_tui.store import Store

from trust_helpers import db_files


def holding(path, words: list[str]) -> dict[str, list[str]]:
    files = {p.name: p.read_bytes() for p in db_files(path)}
    return {w: [n for n, raw in files.items() if w.encode() in raw] for w in words
            if any(w.encode() in raw for raw in files.values())}


def test_a_deleted_supervision_leaves_no_trace(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    thought = store.add_thought(m.Thought(body="kept", written_at=datetime(2026, 11, 2, 9), client_id=ann.id))
    words = ["Marmalogical", "Zeppelinous", "Quasarine", "Brontesque"]
    meeting = plans.record_meeting(store, date(2026, 11, 20), "Marmalogical notes",
                                   [m.SupervisionItem(client_id=ann.id, question="Zeppelinous question",
                                                      advice="Quasarine advice")],
                                   unflag=False, read=None, log=plans.MeetingLog("Brontesque", 60))
    assert holding(store.path, words)
    store.delete_meeting(meeting.id)
    assert holding(store.path, words) == {}
    assert store.thought(thought.id).brought_to is None  # the thought stays, to bring again
    store.close()
    assert holding(tmp_path / "caseload.db", words) == {}


def test_corrected_and_deleted_news_leaves_no_trace(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2025, 1, 5), ended_on=date(2026, 1, 5)))
    news = store.add_encounter(m.Encounter(client_id=ann.id, happened_on=date(2026, 5, 1), body="Saw Xylophonic"))
    news.body = "Saw her at the market"
    news = store.update_encounter(news)
    assert holding(store.path, ["Xylophonic"]) == {} and news.version == 2
    store.delete_encounter(news.id)
    assert store.encounters(ann.id) == [] and holding(store.path, ["market"]) == {}
    store.close()
