"""`caseload brief --patterns`: Patterns in me in the brief only when asked for, de-identified like the rest."""

from __future__ import annotations

from datetime import datetime
from functools import partial

from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.store import Store

from cli_runner import run as run_caseload
from clock import DEMO_DAY_END
from factories import add_client, add_thought

run = partial(run_caseload, now=DEMO_DAY_END)


def test_the_section_is_there_only_when_asked_for_and_shows_codes_and_months():
    plain = run("brief", "--demo")
    assert plain.exit_code == 0, plain.output
    assert "Patterns in me" not in plain.stdout  # never added unless asked for, each time
    asked = run("brief", "--demo", "--patterns")
    assert asked.exit_code == 0, asked.output
    text = asked.stdout
    section = text[text.index(". Patterns in me\n\n"):]
    assert "**relief, then guilt, 3 times: my practice, around my own break (December 2025); C-012 (April); " \
           "C-025 (October).**" in section
    assert "- **relief** (4; mine 3, not sure 1): my practice, around my own break (December 2025)" in section
    for name in (c.name for c in load_demo(DEMO_DAY_END.date()).clients):
        assert name not in text
    assert "Cancellation text" not in section  # whom and when, never a note's words


def test_with_names_the_section_names_clients_and_days():
    text = run("brief", "--demo", "--patterns", "--names").stdout
    section = text[text.index(". Patterns in me\n\n"):]
    assert "Melanie (C-025) (15 Oct)" in section and "Pauline (C-012)" in section


def test_a_name_in_feeling_words_is_redacted_and_markdown_is_escaped(tmp_path):
    db = tmp_path / "c.db"
    store = Store.open(db, create=True)
    ann, _bea = add_client(store), add_client(store, "Bea", "B1")
    add_thought(store, ann, "After the call.", datetime(2026, 11, 2, 9, 0), kind=m.ThoughtKind.REACTION,
                whose=m.Whose.MINE, feelings="envy of Bea, *sharp*")
    store.close()
    result = run("brief", "--db", db, "--patterns")
    assert result.exit_code == 0, result.output
    assert "- **envy of B1** (1; mine 1): A1 (November)" in result.stdout
    assert "- **\\*sharp\\*** (1; mine 1)" in result.stdout and "Bea" not in result.stdout


def test_the_leak_check_reads_the_feeling_words_the_section_carries(tmp_path):
    db = tmp_path / "c.db"
    store = Store.open(db, create=True)
    ann = add_client(store)
    add_thought(store, ann, "After the call.", datetime(2026, 11, 2, 9, 0), kind=m.ThoughtKind.REACTION,
                whose=m.Whose.MINE, feelings="dread before 3 Nov")
    store.close()
    asked = run("brief", "--db", db, "--patterns")
    assert "A1, a reaction's feeling words of November 2026: an exact date, '3 Nov'" in asked.stderr
    assert "3 Nov" not in run("brief", "--db", db).stderr  # not in the brief, so not checked


def test_feeling_words_are_kept_as_written_in_the_brief_only_escaped(tmp_path):
    db = tmp_path / "c.db"
    store = Store.open(db, create=True)
    ann = add_client(store)
    for day in (2, 3):
        add_thought(store, ann, "After the call.", datetime(2026, 11, day, 9, 0), kind=m.ThoughtKind.REACTION,
                    whose=m.Whose.MINE, feelings="dread before 3 Nov")
    store.close()
    text = run("brief", "--db", db, "--patterns").stdout
    # The clinician's words are not rewritten (the leak check lists the date); the program's days are months.
    assert "**dread before 3 nov, twice: A1 (November); A1 (November).**" in text  # case evened, nothing else
