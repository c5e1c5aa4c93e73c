"""Graduation, reactivation and news of a graduate, by key presses; what is stored and shown."""

from __future__ import annotations

from datetime import date

from caseload_tui.model import EndingKind, QuestionStatus
from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.modals.endings import GraduateForm
from caseload_tui.tui.widgets.arc_pane import ArcPane
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList

from pilot_helpers import NOW, client_named, go_to, loaded, make_app, shown, type_text


async def test_graduation_moves_the_client_and_keeps_the_selection(demo_store):
    joel = client_named(demo_store, "Joel")
    open_questions = demo_store.questions([joel.id], open_only=True)
    assert open_questions and any(a.starts_at > NOW for a in demo_store.appointments(joel.id))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{joel.id}")
        await pilot.press("G")
        assert isinstance(app.screen, GraduateForm)
        form = app.screen
        form.query_one("#kind").value = EndingKind.MUTUAL
        form.query_one("#helped").focus()
        await type_text(pilot, "steadiness")
        form.query_one("#i_learned").focus()
        await type_text(pilot, "to wait")
        await pilot.press("ctrl+s")
        await pilot.pause()
        ended = demo_store.client(joel.id)
        assert ended.ended_on == NOW.date() and ended.ending_kind is EndingKind.MUTUAL
        assert ended.reflection.helped == "steadiness" and ended.reflection.i_learned == "to wait"
        assert ended.reflection.not_helped == ""
        # Open questions were closed (the default) and no session is expected any more.
        assert all(q.status is QuestionStatus.DROPPED for q in demo_store.questions([joel.id])
                   if q.id in {o.id for o in open_questions})
        assert not [a for a in demo_store.appointments(joel.id) if a.starts_at.date() > NOW.date()]
        caseload = app.screen.query_one(CaseloadList)
        assert caseload.highlighted_option.id == f"client:{joel.id}"
        graduates_at = caseload.get_option_index("group:graduates")
        assert caseload.highlighted > graduates_at
        assert "Graduate: Work ended on" in shown(app.screen.query_one(CaseHeader))
        arc = shown(app.screen.query_one(ArcPane))
        assert "steadiness" in arc and "to wait" in arc


async def test_graduation_can_keep_open_questions(demo_store):
    amaan = client_named(demo_store, "Amaan")
    before = {q.id for q in demo_store.questions([amaan.id], open_only=True)}
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("G")
        app.screen.query_one("#ended").value = "tue"
        app.screen.query_one("#questions").focus()
        await pilot.press("down", "enter", "ctrl+s")
        await pilot.pause()
    assert demo_store.client(amaan.id).ended_on == date(2026, 11, 24)
    assert {q.id for q in demo_store.questions([amaan.id], open_only=True)} == before


async def test_reactivation_keeps_history(demo_store):
    pauline = client_named(demo_store, "Pauline")
    sessions = demo_store.appointments(pauline.id)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{pauline.id}")
        await pilot.press("G")
        assert isinstance(app.screen, Confirm)
        await pilot.press("y")
        await pilot.pause()
        back = demo_store.client(pauline.id)
        assert back.active and back.ending_kind is None
        assert back.reflection.helped  # the reflection is history too
        assert demo_store.appointments(pauline.id) == sessions
        caseload = app.screen.query_one(CaseloadList)
        assert caseload.highlighted_option.id == f"client:{pauline.id}"
        assert caseload.highlighted < caseload.get_option_index("group:graduates")


async def test_news_of_a_graduate(demo_store):
    olu = client_named(demo_store, "Olu")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{olu.id}")
        await pilot.press("n")
        await type_text(pilot, "a card: he got the job")
        await pilot.press("ctrl+s")
        await pilot.pause()
        news = demo_store.encounters(olu.id)
        assert news[0].body == "a card: he got the job" and news[0].happened_on == NOW.date()
        assert "a card: he got the job" in shown(app.screen.query_one(ArcPane))


async def test_wondering_is_the_default_kind_for_a_graduate(demo_store):
    olu = client_named(demo_store, "Olu")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{olu.id}")
        await pilot.press("t")
        await type_text(pilot, "how is he now?")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_store.thoughts([olu.id])[0].kind.value == "wondering"


async def test_graduate_command_opens_the_form_for_that_client(demo_store):
    noor = client_named(demo_store, "Noor")
    app = make_app(demo_store, start="graduate", start_client=noor.id)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        for _ in range(50):
            if isinstance(app.screen, GraduateForm):
                break
            await pilot.pause(0.02)
        assert isinstance(app.screen, GraduateForm)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert demo_store.client(noor.id).ended_on == NOW.date()
