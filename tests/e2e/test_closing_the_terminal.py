"""Closing the terminal ends caseload, every time: 20 starts in a row in tmux (on a socket of its own),
each drawn, then its terminal closed; within 2 s no caseload process is left holding the caseload.

(Before the SIGHUP handler in tui/app.py, 9 starts of 32 kept running after their terminal closed,
stuck in Textual's writer thread, with the caseload and its WAL open.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

STARTS = 20
GONE_WITHIN = 2.0  # seconds after the terminal closes


def processes_holding(db: Path) -> list[int]:
    """Every process on this machine whose command line names the caseload file."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            words = (entry / "cmdline").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # ended meanwhile
        if str(db).encode() in words and state != "Z":  # a zombie holds nothing: it has ended
            found.append(int(entry.name))
    return found


def test_after_the_terminal_is_closed_no_caseload_process_remains_20_starts_in_a_row(tmp_path):
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    store.add_client(m.Client(name="Ann Closing", code="A1", started_on=date(2026, 1, 5)))
    store.close()
    socket = str(tmp_path / "closing.sock")
    caseload = str(Path(sys.executable).parent / "caseload")
    env = {"CASELOAD_DATA_DIR": str(tmp_path / "data"), "CASELOAD_CONFIG": str(tmp_path / "config.toml"),
           "TERM": "xterm-256color"}

    def tmux(*args: str) -> str:
        return subprocess.run(["tmux", "-S", socket, *args], capture_output=True, text=True, timeout=30).stdout

    left_running = []
    try:
        for start in range(STARTS):
            name = f"closing-{start}"
            tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "36",
                 *(f"-e{key}={value}" for key, value in env.items()), caseload, "--db", str(db))
            deadline = time.monotonic() + 20
            while "Ann Closing" not in (screen := tmux("capture-pane", "-p", "-t", name)):
                assert time.monotonic() < deadline, f"start {start} never drew:\n{screen}"
                time.sleep(0.05)
            assert processes_holding(db), "the caseload process was not found while it ran"
            tmux("kill-session", "-t", name)  # the terminal closes: its processes are sent SIGHUP
            closed = time.monotonic()
            while processes_holding(db) and time.monotonic() - closed < GONE_WITHIN:
                time.sleep(0.05)
            if remaining := processes_holding(db):
                left_running.append(start)
                for pid in remaining:
                    os.kill(pid, 9)
    finally:
        tmux("kill-server")
    assert left_running == [], f"still running {GONE_WITHIN} s after their terminal closed: starts {left_running}"
