""""Delete everywhere": a deleted note taken out of every backup of the caseload too.

Each backup is rewritten through SQLite, never by hand: it is attached to the open caseload's
connection (an encrypted caseload's backups share its key, which ATTACH without KEY uses), the
note is deleted there with secure_delete on (its freed pages zeroed), and its search index is
merged, exactly as a delete in the caseload itself. A note is the same note in a backup when its
id and the moment it was written agree (edits do not change that moment, so every earlier version
goes too). A backup that cannot be opened or written is left as it was and counted as such.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import model as m
from . import rows
from .backup import daily_prefix
from .connection import purge_search_index

ATTACHED = "old_backup"


@dataclass(frozen=True)
class Purge:
    """What delete-everywhere did: backups the note was taken out of, and backups it could not be."""

    removed_from: int
    not_reached: int


def _where(note: m.Thought | m.Question) -> tuple[str, str, list[object]]:
    """The note's table and how to find it in a backup (its id and the moment it was written)."""
    if isinstance(note, m.Thought):
        return "thoughts", "id = ? AND written_at = ?", [note.id, rows.iso_moment(note.written_at)]
    return "questions", "id = ? AND asked_at = ?", [note.id, rows.iso_moment(note.asked_at)]


def backups_of(db_path: Path, folder: Path | None) -> list[Path]:
    """Every copy kept of this caseload: its daily and hand-made backups in the backups folder, and
    the copies beside it (made before an update, or kept aside by a restore)."""
    db_path = Path(db_path)
    beside = re.compile(rf"^{re.escape(db_path.stem)}\.(before|replaced)-.*{re.escape(db_path.suffix or '.db')}$")
    found = [p for p in db_path.parent.iterdir() if beside.match(p.name)]
    if folder is not None and Path(folder).is_dir():
        starts = (f"{db_path.stem}-", f"{daily_prefix(db_path, folder)}-")
        found += [p for p in Path(folder).iterdir() if p.name.startswith(starts) and p.suffix == ".db"]
    return sorted(p for p in found if p.is_file() and p.resolve() != db_path.resolve())


@contextlib.contextmanager
def _attached(conn: sqlite3.Connection, path: Path) -> Iterator[None]:
    conn.execute(f"ATTACH DATABASE ? AS {ATTACHED}", [str(path)])
    try:
        yield
    finally:
        conn.execute(f"DETACH DATABASE {ATTACHED}")


def holding(conn: sqlite3.Connection, backups: list[Path], note: m.Thought | m.Question) -> list[Path]:
    """The backups that still hold the note (read only)."""
    table, where, args = _where(note)
    found = []
    for path in backups:
        with contextlib.suppress(sqlite3.Error), _attached(conn, path):
            if conn.execute(f"SELECT 1 FROM {ATTACHED}.{table} WHERE {where}", args).fetchone():
                found.append(path)
    return found


def purge(conn: sqlite3.Connection, backups: list[Path], note: m.Thought | m.Question) -> Purge:
    """Take the note out of each backup holding it, in one transaction per backup."""
    table, where, args = _where(note)
    removed = not_reached = 0
    for path in holding(conn, backups, note):
        old_umask = os.umask(0o077)  # the backup's rollback journal is private too
        try:
            with _attached(conn, path):
                conn.execute(f"PRAGMA {ATTACHED}.secure_delete = ON")
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute(f"DELETE FROM {ATTACHED}.{table} WHERE {where}", args)
                    purge_search_index(conn, (table,), ATTACHED)  # its index's pages' gaps too
                    conn.execute("COMMIT")
                except BaseException:
                    conn.rollback()
                    raise
            removed += 1
        except sqlite3.Error:
            not_reached += 1
        finally:
            os.umask(old_umask)
    return Purge(removed, not_reached)
