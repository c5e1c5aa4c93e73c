"""A paste goes into a note field exactly once, exactly as pasted (issue 11: every paste was stored twice).

Textual runs each class's `_on_paste` in turn, so a NoteArea that also called its parent's handler
inserted every paste twice. Every form with a note field is tried, each of its note fields.
"""

from __future__ import annotations

import pytest
from textual import events
from textual.content import Content

from caseload_tui.model import EndedBy, EndingHow, Episode, Question, Reflection, SupervisionItem
from caseload_tui.tui.modals.base import MAX_NOTE_CHARS, NoteArea
from caseload_tui.tui.modals.endings import EndingForm, NewsForm, ReflectionForm
from caseload_tui.tui.modals.forms import AnswerForm, QuestionForm, ThoughtForm
from caseload_tui.tui.modals.supervision_forms import BringQuestionForm, MeetingForm, OutcomeForm

from pilot_helpers import NOW, FormHost, client_named

ABOUT = Content("Melanie")
TODAY = NOW.date()
FORMS = {
    "thought": lambda store: ThoughtForm(ABOUT),
    "question": lambda store: QuestionForm(ABOUT),
    "answer": lambda store: AnswerForm(Question(body="Did the move go well?", asked_at=NOW, id=1)),
    "graduate": lambda store: EndingForm(ABOUT, TODAY, 0, Reflection()),
    "reflection": lambda store: ReflectionForm(ABOUT, Episode(started_on=TODAY, ended_on=TODAY, id=1,
                                                               ended_by=EndedBy.ME, how=EndingHow.GOODBYE), TODAY),
    "news": lambda store: NewsForm(ABOUT, TODAY),
    "supervision question": lambda store: BringQuestionForm(ABOUT, ""),
    "meeting": lambda store: MeetingForm(TODAY, [(client_named(store, "Melanie").id, ABOUT, "")]),
    "outcome": lambda store: OutcomeForm(ABOUT, SupervisionItem(client_id=1, advice="Slow down."), "3 Nov"),
}
PASTES = {"words": "PASTEDONCE ", "5,000 characters": "x" * 4999 + "\n",
          "control characters": "one\ttab \x07bell \x7f end"}


@pytest.mark.parametrize("form", FORMS)
async def test_each_note_field_takes_a_paste_once(demo_store, form):
    app = FormHost(lambda: FORMS[form](demo_store), demo_store)
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.pause()
        areas = list(app.screen.query(NoteArea))
        assert areas, f"the {form} form has no note field"
        for name, text in PASTES.items():
            for area in areas:
                area.focus()
                area.clear()
                app.post_message(events.Paste(text))  # as the terminal sends it: to the app
                await pilot.pause()
                assert area.text == text, (form, area.id, name)


async def test_a_paste_too_long_for_a_note_is_refused_and_said(demo_store):
    app = FormHost(lambda: ThoughtForm(ABOUT), demo_store)
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.pause()
        area = app.screen.query_one(NoteArea)
        area.focus()
        app.post_message(events.Paste("y" * (MAX_NOTE_CHARS + 1)))
        await pilot.pause()
        assert area.text == ""
        assert any("was not added" in str(n.message) for n in app._notifications)


def test_the_forms_tried_are_every_form_with_a_note_field():
    """A new form with a note field must be added to FORMS above (its NoteArea is found by name here)."""
    import inspect

    from caseload_tui.tui.modals import endings, forms, supervision_forms

    with_notes = {cls.__name__ for module in (forms, endings, supervision_forms)
                  for _, cls in inspect.getmembers(module, inspect.isclass)
                  if cls.__module__ == module.__name__ and "NoteArea(" in inspect.getsource(cls)}
    tried = {type(FORMS[f](None)).__name__ for f in FORMS if f != "meeting"} | {"MeetingForm"}
    assert with_notes <= tried, with_notes - tried
