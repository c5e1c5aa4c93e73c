"""While this process holds a connection to the caseload, nothing in it reads the file (or its -wal or
-shm) through a second descriptor: closing one drops every POSIX lock the process holds on the file,
so another window closing takes itself for the last, deletes the -shm and folds the WAL, and what is
saved here afterwards is lost to every other reader (docs/ARCHITECTURE.md, "The store").

Each test opens the caseload the way a moment of the program does and checks that this process still
holds its shared lock on the file (as /proc/locks lists it), and where it shows, what another window's
closing then does.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import Store
from caseload_tui.store.key_check import check_path

from trust_helpers import damaged_middle, real_caseload

PASSPHRASE = "Kestrel-orchard 4417"
# Another window: its own connection (keyed, for an encrypted caseload), one empty write, closed.
OTHER_WINDOW = """
import sys
if sys.argv[2]:
    from sqlcipher3 import dbapi2 as sqlite3
else:
    import sqlite3
c = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2]:
    c.execute("PRAGMA key = '" + sys.argv[2] + "'")
c.execute("BEGIN IMMEDIATE")
c.execute("COMMIT")
c.close()
"""
READER = OTHER_WINDOW.replace('c.execute("BEGIN IMMEDIATE")\nc.execute("COMMIT")\n',
                              'print(c.execute("SELECT name FROM clients").fetchall())\n')


def another_window(db: Path, passphrase: str = "", program: str = OTHER_WINDOW) -> str:
    return subprocess.run([sys.executable, "-c", program, str(db), passphrase], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def locks_held_on(path: Path) -> list[str]:
    """The POSIX locks this process holds on the file, as /proc/locks lists them (READ or WRITE each)."""
    inode = os.stat(path).st_ino
    held = []
    for line in Path("/proc/locks").read_text().splitlines():
        fields = [f for f in line.split() if f != "->"]
        if fields[1] == "POSIX" and fields[4] == str(os.getpid()) and fields[5].endswith(f":{inode}"):
            held.append(fields[3])
    return held


needs_proc_locks = pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads the locks held from /proc/locks")


@needs_proc_locks
def test_an_encrypted_caseload_opened_without_its_check_value_keeps_its_locks(tmp_path):
    """Opening writes the key check value beside the file; its salt is read before connecting, not after."""
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "caseload.db"
    made = Store.open(db, create=True, passphrase=PASSPHRASE)
    made.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    made.close()
    check_path(db).unlink()  # as after a restore: written again when the file opens
    store = Store.open(db, passphrase=PASSPHRASE)
    try:
        assert check_path(db).exists()
        assert locks_held_on(db) == ["READ"]  # the connection's shared lock, which tells others it is open
    finally:
        store.close()


@needs_proc_locks
def test_a_new_encrypted_caseload_keeps_its_locks(tmp_path):
    """Its check value is written with the salt asked of SQLCipher, not read from the file."""
    pytest.importorskip("sqlcipher3")
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True, passphrase=PASSPHRASE)
    try:
        assert check_path(db).exists()
        assert locks_held_on(db) == ["READ"]
    finally:
        store.close()
    assert Store.open(db, passphrase=PASSPHRASE).clients() == []  # the check value written is the right one


@needs_proc_locks
def test_damage_found_by_the_background_check_leaves_the_locks_in_place(tmp_path):
    """The damage message is worded without reading the file beside the open connections, so another
    window closing does not take itself for the last and delete the -shm still in use here."""
    db = tmp_path / "bad" / "caseload.db"
    db.parent.mkdir()
    db.write_bytes(damaged_middle(real_caseload(tmp_path)))
    store = Store.open(db, check_in_background=True)
    try:
        store._check.join()
        assert store.damage is not None  # found, and worded, while both connections are open
        assert "READ" in locks_held_on(db)
        another_window(db)
        assert Path(f"{db}-shm").exists()
        assert "Ann" in another_window(db, program=READER)  # what is undamaged is still read, here and there
    finally:
        store.close()


# ------------------------------------------------------------------ the rule, kept by reading the code

STORE = Path(__file__).resolve().parents[2] / "src" / "caseload_tui" / "store"
# Where store/ opens a file itself, and why it may: each is read before any connection to that file is
# open in this process, or is another file (a copy, a backup, a folder, a file written beside it).
ALLOWED = {
    ("backup.py", "_unused"): "a copy's leftover (another file), to see whether a copy still holds it",
    ("backup.py", "restore"): "the copy being put back (another file), held while it is moved into place",
    ("backup.py", "_healthy"): "the caseload to be replaced, before any connection to it (restore)",
    ("backup.py", "_flush"): "a new copy or a folder, to reach the disk",
    ("cipher.py", "file_looks_encrypted"): "before connecting (Store.open, open_plain, restore)",
    ("connection.py", "check_file"): "before connecting (Store.open, inspect, unlock)",
    ("connection.py", "connect"): "creating the file 0600 before SQLite opens it",
    ("integrity.py", "cut_short"): "before connecting (Store.open, inspect)",
    ("integrity.py", "_copy_private"): "`caseload check`: copied before any connection, the copy checked instead",
    ("key_check.py", "file_salt"): "before connecting (cipher.open_keyed)",
    ("key_check.py", "verdict"): "the check value's own file beside the caseload",
}
OPENING = {"open", "read_bytes", "read_text", "write_bytes", "write_text", "fdopen"}  # by any name
SHUTIL = {"copy", "copy2", "copyfile", "copyfileobj"}  # shutil's (backup.copy is SQLite's backup)


def _opening(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id if call.func.id in OPENING else None
    if isinstance(call.func, ast.Attribute):
        shutil = isinstance(call.func.value, ast.Name) and call.func.value.id == "shutil"
        return call.func.attr if call.func.attr in OPENING or (shutil and call.func.attr in SHUTIL) else None
    return None


def _opens(source: str) -> set[tuple[str, str]]:
    """(function, call) for every call in the module that opens a file or reads one whole."""
    return {(function.name, name) for function in ast.walk(ast.parse(source)) if isinstance(function, ast.FunctionDef)
            for node in ast.walk(function) if isinstance(node, ast.Call) and (name := _opening(node))}


def test_store_opens_a_file_itself_only_where_that_cannot_drop_a_connections_locks():
    unexplained = sorted(f"store/{path.name}: {function}() calls {call}()"
                         for path in sorted(STORE.glob("*.py"))
                         for function, call in _opens(path.read_text(encoding="utf-8"))
                         if (path.name, function) not in ALLOWED)
    assert unexplained == [], (
        "A file opened beside a connection drops this process's locks on the caseload when it is closed. "
        "Read it before connecting, or through SQLite, or os.stat it; then say why here (ALLOWED):\n"
        + "\n".join(unexplained))


def test_the_rule_sees_an_open_of_the_caseload_beside_a_connection():
    planted = ("def damage_message(path, conn):\n    with open(path, 'rb') as f:\n        return f.read(100)\n"
               "def wal_copy(path):\n    shutil.copyfile(path, 'x'); os.open(path, 0); backup.copy(conn, 'y')\n")
    assert _opens(planted) == {("damage_message", "open"), ("wal_copy", "copyfile"), ("wal_copy", "open")}
    assert all(os.path.exists(STORE / module) for module, _ in ALLOWED)  # no reason kept for a module gone
