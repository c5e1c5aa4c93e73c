"""A small keyed check value kept beside an encrypted caseload, so a wrong passphrase is told from damage.

SQLCipher answers "file is not a database" both for a wrong key and for a damaged first page.
NAME.keycheck holds the caseload's own salt (its first 16 bytes, not secret) and a PBKDF2 of the
passphrase with that salt, as slow to try as the file itself: it reveals nothing a guesser could
not learn from the caseload. With it, a wrong passphrase is refused before the caseload is even
opened (so not one byte of it, its -wal or -shm changes), and a right one that SQLCipher still
refuses means the file is damaged. A check whose salt is not the file's (the file was replaced
by a restore, say) is ignored and written again once the file opens.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import sqlite3
from pathlib import Path

from ..private_files import write_private

SUFFIX = ".keycheck"
SALT_BYTES = 16  # SQLCipher keeps its salt in the first 16 bytes of the file
ROUNDS = 256_000  # SQLCipher 4's own KDF cost


def check_path(path: Path) -> Path:
    return Path(str(path) + SUFFIX)


def file_salt(path: Path) -> bytes | None:
    """The salt, read from the file: only before a connection to it opens, since closing this second
    descriptor beside an open connection would drop the process's POSIX locks on the file."""
    try:
        with open(path, "rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError:
        return None
    return salt if len(salt) == SALT_BYTES else None


def connection_salt(conn: sqlite3.Connection) -> bytes | None:
    """An open encrypted caseload's salt, asked of SQLCipher through its connection (PRAGMA cipher_salt)."""
    try:
        return bytes.fromhex(conn.execute("PRAGMA cipher_salt").fetchone()[0])
    except (sqlite3.Error, TypeError, ValueError):
        return None


def _value(passphrase: str, salt: bytes) -> str:
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt + b"caseload-keycheck", ROUNDS, 32).hex()


def verdict(path: Path, passphrase: str, salt: bytes | None) -> bool | None:
    """True: the passphrase is the caseload's (whose salt is SALT); False: it is not; None: no usable check."""
    try:
        kept = json.loads(check_path(path).read_text(encoding="ascii"))
        kept_salt, kept_value = bytes.fromhex(kept["salt"]), str(kept["check"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if salt is None or kept_salt != salt:
        return None
    return hmac.compare_digest(kept_value, _value(passphrase, salt))


def remember(path: Path, passphrase: str, salt: bytes | None) -> None:
    """Write the check for a passphrase that has just opened the caseload whose salt is SALT (quietly not,
    if it cannot). The salt is given, read before connecting or through the connection, never the file now."""
    if salt is None:
        return
    with contextlib.suppress(OSError):
        write_private(check_path(path), json.dumps({"salt": salt.hex(), "check": _value(passphrase, salt)}) + "\n")
