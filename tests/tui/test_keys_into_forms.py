"""Keys typed in the same instant as the key that opens a form land in the form, never run as the screen's keys.

A terminal under load hands the program a whole burst at once ("w" and the words after it in one read);
the driver posts every key before any is handled. `burst` does the same. The supervision screen's forms
and the review's moved-to and miss-note forms were opened from a worker, a tick after their key, so the
words after it ran as the screen's keys (x exported, m recorded a meeting, h asked for another date).
"""

from __future__ import annotations

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.screen import ModalScreen
from textual.widgets import Input, TextArea

from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.screens.review import ReviewScreen
from caseload_tui.tui.screens.supervision import SupervisionScreen

from pilot_helpers import client_named, loaded, make_app

TYPED = "check whether the xmas break mattered to her hmm"  # x, m, h, o, w: each a supervision key


def burst(app, keys: str) -> None:
    """Every key posted before any is handled, as one read of the terminal is."""
    for char in keys:
        app.post_message(events.Key(_character_to_key(char), char))


def typed_into(form: FormScreen) -> str:
    field = form.focused
    if isinstance(field, TextArea):
        return field.text
    assert isinstance(field, Input), field
    return field.value


def only_the_form_over(app, screen) -> bool:
    stack = app.screen_stack
    return stack[-2] is screen and sum(isinstance(s, ModalScreen) for s in stack) == 1


async def _until_form(pilot) -> FormScreen:
    for _ in range(100):
        await pilot.pause(0.02)
        if isinstance(pilot.app.screen, FormScreen) and pilot.app.screen.takes_keys \
                and not pilot.app.screen.early_keys:
            return pilot.app.screen
    raise AssertionError(f"no form opened: {pilot.app.screen}")


async def _supervision(pilot, name: str) -> SupervisionScreen:
    await loaded(pilot)
    await pilot.press("S")
    for _ in range(100):
        if isinstance(pilot.app.screen, SupervisionScreen) and pilot.app.screen.loaded:
            break
        await pilot.pause(0.02)
    screen = pilot.app.screen
    assert isinstance(screen, SupervisionScreen)
    screen.query_one("#cases").highlight_case(client_named(screen.store, name).id)
    await pilot.pause()
    return screen


@pytest.mark.parametrize("key, name", [("w", "Melanie"), ("m", "Melanie"), ("h", "Melanie"), ("o", "Amaan")],
                         ids=["question", "meeting", "since", "outcome"])
async def test_keys_typed_with_a_supervision_forms_key_land_in_the_form(demo_store, key, name):
    meetings_before = demo_store.meetings()
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await _supervision(pilot, name)
        burst(app, key + TYPED)
        form = await _until_form(pilot)
        assert TYPED[:40] in typed_into(form)  # a date field holds 40 characters
        assert only_the_form_over(app, screen)  # no other key ran: no other form or question opened
        assert screen.since is None
    assert [m.id for m in demo_store.meetings()] == [m.id for m in meetings_before]


@pytest.mark.parametrize("key", ["7", "3"], ids=["moved-to", "miss-note"])
async def test_keys_typed_with_a_reviews_key_land_in_its_form(demo_store, key):
    app = make_app(demo_store, start="review")
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        review = app.screen
        assert isinstance(review, ReviewScreen)
        burst(app, key + "fri at nine")
        form = await _until_form(pilot)
        assert typed_into(form) == "fri at nine"
        assert only_the_form_over(app, review)
