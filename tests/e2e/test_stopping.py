"""The terminal closing (SIGHUP) or SIGTERM ends the dashboard cleanly: at once, drafts kept, no crash report.

The installed program runs on a pty in a session of its own; the test reads the screen until it is
drawn, then stops it from outside the way a closed terminal or `kill` would.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest
from terminals import CASELOAD, ended_within, full_env, on_a_pty, one_client_caseload, read_until

from caseload_tui import model as m
from caseload_tui.drafts import Drafts
from caseload_tui.store import Store

ANN = m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5))


def _started_on_a_pty(tmp_path: Path, argv: list[str]) -> tuple[subprocess.Popen[bytes], int, dict[str, Path]]:
    """ARGV on a fresh pty at 120x36 in a session of its own, its temporary folder and data folder its own."""
    folders = {"tmp": tmp_path / "tmp", "data": tmp_path / "data"}
    folders["tmp"].mkdir()
    env = full_env(tmp_path, COLUMNS="120", LINES="36", TMPDIR=str(folders["tmp"]))
    process, master = on_a_pty(argv, env)
    return process, master, folders


def started(tmp_path: Path, *args: str, passphrase: str | None = None,
            ) -> tuple[subprocess.Popen[bytes], int, dict[str, Path]]:
    """`caseload ARGS` on a fresh pty, its temporary folder and data folder its own; once drawn.

    With a passphrase, it is typed when asked for (an encrypted caseload), before anything is drawn."""
    process, master, folders = _started_on_a_pty(tmp_path, [CASELOAD, *args])
    if passphrase is not None:
        asked = read_until(master, b"Passphrase", 30)
        assert b"Passphrase" in asked, asked[-500:]
        os.write(master, passphrase.encode() + b"\r")
    drawn = read_until(master, b"Regulars", 30)
    assert b"Regulars" in drawn, drawn[-500:]
    return process, master, folders


def crash_reports(data: Path) -> list[str]:
    return sorted(p.name for p in data.glob("crash-*")) if data.exists() else []


@pytest.mark.parametrize("stop", [signal.SIGHUP, signal.SIGTERM])
def test_the_demo_leaves_nothing_behind_when_stopped(tmp_path, stop):
    process, master, folders = started(tmp_path, "--demo")
    try:
        if stop == signal.SIGHUP:
            os.close(master)  # the terminal is gone: what the program writes now fails
            master = -1
        process.send_signal(stop)
        assert ended_within(process, 5) == 0
    finally:
        if master >= 0:
            os.close(master)
    assert list(folders["tmp"].iterdir()) == []
    assert crash_reports(folders["data"]) == []


def test_closing_the_terminal_keeps_the_draft_and_writes_no_crash_report(tmp_path):
    db, _ = one_client_caseload(tmp_path, ANN)
    process, master, folders = started(tmp_path, "--db", str(db))
    os.write(master, b"t")
    time.sleep(1.0)  # the thought form opens
    os.write(master, b"half a thought")
    assert b"half a thought" in read_until(master, b"half a thought", 10)  # in the form, on the screen
    os.close(master)
    process.send_signal(signal.SIGHUP)
    assert ended_within(process, 5) == 0
    assert crash_reports(folders["data"]) == []
    assert not (folders["data"] / "drafts").exists()  # kept in the caseload, nowhere beside it
    store = Store.open(db)
    draft = Drafts(store).take()
    store.close()
    assert draft is not None and "half a thought" in str(draft.to_json())


def test_an_encrypted_caseloads_draft_survives_the_terminal_closing_and_is_locked_with_it(tmp_path):
    pytest.importorskip("sqlcipher3")
    from caseload_tui.store.errors import PassphraseNeeded

    db, passphrase, typed = tmp_path / "caseload.db", "Kestrel-orchard 4417", b"quillwort in the margin"
    store = Store.open(db, create=True, passphrase=passphrase)
    store.add_client(ANN)
    store.close()
    process, master, folders = started(tmp_path, "--db", str(db), passphrase=passphrase)
    os.write(master, b"t")
    time.sleep(1.0)  # the thought form opens
    os.write(master, typed)
    assert typed in read_until(master, typed, 10)  # in the form, on the screen
    os.close(master)
    process.send_signal(signal.SIGHUP)
    assert ended_within(process, 5) == 0
    assert crash_reports(folders["data"]) == []
    # Not readable without the passphrase: in no byte of the caseload, beside it, or in the data folder.
    for path in sorted(tmp_path.rglob("*")):
        if path.is_file():
            assert typed not in path.read_bytes() and b"quillwort" not in path.read_bytes(), path
    with pytest.raises(PassphraseNeeded):
        Store.open(db)
    store = Store.open(db, passphrase=passphrase)
    draft = Drafts(store).take()
    store.close()
    assert draft is not None and draft.values.get("body") == typed.decode()


def test_a_busy_app_still_ends_at_once_on_sigterm(tmp_path):
    """Busy: the event loop is kept from running by a long piece of work; SIGTERM ends it regardless."""
    script = tmp_path / "busy.py"
    script.write_text(
        "import sys, time\n"
        "from caseload_tui import cli\n"
        "from caseload_tui.tui.screens import dashboard\n"
        "real = dashboard.DashboardScreen.on_mount\n"
        "def busy(self):\n"
        "    self.set_timer(1.0, lambda: [time.sleep(0.01) for _ in iter(int, 1)])\n"  # never ends
        "    return real(self)\n"
        "dashboard.DashboardScreen.on_mount = busy\n"
        "sys.argv = ['caseload', '--demo']\n"
        "cli.run()\n")
    process, master, folders = _started_on_a_pty(tmp_path, [sys.executable, str(script)])
    try:
        assert b"Regulars" in read_until(master, b"Regulars", 30)
        time.sleep(1.5)  # the work has begun: the event loop no longer runs
        process.send_signal(signal.SIGTERM)
        assert ended_within(process, 5) == 0
    finally:
        os.close(master)
    assert crash_reports(folders["data"]) == []


def test_ctrl_c_at_a_question_stops_plainly_without_a_crash_report(tmp_path):
    """ctrl+c at the import's "Which calendar is this?" ends the command: no crash, nothing imported."""
    db, _ = one_client_caseload(tmp_path, ANN)
    calendar = tmp_path / "work.ics"
    calendar.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Work\r\n"
                        "BEGIN:VEVENT\r\nUID:ann-1\r\nDTSTART:20261130T100000Z\r\nDTEND:20261130T105000Z\r\n"
                        "SUMMARY:Ann\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    data = tmp_path / "data"
    # The pty is its controlling terminal and the program is in its foreground: ctrl+c typed there is
    # turned into SIGINT by the terminal, as at a keyboard.
    process, master = on_a_pty([CASELOAD, "import", "--db", str(db), str(calendar)], full_env(tmp_path),
                               controlling=True)
    try:
        asked = read_until(master, b"Which calendar is this?", 30)
        assert b"Which calendar is this?" in asked, asked[-500:]
        # Pressed the instant the question shows: however soon it comes, it stops the program (a signal
        # that lands before the program has begun to wait for the answer used to wait for the next key).
        os.write(master, b"\x03")  # ctrl+c
        assert ended_within(process, 5) == 1
        said = read_until(master, b"Stopped.", 2)
    finally:
        os.close(master)
    assert b"Stopped." in said and b"unexpected problem" not in said
    assert crash_reports(data) == []
    store = Store.open(db)
    assert store.appointments_between(datetime(2026, 1, 1), datetime(2027, 1, 1)) == []
    store.close()


def test_ctrl_c_at_the_passphrase_question_stops_at_once_and_shows_nothing_typed(tmp_path):
    """The plain start asks an encrypted caseload's passphrase (hidden) outside the commands' group: the same."""
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "caseload.db"
    Store.open(db, create=True, passphrase="Kestrel-orchard 4417").close()
    process, master = on_a_pty([CASELOAD, "--db", str(db)], full_env(tmp_path), controlling=True)
    try:
        asked = read_until(master, b"Passphrase for this caseload", 30)
        assert b"Passphrase for this caseload" in asked, asked[-500:]
        os.write(master, b"Kestrel")  # half of it, not shown
        os.write(master, b"\x03")  # ctrl+c
        assert ended_within(process, 5) == 1
        said = read_until(master, b"Nothing was changed.", 2)
    finally:
        os.close(master)
    assert b"No passphrase was given" in said and b"Kestrel" not in asked + said
    assert crash_reports(tmp_path / "data") == []
