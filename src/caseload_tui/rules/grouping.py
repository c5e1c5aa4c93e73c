"""Placing clients: which group each belongs to, with the reason in one sentence.

The rules are those of docs/ARCHITECTURE.md, "Grouping rules". Every function is
handed `now`; nothing here reads the clock, the disk or the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from ..config import Thresholds
from ..model import (
    CAME,
    MISSED,
    AbsencePattern,
    AttendanceTally,
    Client,
    ClientRecord,
    Group,
    Placement,
    Session,
    Status,
    numbered,
)
from .absences import counts, read_absences, read_gap


def place(record: ClientRecord, now: datetime, thresholds: Thresholds = Thresholds()) -> Placement:
    """Which group a client belongs to, with the reason in one sentence and how absences read."""
    client = record.client
    if client.ended_on is not None:
        return Placement(Group.GRADUATES, _graduate_reason(client))
    past = [s for s in record.recent if s.starts_at <= now]
    counted = [s for s in past if counts(s, record.breaks)]
    window_start = now - timedelta(weeks=thresholds.window_weeks)
    in_window = [s for s in counted if s.starts_at > window_start]
    quiet_start = now - timedelta(days=thresholds.quiet_days)
    recent_counted = [s for s in counted if s.starts_at > quiet_start]
    tally = tally_counted(counted, now, thresholds)
    streak, missed = tally.missed_in_a_row, tally.missed_in_window
    by_streak, by_share, quiet = absent_by(tally, thresholds)
    if by_streak or by_share or quiet:
        read = read_absences(record, counted, now, thresholds)
        if read is not None:
            return Placement(Group.ABSENTEES, read[1], pattern=read[0])
        if by_share or by_streak:
            text = f"missed {missed} of the last {_sessions(len(in_window))}" if in_window and missed else (
                f"missed the last {numbered(streak, 'session')} in a row")
            if in_window and missed and streak >= 2:
                text += f", {streak} in a row"
        else:
            # Every session counted in these days was missed (that is what makes it quiet).
            text = (f"has not come in {numbered(thresholds.quiet_days, 'day')} and missed "
                    f"{numbered(len(recent_counted), 'session')} in that time")
            if record.last_attended is not None:
                text += f" (last came {ago(record.last_attended, now)})"
        spoken_of = window_start if by_share or by_streak else quiet_start  # the days the sentence speaks of
        moved = sum(1 for s in past if s.starts_at > spoken_of and s.status is Status.RESCHEDULED)
        if moved:
            text += f"; {numbered(moved, 'session')} moved to another time, not counted"
        return Placement(Group.ABSENTEES, _sentence(text))

    if len(counted) < thresholds.new_sessions:
        since = client.started_on.strftime("%-d %b %Y")
        done = sum(1 for s in counted if s.status in CAME)
        so_far = "no sessions yet" if done == 0 else f"{_sessions(done)} so far"
        return Placement(Group.REGULARS, _sentence(f"started {since}, {so_far}"), new=True)
    gap = read_gap(record, past, now, thresholds)
    if gap is not None:
        return Placement(Group.REGULARS, gap, pattern=AbsencePattern.GAP)
    came = len(in_window) - missed
    if in_window:
        text = f"came to {came} of the last {_sessions(len(in_window))}"
    else:
        text = f"no sessions in the last {numbered(thresholds.window_weeks, 'week')}"
    if record.last_attended is not None:
        text += f"; last came {ago(record.last_attended, now)}"
    return Placement(Group.REGULARS, _sentence(text))


def tally_counted(counted_newest_first: Sequence[Session], now: datetime, thresholds: Thresholds) -> AttendanceTally:
    """What the rules count of a client's counted sessions (newest first); the store counts the same in SQL
    (SessionsMixin.tallies), and tests/store/test_grouping_in_sql.py holds the two to the same groups."""
    window_start = now - timedelta(weeks=thresholds.window_weeks)
    quiet_start = now - timedelta(days=thresholds.quiet_days)
    in_window = [s for s in counted_newest_first if s.starts_at > window_start]
    lately = [s for s in counted_newest_first if s.starts_at > quiet_start]
    return AttendanceTally(
        missed_in_a_row=_missed_streak(counted_newest_first),
        in_window=len(in_window), missed_in_window=sum(1 for s in in_window if s.status in MISSED),
        missed_lately=sum(1 for s in lately if s.status in MISSED),
        came_lately=sum(1 for s in lately if s.status in CAME))


def absent_by(tally: AttendanceTally, thresholds: Thresholds) -> tuple[bool, bool, bool]:
    """Which of the absentee rules hold: (missed in a row, a share missed in the window, quiet lately)."""
    by_streak = tally.missed_in_a_row >= thresholds.missed_in_a_row
    by_share = (tally.in_window >= thresholds.min_scheduled_in_window
                and tally.missed_in_window / tally.in_window >= thresholds.missed_share - 1e-9)
    quiet = tally.missed_lately >= max(1, thresholds.quiet_min_missed) and not tally.came_lately
    return by_streak, by_share, quiet


def group_of(tally: AttendanceTally | None, thresholds: Thresholds = Thresholds()) -> Group:
    """The group of a client from their tally (None: the work has ended): what `place` decides, without the
    reason (made when the client is shown)."""
    if tally is None:
        return Group.GRADUATES
    return Group.ABSENTEES if any(absent_by(tally, thresholds)) else Group.REGULARS


def _graduate_reason(client: Client) -> str:
    when = client.ended_on.strftime("%-d %b %Y") if client.ended_on else "?"
    return f"Work ended on {when}."  # who ended it and how: its episode, in the arc


def _missed_streak(counted_newest_first: Sequence[Session]) -> int:
    streak = 0
    for session in counted_newest_first:
        if session.status not in MISSED:
            break
        streak += 1
    return streak


def _sessions(n: int) -> str:
    return numbered(n, "session")


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + "."


def ago(when: datetime | date, now: datetime) -> str:
    """'today', 'yesterday', '4 days ago', '3 weeks ago', in words."""
    return days_ago((now.date() - (when.date() if isinstance(when, datetime) else when)).days)


def days_ago(days: int, years: bool = True) -> str:
    """So many days back in words: 'today', 'yesterday', '4 days ago', '3 weeks ago', '5 months ago',
    '2 years ago'; with years=False, months however many ('26 months ago')."""
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 14:
        return f"{numbered(days, 'day')} ago"
    if days < 60:
        return f"{numbered(days // 7, 'week')} ago"
    if days < 730 or not years:
        return f"{numbered(days // 30, 'month')} ago"
    return f"{numbered(days // 365, 'year')} ago"


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


def group_caseload(
    records: list[ClientRecord], now: datetime, thresholds: Thresholds = Thresholds()
) -> dict[Group, list[tuple[ClientRecord, Placement]]]:
    """The whole caseload in its three groups, each client with their placement."""
    groups: dict[Group, list[tuple[ClientRecord, Placement]]] = {g: [] for g in Group}
    for record in records:
        placement = place(record, now, thresholds)
        groups[placement.group].append((record, placement))
    return groups
