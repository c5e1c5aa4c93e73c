"""The migrations' register, readable without loading sqlite-utils.

Migrations are declared as sqlite-utils' `Migrations` declares them (`@migrations(name=...)`) and
sqlite-utils applies them; but opening an up-to-date caseload only has to compare names, and
loading sqlite-utils for that would cost every start (about 20 ms and 4 MiB). So the register
keeps the steps, `pending_names` compares them with the file's record in plain SQL, and the
sqlite-utils `Migrations` is built only to list or apply them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

RECORD_TABLE = "_sqlite_migrations"  # where sqlite-utils records what it applied


class Registered(Protocol):
    """What the store reads of a migration set: ours, or sqlite-utils' own (which tests put in its place)."""

    name: str
    _migrations: Any  # each with .name


@dataclass(frozen=True)
class Step:
    name: str
    fn: Callable[[Database], None]
    transactional: bool = True


class Steps:
    """A migration set, registered and applied as sqlite-utils' `Migrations`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Step] = []

    def __call__(self, *, name: str, transactional: bool = True) -> Callable[[Callable[[Database], None]],
                                                                            Callable[[Database], None]]:
        def register(fn: Callable[[Database], None]) -> Callable[[Database], None]:
            if any(step.name == name for step in self._migrations):
                raise ValueError(f"Migration {name!r} is already registered in set {self.name!r}")
            self._migrations.append(Step(name, fn, transactional))
            return fn

        return register

    def library(self) -> Migrations:
        """sqlite-utils' Migrations holding these steps, in order."""
        from sqlite_utils.migrations import Migrations

        built = Migrations(self.name)
        for step in self._migrations:
            built(name=step.name, transactional=step.transactional)(step.fn)
        return built

    def pending(self, db: Database) -> list[Any]:
        return self.library().pending(db)

    def applied(self, db: Database) -> list[Any]:
        return self.library().applied(db)

    def apply(self, db: Database, *, stop_before: str | Iterable[str] | None = None) -> None:
        self.library().apply(db, stop_before=stop_before)


def applied_names(conn: sqlite3.Connection, registered: Registered) -> list[str]:
    """Read only: the names of the set's migrations the file records as applied, in order."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [RECORD_TABLE]).fetchone() is None:
        return []
    return [name for (name,) in conn.execute(
        f"SELECT name FROM {RECORD_TABLE} WHERE migration_set = ? ORDER BY rowid", [registered.name])]


def pending_names(conn: sqlite3.Connection, registered: Registered) -> list[str]:
    """Read only: the set's migrations not yet applied to the file, in the order they would be."""
    done = set(applied_names(conn, registered))
    return [step.name for step in registered._migrations if step.name not in done]
