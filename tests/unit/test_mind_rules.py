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


def test_came_least_is_a_share_of_the_sessions_they_could_have_come_to():
    # client 1 comes fortnightly and never missed (4 of 4); client 2 weekly but missed half (4 of 8)
    rows = [row(1, 9, 4), row(2, 8, 4, 4), row(3, 1, 8), row(4, 1, 7, 1), row(5, 2, 8), row(6, 2, 8)]
    reading = read_mind(rows, 8)
    assert names(reading.carried) == ["client 2"]


def test_a_client_who_never_missed_is_never_carried():
    rows = [row(1, 9, 3), row(2, 1, 8), row(3, 1, 8)]
    assert read_mind(rows, 8).carried == ()


def test_a_new_client_is_left_out_of_both_contrasts_but_still_listed():
    # client 7 has only two sessions counted: much written, fewest come to, yet too new to say either of
    rows = [row(1, 9, 2, 5), row(2, 1, 8), row(3, 4, 6, 1), row(4, 3, 5, 1), row(5, 2, 7), row(6, 5, 6),
            row(7, 12, 1, 1), row(8, 0, 2)]
    reading = read_mind(rows, 8)
    assert names(reading.carried) == ["client 1"] and "client 7" not in names(reading.unseen)
    assert "client 8" not in names(reading.unseen)  # came to both of two: steady, but new
    assert names(reading.clients)[0] == "client 7" and len(reading.clients) == 8
