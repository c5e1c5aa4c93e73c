"""Dates that matter to a client (an anniversary, a loss, a court date, a break), or breaks of mine."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DATES_HEADING = "Dates that matter"
COMING_UP_DAYS = 14  # how far ahead the card and the header look for a date that matters
YEARLY_WORD = "every year"
MY_BREAK_OWNER = "Everyone (a break of mine)"  # a date with no client: it matters to every client


@dataclass
class DateThatMatters:
    falls_on: date  # for a yearly date, the first year it fell (its day and month repeat)
    note: str  # what it is ("anniversary of her father's death")
    client_id: int | None = None  # None: a date of mine (a break) that matters to every client
    yearly: bool = False
    id: int | None = None
    version: int = 1
