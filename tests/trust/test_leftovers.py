"""A backup or restore killed mid-way leaves a hidden whole copy of the caseload; the next start removes it.

The program itself is killed (SIGKILL, nothing runs after it) at the moment it would give the copy
its real name, so what is left is exactly what a power cut or `kill -9` leaves.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from caseload_tui.store import Store, backup

from trust_helpers import make_caseload, subprocess_env

KILLED_AT_RENAME = """
import os, signal, sys
real, renaming = os.replace, sys.argv[1]
def dying(src, dst, *args, **kwargs):
    if str(src).endswith(renaming):
        os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst, *args, **kwargs)
os.replace = dying
from caseload_tui import cli
sys.argv = ["caseload", *sys.argv[2:]]
cli.run()
"""


def killed_while(tmp_path: Path, env: dict[str, str], renaming: str, *args: str) -> None:
    script = tmp_path / "killed.py"
    script.write_text(KILLED_AT_RENAME)
    done = subprocess.run([sys.executable, str(script), renaming, *args], env=env, capture_output=True,
                          timeout=60, stdin=subprocess.DEVNULL)
    assert done.returncode == -9, done.stderr


def hidden(*folders: Path) -> list[str]:
    return sorted(p.name for folder in folders if folder.exists() for p in folder.iterdir()
                  if p.name.startswith("."))


def test_what_killed_backups_and_restores_leave_is_gone_after_the_next_start(tmp_path):
    env = subprocess_env(tmp_path)
    db = tmp_path / "caseload.db"
    make_caseload(db).close()
    backups = Path(env["CASELOAD_DATA_DIR"]) / "backups"
    killed_while(tmp_path, env, ".partial", "groups", "--db", str(db))  # the daily backup
    killed_while(tmp_path, env, ".partial", "backup", "--db", str(db))  # `caseload backup`
    good = tmp_path / "good.db"
    make_caseload(good).close()
    killed_while(tmp_path, env, ".restoring", "restore", "--yes", "--db", str(db), str(good))
    left = hidden(tmp_path, backups)
    assert any(name.endswith(".partial") for name in left), left
    assert any(".restoring" in name for name in left), left
    done = subprocess.run([str(Path(sys.executable).parent / "caseload"), "groups", "--db", str(db)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert hidden(tmp_path, backups) == []
    # The daily backup of that start was made whole, and is the only one counted.
    assert [p.name for p in backup.daily_backups(backups, backup.daily_prefix(db, backups))] != []


def test_a_copy_still_being_made_is_left_alone(tmp_path):
    """Another window's backup in progress holds its file: a start in this window does not remove it."""
    import fcntl

    db = tmp_path / "caseload.db"
    make_caseload(db).close()
    in_progress = tmp_path / ".caseload-2026-11-25-1800.db.abc123.partial"
    in_progress.write_bytes(b"being written")
    held = os.open(in_progress, os.O_RDONLY)
    fcntl.flock(held, fcntl.LOCK_EX)
    try:
        Store.open(db, daily_backup_dir=tmp_path / "backups").close()
        assert in_progress.exists()
    finally:
        os.close(held)
    Store.open(db, daily_backup_dir=tmp_path / "backups").close()
    assert not in_progress.exists()


def test_old_daily_backups_are_pruned_whole(tmp_path):
    from datetime import date

    db = tmp_path / "caseload.db"
    store = make_caseload(db)
    folder = tmp_path / "backups"
    for day in (1, 2, 3):
        backup.daily(store._conn, db, folder, date(2026, 11, day), keep=5)
    oldest = backup.daily_backups(folder, backup.daily_prefix(db, folder))[-1]
    Path(str(oldest) + "-journal").write_bytes(b"left by a copy")
    backup.daily(store._conn, db, folder, date(2026, 11, 4), keep=2)
    store.close()
    assert sorted(p.name for p in folder.iterdir()) == ["caseload-2026-11-03.db", "caseload-2026-11-04.db"]
