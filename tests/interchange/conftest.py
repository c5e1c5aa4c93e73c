"""Every interchange test runs with its own data and settings folders, never the user's."""

from __future__ import annotations

import pytest

from caseload_tui.store import Store
from import_helpers import add_clients


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    data = tmp_path / "data"
    config = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("CASELOAD_DATA_DIR", str(data))
    monkeypatch.setenv("CASELOAD_CONFIG", str(config))
    monkeypatch.delenv("CASELOAD_DB", raising=False)
    return {"data": data, "config": config}


@pytest.fixture
def store():
    store = Store.memory()
    yield store
    store.close()


@pytest.fixture
def clients(store):
    """Zoë Adler (A1), Ben Okafor (B2), Cleo Park (C3) and Gil Moss (G4, a graduate), by code."""
    return add_clients(store)
