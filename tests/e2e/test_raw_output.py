"""No escape sequence a user typed ever reaches the terminal: the real program's raw output, read from a pty."""

from __future__ import annotations

import os
from datetime import date, datetime

from terminals import CASELOAD, full_env, on_a_pty, read_until

from caseload_tui import model as m
from caseload_tui.store import Store

HOSTILE = [
    "\x1b]52;c;SElERU1F\x07",          # write the clipboard
    "\x1b]0;TITLE-HIJACK\x07",          # set the window title
    "\x1b]8;;https://evil.example\x07link\x1b]8;;\x07",  # a hyperlink
    "\x1bP+q544e\x1b\\",               # a device control string
    "\x9b6n",                            # C1 CSI: ask the terminal to answer
    "[@click=app.quit]quit[/] [b]bold[/b] [link=https://x]x[/link]",
    "\u202eevil\u202c שלום مرحبا 漢字 🧠",
]
# The sequences themselves, as the terminal would receive them if they were obeyed.
MARKERS = [b"\x1b]52;c;SElERU1F", b"\x1b]0;TITLE-HIJACK", b"\x1b]8;;https://evil.example",
           b"\x1bP+q544e", "\x9b6n".encode()]


def test_hostile_text_never_reaches_the_terminal(tmp_path):
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    for i, text in enumerate(HOSTILE):
        client = store.add_client(m.Client(name=f"N{i} {text}", code=f"C-{i}", started_on=date(2026, 1, 5),
                                           themes=text))
        store.add_thought(m.Thought(body=text, written_at=datetime(2026, 11, 20, 18), client_id=client.id))
        store.add_question(m.Question(body=text, asked_at=datetime(2026, 11, 20, 18), client_id=client.id))
    store.close()
    process, master = on_a_pty([CASELOAD, "--db", str(db)], full_env(tmp_path, COLUMNS="120", LINES="36"))
    os.set_blocking(master, False)
    try:
        output = read_until(master, None, 4)
        # Walk the list so every client's header and panes are drawn, then open search and an edit form.
        for key in [b"\x1b[B"] * (len(HOSTILE) + 1) + [b"\t", b"e"]:
            os.write(master, key)
            output += read_until(master, None, 0.4)
        os.write(master, b"\x1b")
        output += read_until(master, None, 0.4)
        for key in [b"/", b"x"]:
            os.write(master, key)
            output += read_until(master, None, 0.6)
        os.write(master, b"\x1b")
        output += read_until(master, None, 0.4)
        os.write(master, b"q")
        output += read_until(master, None, 2)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    assert len(output) > 1000  # the screen really was drawn
    for marker in MARKERS:
        assert marker not in output, marker
    assert "␛]52;c;".encode() in output  # shown, as a picture, not obeyed
