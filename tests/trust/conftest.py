"""Trust tests run with their own data and config folders, a fixed clock, and Python's hooks put back."""

from __future__ import annotations

import logging
import sys
import threading

import pytest

from caseload_tui import cli
from trust_helpers import CLOCK


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setattr(cli, "real_clock", lambda: CLOCK)


@pytest.fixture(autouse=True)
def python_hooks_restored():
    """`caseload` installs content-free hooks for errors; the test process gets its own back."""
    saved = (sys.excepthook, threading.excepthook, sys.unraisablehook, logging.lastResort)
    yield
    sys.excepthook, threading.excepthook, sys.unraisablehook, logging.lastResort = saved
