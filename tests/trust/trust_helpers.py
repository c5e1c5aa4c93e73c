"""Helpers shared by the trust tests (imported by name: tests/trust is on sys.path)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date, datetime
from functools import partial
from pathlib import Path

from caseload_tui import model as m
from caseload_tui.store import Store

from cli_runner import run as run_caseload
from clock import WEDNESDAY_EVENING

HEADER = b"SQLite format 3\x00"
PAGE = 4096


# `caseload ARGS...` on a Wednesday evening (another time with now=...), with input= typed on the terminal.
run = partial(run_caseload, now=WEDNESDAY_EVENING)


def sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def folder_snapshot(folder: Path) -> dict[str, str]:
    """Every file in the folder by its sha256: a refusal must not add, remove or change any."""
    return {p.name: sha(p) for p in sorted(Path(folder).iterdir()) if p.is_file()}


def db_files(path: Path) -> list[Path]:
    """The database and whichever of its side files exist."""
    return [Path(str(path) + s) for s in ("", "-wal", "-shm", "-journal") if Path(str(path) + s).exists()]


def make_caseload(path: Path, thoughts: tuple[str, ...] = ("she tests me",)) -> Store:
    """A small caseload on disk, left open (the caller closes it)."""
    store = Store.open(path, create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    for body in thoughts:
        store.add_thought(m.Thought(body=body, written_at=datetime(2026, 11, 24, 19), client_id=ann.id,
                                    kind=m.ThoughtKind.INSIGHT))
    return store


def real_caseload(tmp_path: Path) -> bytes:
    """A caseload big enough to have pages in the middle, closed (no WAL beside it)."""
    path = tmp_path / "source" / "caseload.db"
    path.parent.mkdir()
    store = make_caseload(path, thoughts=tuple(f"thought {n} " + "and more words " * 40 for n in range(150)))
    store.close()
    raw = path.read_bytes()
    assert len(raw) // PAGE > 20
    return raw


def damaged_middle(raw: bytes) -> bytes:
    damaged = bytearray(raw)
    middle = len(raw) // PAGE // 2
    damaged[middle * PAGE:(middle + 1) * PAGE] = bytes(range(256)) * (PAGE // 256)
    return bytes(damaged)


def content(path: Path) -> dict:
    """Everything a caseload holds, as the export sees it (for comparing copies)."""
    store = Store.open(path)
    try:
        return _plain(store.export_data())
    finally:
        store.close()


def _plain(data) -> dict:
    from caseload_tui.interchange import json_format

    return json.loads(json_format.dumps(data))


def subprocess_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({"CASELOAD_DATA_DIR": str(tmp_path / "data"),
                "CASELOAD_CONFIG": str(tmp_path / "config" / "config.toml"),
                "PYTHONDONTWRITEBYTECODE": "1"})
    env.pop("CASELOAD_DB", None)
    return env
