"""Deleting means gone: a deleted note's words are in none of the database's files, nor in its search index."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import Store

from trust_helpers import db_files

WHEN = datetime(2026, 11, 24, 19)
OTHER_NOTES = 120  # enough that the search index holds several segments, the deleted words among them


def traces(path: Path, words: list[str]) -> dict[str, list[str]]:
    """Which of the database's files still hold each word, in the case written or folded by the index."""
    found: dict[str, list[str]] = {}
    files = {p.name: p.read_bytes() for p in db_files(path)}
    for word in words:
        for spelling in {word, word.lower()}:
            where = [name for name, raw in files.items() if spelling.encode() in raw]
            if where:
                found[spelling] = where
    return found


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "caseload.db", create=True)
    ann = opened.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    for n in range(OTHER_NOTES):
        opened.add_thought(m.Thought(body=f"ordinary thought {n} about the weekly rhythm", written_at=WHEN,
                                     client_id=ann.id))
        if n % 3 == 0:
            opened.add_question(m.Question(body=f"ordinary question {n} for next time", asked_at=WHEN,
                                           client_id=ann.id))
    yield opened
    opened.close()


def _ann(store: Store) -> int:
    return store.find_client("A1").id


def _assert_gone(store: Store, words: list[str]) -> None:
    path = store.path
    assert traces(path, words) == {}, "deleted words remain while the caseload is open"
    for word in words:
        assert store.search(word) == []
    assert store.search("ordinary rhythm"), "the rest of the search index was lost"
    store.close()
    assert traces(path, words) == {}, "deleted words remain after closing"


def test_a_deleted_thought_leaves_no_trace(store):
    words = ["Quixotical", "marmaladeish", "zeppelinlike"]
    thought = store.add_thought(m.Thought(body="Quixotical marmaladeish zeppelinlike feelings toward him",
                                          written_at=WHEN, client_id=_ann(store)))
    store.add_thought(m.Thought(body="one more after it", written_at=WHEN, client_id=_ann(store)))
    assert traces(store.path, words), "the test needs the words in the file before the delete"
    store.delete_thought(thought.id)
    _assert_gone(store, words)


def test_a_deleted_question_leaves_no_trace_of_question_or_answer(store):
    words = ["Brontosaurian", "sesquipedalia"]
    question = store.add_question(m.Question(body="Did the Brontosaurian plan hold?", asked_at=WHEN,
                                             client_id=_ann(store)))
    question.status, question.answer, question.closed_at = m.QuestionStatus.ANSWERED, "sesquipedalia, she said", WHEN
    store.update_question(question)
    assert traces(store.path, words)
    store.delete_question(question.id)
    _assert_gone(store, words)


def test_a_deleted_client_leaves_no_trace_of_anything_written_about_them(store):
    words = ["Wolfgangina", "WG-77", "Hippocampusy", "Antimacassar", "Chrysanthemal", "Portmanteaux",
             "Ventriloquial", "Kaleidoscopy", "Pterodactylic"]
    client = store.add_client(m.Client(
        name="Wolfgangina", code="WG-77", started_on=date(2025, 3, 1), themes="Hippocampusy"))
    store.end_work(client.id, date(2026, 9, 1), m.EndedBy.BOTH, m.EndingHow.GOODBYE,
                   m.Reflection(helped="Antimacassar moments", i_learned="Chrysanthemal patience"), False, WHEN)
    store.add_thought(m.Thought(body="Portmanteaux of grief", written_at=WHEN, client_id=client.id))
    store.add_question(m.Question(body="Ventriloquial voice again?", asked_at=WHEN, client_id=client.id))
    store.add_encounter(m.Encounter(client_id=client.id, happened_on=date(2026, 10, 1),
                                    body="Kaleidoscopy card at the market"))
    store.record_attendance(client.id, datetime(2026, 11, 20, 10), m.Status.ATTENDED, note="Pterodactylic dream")
    assert set(traces(store.path, words)) >= {"Wolfgangina", "Portmanteaux"}
    store.delete_client(client.id)
    _assert_gone(store, words)


def test_words_edited_out_of_a_thought_leave_no_trace(store):
    """Editing is deleting too: the removed words are in no file (the index merged, the WAL emptied)."""
    words = ["Pterodactylous", "quinceflavoured"]
    thought = store.add_thought(m.Thought(body="Pterodactylous quinceflavoured dread, then calm",
                                          written_at=WHEN, client_id=_ann(store)))
    assert traces(store.path, words), "the test needs the words in the file before the edit"
    thought.body = "dread, then calm"
    store.update_thought(thought)
    assert store.search("calm")
    _assert_gone(store, words)


def test_a_theme_edited_out_of_a_client_leaves_no_trace(store):
    """Themes are searched (issue 20): words edited out of them leave the index and the WAL too."""
    words = ["Quaggamirish"]
    ann = store.client(_ann(store))
    ann.themes = "Quaggamirish longing, the weekly rhythm"
    ann = store.update_client(ann)
    assert traces(store.path, words), "the test needs the words in the file before the edit"
    ann.themes = "the weekly rhythm"
    store.update_client(ann)
    _assert_gone(store, words)


def test_advice_corrected_in_a_supervision_leaves_no_trace(store):
    words = ["Zygomorphic"]
    meeting = store.add_meeting(m.SupervisionMeeting(held_on=date(2026, 11, 12), items=[
        m.SupervisionItem(client_id=_ann(store), advice="Zygomorphic patience with the ordinary rhythm")]))
    assert traces(store.path, words), "the test needs the words in the file before the edit"
    meeting.items[0].advice = "patience with the ordinary rhythm"
    store.save_meeting(meeting)
    _assert_gone(store, words)


def test_the_wal_is_emptied_once_another_window_stops_reading(store):
    """Another connection in the middle of a read holds the WAL; the checkpoint is tried until it lets go."""
    import sqlite3
    import threading

    words = ["Hippogriffish"]
    thought = store.add_thought(m.Thought(body="Hippogriffish longing", written_at=WHEN, client_id=_ann(store)))
    reader = sqlite3.connect(str(store.path), check_same_thread=False)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM thoughts").fetchall()  # a read transaction: the WAL is held
    threading.Timer(0.3, reader.rollback).start()  # the other window moves on a moment later
    assert store.delete_thought(thought.id) is True
    reader.close()
    _assert_gone(store, words)


def test_a_reader_that_never_lets_go_is_said(store):
    import sqlite3

    thought = store.add_thought(m.Thought(body="Basiliskine worry", written_at=WHEN, client_id=_ann(store)))
    reader = sqlite3.connect(str(store.path))
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM thoughts").fetchall()
    try:
        assert store.delete_thought(thought.id) is False  # the screen says the words wait in the -wal
    finally:
        reader.close()
    assert store.delete_thought(store.add_thought(m.Thought(body="x", written_at=WHEN)).id) is True
    assert traces(store.path, ["Basiliskine"]) == {}
