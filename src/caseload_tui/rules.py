"""Grouping, attendance summaries, schedules and typed dates.

Pure functions: every one that depends on the time is handed `now` (or
`today`); nothing here reads the clock, the disk or the database.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from dateutil import parser as date_parser
from dateutil import rrule
from dateutil.relativedelta import relativedelta, weekday

from .config import Thresholds
from .model import (
    CAME,
    COUNTED,
    MISSED,
    AttendanceSummary,
    Client,
    ClientRecord,
    Group,
    Placement,
    Session,
    Status,
)

STRIP_LENGTH = 8


class DateError(ValueError):
    """A typed date that could not be read; the message is for the user."""


class ScheduleError(ValueError):
    """A schedule that could not be understood; the message is for the user."""


# ---------------------------------------------------------------- grouping


def place(record: ClientRecord, now: datetime, thresholds: Thresholds = Thresholds()) -> Placement:
    """Which group a client belongs to, with the reason in one sentence."""
    client = record.client
    if client.ended_on is not None:
        return Placement(Group.GRADUATES, _graduate_reason(client))
    past = [s for s in record.recent if s.starts_at <= now]
    counted = [s for s in past if s.status in COUNTED]
    streak = _missed_streak(counted)
    window_start = now - relativedelta(weeks=thresholds.window_weeks)
    in_window = [s for s in counted if s.starts_at > window_start]
    missed = sum(1 for s in in_window if s.status in MISSED)
    moved = sum(1 for s in past if s.starts_at > window_start and s.status is Status.RESCHEDULED)
    quiet_start = now - timedelta(days=thresholds.quiet_days)
    recent_counted = [s for s in counted if s.starts_at > quiet_start]
    quiet = bool(recent_counted) and not any(s.status in CAME for s in recent_counted)

    by_streak = streak >= thresholds.missed_in_a_row
    by_share = (
        len(in_window) >= thresholds.min_scheduled_in_window
        and missed / len(in_window) >= thresholds.missed_share - 1e-9
    )
    if by_streak or by_share or quiet:
        parts = []
        if by_share or by_streak:
            if in_window and missed:
                parts.append(f"missed {missed} of the last {_sessions(len(in_window))}")
                if streak >= 2:
                    parts.append(f"{streak} in a row")
            else:
                parts.append(f"missed the last {streak} sessions in a row")
        else:
            due = len(recent_counted)
            text = (f"has not come in {thresholds.quiet_days} days, though "
                    f"{_sessions(due, article=False)} fell in that time")
            if record.last_attended is not None:
                text += f" (last came {ago(record.last_attended, now)})"
            parts.append(text)
        parts.append("none rescheduled" if moved == 0 else f"{moved} moved to another time")
        return Placement(Group.ABSENTEES, _sentence(", ".join(parts)))

    if len(counted) < thresholds.min_scheduled_in_window:
        since = client.started_on.strftime("%-d %b %Y")
        done = sum(1 for s in counted if s.status in CAME)
        so_far = "no sessions yet" if done == 0 else f"{_sessions(done, article=False)} so far"
        return Placement(Group.REGULARS, _sentence(f"new since {since}, {so_far}"))
    came = len(in_window) - missed
    if in_window:
        text = f"came to {came} of the last {_sessions(len(in_window))}"
    else:
        text = f"no sessions in the last {thresholds.window_weeks} weeks"
    if record.last_attended is not None:
        text += f"; last came {ago(record.last_attended, now)}"
    return Placement(Group.REGULARS, _sentence(text))


def _graduate_reason(client: Client) -> str:
    when = client.ended_on.strftime("%-d %b %Y") if client.ended_on else "?"
    kind = f" ({client.ending_kind.label})" if client.ending_kind else ""
    return f"Work ended on {when}{kind}."


def _missed_streak(counted_newest_first: list[Session]) -> int:
    streak = 0
    for session in counted_newest_first:
        if session.status not in MISSED:
            break
        streak += 1
    return streak


def _sessions(n: int, article: bool = True) -> str:
    if article:
        return f"{n} session" if n == 1 else f"{n} sessions"
    return "1 session" if n == 1 else f"{n} sessions"


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def ago(when: datetime | date, now: datetime) -> str:
    """'today', 'yesterday', '4 days ago', '3 weeks ago', in words."""
    days = (now.date() - (when.date() if isinstance(when, datetime) else when)).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{days} days ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"


def since_short(when: datetime | date | None, now: datetime) -> str:
    """The list's compact 'last seen': 'today', '4d', '3w', '5mo', '2y'."""
    if when is None:
        return "–"
    days = (now.date() - (when.date() if isinstance(when, datetime) else when)).days
    if days <= 0:
        return "today"
    if days < 14:
        return f"{days}d"
    if days < 60:
        return f"{days // 7}w"
    if days < 730:
        return f"{days // 30}mo"
    return f"{days // 365}y"


# ---------------------------------------------------------------- attendance


def summarise(
    record: ClientRecord, now: datetime, thresholds: Thresholds = Thresholds()
) -> AttendanceSummary:
    """Last attended, next expected, missed share in the window and the strip."""
    past = [s for s in record.recent if s.starts_at <= now]
    window_start = now - relativedelta(weeks=thresholds.window_weeks)
    counted = [s for s in past if s.status in COUNTED and s.starts_at > window_start]
    missed = sum(1 for s in counted if s.status in MISSED)
    outcomes: list[Status | None] = [s.status for s in reversed(past[:STRIP_LENGTH])]
    strip = [None] * (STRIP_LENGTH - len(outcomes)) + outcomes
    return AttendanceSummary(
        last_attended=record.last_attended,
        next_expected=next_expected(record.client, record.next_booked, now),
        missed_share=(missed / len(counted)) if counted else None,
        counted_in_window=len(counted),
        missed_in_window=missed,
        strip=strip,
    )


def next_expected(client: Client, next_booked: datetime | None, now: datetime) -> datetime | None:
    """The sooner of the next booked session and the next one the schedule expects."""
    if not client.active:
        return None
    candidates = [next_booked] if next_booked else []
    if client.schedule:
        try:
            upcoming = expected_sessions(client, now, now + relativedelta(months=3), limit=1)
        except ScheduleError:
            upcoming = []
        candidates += upcoming
    return min(candidates) if candidates else None


# ---------------------------------------------------------------- schedules

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


def _weekday_number(word: str, plural: bool = False) -> int | None:
    """0 to 6 for a day's name or the start of it ('mon', 'tues', 'thurs'), else None.

    With plural=True, 'mondays' and the like are days too.
    """
    for number, name in enumerate(DAY_NAMES):
        name = name.lower()
        if (len(word) >= 3 and name.startswith(word)) or (plural and word == name + "s"):
            return number
    return None


def _rule(client_schedule: str, dtstart: datetime) -> rrule.rrule:
    try:
        rule = rrule.rrulestr(client_schedule, dtstart=dtstart, forceset=False)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ScheduleError(f"“{_short(client_schedule)}” is not a schedule I can read.") from None
    if not isinstance(rule, rrule.rrule):
        raise ScheduleError("A schedule must be a single repeating rule.")
    return rule


def expected_sessions(
    client: Client, start: datetime, end: datetime, limit: int | None = None
) -> list[datetime]:
    """Sessions the client's schedule expects in [start, end), none after their ending."""
    if not client.schedule:
        return []
    rule = _rule(client.schedule, datetime.combine(client.started_on, time()))
    if client.ended_on is not None:
        end = min(end, datetime.combine(client.ended_on, time()) + timedelta(days=1))
    found: list[datetime] = []
    for occurrence in rule.xafter(start, inc=True):
        if occurrence >= end or (limit is not None and len(found) >= limit):
            break
        found.append(occurrence)
    return found


def describe_schedule(schedule: str) -> str:
    """An RRULE in words: 'weekly, Tuesdays 10:00'."""
    if not schedule:
        return "no regular schedule"
    # dateutil keeps a rule's parsed parts in private attributes that its stubs do not declare.
    parts = vars(_rule(schedule, datetime(2000, 1, 3)))
    freq: int = parts["_freq"]
    interval: int = parts["_interval"]
    byweekday: tuple[int, ...] = parts["_byweekday"] or ()
    bynweekday: tuple[tuple[int, int], ...] = parts["_bynweekday"] or ()
    byhour: tuple[int, ...] = parts["_byhour"] or ()
    byminute: tuple[int, ...] = parts["_byminute"] or ()
    # Without BYDAY, dateutil fills in the weekday of the start date, which the rule does not say.
    days = sorted(byweekday) if "BYDAY" in schedule.upper() else []
    if freq == rrule.WEEKLY:
        how = {1: "weekly", 2: "fortnightly"}.get(interval, f"every {interval} weeks")
        if len(days) == 2 and interval == 1:
            how = "twice weekly"
    elif freq == rrule.MONTHLY:
        how = "monthly" if interval == 1 else f"every {interval} months"
    elif freq == rrule.DAILY:
        how = "daily" if interval == 1 else f"every {interval} days"
    else:
        how = "repeating"
    named = [DAY_NAMES[d] + "s" for d in days]
    named += [f"{ORDINALS.get(n, f'number {n}')} {DAY_NAMES[d]}" for d, n in sorted(bynweekday)]
    text = how
    if named:
        text += ", " + " and ".join(named)
    hours, minutes = sorted(byhour), sorted(byminute)
    if hours and "BYHOUR" in schedule.upper():
        minute = minutes[0] if minutes and "BYMINUTE" in schedule.upper() else 0
        text += f" {hours[0]:02d}:{minute:02d}"
    return text


_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")


def _time_of_day(word: str, error: type[ValueError]) -> time | None:
    """'10:00', '9:30', '6pm', '12am' as a time; None for a word not shaped like a time.

    A word shaped like a time that is none ('25:00', '10:75', '13pm') raises `error`.
    """
    match = _TIME.match(word.lower())
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if not (1 <= hour <= 12 if half else hour <= 23) or minute > 59:
        raise error(f"“{_short(word)}” is not a time of day.")
    if half:  # 12am is midnight, 12pm noon
        hour = hour % 12 + (12 if half == "pm" else 0)
    return time(hour, minute)


def parse_schedule(text: str) -> str:
    """Words such as 'weekly tue 10:00' or 'fortnightly thursday 6pm' to an RRULE.

    A raw RRULE (FREQ=...) is accepted as it is once it has been checked.
    Empty text means no regular schedule.
    """
    text = text.strip()
    if not text:
        return ""
    if text.upper().startswith(("FREQ=", "RRULE:")):
        body = text.split(":", 1)[1] if text.upper().startswith("RRULE:") else text
        _rule(body, datetime(2000, 1, 3))
        return body.upper()
    freq, interval, days, clock, nth = "WEEKLY", 1, [], None, None
    ordinals = {word: n for n, word in ORDINALS.items()}
    for word in re.split(r"[\s,]+", text.lower()):
        if not word or word in ("on", "at", "every", "and", "s", "the", "of"):
            continue
        if word in ("weekly", "week"):
            continue
        if word in ("fortnightly", "biweekly"):
            interval = 2
        elif word in ("monthly", "month"):
            freq = "MONTHLY"
        elif word in ordinals:
            nth = ordinals[word]
        elif (day := _weekday_number(word, plural=True)) is not None:
            days.append(DAY_CODES[day])
        elif (typed := _time_of_day(word, ScheduleError)) is not None:
            clock = typed
        else:
            raise ScheduleError(
                f"I didn't understand “{_short(word)}” in the schedule. "
                "Try something like “weekly tue 10:00” or “fortnightly thu 18:30”."
            )
    if not days and freq == "WEEKLY":
        raise ScheduleError("Say which day, for example “weekly tue 10:00”.")
    if nth is not None and freq != "MONTHLY":
        raise ScheduleError(
            f"“{ORDINALS[nth]}” goes with a monthly schedule, as in “monthly first tue 10:00”."
        )
    if freq == "MONTHLY":
        # Once a month: on the first (or the named) such weekday, not on every one.
        days = [f"{nth or 1:+d}{code}" for code in days]
    parts = [f"FREQ={freq}"]
    if interval != 1:
        parts.append(f"INTERVAL={interval}")
    if days:
        parts.append("BYDAY=" + ",".join(dict.fromkeys(days)))
    if clock is not None:
        parts += [f"BYHOUR={clock.hour}", f"BYMINUTE={clock.minute}"]
    return ";".join(parts)


def shift_schedule_days(schedule: str, days: int) -> str:
    """Move a weekly rule's days along with dates shifted by `days`."""
    if not schedule or days % 7 == 0:
        return schedule

    def move(match: re.Match[str]) -> str:
        codes = []
        for code in match.group(1).split(","):  # 'TU', or '+1TU' for a month's first Tuesday
            nth, day = code[:-2], code[-2:]
            codes.append(nth + DAY_CODES[(DAY_CODES.index(day) + days) % 7])
        return "BYDAY=" + ",".join(codes)

    code = r"[+-]?\d*(?:MO|TU|WE|TH|FR|SA|SU)"
    return re.sub(rf"BYDAY=({code}(?:,{code})*)", move, schedule)


# ---------------------------------------------------------------- typed dates

_RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def parse_day(text: str, today: date, prefer: str = "past") -> date:
    """A typed day: 'today', 'yesterday', 'tue', 'last fri', '3 dec', '3/12', '2026-12-03'.

    With prefer='past' a weekday or a day without a year means the most recent
    one (today included); with prefer='future', the next one. Numbers are read
    day first ('3/12' is 3 December), except after a four-digit year.
    """
    cleaned = " ".join(text.strip().lower().split())
    if not cleaned:
        raise DateError("Please type a date, for example “today”, “tue” or “3 dec”.")
    if cleaned in _RELATIVE_DAYS:
        return today + timedelta(days=_RELATIVE_DAYS[cleaned])
    words = cleaned.split()
    direction = prefer
    if len(words) == 2 and words[0] in ("last", "next"):
        direction = "past" if words[0] == "last" else "future"
        words = words[1:]
    if len(words) == 1 and (wanted := _weekday_number(words[0])) is not None:
        step = -1 if direction == "past" else +1
        offset = 0 if direction == "past" else 1
        return today + relativedelta(days=offset * step, weekday=weekday(wanted, step))
    year_first = bool(re.match(r"\d{4}(?!\d)", cleaned))
    try:
        parsed = date_parser.parse(
            cleaned, default=datetime.combine(today, time()), yearfirst=year_first, dayfirst=not year_first
        ).date()
    except (ValueError, OverflowError, TypeError):
        raise _date_error(text) from None
    has_year = _gives_a_year(cleaned)
    if not _numbers_all_used(cleaned, parsed, has_year):
        raise _date_error(text)  # '32 dec': dateutil would take 32 for the year 2032
    if not has_year:
        if prefer == "past" and parsed > today:
            parsed -= relativedelta(years=1)
        elif prefer == "future" and parsed < today:
            parsed += relativedelta(years=1)
    return parsed


_MONTH_NAMES = date_parser.parserinfo()


def _gives_a_year(cleaned: str) -> bool:
    """A four-digit year, or a third part after a day and a month: '3/12/26', '3 dec 26'."""
    numbers = re.findall(r"\d+", cleaned)
    return any(len(n) == 4 for n in numbers) or len(numbers) + _names_a_month(cleaned) >= 3


def _names_a_month(cleaned: str) -> bool:
    return any(_MONTH_NAMES.month(word) for word in re.findall(r"[a-z]+", cleaned))


def _numbers_all_used(cleaned: str, parsed: date, has_year: bool) -> bool:
    """Every short number typed is the day, the month or (if one was given) the year read."""
    used = {parsed.day, parsed.month} | ({parsed.year % 100} if has_year else set())
    return all(int(n) in used for n in re.findall(r"\d+", cleaned) if len(n) <= 2)


def parse_moment(text: str, today: date, default_time: time, prefer: str = "past") -> datetime:
    """A typed day with an optional time: 'today', 'tue 14:00', '3 dec 9:30', or '14:00' for today."""
    words = text.strip().split()
    clock = default_time
    if words and _may_end_with_time(words):
        typed = _time_of_day(words[-1], DateError)
        if typed is not None:
            clock, words = typed, words[:-1]
            if not words:
                return datetime.combine(today, clock)
    return datetime.combine(parse_day(" ".join(words), today, prefer), clock)


def _may_end_with_time(words: list[str]) -> bool:
    """'14:00', '9am' and 'tue 10' end with a time; '3', 'dec 3' and '3 dec 26' end with part of a date."""
    if not words[-1].isdigit():
        return True
    day = " ".join(words[:-1]).lower()
    return bool(day) and not re.search(r"\d", day) and not _names_a_month(day)


def _date_error(text: str) -> DateError:
    return DateError(
        f"I couldn't read “{_short(text)}” as a date. "
        "Try “today”, “yesterday”, “tue”, “3 dec” or “2026-12-03”."
    )


def _short(text: str, limit: int = 30) -> str:
    """Echo at most a little of what was typed, with control characters shown, not sent."""
    visible = "".join(c if c.isprintable() else "�" for c in text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


def group_caseload(
    records: list[ClientRecord], now: datetime, thresholds: Thresholds = Thresholds()
) -> dict[Group, list[tuple[ClientRecord, Placement]]]:
    """The whole caseload in its three groups, each client with their placement."""
    groups: dict[Group, list[tuple[ClientRecord, Placement]]] = {g: [] for g in Group}
    for record in records:
        placement = place(record, now, thresholds)
        groups[placement.group].append((record, placement))
    return groups
