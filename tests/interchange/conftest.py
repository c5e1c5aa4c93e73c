"""Interchange fixtures: an in-memory caseload with four clients."""

from __future__ import annotations

import pytest

from caseload_tui.store import Store
from import_helpers import add_clients


@pytest.fixture
def store():
    store = Store.memory()
    yield store
    store.close()


@pytest.fixture
def clients(store):
    """Zoë Adler (A1), Ben Okafor (B2), Cleo Park (C3) and Gil Moss (G4, a graduate), by code."""
    return add_clients(store)
