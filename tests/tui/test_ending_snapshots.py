"""Snapshots of the end of the work and the thought kinds, at 160x48 and 80x24 (issue 17).

The ending form and the thought form as first opened are in test_snapshots.py (test_forms and
test_forms_80x24, "graduate" and "thought"); here: the ending form answered, the reflection written
again from the arc, the news form, a reaction asking whose feeling it is, and an arc of two episodes.
"""

from __future__ import annotations

import pytest

from caseload_tui.model import ThoughtKind
from caseload_tui.tui import render
from caseload_tui.tui.modals.endings import EndingForm, NewsForm, ReflectionForm
from caseload_tui.tui.modals.forms import ThoughtForm

from pilot_helpers import NOW, FormHost, choose, choose_kind, client_named, loaded, make_app

SIZES = pytest.mark.parametrize("size", [(160, 48), (80, 24)], ids=["160x48", "80x24"])


def _about(store, name: str):
    client = client_named(store, name)
    return client, (lambda: render.client_name(client, style="bold"))


@SIZES
def test_ending_form_answered(snap_compare, demo_store, size):
    joel, about = _about(demo_store, "Joel")
    form = FormHost(lambda: EndingForm(about(), NOW.date(), demo_store.record(joel.id, NOW).open_questions),
                    demo_store)

    async def answer(pilot) -> None:
        await pilot.pause()
        await choose(pilot, "who", 3)  # circumstances, a referral on among them
        await choose(pilot, "how", 1)  # a last session without preparation
    assert snap_compare(form, terminal_size=size, run_before=answer)


@SIZES
def test_reflection_written_later(snap_compare, demo_store, size):
    marcus, about = _about(demo_store, "Marcus")
    first = demo_store.episodes(marcus.id)[0]  # the earlier of his two periods of work
    form = FormHost(lambda: ReflectionForm(about(), first, NOW.date(), focus="could_not_find"), demo_store)
    assert snap_compare(form, terminal_size=size)


@SIZES
def test_news_form(snap_compare, demo_store, size):
    pauline, about = _about(demo_store, "Pauline")
    assert snap_compare(FormHost(lambda: NewsForm(about(), NOW.date(), pauline.ended_on), demo_store),
                        terminal_size=size)


@SIZES
def test_thought_form_asking_whose_reaction(snap_compare, demo_store, size):
    _, about = _about(demo_store, "Melanie")

    async def reaction(pilot) -> None:
        await pilot.pause()
        await choose_kind(pilot, ThoughtKind.REACTION)
    assert snap_compare(FormHost(lambda: ThoughtForm(about()), demo_store), terminal_size=size, run_before=reaction)


def test_arc_of_two_episodes(snap_compare, demo_store):
    marcus = client_named(demo_store, "Marcus")

    async def to_marcus(pilot) -> None:
        await loaded(pilot)
        caseload = pilot.app.screen.query_one("#caseload")
        target = caseload.get_option_index(f"client:{marcus.id}")
        while caseload.highlighted != target:
            await pilot.press("down")
        await pilot.pause()
    assert snap_compare(make_app(demo_store), terminal_size=(160, 48), run_before=to_marcus)
