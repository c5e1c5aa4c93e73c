"""A form closes only once what it holds is in the caseload file (issue 11: a failed save lost the text).

Each fault is made for real where it can be: another connection holding the write lock, the file
deleted, moved or replaced under the open app, SQLite's own "disk full" (the file's page limit
reached) and "read-only" (query_only) errors. Each time the text stays in the form, the form says
what happened in plain words, and nothing claims a save that did not happen.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from caseload_tui import model as m
from caseload_tui.store import Store
from caseload_tui.tui.modals import save_runner
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.file_gone import FileGoneNotice
from caseload_tui.tui.screens.blank import BlankScreen

from pilot_helpers import choose_kind, loaded, make_app, shown, type_text


def one_client(tmp_path: Path) -> tuple[Path, Store]:
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    store.add_client(m.Client(name="Melanie", code="C-025", started_on=date(2026, 8, 3)))
    return path, store


def hold_write_lock(path: Path) -> sqlite3.Connection:
    """Another window (or `caseload import`) in the middle of its own write."""
    other = sqlite3.connect(str(path), isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    return other


def notices(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def write_a_thought(pilot, text: str) -> FormScreen:
    await pilot.press("t")
    await type_text(pilot, text)
    await choose_kind(pilot, m.ThoughtKind.CURIOSITY)
    return pilot.app.screen


async def until(pilot, condition, tries: int = 300) -> None:
    """Wait (for the next background try) until the condition holds; not a timed assertion."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("never happened")


async def test_a_busy_caseload_keeps_the_form_live_and_saves_when_it_frees(tmp_path):
    path, store = one_client(tmp_path)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        form = await write_a_thought(pilot, "she left early")
        other = hold_write_lock(path)
        try:
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is form
            assert "still trying" in shown(form.query_one("#error"))
            assert "Thought saved." not in notices(app)
            body = form.query_one("#body")
            body.focus()
            body.move_cursor(body.document.end)
            await type_text(pilot, " again")  # writing goes on while it waits
            await pilot.press("ctrl+l")  # someone walks in: blank at once, while still waiting
            await pilot.pause()
            assert isinstance(app.screen, BlankScreen)
            assert store.thoughts() == []
        finally:
            other.rollback()  # the other window lets go
            other.close()
        await until(pilot, lambda: store.thoughts() != [])
        assert [t.body for t in store.thoughts()] == ["she left early again"]  # what the form held then
        assert isinstance(app.screen, BlankScreen)  # the saved form closes once it is in front again
        await pilot.press("ctrl+l")
        await until(pilot, lambda: not isinstance(app.screen, (FormScreen, BlankScreen)))
        assert "Thought saved." in notices(app)


async def test_a_caseload_busy_too_long_says_so_and_keeps_the_text_to_try_again(tmp_path, monkeypatch):
    monkeypatch.setattr(save_runner, "TRIES", 3)  # half a minute of tries, cut to a second and a half
    path, store = one_client(tmp_path)
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        form = await write_a_thought(pilot, "kept through a long import")
        other = hold_write_lock(path)
        try:
            await pilot.press("ctrl+s")
            await until(pilot, lambda: "Not saved yet" in shown(form.query_one("#error")))
            assert app.screen is form and form.query_one("#body").text == "kept through a long import"
        finally:
            other.rollback()
            other.close()
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is not form)
    assert [t.body for t in store.thoughts()] == ["kept through a long import"]


@pytest.mark.parametrize("fault, words", [
    ("disk full", "The disk is full"),
    ("read-only", "read-only"),
])
async def test_a_write_the_file_refuses_keeps_the_text_and_says_why(tmp_path, fault, words):
    path, store = one_client(tmp_path)
    conn = store._conn
    if fault == "disk full":  # SQLite's SQLITE_FULL, as on a full disk: the file may not grow
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        conn.execute(f"PRAGMA max_page_count = {pages}")
    else:  # SQLite's SQLITE_READONLY, as for a file that cannot be written
        conn.execute("PRAGMA query_only = 1")
    text = "a long paragraph written at the end of a hard day. " * 100
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        form = await write_a_thought(pilot, "x")
        form.query_one("#body").load_text(text)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.query_one("#body").text == text
        message = shown(form.query_one("#error"))
        assert message.startswith("Not saved:") and words in message and "Your text is still here" in message
        assert "hard day" not in message and "Thought saved." not in notices(app)
        conn.execute("PRAGMA max_page_count = 1073741823" if fault == "disk full" else "PRAGMA query_only = 0")
        await pilot.press("ctrl+s")  # the cause fixed: saved from the same form
        await until(pilot, lambda: app.screen is not form)
    assert [t.body for t in store.thoughts()] == [text]


def _delete(path: Path, elsewhere: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _move(path: Path, elsewhere: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{path}{suffix}").exists():
            os.rename(f"{path}{suffix}", f"{elsewhere}{suffix}")


def _replace(path: Path, elsewhere: Path) -> None:
    shutil.copyfile(path, elsewhere)
    os.replace(elsewhere, path)  # e.g. a backup put back by hand, or a synced copy arriving


@pytest.mark.parametrize("what, happen, words", [
    ("deleted", _delete, "deleted or moved"),
    ("moved", _move, "deleted or moved"),
    ("replaced", _replace, "replaced by another file"),
])
async def test_a_caseload_file_gone_while_open_is_said_and_no_save_is_claimed(tmp_path, what, happen, words):
    path, store = one_client(tmp_path)
    elsewhere = tmp_path / "elsewhere.db"
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        form = await write_a_thought(pilot, "written after the file went")
        happen(path, elsewhere)
        await until(pilot, lambda: isinstance(app.screen, FileGoneNotice))  # said unasked, on the app's timer
        assert words in shown(app.screen.query_one("Static"))
        await until(pilot, lambda: app.focused is not None and app.focused.id == "understood")
        await pilot.press("enter")  # "I understand"
        await until(pilot, lambda: app.screen is form)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and form.query_one("#body").text == "written after the file went"
        assert words in shown(form.query_one("#error")) and "Thought saved." not in notices(app)
    store.close()
    for candidate in (path, elsewhere):
        if candidate.exists():
            seen = Store.open(candidate)
            assert seen.thoughts() == [], what
            seen.close()
