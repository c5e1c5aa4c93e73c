"""What a supervision brought is marked brought to it; the log's fields are kept (issue 16)."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import supervision as sv
from caseload_tui.model import Setting, SupervisionItem
from caseload_tui.services import supervision as plans

from clock import DEMO_DAY_END
from factories import add_client, add_thought

HELD_ON = date(2026, 11, 20)


def test_recording_a_meeting_marks_what_it_brought(store):
    ann, ben = add_client(store, "Ann", "A1"), add_client(store, "Ben", "B1")
    old = add_thought(store, ann, "from the spring", datetime(2026, 4, 1, 9))
    let_go_flagged = add_thought(store, ann, "let go but flagged", datetime(2026, 5, 1, 9), lingering=False,
                                 bring_to_supervision=True)
    after = add_thought(store, ann, "written after the meeting", datetime(2026, 11, 22, 9))
    bens = add_thought(store, ben, "Ben's, not brought", datetime(2026, 4, 1, 9))
    practice = add_thought(store, None, "my practice, flagged", datetime(2026, 3, 1, 9), bring_to_supervision=True)
    unflagged_practice = add_thought(store, None, "my practice", datetime(2026, 11, 19, 9))

    meeting = plans.record_meeting(store, HELD_ON, "", [SupervisionItem(client_id=ann.id, question="q")],
                                   unflag=True, read=None, log=plans.MeetingLog("Helen Achebe", 90, Setting.GROUP))

    assert (meeting.supervisor, meeting.minutes, meeting.setting) == ("Helen Achebe", 90, Setting.GROUP)
    brought = {t.body: t.brought_to for t in store.thoughts(limit=100)}
    assert brought == {"from the spring": meeting.id, "let go but flagged": meeting.id,
                       "written after the meeting": None, "Ben's, not brought": None,
                       "my practice, flagged": meeting.id, "my practice": None}
    assert not store.thought(let_go_flagged.id).bring_to_supervision  # the flag is done with
    assert not store.thought(practice.id).bring_to_supervision
    # The next brief no longer carries what was brought; what came after is still there.
    window = sv.make_window(store.meetings(), DEMO_DAY_END.date())
    case = sv.material(store, ann.id, DEMO_DAY_END, window)
    assert [t.body for t in case.thoughts + case.carried] == ["written after the meeting"]
    assert {old.id, after.id, bens.id, unflagged_practice.id} <= {t.id for t in store.thoughts(limit=100)}


def test_deleting_a_meeting_keeps_its_thoughts_to_bring_again(store):
    ann = add_client(store, "Ann", "A1")
    thought = add_thought(store, ann, "still with me", datetime(2026, 4, 1, 9))
    meeting = plans.record_meeting(store, HELD_ON, "Said something wise.",
                                   [SupervisionItem(client_id=ann.id, advice="Wait and see.")], unflag=False, read=None)
    assert store.thought(thought.id).brought_to == meeting.id
    store.delete_meeting(meeting.id)
    assert store.meetings() == []
    assert store.thought(thought.id).brought_to is None
    raw = store.path.read_bytes() if store.path else b""
    assert b"Wait and see." not in raw


def test_editing_a_meeting_keeps_its_log(store):
    ann = add_client(store, "Ann", "A1")
    meeting = plans.record_meeting(store, HELD_ON, "", [SupervisionItem(client_id=ann.id)], unflag=False, read=None,
                                   log=plans.MeetingLog("H. A.", 60))
    meeting.minutes, meeting.supervisor, meeting.setting = 75, "Helen Achebe", Setting.GROUP
    plans.edit_meeting(store, meeting)
    again = store.meeting(meeting.id)
    assert (again.supervisor, again.minutes, again.setting) == ("Helen Achebe", 75, Setting.GROUP)
