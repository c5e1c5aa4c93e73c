"""Safety concerns: the thoughts and questions marked as one (migration 0030) and not yet resolved."""

from __future__ import annotations

from .. import model as m
from . import rows
from .base import StoreBase
from .notes import about


class SafetyMixin(StoreBase):
    def open_concerns(self, client_ids: list[int] | None = None) -> list[m.Thought | m.Question]:
        """Every note marked as a safety concern and not yet resolved, the most recently marked first.

        About some clients, or (None) about anyone. Whatever else became of the note (let go,
        answered, dropped), its concern stays open until it is resolved.
        """
        where, args = about(client_ids)
        terms = " AND ".join(["safety IS NOT NULL", "safety_resolved_at IS NULL", *where])
        with self._lock.reading() as conn:
            thoughts = [rows.thought(r) for r in conn.execute(f"SELECT * FROM thoughts WHERE {terms}", args)]
            questions = [rows.question(r) for r in conn.execute(f"SELECT * FROM questions WHERE {terms}", args)]
        found: list[m.Thought | m.Question] = [*thoughts, *questions]
        found.sort(key=_marked_at, reverse=True)
        return found

    def concern_counts(self) -> dict[int, int]:
        """How many open safety concerns each client has (clients with none are left out)."""
        counts: dict[int, int] = {}
        with self._lock.reading() as conn:
            for table in ("thoughts", "questions"):
                for client_id, count in conn.execute(
                    f"SELECT client_id, count(*) FROM {table} WHERE safety IS NOT NULL "
                    "AND safety_resolved_at IS NULL AND client_id IS NOT NULL GROUP BY client_id"
                ):
                    counts[client_id] = counts.get(client_id, 0) + count
        return counts


def _marked_at(note: m.Thought | m.Question) -> tuple[str, int]:
    mark = note.safety
    return (rows.iso_moment(mark.marked_at) or "" if mark else "", note.id or 0)
