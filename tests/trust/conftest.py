"""Trust tests run with their own data and config folders and Python's hooks put back (the clock: trust_helpers.run)."""

from __future__ import annotations

import logging
import sys
import threading

import pytest


@pytest.fixture(autouse=True)
def python_hooks_restored():
    """`caseload` installs content-free hooks for errors; the test process gets its own back."""
    saved = (sys.excepthook, threading.excepthook, sys.unraisablehook, logging.lastResort)
    yield
    sys.excepthook, threading.excepthook, sys.unraisablehook, logging.lastResort = saved
