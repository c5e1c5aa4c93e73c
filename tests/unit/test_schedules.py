"""Schedules: RRULEs expanded into expected sessions, described in words, typed in words."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from caseload_tui.model import Client
from caseload_tui.rules import (
    ScheduleError,
    describe_schedule,
    expected_sessions,
    parse_schedule,
    shift_schedule_days,
)

JAN = (datetime(2026, 1, 1), datetime(2026, 2, 1))


def client(schedule: str, started_on: date = date(2026, 1, 5), ended_on: date | None = None) -> Client:
    # 5 Jan 2026 is a Monday.
    return Client(name="Ann", code="AN01", started_on=started_on, ended_on=ended_on, schedule=schedule)


# ---------------------------------------------------------------- expected sessions


def test_weekly_on_tuesdays():
    found = expected_sessions(client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0"), *JAN)
    assert found == [datetime(2026, 1, d, 10, 0) for d in (6, 13, 20, 27)]


def test_fortnightly_counts_from_the_start_date():
    found = expected_sessions(client("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=30"),
                              datetime(2026, 1, 1), datetime(2026, 2, 15))
    assert found == [datetime(2026, 1, 8, 18, 30), datetime(2026, 1, 22, 18, 30),
                     datetime(2026, 2, 5, 18, 30)]


def test_twice_weekly():
    found = expected_sessions(client("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0"),
                              datetime(2026, 1, 5), datetime(2026, 1, 19))
    assert found == [datetime(2026, 1, 5, 9), datetime(2026, 1, 8, 9),
                     datetime(2026, 1, 12, 9), datetime(2026, 1, 15, 9)]


LONG_RUNNING = [
    "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0",
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=30",
    "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,FR;BYHOUR=9;BYMINUTE=15",
    "FREQ=WEEKLY;BYHOUR=12;BYMINUTE=0",
    "FREQ=MONTHLY;BYDAY=2WE;BYHOUR=17;BYMINUTE=0",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR;BYHOUR=11;BYMINUTE=0",
    "FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=8;BYMINUTE=0",
    "FREQ=MONTHLY;BYHOUR=8;BYMINUTE=0",
    "FREQ=DAILY;INTERVAL=3;BYHOUR=7;BYMINUTE=0",
    "FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0;COUNT=900",
    "FREQ=WEEKLY;BYDAY=WE;BYHOUR=10;BYMINUTE=0;UNTIL=20270101T000000",
]


@pytest.mark.parametrize("schedule", LONG_RUNNING)
@pytest.mark.parametrize("started_on", [date(2006, 3, 7), date(2019, 1, 31), date(2025, 12, 29)])
def test_a_schedule_of_many_years_expects_what_walking_it_from_the_start_finds(schedule, started_on):
    from dateutil import rrule

    whole = rrule.rrulestr(schedule, dtstart=datetime(started_on.year, started_on.month, started_on.day))
    for start in (datetime(2026, 1, 1), datetime(2026, 2, 28, 23, 0), datetime(2026, 12, 2, 10, 0)):
        end = datetime(start.year + 1, 6, 1)
        walked = [when for when in whole.between(start, end, inc=True) if when < end]
        assert expected_sessions(client(schedule, started_on), start, end) == walked


def test_nothing_before_the_start_date():
    found = expected_sessions(client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", started_on=date(2026, 1, 14)), *JAN)
    assert found == [datetime(2026, 1, 20, 10), datetime(2026, 1, 27, 10)]


def test_nothing_after_the_work_ended():
    found = expected_sessions(
        client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", ended_on=date(2026, 1, 20)), *JAN
    )
    assert found == [datetime(2026, 1, 6, 10), datetime(2026, 1, 13, 10), datetime(2026, 1, 20, 10)]
    assert all(s.date() <= date(2026, 1, 20) for s in found)


def test_ended_before_the_range_expects_nothing():
    found = expected_sessions(
        client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", ended_on=date(2025, 12, 30),
               started_on=date(2025, 6, 2)),
        *JAN,
    )
    assert found == []


def test_range_includes_its_start_and_excludes_its_end():
    schedule = client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10")
    found = expected_sessions(schedule, datetime(2026, 1, 6, 10), datetime(2026, 1, 20, 10))
    assert found == [datetime(2026, 1, 6, 10), datetime(2026, 1, 13, 10)]


def test_limit():
    found = expected_sessions(client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"), *JAN, limit=1)
    assert found == [datetime(2026, 1, 6, 10)]


def test_no_schedule_expects_nothing():
    assert expected_sessions(client(""), *JAN) == []


def test_an_unreadable_schedule_is_a_schedule_error():
    with pytest.raises(ScheduleError):
        expected_sessions(client("FREQ=SOMETIMES"), *JAN)


# ---------------------------------------------------------------- in words


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "weekly, Tuesdays 10:00"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0", "weekly, Tuesdays 10:00"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=30", "fortnightly, Thursdays 18:30"),
        ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9", "twice weekly, Mondays and Thursdays 09:00"),
        ("FREQ=WEEKLY;BYDAY=TH,MO;BYHOUR=9", "twice weekly, Mondays and Thursdays 09:00"),
        ("FREQ=WEEKLY;INTERVAL=3;BYDAY=FR", "every 3 weeks, Fridays"),
        ("FREQ=WEEKLY;BYDAY=WE", "weekly, Wednesdays"),
        ("FREQ=MONTHLY", "monthly"),
        ("FREQ=MONTHLY;BYDAY=+1TU;BYHOUR=10;BYMINUTE=0", "monthly, first Tuesday 10:00"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "monthly, last Friday"),
        ("FREQ=WEEKLY;BYHOUR=9", "weekly 09:00"),
        ("", "no regular schedule"),
    ],
)
def test_describe_schedule(rule, words):
    assert describe_schedule(rule) == words


def test_describe_a_weekly_rule_without_a_day_does_not_invent_one():
    # FREQ=WEEKLY alone repeats on the client's start weekday, which the rule
    # itself does not say; describing it as "Mondays" tells the clinician a wrong day.
    assert "Monday" not in describe_schedule("FREQ=WEEKLY")


def test_describe_an_unreadable_schedule_is_a_schedule_error():
    with pytest.raises(ScheduleError):
        describe_schedule("FREQ=SOMETIMES")


# ---------------------------------------------------------------- typed in words


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("weekly tue 10:00", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0"),
        ("Weekly Tuesday 10:00", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0"),
        ("tuesdays at 10am", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0"),
        ("fortnightly thursday 6pm", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=0"),
        ("fortnightly thu 18:30", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=30"),
        ("mon and thu 9:30", "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30"),
        ("mon, thu, 9:30", "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=30"),
        ("every friday", "FREQ=WEEKLY;BYDAY=FR"),
        ("weekly tue 12pm", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=12;BYMINUTE=0"),
        ("weekly tue 12am", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=0;BYMINUTE=0"),
        ("mondays and thurs 9am", "FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9;BYMINUTE=0"),
        ("weekly tues", "FREQ=WEEKLY;BYDAY=TU"),
        ("monthly tue 10:00", "FREQ=MONTHLY;BYDAY=+1TU;BYHOUR=10;BYMINUTE=0"),
        ("monthly on the last fri", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("monthly", "FREQ=MONTHLY"),
        ("", ""),
        ("   ", ""),
    ],
)
def test_parse_schedule_from_words(typed, rule):
    assert parse_schedule(typed) == rule


def test_words_and_their_description_agree():
    assert describe_schedule(parse_schedule("weekly tue 10:00")) == "weekly, Tuesdays 10:00"
    assert describe_schedule(parse_schedule("fortnightly thu 18:30")) == "fortnightly, Thursdays 18:30"
    assert describe_schedule(parse_schedule("monthly tue 10:00")) == "monthly, first Tuesday 10:00"
    # ... and the description can be typed back (the client form shows it that way).
    assert parse_schedule("monthly first Tuesday 10:00") == parse_schedule("monthly tue 10:00")


@pytest.mark.parametrize(
    ("typed", "rule"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"),
        ("RRULE:FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"),
        ("freq=weekly;interval=2;byday=th", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
    ],
)
def test_parse_schedule_accepts_a_raw_rrule(typed, rule):
    assert parse_schedule(typed) == rule


@pytest.mark.parametrize(
    "typed",
    [
        "whenever",
        "weekly",  # no day
        "10:00",  # no day
        "weekly tue 25:00",
        "weekly tue 10:75",
        "FREQ=SOMETIMES",
        "FREQ=WEEKLY;BYDAY=XX",
        "RRULE:nonsense",
        "weekly tue; DROP TABLE clients",
        "weekly tue 13pm",
        "weekly tue 0am",
        "first tue",  # an ordinal only makes sense monthly
    ],
)
def test_parse_schedule_refuses_garbage(typed):
    with pytest.raises(ScheduleError) as caught:
        parse_schedule(typed)
    assert str(caught.value)  # a message for the clinician


def test_schedule_error_quotes_what_was_typed_with_controls_made_harmless():
    with pytest.raises(ScheduleError) as caught:
        parse_schedule("weekly \x1b[2Jtue")
    message = str(caught.value)
    assert "\x1b" not in message
    assert "[2j" in message.lower()


def test_schedule_error_suggests_what_to_type():
    with pytest.raises(ScheduleError) as caught:
        parse_schedule("whenever")
    assert "whenever" in str(caught.value)
    assert "weekly tue 10:00" in str(caught.value)


@pytest.mark.parametrize("typed", ["weekly monkey 10:00", "weekly sunshine", "fridge 9am"])
def test_parse_schedule_refuses_words_that_only_begin_like_a_day(typed):
    with pytest.raises(ScheduleError):
        parse_schedule(typed)


def test_monthly_on_a_weekday_is_once_a_month():
    rule = parse_schedule("monthly tue 10:00")
    found = expected_sessions(client(rule), datetime(2026, 1, 1), datetime(2026, 3, 1))
    assert len(found) == 2
    assert all(d.weekday() == 1 and d.hour == 10 for d in found)


# ---------------------------------------------------------------- moving a schedule with its dates


@pytest.mark.parametrize(
    ("rule", "days", "moved"),
    [
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", 1, "FREQ=WEEKLY;BYDAY=WE;BYHOUR=10"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", -1, "FREQ=WEEKLY;BYDAY=MO;BYHOUR=10"),
        ("FREQ=WEEKLY;BYDAY=MO", -2, "FREQ=WEEKLY;BYDAY=SA"),
        ("FREQ=WEEKLY;BYDAY=SU", 1, "FREQ=WEEKLY;BYDAY=MO"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", 7, "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", -14, "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"),
        ("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", 8, "FREQ=WEEKLY;BYDAY=WE;BYHOUR=10"),
        ("FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=9", 3, "FREQ=WEEKLY;BYDAY=TH,SU;BYHOUR=9"),
        ("FREQ=MONTHLY", 3, "FREQ=MONTHLY"),
        ("FREQ=MONTHLY;BYDAY=+1TU;BYHOUR=10", 1, "FREQ=MONTHLY;BYDAY=+1WE;BYHOUR=10"),
        ("", 3, ""),
    ],
)
def test_shift_schedule_days(rule, days, moved):
    assert shift_schedule_days(rule, days) == moved


def test_shifted_schedule_expects_sessions_on_the_shifted_days():
    original = client("FREQ=WEEKLY;BYDAY=TU;BYHOUR=10")
    moved = client(shift_schedule_days(original.schedule, 3), started_on=date(2026, 1, 8))
    before = expected_sessions(original, *JAN)
    after = expected_sessions(moved, datetime(2026, 1, 4), datetime(2026, 2, 4))
    assert [d.weekday() for d in after] == [4] * len(after)  # Fridays
    assert [(d - b).days for d, b in zip(after, before, strict=True)] == [3] * len(before)
