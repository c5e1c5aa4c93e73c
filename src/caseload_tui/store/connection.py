"""Opening a caseload file safely, and the one way writes are made.

Opening never changes a file that is not a caseload: the header and the
schema are checked read-only before any pragma that writes is issued.
An encrypted caseload (see cipher.py) is opened the same way once its key is set.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..private_files import NotAFile, require_regular_file, tightened
from . import cipher
from .errors import Busy, NoDatabase, NotACaseload, StoreError

SQLITE_HEADER = cipher.SQLITE_HEADER
BUSY_TIMEOUT_MS = 5000
WAL_TRIES, WAL_RETRY_SECONDS = 10, 0.1  # about a second for another window to let go of the WAL
# The notes, each with a full-text index: what is deleted or edited out leaves its index too.
NOTES = ("thoughts", "questions", "encounters")
# Every table with a full-text index (store/search.py): the notes, and the rest of what is written.
INDEXED = (*NOTES, "dates", "clients", "episodes", "supervision_items")


def describe_db_error(exc: sqlite3.Error) -> StoreError:
    """Reword a database error for the clinician, without quoting any content."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return Busy(
            "The caseload is busy in another window and did not free up in time. "
            "Nothing was changed; please try again in a moment."
        )
    if "readonly" in text or "read-only" in text:
        return StoreError("The caseload file cannot be written to (it is read-only). Nothing was changed.")
    if "disk" in text and "full" in text:
        return StoreError("The disk is full, so nothing could be saved. Free some space and try again.")
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return NotACaseload("The caseload file is damaged. Run `caseload check`, or restore a backup.")
    return StoreError("The caseload could not be read or written. Nothing was changed.")


def check_file(path: Path, passphrase: str | None = None) -> bool:
    """Refuse, without touching it, a file that cannot be a caseload database.

    Returns True for a file that may be an encrypted caseload, when the sqlcipher3 extra is
    installed and a passphrase is given (whether it opens the file is found out on opening);
    without a passphrase that raises PassphraseNeeded, and without the extra EncryptionUnavailable.
    """
    if not path.exists():
        raise NoDatabase(
            f"There is no caseload at {path}. Create one with `caseload init {path}`, "
            "or try the demo with `caseload --demo`."
        )
    try:
        require_regular_file(path, "caseload file")  # a FIFO or a device would hang the open below
    except NotAFile as exc:
        raise NotACaseload(str(exc)) from None
    try:
        with open(path, "rb") as handle:
            header = handle.read(cipher.PROBE)
    except OSError as exc:
        raise StoreError(f"{path} could not be opened ({exc.strerror}).") from None
    if len(header) == 0:
        raise NotACaseload(f"{path} is empty: it is not a caseload. Nothing was changed.")
    if not header.startswith(SQLITE_HEADER):
        if cipher.looks_encrypted(header, path.stat().st_size):
            cipher.require(path, passphrase)
            return True
        raise NotACaseload(f"{path} is not a caseload file. Nothing was changed.")
    if len(header) < 100 or path.stat().st_size < 512:
        raise NotACaseload(f"{path} is cut short: it looks damaged. Nothing was changed.")
    return False


def make_private(path: Path) -> None:
    """The database and its WAL, SHM and journal files are readable by their owner only.

    Only what other accounts could do is taken away: a 0400 caseload stays 0400, never made writable.
    """
    for suffix in ("", "-wal", "-shm", "-journal"):
        candidate = Path(str(path) + suffix)
        with contextlib.suppress(OSError):
            mode = os.stat(candidate).st_mode
            if tightened(mode) != (mode & 0o7777):
                os.chmod(candidate, tightened(mode))


def connect(path: Path | str, passphrase: str | None = None) -> sqlite3.Connection:
    """A connection shareable between the UI thread and workers (guarded by a lock).

    With a passphrase, an encrypted caseload's (a new file becomes an encrypted one): the key is
    set before anything else, and a passphrase that does not open it raises WrongPassphrase.
    """
    if str(path) != ":memory:":
        # Create the file 0600 ourselves, so no umask ever exposes it.
        p = Path(path)
        if not p.exists():
            fd = os.open(p, os.O_CREAT | os.O_WRONLY, 0o600)
            os.close(fd)
    if passphrase is not None:
        return cipher.open_keyed(Path(path), passphrase, timeout=BUSY_TIMEOUT_MS / 1000, shared=True)
    old_umask = os.umask(0o077)  # WAL and SHM files are created by SQLite itself
    try:
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    finally:
        os.umask(old_umask)
    return conn


def configure(conn: sqlite3.Connection, memory: bool) -> None:
    """Durable, waiting, cascading, and erasing on delete."""
    old_umask = os.umask(0o077)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        if not memory:
            conn.execute("PRAGMA journal_mode = WAL")
        # FULL, not NORMAL: a saved note survives a power cut (fullfsync: macOS flushes the drive too).
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA fullfsync = ON")
        conn.execute("PRAGMA checkpoint_fullfsync = ON")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA secure_delete = ON")
    finally:
        os.umask(old_umask)


def purge_search_index(conn: sqlite3.Connection, tables: tuple[str, ...]) -> None:
    """Deleted text leaves the full-text index too.

    An external-content FTS5 index keeps a deleted note's words in its old
    segments until they are merged; 'optimize' merges them now (secure_delete
    then zeroes the freed pages). Call inside the deleting transaction.

    secure_delete zeroes freed cells and pages, but not the unused gap of a page that
    stays in use: when SQLite rebalances the index's pages it can leave there an old copy
    of a cell it moved, and the merge then deletes only the moved copy (found by
    tools/erasure_sweep.py on SQLite 3.40). So the index's two tables are emptied (every
    page freed, so zeroed) and written again from their rows as they are.
    """
    for table in tables:
        conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('optimize')")
        for shadow in (f"{table}_fts_data", f"{table}_fts_idx"):
            rows = conn.execute(f'SELECT * FROM "{shadow}"').fetchall()
            conn.execute(f'DELETE FROM "{shadow}"')
            if rows:
                marks = ", ".join("?" * len(rows[0]))
                conn.executemany(f'INSERT INTO "{shadow}" VALUES ({marks})', rows)


def empty_wal(conn: sqlite3.Connection, tries: int = WAL_TRIES) -> bool:
    """Move committed pages into the main file and cut the WAL to nothing (after a delete or an edit).

    Another window reading holds the WAL's pages; the checkpoint is tried again (every
    WAL_RETRY_SECONDS) until it lets go. True once the WAL is empty; False if it did not let go
    (the caller says so: the words stay in the -wal until that window closes or moves on).
    """
    if conn.in_transaction:
        return False
    # A TRUNCATE checkpoint waits for readers through the busy handler: with the connection's
    # timeout that was 5 s a try, 50 s of a frozen screen. Here each try is immediate.
    (waited,) = conn.execute("PRAGMA busy_timeout").fetchone()
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        for attempt in range(tries):
            try:
                busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            except sqlite3.Error:
                busy = 1
            if not busy:
                return True
            if attempt + 1 < tries:
                time.sleep(WAL_RETRY_SECONDS)
        return False
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(waited)}")


class WriteLock:
    """Serialises use of one connection across threads, and makes write transactions.

    `guard`, when set, is called before each transaction begins and after it commits, and raises
    if a write would not reach the file (file_identity.py). `patience_ms`, when set, is how long
    a write waits for another window's write lock instead of the connection's BUSY_TIMEOUT_MS: the
    screen sets it short, so a busy caseload never freezes it and its forms retry in the background.
    """

    def __init__(self, conn: sqlite3.Connection, guard: Callable[[], None] | None = None):
        self._conn = conn
        self._lock = threading.RLock()
        self.guard = guard
        self.patience_ms: int | None = None
        # Before every write, while the file's full check runs in the background (background_check.py):
        # waits for it, and refuses the write if it found damage.
        self.gate: Callable[[], None] | None = None

    def _begin(self, conn: sqlite3.Connection) -> None:
        if self.patience_ms is None:
            conn.execute("BEGIN IMMEDIATE")
            return
        (waited,) = conn.execute("PRAGMA busy_timeout").fetchone()
        conn.execute(f"PRAGMA busy_timeout = {int(self.patience_ms)}")
        try:
            conn.execute("BEGIN IMMEDIATE")
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(waited)}")

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise describe_db_error(exc) from None

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One transaction that takes the write lock up front (BEGIN IMMEDIATE)."""
        if self.gate is not None:  # outside the lock: reads from other threads go on meanwhile
            self.gate()
        with self._lock:
            conn = self._conn
            if conn.in_transaction:  # nested: part of the caller's transaction
                yield conn
                return
            if self.guard is not None:
                self.guard()
            old_umask = os.umask(0o077)
            try:
                try:
                    self._begin(conn)
                except sqlite3.Error as exc:
                    raise describe_db_error(exc) from None
                try:
                    yield conn
                except BaseException as exc:
                    conn.rollback()
                    if isinstance(exc, sqlite3.Error):
                        raise describe_db_error(exc) from None
                    raise
                try:
                    conn.execute("COMMIT")
                except sqlite3.Error as exc:
                    conn.rollback()
                    raise describe_db_error(exc) from None
            finally:
                os.umask(old_umask)
            if self.guard is not None:
                self.guard()  # gone while it was being written: it is not reported as saved
