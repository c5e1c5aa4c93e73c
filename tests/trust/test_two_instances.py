"""Two windows on one caseload: both save at once without an error or a lost save; a stale edit is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from caseload_tui.store import Conflict, NotFound, Store

from trust_helpers import make_caseload, subprocess_env

WRITER = Path(__file__).with_name("writer.py")
EACH = 150


def test_two_processes_saving_at_once_lose_nothing(tmp_path):
    path = tmp_path / "caseload.db"
    make_caseload(path, thoughts=()).close()
    go = tmp_path / "go"
    writers = [
        subprocess.Popen([sys.executable, str(WRITER), "stream", str(path), str(EACH), label, str(go)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=subprocess_env(tmp_path))
        for label in ("first", "second")
    ]
    for writer in writers:
        assert writer.stdout.readline().strip() == "ready"
    go.touch()  # both start saving at the same moment
    outputs = [w.communicate(timeout=120) for w in writers]
    for writer, (out, err) in zip(writers, outputs, strict=True):
        assert writer.returncode == 0, err
        assert err == ""
        assert len(out.splitlines()) == EACH
    ids = [[int(line.split()[1]) for line in out.splitlines()] for out, _ in outputs]
    reported = set(ids[0]) | set(ids[1])
    assert len(reported) == 2 * EACH  # no id handed out twice
    assert min(ids[1]) < max(ids[0]) and min(ids[0]) < max(ids[1]), "the two did not save at the same time"

    store = Store.open(path)
    try:
        bodies = {t.id: t.body for t in store.thoughts(limit=10_000)}
    finally:
        store.close()
    assert set(bodies) == reported
    for label in ("first", "second"):
        assert {f"{label} note {n}" for n in range(EACH)} <= set(bodies.values())


def _other_window(tmp_path: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, str(WRITER), *args], capture_output=True, text=True,
                          env=subprocess_env(tmp_path), timeout=60)
    assert done.returncode == 0, done.stderr


def test_an_edit_to_a_thought_changed_in_another_window_is_refused(tmp_path):
    path = tmp_path / "caseload.db"
    store = make_caseload(path, thoughts=("first draft of the thought",))
    try:
        mine = store.thoughts()[0]
        _other_window(tmp_path, "edit", str(path), str(mine.id), "their version")
        mine.body = "my version"
        with pytest.raises(Conflict) as caught:
            store.update_thought(mine)
        message = str(caught.value)
        assert "changed in another window" in message and "not saved" in message
        assert "my version" not in message and "their version" not in message
        assert store.thought(mine.id).body == "their version"  # nothing silently overwritten

        fresh = store.thought(mine.id)  # after reading again, the edit goes through
        fresh.body = "my version"
        assert store.update_thought(fresh).body == "my version"
    finally:
        store.close()


def test_an_edit_to_a_thought_deleted_in_another_window_is_refused(tmp_path):
    path = tmp_path / "caseload.db"
    store = make_caseload(path, thoughts=("soon gone",))
    try:
        mine = store.thoughts()[0]
        _other_window(tmp_path, "delete", str(path), str(mine.id))
        mine.body = "an edit to nothing"
        with pytest.raises(NotFound) as caught:
            store.update_thought(mine)
        assert "deleted in another window" in str(caught.value)
        assert store.thoughts() == []
    finally:
        store.close()


def test_the_other_windows_changes_are_noticed(tmp_path):
    """data_version moves when another process commits: the dashboard uses it to refresh its list."""
    path = tmp_path / "caseload.db"
    store = make_caseload(path, thoughts=("one",))
    try:
        before = store.data_version()
        _other_window(tmp_path, "edit", str(path), str(store.thoughts()[0].id), "two")
        assert store.data_version() != before
        assert store.thoughts()[0].body == "two"
    finally:
        store.close()
