"""Unsaved form text kept when the program is told to stop (terminal closed, SIGTERM).

One draft per caseload file, in the private data folder, readable only by
its owner; it is removed as soon as the form is reopened with it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from . import config

# A draft as JSON holds it: the form's kind, what reopens it, and its texts under "values".
Draft = dict[str, object]


class Drafts:
    def __init__(self, db_path: Path, folder: Path | None = None) -> None:
        digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
        self._folder = folder or config.data_dir() / "drafts"
        self.path = self._folder / f"{digest}.json"

    def save(self, draft: Draft) -> None:
        config.ensure_private_dir(self._folder)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(draft, handle, ensure_ascii=True)
            handle.flush()
            os.fsync(handle.fileno())

    def take(self) -> Draft | None:
        """The waiting draft, if any, removing it from disk."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, OSError, UnicodeDecodeError):
            return None
        try:
            draft = json.loads(raw)
        except json.JSONDecodeError:
            draft = None
        self.clear()
        return draft if isinstance(draft, dict) and isinstance(draft.get("values"), dict) else None

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
