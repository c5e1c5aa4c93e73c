"""The installed `caseload` in a real terminal (tmux): add a thought by keys, quit, find it stored."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from datetime import date

import pytest
from terminals import Terminal, one_client_caseload

from caseload_tui import model as m
from caseload_tui.store import Store

# Said in the run's summary (-rs, pyproject.toml), never skipped silently.
pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed: the end-to-end test needs it (.ci/run installs it)")


@pytest.mark.parametrize("size", [(120, 36), (80, 24)], ids=["120x36", "80x24"])
def test_add_a_thought_in_a_real_terminal(tmp_path, size):
    amaan = m.Client(name="Amaan", code="C-001", started_on=date(2025, 1, 6),
                     schedule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=17;BYMINUTE=0")
    db, env = one_client_caseload(tmp_path, amaan)
    terminal = Terminal(tmp_path, *size)
    try:
        terminal.start_caseload(db, env, showing="Amaan")
        terminal.wait_for("Nothing written yet")
        terminal.open_thought_form()
        terminal.keys("-l", "he wants my approval [b]as with his mother[/b]")
        terminal.choose_first_kind()
        terminal.save_and_quit(saved="he wants my approval [b]as")
    finally:
        terminal.close()
    store = Store.open(db)
    thoughts = store.thoughts()
    store.close()
    assert [t.body for t in thoughts] == ["he wants my approval [b]as with his mother[/b]"]


def _app_pid(terminal: Terminal) -> int:
    shell = terminal.tmux("display", "-p", "-t", terminal.name, "#{pane_pid}").strip()
    found = subprocess.run(["pgrep", "-f", "-P", shell, "caseload"], capture_output=True, text=True).stdout.split()
    return int(found[0])


@pytest.mark.parametrize("stop", ["TERM", "HUP"])
def test_text_in_a_form_survives_being_stopped(tmp_path, stop):
    import signal

    db, env = one_client_caseload(tmp_path, m.Client(name="Melanie", code="C-025", started_on=date(2026, 8, 3)))
    terminal = Terminal(tmp_path, 100, 30)
    try:
        terminal.start_caseload(db, env, showing="Melanie")
        terminal.open_thought_form()
        terminal.keys("-l", "resentment again, a cue to her ambivalence")
        time.sleep(0.3)
        os.kill(_app_pid(terminal), getattr(signal, f"SIG{stop}"))
        terminal.wait_for("EXITED")
        assert not (tmp_path / "data" / "drafts").exists()  # kept in the caseload, not beside it
        kept = Store.open(db)
        assert [(kind, "resentment again" in values) for _, kind, _, values in kept.kept_drafts()] == [
            ("thought", True)]
        kept.close()
    finally:
        terminal.close()
    terminal = Terminal(tmp_path, 100, 30)
    try:
        terminal.start_caseload(db, env, showing="resentment again, a cue to her ambivalence")
        terminal.wait_for("Restored", timeout=5)
        terminal.choose_first_kind()
        terminal.save_and_quit(saved="Thought saved")
    finally:
        terminal.close()
    store = Store.open(db)
    assert store.kept_drafts() == []  # taken back when the form reopened
    assert [t.body for t in store.thoughts()] == ["resentment again, a cue to her ambivalence"]
    store.close()


def test_a_bracketed_paste_is_stored_once_byte_for_byte(tmp_path):
    """tmux paste-buffer -p sends a real bracketed paste; each is stored once (it was stored twice)."""
    db, env = one_client_caseload(tmp_path, m.Client(name="Amaan", code="C-001", started_on=date(2025, 1, 6)))
    long_paste = tmp_path / "long.txt"
    long_paste.write_text("x" * 4999 + "\n", encoding="utf-8")
    terminal = Terminal(tmp_path, 120, 36)
    try:
        terminal.start_caseload(db, env, showing="Amaan")
        terminal.open_thought_form()
        terminal.tmux("set-buffer", "PASTEDONCE \t[b]x[/b] ")
        terminal.tmux("paste-buffer", "-p", "-t", terminal.name)
        terminal.wait_for("PASTEDONCE")
        terminal.paste(long_paste)
        terminal.wait_for("xxxxxxxxxx")
        terminal.choose_first_kind()
        terminal.save_and_quit(saved="Thought saved")
    finally:
        terminal.close()
    store = Store.open(db)
    assert [t.body for t in store.thoughts()] == ["PASTEDONCE \t[b]x[/b] " + "x" * 4999 + "\n"]
    store.close()


def test_the_whole_loop_of_i_remembered(tmp_path):
    """Write a thought to tell them, see it on the day's card, mark it told in the review, see it in the thread."""
    every_day = m.Client(name="Amaan", code="C-001", started_on=date(2025, 1, 6),
                         schedule="FREQ=DAILY;BYHOUR=0;BYMINUTE=1")  # due today, whatever day the test runs
    db, env = one_client_caseload(tmp_path, every_day)
    terminal = Terminal(tmp_path, 80, 24)
    try:
        terminal.start_caseload(db, env, showing="Nothing written yet")
        terminal.open_thought_form()
        terminal.keys("-l", "the drawings he made as a boy")
        terminal.choose_first_kind()
        for key in ("Tab", "Tab", "Space"):  # past "Still with me" to "Something to tell them I remembered"
            time.sleep(0.3)  # one at a time, as typed: each moves the focus before the next arrives
            terminal.keys(key)
        time.sleep(0.3)
        terminal.keys("C-s")
        terminal.wait_for("✉ tell")  # "✉ tell them", wrapped or not
        terminal.keys("T")
        terminal.wait_for("Before they walk in")
        card = terminal.wait_for("the drawings he made as a boy")
        assert "To tell them I remembered" in card
        terminal.keys("Escape")
        terminal.wait_for("Lingering thoughts")
        terminal.keys("R")
        terminal.wait_for("Day's end")
        terminal.keys("1")
        terminal.wait_for("to settle: o or enter")
        time.sleep(0.5)
        terminal.keys("o")
        terminal.wait_for("Did you tell them?")
        terminal.keys("1")
        time.sleep(0.3)
        terminal.keys("-l", "he smiled")
        terminal.keys("C-s")
        terminal.wait_for("told today")
        terminal.keys("Escape")
        terminal.wait_for("Lingering thoughts")  # back on the dashboard (the review shows the story too)
        thread = terminal.wait_for("How they took it: he smiled")
        assert "✉ told" in thread
        terminal.keys("q")
        terminal.wait_for("EXITED 0")
    finally:
        terminal.close()
    store = Store.open(db)
    [thought] = store.thoughts()
    store.close()
    assert thought.telling is not None and thought.telling.outcome is m.TellOutcome.TOLD
    assert thought.telling.how_taken == "he smiled" and not thought.still_to_tell
