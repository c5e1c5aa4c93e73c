"""A small caseload to import calendars and reports into, and a way to see exactly what is stored."""

from __future__ import annotations

from datetime import date

from caseload_tui import model as m
from caseload_tui.store import Store

CLIENTS = [
    m.Client(name="Zoë Adler", code="A1", started_on=date(2026, 1, 5),
             schedule="FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0"),
    m.Client(name="Ben Okafor", code="B2", started_on=date(2025, 9, 1)),
    m.Client(name="Cleo Park", code="C3", started_on=date(2026, 3, 2),
             schedule="FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=18;BYMINUTE=0"),
    m.Client(name="Gil Moss", code="G4", started_on=date(2025, 1, 6), ended_on=date(2026, 10, 1),
             schedule="FREQ=WEEKLY;BYDAY=MO;BYHOUR=9"),
]


def add_clients(store: Store) -> dict[str, m.Client]:
    """The four clients above, by code, as stored."""
    added = {}
    for client in CLIENTS:
        added[client.code] = store.add_client(m.Client(
            name=client.name, code=client.code, started_on=client.started_on, ended_on=client.ended_on,
            schedule=client.schedule,
        ))
    return added


def stored(store: Store) -> list[tuple[str, str, str, str, str]]:
    """Every session in the caseload as (client code, starts at, status, source, source uid), sorted."""
    codes = {c.id: c.code for c in store.clients()}
    sessions = [a for client_id in codes for a in store.appointments(client_id)]
    return sorted(
        (codes[a.client_id], a.starts_at.isoformat(timespec="minutes"), a.status.value, a.source, a.source_uid)
        for a in sessions
    )
