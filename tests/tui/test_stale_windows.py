"""Two windows on one caseload (two Stores on one file, the app on the first): a stale edit of a thought,
a graduation and a supervision question is refused with both versions shown side by side, and no write
of either window is lost: theirs stays until mine is saved over it knowingly, mine stays in the form
until it is saved or let go."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from textual.widgets import Button, Static

from caseload_tui import model as m
from caseload_tui import supervision as sv
from caseload_tui.demo import load_demo
from caseload_tui.services import endings
from caseload_tui.services import supervision as plans
from caseload_tui.store import Store
from caseload_tui.tui.modals.base import FormScreen
from caseload_tui.tui.modals.endings import EndingForm
from caseload_tui.tui.modals.stale_edit import StaleEdit
from caseload_tui.tui.modals.supervision_forms import BringQuestionForm
from caseload_tui.tui.screens.supervision import CaseChooser, SupervisionScreen
from caseload_tui.tui.widgets.notes_panes import QuestionsPane, ThoughtsPane

from clock import DEMO_DAY_END
from pilot_helpers import NOW, choose, client_named, go_to, loaded, make_app, settle, shown, type_text


def two_windows(tmp_path) -> tuple[Store, Store]:
    path = tmp_path / "caseload.db"
    first = Store.open(path, create=True)
    first.import_data(load_demo(DEMO_DAY_END.date()))
    return first, Store.open(path)


async def until(pilot, condition, what: str) -> None:
    for _ in range(300):
        if condition():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never happened: {what}; in front: {pilot.app.screen!r}")


def column(view: StaleEdit, side: str) -> str:
    return "\n".join(shown(cell) for cell in view.query(f"#compare .{side}").results(Static))


async def press_button(pilot, view: StaleEdit, button: str) -> None:
    view.query_one(f"#{button}", Button).press()
    await pilot.pause()


async def editing(pilot, client: m.Client, pane: type[ThoughtsPane | QuestionsPane]) -> int:
    """On the client, the pane's highlighted note opened for editing; its id."""
    await loaded(pilot)
    await go_to(pilot, f"client:{client.id}")
    pilot.app.screen.query_one(pane).focus()
    await pilot.pause()
    note_id: int = pilot.app.screen.query_one(pane).current_id
    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, FormScreen), "the note's form")
    return note_id


async def saved_into_both_versions(pilot, what: str = "both versions shown") -> StaleEdit:
    """ctrl+s on a form the other window has made stale: both versions are shown."""
    await pilot.press("ctrl+s")
    await until(pilot, lambda: isinstance(pilot.app.screen, StaleEdit), what)
    return pilot.app.screen


async def closed_and_read_again(pilot, what: str = "saved") -> None:
    """The view and the form gone; the dashboard reads the client again before the app closes."""
    await until(pilot, lambda: not isinstance(pilot.app.screen, (StaleEdit, FormScreen)), what)
    await settle(pilot, "load")


async def test_a_stale_thought_edit_shows_both_and_mine_can_be_a_new_note(tmp_path):
    mine, other = two_windows(tmp_path)
    amaan = client_named(mine, "Amaan")
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        thought = mine.thought(await editing(pilot, amaan, ThoughtsPane))
        body = app.screen.query_one("#body")
        body.move_cursor(body.document.end)
        await type_text(pilot, " and mine")
        other.update_thought(replace(other.thought(thought.id), body="their edit, in the other window"))
        view = await saved_into_both_versions(pilot)
        assert "their edit, in the other window" in column(view, "theirs")
        assert thought.body + " and mine" in column(view, "mine")
        assert mine.thought(thought.id).body == "their edit, in the other window"  # refused: nothing written
        await pilot.press("enter")  # the focus starts on Save mine as a new note
        await closed_and_read_again(pilot)
    bodies = [t.body for t in other.thoughts([amaan.id], limit=1000)]
    assert "their edit, in the other window" in bodies and thought.body + " and mine" in bodies


async def test_a_stale_thought_edit_kept_mine_goes_over_theirs_knowingly(tmp_path):
    mine, other = two_windows(tmp_path)
    amaan = client_named(mine, "Amaan")
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        thought = mine.thought(await editing(pilot, amaan, ThoughtsPane))
        await type_text(pilot, "mine: ")
        other.update_thought(replace(other.thought(thought.id), body="theirs"))
        await saved_into_both_versions(pilot)
        await press_button(pilot, app.screen, "keep_mine")
        await closed_and_read_again(pilot)
    assert other.thought(thought.id).body == "mine: " + thought.body


async def test_a_stale_graduation_shows_both_and_keeps_my_text_until_i_choose(tmp_path):
    mine, other = two_windows(tmp_path)
    noor = client_named(mine, "Noor")
    app = make_app(mine)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{noor.id}")
        await pilot.press("G")
        await until(pilot, lambda: isinstance(app.screen, EndingForm), "the ending form")
        await choose(pilot, "who", 0)
        await choose(pilot, "how", 0)
        app.screen.query_one("#helped").focus()
        await type_text(pilot, "my reflection")
        endings.end_work(other, noor.id, date(2026, 11, 25), m.EndedBy.CLIENT, m.EndingHow.NO_LAST_SESSION,
                         m.Reflection(helped="their reflection"), close_questions=False, now=NOW,
                         version=other.client(noor.id).version)
        view = await saved_into_both_versions(pilot)
        assert "their reflection" in column(view, "theirs") and "25 Nov 2026" in column(view, "theirs")
        assert "my reflection" in column(view, "mine")
        assert [b.id for b in view.query(Button)] == ["keep_mine", "keep_theirs", "back"]
        assert other.episodes(noor.id)[-1].reflection.helped == "their reflection"  # refused

        await pilot.press("escape")  # back to my form: my text still there, nothing written
        await until(pilot, lambda: isinstance(app.screen, EndingForm), "back in the form")
        assert app.screen.query_one("#helped").text == "my reflection"
        await saved_into_both_versions(pilot, "both versions shown again")
        await press_button(pilot, app.screen, "keep_mine")
        await closed_and_read_again(pilot)
    [episode] = [e for e in other.episodes(noor.id) if e.ended]  # one ending: mine, over theirs, knowingly
    assert (episode.reflection.helped, episode.ended_by, episode.how, episode.ended_on) == (
        "my reflection", list(m.EndedBy)[0], list(m.EndingHow)[0], NOW.date())


async def test_a_stale_supervision_question_shows_both_and_keeps_every_case(tmp_path):
    mine, other = two_windows(tmp_path)
    melanie, joel = client_named(mine, "Melanie"), client_named(mine, "Joel")
    app = make_app(mine)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await pilot.press("S")
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen) and app.screen.loaded, "supervision")
        screen = app.screen
        screen.query_one(CaseChooser).highlight_case(melanie.id)
        await pilot.pause()
        await pilot.press("w")
        await until(pilot, lambda: isinstance(app.screen, BringQuestionForm), "the question form")
        await type_text(pilot, "what is my part in her cancelling")
        # The other window writes a question about Joel to the same plan meanwhile.
        plan = sv.current_plan(other.meetings())
        items = [*(plan.items if plan else []), m.SupervisionItem(client_id=joel.id, question="why so quiet?")]
        plans.save_plan(other, items, NOW.date(), read=plan.version if plan else None)
        await saved_into_both_versions(pilot)
        assert "what is my part in her cancelling" in column(app.screen, "mine")
        await press_button(pilot, app.screen, "keep_mine")
        await until(pilot, lambda: isinstance(app.screen, SupervisionScreen), "saved")
        await until(pilot, lambda: screen.questions.get(melanie.id), "the screen read the plan again")
    questions = {i.client_id: i.question for i in sv.current_plan(other.meetings()).items}
    assert questions[melanie.id] == "what is my part in her cancelling"
    assert questions[joel.id] == "why so quiet?"  # the other window's question kept


async def test_a_stale_question_edit_can_be_kept_as_a_new_question(tmp_path):
    mine, other = two_windows(tmp_path)
    melanie = client_named(mine, "Melanie")
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        question = mine.question(await editing(pilot, melanie, QuestionsPane))
        await type_text(pilot, "mine: ")
        other.update_question(replace(other.question(question.id), body="their wording"))
        await saved_into_both_versions(pilot)
        assert "their wording" in column(app.screen, "theirs")
        await press_button(pilot, app.screen, "save_as_new")
        await closed_and_read_again(pilot)
    bodies = [q.body for q in other.questions([melanie.id], limit=1000)]
    assert "their wording" in bodies and "mine: " + question.body in bodies


async def test_a_stale_client_edit_let_go_keeps_theirs_and_says_so(tmp_path):
    mine, other = two_windows(tmp_path)
    noor = client_named(mine, "Noor")
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{noor.id}")
        await pilot.press("e")  # on the caseload list: edit the client
        await until(pilot, lambda: isinstance(app.screen, FormScreen) and app.screen.query("#themes"), "the form")
        app.screen.query_one("#themes").value = "my themes"
        other.update_client(replace(other.client(noor.id), themes="their themes"))
        await saved_into_both_versions(pilot)
        assert "their themes" in column(app.screen, "theirs") and "my themes" in column(app.screen, "mine")
        await press_button(pilot, app.screen, "keep_theirs")
        await closed_and_read_again(pilot, "closed")
        assert any(m.StaleChoice.KEEP_THEIRS.words.after in str(n.message) for n in app._notifications)
    assert other.client(noor.id).themes == "their themes"


async def test_a_thought_deleted_in_the_other_window_while_edited_can_be_saved_as_a_new_one(tmp_path):
    mine, other = two_windows(tmp_path)
    amaan = client_named(mine, "Amaan")
    app = make_app(mine)
    async with app.run_test(size=(120, 36)) as pilot:
        thought = mine.thought(await editing(pilot, amaan, ThoughtsPane))
        await type_text(pilot, "still mine: ")
        other.delete_thought(thought.id)
        view = await saved_into_both_versions(pilot)
        assert m.GONE_THEIRS in column(view, "theirs")
        assert [b.id for b in view.query(Button)] == ["keep_theirs", "save_as_new", "back"]
        await pilot.press("enter")  # Save mine as a new note
        await closed_and_read_again(pilot)
    assert "still mine: " + thought.body in [t.body for t in other.thoughts([amaan.id], limit=1000)]
