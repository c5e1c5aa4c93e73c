"""Caseloads of many shapes, made from a seed, for checking the grouping read in SQL against the rules.

Each shape is a few dozen clients with their own attendance (steady, patchy, from the start, a change,
a run of misses at the end, long gaps, my cancellations, moves), endings, schedules, two sessions at
the same minute now and then, my breaks, and thresholds drawn around their defaults; the `now`s it is
judged at fall on sessions and on the edges of every window the thresholds draw.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from caseload_tui import model as m
from caseload_tui.config import Thresholds
from caseload_tui.store import Store

ANCHOR = datetime(2026, 11, 25, 19, 0)  # a Wednesday evening
SCHEDULES = ("", "", "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=15",
             "FREQ=MONTHLY;BYDAY=1MO;BYHOUR=9")
# How a client's sessions go, as weights over what happens at one: came, late, cancelled, late cancelled,
# did not come, I cancelled, moved, not recorded.
S = m.Status
OUTCOMES = (S.ATTENDED, S.LATE, S.CANCELLED, S.LATE_CANCELLED, S.NO_SHOW, S.CLINICIAN_CANCELLED,
            S.RESCHEDULED, S.SCHEDULED)
TEMPERAMENTS = (
    (80, 5, 3, 1, 1, 4, 4, 2),  # steady
    (40, 5, 20, 10, 15, 3, 5, 2),  # patchy
    (10, 2, 30, 20, 30, 3, 3, 2),  # mostly absent
    (20, 5, 5, 5, 5, 40, 15, 5),  # gaps of mine and moves
    (100, 0, 0, 0, 0, 0, 0, 0),  # only came
    (0, 0, 34, 33, 33, 0, 0, 0),  # only missed
)


@dataclass
class Shape:
    """A caseload made in a store, with the thresholds and the moments to judge it by."""

    store: Store
    thresholds: Thresholds
    nows: list[datetime]


def thresholds(rng: random.Random) -> Thresholds:
    """Around the defaults, within what the settings file accepts (config.RANGES), so every boundary is
    crossed one way or the other somewhere."""
    if rng.random() < 0.3:
        return Thresholds()
    return Thresholds(
        missed_in_a_row=rng.randint(1, 4), missed_share=rng.choice((0.2, 0.25, 0.3, 1 / 3, 0.5, 1.0)),
        window_weeks=rng.randint(1, 12), min_scheduled_in_window=rng.randint(1, 5),
        quiet_days=rng.choice((7, 14, 21, 30, 60, 100)), quiet_min_missed=rng.randint(0, 3),
        steady_sessions=rng.randint(1, 12), steady_missed_share=rng.choice((0.0, 0.1, 0.15, 0.3)),
        gap_days=rng.choice((7, 14, 21, 40)), new_sessions=rng.randint(0, 5))


def make_shape(seed: int, clients: int = 30) -> Shape:
    rng = random.Random(seed)
    store = Store.memory()
    sessions: list[datetime] = []
    for number in range(clients):
        started = (ANCHOR - timedelta(days=rng.choice((3, 20, 60, 200, 400, 900)) + rng.randint(0, 30))).date()
        ended = None
        if rng.random() < 0.25:
            ended = min(ANCHOR.date(), started + timedelta(days=rng.randint(0, 400)))
        client = store.add_client(m.Client(name=f"Client {number:02d}", code=f"C{number:02d}", started_on=started,
                                           ended_on=ended, schedule=rng.choice(SCHEDULES)))
        assert client.id is not None
        sessions += _sessions(rng, store, client.id, started)
    for _ in range(rng.choice((0, 0, 1, 2))):
        starts = ANCHOR.date() - timedelta(days=rng.randint(0, 120))
        store.add_break(m.Break(starts_on=starts, ends_on=starts + timedelta(days=rng.randint(0, 20)), word="away"))
    return Shape(store, limits := thresholds(rng), _nows(rng, sessions, limits))


def _sessions(rng: random.Random, store: Store, client_id: int, started: date) -> list[datetime]:
    weights = list(rng.choice(TEMPERAMENTS))
    when = datetime.combine(started, datetime.min.time()).replace(hour=rng.choice((9, 10, 14, 18)))
    end = ANCHOR + timedelta(days=rng.choice((0, 14, 30)))
    made = []
    change_at = when + timedelta(days=rng.randint(0, 500)) if rng.random() < 0.4 else None
    while when <= end:
        if change_at is not None and when >= change_at:
            weights, change_at = list(rng.choice(TEMPERAMENTS)), None  # a change: steady, then not
        status = rng.choices(OUTCOMES, weights)[0] if when <= ANCHOR else rng.choice((S.SCHEDULED, S.CANCELLED))
        store.add_appointment(m.Appointment(client_id=client_id, starts_at=when, status=status))
        made.append(when)
        if rng.random() < 0.04:  # two sessions at the same minute (a calendar imported twice)
            store.add_appointment(m.Appointment(client_id=client_id, starts_at=when, status=rng.choice(OUTCOMES)))
        step = rng.choice((7, 7, 7, 3, 14, 2)) if rng.random() > 0.05 else rng.randint(20, 120)  # and long gaps
        when += timedelta(days=step, minutes=rng.choice((0, 0, 0, 30)))
    return made


def _nows(rng: random.Random, sessions: list[datetime], limits: Thresholds) -> list[datetime]:
    """The anchor, a session's very minute, and moments a window's edge falls exactly on a session."""
    past = [s for s in sessions if s <= ANCHOR] or [ANCHOR]
    on_a_session = rng.choice(past)
    return [ANCHOR, on_a_session, on_a_session + timedelta(weeks=limits.window_weeks),
            rng.choice(past) + timedelta(days=limits.quiet_days), rng.choice(past) + timedelta(days=limits.gap_days),
            ANCHOR - timedelta(days=rng.randint(1, 300), minutes=rng.randint(0, 600))]
