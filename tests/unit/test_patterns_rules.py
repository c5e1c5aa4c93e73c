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
