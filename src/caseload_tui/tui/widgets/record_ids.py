"""The id of a record read from the store: it always has one (only a record not yet saved has none)."""

from __future__ import annotations


def stored_id(record_id: int | None) -> int:
    """`record_id` of a client, question or note that came from the store."""
    assert record_id is not None, "a record read from the store has an id"
    return record_id
