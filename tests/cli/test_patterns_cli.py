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
    assert {"Melanie", "Pauline"} <= set(feelings["relief"]) and "Melanie" in feelings["guilt"]
    (relief_guilt,) = [s for s in doc["sequences"] if (s["first"], s["then"]) == ("relief", "guilt")]
    # In the demo it is Melanie's cancellation and my own holiday (a note about my practice), not two clients.
    assert [r["client"] for r in relief_guilt["responses"]] == [None, "Melanie"]
    assert relief_guilt["responses"][0]["around_my_break"] is True
    assert doc["summary"].startswith("relief, then guilt, twice: my practice, around my own break")
    assert "Melanie" in doc["summary"]
    (pauline,) = [r for r in doc["feelings"][0]["responses"] if r["client"] == "Pauline"]
    assert pauline["around_an_ending"] is True  # written the day she ended the work


def test_text_never_shows_a_notes_words_and_redact_hides_names():
    text = run("patterns", "--demo", now=DEMO_DAY_END).stdout
    assert "Cancellation text" not in text and "relief (3)" in text
    assert "15 Oct 2026  Melanie" in text and " 6 May 2026  Pauline, around an ending" in text
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
