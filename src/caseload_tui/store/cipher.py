"""An encrypted caseload (SQLCipher, through the optional sqlcipher3 binding).

The passphrase unlocks the file and is then forgotten: it is put in a PRAGMA key
before anything else is done on the connection, and nothing here keeps it.
sqlcipher3 raises its own exception classes; the connection is handed to the rest
of the store wrapped so that they arrive as sqlite3's (every `except sqlite3.Error`
in the store, and in sqlite-utils, keeps working).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, NoReturn, cast

from . import key_check
from .errors import EncryptionUnavailable, PassphraseNeeded, StoreError, WrongPassphrase

SQLITE_HEADER = b"SQLite format 3\x00"
PROBE = 512  # SQLCipher pages are at least this long; the first is random-looking from byte 0
INSTALL = "pip install 'caseload-tui[encrypted]'"
WRONG = "That passphrase does not open this caseload. Nothing was changed."


def dbapi() -> Any:
    """sqlcipher3's DB-API module, or None when the extra is not installed."""
    try:
        from sqlcipher3 import dbapi2  # type: ignore[import-untyped,import-not-found,unused-ignore]
    except ImportError:
        return None
    return dbapi2


def available() -> bool:
    return dbapi() is not None


def looks_encrypted(head: bytes, size: int) -> bool:
    """A file that may be an encrypted caseload: whole pages, and a first page that looks random.

    An SQLCipher file begins with its random salt and an encrypted page, so no header and
    no structure; a text file or another program's file has far fewer distinct bytes.
    """
    if head.startswith(SQLITE_HEADER) or size < PROBE or size % PROBE or len(head) < PROBE:
        return False
    return len(set(head[:PROBE])) >= 160  # random: about 221 of 256 values in 512 bytes


def file_looks_encrypted(path: Path) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # a FIFO or a device is never opened
            return False
        with open(path, "rb") as handle:
            head = handle.read(PROBE)
        return looks_encrypted(head, Path(path).stat().st_size)
    except OSError:
        return False


def require(path: Path, passphrase: str | None) -> None:
    """An encrypted file can be opened only with the extra installed and a passphrase given."""
    if not available() or passphrase is None:
        refuse(path)


def refuse(path: Path) -> NoReturn:
    """Why an encrypted file cannot be opened: the extra is missing, or no passphrase was given."""
    if not available():
        raise EncryptionUnavailable(
            f"This caseload is encrypted; install the extra with {INSTALL}. Nothing was changed at {path}.")
    raise PassphraseNeeded(f"{path} is an encrypted caseload: its passphrase is needed to open it. "
                           "Nothing was changed.")


def open_keyed(path: Path, passphrase: str | None, timeout: float = 5.0, shared: bool = False) -> sqlite3.Connection:
    """A connection to an encrypted caseload, unlocked and checked with one read.

    A CipherConnection, typed as the sqlite3 connection it stands in for (the store and
    sqlite-utils use it as one; backup.copy tells them apart).

    Only the key is set: like integrity.open_plain, reading it leaves the file as it was.
    A passphrase that does not open it raises WrongPassphrase (nothing is written).
    With shared, the connection may be used from several threads (the store guards it with a lock).
    """
    api = dbapi()
    if api is None or passphrase is None:
        refuse(path)
    salt = key_check.file_salt(path)  # before connecting (key_check.file_salt)
    known = key_check.verdict(path, passphrase, salt)
    if known is False:  # refused before the file is opened: not one byte of it, its -wal or -shm changes
        raise WrongPassphrase(WRONG)
    old_umask = os.umask(0o077)  # WAL and SHM files are created by SQLite itself
    try:
        raw = api.connect(str(path), timeout=timeout, check_same_thread=not shared)
    except (api.Error, MemoryError) as exc:
        raise translate(exc) from None
    finally:
        os.umask(old_umask)
    try:
        # The library would otherwise write its own complaints about a wrong key to the terminal.
        raw.execute("PRAGMA cipher_log_level = NONE")
        raw.execute("PRAGMA key = " + _literal(passphrase))
        raw.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except (api.Error, MemoryError) as exc:  # SQLCipher reports some damage as running out of memory
        raw.close()
        # A key that does not decrypt the first page reads as "file is not a database"; with a
        # check value that says the passphrase is right, that is damage. Anything else (busy,
        # unreadable) is reported as the database error it is.
        not_a_db = getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB" or "not a database" in str(exc)
        if not_a_db and known is None:
            raise WrongPassphrase(WRONG) from None
        raise (sqlite3.DatabaseError("database disk image is malformed") if not_a_db else translate(exc)) from None
    except BaseException:
        raw.close()
        raise
    if known is None:
        key_check.remember(path, passphrase, salt)
    return cast(sqlite3.Connection, CipherConnection(raw, api))


def _literal(passphrase: str) -> str:
    if "\x00" in passphrase:
        raise StoreError("A passphrase cannot contain a NUL character. Nothing was changed.")
    return "'" + passphrase.replace("'", "''") + "'"


def translate(exc: BaseException) -> sqlite3.Error:
    """The sqlite3 exception matching one of sqlcipher3's (same class name, same message and codes)."""
    kind = getattr(sqlite3, type(exc).__name__, None)
    if not (isinstance(kind, type) and issubclass(kind, sqlite3.Error)):
        kind = sqlite3.DatabaseError
    same = kind(*exc.args)
    for attribute in ("sqlite_errorcode", "sqlite_errorname"):
        if hasattr(exc, attribute):
            setattr(same, attribute, getattr(exc, attribute))
    return same


class CipherCursor:
    """A sqlcipher3 cursor whose errors are sqlite3's."""

    __slots__ = ("_cursor", "_errors", "connection")

    def __init__(self, cursor: Any, errors: type[Exception], connection: CipherConnection) -> None:
        self._cursor = cursor
        self._errors = errors
        self.connection = connection

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> CipherCursor:
        try:
            self._cursor.execute(sql, parameters)
        except (self._errors, MemoryError) as exc:  # SQLCipher's damage can arrive as a MemoryError
            raise translate(exc) from None
        return self

    def executemany(self, sql: str, seq: Iterable[Sequence[Any] | dict[str, Any]]) -> CipherCursor:
        try:
            self._cursor.executemany(sql, seq)
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None
        return self

    def executescript(self, script: str) -> CipherCursor:
        try:
            self._cursor.executescript(script)
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None
        return self

    def fetchone(self) -> Any:
        try:
            return self._cursor.fetchone()
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None

    def fetchmany(self, size: int | None = None) -> list[Any]:
        try:
            return cast("list[Any]", self._cursor.fetchmany(self._cursor.arraysize if size is None else size))
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None

    def fetchall(self) -> list[Any]:
        try:
            return cast("list[Any]", self._cursor.fetchall())
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None

    def __iter__(self) -> CipherCursor:
        return self

    def __next__(self) -> Any:
        try:
            return next(self._cursor)
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None

    def close(self) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def lastrowid(self) -> int | None:
        return cast("int | None", self._cursor.lastrowid)

    @property
    def rowcount(self) -> int:
        return cast(int, self._cursor.rowcount)

    @property
    def arraysize(self) -> int:
        return cast(int, self._cursor.arraysize)

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class CipherConnection:
    """A sqlcipher3 connection that behaves, errors included, like a sqlite3 one.

    sqlite-utils' Database takes it as its connection; the store's WriteLock guards it.
    """

    def __init__(self, raw: Any, api: Any) -> None:
        self._raw = raw
        self._api = api
        self._errors = api.Error

    # -- statements

    def cursor(self) -> CipherCursor:
        return CipherCursor(self._raw.cursor(), self._errors, self)

    def execute(self, sql: str, parameters: Sequence[Any] | dict[str, Any] = ()) -> CipherCursor:
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any] | dict[str, Any]]) -> CipherCursor:
        return self.cursor().executemany(sql, seq)

    def executescript(self, script: str) -> CipherCursor:
        return self.cursor().executescript(script)

    def commit(self) -> None:
        self._call(self._raw.commit)

    def rollback(self) -> None:
        self._call(self._raw.rollback)

    def close(self) -> None:
        self._call(self._raw.close)

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._call(self._raw.create_function, *args, **kwargs)

    def _call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except (self._errors, MemoryError) as exc:
            raise translate(exc) from None

    def __enter__(self) -> CipherConnection:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> Literal[False]:
        self._call(self._raw.__exit__, kind, value, traceback)
        return False

    # -- state

    @property
    def in_transaction(self) -> bool:
        return bool(self._raw.in_transaction)

    @property
    def isolation_level(self) -> str | None:
        return cast("str | None", self._raw.isolation_level)

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._raw.isolation_level = value

    @property
    def row_factory(self) -> Any:
        factory = self._raw.row_factory
        return sqlite3.Row if factory is self._api.Row else factory

    @row_factory.setter
    def row_factory(self, factory: Any) -> None:
        # sqlite3.Row accepts only sqlite3's own cursors; sqlcipher3 has its twin.
        self._raw.row_factory = self._api.Row if factory is sqlite3.Row else factory

    @property
    def total_changes(self) -> int:
        return cast(int, self._raw.total_changes)

    def __getattr__(self, name: str) -> Any:
        # Anything else (rarely used) is the underlying connection's; `autocommit` is absent as in
        # Python 3.11's sqlite3, which is what sqlite-utils looks for.
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._raw, name)
