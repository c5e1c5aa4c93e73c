"""Every test runs with its own data and settings folders, never the user's real ones; the in-memory stores."""

from __future__ import annotations

import pytest

from factories import load_demo_store, memory_store


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
    """An empty caseload in memory."""
    opened = memory_store()
    yield opened
    opened.close()


@pytest.fixture
def empty_store(store):
    """The same empty caseload, by the name the screen tests give it beside `demo_store`."""
    return store


@pytest.fixture
def demo_store():
    """The demo caseload in memory, its story ending on the day of clock.DEMO_DAY_END."""
    opened = load_demo_store()
    yield opened
    opened.close()
