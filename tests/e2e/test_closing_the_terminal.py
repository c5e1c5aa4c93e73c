"""Closing the terminal ends caseload, every time: 20 starts in a row in tmux (on a socket of its own),
each drawn, then its terminal closed; within 2 s no caseload process is left holding the caseload.

(Before the SIGHUP handler in tui/app.py, 9 starts of 32 kept running after their terminal closed,
stuck in Textual's writer thread, with the caseload and its WAL open.)
"""

from __future__ import annotations

import os
import shutil
import time
from datetime import date
from pathlib import Path

import pytest
from terminals import Terminal, caseload_command, one_client_caseload

from caseload_tui import model as m

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
    db, env = one_client_caseload(tmp_path, m.Client(name="Ann Closing", code="A1", started_on=date(2026, 1, 5)))
    left_running = []
    for start in range(STARTS):
        terminal = Terminal(tmp_path, 120, 36)
        try:
            terminal.start_bare([caseload_command(), "--db", str(db)], env)
            terminal.wait_for("Ann Closing")
            assert processes_holding(db), f"start {start}: the caseload process was not found while it ran"
            terminal.tmux("kill-session", "-t", terminal.name)  # the terminal closes: its processes are sent SIGHUP
            closed = time.monotonic()
            while processes_holding(db) and time.monotonic() - closed < GONE_WITHIN:
                time.sleep(0.05)
            if remaining := processes_holding(db):
                left_running.append(start)
                for pid in remaining:
                    os.kill(pid, 9)
        finally:
            terminal.close()
    assert left_running == [], f"still running {GONE_WITHIN} s after their terminal closed: starts {left_running}"
