"""The supervision plan, leaving a case out of it, and recording the meeting once held."""

from __future__ import annotations

from datetime import date

import pytest

from caseload_tui.model import SupervisionItem
from caseload_tui.services import supervision as plans
from caseload_tui.store import Busy
from caseload_tui.supervision import current_plan

from clock import DEMO_DAY_END
from factories import add_client, every_row
from service_helpers import fail_on

HELD_ON = date(2026, 11, 30)


@pytest.fixture
def two(store):
    """Two clients, both flagged for supervision."""
    ann = store.set_flag(add_client(store, "Ann", "A1").id, True)
    bea = store.set_flag(add_client(store, "Bea", "B1").id, True)
    return ann, bea


def items(*pairs) -> list[SupervisionItem]:
    return [SupervisionItem(client_id=cid, question=q, advice=advice) for cid, q, advice in pairs]


def as_read(store) -> int | None:
    """The plan's version as a window that has just read it holds it (None: no plan yet)."""
    plan = current_plan(store.meetings())
    return plan.version if plan is not None else None


def stored_items(meeting):
    return [(i.client_id, i.question, i.advice) for i in meeting.items]


def test_the_plan_is_made_the_first_time_and_kept_up_to_date_after(store, two):
    ann, bea = two
    made = plans.save_plan(store, items((ann.id, "Why now?", "")), DEMO_DAY_END.date(), read=as_read(store))
    assert (made.planned, made.held_on, stored_items(made)) == (True, DEMO_DAY_END.date(), [(ann.id, "Why now?", "")])
    plans.save_plan(store, items((ann.id, "Why now?", ""), (bea.id, "", "")), date(2026, 11, 28), read=as_read(store))
    meetings = store.meetings()
    assert [m.id for m in meetings] == [made.id]  # still the one plan
    assert meetings[0].held_on == DEMO_DAY_END.date()
    assert stored_items(meetings[0]) == [(ann.id, "Why now?", ""), (bea.id, "", "")]


def test_a_case_left_out_is_no_longer_flagged_and_leaves_the_plan(store, two):
    ann, bea = two
    plans.save_plan(store, items((ann.id, "Why now?", ""), (bea.id, "", "")), DEMO_DAY_END.date(),
                    read=as_read(store))
    assert plans.leave_out_case(store, ann.id, items((bea.id, "", "")), DEMO_DAY_END.date(),
                                read=as_read(store)) is True
    assert store.client(ann.id).bring_to_supervision is False
    assert store.client(bea.id).bring_to_supervision is True
    assert stored_items(current_plan(store.meetings())) == [(bea.id, "", "")]


def test_a_case_left_out_that_was_not_flagged_only_leaves_the_plan(store):
    ann = add_client(store)
    plans.save_plan(store, items((ann.id, "", "")), DEMO_DAY_END.date(), read=as_read(store))
    version = store.client(ann.id).version
    assert plans.leave_out_case(store, ann.id, [], DEMO_DAY_END.date(), read=as_read(store)) is False
    assert store.client(ann.id).version == version  # the client was not written
    assert current_plan(store.meetings()).items == []


@pytest.mark.parametrize("plan_first", [True, False])
def test_when_the_plan_cannot_be_saved_a_case_left_out_stays_flagged(store, two, monkeypatch, plan_first):
    ann, bea = two
    if plan_first:
        plans.save_plan(store, items((ann.id, "Why now?", ""), (bea.id, "", "")),
                        DEMO_DAY_END.date(), read=as_read(store))
    before = every_row(store)
    fail_on(monkeypatch, store, "save_meeting" if plan_first else "add_meeting")
    with pytest.raises(Busy):
        plans.leave_out_case(store, ann.id, items((bea.id, "", "")), DEMO_DAY_END.date(), read=as_read(store))
    assert every_row(store) == before
    assert store.client(ann.id).bring_to_supervision is True


def test_recording_the_meeting_turns_the_plan_into_it_and_clears_its_flags(store, two):
    ann, bea = two
    other = store.set_flag(add_client(store, "Cai", "C1").id, True)
    plan = plans.save_plan(store, items((ann.id, "Why now?", ""), (bea.id, "", "")),
                           DEMO_DAY_END.date(), read=as_read(store))
    held = plans.record_meeting(store, HELD_ON, "Good session.",
                                items((ann.id, "Why now?", "Slow down."), (bea.id, "", "Ask about sleep.")),
                                unflag=True, read=as_read(store))
    assert (held.id, held.planned, held.held_on, held.notes) == (plan.id, False, HELD_ON, "Good session.")
    assert stored_items(held) == [(ann.id, "Why now?", "Slow down."), (bea.id, "", "Ask about sleep.")]
    assert [m.id for m in store.meetings()] == [plan.id] and current_plan(store.meetings()) is None
    assert [store.client(c.id).bring_to_supervision for c in (ann, bea, other)] == [False, False, True]


def test_a_meeting_recorded_without_a_plan_is_added_and_flags_kept_if_asked(store, two):
    ann, bea = two
    held = plans.record_meeting(store, HELD_ON, "", items((ann.id, "", "Wait.")), unflag=False, read=as_read(store))
    assert [(m.id, m.planned) for m in store.meetings()] == [(held.id, False)]
    assert stored_items(held) == [(ann.id, "", "Wait.")]
    assert store.client(ann.id).bring_to_supervision is True


def test_when_a_flag_cannot_be_cleared_the_meeting_is_not_recorded(store, two, monkeypatch):
    ann, bea = two
    plans.save_plan(store, items((ann.id, "Why now?", ""), (bea.id, "", "")), DEMO_DAY_END.date(), read=as_read(store))
    before = every_row(store)
    fail_on(monkeypatch, store, "set_flag", after=1)  # Ann's flag is cleared, then Bea's fails
    with pytest.raises(Busy):
        plans.record_meeting(store, HELD_ON, "Notes", items((ann.id, "Why now?", "Advice"), (bea.id, "", "")),
                             unflag=True, read=as_read(store))
    assert every_row(store) == before
    assert current_plan(store.meetings()).planned
    assert store.client(ann.id).bring_to_supervision is True
