"""No leaks: a crash never prints note text (or query values) to the terminal or to any file.

The main test runs the real `caseload` dashboard in tmux with one screen method made to
raise an error that quotes the note on screen (and holds it in a local variable, which
Textual's own crash report would print). Everything the program wrote is then searched.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import time
from datetime import date, datetime
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import Store
from caseload_tui.store.connection import describe_db_error

from trust_helpers import HEADER, subprocess_env

SECRET = "Zebrafinch-Opaline-4471"
NOTE = f"{SECRET} she said her brother knew all along"
EXIT_ALTERNATE_SCREEN = b"\x1b[?1049l"


def _caseload(tmp_path: Path) -> Path:
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    store.add_thought(m.Thought(body=NOTE, written_at=datetime(2026, 11, 24, 19), client_id=ann.id))
    store.close()
    return path


def _assert_data_folder_clean(data: Path) -> Path:
    """No file in the data folder holds the note, except copies of the caseload itself; returns the report."""
    reports = []
    for path in data.rglob("*"):
        if not path.is_file():
            continue
        raw = path.read_bytes()
        if path.parent.name == "backups" and raw.startswith(HEADER):
            continue  # a backup of the caseload holds the notes by design
        assert SECRET.encode() not in raw, f"{path} holds the note's text"
        if path.name.startswith("crash-"):
            reports.append(path)
    assert len(reports) == 1, f"expected one crash report in {data}, found {reports}"
    report = reports[0]
    assert stat.S_IMODE(report.stat().st_mode) == 0o600
    assert "error kind: builtins.RuntimeError" in report.read_text()
    return report


CRASHING_APP = """
import sys
from caseload_tui.tui.screens import dashboard

def zoom_that_breaks(self):
    notes = [t.body for t in self.app.store.thoughts()]  # the note, held in a local variable
    raise RuntimeError(f"could not zoom on {notes}")

dashboard.DashboardScreen.action_zoom = zoom_that_breaks
from caseload_tui.cli import main
main(["--db", sys.argv[1]], prog_name="caseload")
"""


class Terminal:
    def __init__(self, tmp_path: Path):
        self.socket = str(tmp_path / "tmux.sock")
        self.name = f"caseload-leak-{os.getpid()}"

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True,
                              timeout=30).stdout

    def wait_for(self, predicate, what: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if predicate():
                return
            time.sleep(0.1)
        raise AssertionError(f"{what} never happened; the screen was:\n{self.screen()}")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-S", "-200", "-t", self.name)


@pytest.mark.skipif(shutil.which("tmux") is None,
                    reason="tmux is not installed: this test needs it (install it as .ci/run does)")
def test_a_crash_with_a_note_on_screen_leaks_it_nowhere(tmp_path):
    db = _caseload(tmp_path)
    script = tmp_path / "crashing_app.py"
    script.write_text(CRASHING_APP)
    stdout_file, status_file, raw_file = tmp_path / "stdout.txt", tmp_path / "status.txt", tmp_path / "terminal.raw"
    env = subprocess_env(tmp_path)
    env["TERM"] = "xterm-256color"
    exports = " ".join(f"{k}={v}" for k, v in env.items() if k in (
        "CASELOAD_DATA_DIR", "CASELOAD_CONFIG", "TERM", "PYTHONDONTWRITEBYTECODE"))
    terminal = Terminal(tmp_path)
    command = (f"env {exports} {sys.executable} {script} {db} > {stdout_file}; "
               f"echo $? > {status_file}; echo EXITED; sleep 60")
    terminal.tmux("new-session", "-d", "-s", terminal.name, "-x", "120", "-y", "36", command)
    try:
        terminal.tmux("pipe-pane", "-o", "-t", terminal.name, f"cat >> {raw_file}")
        terminal.wait_for(lambda: SECRET in terminal.screen(), "the note appearing on screen")
        terminal.tmux("send-keys", "-t", terminal.name, "z")
        terminal.wait_for(lambda: "EXITED" in terminal.screen(), "the program stopping")
        after = terminal.screen()
        alternate = terminal.tmux("display-message", "-p", "-t", terminal.name, "#{alternate_on}").strip()
    finally:
        terminal.tmux("kill-server")

    assert int(status_file.read_text()) != 0
    assert SECRET not in stdout_file.read_text()
    # What is left on the terminal: the plain message, never the note or a traceback.
    assert "caseload stopped because of an unexpected problem" in after
    assert SECRET not in after and "Traceback" not in after and "RuntimeError" not in after
    assert alternate == "0"  # the terminal is back to its normal screen
    # Everything written after the dashboard left the screen (where the note was legitimately shown).
    raw = raw_file.read_bytes()
    assert EXIT_ALTERNATE_SCREEN in raw
    printed_after = raw.rsplit(EXIT_ALTERNATE_SCREEN, 1)[1]
    assert SECRET.encode() not in printed_after
    report = _assert_data_folder_clean(tmp_path / "data")
    assert str(report.name) in after.replace("\n", "")


HEADLESS = """
from caseload_tui.tui.app import CaseloadApp

real_run, real_mount = CaseloadApp.run, CaseloadApp.on_mount

def run_headless(self, *args, **kwargs):
    return real_run(self, *args, **{**kwargs, "headless": True})

def mount_then_press_z(self):
    real_mount(self)
    self.set_timer(1.0, lambda: self.simulate_key("z"))

CaseloadApp.run, CaseloadApp.on_mount = run_headless, mount_then_press_z
"""


def test_a_crash_in_the_dashboard_prints_nothing_of_the_note_even_without_a_terminal(tmp_path):
    """The same crash with no terminal to draw on: every byte on stdout and stderr is what was printed."""
    db = _caseload(tmp_path)
    script = tmp_path / "crashing_app.py"
    entry = "from caseload_tui.cli import main"
    script.write_text(CRASHING_APP.replace(entry, HEADLESS + entry))
    done = subprocess.run([sys.executable, str(script), str(db)], capture_output=True,
                          env=subprocess_env(tmp_path), timeout=60)
    assert done.returncode != 0
    assert SECRET.encode() not in done.stdout + done.stderr
    assert b"Traceback" not in done.stderr and b"RuntimeError" not in done.stderr
    assert b"caseload stopped because of an unexpected problem" in done.stderr
    _assert_data_folder_clean(tmp_path / "data")


ESCAPING_ERRORS = {
    # An error outside the command's own error handling: Python's excepthook would print its message.
    "main thread": """
import caseload_tui.cli as cli
import caseload_tui.cli.summaries as summaries
def breaks(text, width):
    raise RuntimeError(f"cannot show {text}")
summaries.one_line = breaks
cli.main(["groups", "--db", sys.argv[1]], prog_name="caseload")
""",
    # An error in another thread: threading's hook would print it.
    "another thread": """
import threading
import caseload_tui.cli as cli
from caseload_tui import crash
from caseload_tui.store import Store
def breaks():
    names = [c.name for c in Store.open(sys.argv[1]).clients()]
    raise RuntimeError(f"worker failed on {names}")
crash.install_hooks(cli.real_clock)
worker = threading.Thread(target=breaks)
worker.start()
worker.join()
sys.exit(1)
""",
}


@pytest.mark.parametrize("where", list(ESCAPING_ERRORS))
def test_an_error_that_escapes_is_reported_without_its_content(tmp_path, where):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    store.add_client(m.Client(name=SECRET, code="A1", started_on=date(2026, 1, 5)))
    store.close()
    script = tmp_path / "escaping.py"
    script.write_text("import sys\n" + ESCAPING_ERRORS[where])
    done = subprocess.run([sys.executable, str(script), str(path)], capture_output=True, text=True,
                          env=subprocess_env(tmp_path), timeout=60)
    assert done.returncode != 0
    assert SECRET not in done.stdout and SECRET not in done.stderr
    assert "Traceback" not in done.stderr
    assert "caseload stopped because of an unexpected problem" in done.stderr
    _assert_data_folder_clean(tmp_path / "data")


def test_database_errors_are_reworded_without_quoting_anything():
    for text in (f"UNIQUE constraint failed: {SECRET}", f"near \"{SECRET}\": syntax error",
                 f"database is locked ({SECRET})", f"database disk image is malformed {SECRET}"):
        reworded = str(describe_db_error(sqlite3.OperationalError(text)))
        assert SECRET not in reworded and reworded


def test_a_failing_write_is_reported_without_the_values_it_carried(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    try:
        # An error whose text quotes what was being written (as a constraint or extension might).
        store._conn.execute("CREATE TRIGGER refuse BEFORE INSERT ON thoughts "
                            f"BEGIN SELECT RAISE(ABORT, 'refused: {NOTE}'); END")
        with pytest.raises(Exception) as caught:
            store.add_thought(m.Thought(body=NOTE, written_at=datetime(2026, 11, 24, 19)))
        assert SECRET not in str(caught.value)
        assert caught.value.__cause__ is None and caught.value.__suppress_context__
    finally:
        store.close()
