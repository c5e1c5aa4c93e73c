"""The caseload store: the only part of the program that speaks SQL.

Every method returns model objects; every write is one transaction that
takes the write lock up front and is committed before the method returns
(or, inside `Store.transaction()`, with the caller's other writes).

Store is opened, updated and closed here; what it does with each kind of record is in
a mixin of its own: clients.py, sessions.py, notes.py, safety.py, dates.py,
supervision.py, search.py, drafts.py (unsaved form text) and
caseload_io.py (export, import, and sessions from calendars). Shared SQL helpers are in sql.py.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from .. import model as m
from ..private_files import private_dir
from . import backup, backup_purge, key_check
from .background_check import Backup, PagesCheck, check_small_tables, in_wal_mode
from .caseload_io import CaseloadIOMixin, SessionChanges
from .clients import ClientsMixin
from .connection import WriteLock, check_file, configure, connect, describe_db_error, make_private
from .dates import DatesMixin
from .day_start import DayStartMixin
from .drafts import DraftsMixin
from .errors import Busy, Conflict, FileGone, Invalid, NoDatabase, NotACaseload, NotFound, StoreError
from .file_identity import FileIdentity
from .integrity import check_pages, cut_short, damaged_message, exposure, is_caseload, unreadable_message
from .migration_steps import applied_names, pending_names
from .migrations_later import MIGRATION_SET, migrations  # every migration: migrations.py's, then the later ones
from .mind import MindMixin
from .notes import NotesMixin
from .safety import SafetyMixin
from .search import SearchMixin
from .sessions import RECENT_SESSIONS, SessionsMixin
from .supervision import SupervisionMixin
from .undo import DeletedNote, UndoMixin

__all__ = [
    "Store", "StoreError", "Busy", "Conflict", "FileGone", "Invalid", "NoDatabase", "NotACaseload", "NotFound",
]
__all__ += ["MIGRATION_SET", "RECENT_SESSIONS", "SessionChanges"]  # used beside the store, not through it
__all__ += ["DeletedNote"]


class Store(ClientsMixin, SessionsMixin, NotesMixin, SafetyMixin, DatesMixin, SupervisionMixin, SearchMixin,
            CaseloadIOMixin, MindMixin, DraftsMixin, DayStartMixin, UndoMixin):
    """One open caseload file."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.path = path
        conn.row_factory = sqlite3.Row
        # The file as opened: a write is refused once the path no longer leads to it (file_identity.py).
        self._identity = FileIdentity.of(path) if path is not None else None
        self._lock = WriteLock(conn, guard=self._identity.require if self._identity is not None else None)
        self._conn = conn
        self.warnings: list[str] = []  # to tell the user at start: a file others could read, a backup not made
        self.encrypted = False  # an encrypted (SQLCipher) caseload: what is kept beside it must not undo that
        self.backups_folder: Path | None = None  # where its daily backups are kept (delete everywhere reaches them)
        self._check: PagesCheck | None = None  # the full check still running in the background, if it is

    # ------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: Path | str, create: bool = False, daily_backup_dir: Path | None = None,
             today: date | None = None, keep_backups: int = backup.DEFAULT_KEEP,
             passphrase: str | None = None, check_in_background: bool = False) -> Store:
        """Open a caseload; with create=True a missing file becomes a new caseload.

        A file that is not a caseload, or is damaged, is refused and left exactly as it was.
        With daily_backup_dir and today, the first opening of the day backs the file up there
        (the last keep_backups are kept). Updates to the schema are made in one transaction,
        after a backup beside the file; problems to tell the user are in store.warnings.

        An encrypted caseload needs its passphrase (kept nowhere once the file is unlocked):
        without one PassphraseNeeded is raised, and WrongPassphrase for one that does not open
        it, the file unchanged. With create=True and a passphrase, a new caseload is encrypted.
        Its backups are encrypted with the same key.

        check_in_background (the dashboard's start): only the small tables are checked now and the
        full check runs on a second, read-only connection while the caseload is read; every write
        waits for it, and is refused if it finds damage (background_check.py). The day's backup is
        made after it. A file to be updated, not in WAL mode, or encrypted is checked in full first.
        """
        path = Path(path)
        if create and not path.exists():
            private_dir(path.parent, tighten_existing=False)
            encrypted = passphrase is not None
        else:
            encrypted = check_file(path, passphrase)
        existed = path.exists()
        warning = exposure(path) if existed else None
        # Read before connecting, for the damage message: read beside an open connection, it would drop
        # this process's locks on the file (integrity.cut_short).
        was_cut_short = existed and not encrypted and cut_short(path)
        try:
            conn = connect(path, passphrase if encrypted else None)
        except sqlite3.Error as exc:
            raise _named(describe_db_error(exc), path, existed, was_cut_short) from None
        check: PagesCheck | None = None
        try:
            if existed:
                _refuse_foreign(conn, path, was_cut_short)
                if check_in_background and not encrypted and _current(conn):
                    check_small_tables(conn, path, was_cut_short)
                    check = PagesCheck(path, _day_backup(path, daily_backup_dir, today, keep_backups))
                else:
                    check_pages(conn, path, was_cut_short)
            configure(conn, memory=False)
            store = cls(conn, path)
            store.encrypted = encrypted
            store.backups_folder = Path(daily_backup_dir) if daily_backup_dir is not None else None
            store.warnings += [warning] if warning else []
            if existed and daily_backup_dir is not None:  # what a backup stopped mid-way left behind
                backup.remove_leftovers(path, [Path(daily_backup_dir)])
            if (check is None and existed and daily_backup_dir is not None and today is not None
                    and (note := backup.daily(conn, path, daily_backup_dir, today, keep_backups))):
                store.warnings.append(note)
            store._migrate(back_up=existed)
            if check is not None:
                store._check = check.start()
                store._lock.gate = check.wait_until_healthy
        except sqlite3.DatabaseError as exc:
            _close(conn, check)
            raise _named(describe_db_error(exc), path, existed, was_cut_short) from None
        except BaseException:
            _close(conn, check)
            if not existed:  # a new file that never became a caseload is not left behind
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
            raise
        make_private(path)
        if encrypted and not existed and passphrase is not None:  # its salt is written now: the check beside it
            key_check.remember(path, passphrase, key_check.connection_salt(conn))
        return store

    @classmethod
    def memory(cls) -> Store:
        conn = sqlite3.connect(":memory:", check_same_thread=False)
        configure(conn, memory=True)
        store = cls(conn, None)
        store._migrate()
        return store

    def _migrate(self, back_up: bool = False) -> None:
        """Apply pending migrations in one transaction: all of them or, on any failure, none.

        With back_up, a caseload that already has data is first copied beside itself.
        """
        with self._lock.reading() as conn:
            pending = pending_names(conn, migrations)
            has_data = bool(applied_names(conn, migrations))
        if not pending:
            return
        before = None
        if back_up and has_data and self.path is not None:
            try:
                before = backup.before_update(self._conn, self.path, pending[0])
            except (OSError, sqlite3.Error, StoreError):
                raise StoreError(f"{self.path} needs updating for this version of caseload, but a backup "
                                 "could not be made beside it first, so nothing was changed.") from None
        try:
            with self._foreign_keys_off(), self._lock.writing():
                migrations.apply(self.db)
        except Busy:
            raise
        except Exception:  # noqa: BLE001  # whatever failed, the file is as it was and the user is told so
            copy = f" A copy made just before is at {before}." if before else ""
            raise StoreError(f"{self.path or 'The caseload'} could not be updated for this version of "
                             f"caseload, so it was left as it was.{copy}") from None

    @contextlib.contextmanager
    def _foreign_keys_off(self) -> Iterator[None]:
        """While the schema is updated: a table rebuilt (rebuild.rebuild_table) is dropped and
        made again, and dropping it with foreign keys on would delete every row that refers to it.

        The pragma has no effect inside a transaction, so it is set around it.
        """
        with self._lock.reading() as conn:
            was_on = conn.execute("PRAGMA foreign_keys").fetchone()[0]
            conn.execute("PRAGMA foreign_keys = OFF")
            try:
                yield
            finally:
                conn.execute(f"PRAGMA foreign_keys = {'ON' if was_on else 'OFF'}")

    # ------------------------------------------------------------ delete everywhere

    def backups_holding(self, note: m.Thought | m.Question) -> int:
        """How many backups of this caseload still hold the note (after it was deleted here)."""
        if self.path is None:
            return 0
        with self._lock.reading() as conn:
            return len(backup_purge.holding(conn, backup_purge.backups_of(self.path, self.backups_folder), note))

    def delete_from_backups(self, note: m.Thought | m.Question) -> backup_purge.Purge:
        """Take a deleted note out of every backup too (backup_purge.py): rewritten through SQLite."""
        if self.path is None:
            return backup_purge.Purge(0, 0)
        with self._lock.reading() as conn:
            return backup_purge.purge(conn, backup_purge.backups_of(self.path, self.backups_folder), note)

    def pending_migrations(self) -> list[str]:
        with self._lock.reading() as conn:
            return pending_names(conn, migrations)

    def close(self) -> None:
        self.close_search()
        if self._check is not None:
            self._check.stop(self._conn.close)
        else:
            self._conn.close()

    @property
    def damage(self) -> str | None:
        """The background check's damage message, once it has found damage (every write is refused)."""
        return self._check.damage if self._check is not None else None

    def check_news(self) -> list[str]:
        """What the background check has found since last asked: damage (every write is refused), or
        the day's backup not made. Empty when the file was checked in full at open."""
        return self._check.news() if self._check is not None else []

    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """One user action that makes several writes: all of them are committed, or none.

        Store methods called inside it join this transaction instead of committing their own.
        """
        with self._lock.writing():
            yield

    def file_problem(self) -> str | None:
        """Why nothing more can be saved to this caseload (its file deleted, moved or replaced), or None."""
        return self._identity.problem() if self._identity is not None else None

    def wait_for_writes(self, milliseconds: int | None) -> None:
        """How long a write waits for another window's lock (None: the usual BUSY_TIMEOUT_MS)."""
        self._lock.patience_ms = milliseconds

    def data_version(self) -> int:
        """Changes whenever another connection (another window) commits to the file."""
        with self._lock.reading() as conn:
            version: int = conn.execute("PRAGMA data_version").fetchone()[0]
        return version


def _named(problem: StoreError, path: Path, existed: bool, cut: bool) -> StoreError:
    """A damaged file is named in the message, whichever step of opening found the damage."""
    if isinstance(problem, NotACaseload) and existed:
        return NotACaseload(damaged_message(path, cut))
    return problem


def _current(conn: sqlite3.Connection) -> bool:
    """Read only: nothing to update and already in WAL mode, so opening it writes nothing to it."""
    return in_wal_mode(conn) and not pending_names(conn, migrations)


def _day_backup(path: Path, folder: Path | None, today: date | None, keep: int) -> Backup | None:
    """The day's first backup, made by the background check once the file has passed."""
    if folder is None or today is None:
        return None
    return lambda checked: backup.daily(checked, path, folder, today, keep)


def _close(conn: sqlite3.Connection, check: PagesCheck | None) -> None:
    if check is not None:
        check.stop(conn.close)
    else:
        conn.close()


def _refuse_foreign(conn: sqlite3.Connection, path: Path, cut: bool) -> None:
    """Read-only: the file must be empty of tables or hold our migration record."""
    try:
        ours = is_caseload(conn, or_empty=True)
    except sqlite3.DatabaseError as exc:
        raise NotACaseload(unreadable_message(path, exc, cut)) from None
    if not ours:
        raise NotACaseload(f"{path} is a database, but not a caseload. Nothing was changed.")
