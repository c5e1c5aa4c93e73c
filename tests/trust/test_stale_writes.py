"""Two windows on one caseload (two Stores on one file): every versioned record refuses a stale write.

A thought's refusal is in test_two_instances.py; here the records issue 11 found written over
silently: the supervision plan (and its questions), a meeting recorded or corrected, advice
followed up, and an ending with its reflection.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caseload_tui import model as m
from caseload_tui.services import endings
from caseload_tui.services import supervision as plans
from caseload_tui.store import Conflict, Store
from caseload_tui.supervision import current_plan

from trust_helpers import make_caseload

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 18)


@pytest.fixture
def windows(tmp_path):
    """Two windows open on the same caseload file, with two clients."""
    path = tmp_path / "caseload.db"
    first = make_caseload(path, thoughts=())
    first.add_client(m.Client(name="Bea", code="B1", started_on=date(2026, 2, 2)))
    second = Store.open(path)
    yield first, second
    second.close()
    first.close()


def as_read(store: Store) -> int | None:
    plan = current_plan(store.meetings())
    return plan.version if plan is not None else None


def questions(store: Store) -> dict[int, str]:
    plan = current_plan(store.meetings())
    return {i.client_id: i.question for i in plan.items} if plan else {}


def test_a_supervision_question_from_a_window_that_read_the_plan_before_is_refused(windows):
    first, second = windows
    ann, bea = (c.id for c in first.clients())
    read_by_first = as_read(first)  # no plan yet, in both windows
    read_by_second = as_read(second)
    plans.save_plan(second, [m.SupervisionItem(client_id=bea, question="Why does Bea go quiet?")], TODAY,
                    read=read_by_second)
    with pytest.raises(Conflict) as caught:
        plans.save_plan(first, [m.SupervisionItem(client_id=ann, question="What is Ann asking of me?")], TODAY,
                        read=read_by_first)
    assert "another window" in str(caught.value) and "Bea" not in str(caught.value)
    assert questions(first) == {bea: "Why does Bea go quiet?"}  # the second window's question kept

    # Read again, the first window's question joins the plan: both are kept.
    plans.save_plan(first, [m.SupervisionItem(client_id=bea, question="Why does Bea go quiet?"),
                            m.SupervisionItem(client_id=ann, question="What is Ann asking of me?")], TODAY,
                    read=as_read(first))
    assert questions(second) == {bea: "Why does Bea go quiet?", ann: "What is Ann asking of me?"}


def test_a_stale_plan_cannot_be_recorded_as_held_over_the_other_windows_questions(windows):
    first, second = windows
    ann, bea = (c.id for c in first.clients())
    plans.save_plan(first, [m.SupervisionItem(client_id=ann, question="first")], TODAY, read=None)
    read_by_first = as_read(first)
    plans.save_plan(second, [m.SupervisionItem(client_id=ann, question="first"),
                             m.SupervisionItem(client_id=bea, question="second's")], TODAY, read=as_read(second))
    with pytest.raises(Conflict):
        plans.record_meeting(first, TODAY, "notes", [m.SupervisionItem(client_id=ann, question="first")],
                             unflag=False, read=read_by_first)
    plan = current_plan(first.meetings())
    assert plan is not None and {i.client_id: i.question for i in plan.items} == {ann: "first", bea: "second's"}


def test_a_plan_recorded_in_another_window_is_not_made_again(windows):
    first, second = windows
    ann = first.clients()[0].id
    plans.save_plan(first, [m.SupervisionItem(client_id=ann, question="q")], TODAY, read=None)
    read_by_first = as_read(first)
    plans.record_meeting(second, TODAY, "held there", [m.SupervisionItem(client_id=ann, question="q")],
                         unflag=False, read=as_read(second))
    with pytest.raises(Conflict):
        plans.save_plan(first, [m.SupervisionItem(client_id=ann, question="q, edited")], TODAY, read=read_by_first)
    assert [(mt.planned, mt.notes) for mt in first.meetings()] == [(False, "held there")]


def test_correcting_a_meeting_changed_in_another_window_is_refused(windows):
    first, second = windows
    ann = first.clients()[0].id
    held = plans.record_meeting(first, TODAY, "", [m.SupervisionItem(client_id=ann, advice="Wait.")],
                                unflag=False, read=None)
    mine, theirs = first.meeting(held.id), second.meeting(held.id)
    theirs.notes = "their correction"
    plans.edit_meeting(second, theirs)
    mine.notes = "my correction"
    with pytest.raises(Conflict):
        plans.edit_meeting(first, mine)
    assert first.meeting(held.id).notes == "their correction"


def test_advice_followed_up_in_another_window_is_not_written_back_as_it_was(windows):
    first, second = windows
    ann = first.clients()[0].id
    held = plans.record_meeting(first, TODAY, "", [m.SupervisionItem(client_id=ann, advice="Wait.")],
                                unflag=False, read=None)
    mine = first.meeting(held.id)
    second.set_item_follow_through(second.meeting(held.id).items[0].id, m.AdviceOutcome.TRIED, "it helped")
    mine.notes = "a later correction"
    with pytest.raises(Conflict):
        plans.edit_meeting(first, mine)  # its items, as read, would undo "tried: it helped"
    item = first.meeting(held.id).items[0]
    assert (item.advice_tried, item.outcome) == (m.AdviceOutcome.TRIED, "it helped")


def test_two_windows_graduating_one_client_keep_the_first_reflection(windows):
    first, second = windows
    ann_first, ann_second = first.clients()[0], second.clients()[0]
    endings.end_work(first, ann_first.id, TODAY, m.EndedBy.BOTH, m.EndingHow.GOODBYE,
                     m.Reflection(helped="the first window's reflection"), close_questions=False, now=NOW,
                     version=ann_first.version)
    with pytest.raises(Conflict):
        endings.end_work(second, ann_second.id, TODAY, m.EndedBy.CLIENT, m.EndingHow.GOODBYE,
                         m.Reflection(helped="the second window's"), close_questions=False, now=NOW,
                         version=ann_second.version)
    [episode] = second.episodes(ann_second.id)
    assert (episode.reflection.helped, episode.ended_by) == ("the first window's reflection", m.EndedBy.BOTH)


def test_a_reflection_rewritten_in_two_windows_keeps_the_first_save(windows):
    first, second = windows
    ann = first.clients()[0]
    endings.end_work(first, ann.id, TODAY, m.EndedBy.BOTH, m.EndingHow.GOODBYE, m.Reflection(helped="at the end"),
                     close_questions=False, now=NOW, version=ann.version)
    mine, theirs = first.episodes(ann.id)[-1], second.episodes(ann.id)[-1]
    theirs.reflection = m.Reflection(helped="written again there")
    endings.edit_ending(second, theirs)
    mine.reflection = m.Reflection(helped="written again here")
    with pytest.raises(Conflict):
        endings.edit_ending(first, mine)
    assert first.episodes(ann.id)[-1].reflection.helped == "written again there"


def test_a_client_edited_in_two_windows_keeps_the_first_save(windows):
    from caseload_tui.services import clients

    first, second = windows
    mine, theirs = first.clients()[0], second.clients()[0]
    clients.edit_client(second, theirs, name="Ann T.", code=theirs.code, started_on=theirs.started_on,
                        schedule=theirs.schedule, themes="their themes")
    with pytest.raises(Conflict):
        clients.edit_client(first, mine, name="Ann", code=mine.code, started_on=mine.started_on,
                            schedule=mine.schedule, themes="my themes")
    assert (first.client(mine.id).name, first.client(mine.id).themes) == ("Ann T.", "their themes")
