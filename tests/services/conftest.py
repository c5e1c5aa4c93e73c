"""Services on an in-memory store: what each one stores, and that a failure part-way stores nothing."""

from __future__ import annotations

import pytest

from caseload_tui.store import Store


@pytest.fixture
def store():
    opened = Store.memory()
    yield opened
    opened.close()
