"""Migrations from 0160 on, registered after those in migrations.py (kept apart so neither module grows too long).

The same rules hold: a migration is never edited once released; add a new numbered one at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .migrations import MIGRATION_SET, migrations

__all__ = ["MIGRATION_SET", "migrations"]  # the whole set: the store imports it from here

if TYPE_CHECKING:
    from sqlite_utils import Database


@migrations(name="0160_own_responses_covering_index")
def m0160_own_responses_covering_index(db: Database) -> None:
    """Patterns in me reads whose feeling each own response was and its feeling words, both stored after the
    body: over 0100's index on kind and time alone, every row of the year was fetched, its long body
    stepped over to reach them. This index holds every column the reading needs, so no row is fetched.
    It begins as 0100's did, so it replaces it."""
    db.execute("DROP INDEX IF EXISTS thoughts_by_kind_time")
    db.execute("CREATE INDEX thoughts_by_kind_time_feelings ON thoughts(kind, written_at, client_id, whose, feelings)")
