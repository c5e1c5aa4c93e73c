"""No escape sequence a user typed ever reaches the terminal: the real program's raw output, read from a pty."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

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


def _read_for(fd: int, seconds: float) -> bytes:
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
    return out


def test_hostile_text_never_reaches_the_terminal(tmp_path):
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    for i, text in enumerate(HOSTILE):
        client = store.add_client(m.Client(name=f"N{i} {text}", code=f"C-{i}", started_on=date(2026, 1, 5),
                                           themes=text))
        store.add_thought(m.Thought(body=text, written_at=datetime(2026, 11, 20, 18), client_id=client.id))
        store.add_question(m.Question(body=text, asked_at=datetime(2026, 11, 20, 18), client_id=client.id))
    store.close()
    master, slave = pty.openpty()
    os.set_blocking(master, False)
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36",
           "CASELOAD_DATA_DIR": str(tmp_path / "data"), "CASELOAD_CONFIG": str(tmp_path / "config.toml")}
    script = Path(sys.executable).parent / "caseload"
    process = subprocess.Popen([str(script), "--db", str(db)], stdin=slave, stdout=slave, stderr=slave,
                               env=env, start_new_session=True)
    os.close(slave)
    try:
        output = _read_for(master, 4)
        # Walk the list so every client's header and panes are drawn, then open search and an edit form.
        for key in [b"\x1b[B"] * (len(HOSTILE) + 1) + [b"\t", b"e"]:
            os.write(master, key)
            output += _read_for(master, 0.4)
        os.write(master, b"\x1b")
        output += _read_for(master, 0.4)
        for key in [b"/", b"x"]:
            os.write(master, key)
            output += _read_for(master, 0.6)
        os.write(master, b"\x1b")
        output += _read_for(master, 0.4)
        os.write(master, b"q")
        output += _read_for(master, 2)
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(master)
    assert len(output) > 1000  # the screen really was drawn
    for marker in MARKERS:
        assert marker not in output, marker
    assert "␛]52;c;".encode() in output  # shown, as a picture, not obeyed
