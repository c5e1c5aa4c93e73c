"""Mind and room read: who I carry most though they come least, who comes steadily yet seldom in mind.

Pure: handed the counts the store made for a window (model/mind.py), it ranks them. A third of
the caseload (at least one client) is the measure of "most" and "least", so the reading follows
the caseload's own spread rather than a fixed number of notes or sessions.
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from ..model.mind import MindAndRoom, MindReading

STEADY_SHARE = 0.8  # came to at least this share of the sessions that counted


def mind_order(row: MindAndRoom) -> tuple[int, int, str]:
    """Most in mind first: more notes, then more words; the code settles a tie."""
    return (-row.notes, -row.words, row.code)


def room_order(row: MindAndRoom) -> tuple[int, int, str]:
    """Least in the room first: fewer sessions come to, then more missed."""
    return (row.came, -row.missed, row.code)


def third(count: int) -> int:
    return max(1, count // 3)


def steady(row: MindAndRoom, typical_came: float) -> bool:
    counted = row.came + row.missed
    return counted > 0 and row.came >= STEADY_SHARE * counted and row.came >= typical_came


def read_mind(rows: Sequence[MindAndRoom], weeks: int) -> MindReading:
    """The clients most in mind first, and the two contrasts (each in its own order)."""
    by_mind = sorted(rows, key=mind_order)
    size = third(len(by_mind))
    most_in_mind = {r.client_id for r in by_mind[:size] if r.notes > 0}
    least_in_mind = {r.client_id for r in by_mind[-size:]} if len(by_mind) > size else set()
    least_in_room = {r.client_id for r in sorted(rows, key=room_order)[:size]}
    typical_came = median([r.came for r in rows]) if rows else 0.0
    carried = tuple(r for r in by_mind if r.client_id in most_in_mind and r.client_id in least_in_room)
    unseen = tuple(sorted(
        (r for r in rows if r.client_id in least_in_mind and r.client_id not in most_in_mind
         and steady(r, typical_came)),
        key=lambda r: (-r.came, r.notes, r.code)))
    return MindReading(weeks=weeks, clients=tuple(by_mind), carried=carried, unseen=unseen)
