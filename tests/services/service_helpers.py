"""What the service tests share beyond tests/factories.py: a store write that fails."""

from __future__ import annotations

from caseload_tui.store import Busy, Store


def fail_on(monkeypatch, store: Store, method: str, after: int = 0) -> None:
    """The store's `method` fails as a busy caseload would, after `after` calls that work."""
    real = getattr(store, method)
    calls = []

    def busy(*args, **kwargs):
        calls.append(args)
        if len(calls) > after:
            raise Busy("The caseload is busy in another window and did not free up in time.")
        return real(*args, **kwargs)

    monkeypatch.setattr(store, method, busy)
