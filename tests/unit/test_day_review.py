"""The day's end review without a screen: which sessions it goes through, and what the day came to.

Every test builds a small caseload by hand in an in-memory store and looks at
it from a fixed `now`: Thursday 26 November 2026, 19:30.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from caseload_tui import day_review
from caseload_tui.model import (
    Appointment,
    Client,
    Group,
    Question,
    QuestionStatus,
    Status,
    Thought,
)
from caseload_tui.services import sessions as services
from caseload_tui.store import Store

from clock import DEMO_DAY_END

THURSDAY = "FREQ=WEEKLY;BYDAY=TH;BYHOUR={};BYMINUTE=0"


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute)


def add(store: Store, name: str, schedule: str = "", started: date = date(2026, 1, 8), **extra) -> Client:
    return store.add_client(Client(name=name, code=f"C-{name}", started_on=started, schedule=schedule, **extra))


def book(store: Store, client: Client, when: datetime, status: Status = Status.SCHEDULED) -> None:
    store.add_appointment(Appointment(client_id=client.id, starts_at=when, status=status))


@pytest.fixture
def caseload(store):
    """Six clients, each showing one way a session reaches (or stays out of) the review."""
    # Ann: weekly Thursdays 10:00; nothing booked today, nor last week.
    ann = add(store, "Ann", THURSDAY.format(10))
    book(store, ann, at(12, 10), Status.ATTENDED)
    # Ben: weekly Tuesdays 14:00; an extra session booked today; last Tuesday booked, never recorded;
    # one from 16 days ago never recorded either (too long ago to be caught).
    ben = add(store, "Ben", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=14;BYMINUTE=0")
    book(store, ben, at(10, 14))
    book(store, ben, at(17, 14), Status.ATTENDED)
    book(store, ben, at(24, 14))
    book(store, ben, at(26, 16))
    # Cleo: weekly Thursdays 10:00, but today's session was booked at 11:30.
    cleo = add(store, "Cleo", THURSDAY.format(10))
    for day in (12, 19):
        book(store, cleo, at(day, 10), Status.ATTENDED)
    book(store, cleo, at(26, 11, 30))
    # Dora: a graduate, with a schedule still on file and a stray session booked after her ending.
    dora = add(store, "Dora", THURSDAY.format(9), ended_on=date(2026, 10, 1))
    book(store, dora, at(26, 9))
    book(store, dora, at(19, 9))
    # Eve: no schedule; today's booked session was cancelled (already recorded: still today's).
    eve = add(store, "Eve")
    book(store, eve, at(26, 9), Status.CANCELLED)
    # Finn: weekly Wednesdays 18:00 since Friday 20 November: only yesterday was expected.
    add(store, "Finn", "FREQ=WEEKLY;BYDAY=WE;BYHOUR=18;BYMINUTE=0", started=date(2026, 11, 20))
    return store


def listed(sessions) -> list[tuple[str, datetime, Status, bool]]:
    return [(s.client.name, s.starts_at, s.status, s.booked) for s in sessions]


def test_todays_sessions_booked_and_expected_in_order_of_time(caseload):
    found = day_review.day_sessions(caseload, DEMO_DAY_END)
    assert listed(found.today) == [
        ("Eve", at(26, 9), Status.CANCELLED, True),  # booked, whatever happened
        ("Ann", at(26, 10), Status.SCHEDULED, False),  # expected from her schedule, nothing booked
        ("Cleo", at(26, 11, 30), Status.SCHEDULED, True),  # booked at another time: not expected at 10 too
        ("Ben", at(26, 16), Status.SCHEDULED, True),  # booked on a day his schedule does not expect
    ]


def test_never_recorded_sessions_of_the_last_fourteen_days(caseload):
    found = day_review.day_sessions(caseload, DEMO_DAY_END)
    assert listed(found.unrecorded) == [
        ("Ann", at(19, 10), Status.SCHEDULED, False),  # expected, nothing booked that day
        ("Ben", at(24, 14), Status.SCHEDULED, True),  # booked, never recorded
        ("Finn", at(25, 18), Status.SCHEDULED, False),  # nothing expected before he started
    ]
    assert all(s.starts_at >= at(12, 0) for s in found.unrecorded)  # Ben's 10 Nov is too long ago


def test_no_session_twice_and_no_graduates(caseload):
    walk = day_review.day_sessions(caseload, DEMO_DAY_END).walk
    keys = [s.key for s in walk]
    assert len(keys) == len(set(keys))
    assert "Dora" not in {s.client.name for s in walk}
    assert [s.starts_at.date() == DEMO_DAY_END.date() for s in walk] == [True] * 4 + [False] * 3  # today's first


def test_recording_takes_a_session_off_the_never_recorded_list(caseload):
    ann = caseload.find_client("Ann")
    caseload.record_attendance(ann.id, at(19, 10), Status.CLINICIAN_CANCELLED)
    found = day_review.day_sessions(caseload, DEMO_DAY_END)
    assert ("Ann", at(19, 10)) not in [(s.client.name, s.starts_at) for s in found.unrecorded]
    caseload.record_attendance(ann.id, at(26, 10), Status.ATTENDED)
    today = day_review.day_sessions(caseload, DEMO_DAY_END).today
    assert listed(today)[1] == ("Ann", at(26, 10), Status.ATTENDED, True)


def test_a_session_graduates_had_before_their_ending_still_counts(store):
    gil = add(store, "Gil", THURSDAY.format(9), ended_on=DEMO_DAY_END.date())
    book(store, gil, at(26, 9))  # the last session, on the day the work ended
    assert listed(day_review.day_sessions(store, DEMO_DAY_END).today) == [("Gil", at(26, 9), Status.SCHEDULED, True)]


def test_an_unreadable_schedule_expects_nothing(store):
    add(store, "Ida", "not a rule at all")
    assert day_review.day_sessions(store, DEMO_DAY_END).walk == []


# ---------------------------------------------------------------- who moved


@pytest.fixture
def hana(store):
    """Came every Thursday from 8 October, cancelled last week: a regular until today."""
    hana = add(store, "Hana", THURSDAY.format(9), started=date(2026, 9, 3))
    for day in (8, 15, 22, 29):
        book(store, hana, at(day, 9, month=10), Status.ATTENDED)
    for day in (5, 12):
        book(store, hana, at(day, 9), Status.ATTENDED)
    book(store, hana, at(19, 9), Status.CANCELLED)
    return hana


def test_no_one_moves_on_a_quiet_day(store, hana):
    store.record_attendance(hana.id, at(26, 9), Status.ATTENDED)
    assert day_review.moves(store, DEMO_DAY_END) == []


def test_who_moved_today_and_why(store, hana):
    store.record_attendance(hana.id, at(26, 9), Status.NO_SHOW)
    [move] = day_review.moves(store, DEMO_DAY_END)
    assert move.client.name == "Hana"
    assert (move.before.group, move.after.group) == (Group.REGULARS, Group.ABSENTEES)
    assert move.sentence() == "Hana is now an absentee: Missed 2 of the last 8 sessions, 2 in a row."
    assert move.sentence("C-Hana").startswith("C-Hana is now an absentee: ")


def test_a_past_session_recorded_in_the_review_can_move_a_client(store):
    """At midnight the caseload already holds what was recorded during the review; `before` remembers."""
    jo = add(store, "Jo", THURSDAY.format(9), started=date(2026, 9, 3))
    for day in (22, 29):
        book(store, jo, at(day, 9, month=10), Status.ATTENDED)
    for day in (5, 12):
        book(store, jo, at(day, 9), Status.ATTENDED)
    book(store, jo, at(19, 9), Status.NO_SHOW)
    book(store, jo, at(24, 9))  # an extra session on Tuesday, never recorded
    opened = day_review.placements(store, DEMO_DAY_END)
    assert opened[jo.id].group is Group.REGULARS
    store.record_attendance(jo.id, at(24, 9), Status.NO_SHOW)
    assert day_review.moves(store, DEMO_DAY_END) == []  # judged at midnight too, Jo had already missed twice
    [move] = day_review.moves(store, DEMO_DAY_END, before=opened)
    assert move.after.group is Group.ABSENTEES and move.before.group is Group.REGULARS


def test_a_move_made_from_the_dashboard_in_the_morning_is_said_at_day_s_end(store):
    """Issue 20: recorded on the dashboard in the morning, Jo's missed Tuesday made them an absentee, yet the
    day's end said "No one moved between groups today". Where each client stood when the day's first
    opening kept it is what the day's end compares with."""
    jo = add(store, "Jo", THURSDAY.format(9), started=date(2026, 9, 3))
    for day in (22, 29):
        book(store, jo, at(day, 9, month=10), Status.ATTENDED)
    for day in (5, 12):
        book(store, jo, at(day, 9), Status.ATTENDED)
    book(store, jo, at(19, 9), Status.NO_SHOW)
    book(store, jo, at(24, 9))  # Tuesday's extra session, never recorded
    morning = DEMO_DAY_END.replace(hour=8)
    assert day_review.keep_day_start(store, morning) is True
    assert day_review.keep_day_start(store, morning.replace(hour=10)) is False  # kept once a day
    services.record_outcome(store, jo.id, at(24, 9), Status.NO_SHOW, now=morning.replace(hour=10))
    summary = day_review.day_summary(store, DEMO_DAY_END)
    [move] = summary.moves
    assert (move.client.name, move.before.group, move.after.group) == ("Jo", Group.REGULARS, Group.ABSENTEES)
    # The next day starts afresh: yesterday's groups are not today's start.
    tomorrow = DEMO_DAY_END + timedelta(days=1)
    assert day_review.keep_day_start(store, tomorrow.replace(hour=8)) is True
    assert day_review.moves(store, tomorrow) == []


def test_a_client_who_comes_back_moves_to_the_regulars(store):
    kim = add(store, "Kim", THURSDAY.format(9), started=date(2026, 9, 3))
    for day in (8, 15, 22, 29):
        book(store, kim, at(day, 9, month=10), Status.ATTENDED)
    book(store, kim, at(5, 9), Status.ATTENDED)
    book(store, kim, at(12, 9), Status.NO_SHOW)
    book(store, kim, at(19, 9), Status.NO_SHOW)
    store.record_attendance(kim.id, at(26, 9), Status.ATTENDED)
    [move] = day_review.moves(store, DEMO_DAY_END)
    assert move.before.group is Group.ABSENTEES
    assert move.sentence() == "Kim is now a regular: Came to 6 of the last 8 sessions; last came today."


# ---------------------------------------------------------------- the summary


def test_the_days_summary(store, hana):
    eve = add(store, "Eve")
    lou = add(store, "Lou")  # not in today's review
    book(store, eve, at(19, 11), Status.CANCELLED)
    book(store, eve, at(26, 11), Status.CANCELLED)
    store.record_attendance(hana.id, at(26, 9), Status.NO_SHOW)
    store.record_attendance(hana.id, at(26, 9), Status.ATTENDED)  # corrected: she came after all
    earlier = DEMO_DAY_END - timedelta(days=1)
    thoughts = [
        Thought("still with me today", at(26, 10), hana.id),
        Thought("let go today", at(26, 11), hana.id, lingering=False),
        Thought("yesterday's", earlier, hana.id),
        Thought("about my practice", at(26, 12)),
        Thought("tell Hana I remembered her exam", earlier, hana.id, tell_client=True),
        Thought("tell Hana, but let go", earlier, hana.id, tell_client=True, lingering=False),
        Thought("tell Eve I remembered", earlier, eve.id, tell_client=True),  # Eve did not come
    ]
    for thought in thoughts:
        store.add_thought(thought)
    store.add_question(Question("Ask about the exam", at(19, 10), hana.id))
    store.add_question(Question("Ask about the move", at(12, 10), eve.id))
    store.add_question(Question("Already answered", at(12, 10), hana.id, status=QuestionStatus.ANSWERED,
                                answer="yes", closed_at=at(19, 10)))
    store.add_question(Question("Lou's question", at(12, 10), lou.id))

    summary = day_review.day_summary(store, DEMO_DAY_END)
    assert [(s.client.name, s.status) for s in summary.today] == [("Hana", Status.ATTENDED), ("Eve", Status.CANCELLED)]
    assert summary.tally() == [(Status.ATTENDED, 1), (Status.CANCELLED, 1)]
    assert summary.still_unrecorded == []
    assert [move.sentence() for move in summary.moves] == [
        "Eve is now an absentee: Missed 2 of the last 2 sessions, 2 in a row."]
    assert [t.body for t in summary.lingering_today] == ["still with me today", "about my practice"]
    assert [q.body for q in summary.carried_forward] == ["Ask about the move", "Ask about the exam"]  # Eve, Hana
    assert [t.body for t in summary.to_tell] == ["tell Hana I remembered her exam"]


def test_the_summary_keeps_what_is_still_to_record(caseload):
    summary = day_review.day_summary(caseload, DEMO_DAY_END)
    assert [(s.client.name, s.starts_at) for s in summary.still_unrecorded] == [
        ("Ann", at(26, 10)), ("Cleo", at(26, 11, 30)), ("Ben", at(26, 16)),
        ("Ann", at(19, 10)), ("Ben", at(24, 14)), ("Finn", at(25, 18)),
    ]
    assert summary.tally() == [(Status.SCHEDULED, 3), (Status.CANCELLED, 1)]


def test_the_summary_asks_only_about_the_clients_reviewed(store, hana):
    other = add(store, "Mo")
    store.add_question(Question("Mo's question", at(19, 10), other.id))
    store.add_question(Question("Hana's question", at(19, 10), hana.id))
    assert [q.body for q in day_review.day_summary(store, DEMO_DAY_END).carried_forward] == ["Hana's question"]
    assert [q.body for q in day_review.day_summary(store, DEMO_DAY_END, reviewed=[other.id]).carried_forward] == [
        "Mo's question"]


def test_questions_and_thoughts_for_one_client_in_the_review(store, hana):
    store.add_question(Question("open", at(19, 10), hana.id))
    store.add_question(Question("answered today", at(12, 10), hana.id, status=QuestionStatus.ANSWERED,
                                answer="so", closed_at=at(26, 10)))
    store.add_question(Question("dropped long ago", at(5, 10), hana.id, status=QuestionStatus.DROPPED,
                                closed_at=at(6, 10)))
    store.add_thought(Thought("today", at(26, 10), hana.id, lingering=False))
    store.add_thought(Thought("last week", at(19, 10), hana.id))
    assert [q.body for q in day_review.questions_for_review(store, hana.id, DEMO_DAY_END)] == ["answered today", "open"]
    assert [t.body for t in day_review.thoughts_today(store, hana.id, DEMO_DAY_END)] == ["today"]
