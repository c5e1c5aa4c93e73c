"""One vocabulary: every value the clinician can meet has all its words, glyphs and styles.

Adding a member to an enum without its words, glyph or style fails here, not at run time.
"""

from __future__ import annotations

import sqlite3

import pytest

from caseload_tui import model as m
from caseload_tui.tui import render
from caseload_tui.tui.modals.forms import ATTENDANCE_CHOICES, KIND_HINTS
from caseload_tui.tui.screens.review import ATTENDANCE_KEYS


@pytest.mark.parametrize("status", list(m.Status))
def test_every_status_has_its_words_glyph_and_style(status):
    words = m.STATUS_WORDS[status]
    assert words.label and words.tally
    assert words.counts_as in ("came", "missed", "")
    glyph, style = render.STRIP_GLYPHS[status]
    assert len(glyph) == 1 and style.startswith("$")
    assert "_" not in words.label  # a database word never reaches the screen


def test_every_recordable_status_has_its_own_review_key():
    keys = [s.words.key for s in m.OUTCOMES]
    assert len(set(keys)) == len(keys) and all(len(k) == 1 for k in keys)
    assert m.Status.SCHEDULED not in m.OUTCOMES  # "not yet recorded" is never an outcome
    # The form, the review keys and the legend all offer the same statuses in the same order.
    assert [s for s, _ in ATTENDANCE_CHOICES] == list(m.OUTCOMES)
    assert [s for _, s, _ in ATTENDANCE_KEYS] == list(m.OUTCOMES)


def test_came_and_missed_are_read_from_the_words():
    assert {m.Status.ATTENDED, m.Status.LATE} == m.CAME
    assert {m.Status.CANCELLED, m.Status.LATE_CANCELLED, m.Status.NO_SHOW} == m.MISSED
    assert not m.CAME & m.MISSED


@pytest.mark.parametrize("kind", list(m.ThoughtKind))
def test_every_thought_kind_has_a_label_hint_and_style(kind):
    words = m.KIND_WORDS[kind]
    assert words.label and words.hint and "_" not in words.label
    assert render.KIND_STYLES[kind].startswith("$")
    assert KIND_HINTS[kind] == f"{words.label}: {words.hint}"


@pytest.mark.parametrize("group", list(m.Group))
def test_every_group_has_its_words_and_style(group):
    words = m.GROUP_WORDS[group]
    assert words.title and words.one and words.singular.split()[0] in ("a", "an")
    assert render.GROUP_STYLES[group].startswith("$")


@pytest.mark.parametrize("found", list(m.Found))
def test_every_kind_of_search_result_has_its_word(found):
    assert found.label and "_" not in found.label


@pytest.mark.parametrize("enum_type, table", [(m.EndedBy, m.ENDED_BY_LABELS), (m.EndingHow, m.ENDING_HOW_LABELS),
                                              (m.Whose, m.WHOSE_LABELS), (m.QuestionStatus, m.QUESTION_LABELS)])
def test_every_ending_whose_and_question_status_has_a_label(enum_type, table):
    for member in enum_type:
        assert table[member] and "_" not in member.label


def test_the_database_accepts_exactly_the_model_values():
    """The CHECK constraints are the model's: every value is stored, a value outside it is refused."""
    from datetime import date, datetime

    from caseload_tui.store import Store

    store = Store.memory()
    client = store.add_client(m.Client(name="A", code="C-1", started_on=date(2026, 1, 1)))
    for i, status in enumerate(m.Status):
        store.add_appointment(m.Appointment(client_id=client.id, starts_at=datetime(2026, 1, 1 + i, 10),
                                            status=status))
    for kind in m.ThoughtKind:
        store.add_thought(m.Thought(body="x", written_at=datetime(2026, 1, 1), client_id=client.id, kind=kind))
    with pytest.raises(sqlite3.IntegrityError):
        store._conn.execute("INSERT INTO appointments (client_id, starts_at, status) VALUES (?, ?, 'unknown')",
                            [client.id, "2026-02-01T10:00"])
    store.close()
