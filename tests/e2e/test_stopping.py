"""The terminal closing (SIGHUP) or SIGTERM ends the dashboard cleanly: at once, drafts kept, no crash report.

The installed program runs on a pty in a session of its own; the test reads the screen until it is
drawn, then stops it from outside the way a closed terminal or `kill` would.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.drafts import Drafts
from caseload_tui.store import Store

CASELOAD = str(Path(sys.executable).parent / "caseload")


def read_until(fd: int, wanted: bytes, seconds: float) -> bytes:
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and wanted not in out:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                out += os.read(fd, 65536)
            except OSError:
                break
    return out


def started(tmp_path: Path, *args: str, passphrase: str | None = None,
            ) -> tuple[subprocess.Popen[bytes], int, dict[str, Path]]:
    """`caseload ARGS` on a fresh pty, its temporary folder and data folder its own; once drawn.

    With a passphrase, it is typed when asked for (an encrypted caseload), before anything is drawn."""
    folders = {"tmp": tmp_path / "tmp", "data": tmp_path / "data"}
    folders["tmp"].mkdir()
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36",
           "TMPDIR": str(folders["tmp"]), "CASELOAD_DATA_DIR": str(folders["data"]),
           "CASELOAD_CONFIG": str(tmp_path / "config.toml")}
    env.pop("CASELOAD_DB", None)
    process = subprocess.Popen([CASELOAD, *args], stdin=slave, stdout=slave, stderr=slave, env=env,
                               start_new_session=True)
    os.close(slave)
    if passphrase is not None:
        asked = read_until(master, b"Passphrase", 30)
        assert b"Passphrase" in asked, asked[-500:]
        os.write(master, passphrase.encode() + b"\r")
    drawn = read_until(master, b"Regulars", 30)
    assert b"Regulars" in drawn, drawn[-500:]
    return process, master, folders


def ended_within(process: subprocess.Popen[bytes], seconds: float) -> int | None:
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


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
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    store.close()
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
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
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
    folders = {"tmp": tmp_path / "tmp", "data": tmp_path / "data"}
    folders["tmp"].mkdir()
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "120", "LINES": "36",
           "TMPDIR": str(folders["tmp"]), "CASELOAD_DATA_DIR": str(folders["data"]),
           "CASELOAD_CONFIG": str(tmp_path / "config.toml")}
    process = subprocess.Popen([sys.executable, str(script)], stdin=slave, stdout=slave, stderr=slave,
                               env=env, start_new_session=True)
    os.close(slave)
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
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    store.close()
    calendar = tmp_path / "work.ics"
    calendar.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nX-WR-CALNAME:Work\r\n"
                        "BEGIN:VEVENT\r\nUID:ann-1\r\nDTSTART:20261130T100000Z\r\nDTEND:20261130T105000Z\r\n"
                        "SUMMARY:Ann\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    data = tmp_path / "data"
    master, slave = pty.openpty()
    env = {**os.environ, "TERM": "xterm-256color", "CASELOAD_DATA_DIR": str(data),
           "CASELOAD_CONFIG": str(tmp_path / "config.toml")}
    process = subprocess.Popen([CASELOAD, "import", "--db", str(db), str(calendar)], stdin=slave, stdout=slave,
                               stderr=slave, env=env, start_new_session=True)
    os.close(slave)
    try:
        asked = read_until(master, b"Which calendar is this?", 30)
        assert b"Which calendar is this?" in asked, asked[-500:]
        # A person reads the question before pressing ctrl+c. Sent within microseconds of the prompt,
        # SIGINT can land before Python's input() has begun to wait, and CPython then only notices it
        # at the next keystroke (seen 1 time in 8): a race of the test, not of anyone at a keyboard.
        time.sleep(0.5)
        process.send_signal(signal.SIGINT)  # what ctrl+c sends
        assert ended_within(process, 5) == 1
        said = read_until(master, b"Stopped.", 2)
    finally:
        os.close(master)
    assert b"Stopped." in said and b"unexpected problem" not in said
    assert crash_reports(data) == []
    store = Store.open(db)
    assert store.appointments_between(datetime(2026, 1, 1), datetime(2027, 1, 1)) == []
    store.close()
