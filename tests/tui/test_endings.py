"""Ending the work, bringing a client back and ending it again, a reflection written later from the
arc, and news of a graduate: by key presses; what is stored, shown and exported."""

from __future__ import annotations

from datetime import date, timedelta

from textual.widgets import RadioSet

from caseload_tui import model as m
from caseload_tui.interchange import json_format
from caseload_tui.model import EndedBy, EndingHow, QuestionStatus
from caseload_tui.store import Store
from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.modals.endings import EndingForm, NewsForm, ReflectionForm
from caseload_tui.tui.widgets.arc_pane import ArcPane
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList

from pilot_helpers import NOW, choose, choose_kind, client_named, go_to, loaded, make_app, shown, type_text


async def write(pilot, field_id: str, text: str) -> None:
    pilot.app.screen.query_one(f"#{field_id}").focus()
    await type_text(pilot, text)


async def end_the_work(pilot, who: int, how: int, parts: dict[str, str], ended: str | None = None) -> None:
    await pilot.press("G")
    assert isinstance(pilot.app.screen, EndingForm)
    if ended is not None:
        pilot.app.screen.query_one("#ended").value = ended
    await choose(pilot, "who", who)
    await choose(pilot, "how", how)
    for field_id, text in parts.items():
        await write(pilot, field_id, text)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_ending_asks_who_and_how_and_assumes_neither(demo_store):
    noor = client_named(demo_store, "Noor")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{noor.id}")
        await pilot.press("G")
        form = app.screen
        assert isinstance(form, EndingForm)
        assert "End the work" in str(form.query_one("#save").label)
        assert all(s.pressed_button is None for s in form.query(RadioSet) if s.id in ("who", "how"))
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "Who ended the work?" in shown(form.query_one("#error"))
        await choose(pilot, "who", 3)  # circumstances
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "How did it end?" in shown(form.query_one("#error"))
        assert demo_store.client(noor.id).active  # nothing was saved while a question was unanswered


async def test_end_bring_back_end_again_keeps_both_episodes_in_the_arc_and_the_export(demo_store, tmp_path):
    joel = client_named(demo_store, "Joel")
    first_end = NOW.date() - timedelta(days=60)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{joel.id}")
        await end_the_work(pilot, who=2, how=0, ended=first_end.isoformat(),  # both of us, time to say goodbye
                           parts={"helped": "steadiness", "could_not_find": "his father's side of it"})
        assert not demo_store.client(joel.id).active
        await pilot.press("G")  # a graduate: bring them back
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        assert demo_store.client(joel.id).active
        await end_the_work(pilot, who=0, how=2,  # the client, no last session
                           parts={"i_learned": "to wait", "still_wonder": "whether he told his partner"})

        first, second = demo_store.episodes(joel.id)
        assert (first.ended_on, first.ended_by, first.how) == (first_end, EndedBy.BOTH, EndingHow.GOODBYE)
        assert (first.reflection.helped, first.reflection.could_not_find) == ("steadiness", "his father's side of it")
        assert (second.started_on, second.ended_on) == (NOW.date(), NOW.date())
        assert (second.ended_by, second.how) == (EndedBy.CLIENT, EndingHow.NO_LAST_SESSION)
        assert (second.reflection.i_learned, second.reflection.still_wonder) == (
            "to wait", "whether he told his partner")

        caseload = app.screen.query_one(CaseloadList)
        assert caseload.highlighted_option.id == f"client:{joel.id}"
        assert caseload.highlighted > caseload.get_option_index("group:graduates")
        assert "Graduate: Work ended on" in shown(app.screen.query_one(CaseHeader))
        arc = shown(app.screen.query_one(ArcPane))
        assert "Period of work 1 of 2" in arc and "Period of work 2 of 2" in arc
        assert "ended by both of us, with time to say goodbye" in arc
        assert "ended by the client, no last session" in arc
        for text in ("steadiness", "his father's side of it", "to wait", "whether he told his partner"):
            assert text in arc
        assert arc.index("steadiness") < arc.index("Period of work 2 of 2") < arc.index("to wait")

    exported = json_format.dumps(demo_store.export_data())
    record = next(c for c in json_format.to_document(demo_store.export_data())["clients"] if c["code"] == joel.code)
    assert [(e["ended_by"], e["how"], e["reflection"]["could_not_find"], e["reflection"]["still_wonder"])
            for e in record["episodes"]] == [("both", "goodbye", "his father's side of it", ""),
                                             ("client", "no_last_session", "", "whether he told his partner")]
    other = Store.open(tmp_path / "round-trip.db", create=True)
    try:
        other.import_data(json_format.parse(json_format.to_document(demo_store.export_data())))
        assert json_format.dumps(other.export_data()) == exported  # byte for byte
        back = other.find_client(joel.code)
        assert [(e.started_on, e.ended_on, e.reflection) for e in other.episodes(back.id)] == [
            (first.started_on, first.ended_on, first.reflection), (second.started_on, second.ended_on,
                                                                   second.reflection)]
    finally:
        other.close()


async def test_a_reflection_is_written_later_from_the_arc(demo_store):
    yuki = client_named(demo_store, "Yuki")
    [episode] = demo_store.episodes(yuki.id)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{yuki.id}")
        arc = app.screen.query_one(ArcPane)
        arc.focus()
        assert "Not written yet: what we could not find together · what I still wonder" in shown(arc)
        arc.highlighted = arc.get_option_index(f"episode:{episode.id}:could_not_find")  # that line
        await pilot.press("enter")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, ReflectionForm)
        assert form.focused is form.query_one("#could_not_find")  # the first part not written yet
        form.query_one("#still_wonder").focus()
        await type_text(pilot, "whether she found another choir")
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = demo_store.episode(episode.id)
        assert saved.reflection.still_wonder == "whether she found another choir"
        assert saved.reflection.could_not_find == ""
        assert saved.reflection.helped == episode.reflection.helped  # the rest kept byte for byte
        assert (saved.ended_by, saved.how) == (episode.ended_by, episode.how)
        assert "whether she found another choir" in shown(app.screen.query_one(ArcPane))


async def test_graduation_can_keep_open_questions(demo_store):
    amaan = client_named(demo_store, "Amaan")
    before = {q.id for q in demo_store.questions([amaan.id], open_only=True)}
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("G")
        app.screen.query_one("#ended").value = "tue"
        await choose(pilot, "who", 1)
        await choose(pilot, "how", 1)
        app.screen.query_one("#questions").focus()
        await pilot.press("down", "enter", "ctrl+s")
        await pilot.pause()
    assert demo_store.client(amaan.id).ended_on == date(2026, 11, 24)
    assert {q.id for q in demo_store.questions([amaan.id], open_only=True)} == before


async def test_open_questions_are_closed_by_default(demo_store):
    joel = client_named(demo_store, "Joel")
    open_questions = {q.id for q in demo_store.questions([joel.id], open_only=True)}
    assert open_questions and any(a.starts_at > NOW for a in demo_store.appointments(joel.id))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{joel.id}")
        await end_the_work(pilot, who=1, how=0, parts={})
    assert all(q.status is QuestionStatus.DROPPED for q in demo_store.questions([joel.id]) if q.id in open_questions)
    assert not [a for a in demo_store.appointments(joel.id) if a.starts_at.date() > NOW.date()]


async def test_reactivation_keeps_history_and_begins_a_new_episode(demo_store):
    pauline = client_named(demo_store, "Pauline")
    sessions = demo_store.appointments(pauline.id)
    [ended] = demo_store.episodes(pauline.id)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{pauline.id}")
        await pilot.press("G")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        back = demo_store.client(pauline.id)
        assert back.active and back.started_on == NOW.date()
        assert demo_store.episodes(pauline.id) == [ended, m.Episode(
            started_on=NOW.date(), client_id=pauline.id, id=demo_store.episodes(pauline.id)[1].id)]
        assert demo_store.appointments(pauline.id) == sessions
        caseload = app.screen.query_one(CaseloadList)
        assert caseload.highlighted_option.id == f"client:{pauline.id}"
        assert caseload.highlighted < caseload.get_option_index("group:graduates")
        # Their thread shows the work before.
        assert "worked together before" in shown(app.screen.query_one(CaseHeader))


async def test_news_of_a_graduate_in_its_three_parts_dated_after_the_ending(demo_store):
    olu = client_named(demo_store, "Olu")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{olu.id}")
        await pilot.press("n")
        form = app.screen
        assert isinstance(form, NewsForm)
        await type_text(pilot, "a card: he got the job")
        await write(pilot, "stirred", "relief")
        await write(pilot, "taught", "the anger came first")
        form.query_one("#when").value = (olu.ended_on - timedelta(days=1)).isoformat()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form and "on or after" in shown(form.query_one("#error"))
        form.query_one("#when").value = "today"
        await pilot.press("ctrl+s")
        await pilot.pause()
        news = demo_store.encounters(olu.id)
        assert (news[0].body, news[0].stirred, news[0].taught, news[0].happened_on) == (
            "a card: he got the job", "relief", "the anger came first", NOW.date())
        arc = shown(app.screen.query_one(ArcPane))
        assert "a card: he got the job" in arc and "What it stirred in me: relief" in arc


async def test_a_thought_about_a_graduate_asks_its_kind(demo_store):
    olu = client_named(demo_store, "Olu")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{olu.id}")
        before = len(demo_store.thoughts([olu.id]))
        await pilot.press("t")
        await type_text(pilot, "how is he now?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "kind of thought" in shown(app.screen.query_one("#error"))  # no kind is assumed
        await choose_kind(pilot, m.ThoughtKind.WONDERING)
        await pilot.press("ctrl+s")
        await pilot.pause()
    thoughts = demo_store.thoughts([olu.id])
    assert len(thoughts) == before + 1 and thoughts[0].kind is m.ThoughtKind.WONDERING


async def test_graduate_command_opens_the_ending_form_for_that_client(demo_store):
    noor = client_named(demo_store, "Noor")
    app = make_app(demo_store, start="graduate", start_client=noor.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        for _ in range(50):
            if isinstance(app.screen, EndingForm):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, EndingForm)
        await choose(pilot, "who", 0)
        await choose(pilot, "how", 1)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_store.client(noor.id).ended_on == NOW.date()
    assert demo_store.episodes(noor.id)[-1].how is EndingHow.UNPREPARED
