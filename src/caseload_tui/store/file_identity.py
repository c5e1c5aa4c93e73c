"""Whether the caseload file at its path is still the file that was opened (issue 11).

SQLite keeps writing to the file it opened, so a caseload deleted, moved or replaced while the
program runs would take saves that no one will ever read again ("Thought saved.", and nothing on
disk where the clinician looks). The path's device and inode are noted when the file is opened and
compared before every write and on the screen's timer. No second descriptor is opened on the file:
closing one would drop SQLite's locks on it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import FileGone


@dataclass(frozen=True)
class FileIdentity:
    path: Path
    device: int
    inode: int

    @classmethod
    def of(cls, path: Path) -> FileIdentity | None:
        try:
            found = os.stat(path)
        except OSError:
            return None
        return cls(path, found.st_dev, found.st_ino)

    def problem(self) -> str | None:
        """What became of the file, in the clinician's words; None while it is still the one open."""
        try:
            found = os.stat(self.path)
        except FileNotFoundError:
            return (f"The caseload file is no longer at {self.path}: it has been deleted or moved since "
                    "caseload opened it, so nothing more can be saved to it.")
        except OSError:
            return None  # unreadable for a moment (a network folder): the write itself will say
        if (found.st_dev, found.st_ino) != (self.device, self.inode):
            return (f"The caseload file at {self.path} has been replaced by another file since caseload "
                    "opened it, so nothing more can be saved to the one that is open.")
        return None

    def require(self) -> None:
        problem = self.problem()
        if problem is not None:
            raise FileGone(problem)
