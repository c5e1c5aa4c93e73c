"""Absences on screen, driven by keys: only what has happened is recorded, "next" follows a move,
and a miss in the day's-end review asks how it came and what it stirred."""

from __future__ import annotations

from datetime import datetime

from caseload_tui.model import Status, ThoughtKind, Whose
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.forms import ThoughtForm
from caseload_tui.tui.modals.miss import MissNoteForm, ReactionPrompt
from caseload_tui.tui.screens.review import ReviewScreen
from caseload_tui.tui.widgets.case_header import CaseHeader

from pilot_helpers import NOW, choose, client_named, go_to, loaded, make_app, shown, type_text

DOWN_TO = {status: ["down"] * i for i, status in enumerate(
    [Status.ATTENDED, Status.LATE, Status.CANCELLED, Status.LATE_CANCELLED, Status.NO_SHOW,
     Status.CLINICIAN_CANCELLED, Status.RESCHEDULED])}


async def until_screen(pilot, kind, what: str):
    for _ in range(50):
        if isinstance(pilot.app.screen, kind):
            return pilot.app.screen
        await pilot.pause(0.05)
    raise AssertionError(f"{what} did not open; in front: {pilot.app.screen!r}")


async def test_a_future_came_is_refused_in_plain_words_and_nothing_is_stored(demo_store):
    amaan = client_named(demo_store, "Amaan")
    before = demo_store.appointments(amaan.id)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("a")
        form = await until_screen(pilot, FormScreen, "the attendance form")
        form.query_one("#when").value = "tomorrow 10:00"
        await pilot.press("ctrl+s")  # "came", the first choice
        await pilot.pause()
        assert app.screen is form
        error = shown(form.query_one("#error"))
        assert "Fri 27 Nov 10:00: that session has not happened yet" in error
        assert "To book it instead, press ctrl+b." in error
        assert demo_store.appointments(amaan.id) == before
        # The offer: ctrl+b books that time instead, and it becomes "next".
        await pilot.press("ctrl+b")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        added = [a for a in demo_store.appointments(amaan.id) if a not in before]
        assert [(a.starts_at, a.status) for a in added] == [(datetime(2026, 11, 27, 10, 0), Status.SCHEDULED)]
        assert "next Fri 27 Nov 10:00" in shown(app.screen.query_one(CaseHeader))


async def test_the_form_offers_the_latest_session_that_has_passed(demo_store):
    melanie = client_named(demo_store, "Melanie")  # weekly, Thursdays 09:00
    app = make_app(demo_store, now=datetime(2026, 11, 26, 8, 30))  # before today's session
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        await pilot.press("a")
        form = await until_screen(pilot, FormScreen, "the attendance form")
        assert form.query_one("#when").value == "19 nov 09:00"  # last week's, not today's still to come


async def test_after_a_move_the_header_says_the_new_time(demo_store):
    melanie = client_named(demo_store, "Melanie")
    app = make_app(demo_store, now=datetime(2026, 11, 26, 8, 0))  # today's 09:00 still to come
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        assert "next today 09:00" in shown(app.screen.query_one(CaseHeader))
        await pilot.press("a")
        form = await until_screen(pilot, FormScreen, "the attendance form")
        form.query_one("#when").value = "today 09:00"
        form.query_one("#moved").value = "tomorrow 10:00"
        form.query_one("#status").focus()
        await pilot.press(*DOWN_TO[Status.RESCHEDULED], "enter", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen)
        header = shown(app.screen.query_one(CaseHeader))
        assert "next Fri 27 Nov 10:00" in header and "next today" not in header
        moved = {a.starts_at: a.status for a in demo_store.appointments(melanie.id)}
        assert moved[datetime(2026, 11, 26, 9, 0)] is Status.RESCHEDULED
        assert moved[datetime(2026, 11, 27, 10, 0)] is Status.SCHEDULED


async def test_a_miss_in_the_review_keeps_how_it_came_and_asks_what_it_stirred(demo_store):
    melanie, ines = client_named(demo_store, "Melanie"), client_named(demo_store, "Ines")
    thoughts_before = len(demo_store.thoughts([melanie.id, ines.id]))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("R")
        review = await until_screen(pilot, ReviewScreen, "the review")
        # Melanie, 09:00: cancelled, with how it came.
        await pilot.press("3")
        note_form = await until_screen(pilot, MissNoteForm, "how it came")
        await type_text(pilot, "Texted at 7:40, no other time asked for")
        await pilot.press("enter")
        prompt = await until_screen(pilot, ReactionPrompt, "the reaction prompt")
        assert "What did this absence stir in you?" in shown(prompt.query_one("#prompt"))
        [today] = [a for a in demo_store.appointments(melanie.id) if a.starts_at == datetime(2026, 11, 26, 9, 0)]
        assert (today.status, today.note) == (Status.CANCELLED, "Texted at 7:40, no other time asked for")
        await pilot.press("y")
        form = await until_screen(pilot, ThoughtForm, "the reaction thought")
        assert form.query_one("#kind").pressed_button.name == ThoughtKind.REACTION.value
        await type_text(pilot, "Resentment again, then a kind of sadness for her")
        await choose(pilot, "whose", list(Whose).index(Whose.NOT_SURE))  # a reaction asks whose feeling it is
        await pilot.press("ctrl+s")
        await until_screen(pilot, ReviewScreen, "the review again")
        [reaction] = [t for t in demo_store.thoughts([melanie.id]) if t.written_at == NOW]
        assert reaction.kind is ThoughtKind.REACTION and reaction.whose is Whose.NOT_SURE
        assert reaction.body == "Resentment again, then a kind of sadness for her"
        assert note_form is not prompt

        # Ines, 11:00: did not come, no note; the prompt is skipped with one key.
        await pilot.press("right")
        await pilot.pause()
        await pilot.press("5")
        await until_screen(pilot, MissNoteForm, "how it came")
        await pilot.press("enter")
        await until_screen(pilot, ReactionPrompt, "the reaction prompt")
        await pilot.press("n")
        assert await until_screen(pilot, ReviewScreen, "the review again") is review
        [ines_today] = [a for a in demo_store.appointments(ines.id) if a.starts_at.date() == NOW.date()]
        assert ines_today.status is Status.NO_SHOW
        assert len(demo_store.thoughts([melanie.id, ines.id])) == thoughts_before + 1


async def test_the_header_shows_recent_misses_with_how_they_came(demo_store):
    noor = client_named(demo_store, "Noor")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{noor.id}")
        header = shown(app.screen.query_one(CaseHeader))
        assert "missed: Mon 23 Nov did not come (No word) · Mon 16 Nov cancelled (Texted: the baby unwell)" in header
        assert "A change:" in header and "Check in?" in header
