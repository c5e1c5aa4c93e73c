"""User text with markup-like brackets, escape sequences and every script shows literally."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.store import Store
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList
from caseload_tui.tui.widgets.notes_panes import QuestionsPane, ThoughtsPane

from pilot_helpers import go_to, loaded, make_app, settle, shown

NAME = "O'Brien [/x] [b]bold[/b] \x1b[31mRED\x1b]52;c;aGVsbG8=\x07"
THOUGHT = "[@click=app.quit]click me[/] \x1b[2J wipe 🧠 שלום مرحبا 漢字 [link=https://x]x[/link]"
QUESTION = "did she say [red]no[/red]?\x1b[?1049l\x9b31m"
# What the screen must show: the same characters, with each control character as its picture.
NAME_SHOWN = "O'Brien [/x] [b]bold[/b] ␛[31mRED␛]52;c;aGVsbG8=␇"
THOUGHT_SHOWN = "[@click=app.quit]click me[/] ␛[2J wipe 🧠 שלום مرحبا 漢字 [link=https://x]x[/link]"
QUESTION_SHOWN = "did she say [red]no[/red]?␛[?1049l\ufffd31m"


def hostile_store() -> tuple[Store, m.Client]:
    store = Store.memory()
    client = store.add_client(m.Client(name=NAME, code="C-1 [i]", started_on=date(2026, 1, 5),
                                       themes="[@click=app.quit]themes[/]"))
    store.add_thought(m.Thought(body=THOUGHT, written_at=datetime(2026, 11, 20, 18), client_id=client.id))
    store.add_question(m.Question(body=QUESTION, asked_at=datetime(2026, 11, 20, 18), client_id=client.id))
    return store, client


def _no_user_styles(content) -> None:
    """Nothing the user wrote became a style, a link or an action."""
    for span in content.spans:
        style = str(span.style)
        assert "@click" not in style and "link" not in style and style != "red"


async def test_hostile_text_is_literal_everywhere():
    store, client = hostile_store()
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        caseload = app.screen.query_one(CaseloadList)
        row = caseload.get_option(f"client:{client.id}").prompt
        # The list cuts names to the column, between words: literally the name's first words, then "…".
        first_words = row.plain.split("…")[0].strip()
        assert len(first_words) >= 7 and NAME_SHOWN.startswith(first_words), row.plain
        _no_user_styles(row)
        header = app.screen.query_one(CaseHeader)
        assert NAME_SHOWN in shown(header) and "[@click=app.quit]themes[/]" in shown(header)
        _no_user_styles(header.content)
        thoughts = app.screen.query_one(ThoughtsPane)
        assert THOUGHT_SHOWN in shown(thoughts)
        questions = app.screen.query_one(QuestionsPane)
        assert QUESTION_SHOWN in shown(questions)
        for pane in (thoughts, questions):
            for option in pane.options:
                _no_user_styles(option.prompt)

        # Clicking on the would-be link does nothing but select the note.
        await pilot.click(ThoughtsPane, offset=(3, 2))
        await pilot.pause()
        assert app.is_running

        await pilot.press("slash", *"wipe")
        await settle(pilot, "search")
        results = shown(app.screen.query_one("#results"))
        assert THOUGHT_SHOWN in results and NAME_SHOWN[:14] in results

        screenshot = app.export_screenshot()
        assert "\x1b" not in screenshot and "\x07" not in screenshot
    # Stored text is unchanged, byte for byte.
    assert store.client(client.id).name == NAME
    assert store.thoughts([client.id])[0].body == THOUGHT
    assert store.questions([client.id])[0].body == QUESTION


async def test_very_long_text_is_wrapped_not_crashing():
    store = Store.memory()
    client = store.add_client(m.Client(name="N" * 500, code="C-1", started_on=date(2026, 1, 5)))
    store.add_thought(m.Thought(body="word " * 4000, written_at=datetime(2026, 11, 20, 18), client_id=client.id))
    app = make_app(store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        row = app.screen.query_one(CaseloadList).get_option(f"client:{client.id}").prompt
        assert "…" in row.plain and len(row.plain) < 80
        assert app.is_running


ZALGO = "Zo\u200bë" + "\u0336" * 300 + " Mül\u2060ler"


async def test_invisible_characters_and_piled_marks_keep_the_list_in_line():
    """A pasted name full of zero-width spaces and hundreds of marks takes the row its letters take."""
    store = Store.memory()
    plain = store.add_client(m.Client(name="Zoë Müller", code="C-1", started_on=date(2026, 1, 5)))
    odd = store.add_client(m.Client(name=ZALGO, code="C-2", started_on=date(2026, 1, 5)))
    long = store.add_client(m.Client(name="N" * 10_000, code="C-3", started_on=date(2026, 1, 5)))
    app = make_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        caseload = app.screen.query_one(CaseloadList)
        rows = {c.id: caseload.get_option(f"client:{c.id}").prompt for c in (plain, odd, long)}
        assert rows[odd.id].cell_length == rows[plain.id].cell_length == rows[long.id].cell_length
        assert "\u200b" not in rows[odd.id].plain and "\u0336" * 4 not in rows[odd.id].plain
        # Where a name is shown whole (the header, the supervision case list) a pasted
        # 10,000-character one is cut, not drawn over a screen of lines.
        await go_to(pilot, f"client:{long.id}")
        header = shown(app.screen.query_one(CaseHeader))
        assert "N" * 70 in header and "N" * 100 not in header
    assert store.client(odd.id).name == ZALGO  # what is stored is untouched


async def test_editing_hostile_text_shows_it_literally_and_keeps_bytes():
    store, client = hostile_store()
    thought = store.thoughts([client.id])[0]
    app = make_app(store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("tab", "e")
        body = app.screen.query_one("#body")
        assert body.text == THOUGHT_SHOWN and "\x1b" not in body.text
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.screen.query_one(CaseloadList).focus()
        await pilot.press("e")
        assert app.screen.query_one("#name").value == NAME_SHOWN
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "\x1b" not in app.export_screenshot()
    assert store.thought(thought.id) == thought  # same bytes, same version: nothing rewritten
    assert store.client(client.id).name == NAME and store.client(client.id).version == client.version


async def test_pasting_a_megabyte_is_refused_with_a_message(demo_store):
    from textual import events

    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        await loaded(pilot)
        await pilot.press("t")
        body = app.screen.query_one("#body")
        body.post_message(events.Paste("x" * 1_000_000))
        await pilot.pause()
        assert body.text == ""
        assert any("a note holds at most" in str(n.message) for n in app._notifications)
        await pilot.press("a", "b")
        assert body.text == "ab"  # still responsive
