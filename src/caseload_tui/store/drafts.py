"""Drafts: unsaved form text kept inside the caseload file itself (issue 11).

So an encrypted caseload's drafts are encrypted with it, and a plain caseload has no second,
plain-text copy of what was typed beside it. What a draft holds is drafts.Draft's JSON; the store
only keeps it. A draft taken back is deleted like a note: secure_delete zeroes its pages and the
WAL holding it is emptied.
"""

from __future__ import annotations

from .base import StoreBase
from .sql import inserted_id

KeptDraft = tuple[int, str, str, str]  # id, kind, context (JSON), values (JSON)


class DraftsMixin(StoreBase):
    def keep_draft(self, kind: str, context: str, values: str) -> int:
        """Keep a form's text (one transaction, committed before this returns); its id."""
        with self._lock.writing() as conn:
            return inserted_id(conn.execute(
                "INSERT INTO drafts (kind, context, draft_values) VALUES (?, ?, ?)", [kind, context, values]))

    def kept_drafts(self) -> list[KeptDraft]:
        """Every kept draft, the oldest first."""
        with self._lock.reading() as conn:
            found = conn.execute("SELECT id, kind, context, draft_values FROM drafts ORDER BY id").fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in found]

    def forget_draft(self, draft_id: int) -> None:
        """A draft reopened (its text is in a form again) or let go: gone from the file and its WAL."""
        with self._lock.writing() as conn:
            conn.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
        self._empty_wal()
