"""The things tests put in a caseload, made one way (imported by name: tests/ is on sys.path).

Each `add_*` stores one item in the given store with plain defaults and returns it as stored; pass
any field to change it. `memory_store()` and `load_demo_store()` are what the `store`, `empty_store` and
`demo_store` fixtures (tests/conftest.py) hand out, for a test that needs a second one of its own.
"""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.store import Store

from clock import DEMO_DAY_END

DEMO_DAY = DEMO_DAY_END.date()

STARTED = date(2026, 1, 5)  # a Monday: when a made-up client started, unless a test says otherwise
WRITTEN = datetime(2026, 11, 24, 19, 0)  # a Tuesday evening: when a made-up note was written


def memory_store() -> Store:
    """An empty caseload in memory (the caller closes it)."""
    return Store.memory()


def load_demo_store(today: date = DEMO_DAY) -> Store:
    """The demo caseload in memory, its story ending on `today` (the caller closes it)."""
    store = Store.memory()
    store.import_data(load_demo(today))
    return store


def add_client(store: Store, name: str = "Ann", code: str = "A1", started_on: date = STARTED, **fields) -> m.Client:
    return store.add_client(m.Client(name=name, code=code, started_on=started_on, **fields))


def add_thought(store: Store, client: m.Client | None = None, body: str = "a thought", written_at: datetime = WRITTEN,
                **fields) -> m.Thought:
    """A thought about `client`, or about my practice when there is none."""
    return store.add_thought(m.Thought(body=body, written_at=written_at, client_id=client.id if client else None,
                                       **fields))


def add_question(store: Store, client: m.Client | None = None, body: str = "How was the visit?",
                 asked_at: datetime = WRITTEN, **fields) -> m.Question:
    return store.add_question(m.Question(body=body, asked_at=asked_at, client_id=client.id if client else None,
                                         **fields))


def add_session(store: Store, client: m.Client, starts_at: datetime, status: m.Status = m.Status.SCHEDULED,
                **fields) -> m.Appointment:
    """A session booked for `client` at `starts_at` (recorded already when `status` says so)."""
    return store.add_appointment(m.Appointment(client_id=client.id, starts_at=starts_at, status=status, **fields))


def every_row(store: Store) -> dict[str, list[dict]]:
    """Every row of every table (the search index's too), to compare before and after."""
    return {table: list(store.db[table].rows) for table in store.db.table_names()}
