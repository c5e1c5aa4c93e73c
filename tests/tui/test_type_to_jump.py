"""Jumping to a client by typing the start of their name (issue 20): `j`, then letters, in the caseload list."""

from __future__ import annotations

from caseload_tui.model import Client
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_jump import first_match
from caseload_tui.tui.widgets.caseload_list import CaseloadList

from pilot_helpers import client_named, loaded, make_app, shown, type_text


def _clients(*names_and_codes: tuple[str, str]) -> list[tuple[str, Client]]:
    from datetime import date

    return [(f"client:{i}", Client(name=name, code=code, started_on=date(2026, 1, 5)))
            for i, (name, code) in enumerate(names_and_codes)]


def test_the_first_name_that_begins_so_then_a_surname_then_no_one():
    clients = _clients(("Kofi Okafor", "K1"), ("Zoë Adler", "Z1"), ("Okke Visser", "O1"), ("Ann Marsh", "A1"))
    assert first_match("ok", clients, by_code=False) == "client:2"  # a first name before a surname
    assert first_match("OKA", clients, by_code=False) == "client:0"  # Okafor, in any case
    assert first_match("zoe", clients, by_code=False) == "client:1"  # accents set aside
    assert first_match("mar", clients, by_code=False) == "client:3"
    assert first_match("q", clients, by_code=False) is None
    assert first_match("", clients, by_code=False) is None


def test_in_privacy_mode_only_codes_are_matched():
    clients = _clients(("Kofi Okafor", "K1"), ("Zoë Adler", "Z1"))
    assert first_match("kofi", clients, by_code=True) is None
    assert first_match("z", clients, by_code=True) == "client:1"


async def test_j_then_letters_jumps_and_the_letters_are_not_keys(demo_store):
    rosa, yuki = client_named(demo_store, "Rosa"), client_named(demo_store, "Yuki")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        caseload = app.screen.query_one(CaseloadList)
        caseload.focus()
        await pilot.press("j")
        assert str(caseload.border_subtitle) == "jump: first letters of a name"
        await type_text(pilot, "ro")  # r would answer a question, o nothing: here they are Rosa's first letters
        await pilot.pause()
        assert caseload.highlighted_option.id == f"client:{rosa.id}"
        assert str(caseload.border_subtitle) == "jump: ro"
        assert not isinstance(app.screen, FormScreen)
        await pilot.press("backspace", "backspace", "y", "enter")
        await pilot.pause()
        assert caseload.highlighted_option.id == f"client:{yuki.id}"
        assert "Yuki" in shown(app.screen.query_one(CaseHeader))  # the dashboard shows who was jumped to
        assert "jump" not in str(caseload.border_subtitle or "")
        await pilot.press("t")  # jumping is over: t is a thought again
        assert isinstance(app.screen, FormScreen)


async def test_escape_goes_back_and_no_one_is_said(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        caseload = app.screen.query_one(CaseloadList)
        caseload.focus()
        before = caseload.highlighted
        await pilot.press("j", "q", "x")
        assert str(caseload.border_subtitle) == "jump: qx (no one)"
        assert app.is_running  # q was a letter of a name, not quit
        await pilot.press("escape")
        assert caseload.highlighted == before


async def test_in_privacy_mode_a_name_typed_finds_no_one_and_a_code_does(demo_store):
    pauline = client_named(demo_store, "Pauline")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        caseload = app.screen.query_one(CaseloadList)
        caseload.focus()
        await pilot.press("p")  # privacy mode
        await pilot.pause()
        await pilot.press("j")
        assert str(caseload.border_subtitle) == "jump: first letters of a code"
        await type_text(pilot, "pau")
        assert str(caseload.border_subtitle) == "jump: pau (no one)"
        await pilot.press("backspace", "backspace", "backspace")
        await type_text(pilot, pauline.code)
        await pilot.press("enter")
        await pilot.pause()
        assert caseload.highlighted_option.id == f"client:{pauline.id}"
        assert "Pauline" not in shown(app.screen.query_one(CaseHeader))
