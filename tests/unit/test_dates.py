"""Typed dates: 'today', 'tue', 'last fri', '3 dec', '2026-12-03', '3/12', with a fixed today."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from caseload_tui.rules import DateError, parse_day, parse_moment

WEDNESDAY = date(2026, 11, 25)
TUESDAY = date(2026, 11, 24)
NINE = time(9, 0)


@pytest.mark.parametrize(
    ("typed", "past", "future"),
    [
        ("today", WEDNESDAY, WEDNESDAY),
        ("yesterday", date(2026, 11, 24), date(2026, 11, 24)),
        ("tomorrow", date(2026, 11, 26), date(2026, 11, 26)),
        ("tue", date(2026, 11, 24), date(2026, 12, 1)),
        ("tuesday", date(2026, 11, 24), date(2026, 12, 1)),
        ("Tues", date(2026, 11, 24), date(2026, 12, 1)),
        ("wed", WEDNESDAY, date(2026, 12, 2)),  # today is Wednesday
        ("thu", date(2026, 11, 19), date(2026, 11, 26)),
        ("sun", date(2026, 11, 22), date(2026, 11, 29)),
        ("3 dec", date(2025, 12, 3), date(2026, 12, 3)),
        ("dec 3", date(2025, 12, 3), date(2026, 12, 3)),
        ("20 nov", date(2026, 11, 20), date(2027, 11, 20)),
        ("25 nov", WEDNESDAY, WEDNESDAY),
        ("3/12", date(2025, 12, 3), date(2026, 12, 3)),  # day first
        ("3 dec 2026", date(2026, 12, 3), date(2026, 12, 3)),
        ("2026-12-03", date(2026, 12, 3), date(2026, 12, 3)),  # ISO: never day first
        ("2026-01-02", date(2026, 1, 2), date(2026, 1, 2)),
        ("  Today  ", WEDNESDAY, WEDNESDAY),
    ],
)
def test_parse_day(typed, past, future):
    assert parse_day(typed, WEDNESDAY) == past
    assert parse_day(typed, WEDNESDAY, prefer="past") == past
    assert parse_day(typed, WEDNESDAY, prefer="future") == future


def test_weekday_is_today_when_today_is_that_day():
    assert parse_day("tue", TUESDAY) == TUESDAY
    assert parse_day("tue", TUESDAY, prefer="future") == date(2026, 12, 1)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("last fri", date(2026, 11, 20)),
        ("last tue", date(2026, 11, 24)),
        ("next tue", date(2026, 12, 1)),
        ("next wed", date(2026, 12, 2)),
        ("next friday", date(2026, 11, 27)),
    ],
)
def test_last_and_next_override_the_preference(typed, expected):
    assert parse_day(typed, WEDNESDAY, prefer="past") == expected
    assert parse_day(typed, WEDNESDAY, prefer="future") == expected


def test_iso_date_is_never_read_day_first():
    # Day first would make this 12 March.
    assert parse_day("2026-12-03", WEDNESDAY) == date(2026, 12, 3)
    assert parse_day("2026-03-12", WEDNESDAY) == date(2026, 3, 12)


@pytest.mark.parametrize("typed", ["2026-12-3", "2026/12/03"])
def test_year_first_dates_are_never_read_day_first(typed):
    assert parse_day(typed, WEDNESDAY) == date(2026, 12, 3)


@pytest.mark.parametrize(
    "typed",
    ["2026-02-30", "2026-13-01", "31/2", "31 nov", "0 dec", "banana", "tuesdays", "last",
     "next banana", "3 decembre", "2026-1-1x"],
)
def test_impossible_or_unreadable_dates(typed):
    with pytest.raises(DateError) as caught:
        parse_day(typed, WEDNESDAY)
    message = str(caught.value)
    assert "couldn't read" in message
    assert typed.strip() in message
    assert "today" in message and "3 dec" in message  # says what would work


@pytest.mark.parametrize("typed", ["32 dec", "45 dec", "32/12"])
def test_a_day_number_past_the_end_of_the_month_is_refused(typed):
    with pytest.raises(DateError):
        parse_day(typed, WEDNESDAY)


def test_a_two_digit_year_is_kept():
    assert parse_day("3 dec 26", WEDNESDAY) == date(2026, 12, 3)


@pytest.mark.parametrize("typed", ["", "   ", "\t"])
def test_empty_date(typed):
    with pytest.raises(DateError) as caught:
        parse_day(typed, WEDNESDAY)
    assert "Please type a date" in str(caught.value)


@pytest.mark.parametrize(
    "typed",
    ["\x1b[2J", "tue\x07", "\x9b31m", "\u202eced 3", "\x1b]52;c;aGk=\x07"],
)
def test_error_quotes_what_was_typed_with_controls_made_visible(typed):
    with pytest.raises(DateError) as caught:
        parse_day(typed, WEDNESDAY)
    message = str(caught.value)
    for char in "\x1b\x07\x9b\u202e":
        assert char not in message
    assert "\ufffd" in message
    printable = "".join(c for c in typed if c.isprintable())
    assert printable.lower() in message.lower()


def test_error_quotes_only_a_little_of_a_long_entry():
    typed = "x" * 500
    with pytest.raises(DateError) as caught:
        parse_day(typed, WEDNESDAY)
    message = str(caught.value)
    assert "…" in message
    assert len(message) < 200


# ---------------------------------------------------------------- with a time


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("today", datetime(2026, 11, 25, 9, 0)),
        ("today 14:00", datetime(2026, 11, 25, 14, 0)),
        ("tue 14:00", datetime(2026, 11, 24, 14, 0)),
        ("yesterday 9pm", datetime(2026, 11, 24, 21, 0)),
        ("3 dec 9:30", datetime(2025, 12, 3, 9, 30)),
        ("2026-12-03 14:00", datetime(2026, 12, 3, 14, 0)),
        ("last fri 8am", datetime(2026, 11, 20, 8, 0)),
        ("today 12pm", datetime(2026, 11, 25, 12, 0)),
        ("tue 10", datetime(2026, 11, 24, 10, 0)),  # a bare hour after a named day
        ("dec 3", datetime(2025, 12, 3, 9, 0)),  # ... but a day of the month after a month
        ("9:30am", datetime(2026, 11, 25, 9, 30)),
    ],
)
def test_parse_moment(typed, expected):
    assert parse_moment(typed, WEDNESDAY, NINE) == expected


def test_parse_moment_prefers_the_future_when_asked():
    assert parse_moment("tue 10:00", WEDNESDAY, NINE, prefer="future") == datetime(2026, 12, 1, 10, 0)
    assert parse_moment("3 dec", WEDNESDAY, NINE, prefer="future") == datetime(2026, 12, 3, 9, 0)


@pytest.mark.parametrize("typed", ["today 25:00", "today 10:75", "today 13pm", "25:00"])
def test_parse_moment_refuses_an_impossible_time(typed):
    with pytest.raises(DateError) as caught:
        parse_moment(typed, WEDNESDAY, NINE)
    assert "time of day" in str(caught.value)


@pytest.mark.parametrize("typed", ["banana 10:00", "", "2026-02-30 10:00"])
def test_parse_moment_refuses_an_unreadable_day(typed):
    with pytest.raises(DateError):
        parse_moment(typed, WEDNESDAY, NINE)


def test_twelve_am_is_midnight():
    assert parse_moment("today 12am", WEDNESDAY, NINE) == datetime(2026, 11, 25, 0, 0)


def test_a_time_on_its_own_is_not_silently_dropped():
    try:
        moment = parse_moment("14:00", WEDNESDAY, NINE)
    except DateError:
        return  # refusing it is fine too
    assert moment == datetime(2026, 11, 25, 14, 0)
