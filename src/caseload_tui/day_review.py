"""The day's end review: which sessions to go through, and what the day came to.

Pure functions over a Store handed in; every one is given `now`. Nothing here
knows about the screen: the review screen (tui/screens/review.py) walks the
sessions this module lists and shows the summary it builds.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from . import rules
from .config import Thresholds
from .model import CAME, Client, Group, Placement, Question, Status, Thought

if TYPE_CHECKING:
    from .store import Store

LOOKBACK_DAYS = 14  # how far back a session whose attendance was never recorded is still caught


@dataclass
class ReviewSession:
    """One session to go through: booked, or only expected from the client's schedule."""

    client: Client
    starts_at: datetime
    status: Status = Status.SCHEDULED
    booked: bool = True  # False: the schedule expects it but no session was booked

    @property
    def recorded(self) -> bool:
        return self.status is not Status.SCHEDULED

    @property
    def key(self) -> tuple[int | None, datetime]:
        return (self.client.id, self.starts_at)


@dataclass
class DaySessions:
    today: list[ReviewSession] = field(default_factory=list)
    unrecorded: list[ReviewSession] = field(default_factory=list)  # before today, never recorded

    @property
    def walk(self) -> list[ReviewSession]:
        """The order the review goes through them: today's first, then the ones left over."""
        return self.today + self.unrecorded


def start_of_day(now: datetime) -> datetime:
    return datetime.combine(now.date(), time())


def _in_work(client: Client, day: date) -> bool:
    """A session on `day` belongs to the work: the client is active, or had not yet ended."""
    return client.ended_on is None or day <= client.ended_on


def by_time(session: ReviewSession) -> tuple[datetime, str, int]:
    return (session.starts_at, session.client.name.lower(), session.client.id or 0)


def day_sessions(store: Store, now: datetime) -> DaySessions:
    """Today's sessions, and those of the last 14 days whose attendance was never recorded.

    Today: every session booked today, whatever happened at it, and every
    session an active client's schedule expects today on a day with nothing
    booked for them. Never recorded: sessions before today, in the last 14
    days, still booked as scheduled, or expected by the schedule on a day with
    nothing booked. Each list in order of time.
    """
    today_start = start_of_day(now)
    tomorrow = today_start + timedelta(days=1)
    window_start = today_start - timedelta(days=LOOKBACK_DAYS)
    clients = {c.id: c for c in store.clients()}
    found = DaySessions()

    booked_days: set[tuple[int, date]] = set()
    for appointment in store.appointments_between(window_start, tomorrow):
        client = clients.get(appointment.client_id)
        booked_days.add((appointment.client_id, appointment.starts_at.date()))
        if client is None or not _in_work(client, appointment.starts_at.date()):
            continue
        session = ReviewSession(client, appointment.starts_at, appointment.status, booked=True)
        if appointment.starts_at >= today_start:
            found.today.append(session)
        elif appointment.status is Status.SCHEDULED:
            found.unrecorded.append(session)

    for client in clients.values():
        if not client.active:
            continue
        try:
            expected = rules.expected_sessions(client, window_start, tomorrow)
        except rules.ScheduleError:
            continue  # a schedule that cannot be read expects nothing; the dashboard says why
        for when in expected:
            if (client.id, when.date()) in booked_days:
                continue
            session = ReviewSession(client, when, Status.SCHEDULED, booked=False)
            (found.today if when >= today_start else found.unrecorded).append(session)

    found.today.sort(key=by_time)
    found.unrecorded.sort(key=by_time)
    return found


# ---------------------------------------------------------------- the summary


@dataclass
class Move:
    """A client who changed group today, with where they stood before and why they are where they are."""

    client: Client
    before: Placement
    after: Placement

    def sentence(self, name: str | None = None) -> str:
        """'Melanie is now an absentee: Missed 3 of the last 5 sessions, none rescheduled.'"""
        who = self.client.name if name is None else name
        return f"{who} is now {self.after.group.singular}: {self.after.reason}"


@dataclass
class DaySummary:
    today: list[ReviewSession]  # as they stand now, in order of time
    still_unrecorded: list[ReviewSession]  # today's not yet recorded, then the older ones
    moves: list[Move]
    lingering_today: list[Thought]  # written today and still with me, oldest first
    carried_forward: list[Question]  # still open, for the clients reviewed; by client, oldest first
    to_tell: list[Thought]  # 'tell them I remembered', still lingering, for the clients seen today
    clients: dict[int, Client]

    def tally(self) -> list[tuple[Status, int]]:
        """How today's sessions went, in the order the attendance keys list them."""
        counts = Counter(s.status for s in self.today)
        return [(status, counts[status]) for status in Status if counts[status]]


def placements(store: Store, now: datetime, thresholds: Thresholds = Thresholds()) -> dict[int, Placement]:
    """Every client's group and reason at `now`, by client id."""
    return {r.client.id: rules.place(r, now, thresholds) for r in store.records(now) if r.client.id is not None}


def keep_day_start(store: Store, now: datetime, thresholds: Thresholds = Thresholds(),
                   groups: Mapping[int, Group] | None = None) -> bool:
    """On the day's first opening of the caseload, keep every client's group as the day begins
    (what `moves` compares with); later the same day, nothing. True if they were kept now.

    `groups`: every client's group as the dashboard read them at `now` (CaseloadGroups.groups), so they
    are not counted twice; else they are counted here, as the dashboard counts them (Store.tallies)."""
    if store.kept_day_start(now.date()):
        return False
    if groups is None:
        groups = {client_id: rules.group_of(tally, thresholds)
                  for client_id, tally in store.tallies(now, thresholds)}
    return store.keep_groups_at_day_start(now.date(), groups)


def moves(store: Store, now: datetime, thresholds: Thresholds = Thresholds(),
          before: dict[int, Placement] | None = None) -> list[Move]:
    """Who is in another group now than at the start of the day, by name.

    The start of the day is where each client stood when the caseload was first
    opened today (`keep_day_start`), so whatever moved them since counts: a
    session of an earlier day recorded from the dashboard in the morning too.
    Also the caseload as it stands judged at midnight (so today's sessions
    move a client even with nothing kept), and `before` (the placements when
    the review was opened).
    """
    midnight = start_of_day(now)
    at_midnight = placements(store, midnight, thresholds)
    day_start = store.groups_at_day_start(now.date()) or {}
    found = []
    for record in store.records(now):
        client = record.client
        if client.id is None:
            continue  # not saved: the store gives none such
        after = rules.place(record, now, thresholds)
        earlier = [p for p in (day_start.get(client.id), (before or {}).get(client.id), at_midnight.get(client.id))
                   if p is not None]
        moved_from = next((p for p in earlier if p.group is not after.group), None)
        if moved_from is not None:
            found.append(Move(client, moved_from, after))
    return found


def day_summary(store: Store, now: datetime, thresholds: Thresholds = Thresholds(),
                reviewed: Iterable[int] | None = None,
                before: dict[int, Placement] | None = None) -> DaySummary:
    """What the day came to.

    `reviewed`: the ids of the clients gone through (by default everyone in
    today's list and the never-recorded list); their open questions are the
    ones carried forward. `before`: see `moves`.
    """
    sessions = day_sessions(store, now)
    reviewed_ids = (set(reviewed) if reviewed is not None
                    else {s.client.id for s in sessions.walk if s.client.id is not None})
    seen_ids = {s.client.id for s in sessions.today if s.status in CAME and s.client.id is not None}
    midnight = start_of_day(now)

    lingering_today = [t for t in store.thoughts(lingering_only=True, since=midnight, limit=10_000)
                       if t.written_at <= now]
    carried = store.questions(sorted(reviewed_ids), open_only=True, limit=10_000)
    to_tell = [t for t in store.thoughts(sorted(seen_ids), lingering_only=True, limit=10_000)
               if t.still_to_tell]
    clients = {c.id: c for c in store.clients() if c.id is not None}

    def by_client(question: Question) -> tuple[str, int, datetime, int]:
        client = clients.get(question.client_id) if question.client_id is not None else None
        return (client.name.lower() if client else "", question.client_id or 0, question.asked_at, question.id or 0)

    return DaySummary(
        today=sessions.today,
        still_unrecorded=[s for s in sessions.today if not s.recorded] + sessions.unrecorded,
        moves=moves(store, now, thresholds, before),
        lingering_today=sorted(lingering_today, key=lambda t: (t.written_at, t.id)),
        carried_forward=sorted(carried, key=by_client),
        to_tell=sorted(to_tell, key=lambda t: (t.written_at, t.id)),
        clients=clients,
    )


def questions_for_review(store: Store, client_id: int, now: datetime) -> list[Question]:
    """A client's open questions, and those closed today (so the review shows what it settled)."""
    midnight = start_of_day(now)
    found = store.questions([client_id], limit=10_000)
    kept = [q for q in found if q.closed_at is None or q.closed_at >= midnight]
    return sorted(kept, key=lambda q: (q.asked_at, q.id))


def thoughts_today(store: Store, client_id: int, now: datetime) -> list[Thought]:
    """What was written about a client today, oldest first."""
    found = store.thoughts([client_id], since=start_of_day(now), limit=10_000)
    return sorted(found, key=lambda t: (t.written_at, t.id))
