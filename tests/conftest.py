"""Every test runs with its own data and settings folders, never the user's real ones."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path, monkeypatch):
    data = tmp_path / "data"
    config = tmp_path / "config" / "config.toml"
    monkeypatch.setenv("CASELOAD_DATA_DIR", str(data))
    monkeypatch.setenv("CASELOAD_CONFIG", str(config))
    monkeypatch.delenv("CASELOAD_DB", raising=False)
    return {"data": data, "config": config}
