"""A stale edit resolved as chosen, after both versions were seen: keep mine (over the version saved
now, refused again if it moved once more), keep theirs, or mine as a new note; nothing lost."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from caseload_tui import model as m
from caseload_tui.services import endings, versions
from caseload_tui.services import supervision as plans
from caseload_tui.store import Conflict
from caseload_tui.supervision import current_plan

from factories import add_client, add_thought

NOW = datetime(2026, 11, 27, 18)
TODAY = NOW.date()


def their_edit(store, thought, body):
    """What the other window saves meanwhile."""
    return store.update_thought(replace(store.thought(thought.id), body=body))


def test_keep_mine_saves_mine_over_the_version_saved_now(store):
    ann = add_client(store)
    read = add_thought(store, ann, "as it was")
    theirs = their_edit(store, read, "theirs")
    mine = replace(read, body="mine")
    with pytest.raises(Conflict):
        store.update_thought(mine)
    saved = versions.keep_mine(store, mine, theirs)
    assert store.thought(read.id).body == "mine" == saved.body


def test_keep_mine_is_refused_again_if_they_saved_once_more(store):
    ann = add_client(store)
    read = add_thought(store, ann, "as it was")
    theirs = their_edit(store, read, "theirs")
    their_edit(store, read, "theirs, again")  # while the two versions were on the screen
    with pytest.raises(Conflict):
        versions.keep_mine(store, replace(read, body="mine"), theirs)
    assert store.thought(read.id).body == "theirs, again"


def test_mine_as_a_new_note_keeps_both(store):
    ann = add_client(store)
    read = add_thought(store, ann, "as it was")
    their_edit(store, read, "theirs")
    new = versions.save_as_new(store, replace(read, body="mine"), NOW)
    assert new.id != read.id and new.written_at == NOW
    assert sorted(t.body for t in store.thoughts([ann.id])) == ["mine", "theirs"]


def test_a_question_as_a_new_note_is_a_new_open_question(store):
    ann = add_client(store)
    read = store.add_question(m.Question(body="as it was", asked_at=datetime(2026, 11, 20, 9), client_id=ann.id))
    store.update_question(replace(store.question(read.id), body="theirs"))
    versions.save_as_new(store, replace(read, body="mine"), NOW)
    assert sorted(q.body for q in store.questions([ann.id])) == ["mine", "theirs"]


def test_my_ending_kept_over_an_ending_saved_in_another_window(store):
    ann = add_client(store)
    endings.end_work(store, ann.id, date(2026, 11, 25), m.EndedBy.CLIENT, m.EndingHow.NO_LAST_SESSION,
                     m.Reflection(helped="theirs"), close_questions=False, now=NOW, version=ann.version)
    with pytest.raises(Conflict):
        endings.end_work(store, ann.id, TODAY, m.EndedBy.BOTH, m.EndingHow.GOODBYE, m.Reflection(helped="mine"),
                         close_questions=False, now=NOW, version=ann.version)
    shown = (store.client(ann.id).version, store.episodes(ann.id)[-1].version)
    versions.keep_my_ending(store, ann.id, TODAY, m.EndedBy.BOTH, m.EndingHow.GOODBYE, m.Reflection(helped="mine"),
                            NOW, close_questions=False, read=shown)
    [episode] = store.episodes(ann.id)
    assert (episode.ended_on, episode.ended_by, episode.how, episode.reflection.helped) == (
        TODAY, m.EndedBy.BOTH, m.EndingHow.GOODBYE, "mine")
    assert store.client(ann.id).ended_on == TODAY


def test_my_ending_kept_when_the_client_was_only_changed_elsewhere_ends_the_work(store):
    ann = add_client(store)
    store.set_flag(ann.id, True)  # the other window flagged them while the ending form was open
    shown = (store.client(ann.id).version, store.episodes(ann.id)[-1].version)
    versions.keep_my_ending(store, ann.id, TODAY, m.EndedBy.ME, m.EndingHow.GOODBYE, m.Reflection(helped="mine"),
                            NOW, close_questions=False, read=shown)
    assert store.client(ann.id).ended_on == TODAY
    assert store.episodes(ann.id)[-1].reflection.helped == "mine"


def test_my_ending_is_refused_if_theirs_changed_again_while_both_were_shown(store):
    ann = add_client(store)
    shown = (ann.version, store.episodes(ann.id)[-1].version)
    store.set_flag(ann.id, True)
    with pytest.raises(Conflict):
        versions.keep_my_ending(store, ann.id, TODAY, m.EndedBy.ME, m.EndingHow.GOODBYE, m.Reflection(),
                                NOW, close_questions=False, read=shown)
    assert store.client(ann.id).active


def test_my_supervision_question_kept_keeps_every_case_the_other_window_wrote(store):
    ann, bea = add_client(store), add_client(store, "Bea", "B1")
    plans.save_plan(store, [m.SupervisionItem(client_id=ann.id, question="as read")], TODAY, read=None)
    read = current_plan(store.meetings()).version
    plans.save_plan(store, [m.SupervisionItem(client_id=ann.id, question="theirs for Ann"),
                            m.SupervisionItem(client_id=bea.id, question="theirs for Bea")], TODAY, read=read)
    mine = m.SupervisionItem(client_id=ann.id, question="mine for Ann", need=m.Need.THINK)
    with pytest.raises(Conflict):
        versions.keep_my_question(store, mine, TODAY, read=read)
    versions.keep_my_question(store, mine, TODAY, read=current_plan(store.meetings()).version)
    plan = current_plan(store.meetings())
    assert [(i.client_id, i.question, i.need) for i in plan.items] == [
        (ann.id, "mine for Ann", m.Need.THINK), (bea.id, "theirs for Bea", None)]
