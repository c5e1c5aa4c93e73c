"""SVG snapshots at fixed sizes on a fixed clock. Update with --snapshot-update, then look at them."""

from __future__ import annotations

import pytest

from pilot_helpers import client_named, loaded, make_app, settle

WIDE, NARROW = (160, 48), (80, 24)


async def _ready(pilot) -> None:
    await loaded(pilot)


def _go_to(name: str, *then: str):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        caseload = pilot.app.screen.query_one("#caseload")
        store = pilot.app.store
        target = caseload.get_option_index(f"client:{client_named(store, name).id}")
        while caseload.highlighted != target:
            await pilot.press("down")
        for key in then:
            await pilot.press(key)
        await pilot.pause()
        await settle(pilot, "search")
    return run_before


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_demo_dashboard(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_ready)


def test_absentees_group(snap_compare, demo_store):
    async def run_before(pilot):
        await loaded(pilot)
        caseload = pilot.app.screen.query_one("#caseload")
        target = caseload.get_option_index("group:absentees")
        while caseload.highlighted != target:
            await pilot.press("down")
        await pilot.pause()
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=run_before)


@pytest.mark.parametrize("keys", [("t",), ("f",), ("a",), ("c",), ("e",), ("G",), ("i",)],
                         ids=["thought", "question", "attendance", "new-client", "edit-client", "graduate",
                              "import"])
def test_forms(snap_compare, demo_store, keys):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Melanie", *keys))


@pytest.mark.parametrize("key", ["t", "G"], ids=["thought", "graduate"])
def test_forms_80x24(snap_compare, demo_store, key):
    assert snap_compare(make_app(demo_store), terminal_size=NARROW, run_before=_go_to("Amaan", key))


def test_answer_form(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE,
                        run_before=_go_to("Melanie", "tab", "tab", "r"))


def test_delete_confirmation(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Amaan", "tab", "d"))


def test_help(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Amaan", "question_mark"))


def test_search_results(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE,
                        run_before=_go_to("Amaan", "slash", *"approval"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_empty_first_run(snap_compare, empty_store, size):
    assert snap_compare(make_app(empty_store), terminal_size=size, run_before=_ready)


def test_graduate_view(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Pauline"))


def test_news_form(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Pauline", "n"))
