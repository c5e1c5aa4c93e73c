"""Grouping rules (DESIGN.md, "Grouping rules"): who is a regular, an absentee or a graduate, and why.

Every test hands rules.place() a hand-built record and a fixed `now`, so the
boundaries (2 in a row, 30% of at least 3, 21 quiet days, the 8-week window)
are exercised exactly.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from dateutil.relativedelta import relativedelta

from caseload_tui.config import Thresholds
from caseload_tui.model import (
    CAME,
    Client,
    ClientRecord,
    Group,
    Session,
    Status,
)
from caseload_tui.rules import ago, group_caseload, place, since_short, summarise

from clock import WEDNESDAY_EVENING

LONG_AGO = date(2025, 1, 6)

A = Status.ATTENDED
L = Status.LATE
X = Status.CANCELLED
LX = Status.LATE_CANCELLED
N = Status.NO_SHOW
CC = Status.CLINICIAN_CANCELLED
R = Status.RESCHEDULED
S = Status.SCHEDULED


def days_ago(n: float) -> datetime:
    return WEDNESDAY_EVENING - timedelta(days=n)


def record(
    sessions: list[tuple[float | datetime, Status]],
    *,
    started_on: date = LONG_AGO,
    ended_on: date | None = None,
    schedule: str = "",
    next_booked: datetime | None = None,
    name: str = "Ann",
) -> ClientRecord:
    """A record as the store builds it: sessions newest first, last_attended from them."""
    built = [
        Session(starts_at=when if isinstance(when, datetime) else days_ago(when), status=status)
        for when, status in sessions
    ]
    built.sort(key=lambda s: s.starts_at, reverse=True)
    came = [s.starts_at for s in built if s.status in CAME and s.starts_at <= WEDNESDAY_EVENING]
    client = Client(
        name=name, code=name[:2].upper() + "01", started_on=started_on, ended_on=ended_on,
        schedule=schedule, id=1,
    )
    return ClientRecord(
        client=client, recent=built, last_attended=max(came, default=None),
        next_booked=next_booked, open_questions=0, lingering_thoughts=0,
    )


def attended(*days: float) -> list[tuple[float, Status]]:
    return [(d, A) for d in days]


# ---------------------------------------------------------------- missed in a row


def test_two_missed_in_a_row_makes_an_absentee():
    # 2 of 8 missed (25%, under the share rule) and the last attended 15 days ago
    # (inside 21 days, so not quiet): only the streak can place them.
    rec = record([(1, N), (8, X)] + attended(15, 22, 29, 36, 43, 50))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert "missed 2 of the last 8 sessions" in placement.reason.lower()
    assert "2 in a row" in placement.reason
    assert "rescheduled" not in placement.reason  # no compliance word, no database word


def test_one_missed_session_is_not_a_streak():
    rec = record([(1, N)] + attended(8, 15, 22, 29, 36, 43, 50))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 7 of the last 8 sessions" in placement.reason.lower()
    assert "last came 8 days ago" in placement.reason


def test_the_reason_from_the_design_is_spelled_out():
    rec = record([(1, N), (8, LX), (15, A), (22, X), (29, A)])
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert placement.reason.startswith("Missed 3 of the last 5 sessions")
    assert "2 in a row" in placement.reason
    assert "rescheduled" not in placement.reason
    assert placement.reason.endswith(".")


@pytest.mark.parametrize("missed", [X, LX, N])
def test_every_kind_of_miss_counts(missed):
    rec = record([(1, missed), (8, missed)] + attended(15, 22, 29, 36, 43, 50))
    assert place(rec, WEDNESDAY_EVENING).group is Group.ABSENTEES


def test_coming_late_counts_as_coming():
    rec = record([(1, L), (8, L), (15, L), (22, A)])
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 4 of the last 4 sessions" in placement.reason.lower()


# ---------------------------------------------------------------- share of the 8-week window


def test_one_of_three_missed_is_over_thirty_percent():
    # The miss is the oldest, so there is no streak and no quiet spell.
    rec = record([(1, A), (8, A), (15, N)])
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert "missed 1 of the last 3 sessions" in placement.reason.lower()
    assert "in a row" not in placement.reason


def test_one_of_four_missed_is_twenty_five_percent_and_regular():
    rec = record([(1, A), (8, A), (15, A), (22, N)])
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 3 of the last 4 sessions" in placement.reason.lower()


def test_exactly_thirty_percent_is_an_absentee():
    # Ten counted sessions five days apart, the three oldest missed: 3/10 = 30%.
    sessions = [(d, A) for d in (1, 6, 11, 16, 21, 26, 31)] + [(d, N) for d in (36, 41, 46)]
    placement = place(record(sessions), WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert "missed 3 of the last 10 sessions" in placement.reason.lower()


def test_twenty_percent_is_regular():
    sessions = [(d, A) for d in (1, 6, 11, 16, 21, 26, 31, 36)] + [(d, N) for d in (41, 46)]
    assert place(record(sessions), WEDNESDAY_EVENING).group is Group.REGULARS


def test_share_needs_three_counted_sessions_in_the_window():
    # Three sessions booked in the window, but one was cancelled by me: 1 missed
    # of 2 counted (50%) is not enough to judge. Older history keeps them from being new.
    rec = record([(1, A), (8, CC), (15, N)] + attended(70, 77, 84))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 1 of the last 2 sessions" in placement.reason.lower()


def test_two_missed_of_three_booked_with_only_two_counted_is_not_judged_by_share():
    # The newest session is not recorded yet, so only 2 are counted; with the
    # streak threshold at 3 and a 7-day quiet rule, nothing else applies.
    thresholds = Thresholds(missed_in_a_row=3, quiet_days=7)
    rec = record([(1, S), (8, N), (15, N)] + attended(70, 77, 84))
    assert place(rec, WEDNESDAY_EVENING, thresholds).group is Group.REGULARS
    # ...whereas a third counted miss makes it a share (and a streak).
    rec = record([(1, N), (8, N), (15, N)] + attended(70, 77, 84))
    assert place(rec, WEDNESDAY_EVENING, thresholds).group is Group.ABSENTEES


def test_a_miss_exactly_eight_weeks_ago_is_outside_the_window():
    boundary = WEDNESDAY_EVENING - relativedelta(weeks=8)
    outside = record([(1, A), (8, A), (boundary, N)])
    placement = place(outside, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 2 of the last 2 sessions" in placement.reason.lower()

    inside = record([(1, A), (8, A), (boundary + timedelta(minutes=1), N)])
    placement = place(inside, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert "missed 1 of the last 3 sessions" in placement.reason.lower()


# ---------------------------------------------------------------- 21 quiet days


# One miss of their own in the quiet days is enough when quiet_min_missed is 1 (the default asks
# for 2: see the tests of absence patterns, where a gap of mine never makes an absentee).
ONE_MISS_IS_QUIET = Thresholds(quiet_min_missed=1)


def test_missed_twenty_days_ago_and_nothing_attended_since_is_quiet():
    rec = record([(20, N)] + attended(28, 35, 42))
    assert place(rec, WEDNESDAY_EVENING).group is Group.REGULARS  # one miss: not yet quiet by default
    placement = place(rec, WEDNESDAY_EVENING, ONE_MISS_IS_QUIET)
    assert placement.group is Group.ABSENTEES
    assert "has not come in" in placement.reason.lower()
    assert "21 days" in placement.reason
    assert "1 session " in placement.reason


def test_attended_twenty_days_ago_is_not_quiet():
    rec = record(attended(20, 28, 35, 42))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "last came 2 weeks ago" in placement.reason


def test_a_miss_exactly_twenty_one_days_ago_is_outside_the_quiet_window():
    rec = record([(21, N)] + attended(28, 35, 42))
    assert place(rec, WEDNESDAY_EVENING, ONE_MISS_IS_QUIET).group is Group.REGULARS


def test_attendance_exactly_twenty_one_days_ago_does_not_break_a_quiet_spell():
    rec = record([(20, N), (21, A), (28, A), (35, A), (42, A)])
    placement = place(rec, WEDNESDAY_EVENING, ONE_MISS_IS_QUIET)
    assert placement.group is Group.ABSENTEES
    assert "has not come in" in placement.reason.lower()
    assert "21 days" in placement.reason


def test_quiet_reason_counts_every_booked_session():
    thresholds = Thresholds(missed_in_a_row=3)
    rec = record([(5, N), (12, X)] + attended(25, 32, 39, 46, 53))
    placement = place(rec, WEDNESDAY_EVENING, thresholds)
    assert placement.group is Group.ABSENTEES
    assert "has not come in" in placement.reason.lower()
    assert "2 sessions" in placement.reason


def test_only_my_cancellations_in_three_weeks_is_not_quiet():
    rec = record([(5, CC), (12, CC), (19, CC)] + attended(26, 33, 40))
    assert place(rec, WEDNESDAY_EVENING).group is Group.REGULARS


def test_no_sessions_at_all_in_three_weeks_is_not_quiet():
    # Nothing was booked, so nothing was missed.
    rec = record(attended(30, 37, 44, 51))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "last came 4 weeks ago" in placement.reason


# ---------------------------------------------------------------- clinician cancellations


def test_my_last_two_cancellations_never_count_against_the_client():
    rec = record([(1, CC), (8, CC)] + attended(15, 22, 29))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert placement.reason == ("A gap that is not an absence: last came 2 weeks ago; "
                                "since then 2 cancelled by me, never counted.")


def test_my_cancellation_between_two_misses_is_neither_counted_nor_a_break():
    rec = record([(1, N), (3, CC), (5, N)] + attended(7, 12, 17, 22, 27))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    # 2 missed of 7 counted: the cancellation is not in the count or the streak.
    assert "missed 2 of the last 7 sessions" in placement.reason.lower()
    assert "2 in a row" in placement.reason
    assert "3 in a row" not in placement.reason


def test_my_cancellations_are_not_in_the_share():
    rec = record([(1, A), (8, CC), (15, CC), (22, CC), (29, A), (36, A)])
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 3 of the last 3 sessions" in placement.reason.lower()


# ---------------------------------------------------------------- moved and unrecorded sessions


def test_sessions_moved_to_another_time_are_not_missed():
    rec = record([(1, R), (8, R)] + attended(15, 22, 29))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "since then 2 moved to another time, never counted" in placement.reason


def test_absentee_reason_says_how_many_were_moved():
    rec = record([(1, N), (8, N), (10, R)] + attended(15, 22, 29, 36, 43, 50))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert "; 1 session moved to another time, not counted." in placement.reason
    assert "rescheduled" not in placement.reason


def test_a_move_between_two_misses_does_not_break_the_streak():
    rec = record([(1, N), (4, R), (8, N)] + attended(15, 22, 29, 36, 43, 50))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.ABSENTEES
    assert "2 in a row" in placement.reason


def test_unrecorded_past_sessions_do_not_count():
    rec = record([(1, S), (8, S)] + attended(15, 22, 29))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 3 of the last 3 sessions" in placement.reason.lower()


def test_sessions_after_now_are_ignored():
    rec = record([(-1, N), (-8, N)] + attended(1, 8, 15))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "came to 3 of the last 3 sessions" in placement.reason.lower()


# ---------------------------------------------------------------- new clients


def test_a_new_client_without_sessions_is_a_regular():
    placement = place(record([], started_on=date(2026, 11, 15)), WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "started 15 nov 2026" in placement.reason.lower() and placement.label == "New"
    assert "no sessions yet" in placement.reason


def test_a_new_client_with_one_session_is_a_regular():
    placement = place(record(attended(3), started_on=date(2026, 11, 15)), WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "started 15 nov 2026" in placement.reason.lower() and placement.label == "New"
    assert "1 session so far" in placement.reason


def test_a_new_client_with_two_sessions_and_a_move_is_a_regular():
    placement = place(record([(2, R)] + attended(5, 12), started_on=date(2026, 11, 1)), WEDNESDAY_EVENING)
    assert placement.group is Group.REGULARS
    assert "started 1 nov 2026" in placement.reason.lower() and placement.label == "New"
    assert "2 sessions so far" in placement.reason


# ---------------------------------------------------------------- graduates


def test_graduates_reason_names_the_day_the_work_ended():
    # Who ended it and how are the episode's, shown in the arc beside its reflection.
    rec = record(attended(60, 67, 74, 81), ended_on=date(2026, 10, 3))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.GRADUATES
    assert placement.reason == "Work ended on 3 Oct 2026."


def test_a_graduate_whatever_their_attendance():
    rec = record([(1, N), (8, N), (15, N), (22, X)], ended_on=date(2026, 11, 24))
    placement = place(rec, WEDNESDAY_EVENING)
    assert placement.group is Group.GRADUATES
    assert "24 Nov 2026" in placement.reason



# ---------------------------------------------------------------- thresholds from the config


def test_three_in_a_row_when_the_clinician_asks_for_three():
    thresholds = Thresholds(missed_in_a_row=3)
    two = record([(1, N), (8, N)] + attended(15, 22, 29, 36, 43, 50))
    assert place(two, WEDNESDAY_EVENING, thresholds).group is Group.REGULARS
    three = record([(1, N), (4, N), (8, N)] + attended(11, 15, 19, 22, 26, 30, 34, 38))
    placement = place(three, WEDNESDAY_EVENING, thresholds)
    assert placement.group is Group.ABSENTEES
    assert "3 in a row" in placement.reason


def test_a_higher_share_threshold():
    rec = record([(1, A), (8, A), (15, N)])
    assert place(rec, WEDNESDAY_EVENING, Thresholds(missed_share=0.5)).group is Group.REGULARS
    rec = record([(1, A), (8, N), (15, N)])
    assert place(rec, WEDNESDAY_EVENING, Thresholds(missed_share=0.5)).group is Group.ABSENTEES


def test_a_shorter_quiet_spell():
    rec = record([(13, N), (20, A), (27, A), (34, A), (41, A), (48, A)])
    assert place(rec, WEDNESDAY_EVENING, ONE_MISS_IS_QUIET).group is Group.REGULARS
    placement = place(rec, WEDNESDAY_EVENING, Thresholds(quiet_days=14, quiet_min_missed=1))
    assert placement.group is Group.ABSENTEES
    assert "has not come in" in placement.reason.lower()
    assert "14 days" in placement.reason


def test_a_shorter_window():
    rec = record([(1, A), (8, A), (20, N)])
    assert place(rec, WEDNESDAY_EVENING).group is Group.ABSENTEES
    placement = place(rec, WEDNESDAY_EVENING, Thresholds(window_weeks=2))
    assert placement.group is Group.REGULARS
    assert "came to 2 of the last 2 sessions" in placement.reason.lower()


def test_more_sessions_needed_before_the_share_applies():
    rec = record([(1, A), (8, A), (15, N)])
    assert place(rec, WEDNESDAY_EVENING, Thresholds(min_scheduled_in_window=4)).group is Group.REGULARS


def test_streak_outside_a_short_window_is_still_explained():
    rec = record([(10, N), (17, N)])
    placement = place(rec, WEDNESDAY_EVENING, Thresholds(window_weeks=1, quiet_days=7))
    assert placement.group is Group.ABSENTEES
    assert "2 sessions in a row" in placement.reason


# ---------------------------------------------------------------- the whole caseload


def test_group_caseload_puts_everyone_in_one_group():
    regular = record(attended(1, 8, 15), name="Ann")
    absentee = record([(1, N), (8, N), (15, A)], name="Bob")
    graduate = record(attended(60), ended_on=date(2026, 9, 1), name="Cat")
    groups = group_caseload([regular, absentee, graduate], WEDNESDAY_EVENING)
    assert set(groups) == set(Group)
    names = {g: [r.client.name for r, _ in members] for g, members in groups.items()}
    assert names == {Group.REGULARS: ["Ann"], Group.ABSENTEES: ["Bob"], Group.GRADUATES: ["Cat"]}
    for members in groups.values():
        for _, placement in members:
            assert placement.reason.endswith(".")
            assert placement.reason[0].isupper()


def test_group_caseload_uses_the_thresholds_given():
    two = record([(1, N), (8, N)] + attended(15, 22, 29, 36, 43, 50))
    groups = group_caseload([two], WEDNESDAY_EVENING, Thresholds(missed_in_a_row=3))
    assert len(groups[Group.REGULARS]) == 1 and not groups[Group.ABSENTEES]


# ---------------------------------------------------------------- attendance summary


def test_strip_is_the_last_eight_oldest_first_padded_with_none():
    rec = record([(1, A), (8, N), (15, CC)])
    summary = summarise(rec, WEDNESDAY_EVENING)
    assert summary.strip == [None, None, None, None, None, CC, N, A]


def test_strip_keeps_only_the_eight_most_recent_past_sessions():
    statuses = [A, N, X, LX, CC, R, S, L, A, A]  # newest first
    rec = record([(1 + 7 * i, st) for i, st in enumerate(statuses)] + [(-3, S)])
    summary = summarise(rec, WEDNESDAY_EVENING)
    assert summary.strip == list(reversed(statuses[:8]))
    assert len(summary.strip) == 8


def test_missed_share_counts_only_counted_sessions_in_the_window():
    rec = record([(1, A), (8, N), (15, CC), (22, R), (29, S), (36, A), (70, N)])
    summary = summarise(rec, WEDNESDAY_EVENING)
    assert summary.counted_in_window == 3
    assert summary.missed_in_window == 1
    assert summary.missed_share == pytest.approx(1 / 3)
    assert summary.last_attended == days_ago(1)


def test_missed_share_is_none_without_counted_sessions():
    summary = summarise(record([(1, CC), (8, S)]), WEDNESDAY_EVENING)
    assert summary.missed_share is None
    assert summary.counted_in_window == 0


WEEKLY_THURSDAY = "FREQ=WEEKLY;BYDAY=TH;BYHOUR=10;BYMINUTE=0"


def test_next_expected_from_the_schedule():
    summary = summarise(record(attended(6), schedule=WEEKLY_THURSDAY), WEDNESDAY_EVENING)
    assert summary.next_expected == datetime(2026, 11, 26, 10, 0)


def test_next_expected_is_the_booked_session_when_it_is_sooner():
    booked = datetime(2026, 11, 26, 9, 0)
    summary = summarise(record(attended(6), schedule=WEEKLY_THURSDAY, next_booked=booked), WEDNESDAY_EVENING)
    assert summary.next_expected == booked


def test_next_expected_is_the_schedule_when_it_is_sooner_than_the_booking():
    booked = datetime(2026, 12, 1, 9, 0)
    summary = summarise(record(attended(6), schedule=WEEKLY_THURSDAY, next_booked=booked), WEDNESDAY_EVENING)
    assert summary.next_expected == datetime(2026, 11, 26, 10, 0)


def test_next_expected_without_schedule_is_the_booking_or_nothing():
    booked = datetime(2026, 12, 1, 9, 0)
    assert summarise(record(attended(6), next_booked=booked), WEDNESDAY_EVENING).next_expected == booked
    assert summarise(record(attended(6)), WEDNESDAY_EVENING).next_expected is None


def test_next_expected_survives_an_unreadable_schedule():
    booked = datetime(2026, 12, 1, 9, 0)
    rec = record(attended(6), schedule="FREQ=SOMETIMES", next_booked=booked)
    assert summarise(rec, WEDNESDAY_EVENING).next_expected == booked


def test_nothing_is_expected_of_a_graduate():
    rec = record(attended(60), schedule=WEEKLY_THURSDAY, ended_on=date(2026, 10, 1),
                 next_booked=datetime(2026, 12, 1, 9, 0))
    assert summarise(rec, WEDNESDAY_EVENING).next_expected is None


# ---------------------------------------------------------------- time in words


@pytest.mark.parametrize(
    ("days", "words", "short"),
    [
        (-3, "today", "today"),
        (0, "today", "today"),
        (1, "yesterday", "1d"),
        (4, "4 days ago", "4d"),
        (13, "13 days ago", "13d"),
        (14, "2 weeks ago", "2w"),
        (59, "8 weeks ago", "8w"),
        (60, "2 months ago", "2mo"),
        (729, "24 months ago", "24mo"),
        (730, "2 years ago", "2y"),
    ],
)
def test_ago_and_since_short(days, words, short):
    when = WEDNESDAY_EVENING - timedelta(days=days)
    assert ago(when, WEDNESDAY_EVENING) == words
    assert ago(when.date(), WEDNESDAY_EVENING) == words
    assert since_short(when, WEDNESDAY_EVENING) == short
    assert since_short(when.date(), WEDNESDAY_EVENING) == short


def test_ago_counts_calendar_days_not_hours():
    late_last_night = datetime(2026, 11, 24, 23, 30)
    assert ago(late_last_night, datetime(2026, 11, 25, 0, 15)) == "yesterday"


def test_since_short_without_a_date():
    assert since_short(None, WEDNESDAY_EVENING) == "–"
