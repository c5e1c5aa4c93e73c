"""`caseload patterns`: the demo's own responses grouped by feeling, relief then guilt found, no note text shown."""

from __future__ import annotations

import json
from datetime import date, datetime

from caseload_tui import model as m

from cli_runner import run
from clock import DEMO_DAY_END
from factories import add_client, add_thought


def test_the_demo_groups_reactions_by_feeling_and_finds_relief_then_guilt():
    result = run("patterns", "--demo", "--json", now=DEMO_DAY_END)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    feelings = {g["feeling"]: [r["client"] for r in g["responses"]] for g in doc["feelings"]}
    assert {"Melanie", "Pauline"} <= set(feelings["relief"]) and {"Melanie", "Pauline"} <= set(feelings["guilt"])
    (relief_guilt,) = [s for s in doc["sequences"] if (s["first"], s["then"]) == ("relief", "guilt")]
    # Pauline's cancellation, Melanie's, and my own holiday (a note about my practice): two clients and me.
    assert [r["client"] for r in relief_guilt["responses"]] == [None, "Pauline", "Melanie"]
    assert relief_guilt["responses"][0]["around_my_break"] is True
    assert doc["summary"].startswith("relief, then guilt, 3 times: my practice, around my own break")
    assert "Pauline" in doc["summary"] and "Melanie" in doc["summary"]
    # The feelings are the reactions' own feeling words, with whose they were; none had to be read from a text.
    assert not any(r["found_in_text"] for r in relief_guilt["responses"])
    assert [r["whose"] for r in relief_guilt["responses"]] == ["mine", "mine", "not_sure"]
    assert "the ache of endings" in feelings  # a feeling in the clinician's own words, not the fixed list's
    relief = next(g for g in doc["feelings"] if g["feeling"] == "relief")
    assert relief["whose"] == {"mine": 3, "not_sure": 1}
    (ending,) = [r for r in relief["responses"] if r["around_an_ending"]]
    assert ending["client"] == "Pauline"  # written the day she ended the work
    assert doc["with_feeling_words"] == 11 and doc["no_feeling_found"] == 1  # Amaan's blind spot names none


def test_text_never_shows_a_notes_words_and_redact_hides_names():
    text = run("patterns", "--demo", now=DEMO_DAY_END).stdout
    assert "Cancellation text" not in text and "relief (4) · mine 3, not sure 1" in text
    assert "15 Oct 2026  Melanie · whose: not sure" in text
    assert " 6 May 2026  Pauline, around an ending · whose: mine" in text
    assert "11 with my feeling words · 0 found in their text · 1 with no feeling found" in text
    redacted = run("patterns", "--demo", "--redact", now=DEMO_DAY_END).stdout
    assert "Melanie" not in redacted and "Pauline" not in redacted and "C-025" in redacted


def test_only_own_responses_in_the_window(tmp_path):
    from caseload_tui.store import Store

    db = tmp_path / "c.db"
    store = Store.open(db, create=True)
    ann = add_client(store)
    add_thought(store, ann, "Relief.", datetime(2026, 11, 20, 9, 0), kind=m.ThoughtKind.REACTION)
    add_thought(store, ann, "Relief she said.", datetime(2026, 11, 20, 9, 0), kind=m.ThoughtKind.WONDERING)
    add_thought(store, ann, "Relief, long ago.", datetime(2025, 1, 1, 9, 0), kind=m.ThoughtKind.REACTION)
    store.add_break(m.Break(date(2026, 11, 23), date(2026, 11, 27), "holiday"))
    store.close()
    doc = json.loads(run("patterns", "--db", db, "--json", now=DEMO_DAY_END).stdout)
    assert [(g["feeling"], [r["written_at"] for r in g["responses"]]) for g in doc["feelings"]] == [
        ("relief", ["2026-11-20T09:00"])]
    assert doc["feelings"][0]["responses"][0]["around_my_break"] is True  # the week before my holiday
    assert doc["feelings"][0]["responses"][0]["found_in_text"] is True  # written without feeling words


def test_feeling_words_come_before_the_text_and_the_text_is_read_only_without_them(tmp_path):
    from caseload_tui.store import Store

    db = tmp_path / "c.db"
    store = Store.open(db, create=True)
    ann, bea = add_client(store), add_client(store, "Bea", "B1")
    # Named in the feeling words: the text's "guilty" and "relief" are not counted again, nor its order.
    add_thought(store, ann, "Guilty, then relief.", datetime(2026, 11, 2, 9, 0), kind=m.ThoughtKind.REACTION,
                whose=m.Whose.THEIRS, feelings="Irritated; then RELIEVED")
    # No feeling words: found in the text, in the order written, and said to be.
    add_thought(store, bea, "Irritation first (she was late again), then relief when she came.",
                datetime(2026, 11, 3, 9, 0), kind=m.ThoughtKind.BLIND_SPOT)
    add_thought(store, bea, "Only a fear.", datetime(2026, 11, 4, 9, 0), kind=m.ThoughtKind.REACTION)
    add_thought(store, bea, "Nothing named.", datetime(2026, 11, 5, 9, 0), kind=m.ThoughtKind.REACTION)
    store.close()
    doc = json.loads(run("patterns", "--db", db, "--json", now=DEMO_DAY_END).stdout)
    groups = {g["feeling"]: [(r["client"], r["found_in_text"], r["whose"]) for r in g["responses"]]
              for g in doc["feelings"]}
    assert groups == {"irritation": [("Ann", False, "theirs"), ("Bea", True, None)],
                      "relief": [("Ann", False, "theirs"), ("Bea", True, None)], "fear": [("Bea", True, None)]}
    (sequence,) = doc["sequences"]
    assert (sequence["first"], sequence["then"]) == ("irritation", "relief")
    assert (doc["with_feeling_words"], doc["found_in_text"], doc["no_feeling_found"]) == (1, 2, 1)
    text = run("patterns", "--db", db, now=DEMO_DAY_END).stdout
    assert "Bea · found in its text" in text and "Ann · whose: theirs" in text
