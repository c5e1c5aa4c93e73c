"""Reading absences (docs/ARCHITECTURE.md, "Grouping rules"): a pattern from the start, a change in
a steady attender, a gap that is not an absence; my cancellations, moves and breaks are neutral.

Each pattern is tested at its thresholds, with hand-built records and a fixed `now`.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from caseload_tui.config import Thresholds
from caseload_tui.model import CAME, AbsencePattern, Break, Client, ClientRecord, Group, Session, Status
from caseload_tui.rules import next_expected, place, summarise

from clock import WEDNESDAY_EVENING

NOW = WEDNESDAY_EVENING
A, X, LX, N = Status.ATTENDED, Status.CANCELLED, Status.LATE_CANCELLED, Status.NO_SHOW
CC, R, S = Status.CLINICIAN_CANCELLED, Status.RESCHEDULED, Status.SCHEDULED
DATABASE_WORDS = ("_", "rescheduled", "no show", "none rescheduled", "scheduled")


def weekly(outcomes: list[Status], *, started_weeks_ago: int | None = None,
           breaks: tuple[Break, ...] = ()) -> ClientRecord:
    """One session a week, the newest first: outcomes[0] was 1 week ago, outcomes[1] 2 weeks ago..."""
    sessions = [Session(NOW - timedelta(weeks=i + 1), status) for i, status in enumerate(outcomes)]
    weeks = started_weeks_ago if started_weeks_ago is not None else len(outcomes)
    client = Client(name="Ann", code="AN01", started_on=(NOW - timedelta(weeks=weeks)).date(), id=1)
    came = [s.starts_at for s in sessions if s.status in CAME]
    return ClientRecord(client=client, recent=sessions, last_attended=max(came, default=None), next_booked=None,
                        open_questions=0, lingering_thoughts=0, breaks=breaks)


def no_database_words(reason: str) -> None:
    lowered = reason.lower()
    assert not any(word in lowered for word in DATABASE_WORDS), reason


# ---------------------------------------------------------------- a pattern from the start


def test_misses_since_the_first_weeks_are_a_pattern_from_the_start():
    placement = place(weekly([X, A, N, X, A, LX, A, A]), NOW)
    assert placement.group is Group.ABSENTEES
    assert placement.pattern is AbsencePattern.FROM_START
    started = (NOW - timedelta(weeks=8)).strftime("%B")
    assert placement.reason == (f"From the start: has come to 4 of 8 since starting in {started} "
                                "(2 cancelled, 1 cancelled late, 1 did not come). "
                                "Ambivalence about the work? Worth naming together.")
    no_database_words(placement.reason)


def test_one_session_short_of_steady_is_still_from_the_start():
    # 9 came before the misses (steady_sessions is 10): not yet a steady attender.
    placement = place(weekly([N, X] + [A] * 9), NOW)
    assert placement.pattern is AbsencePattern.FROM_START


def test_a_lower_steady_threshold_makes_the_same_client_a_change():
    placement = place(weekly([N, X] + [A] * 9), NOW, Thresholds(steady_sessions=9))
    assert placement.pattern is AbsencePattern.CHANGE


# ---------------------------------------------------------------- a change in a steady attender


def test_two_misses_after_ten_steady_sessions_are_a_change():
    placement = place(weekly([N, X] + [A] * 10), NOW)
    assert placement.group is Group.ABSENTEES
    assert placement.pattern is AbsencePattern.CHANGE
    since = (NOW - timedelta(weeks=2)).strftime("%-d %b")
    assert placement.reason == (f"A change: came steadily for 2 months; since {since}, "
                                "cancelled, then did not come. Check in?")
    no_database_words(placement.reason)


def test_steady_allows_a_few_misses_up_to_the_share():
    # Before the misses in the window: 1 of 10 missed (10%) is steady at 15%; 2 of 10 (20%) is not.
    steady = [A] * 7 + [X] + [A] * 2
    assert place(weekly([N, X] + steady), NOW).pattern is AbsencePattern.CHANGE
    patchy = [A] * 6 + [X] + [A] + [X] + [A]
    assert place(weekly([N, X] + patchy), NOW).pattern is AbsencePattern.FROM_START
    assert place(weekly([N, X] + steady), NOW, Thresholds(steady_missed_share=0.05)).pattern is (
        AbsencePattern.FROM_START)


def test_a_long_steady_history_says_how_long_the_work_has_gone_on():
    # The store reads only the recent sessions: they do not reach back to the start two years ago.
    placement = place(weekly([N, X] + [A] * 20, started_weeks_ago=110), NOW)
    assert placement.pattern is AbsencePattern.CHANGE
    assert placement.reason.startswith("A change: in therapy for 2 years, came steadily to the 20 sessions before; ")


def test_my_cancellations_and_breaks_do_not_spoil_a_steady_record():
    outcomes = [N, X] + [A] * 4 + [CC, R] + [A] * 8 + [X, X, X]  # the last three: 17 to 19 weeks ago
    holiday = Break((NOW - timedelta(weeks=19)).date(), (NOW - timedelta(weeks=17)).date(), "holiday")
    assert place(weekly(outcomes, breaks=(holiday,)), NOW).pattern is AbsencePattern.CHANGE
    assert place(weekly(outcomes), NOW).pattern is AbsencePattern.FROM_START  # 3 of 15 counted: not steady


# ---------------------------------------------------------------- a gap that is not an absence


def test_a_gap_of_my_making_is_not_an_absence_and_says_so():
    # Gareth's three weeks: one cancelled by him, one by me (I was ill), one moved at his request.
    placement = place(weekly([R, CC, X] + [A] * 8), NOW)
    assert placement.group is Group.REGULARS
    assert placement.pattern is AbsencePattern.GAP
    assert placement.reason == ("A gap that is not an absence: last came 4 weeks ago; since then "
                                "1 cancelled by me, 1 moved to another time, never counted, and 1 cancelled.")
    no_database_words(placement.reason)


def test_two_of_their_own_misses_in_the_quiet_days_do_make_an_absentee():
    placement = place(weekly([X, CC, X] + [A] * 8), NOW)
    assert placement.group is Group.ABSENTEES


def test_the_quiet_rule_needs_as_many_of_their_own_misses_as_the_settings_say():
    record = weekly([R, CC, X] + [A] * 8)
    # Their cancellation was 21 days ago: inside a quiet spell of 22 days.
    assert place(record, NOW, Thresholds(quiet_min_missed=1, quiet_days=22)).group is Group.ABSENTEES
    assert place(record, NOW, Thresholds(quiet_min_missed=2, quiet_days=22)).group is Group.REGULARS


@pytest.mark.parametrize("days, gap", [(13, False), (14, True)])
def test_a_gap_is_read_from_gap_days(days, gap):
    client = Client(name="Ann", code="AN01", started_on=date(2026, 1, 5), id=1)
    came = [Session(NOW - timedelta(days=days + 7 * i), A) for i in range(6)]
    sessions = [Session(NOW - timedelta(days=days - 3), CC), *came]
    record = ClientRecord(client=client, recent=sessions, last_attended=came[0].starts_at, next_booked=None,
                          open_questions=0, lingering_thoughts=0)
    assert (place(record, NOW).pattern is AbsencePattern.GAP) is gap


def test_sessions_in_my_break_are_neutral_whatever_was_recorded():
    # Two "cancelled" sessions fell in my holiday: they say nothing about the client.
    break_start = (NOW - timedelta(weeks=2, days=1)).date()
    holiday = Break(break_start, break_start + timedelta(days=9), "holiday")
    record = weekly([X, X] + [A] * 8, breaks=(holiday,))
    placement = place(record, NOW)
    assert placement.group is Group.REGULARS
    assert placement.pattern is AbsencePattern.GAP
    assert "2 in my breaks, never counted" in placement.reason
    assert place(weekly([X, X] + [A] * 8), NOW).group is Group.ABSENTEES  # without the break: two misses
    summary = summarise(record, NOW)
    assert summary.in_my_break[-2:] == [True, True] and not any(summary.in_my_break[:-2])
    assert summary.counted_in_window == 5  # 7 in the 8 weeks, 2 of them in my break


# ---------------------------------------------------------------- new clients


@pytest.mark.parametrize("came, new", [(2, True), (3, False)])
def test_new_is_its_own_label_until_new_sessions(came, new):
    placement = place(weekly([A] * came), NOW)
    assert placement.group is Group.REGULARS
    assert placement.new is new
    assert placement.label == ("New" if new else "Regular")


def test_new_sessions_is_a_setting():
    assert place(weekly([A] * 4), NOW, Thresholds(new_sessions=5)).label == "New"


# ---------------------------------------------------------------- the next session that will happen


def test_next_skips_a_scheduled_day_that_already_holds_a_moved_or_cancelled_session():
    client = Client(name="Ann", code="AN01", started_on=date(2026, 1, 5), id=1,
                    schedule="FREQ=WEEKLY;BYDAY=TH;BYHOUR=11;BYMINUTE=0")
    thursday = datetime(2026, 11, 26, 11, 0)
    moved_to = datetime(2026, 11, 27, 10, 0)
    assert next_expected(client, None, NOW) == thursday
    assert next_expected(client, moved_to, NOW, settled={thursday.date()}) == moved_to
    assert next_expected(client, None, NOW, settled={thursday.date()}) == thursday + timedelta(weeks=1)
    holiday = Break(date(2026, 11, 23), date(2026, 12, 4), "holiday")
    assert next_expected(client, None, NOW, breaks=(holiday,)) == datetime(2026, 12, 10, 11, 0)
