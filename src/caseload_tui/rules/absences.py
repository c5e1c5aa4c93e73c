"""Reading absences, not only counting them: a pattern from the start, a change in a steady
attender, or a gap that is not an absence (docs/ARCHITECTURE.md, "Grouping rules").

Each reading is a sentence in the clinician's words, with a hint of what it may ask of them.
Every function is handed `now`; nothing here reads the clock, the disk or the database.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta
from itertools import takewhile

from ..config import Thresholds
from ..model import CAME, COUNTED, MISSED, AbsencePattern, Break, ClientRecord, Session, Status, numbered


def in_a_break(when: datetime, breaks: Sequence[Break]) -> bool:
    return bool(breaks) and any(b.covers(when) for b in breaks)  # most caseloads: none, and no loop


def counts(session: Session, breaks: Sequence[Break]) -> bool:
    """Whether a session says something about the client: not mine to cancel, not moved, not in my break."""
    return session.status in COUNTED and not (breaks and in_a_break(session.starts_at, breaks))


def tally(statuses: Sequence[Status]) -> str:
    """'3 cancelled, 1 did not come', in the order the forms offer them."""
    counted = Counter(statuses)
    return ", ".join(f"{counted[s]} {s.words.tally}" for s in Status if counted[s])


def then_list(labels: list[str]) -> str:
    """'cancelled, then did not come'; 'cancelled, came, then did not come'."""
    if len(labels) <= 1:
        return "".join(labels)
    return ", ".join(labels[:-1]) + ", then " + labels[-1]


def span(days: int) -> str:
    """A stretch of time in words: 'a few weeks', '7 months', 'a year', '2 years'."""
    if days < 60:
        return "a few weeks"
    if days < 365:
        return numbered(days // 30, "month")
    if days < 730:
        return "a year"
    return numbered(days // 365, "year")


def read_absences(record: ClientRecord, counted: list[Session], now: datetime,
                  thresholds: Thresholds) -> tuple[AbsencePattern, str] | None:
    """How an absentee's misses read: a change in a steady attender, or a pattern from the start.

    None when neither can be said: the sessions read do not reach back to the start, and
    what they show before the misses is too little, or too patchy, to call steady.

    `counted` is the client's counted sessions, newest first. The misses "began" at the
    oldest miss the rules count now (in the window, or the oldest of a run of misses); a
    client who came steadily to enough sessions before that has changed; one whose sessions
    read reach back to the start has missed from the start.
    """
    began = _trouble_began(counted, now, thresholds)
    before = [s for s in counted if s.starts_at < began.starts_at]
    missed_before = sum(1 for s in before if s.status in MISSED)
    steady = (len(before) >= thresholds.steady_sessions
              and missed_before / len(before) <= thresholds.steady_missed_share + 1e-9)
    since = [s for s in counted if s.starts_at >= began.starts_at]
    if steady:
        labels = [s.status.label for s in reversed(since)]
        if len(labels) > 4:
            what = f"missed {sum(1 for s in since if s.status in MISSED)} of {len(since)}"
        else:
            what = then_list(labels)
        # Only the recent sessions are read: say how long the work has gone on, and what was seen of it.
        if _since_the_start(record, before):
            steadily = f"came steadily for {span((began.starts_at.date() - record.client.started_on).days)}"
        else:
            steadily = (f"in therapy for {span((now.date() - record.client.started_on).days)}, "
                        f"came steadily to the {numbered(len(before), 'session')} before")
        return AbsencePattern.CHANGE, (
            f"A change: {steadily}; since {began.starts_at.strftime('%-d %b')}, {what}. Check in?")
    if not _since_the_start(record, counted):
        return None
    came = sum(1 for s in counted if s.status in CAME)
    start = record.client.started_on
    month = start.strftime("%B") if start.year == now.year else start.strftime("%B %Y")
    misses = tally([s.status for s in counted if s.status in MISSED])
    return AbsencePattern.FROM_START, (
        f"From the start: has come to {came} of {len(counted)} since starting in {month} ({misses}). "
        "Ambivalence about the work? Worth naming together.")


def _trouble_began(counted: list[Session], now: datetime, thresholds: Thresholds) -> Session:
    """The oldest miss the rules count now: in the window, or else the oldest of the misses in a row."""
    window_start = now - timedelta(weeks=thresholds.window_weeks)
    in_window = [s for s in counted if s.starts_at > window_start and s.status in MISSED]
    if in_window:
        return in_window[-1]
    streak = list(takewhile(lambda s: s.status in MISSED, counted))
    return streak[-1] if streak else next(s for s in counted if s.status in MISSED)


def _since_the_start(record: ClientRecord, counted: list[Session]) -> bool:
    """Whether the sessions read reach back to the start of the work (the store reads only the recent ones)."""
    if not counted:
        return True
    return (counted[-1].starts_at.date() - record.client.started_on).days <= 14


def read_gap(record: ClientRecord, past: list[Session], now: datetime, thresholds: Thresholds) -> str | None:
    """A regular not seen for a while because of me, my breaks or a move: said, and never counted.

    `past` is every past session, newest first. None when there is no such gap.
    """
    last = record.last_attended
    if last is not None and (now - last).days < thresholds.gap_days:
        return None
    since = [s for s in past if last is None or s.starts_at > last]
    neutral = [s for s in since if not counts(s, record.breaks) and s.status is not Status.SCHEDULED]
    if not neutral:
        return None
    in_break = [s for s in neutral if in_a_break(s.starts_at, record.breaks)]
    parts = [tally([s.status for s in neutral if s not in in_break])] if len(in_break) < len(neutral) else []
    if in_break:
        parts.append(f"{len(in_break)} in my break" if len(in_break) == 1
                     else f"{len(in_break)} in my breaks")
    theirs = tally([s.status for s in since if counts(s, record.breaks) and s.status in MISSED])
    when = "not seen yet" if last is None else f"last came {_weeks_or_days(now, last)}"
    text = f"A gap that is not an absence: {when}; since then {', '.join(p for p in parts if p)}, never counted"
    if theirs:
        text += f", and {theirs}"
    return text + "."


def _weeks_or_days(now: datetime, when: datetime) -> str:
    days = (now.date() - when.date()).days
    return f"{numbered(days, 'day')} ago" if days < 14 else f"{numbered(days // 7, 'week')} ago"
