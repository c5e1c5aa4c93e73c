"""rules/mind.py: who is most in mind and least in the room, and who is steady yet seldom written about."""

from __future__ import annotations

from caseload_tui.model.mind import MindAndRoom
from caseload_tui.rules.mind import read_mind


def row(n: int, notes: int, came: int, missed: int = 0, words: int = 0) -> MindAndRoom:
    return MindAndRoom(client_id=n, name=f"client {n}", code=f"C{n}", thoughts=notes, words=words,
                       came=came, missed=missed)


def names(rows) -> list[str]:
    return [r.name for r in rows]


def test_much_written_little_come_is_carried_and_steady_little_written_is_unseen():
    rows = [row(1, 9, 2, 5), row(2, 1, 8), row(3, 4, 6, 1), row(4, 3, 5, 1), row(5, 2, 7), row(6, 5, 6)]
    reading = read_mind(rows, 8)
    assert names(reading.clients) == ["client 1", "client 6", "client 3", "client 4", "client 5", "client 2"]
    assert names(reading.carried) == ["client 1"]
    assert names(reading.unseen) == ["client 2", "client 5"]  # came most first


def test_much_written_but_coming_steadily_is_not_carried():
    rows = [row(1, 9, 8), row(2, 1, 1, 4), row(3, 2, 6), row(4, 3, 7)]
    assert read_mind(rows, 8).carried == ()


def test_steady_needs_four_in_five_and_as_often_as_most():
    rows = [row(1, 9, 2, 5), row(2, 0, 6, 2), row(3, 0, 1), row(4, 5, 6), row(5, 4, 6), row(6, 4, 6)]
    # client 2 missed a quarter; client 3 always came, but to one session where most came to six
    assert read_mind(rows, 8).unseen == ()


def test_words_settle_a_tie_in_notes():
    reading = read_mind([row(1, 2, 5, words=10), row(2, 2, 5, words=90), row(3, 2, 5, words=50)], 8)
    assert names(reading.clients) == ["client 2", "client 3", "client 1"]


def test_nothing_written_is_never_carried_and_no_clients_reads_empty():
    assert read_mind([row(1, 0, 0, 3), row(2, 0, 5)], 4).carried == ()
    empty = read_mind([], 8)
    assert empty.clients == empty.carried == empty.unseen == ()
