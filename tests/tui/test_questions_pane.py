"""The dashboard's questions pane and the review's say the same thing: "Questions", the open ones first, each
settled one marked so (answered with what was learned, or dropped), and the counts of each in the subtitle."""

from __future__ import annotations

from caseload_tui.model import QuestionStatus
from caseload_tui.tui.widgets.notes_panes import QuestionsPane

from pilot_helpers import client_named, go_to, loaded, make_app, shown


async def test_the_dashboards_questions_are_open_first_and_settled_ones_marked_as_in_the_review(demo_store):
    client = next(c for c in demo_store.clients()
                  if {q.status for q in demo_store.questions([c.id])} >= {QuestionStatus.OPEN, QuestionStatus.ANSWERED})
    questions = demo_store.questions([client.id])
    still_open = sum(1 for q in questions if q.status is QuestionStatus.OPEN)
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{client.id}")
        pane = app.screen.query_one(QuestionsPane)
        assert pane.border_title == "Questions"  # as the review's: not "follow-up" over answered ones
        assert pane.border_subtitle == f"{still_open} open, {len(questions) - still_open} settled"
        lines = [line for line in shown(pane).splitlines() if "open" in line or "answered" in line
                 or "dropped" in line]
        marks = ["open" if "? open" in line else "settled" for line in lines]
        assert marks == sorted(marks, key=lambda mark: mark != "open")  # every open one above every settled one
        assert "✓ answered" in shown(pane)


async def test_a_client_with_only_open_questions_shows_only_the_open_count(demo_store):
    melanie = client_named(demo_store, "Melanie")
    for question in demo_store.questions([melanie.id]):
        if question.status is not QuestionStatus.OPEN:
            demo_store.delete_question(question.id)
    still_open = len(demo_store.questions([melanie.id]))
    app = make_app(demo_store)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        await go_to(pilot, f"client:{melanie.id}")
        assert app.screen.query_one(QuestionsPane).border_subtitle == (f"{still_open} open" if still_open else "")
