"""Writing files that hold client material: readable by their owner only, put in place whole."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


class NotAFile(Exception):
    """A path that names a folder, a FIFO or a device where a file is needed; the message says which."""


def require_regular_file(path: Path, what: str = "file") -> None:
    """Refuse at once, without opening it, anything at `path` that is not an ordinary file.

    Opening a FIFO waits for a writer for ever and a device reads without end, so they are
    told apart by stat before any open. A missing path is left to the caller.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise NotAFile(f"{path} could not be opened ({exc.strerror}). Nothing was changed.") from None
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        kind = "a folder"
    elif stat.S_ISFIFO(mode):
        kind = "a pipe (FIFO)"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        kind = "a device"
    elif stat.S_ISSOCK(mode):
        kind = "a socket"
    else:
        kind = "not an ordinary file"
    raise NotAFile(f"{path} is {kind}, not a {what}. Nothing was changed.")


def private_dir(folder: Path, tighten_existing: bool = True) -> Path:
    """Make `folder` and any missing folder above it 0700, whatever the umask; return it.

    Folders that were already there are left as they were, except `folder` itself with
    tighten_existing (the program's own folders: they hold client material), which loses what
    other accounts could do in it; a folder is never made more open than it was.
    """
    folder = Path(folder)
    for missing in reversed([p for p in (folder, *folder.parents) if not p.exists()]):
        with contextlib.suppress(FileExistsError):
            missing.mkdir(mode=0o700)
        os.chmod(missing, 0o700)
    if tighten_existing:
        os.chmod(folder, tightened(folder.stat().st_mode))
    return folder


def tightened(mode: int) -> int:
    """A file's permission bits with everything for other accounts taken away, nothing added."""
    return stat.S_IMODE(mode) & 0o700


def write_private(path: Path, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write `text` to `path` as a 0600 file, replacing any file there (whatever its mode) once complete.

    mkstemp makes the file 0600 whatever the umask; os.replace puts it in place in one step, so a
    failed write leaves the old file as it was. A file replaced keeps a stricter mode it had
    (a 0400 file stays 0400): it is never made more open than it was.
    """
    try:
        kept = tightened(os.stat(path).st_mode) & 0o600
    except OSError:
        kept = 0o600
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        if kept != 0o600:
            os.chmod(temporary, kept)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
