"""rules/patterns.py: feelings found in my own responses, in the order written, and the plain summary line."""

from __future__ import annotations

from datetime import datetime

from caseload_tui.model.patterns import NO_PATTERN, OwnResponse
from caseload_tui.rules.patterns import feelings_in, read_patterns, summary


def response(n: int, body: str, name: str | None = "Ann", day: int = 1, **near) -> OwnResponse:
    return OwnResponse(thought_id=n, written_at=datetime(2026, 10, day, 9, 0), body=body,
                       client_id=n if name else None, name=name or "", code=f"C{n}", **near)


def test_feelings_in_the_order_written_whatever_their_form():
    assert feelings_in("Guilty, then RELIEVED; the relief stayed.") == ["guilt", "relief"]
    assert feelings_in("A flicker of irritation, then tenderness.") == ["irritation", "tenderness"]
    assert feelings_in("She said she was sad.") == ["sadness"]
    assert feelings_in("Nothing named here, only unrelieving weather.") == []  # a word must begin with it


def test_a_sequence_needs_two_notes_and_keeps_its_order():
    found = read_patterns([response(1, "Relief, then guilt.", day=3),
                           response(2, "relief and then guilt again", "Bea", day=1, near_ending=True),
                           response(3, "Guilt, then relief.", "Cy", day=2),
                           response(4, "Only weather.", "Dee")], 8)
    assert [(s.first, s.then, [r.name for r in s.responses]) for s in found.sequences] == [
        ("relief", "guilt", ["Bea", "Ann"])]
    assert [(g.feeling, len(g.responses)) for g in found.groups] == [("relief", 3), ("guilt", 3)]
    assert found.unnamed == 1
    line = summary(found, lambda r: r.name)
    assert line == "relief, then guilt, twice: Bea, around an ending (1 Oct 2026); Ann (3 Oct 2026)."


def test_summary_without_a_sequence_names_a_repeated_feeling_or_says_none():
    found = read_patterns([response(1, "Resentment."), response(2, "resentful", None, day=2, near_break=True)], 8)
    assert summary(found, lambda r: r.code) == (
        "resentment, twice: C1 (1 Oct 2026); my practice, around my own break (2 Oct 2026).")
    assert summary(read_patterns([response(1, "Fear.")], 8), lambda r: r.name) == NO_PATTERN


def test_feeling_words_are_read_in_the_order_given_and_in_the_clinicians_own_words():
    from caseload_tui.rules.patterns import named_feelings

    assert named_feelings("relief, guilt") == ["relief", "guilt"]
    assert named_feelings("Relieved then GUILTY") == ["relief", "guilt"]  # usual forms under one name
    assert named_feelings("hurt; relief / hurt again.") == ["hurt", "relief", "hurt again"]
    assert named_feelings("the ache of endings") == ["the ache of endings"]  # not on the list: kept as said
    assert named_feelings("not  sad") == ["not sad"]  # never folded into "sadness"
    assert named_feelings("rushed -> behind and  ") == ["rushed", "behind"]
    assert named_feelings(" , ") == []


def test_feeling_words_come_first_and_the_text_only_without_them():
    from caseload_tui.model.notes import Whose

    named = OwnResponse(1, datetime(2026, 10, 1, 9, 0), "Guilt, then relief.", 1, "Ann", "C1",
                        whose=Whose.MINE, feelings="relief, guilt")
    unnamed = OwnResponse(2, datetime(2026, 10, 2, 9, 0), "Relief, then guilt.", 2, "Bea", "C2")
    found = read_patterns([named, unnamed], 8)
    assert [(s.first, s.then, [r.name for r in s.responses]) for s in found.sequences] == [
        ("relief", "guilt", ["Ann", "Bea"])]
    assert (found.named, found.from_text, found.unnamed) == (1, 1, 0)
    mine_once = ((Whose.MINE, 1),)
    assert [(g.feeling, g.whose) for g in found.groups] == [("relief", mine_once), ("guilt", mine_once)]


def test_a_note_the_store_found_one_feeling_in_is_not_read_again():
    # The store gives the body only of notes holding two listed feelings or more (their order needs it).
    one = OwnResponse(1, datetime(2026, 10, 1, 9, 0), "", 1, "Ann", "C1", in_text=("fear",))
    assert [g.feeling for g in read_patterns([one], 8).groups] == ["fear"]


def test_the_summary_stays_a_line_however_often_a_sequence_came():
    from caseload_tui.rules.patterns import SUMMARY_PLACES

    many = [response(n, "Relief, then guilt.", f"C{n}", day=1 + n) for n in range(10)]
    line = summary(read_patterns(many, 52), lambda r: r.name)
    assert line.startswith("relief, then guilt, 10 times: 4 earlier, then C4 (5 Oct 2026); C5 (6 Oct 2026)")
    assert line.count("Oct 2026") == SUMMARY_PLACES and line.endswith("C9 (10 Oct 2026).")
