"""What the service tests share: the clock, a client, every row of the file, and a store write that fails."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui.model import Client
from caseload_tui.store import Busy, Store

NOW = datetime(2026, 11, 26, 19, 30)  # a Thursday evening
TODAY = NOW.date()


def add_client(store: Store, name: str = "Ann", code: str = "A1", **kw) -> Client:
    return store.add_client(Client(name=name, code=code, started_on=kw.pop("started_on", date(2026, 1, 5)), **kw))


def every_row(store: Store) -> dict[str, list[dict]]:
    """Every row of every table (the search index's too), to compare before and after."""
    return {table: list(store.db[table].rows) for table in store.db.table_names()}


def fail_on(monkeypatch, store: Store, method: str, after: int = 0) -> None:
    """The store's `method` fails as a busy caseload would, after `after` calls that work."""
    real = getattr(store, method)
    calls = []

    def busy(*args, **kwargs):
        calls.append(args)
        if len(calls) > after:
            raise Busy("The caseload is busy in another window and did not free up in time.")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, method, busy)
