"""Mind and room read: who I carry most though they come least, who comes steadily yet seldom in mind.

Pure: handed the counts the store made for a window (model/mind.py), it ranks them. A third of
the clients read (at least one) is the measure of "most" and "least", so the reading follows the
caseload's own spread rather than a fixed number of notes or sessions. "Came least" is measured
against the sessions they could have come to (came out of came and missed), never the bare count,
so a client seen fortnightly or only just begun does not look absent. A client with fewer than
COUNTED_AT_LEAST sessions counted in the window is too new to say either of them about, and is
left out of both contrasts (still drawn and listed with the rest).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

from ..model.mind import COUNTED_AT_LEAST, MindAndRoom, MindReading

STEADY_SHARE = 0.8  # came to at least this share of the sessions that counted


def mind_order(row: MindAndRoom) -> tuple[int, int, str]:
    """Most in mind first: more notes, then more words; the code settles a tie."""
    return (-row.notes, -row.words, row.code)


def came_share(row: MindAndRoom) -> float:
    """Of the sessions they could have come to (came or missed), the share they came to."""
    counted = row.came + row.missed
    return row.came / counted if counted else 1.0


def room_order(row: MindAndRoom) -> tuple[float, int, int, str]:
    """Least in the room first: the smallest share of their sessions come to, then more missed, then fewer come."""
    return (came_share(row), -row.missed, row.came, row.code)


def counted_enough(row: MindAndRoom) -> bool:
    return row.came + row.missed >= COUNTED_AT_LEAST


def third(count: int) -> int:
    return max(1, count // 3)


def steady(row: MindAndRoom, typical_came: float) -> bool:
    counted = row.came + row.missed
    return counted > 0 and row.came >= STEADY_SHARE * counted and row.came >= typical_came


def read_mind(rows: Sequence[MindAndRoom], weeks: int) -> MindReading:
    """The clients most in mind first, and the two contrasts (each in its own order), among those counted enough."""
    by_mind = sorted(rows, key=mind_order)
    read = [r for r in by_mind if counted_enough(r)]
    size = third(len(read))
    most_in_mind = {r.client_id for r in read[:size] if r.notes > 0}
    least_in_mind = {r.client_id for r in read[-size:]} if len(read) > size else set()
    least_in_room = {r.client_id for r in sorted(read, key=room_order)[:size] if r.missed > 0}
    typical_came = median([r.came for r in read]) if read else 0.0
    carried = tuple(r for r in read if r.client_id in most_in_mind and r.client_id in least_in_room)
    unseen = tuple(sorted(
        (r for r in read if r.client_id in least_in_mind and r.client_id not in most_in_mind
         and steady(r, typical_came)),
        key=lambda r: (-r.came, r.notes, r.code)))
    return MindReading(weeks=weeks, clients=tuple(by_mind), carried=carried, unseen=unseen)
