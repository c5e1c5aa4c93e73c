"""The full check of a caseload's pages, off the start path, without weakening its promise.

At L the full `PRAGMA quick_check` takes seconds, so the dashboard does not wait for it:
at open only the small tables are checked (`check_small_tables`, which also refuses a file
cut short), and the full check runs on a second, read-only connection in a thread while the
caseload is read and drawn. Writes wait for it (`WriteLock`'s gate): nothing is written to
the file before it has been checked. If it finds damage, every write is refused with the
damage message and the clinician is told (`PagesCheck.news`). The day's first backup is made
from the same connection once the check has passed, so it is made only of a checked file.

A read-only connection can never write to the file, not even the checkpoint SQLite makes
when the last connection closes; `Store.close` closes its own connection first while this
one is open, so a check that is stopped unfinished leaves the file as it was.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from .errors import NotACaseload, StoreError
from .integrity import damaged_message, unreadable_message

# Checked at open: the tables with a row per client or fewer. The ones with a row per session or
# per note (appointments, thoughts, questions, news, their search indexes, their versions) are what
# makes a large caseload large; they are left to the full check.
SMALL = ("_sqlite_migrations", "clients", "episodes", "breaks", "dates", "supervision_meetings",
         "supervision_items")

READER_CACHE_KIB = 256
Backup = Callable[[sqlite3.Connection], "str | None"]  # makes the day's backup; a warning if it could not


def check_small_tables(conn: sqlite3.Connection, path: Path, was_cut_short: bool) -> None:
    """Refuse, before anything is written, a file cut short or whose small tables are damaged.

    Each is checked with its indexes (`PRAGMA quick_check(TABLE)`). Whether the file was cut short
    is read by the caller before the connection opens: reading the file through a second descriptor
    and closing it would drop this process's POSIX locks on it, so another process closing its own
    connection would take itself for the last and delete the -wal and -shm still in use here.
    """
    if was_cut_short:
        raise NotACaseload(damaged_message(path, cut=True))
    try:
        present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in (t for t in SMALL if t in present):
            if conn.execute(f'PRAGMA quick_check("{table}")').fetchall() != [("ok",)]:
                raise NotACaseload(damaged_message(path, cut=False))
    except sqlite3.DatabaseError as exc:
        raise NotACaseload(unreadable_message(path, exc, cut=False)) from None


def in_wal_mode(conn: sqlite3.Connection) -> bool:
    """Read only: a file in another journal mode is rewritten when opened for use, so is checked first."""
    return bool(conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal")


class PagesCheck:
    """The full check, in a thread, on its own read-only connection; then the day's backup, if one is due."""

    def __init__(self, path: Path, backup: Backup | None = None) -> None:
        self.path = path
        self._reader = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False,
                                       timeout=5)
        # The check reads every page once: a cache would only hold memory (SQLite's default is 2 MiB).
        self._reader.execute(f"PRAGMA cache_size = -{READER_CACHE_KIB}")
        self._backup = backup
        self._checked = threading.Event()
        self._stopping = False
        self._passed = False  # set only by a check that ran to the end and found nothing
        self.damage: str | None = None  # the damage message, once the check has found damage
        self._news: list[str] = []  # what the clinician is to be told: damage, a backup not made
        self._told = 0
        self._thread = threading.Thread(target=self._run, name="caseload-check", daemon=True)

    def start(self) -> PagesCheck:
        self._thread.start()
        return self

    def _run(self) -> None:
        try:
            try:
                if self._stopping:
                    raise sqlite3.OperationalError("stopped before it began")
                found = self._reader.execute("PRAGMA quick_check(1)").fetchall()
                self._passed = found == [("ok",)]
                # Not cut short (check_small_tables refused that at open), and never read here: the
                # store's connection is open, and reading the file beside it would drop its locks.
                if not self._passed:
                    self.damage = damaged_message(self.path, cut=False)
            except sqlite3.DatabaseError as exc:
                if not self._stopping:  # (stopped by close(): not damage, and not passed either)
                    self.damage = unreadable_message(self.path, exc, cut=False)  # a check not made is no pass
            if self.damage is not None:
                self._news.append(self.damage)
        finally:
            self._checked.set()
        if self._passed and self._backup is not None and not self._stopping:
            note = self._backup(self._reader)
            if note:
                self._news.append(note)

    @property
    def finished(self) -> bool:
        return self._checked.is_set()

    def wait_until_healthy(self) -> None:
        """Before every write: wait for the check; refuse the write if it found damage."""
        self._checked.wait()
        if self.damage is not None:
            raise NotACaseload(self.damage)
        if not self._passed:
            raise StoreError("The caseload is closing; nothing was changed.")

    def news(self) -> list[str]:
        """What the clinician has not yet been told: damage found, a backup that could not be made."""
        found = self._news[self._told:]
        self._told += len(found)
        return found

    def join(self, seconds: float | None = None) -> None:
        self._thread.join(seconds)

    def stop(self, close_store: Callable[[], None]) -> None:
        """Stop the check if unfinished, and close both connections.

        The last connection to close folds the WAL into the file (SQLite's checkpoint). The store's
        closes last only if the file passed its check or its WAL holds nothing to fold; otherwise
        first, while this read-only one (which can never write) is still open, so nothing is written.
        """
        self._stopping = True
        while self._thread.is_alive() and not self._checked.is_set():  # until the interrupt lands
            self._reader.interrupt()
            self._checked.wait(0.05)
        if self._thread.ident is not None:  # started: a backup after the check ends first
            self._thread.join()
        wal = Path(f"{self.path}-wal")
        if self._passed or _empty(wal):
            self._reader.close()
            close_store()
        else:
            try:
                close_store()
            finally:
                self._reader.close()


def _empty(path: Path) -> bool:
    try:
        return path.stat().st_size == 0
    except OSError:
        return True
