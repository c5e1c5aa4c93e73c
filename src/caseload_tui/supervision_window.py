"""The time a supervision covers (since the last one held, or a typed day) and the words for days in it.

Pure: `today` is passed in. `supervision` re-exports all of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta

from .model import SupervisionMeeting
from .model.counting import numbered
from .rules import DateError, days_ago

# Before any supervision has been recorded, the window reaches back this far.
FIRST_WINDOW_WEEKS = 6


# ---------------------------------------------------------------- the window


@dataclass
class Window:
    """The time a supervision covers: from `start` (that day included) to today."""

    start: date
    today: date
    last_meeting: SupervisionMeeting | None  # the last one held, whether or not it set the start
    typed: bool = False  # the start was typed, not taken from the last meeting

    @property
    def start_moment(self) -> datetime:
        return datetime.combine(self.start, time())

    def contains(self, when: datetime | date) -> bool:
        day = when.date() if isinstance(when, datetime) else when
        return self.start <= day <= self.today

    def describe(self, month_only: bool = False) -> str:
        """In a sentence: 'Since the last supervision, on Thu 29 Oct 2026 (4 weeks ago).'

        With `month_only` (a de-identified brief), the month instead of the day: 'in October 2026'."""
        span = _span(self.start, self.today)
        on = f"in {month_words(self.start, None)}" if month_only else f"on {long_day(self.start)}"
        if self.typed:
            return f"Since {month_words(self.start, None) if month_only else long_day(self.start)} ({span})."
        if self.last_meeting is not None:
            return f"Since the last supervision, {on} ({span})."
        start = f"since {month_words(self.start, None)}" if month_only else f"since {long_day(self.start)}"
        return f"The last {numbered(FIRST_WINDOW_WEEKS, 'week')}, {start}: no supervision has been recorded yet."

    def since_words(self, month_only: bool = False) -> str:
        """How reasons and headings refer to the window: 'since 29 Oct' (or 'since the last supervision')."""
        if month_only:
            if self.last_meeting is not None and not self.typed:
                return "since the last supervision"
            return f"since {month_words(self.start, self.today)}"
        return f"since {short_day(self.start, self.today)}"


def last_held(meetings: list[SupervisionMeeting]) -> SupervisionMeeting | None:
    """The most recent meeting that was held (not one only planned)."""
    held = [m for m in meetings if not m.planned]
    return max(held, key=lambda m: (m.held_on, m.id or 0)) if held else None


def current_plan(meetings: list[SupervisionMeeting]) -> SupervisionMeeting | None:
    """The supervision being prepared, if one has been started."""
    planned = [m for m in meetings if m.planned]
    return max(planned, key=lambda m: (m.held_on, m.id or 0)) if planned else None


def make_window(meetings: list[SupervisionMeeting], today: date, since: date | None = None) -> Window:
    """Since the last supervision held (that day included), or since a typed day."""
    last = last_held(meetings)
    if since is not None:
        if since > today:
            raise DateError("The start of the time to cover cannot be after today.")
        return Window(start=since, today=today, last_meeting=last, typed=True)
    if last is not None:
        return Window(start=min(last.held_on, today), today=today, last_meeting=last)
    return Window(start=today - relativedelta(weeks=FIRST_WINDOW_WEEKS), today=today, last_meeting=None)


# ---------------------------------------------------------------- in words


def long_day(day: date) -> str:
    """'Thu 29 Oct 2026'."""
    return day.strftime("%a %-d %b %Y")


def month_words(day: date, today: date | None) -> str:
    """The month alone, as a de-identified brief gives dates: 'October', or 'October 2025' in another year
    (always with its year when `today` is None)."""
    return day.strftime("%B") if today is not None and day.year == today.year else day.strftime("%B %Y")


def short_day(day: date, today: date, weekday: bool = False) -> str:
    """'29 Oct' this year, '29 Oct 2025' another; with weekday=True, 'Thu 29 Oct'."""
    text = day.strftime("%a %-d %b" if weekday else "%-d %b")
    return text if day.year == today.year else f"{text} {day.year}"


def _span(start: date, today: date) -> str:
    return days_ago((today - start).days, years=False)
