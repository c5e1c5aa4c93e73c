"""Escape on a form: at once when it is empty; when it holds text, the text is never thrown away (issue 11).

Every form with a note field is tried (the forms of test_paste.py): Escape asks, "keep writing" (the
default) goes back to the text as it was, "keep as a draft" keeps it to reopen.
"""

from __future__ import annotations

import pytest
from test_paste import FORMS

from caseload_tui.drafts import Drafts
from caseload_tui.tui.modals.base import FormScreen, NoteArea
from caseload_tui.tui.modals.leave_form import LeaveForm

from pilot_helpers import FormHost, type_text


def host(store, form: str, tmp_path) -> FormHost:
    def named() -> FormScreen:
        made = FORMS[form](store)
        made.draft_kind = "thought"  # any kind: what matters here is that it can be kept
        return made

    app = FormHost(named, store)
    app.drafts = Drafts(store)
    return app


@pytest.mark.parametrize("form", FORMS)
async def test_escape_on_an_empty_form_closes_it_at_once(demo_store, form, tmp_path):
    app = host(demo_store, form, tmp_path)
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, FormScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, LeaveForm))


@pytest.mark.parametrize("form", FORMS)
async def test_escape_on_a_form_with_text_keeps_it_writable_or_as_a_draft(demo_store, form, tmp_path):
    app = host(demo_store, form, tmp_path)
    async with app.run_test(size=(120, 48)) as pilot:
        await pilot.pause()
        the_form = app.screen
        area = the_form.query(NoteArea).first()
        area.focus()
        await pilot.pause()
        await type_text(pilot, "not yet said")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LeaveForm)
        await pilot.press("enter")  # the default: keep writing
        await pilot.pause()
        assert app.screen is the_form and area.text.endswith("not yet said")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("right", "enter")  # keep as a draft
        await pilot.pause()
        assert not isinstance(app.screen, (FormScreen, LeaveForm))
    kept = app.drafts.take()
    assert kept is not None and kept.values[area.id].endswith("not yet said")
