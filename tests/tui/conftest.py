"""Pilot and snapshot fixtures: an in-memory store, a fixed clock, no real user folders."""

from __future__ import annotations

import pytest

from caseload_tui.demo import load_demo
from caseload_tui.store import Store
from pilot_helpers import NOW


@pytest.fixture
def demo_store():
    store = Store.memory()
    store.import_data(load_demo(NOW.date()))
    yield store
    store.close()


@pytest.fixture
def empty_store():
    store = Store.memory()
    yield store
    store.close()


