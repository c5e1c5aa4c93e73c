"""Backups: consistent copies made with SQLite's online backup, never by copying the file.

A copy is written under a temporary name (0600), checked, flushed to disk and
only then given its real name, so a backup that exists is a whole one. The
online backup reads one consistent moment even while another window writes.

- copy(): one copy of an open caseload (`caseload backup`).
- daily(): the first start of each day makes one; the last `keep` are kept.
- before_update(): a copy beside the caseload, always made before a migration.
- restore(): a backup put back, the current file kept aside under a dated name.

A backup of an encrypted caseload is encrypted with the same key: the copy is
attached to the open connection without a key of its own (SQLCipher then uses the
caseload's) and filled by sqlcipher_export in one read transaction, so the
passphrase is never needed again after opening.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
import sqlite3
import stat
import tempfile
from datetime import date
from pathlib import Path

from ..private_files import NotAFile, private_dir, require_regular_file
from . import cipher
from .connection import SQLITE_HEADER, check_file
from .errors import Busy, NotACaseload, StoreError
from .integrity import SIDE_FILES, inspect, is_caseload, open_plain

DEFAULT_KEEP = 14


def copy(source: sqlite3.Connection, dest: Path) -> Path:
    """Copy the database open on `source` to dest (a new file, 0600); returns dest.

    Refuses to replace an existing file. Nothing is left behind if the copy fails.
    """
    dest = Path(dest)
    if dest.exists():
        raise StoreError(f"{dest} already exists; nothing was changed. Choose another name.")
    fd, name = tempfile.mkstemp(dir=dest.parent, prefix=f".{dest.name}.", suffix=".partial")
    fcntl.flock(fd, fcntl.LOCK_EX)  # in use: remove_leftovers leaves it to this copy (see there)
    partial = Path(name)
    try:
        # cipher.open_keyed types its connection as the sqlite3 one it stands in for; seen as an object,
        # it can be told apart.
        opened: object = source
        if isinstance(opened, cipher.CipherConnection):
            healthy = _export_encrypted(opened, partial)
        else:
            target = sqlite3.connect(str(partial))
            try:
                source.backup(target)  # pages=-1: the whole database in one consistent step
                healthy = target.execute("PRAGMA quick_check(1)").fetchall() == [("ok",)]
            finally:
                target.close()
        if not healthy:
            raise StoreError("The copy did not pass its check, so it was not kept. "
                             "Run `caseload check` on your caseload.")
        _flush(partial)
        os.replace(partial, dest)
        _flush(dest.parent)
    except BaseException:
        for suffix in ("", *SIDE_FILES):
            with contextlib.suppress(OSError):
                os.unlink(str(partial) + suffix)
        raise
    finally:
        os.close(fd)
    return dest


# A copy being made (NAME.XXXX.partial) or a backup about to be put back (.NAME.restoring), and their side files.
_LEFTOVER = re.compile(r"\.(?:[\w-]+\.partial|restoring(?:-\d+)?)(?:-wal|-shm|-journal)?$")


def remove_leftovers(db_path: Path, folders: list[Path]) -> list[Path]:
    """Remove the hidden copies a backup or restore stopped mid-way left behind (a whole copy of the
    caseload each); return what was removed.

    Only this caseload's (named after it), only in its own folder and the backups folder, and only
    those no copy is still writing: a copy in progress holds a lock on its file (flock), so a
    second window's backup is never taken from under it.
    """
    db_path = Path(db_path)
    removed: list[Path] = []
    stems = (f".{db_path.stem}", f"..{db_path.stem}")
    for folder in dict.fromkeys(Path(f) for f in (db_path.parent, *folders)):
        try:
            found = sorted((p for p in folder.iterdir() if p.name.startswith(stems) and _LEFTOVER.search(p.name)),
                           key=lambda p: p.name.endswith(SIDE_FILES))  # each copy before its side files
        except OSError:
            continue
        for leftover in found:
            main = next((leftover.name[: -len(s)] for s in SIDE_FILES if leftover.name.endswith(s)), None)
            if main is not None and (folder / main).exists():
                continue  # the side file of a copy still in use
            if _unused(leftover):
                with contextlib.suppress(OSError):
                    leftover.unlink()
                    removed.append(leftover)
    return removed


def _unused(path: Path) -> bool:
    """A regular file no copy holds a lock on."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def _export_encrypted(source: cipher.CipherConnection, partial: Path) -> bool:
    """Fill the empty file `partial` with an encrypted copy of the caseload open on source; True if it checks out.

    ATTACH without KEY gives the copy the caseload's own key; the export reads one consistent
    moment (one read transaction) even while another window writes.
    """
    if source.in_transaction:
        raise StoreError("A backup cannot be made in the middle of a change. Nothing was changed.")
    source.execute("ATTACH DATABASE ? AS caseload_copy", [str(partial)])
    try:
        source.execute("BEGIN")
        try:
            source.execute("SELECT sqlcipher_export('caseload_copy')").fetchall()
            source.execute("COMMIT")
        except BaseException:
            source.rollback()
            raise
        found = source.execute("PRAGMA caseload_copy.quick_check(1)").fetchall()
        return [tuple(row) for row in found] == [("ok",)]
    finally:
        source.execute("DETACH DATABASE caseload_copy")


def copy_file(db_path: Path, dest: Path, passphrase: str | None = None) -> Path:
    """`caseload backup`: a copy of the caseload at db_path, checked first (it is never changed).

    An encrypted caseload needs its passphrase; its copy is encrypted with the same key.
    """
    health = inspect(db_path, thorough=False, passphrase=passphrase)
    if not health.ok:
        raise NotACaseload(health.problems[0])
    source = open_plain(db_path, passphrase)
    try:
        return copy(source, dest)
    except sqlite3.Error:
        raise StoreError(f"The backup to {dest} could not be made. Nothing was changed.") from None
    finally:
        source.close()


# ---------------------------------------------------------------- the daily backup


def daily_prefix(db_path: Path, folder: Path) -> str:
    """Backups of the caseload that lives beside the backups folder are named after it alone;
    any other file's backups also carry a short mark of where it lives, so two files never mix."""
    db_path, folder = Path(db_path).resolve(), Path(folder).resolve()
    if db_path.parent == folder.parent:
        return db_path.stem
    return f"{db_path.stem}-{hashlib.sha1(str(db_path).encode()).hexdigest()[:6]}"


def daily_backups(folder: Path, prefix: str) -> list[Path]:
    """This caseload's daily backups, the newest first."""
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d{{4}}-\d{{2}}-\d{{2}})\.db$")
    if not folder.is_dir():
        return []
    found = [(m.group(1), p) for p in folder.iterdir() if (m := pattern.match(p.name)) and p.is_file()]
    return [p for _, p in sorted(found, reverse=True)]


def daily(source: sqlite3.Connection, db_path: Path, folder: Path, today: date,
          keep: int = DEFAULT_KEEP) -> str | None:
    """Make today's backup if there is none yet, and keep only the last `keep`.

    Returns a warning for the user if it could not be made (the caseload itself is not affected).
    """
    if keep <= 0:
        return None
    folder = Path(folder)
    prefix = daily_prefix(db_path, folder)
    dest = folder / f"{prefix}-{today.isoformat()}.db"
    if dest.exists():
        return None
    try:
        private_folder(folder)
        copy(source, dest)
        for old in daily_backups(folder, prefix)[keep:]:
            for suffix in (*SIDE_FILES, ""):  # whole: its side files too, the file itself last
                Path(str(old) + suffix).unlink(missing_ok=True)
    except (OSError, sqlite3.Error, StoreError) as exc:
        reason = f" ({exc.strerror})" if isinstance(exc, OSError) and exc.strerror else ""
        return (f"Today's automatic backup could not be made in {folder}{reason}. "
                "Your caseload itself is fine; `caseload backup` makes one by hand.")
    return None


def private_folder(folder: Path) -> Path:
    """The backups folder (and any folder made for it): only its owner can enter it, whatever the umask."""
    return private_dir(folder)


# ---------------------------------------------------------------- before a migration


def before_update(source: sqlite3.Connection, db_path: Path, first_pending: str) -> Path:
    """A copy beside the caseload, named after the first update about to be applied."""
    db_path = Path(db_path)
    return copy(source, free_name(db_path.parent, f"{db_path.stem}.before-{first_pending}", db_path.suffix or ".db"))


# ---------------------------------------------------------------- putting a backup back


def free_name(folder: Path, stem: str, suffix: str) -> Path:
    """folder/stem+suffix, or stem-2, stem-3… if that is taken."""
    candidate, n = folder / f"{stem}{suffix}", 2
    while any(Path(str(candidate) + extra).exists() for extra in ("", *SIDE_FILES)):
        candidate, n = folder / f"{stem}-{n}{suffix}", n + 1
    return candidate


def aside_name(target: Path, stamp: str) -> Path:
    """Where the current caseload is kept when a backup replaces it (a name not yet taken)."""
    target = Path(target)
    return free_name(target.parent, f"{target.stem}.replaced-{stamp}", target.suffix or ".db")


def restore(backup_path: Path, target: Path, aside: Path, passphrase: str | None = None) -> Path | None:
    """Put a backup back at target; the current file (if any) is renamed to aside. Returns aside if so.

    The backup must be a healthy caseload, and the caseload must not be open
    in another window; otherwise nothing is changed. An encrypted backup, or an
    encrypted caseload at target, is opened with the passphrase (one for both);
    an encrypted backup is put back encrypted.
    """
    backup_path, target = Path(backup_path), Path(target)
    try:
        require_regular_file(target, "caseload file")  # a FIFO or a device would wait for ever
    except NotAFile as exc:
        raise NotACaseload(str(exc)) from None
    if target.exists() and backup_path.resolve() == target.resolve():
        raise StoreError("That backup is the caseload itself; nothing was changed.")
    health = inspect(backup_path, thorough=True, passphrase=passphrase)
    if not health.ok:
        raise NotACaseload(f"{backup_path} cannot be put back: " + health.problems[0])
    if aside.exists():
        raise StoreError(f"{aside} already exists; nothing was changed. Try again in a moment.")
    healthy = _healthy(target, passphrase) if target.exists() else False
    # The copy is made (and checked) first, under a temporary name, so a failure changes nothing.
    incoming = free_name(target.parent, f".{target.name}.restoring", "")
    held: int | None = None
    try:
        source = open_plain(backup_path, passphrase)
        try:
            copy(source, incoming)
        finally:
            source.close()
        held = os.open(incoming, os.O_RDONLY)
        fcntl.flock(held, fcntl.LOCK_EX)  # in use until it is put in place (remove_leftovers)
        moved = None
        if target.exists():
            if healthy:
                _settle(target, passphrase)
            # The side files first (never left beside the backup put back), then the caseload is kept
            # aside as a second name of the same file, so the path always holds one whole caseload.
            for suffix in SIDE_FILES:
                current = Path(str(target) + suffix)
                if current.exists():
                    os.replace(current, str(aside) + suffix)
            try:
                os.link(target, aside)
            except OSError:  # a file system without hard links: renamed instead
                os.replace(target, aside)
            moved = aside
        os.replace(incoming, target)
        _flush(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(incoming)
        raise
    finally:
        if held is not None:
            os.close(held)
    return moved


def _healthy(target: Path, passphrase: str | None = None) -> bool:
    """True for a healthy caseload; False for a damaged, cut or empty one (moved aside byte for byte).

    Someone else's file (a text file, another program's database) is refused: a backup
    never takes the place of what is not a caseload. An encrypted caseload must be opened
    by the passphrase (else PassphraseNeeded or WrongPassphrase, and nothing is changed).
    """
    with open(target, "rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    encrypted = bool(head) and not SQLITE_HEADER.startswith(head) and cipher.file_looks_encrypted(target)
    if head and not SQLITE_HEADER.startswith(head) and not encrypted:
        raise NotACaseload(f"{target} is not a caseload file, so nothing was put in its place. Nothing was changed.")
    if encrypted:
        check_file(target, passphrase)
    elif head != SQLITE_HEADER or target.stat().st_size < 512:
        return False
    try:
        conn = open_plain(target, passphrase)
    except sqlite3.DatabaseError:  # an encrypted caseload the passphrase opens, but damaged
        return False
    try:
        foreign = not is_caseload(conn)
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    if foreign:
        raise NotACaseload(f"{target} is not a caseload file, so nothing was put in its place. Nothing was changed.")
    return inspect(target, thorough=False, passphrase=passphrase).ok


def _settle(target: Path, passphrase: str | None = None) -> None:
    """Fold any recent changes into the main file, and refuse if another window has it open.

    Leaving WAL mode needs the only connection to the file, so it fails at once if
    the caseload is open elsewhere. (Only for a healthy file: its content is unchanged.)
    """
    conn = (cipher.open_keyed(target, passphrase, timeout=0.2) if passphrase is not None
            and cipher.file_looks_encrypted(target) else sqlite3.connect(str(target), timeout=0.2))
    try:
        conn.execute("PRAGMA journal_mode = DELETE").fetchall()
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():
            raise Busy("The caseload is open in another window. Close caseload there, "
                       "then put the backup back. Nothing was changed.") from None
    except sqlite3.DatabaseError:
        pass
    finally:
        conn.close()


def _flush(path: Path) -> None:
    """Make a file (or a folder's list of names) reach the disk."""
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
