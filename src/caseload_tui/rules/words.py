"""What the schedule and date readers share: day names, a time of day, and a short echo of what was typed."""

from __future__ import annotations

import re
from datetime import time

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def weekday_number(word: str, plural: bool = False) -> int | None:
    """0 to 6 for a day's name or the start of it ('mon', 'tues', 'thurs'), else None.

    With plural=True, 'mondays' and the like are days too.
    """
    for number, name in enumerate(DAY_NAMES):
        name = name.lower()
        if (len(word) >= 3 and name.startswith(word)) or (plural and word == name + "s"):
            return number
    return None


_TIME = re.compile(r"^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")


def time_of_day(word: str, error: type[ValueError]) -> time | None:
    """'10:00', '9:30', '6pm', '12am' as a time; None for a word not shaped like a time.

    A word shaped like a time that is none ('25:00', '10:75', '13pm') raises `error`.
    """
    match = _TIME.match(word.lower())
    if not match:
        return None
    hour, minute, half = int(match.group(1)), int(match.group(2) or 0), match.group(3)
    if not (1 <= hour <= 12 if half else hour <= 23) or minute > 59:
        raise error(f"“{short(word)}” is not a time of day.")
    if half:  # 12am is midnight, 12pm noon
        hour = hour % 12 + (12 if half == "pm" else 0)
    return time(hour, minute)


def short(text: str, limit: int = 30) -> str:
    """Echo at most a little of what was typed, with control characters shown, not sent."""
    visible = "".join(c if c.isprintable() else "�" for c in text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"

