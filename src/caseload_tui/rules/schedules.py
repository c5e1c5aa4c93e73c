"""Schedules: RRULEs expanded into expected sessions, described in words, and read from words."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta

from dateutil import rrule
from dateutil.relativedelta import relativedelta

from ..model import Client
from ..model.counting import numbered
from .words import DAY_NAMES, short, time_of_day, weekday_number

DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


# The longest stretch of a schedule expanded at once: at most one session a day, so a few
# thousand at most, however far ahead anything asks.
MAX_SPAN = timedelta(days=3 * 366)


class ScheduleError(ValueError):
    """A schedule that could not be understood; the message is for the user."""


def _rule(client_schedule: str, dtstart: datetime) -> rrule.rrule:
    try:
        rule = rrule.rrulestr(client_schedule, dtstart=dtstart, forceset=False)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise ScheduleError(f"“{short(client_schedule)}” is not a schedule I can read.") from None
    if not isinstance(rule, rrule.rrule):
        raise ScheduleError("A schedule must be a single repeating rule.")
    # dateutil keeps a rule's parsed parts in private attributes that its stubs do not declare.
    parts = vars(rule)
    more_than_daily = any(len(parts[name] or ()) > 1 for name in ("_byhour", "_byminute", "_bysecond"))
    if parts["_freq"] > rrule.DAILY or more_than_daily:
        raise ScheduleError("A schedule repeats at most once a day (daily, weekly or monthly).")
    return rule


def _begun_near(rule: rrule.rrule, start: datetime) -> rrule.rrule:
    """The same rule begun a whole number of its periods later, shortly before `start`.

    Its sessions from `start` on are the same (the week, fortnight or month it repeats on keeps
    its phase), found without walking every session since the first: years of them in a long
    caseload, on every selection of a client. A rule that counts its sessions (COUNT), or a
    monthly one whose day could not fall in every month, is left as it is.
    """
    parts = vars(rule)  # dateutil's parsed parts: private attributes its stubs do not declare
    first: datetime = parts["_dtstart"]
    freq, interval = parts["_freq"], parts["_interval"]
    if parts["_count"] is not None or start <= first:
        return rule
    if freq == rrule.MONTHLY:
        if first.day > 28:
            return rule
        months = (start.year - first.year) * 12 + start.month - first.month
        periods = months // interval - 1
        step = relativedelta(months=interval * periods)
    else:
        days = {rrule.WEEKLY: 7, rrule.DAILY: 1}.get(freq)
        if days is None:
            return rule
        periods = (start - first).days // (days * interval) - 1
        step = relativedelta(days=days * interval * periods)
    return rule.replace(dtstart=first + step) if periods > 0 else rule


def expected_sessions(
    client: Client, start: datetime, end: datetime, limit: int | None = None
) -> list[datetime]:
    """Sessions the client's schedule expects in [start, end), none after their ending."""
    if not client.schedule:
        return []
    rule = _begun_near(_rule(client.schedule, datetime.combine(client.started_on, time())), start)
    if client.ended_on is not None:
        end = min(end, datetime.combine(client.ended_on, time()) + timedelta(days=1))
    end = min(end, start + MAX_SPAN)  # a few years at a time, whatever the caller asks
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
        how = {1: "weekly", 2: "fortnightly"}.get(interval, f"every {numbered(interval, 'week')}")
        if len(days) == 2 and interval == 1:
            how = "twice weekly"
    elif freq == rrule.MONTHLY:
        how = "monthly" if interval == 1 else f"every {numbered(interval, 'month')}"
    elif freq == rrule.DAILY:
        how = "daily" if interval == 1 else f"every {numbered(interval, 'day')}"
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
        elif (day := weekday_number(word, plural=True)) is not None:
            days.append(DAY_CODES[day])
        elif (typed := time_of_day(word, ScheduleError)) is not None:
            clock = typed
        else:
            raise ScheduleError(
                f"I didn't understand “{short(word)}” in the schedule. "
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
