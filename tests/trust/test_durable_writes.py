"""Durable writes: a writer killed at any moment loses nothing it said was saved; a busy file is waited for.

The kill loop forks a writer (a separate process, killed with SIGKILL) a couple of
hundred times against one caseload file. The writer reports each save on a pipe only
after the save returned, i.e. after its commit; every reopen must pass the full
integrity check and hold every reported save, byte for byte.
"""

from __future__ import annotations

import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import Busy, Store, connection

from trust_helpers import make_caseload, subprocess_env

WRITER = Path(__file__).with_name("writer.py")
KILLS = 200
SIZES = (12, 300, 2500, 7000)  # the larger ones span overflow pages


def body(token: str, size: int) -> str:
    return (f"save {token} " + "the room felt heavy when she spoke of her father " * (size // 48 + 1))[:size]


def _writer(path: Path, out: int, seed: int) -> None:
    """The child: save as fast as it can, reporting each save after it returned. Never returns."""
    status = 0
    try:
        rnd = random.Random(seed)
        store = Store.open(path)
        client_id = store.clients()[0].id
        for n in range(100_000):
            token, size = f"{seed}-{n}", rnd.choice(SIZES)
            if rnd.random() < 0.7:
                saved = store.add_thought(m.Thought(body=body(token, size), written_at=datetime(2026, 11, 24, 19),
                                                    client_id=client_id))
                os.write(out, f"thoughts {saved.id} {token} {size}\n".encode())
            else:
                saved = store.add_question(m.Question(body=body(token, size), asked_at=datetime(2026, 11, 24, 19),
                                                      client_id=client_id))
                os.write(out, f"questions {saved.id} {token} {size}\n".encode())
    except BaseException as exc:  # noqa: BLE001 - reported to the parent, which fails the test
        os.write(out, f"ERROR {type(exc).__name__}\n".encode())
        status = 3
    finally:
        os._exit(status)


def _read_lines(fd: int, buffer: bytearray, wanted: int, lines: list[str]) -> bool:
    """Read until `wanted` complete lines have arrived; False at end of file."""
    while len(lines) < wanted:
        ready, _, _ = select.select([fd], [], [], 30)
        assert ready, "the writer stopped reporting saves"
        chunk = os.read(fd, 65536)
        if not chunk:
            return False
        buffer.extend(chunk)
        *complete, rest = buffer.split(b"\n")
        lines.extend(line.decode() for line in complete)
        buffer[:] = rest
    return True


def _check_reopened(path: Path, reported: list[str]) -> int:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        for line in reported:
            assert not line.startswith("ERROR"), f"the writer failed: {line}"
            table, record_id, token, size = line.split()
            row = conn.execute(f"SELECT body FROM {table} WHERE id = ?", [int(record_id)]).fetchone()
            assert row is not None, f"{table} {record_id} was reported saved but is gone"
            assert row[0] == body(token, int(size))
        return sum(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("thoughts", "questions"))
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_writer_killed_hundreds_of_times_loses_nothing_it_reported(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=()).close()
    rnd = random.Random(7)
    everything: list[str] = []
    killed_before_any_save = 0
    saved_before = 0
    for round_ in range(KILLS):
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child never returns
            os.close(read_end)
            _writer(path, write_end, seed=round_)
        os.close(write_end)
        lines: list[str] = []
        buffer = bytearray()
        wanted = rnd.choice((0, 0, 1, 2, 3, 5, 8, 13, 21))
        if wanted:
            _read_lines(read_end, buffer, wanted, lines)
        else:
            time.sleep(rnd.uniform(0, 0.02))  # often while it is still opening the file
        time.sleep(rnd.uniform(0, 0.004))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        _read_lines(read_end, buffer, 10**9, lines)  # whatever it reported before it died
        os.close(read_end)
        assert os.WIFSIGNALED(status), "the writer finished or failed before it could be killed"
        killed_before_any_save += not lines
        everything += lines
        saved_now = _check_reopened(path, lines)
        # At most one save more than reported: the one committed just before the kill, not yet reported.
        assert saved_now - saved_before in (len(lines), len(lines) + 1)
        saved_before = saved_now
    assert 0 < killed_before_any_save < KILLS
    # Every save reported in every round is still there at the end, and the store opens the file.
    _check_reopened(path, everything)
    store = Store.open(path)
    try:
        assert len(store.thoughts(limit=10**6)) >= sum(line.startswith("thoughts") for line in everything)
    finally:
        store.close()


def test_the_file_is_set_up_for_durable_waiting_writes(tmp_path):
    store = make_caseload(tmp_path / "caseload.db")
    try:
        conn = store._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == connection.BUSY_TIMEOUT_MS
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    finally:
        store.close()


def test_a_busy_caseload_is_waited_for(tmp_path):
    path = tmp_path / "caseload.db"
    store = make_caseload(path)
    holder = subprocess.Popen([sys.executable, str(WRITER), "hold", str(path), "0.4"],
                              stdout=subprocess.PIPE, text=True, env=subprocess_env(tmp_path))
    try:
        assert holder.stdout.readline().strip() == "holding"
        saved = store.add_thought(m.Thought(body="written while the other window wrote",
                                            written_at=datetime(2026, 11, 25, 9)))
        assert store.thought(saved.id).body == "written while the other window wrote"
    finally:
        assert holder.wait(timeout=30) == 0
        store.close()


def test_a_caseload_busy_too_long_is_reported_in_plain_words_and_nothing_is_half_saved(tmp_path, monkeypatch):
    path = tmp_path / "caseload.db"
    make_caseload(path).close()
    monkeypatch.setattr(connection, "BUSY_TIMEOUT_MS", 100)  # wait briefly, not five seconds
    store = Store.open(path)
    holder = subprocess.Popen([sys.executable, str(WRITER), "hold", str(path), "60"],
                              stdout=subprocess.PIPE, text=True, env=subprocess_env(tmp_path))
    try:
        assert holder.stdout.readline().strip() == "holding"
        with pytest.raises(Busy) as caught:
            store.add_thought(m.Thought(body="xylophone-quartz never saved", written_at=datetime(2026, 11, 25, 9)))
        message = str(caught.value)
        assert "busy in another window" in message and "Nothing was changed" in message
        assert "xylophone" not in message and "locked" not in message and "\n" not in message
    finally:
        holder.kill()
        holder.wait()
    assert not any(t.body.startswith("xylophone") for t in store.thoughts())
    store.close()
