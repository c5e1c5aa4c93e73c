"""The safety marker: a thought or question marked as a concern stays open until resolved, and is kept
through every road a caseload travels (the file, JSON export and import, the CSV export)."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import datetime

import pytest

from caseload_tui import model as m
from caseload_tui.interchange import csv_export, json_format
from caseload_tui.services.safety import mark_concern, resolve_concern
from caseload_tui.store import Conflict, Store

from factories import WRITTEN, add_client, add_question, add_thought, memory_store

MARKED = datetime(2026, 11, 25, 18, 0)
RESOLVED = datetime(2026, 11, 27, 9, 30)


def test_a_marked_thought_is_an_open_concern_until_it_is_resolved(store):
    ann, ben = add_client(store), add_client(store, name="Ben", code="B2")
    thought = add_thought(store, ann, body="she spoke of not wanting to wake up")
    add_thought(store, ann, body="nothing to worry about")
    marked = mark_concern(store, thought, m.SafetyConcern.RISK_TO_SELF, now=MARKED)
    assert marked.safety == m.SafetyMark(m.SafetyConcern.RISK_TO_SELF, MARKED)
    assert m.concern_open(store.thought(thought.id))
    assert [n.body for n in store.open_concerns([ann.id])] == ["she spoke of not wanting to wake up"]
    assert store.open_concerns([ben.id]) == []
    assert store.concern_counts() == {ann.id: 1}
    resolved = resolve_concern(store, marked, now=RESOLVED)
    assert resolved.safety == m.SafetyMark(m.SafetyConcern.RISK_TO_SELF, MARKED, RESOLVED)
    assert not m.concern_open(resolved)
    assert store.open_concerns() == [] and store.concern_counts() == {}
    assert store.thought(thought.id).safety == resolved.safety  # the story of the concern is kept


def test_a_concern_stays_open_whatever_becomes_of_its_note(store):
    ann = add_client(store)
    question = mark_concern(store, add_question(store, ann, body="Is the child safe at home?"),
                            m.SafetyConcern.SAFEGUARDING, now=MARKED)
    thought = mark_concern(store, add_thought(store, ann), m.SafetyConcern.RISK_TO_OTHERS, now=MARKED)
    question.status, question.answer = m.QuestionStatus.ANSWERED, "social services know"
    store.update_question(question)
    thought.lingering = False
    store.update_thought(thought)
    assert {type(n) for n in store.open_concerns([ann.id])} == {m.Thought, m.Question}
    assert store.concern_counts() == {ann.id: 2}


def test_marking_again_changes_the_kind_and_keeps_when_it_was_first_marked(store):
    thought = mark_concern(store, add_thought(store, add_client(store)), m.SafetyConcern.RISK_TO_SELF, now=MARKED)
    again = mark_concern(store, thought, m.SafetyConcern.RISK_TO_OTHERS, now=RESOLVED)
    assert again.safety == m.SafetyMark(m.SafetyConcern.RISK_TO_OTHERS, MARKED)
    reopened = mark_concern(store, resolve_concern(store, again, now=RESOLVED), m.SafetyConcern.SAFEGUARDING,
                            now=datetime(2026, 12, 1, 8, 0))
    assert reopened.safety == m.SafetyMark(m.SafetyConcern.SAFEGUARDING, datetime(2026, 12, 1, 8, 0))


def test_a_stale_mark_is_refused_and_changes_nothing(store):
    thought = add_thought(store, add_client(store))
    other_window = store.thought(thought.id)
    other_window.body = "edited elsewhere"
    store.update_thought(other_window)
    with pytest.raises(Conflict):
        mark_concern(store, thought, m.SafetyConcern.RISK_TO_SELF, now=MARKED)
    assert store.thought(thought.id).safety is None
    with pytest.raises(ValueError):
        resolve_concern(store, store.thought(thought.id), now=RESOLVED)


def test_the_file_accepts_exactly_the_model_s_concerns(store):
    ann = add_client(store)
    for concern in m.SafetyConcern:
        mark_concern(store, add_thought(store, ann), concern, now=MARKED)
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("INSERT INTO thoughts (client_id, written_at, body, kind, safety) "
                            "VALUES (?, ?, 'x', ?, 'worry')", [ann.id, "2026-11-25T18:00", m.ThoughtKind.HOLDING.value])


def _with_concerns(store: Store) -> None:
    ann = add_client(store)
    mark_concern(store, add_thought(store, ann, body="open"), m.SafetyConcern.RISK_TO_SELF, now=MARKED)
    resolve_concern(store, mark_concern(store, add_question(store, ann), m.SafetyConcern.SAFEGUARDING, now=MARKED),
                    now=RESOLVED)
    add_thought(store, ann, body="unmarked", written_at=WRITTEN)


def test_concerns_travel_through_json_export_and_import_byte_for_byte(store):
    _with_concerns(store)
    first = json_format.dumps(store.export_data())
    again = memory_store()
    again.import_data(json_format.parse(json.loads(first)))
    assert json_format.dumps(again.export_data()) == first
    assert [n.safety for n in again.open_concerns()] == [m.SafetyMark(m.SafetyConcern.RISK_TO_SELF, MARKED)]
    question = again.questions()[0]
    assert question.safety == m.SafetyMark(m.SafetyConcern.SAFEGUARDING, MARKED, RESOLVED)
    again.close()


def test_a_concern_in_a_file_is_checked_field_by_field(store):
    _with_concerns(store)
    doc = json_format.to_document(store.export_data())
    doc["thoughts"][0]["safety"]["concern"] = "worry"
    with pytest.raises(json_format.ImportProblem, match=r"thoughts\[0\].safety: 'concern' must be one of"):
        json_format.parse(doc)


def test_the_csv_export_shows_each_note_s_concern(store):
    _with_concerns(store)
    rows = csv_export.table_rows(store.export_data())
    thoughts = list(csv.DictReader(io.StringIO(csv_export.table_text("thoughts", rows["thoughts"]))))
    assert [(t["body"], t["safety concern"], t["safety marked at"]) for t in thoughts] == [
        ("open", "risk to self", "2026-11-25T18:00"), ("unmarked", "", "")]
    questions = list(csv.DictReader(io.StringIO(csv_export.table_text("questions", rows["questions"]))))
    assert questions[0]["safety resolved at"] == "2026-11-27T09:30"
