"""The supervision screen driven by key presses: choose, ask, export, record, follow through."""

from __future__ import annotations

import re
import stat
from datetime import date, datetime

from textual.widgets import Static

from caseload_tui import supervision as sv
from caseload_tui.model import Client, Need, Thought
from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.modals.supervision_forms import (
    BringQuestionForm,
    ExportForm,
    MeetingForm,
    OutcomeForm,
    SinceForm,
)
from caseload_tui.tui.screens.dashboard import DashboardScreen
from caseload_tui.tui.screens.supervision import CaseChooser, SupervisionScreen

from pilot_helpers import NOW, client_named, loaded, make_app, shown, type_text

TODAY = NOW.date()



async def until(pilot, condition, what: str) -> None:
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never happened: {what}")


async def open_supervision(pilot) -> SupervisionScreen:
    await loaded(pilot)
    await pilot.press("S")
    await until(pilot, lambda: isinstance(pilot.app.screen, SupervisionScreen) and pilot.app.screen.loaded,
                "the supervision screen opened")
    return pilot.app.screen


async def highlight(pilot, screen: SupervisionScreen, client_id: int) -> None:
    """Move the case list's highlight with the arrow keys, as a user would."""
    chooser = screen.query_one(CaseChooser)
    chooser.focus()
    target = chooser.get_option_index(f"client:{client_id}")
    while chooser.highlighted != target:
        await pilot.press("down" if chooser.highlighted < target else "up")
    await pilot.pause()


def material(screen: SupervisionScreen) -> str:
    return shown(screen.query_one("#material-text"))


async def test_supervision_preparation_end_to_end(demo_store, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    amaan, joel, melanie, gareth = (client_named(demo_store, n) for n in ("Amaan", "Joel", "Melanie", "Gareth"))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        assert screen.chosen == {amaan.id, joel.id, melanie.id}  # the flagged cases, to begin with
        text = shown(screen.query_one(CaseChooser))
        # Suggested: Noor (a safety concern), Gareth, Kofi; an insight no longer counts as my own response.
        assert "Flagged for supervision (3)" in text and "Suggested (3)" in text
        assert "Gareth\n  1 reaction" in text  # suggested for his reaction; his gap is not an absence
        assert "Since the last supervision, on Thu 29 Oct 2026 (4 weeks ago)." in shown(screen.query_one("#window"))
        assert sv.current_plan(demo_store.meetings()) is None  # looking creates nothing

        # Choose a suggested case; leave a flagged one out (which unflags it).
        await highlight(pilot, screen, gareth.id)
        await pilot.press("space")
        await until(pilot, lambda: gareth.id in screen.chosen, "Gareth chosen")
        await highlight(pilot, screen, joel.id)
        await pilot.press("space")
        await until(pilot, lambda: joel.id not in screen.chosen, "Joel left out")
        assert not demo_store.client(joel.id).bring_to_supervision

        # Write the question to bring about Melanie.
        await highlight(pilot, screen, melanie.id)
        assert "Last time  supervision on 29 Oct" in material(screen)
        await pilot.press("w")
        assert isinstance(app.screen, BringQuestionForm)
        await type_text(pilot, "what is my part in her cancelling")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.questions.get(melanie.id), "the question saved")
        plan = sv.current_plan(demo_store.meetings())
        assert [(i.client_id, i.question) for i in plan.items] == [
            (amaan.id, ""), (melanie.id, "what is my part in her cancelling"), (gareth.id, "")]
        assert "what is my part in her cancelling" in material(screen)

        # Export the brief, redacted, to the suggested file in the home folder.
        await pilot.press("x")
        assert isinstance(app.screen, ExportForm)
        await pilot.press("ctrl+s")
        # Whether to add Patterns in me: asked for this brief, each time, and answered yes here.
        await until(pilot, lambda: isinstance(app.screen, Confirm), "the patterns question asked")
        assert shown(app.screen.query_one(Static)).startswith("Add “Patterns in me” to this brief?")
        await pilot.press("y")
        # The leak check: what in the notes may still identify someone, to accept or go back and fix.
        await until(pilot, lambda: isinstance(app.screen, Confirm) and "Patterns" not in shown(
            app.screen.query_one(Static)), "the leak check shown")
        leaks = shown(app.screen.query_one(Static))
        assert "C-025, a wondering of October 2026: a time of day, 'nine o'clock'" in leaks
        await pilot.press("y")
        brief = home / "supervision-brief-2026-11-26.md"
        await until(pilot, brief.exists, "the brief written")
        assert stat.S_IMODE(brief.stat().st_mode) == 0o600
        written = brief.read_text(encoding="utf-8")
        assert "1. **Safety: what I have assessed; what I need help deciding** (2 concerns)" in written
        assert "2. **C-007**: *No question written yet.*" in written
        assert "3. **C-025**: what is my part in her cancelling" in written
        assert "4. **C-023**: *No question written yet.*" in written
        # Joel was left out: his open safety concern still leads, but he has no section of his own.
        assert "- **C-024** *(safeguarding" in written and "## 5. C-024" not in written
        # Patterns in me, as agreed: de-identified like the rest of the brief.
        (number,) = re.findall(r"^(\d+)\. Patterns in me$", written.split("---")[0], re.MULTILINE)  # on the agenda
        assert written.rindex("## ") == written.index(f"## {number}. Patterns in me")  # the last section
        assert "relief, then guilt, 3 times: my practice, around my own break (December 2025); C-012 (April)" in written
        for client in demo_store.clients():
            assert client.name not in written

        # After the meeting: record it, with advice for two of the cases.
        await pilot.press("m")
        assert isinstance(app.screen, MeetingForm)
        await type_text(pilot, "three cases and my tiredness")
        await pilot.press("tab", "tab")  # past Amaan's advice, to Melanie's
        await type_text(pilot, "name the pattern kindly")
        await pilot.press("tab")
        await type_text(pilot, "ask about the hearing")
        await pilot.press("tab")
        await until(pilot, lambda: app.screen.focused.id == "supervisor", "the supervisor field")
        assert app.screen.focused.value == "Helen Achebe"  # offered again from the last supervision
        await pilot.press("tab", "end", "backspace", "backspace")  # the 90 offered from last time
        await type_text(pilot, "1h15")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: sv.current_plan(demo_store.meetings()) is None, "the plan recorded as held")
        meeting = sv.last_held(demo_store.meetings())
        assert (meeting.held_on, meeting.notes, meeting.planned) == (TODAY, "three cases and my tiredness", False)
        assert (meeting.supervisor, meeting.minutes, meeting.setting.value) == ("Helen Achebe", 75, "individual")
        assert [(i.client_id, i.question, i.advice, i.outcome) for i in meeting.items] == [
            (amaan.id, "", "", ""),
            (melanie.id, "what is my part in her cancelling", "name the pattern kindly", ""),
            (gareth.id, "", "ask about the hearing", ""),
        ]
        assert [m.held_on for m in demo_store.meetings()][:2] == [TODAY, date(2026, 10, 29)]
        assert not any(demo_store.client(c.id).bring_to_supervision for c in (amaan, melanie))
        await until(pilot, lambda: "Since the last supervision, on Thu 26 Nov 2026 (today)."
                    in shown(screen.query_one("#window")), "the window moved on")

        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)

    # Next time: the advice shows for follow-through, and how it went is recorded.
    app = make_app(demo_store, now=datetime(2026, 12, 10, 18, 0))
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        text = shown(screen.query_one(CaseChooser))
        assert "advice to follow through" in text
        await highlight(pilot, screen, melanie.id)
        shown_now = material(screen)
        assert "Last time  supervision on 26 Nov" in shown_now
        assert "I asked: what is my part in her cancelling" in shown_now
        assert "Advised: name the pattern kindly" in shown_now
        assert "How it went: not recorded yet. Press o" in shown_now
        await pilot.press("o")
        assert isinstance(app.screen, OutcomeForm)
        await type_text(pilot, "tried it and she stayed the whole hour")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: sv.last_held(demo_store.meetings()).items[1].outcome, "the outcome stored")
        item = next(i for i in sv.last_held(demo_store.meetings()).items if i.client_id == melanie.id)
        assert item.outcome == "tried it and she stayed the whole hour"
        await until(pilot, lambda: "How it went: tried it and she stayed" in material(screen), "outcome shown")


async def test_typed_start_date_changes_the_window(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        await pilot.press("h")
        assert isinstance(app.screen, SinceForm)
        await type_text(pilot, "2026-11-20")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.since == date(2026, 11, 20), "the window changed")
        assert "Since Fri 20 Nov 2026 (6 days ago)." in shown(screen.query_one("#window"))
        assert "Still with me, since 20 Nov" in material(screen)
        # A start in the future is refused in the form, in words.
        await pilot.press("h")
        for _ in range(10):
            await pilot.press("backspace")
        await type_text(pilot, "2027-01-01")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, SinceForm)
        assert "start today or before" in shown(app.screen.query_one("#error"))
        await pilot.press("escape")
        assert screen.since == date(2026, 11, 20)


async def test_leaving_out_a_case_with_a_question_asks_first(demo_store):
    melanie = client_named(demo_store, "Melanie")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        await highlight(pilot, screen, melanie.id)
        await pilot.press("w")
        await type_text(pilot, "keep this")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.questions.get(melanie.id) == "keep this", "saved")
        await pilot.press("space")
        await pilot.pause()
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert melanie.id in screen.chosen
        plan = sv.current_plan(demo_store.meetings())
        assert {i.client_id: i.question for i in plan.items}[melanie.id] == "keep this"
        assert isinstance(app.screen, SupervisionScreen)


async def test_privacy_mode_shows_codes_only(demo_store):
    melanie = client_named(demo_store, "Melanie")
    demo_store.add_thought(Thought(body="Melanie and Amaan again", written_at=datetime(2026, 11, 25, 9),
                                   client_id=melanie.id))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        await highlight(pilot, screen, melanie.id)
        await pilot.press("p")
        await pilot.pause()
        everything = shown(screen.query_one(CaseChooser)) + material(screen)
        assert "C-025 and C-007 again" in everything
        for client in demo_store.clients():
            assert client.name not in everything


async def test_hostile_names_and_notes_stay_text(empty_store):
    client = empty_store.add_client(Client(name="O'Brien [/x] [@click=app.quit]", code="[b]X",
                                           started_on=date(2026, 1, 5)))
    empty_store.set_flag(client.id, True)
    empty_store.add_thought(Thought(body="[bold]not bold[/] \x1b[2J", written_at=datetime(2026, 11, 25, 9),
                                    client_id=client.id))
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_supervision(pilot)
        assert "O'Brien [/x] [@click=app.quit]" in shown(screen.query_one(CaseChooser))
        assert "[bold]not bold[/] ␛[2J" in material(screen)


async def test_supervision_command_opens_on_the_screen(demo_store):
    app = make_app(demo_store, start="supervision")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen) and app.screen.loaded, "opened")
        await pilot.press("escape")
        assert isinstance(app.screen, DashboardScreen)


async def test_meeting_notes_come_back_as_a_draft_if_caseload_is_stopped(demo_store, tmp_path):
    from caseload_tui.drafts import Drafts

    drafts = Drafts(demo_store)
    app = make_app(demo_store, drafts=drafts)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_supervision(pilot)
        await pilot.press("m")
        # Typed once it is there (keys typed with the m land in it too: test_keys_into_forms.py).
        await until(pilot, lambda: isinstance(app.screen, MeetingForm)
                    and app.focused is app.screen.query_one("#notes"), "the meeting form open")
        await type_text(pilot, "half written notes")
        app.keep_drafts()  # the terminal closed: what the SIGHUP handler does first
        await pilot.pause()
    assert [kind for _, kind, _, _ in demo_store.kept_drafts()] == ["supervision_meeting"]

    app = make_app(demo_store, drafts=drafts)
    async with app.run_test(size=(160, 48)) as pilot:
        from textual.widgets import TextArea

        await until(pilot, lambda: isinstance(app.screen, MeetingForm), "the meeting form reopened")
        # query, not query_one: the form may be on the stack a moment before its fields are mounted.
        await until(pilot, lambda: [a.text for a in app.screen.query("#notes").results(TextArea)]
                    == ["half written notes"], "the notes restored")
        assert isinstance(app.screen_stack[-2], SupervisionScreen)
    assert demo_store.kept_drafts() == []  # taken back: the form holds the text again


async def test_recording_a_meeting_without_a_plan_brings_the_flagged_cases(demo_store):
    amaan, joel, melanie = (client_named(demo_store, n) for n in ("Amaan", "Joel", "Melanie"))
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_supervision(pilot)
        await pilot.press("m")
        await pilot.press("tab")
        await type_text(pilot, "stay with the approval")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: sv.last_held(demo_store.meetings()).held_on == TODAY, "recorded")
        meeting = sv.last_held(demo_store.meetings())
        assert [(i.client_id, i.advice) for i in meeting.items] == [
            (amaan.id, "stay with the approval"), (joel.id, ""), (melanie.id, "")]
        assert sv.current_plan(demo_store.meetings()) is None
        assert isinstance(app.screen, SupervisionScreen) and screen.chosen == set()


async def test_the_optional_structure_of_a_case_is_kept_in_the_plan_and_the_brief(demo_store):
    joel = client_named(demo_store, "Joel")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        await highlight(pilot, screen, joel.id)
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, BringQuestionForm), "the question form")
        await type_text(pilot, "when would I need to say more?")
        await pilot.press("tab")  # to what I need today
        app.screen.query_one("#need").value = Need.DECIDE
        await pilot.press("tab")  # to what I have tried
        await type_text(pilot, "named the shame first")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: screen.questions.get(joel.id), "the question saved")
    [item] = [i for i in sv.current_plan(demo_store.meetings()).items if i.client_id == joel.id]
    assert (item.question, item.need, item.tried, item.between_us) == (
        "when would I need to say more?", Need.DECIDE, "named the shame first", "")
    from caseload_tui.brief import build_brief

    joel_section = build_brief(sv.prepare(demo_store, NOW, [joel.id])).split("## 2. C-024", 1)[1]
    assert "**What I need today:** to decide something." in joel_section
    assert "**What I have tried:** named the shame first" in joel_section
    assert "What happens between us" not in joel_section  # shown only when written


async def test_what_is_still_with_me_from_before_shows_beside_the_case(demo_store):
    amaan, joel = client_named(demo_store, "Amaan"), client_named(demo_store, "Joel")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_supervision(pilot)
        await highlight(pilot, screen, amaan.id)
        text = material(screen)
        before = text.split("Still with me from before the last supervision (not yet brought)  (3)", 1)[1]
        assert "Tidying the living room this morning it came to me" in before.split("Follow-up questions", 1)[0]
        await highlight(pilot, screen, joel.id)
        assert "reaction  ⇢ to supervision\nWhen he described shouting at the baby" in material(screen)


async def test_recording_the_meeting_keeps_what_i_tried_what_happens_between_us_and_what_i_need(demo_store):
    from caseload_tui.model import SupervisionItem
    from caseload_tui.services import supervision as plans

    joel = client_named(demo_store, "Joel")
    plans.save_plan(demo_store, [SupervisionItem(client_id=joel.id, question="when to say more?",
                                                 tried="named the shame first", between_us="I go quiet too",
                                                 need=Need.DECIDE)], TODAY, read=None)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_supervision(pilot)
        await pilot.press("m")
        await until(pilot, lambda: isinstance(app.screen, MeetingForm), "the meeting form")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: sv.current_plan(demo_store.meetings()) is None, "recorded")
    [item] = [i for i in sv.last_held(demo_store.meetings()).items if i.client_id == joel.id]
    assert (item.question, item.tried, item.between_us, item.need) == (
        "when to say more?", "named the shame first", "I go quiet too", Need.DECIDE)
