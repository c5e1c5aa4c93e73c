"""Is this file a healthy caseload, and is it private? Checks that change nothing.

Every check here reads only: a damaged or foreign file is reported, never
repaired or rewritten. No write pragma is issued on these connections.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from ..model.counting import numbered, plural
from . import cipher, key_check
from .connection import check_file
from .errors import NotACaseload, StoreError
from .migrations import MIGRATION_SET

SIDE_FILES = ("-wal", "-shm", "-journal")
COUNTED = (("clients", "clients"), ("sessions", "appointments"), ("thoughts", "thoughts"),
           ("questions", "questions"), ("news", "encounters"))  # labels: model.HOLDINGS


@dataclass
class Health:
    """What a check found, in the clinician's words."""

    path: Path
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    encrypted: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def exposure(path: Path, fixing: bool = True) -> str | None:
    """A warning if the caseload (or its side files) can be read by other accounts on this computer.

    fixing: the caller (Store.open) is about to make the files private, and the warning says so.
    """
    exposed = []
    for suffix in ("", *SIDE_FILES):
        candidate = Path(str(path) + suffix)
        try:
            mode = candidate.stat().st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode) and mode & 0o077:
            exposed.append(candidate)
    if not exposed:
        return None
    if fixing:
        return (f"{path} could be read by other people using this computer. It has been made "
                "private to you now; if someone else may have read it, take that into account.")
    return (f"{path} can be read by other people using this computer. Opening it with caseload "
            "makes it private to you.")


def check_pages(conn: sqlite3.Connection, path: Path, cut: bool) -> None:
    """Refuse a file whose pages are damaged, before anything is written to it (PRAGMA quick_check).

    cut: whether the file was cut short, read before the connection opened (cut_short)."""
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise NotACaseload(unreadable_message(path, exc, cut)) from None
    if rows != [("ok",)]:
        raise NotACaseload(damaged_message(path, cut))


def unreadable_message(path: Path, exc: sqlite3.Error, cut: bool) -> str:
    """Why a file could not be read: its folder cannot be written (SQLite keeps its -wal and -shm
    there, even to read), or the file is damaged (cut: cut short, as cut_short read it before connecting)."""
    folder = Path(path).parent
    text = str(exc).lower()
    if ("unable to open" in text or "readonly" in text) and not os.access(folder, os.W_OK):
        return (f"The folder {folder} cannot be written to, and caseload keeps its working files "
                f"({Path(path).name}-wal, -shm) beside the caseload, even to read it. The caseload itself "
                "is not damaged; nothing was changed. Move it to a folder you can write to, or `caseload "
                "check` it where it is.")
    return damaged_message(path, cut)


def damaged_message(path: Path, cut: bool) -> str:
    """The damage, told. cut (cut_short's answer) is read by the caller before connecting, never here:
    this is said while connections to the file are open."""
    what = "is cut short (part of the file is missing)" if cut else "is damaged (some of it cannot be read)"
    return (f"{path} {what}. Nothing was changed. `caseload check` says more; "
            "`caseload restore` can put a backup back.")


def cut_short(path: Path) -> bool:
    """True when the file is shorter than its own header says it is.

    Read it only while this process has no connection to the file open: closing this second descriptor
    would drop every POSIX lock the process holds on the file (docs/ARCHITECTURE.md, "The store")."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100:
        return True
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    return bool(counter_valid and pages and page_size and pages * page_size > size)


def open_plain(path: Path, passphrase: str | None = None) -> sqlite3.Connection:
    """A connection that issues no pragma at all: reading it leaves the file as it was.

    With a passphrase, an encrypted caseload's, whose only pragma is its key
    (WrongPassphrase if the passphrase does not open it).
    """
    if passphrase is not None and cipher.file_looks_encrypted(path):
        return cipher.open_keyed(Path(path), passphrase)
    return sqlite3.connect(str(path), timeout=5)


def unlock(path: Path, passphrase: str | None = None, damaged_ok: bool = False) -> bool:
    """check_file, and for an encrypted caseload that the passphrase opens it; True if it is encrypted.

    Changes nothing (PassphraseNeeded, WrongPassphrase or NotACaseload otherwise). damaged_ok: a
    damaged file is no refusal (a restore puts a backup in its place).
    """
    encrypted = check_file(Path(path), passphrase)
    if encrypted:
        try:
            cipher.open_keyed(Path(path), passphrase).close()
        except sqlite3.DatabaseError:
            if not damaged_ok:  # (an encrypted file's header is encrypted too: it cannot say it is cut short)
                raise NotACaseload(damaged_message(Path(path), cut=False)) from None
    return encrypted


def inspect_untouched(path: Path, passphrase: str | None = None) -> Health:
    """inspect(thorough), on a private copy of the file and its side files: the caseload, its -wal
    and its -shm stay byte for byte as they were (opening the file itself would fold a leftover
    -wal into it, and any reader writes to the -shm), and a read-only folder is no obstacle.

    The copy is made in a folder only you can enter and removed before this returns.
    """
    path = Path(path)
    check_file(path, passphrase)  # refused as the file itself, before any copy
    with tempfile.TemporaryDirectory(prefix="caseload-check-") as folder:
        copy = Path(folder) / path.name
        for suffix in ("", *SIDE_FILES, key_check.SUFFIX):
            if suffix != "-shm" and Path(str(path) + suffix).is_file():  # the -shm is rebuilt from the -wal
                _copy_private(Path(str(path) + suffix), Path(str(copy) + suffix))
        try:
            health = inspect(copy, thorough=True, passphrase=passphrase)
        except StoreError as exc:  # told about the file itself, not the copy
            raise type(exc)(str(exc).replace(str(copy), str(path))) from None
    health.path = path
    health.problems = [problem.replace(str(copy), str(path)) for problem in health.problems]
    return health


def _copy_private(source: Path, dest: Path) -> None:
    fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with open(source, "rb") as reading, os.fdopen(fd, "wb") as writing:
        shutil.copyfileobj(reading, writing)


def is_caseload(conn: sqlite3.Connection, or_empty: bool = False) -> bool:
    """The file holds our migration record (or_empty: or no tables at all, a caseload to be)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if or_empty and not tables:
        return True
    if "_sqlite_migrations" not in tables:
        return False
    sets = {r[0] for r in conn.execute("SELECT DISTINCT migration_set FROM _sqlite_migrations")}
    return MIGRATION_SET in sets


def inspect(path: Path, thorough: bool = True, passphrase: str | None = None) -> Health:
    """Check a caseload file without changing it.

    Raises (NoDatabase, NotACaseload) for a file that is not a caseload at all;
    returns the problems found in a caseload, which are empty when it is healthy.
    thorough runs the full integrity check and the check of links between records.
    An encrypted caseload needs its passphrase (PassphraseNeeded, WrongPassphrase).
    """
    path = Path(path)
    encrypted = check_file(path, passphrase)
    cut = not encrypted and cut_short(path)  # before connecting: see cut_short
    health = Health(path, encrypted=encrypted)
    try:
        conn = cipher.open_keyed(path, passphrase) if encrypted else open_plain(path)
    except sqlite3.DatabaseError as exc:
        health.problems.append(unreadable_message(path, exc, cut))  # the key opened it, but the page it read is damaged
        return health
    try:
        try:
            if not is_caseload(conn):
                raise NotACaseload(f"{path} is not a caseload file. Nothing was changed.")
        except sqlite3.DatabaseError as exc:
            health.problems.append(unreadable_message(path, exc, cut))
            return health
        try:
            found = conn.execute("PRAGMA integrity_check(100)" if thorough else "PRAGMA quick_check(1)").fetchall()
        except sqlite3.DatabaseError:
            found = [("unreadable",)]
        if found != [("ok",)]:
            health.problems.append(
                damaged_message(path, cut) if len(found) == 1 else
                f"{path} is damaged: {numbered(len(found), 'problem')} were found in how it is stored. "
                "Nothing was changed. `caseload restore` can put a backup back."
            )
            return health
        if thorough:
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                health.problems.append(
                    f"{numbered(len(broken), 'record')} {plural(len(broken), 'points', 'point')} to a client or "
                    "meeting that is no longer there "
                    "(for example a thought whose client was removed). Nothing was changed."
                )
        for label, table in COUNTED:
            health.counts[label] = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()
    return health
