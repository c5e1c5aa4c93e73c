"""Every dashboard action driven by key presses; what is stored and what is shown afterwards."""

from __future__ import annotations

import re

import pytest

from caseload_tui.model import QuestionStatus, Status, ThoughtKind
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.modals.leave_form import LeaveForm
from caseload_tui.tui.screens.help import HelpScreen
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList
from caseload_tui.tui.widgets.notes_panes import QuestionsPane, ThoughtsPane

from pilot_helpers import (
    NOW,
    choose_kind,
    client_named,
    confirm_deliberately,
    go_to,
    loaded,
    make_app,
    settle,
    shown,
    type_text,
)


async def test_new_thought_is_stored_and_listed(demo_store):
    melanie = client_named(demo_store, "Melanie")
    before = len(demo_store.thoughts([melanie.id]))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        await pilot.press("t")
        assert isinstance(app.screen, FormScreen)
        await type_text(pilot, "she left early again")
        await choose_kind(pilot, ThoughtKind.CURIOSITY)
        await pilot.press("ctrl+s")
        await pilot.pause()
        thoughts = demo_store.thoughts([melanie.id])
        assert len(thoughts) == before + 1
        newest = thoughts[0]
        assert newest.body == "she left early again"
        assert newest.written_at == NOW and newest.lingering and newest.kind is ThoughtKind.CURIOSITY
        pane = app.screen.query_one(ThoughtsPane)
        assert shown(pane).splitlines()[1] == "she left early again"
        assert app.screen.query_one(CaseloadList).highlighted_option.id == f"client:{melanie.id}"


async def test_thought_form_escape_saves_nothing(demo_store):
    count = len(demo_store.thoughts())
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await pilot.press("escape")  # nothing written: it closes at once
        await pilot.pause()
        assert not isinstance(app.screen, FormScreen) and not isinstance(app.screen, LeaveForm)
        await pilot.press("t")
        await type_text(pilot, "never mind")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveForm)  # text written: asked, never thrown away
        await pilot.press("right", "enter")  # no drafts in this app: "Let it go" is next to "Keep writing"
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, LeaveForm))
    assert len(demo_store.thoughts()) == count


async def test_escape_with_text_keeps_writing_by_default(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await type_text(pilot, "half a thought")
        for default in ("escape", "enter"):  # a second Escape, or Enter, goes back to the text
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, LeaveForm)
            await pilot.press(default)
            await pilot.pause()
            assert isinstance(app.screen, FormScreen)
            assert app.screen.query_one("#body").text == "half a thought"


async def test_escape_with_text_can_keep_it_as_a_draft_that_reopens(demo_store, tmp_path):
    from caseload_tui.drafts import Drafts

    drafts = Drafts(demo_store)
    app = make_app(demo_store, drafts=drafts)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await type_text(pilot, "kept for later")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right", "enter")  # "Keep as a draft"
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, LeaveForm))
    again = make_app(demo_store, drafts=drafts)
    async with again.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert isinstance(again.screen, FormScreen)
        assert again.screen.query_one("#body").text == "kept for later"


async def test_empty_thought_shows_inline_error(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("t", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "Please write the thought first" in shown(app.screen.query_one("#error"))


async def test_let_go_and_bring_back(demo_store):
    amaan = client_named(demo_store, "Amaan")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("tab")
        pane = app.screen.query_one(ThoughtsPane)
        assert app.focused is pane
        thought_id = pane.current_id
        assert demo_store.thought(thought_id).lingering
        await pilot.press("g")
        await pilot.pause()
        assert not demo_store.thought(thought_id).lingering
        assert "○ let go" in shown(pane).splitlines()[0]
        await pilot.press("g")
        await pilot.pause()
        assert demo_store.thought(thought_id).lingering
        assert "● still with me" in shown(pane).splitlines()[0]


async def test_edit_thought_and_unchanged_save_keeps_bytes(demo_store):
    amaan = client_named(demo_store, "Amaan")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("tab")
        thought_id = app.screen.query_one(ThoughtsPane).current_id
        original = demo_store.thought(thought_id)
        await pilot.press("e")
        assert isinstance(app.screen, FormScreen)
        await pilot.press("ctrl+s")  # saved without a change: nothing is rewritten
        await pilot.pause()
        assert demo_store.thought(thought_id) == original
        await pilot.press("e")
        body = app.screen.query_one("#body")
        body.move_cursor(body.document.end)
        await type_text(pilot, " Still true.")
        await pilot.press("ctrl+s")
        await pilot.pause()
        edited = demo_store.thought(thought_id)
        assert edited.body.endswith(" Still true.")
        assert edited.version == original.version + 1


async def test_delete_thought_asks_first(demo_store):
    amaan = client_named(demo_store, "Amaan")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("tab")
        thought_id = app.screen.query_one(ThoughtsPane).current_id
        await pilot.press("d")
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert demo_store.thought(thought_id)
        await pilot.press("d", "y")  # stray typing: a letter never deletes
        await pilot.pause()
        assert isinstance(app.screen, Confirm) and demo_store.thought(thought_id)
        await confirm_deliberately(pilot)
        assert all(t.id != thought_id for t in demo_store.thoughts([amaan.id]))
        assert f"thought:{thought_id}" not in [o.id for o in app.screen.query_one(ThoughtsPane).options]


async def test_new_question_then_answer(demo_store):
    noor = client_named(demo_store, "Noor")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{noor.id}")
        await pilot.press("f")
        await type_text(pilot, "did her husband take the news well?")
        await pilot.press("ctrl+s")
        await pilot.pause()
        question = demo_store.questions([noor.id])[0]
        assert question.body == "did her husband take the news well?"
        assert question.status is QuestionStatus.OPEN
        pane = app.screen.query_one(QuestionsPane)
        assert "did her husband take the news well?" in shown(pane)
        pane.focus()
        pane.highlighted = pane.get_option_index(f"question:{question.id}")
        await pilot.press("r")
        await type_text(pilot, "yes, better than she feared")
        await pilot.press("ctrl+s")
        await pilot.pause()
        answered = demo_store.question(question.id)
        assert answered.status is QuestionStatus.ANSWERED
        assert answered.answer == "yes, better than she feared" and answered.closed_at == NOW
        assert "→ yes, better than she feared" in shown(pane)


async def test_drop_question(demo_store):
    melanie = client_named(demo_store, "Melanie")
    open_before = demo_store.questions([melanie.id], open_only=True)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        pane = app.screen.query_one(QuestionsPane)
        pane.focus()
        await pilot.pause()
        question_id = pane.current_id
        await pilot.press("r", "ctrl+d")
        await pilot.pause()
        assert demo_store.question(question_id).status is QuestionStatus.DROPPED
        assert len(demo_store.questions([melanie.id], open_only=True)) == len(open_before) - 1
        assert "– dropped" in shown(pane)


async def test_record_attendance_today_by_default(demo_store):
    melanie = client_named(demo_store, "Melanie")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        await pilot.press("a")
        # The status list has focus: move to "did not come (no show)" and choose it.
        await pilot.press("down", "down", "down", "down", "enter", "ctrl+s")
        await pilot.pause()
        today = [a for a in demo_store.appointments(melanie.id) if a.starts_at.date() == NOW.date()]
        assert len(today) == 1 and today[0].status is Status.NO_SHOW
        header = shown(app.screen.query_one(CaseHeader))
        assert "Absentee" in header


async def test_record_attendance_typed_day_and_bad_day(demo_store):
    dev = client_named(demo_store, "Dev")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{dev.id}")
        count = len(demo_store.appointments(dev.id))
        await pilot.press("a", "shift+tab")
        field = app.screen.query_one("#when")
        field.value = "the day after never"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert "couldn't read" in shown(app.screen.query_one("#error"))
        assert len(demo_store.appointments(dev.id)) == count
        field.value = "tue 08:15"
        app.screen.query_one("#status").focus()
        await pilot.press("down", "enter", "ctrl+s")  # came late
        await pilot.pause()
        tuesday = [a for a in demo_store.appointments(dev.id) if a.starts_at.date().isoformat() == "2026-11-24"]
        assert len(tuesday) == 1 and tuesday[0].status is Status.LATE


async def test_add_client_and_edit(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await type_text(pilot, "Wren")
        await pilot.press("tab")  # the code field holds a suggestion; keep it
        await pilot.press("tab", "tab")
        await type_text(pilot, "weekly wed 9:30")
        await pilot.press("tab")
        await type_text(pilot, "grief")
        await pilot.press("ctrl+s")
        await pilot.pause()
        wren = client_named(demo_store, "Wren")
        assert wren.code == "C-028" and wren.started_on == NOW.date()
        assert wren.schedule == "FREQ=WEEKLY;BYDAY=WE;BYHOUR=9;BYMINUTE=30" and wren.themes == "grief"
        caseload = app.screen.query_one(CaseloadList)
        assert caseload.highlighted_option.id == f"client:{wren.id}"
        assert "weekly, Wednesdays 09:30" in shown(app.screen.query_one(CaseHeader))
        await pilot.press("e")
        app.screen.query_one("#themes").value = "grief, a new job"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert demo_store.client(wren.id).themes == "grief, a new job"


async def test_duplicate_code_is_refused_inline(demo_store):
    count = demo_store.client_count()
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("c")
        await type_text(pilot, "Someone")
        app.screen.query_one("#code").value = "C-007"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "already has that code" in shown(app.screen.query_one("#error"))
    assert demo_store.client_count() == count


async def test_flag_for_supervision(demo_store):
    dev = client_named(demo_store, "Dev")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{dev.id}")
        await pilot.press("b")
        await pilot.pause()
        assert demo_store.client(dev.id).bring_to_supervision
        caseload = app.screen.query_one(CaseloadList)
        assert "⚑" in caseload.get_option(f"client:{dev.id}").prompt.plain
        await pilot.press("b")
        await pilot.pause()
        assert not demo_store.client(dev.id).bring_to_supervision


async def test_search_opens_the_client(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "bookshop")
        await settle(pilot, "search")
        results = app.screen.query_one("#results")
        assert "Pauline" in shown(results)
        await pilot.press("enter", "enter")
        await pilot.pause()
        pauline = client_named(demo_store, "Pauline")
        assert app.screen.query_one(CaseloadList).highlighted_option.id == f"client:{pauline.id}"
        assert "Pauline" in shown(app.screen.query_one(CaseHeader))


async def test_search_finds_a_theme_and_shows_dates_as_the_app_does(demo_store):
    """Issue 20: "dementia", one of a client's themes, found nothing; results showed ISO dates."""
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("slash")
        await type_text(pilot, "dementia")
        await settle(pilot, "search")
        text = shown(app.screen.query_one("#results"))
        assert "themes: caring for her mother, dementia" in text
        assert "client" in text
        assert not re.search(r"\d{4}-\d{2}-\d{2}", text), text


async def test_help_on_question_mark_and_f1(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        for key in ("question_mark", "f1"):
            await pilot.press(key)
            assert isinstance(app.screen, HelpScreen)
            text = shown(app.screen.query_one("Static"))
            for description in ("Write a lingering thought", "Record what happened", "Search", "Quit"):
                assert description in text
            await pilot.press("escape")
            assert not isinstance(app.screen, HelpScreen)


async def test_group_title_shows_the_whole_group(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, "group:absentees")
        thoughts = shown(app.screen.query_one(ThoughtsPane))
        names = {"Melanie", "Noor"}  # Gareth's gap is not an absence: he is a regular
        assert any(line.startswith(name) for line in thoughts.splitlines() for name in names)
        assert not any(line.startswith("Gareth") for line in thoughts.splitlines())
        assert "let go" not in thoughts  # only what is still lingering
        assert "Absentees (2)" in shown(app.screen.query_one(CaseHeader))


async def test_quit_at_once_without_unsaved_text(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_quit_asks_when_a_form_holds_text(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        await type_text(pilot, "half a thought")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#body").text == "half a thought"


async def test_palette_lists_every_action(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        from caseload_tui.tui.commands import ScreenKeys

        provider = ScreenKeys(app.screen)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        titles += [str(hit.display) async for hit in provider.discover()]
        for word in ("Thought", "Question", "Attend", "Answer", "Let go", "Edit", "Delete",
                     "Client+", "Flag", "Search", "Help", "Privacy", "Blank", "Quit", "Colours"):
            assert any(word.lower() in t.lower() for t in titles), word
        # No developer's words: Textual's keys panel, maximize and screenshot are not offered.
        assert not [t for t in titles if t.split(":")[0] in ("Keys", "Maximize", "Minimize", "Screenshot", "Theme")]


async def test_theme_choice_is_remembered(demo_store):
    remembered = []
    app = make_app(demo_store, remember_theme=remembered.append)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+p")
        await type_text(pilot, "colours")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        # Each theme is said in words, not only by its name.
        shown_choices = [str(option.prompt) for option in app.screen.query_one("CommandList").options]
        assert any("ansi-dark: your terminal's own colours, dark" in c for c in shown_choices), shown_choices
        assert all(":" in c for c in shown_choices)
        await type_text(pilot, "ansi-dark")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.2)
        assert app.theme == "ansi-dark"
    assert remembered[-1] == "ansi-dark"


async def test_in_the_demo_a_theme_chosen_is_said_not_to_be_remembered(demo_store):
    """Issue 20: the README said the choice "is remembered", silently untrue in --demo."""
    from caseload_tui.tui.app import DEMO_THEME_NOT_KEPT

    app = make_app(demo_store, demo=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        app.theme = "ansi-dark"  # as the palette's theme choice sets it
        await pilot.pause()
        assert DEMO_THEME_NOT_KEPT in [notice.message for notice in app._notifications]


async def test_empty_first_run_explains_what_to_do(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        header = shown(app.screen.query_one(CaseHeader))
        assert "Press c to add your first client" in header and "caseload --demo" in header


async def test_privacy_mode_shows_codes_everywhere(demo_store):
    amaan = client_named(demo_store, "Amaan")
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        demo_store.add_thought(demo_store.thoughts([amaan.id])[0].__class__(
            body="Amaan said his mother never asked.", written_at=NOW, client_id=amaan.id))
        await pilot.press("p")
        await pilot.pause()
        screen_text = "\n".join(shown(w) for w in (app.screen.query_one(CaseloadList),
                                                  app.screen.query_one(CaseHeader),
                                                  app.screen.query_one(ThoughtsPane),
                                                  app.screen.query_one(QuestionsPane)))
        for client in demo_store.clients():
            assert client.name not in screen_text.replace(client.code, "")
        assert "C-007 said his mother never asked." in screen_text
        await pilot.press("p")
        await pilot.pause()
        assert "Amaan" in shown(app.screen.query_one(CaseHeader))


async def test_redact_at_start(demo_store):
    app = make_app(demo_store, redact=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        listing = shown(app.screen.query_one(CaseloadList))
        assert "C-025" in listing and "Melanie" not in listing


async def test_blank_screen_until_pressed_again(demo_store):
    from caseload_tui.tui.screens.blank import BlankScreen

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("ctrl+l")
        assert isinstance(app.screen, BlankScreen)
        assert "Amaan" not in app.export_screenshot()
        await pilot.press("t")  # other keys do nothing while blank
        assert isinstance(app.screen, BlankScreen)
        await pilot.press("ctrl+l")
        assert not isinstance(app.screen, BlankScreen)


async def test_idle_lock_hides_everything(demo_store):
    from dataclasses import replace
    from datetime import timedelta

    from caseload_tui.config import Settings
    from caseload_tui.tui.app import CaseloadApp
    from caseload_tui.tui.screens.blank import BlankScreen

    now = [NOW]
    app = CaseloadApp(demo_store, clock=lambda: now[0], settings=replace(Settings(), lock_after_minutes=10))
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        now[0] = NOW + timedelta(minutes=9)
        app._lock_when_idle()
        assert not isinstance(app.screen, BlankScreen)
        now[0] = NOW + timedelta(minutes=10)
        app._lock_when_idle()
        await pilot.pause()
        assert isinstance(app.screen, BlankScreen)
        assert "Amaan" not in app.export_screenshot()
        await pilot.press("ctrl+l")
        assert not isinstance(app.screen, BlankScreen)


@pytest.mark.parametrize("kind, field, id_name", [("thought", "body", "thought_id"),
                                                   ("question", "body", "question_id"),
                                                   ("answer", "answer", "question_id")])
async def test_a_draft_of_a_note_deleted_since_reopens_as_a_new_note(demo_store, tmp_path, kind, field, id_name):
    from caseload_tui.drafts import Draft, DraftKind, Drafts

    melanie = client_named(demo_store, "Melanie")
    note = (demo_store.thoughts([melanie.id]) if kind == "thought" else demo_store.questions([melanie.id]))[0]
    drafts = Drafts(demo_store)
    drafts.save(Draft(DraftKind(kind), {field: "still mine"}, {"client_id": melanie.id, id_name: note.id}))
    if kind == "thought":
        demo_store.delete_thought(note.id)
    else:
        demo_store.delete_question(note.id)
    app = make_app(demo_store, drafts=drafts)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#body").text == "still mine"
        if kind != "question":  # a thought's kind is asked again: a draft keeps only what was typed
            await choose_kind(pilot, ThoughtKind.INSIGHT)
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved = demo_store.questions([melanie.id]) if kind == "question" else demo_store.thoughts([melanie.id])
    assert [n.body for n in saved if n.body == "still mine"] == ["still mine"]


async def test_a_deleted_thought_can_be_deleted_from_the_backups_too(tmp_path):
    from datetime import date

    from caseload_tui.demo import load_demo
    from caseload_tui.store import Store

    from clock import DEMO_DAY_END

    path, folder = tmp_path / "caseload.db", tmp_path / "backups"
    store = Store.open(path, create=True)
    store.import_data(load_demo(DEMO_DAY_END.date()))
    store.close()
    store = Store.open(path, daily_backup_dir=folder, today=date(2026, 11, 26))  # today's backup is made
    amaan = client_named(store, "Amaan")
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{amaan.id}")
        await pilot.press("tab")
        thought = store.thought(app.screen.query_one(ThoughtsPane).current_id)
        await pilot.press("d")
        await confirm_deliberately(pilot)  # delete it
        await pilot.pause()
        assert isinstance(app.screen, Confirm)  # 1 backup still holds it: delete everywhere?
        await confirm_deliberately(pilot)
    assert store.backups_holding(thought) == 0
    backed_up = Store.open(next(folder.iterdir()))
    assert all(t.id != thought.id for t in backed_up.thoughts([amaan.id]))
    assert backed_up.thoughts([amaan.id])  # the rest of the backup is kept
    backed_up.close()
    store.close()


async def test_a_draft_for_a_client_deleted_since_reopens_as_a_new_client(demo_store):
    from textual.widgets import Input

    from caseload_tui.drafts import Draft, DraftKind, Drafts

    melanie = client_named(demo_store, "Melanie")
    drafts = Drafts(demo_store)
    drafts.save(Draft(DraftKind.CLIENT, {"name": "Melanie R.", "themes": "still mine"},
                      {"client_id": melanie.id, "editing": True}))
    demo_store.delete_client(melanie.id)
    app = make_app(demo_store, drafts=drafts)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        assert app.screen.query_one("#themes", Input).value == "still mine"
        assert app.screen.title_text == "New client"
