"""Interchange fixtures: four clients in the in-memory caseload (`store`, tests/conftest.py)."""

from __future__ import annotations

import pytest

from import_helpers import add_clients


@pytest.fixture
def clients(store):
    """Zoë Adler (A1), Ben Okafor (B2), Cleo Park (C3) and Gil Moss (G4, a graduate), by code."""
    return add_clients(store)
