"""Writing files that hold client material: readable by their owner only, put in place whole."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_private(path: Path, text: str, encoding: str = "utf-8", newline: str | None = None) -> None:
    """Write `text` to `path` as a 0600 file, replacing any file there (whatever its mode) once complete.

    mkstemp makes the file 0600 whatever the umask; os.replace puts it in place in one step, so a
    failed write leaves the old file as it was.
    """
    fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
