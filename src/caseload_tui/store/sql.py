"""SQL helpers shared by every part of the store.

Vocabulary (statuses, kinds) never appears as a literal in SQL text: queries bind it as
parameters (`bound`), and CHECK constraints, which cannot take parameters, are written
from the model's enums (`quoted_values`).
"""

from __future__ import annotations

import enum
import sqlite3
from collections.abc import Iterable, Mapping

from .errors import Conflict, NotFound

Values = Mapping[str, object]  # a row's columns and what to store in them


def insert(table: str, values: Values) -> tuple[str, list[object]]:
    cols = list(values)
    return (
        f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
        [values[c] for c in cols],
    )


def inserted_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made (always set after one that succeeded)."""
    new_id = cursor.lastrowid
    assert new_id is not None
    return new_id


def saved_id(record_id: int | None) -> int:
    """The id of a record just written by id (so it has one)."""
    assert record_id is not None, "a record written by id has one"
    return record_id


def update_versioned(conn: sqlite3.Connection, table: str, record_id: int | None, version: int,
                     values: Values) -> None:
    """Save an edit only if nobody changed the record since it was read (its version)."""
    sets = ", ".join(f"{c} = ?" for c in values)
    cur = conn.execute(
        f"UPDATE {table} SET {sets}, version = version + 1 WHERE id = ? AND version = ?",
        [*values.values(), record_id, version],
    )
    if cur.rowcount == 0:
        exists = conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone()
        if not exists:
            raise NotFound(f"That {noun(table)} was deleted in another window; nothing was saved.")
        raise Conflict(
            f"That {noun(table)} was changed in another window since you opened it, so your edit "
            "was not saved. The latest version is now shown; make your change again."
        )


def require(conn: sqlite3.Connection, table: str, record_id: int | None) -> None:
    if not conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", [record_id]).fetchone():
        raise NotFound(f"That {noun(table)} is no longer in the caseload.")


def noun(table: str) -> str:
    return {"clients": "client", "thoughts": "thought", "questions": "question",
            "supervision_meetings": "supervision meeting", "supervision_items": "supervision item",
            "dates": "date",
            }.get(table, "record")


def bound(name: str, members: Iterable[enum.Enum]) -> tuple[str, dict[str, object]]:
    """Named parameters for a set of enum members: (":name_0, :name_1", {"name_0": value, ...}).

    Sorted, so the SQL text is the same in every run whatever order the set iterates in.
    """
    values = sorted(member.value for member in members)
    names = [f"{name}_{i}" for i in range(len(values))]
    return ", ".join(f":{n}" for n in names), dict(zip(names, values, strict=True))


def quoted_values(values: Iterable[enum.Enum | str], separator: str = ",") -> str:
    """`'a','b'`: values as SQL string literals, in the order given, for a CHECK constraint."""
    texts = (v.value if isinstance(v, enum.Enum) else v for v in values)
    return separator.join("'" + text.replace("'", "''") + "'" for text in texts)
