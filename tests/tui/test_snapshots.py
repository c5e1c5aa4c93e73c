"""SVG snapshots at fixed sizes on a fixed clock. Update with --snapshot-update, then look at them.

A form is shown on its own over a plain screen (pilot_helpers.FormHost), built as the dashboard builds it
for that client; a snapshot that shows the dashboard (or a confirmation over it) opens the dashboard.
"""

from __future__ import annotations

import pytest

from caseload_tui.model import QuestionStatus, ThoughtKind
from caseload_tui.services import clients, sessions
from caseload_tui.tui import render
from caseload_tui.tui.modals.confirm import Confirm
from caseload_tui.tui.modals.endings import GraduateForm, NewsForm
from caseload_tui.tui.modals.forms import AnswerForm, AttendanceForm, ClientForm, ImportForm, QuestionForm, ThoughtForm

from pilot_helpers import NOW, FormHost, client_named, loaded, make_app, settle

WIDE, NARROW = (160, 48), (80, 24)


async def _ready(pilot) -> None:
    await loaded(pilot)


def _go_to(name: str, *then: str):
    async def run_before(pilot) -> None:
        await loaded(pilot)
        caseload = pilot.app.screen.query_one("#caseload")
        store = pilot.app.store
        target = caseload.get_option_index(f"client:{client_named(store, name).id}")
        while caseload.highlighted != target:
            await pilot.press("down")
        for key in then:
            await pilot.press(key)
        await pilot.pause()
        await settle(pilot, "search")
    return run_before


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_demo_dashboard(snap_compare, demo_store, size):
    assert snap_compare(make_app(demo_store, demo=True), terminal_size=size, run_before=_ready)


def test_absentees_group(snap_compare, demo_store):
    async def run_before(pilot):
        await loaded(pilot)
        caseload = pilot.app.screen.query_one("#caseload")
        target = caseload.get_option_index("group:absentees")
        while caseload.highlighted != target:
            await pilot.press("down")
        await pilot.pause()
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=run_before)


def _form(store, name: str, which: str):
    """What the dashboard opens for client NAME on its key for WHICH (dashboard_actions.py, the same arguments)."""
    client = client_named(store, name)
    today = NOW.date()

    def about():
        return render.client_name(client, style="bold")

    return {
        "thought": lambda: ThoughtForm(about(), kind=ThoughtKind.HOLDING if client.active else ThoughtKind.WONDERING),
        "question": lambda: QuestionForm(about()),
        "attendance": lambda: AttendanceForm(about(), NOW,
                                             sessions.last_due(client, store.appointments(client.id), NOW),
                                             sessions.usual_time(client, NOW)),
        "new-client": lambda: ClientForm(today, suggested_code=clients.next_code(store.clients())),
        "edit-client": lambda: ClientForm(today, client=client),
        "graduate": lambda: GraduateForm(about(), today, store.record(client.id, NOW).open_questions,
                                         client.reflection),
        "import": ImportForm,
        "news": lambda: NewsForm(about(), today),
    }[which]


async def _form_shown(pilot) -> None:
    await pilot.pause()


@pytest.mark.parametrize("which", ["thought", "question", "attendance", "new-client", "edit-client", "graduate",
                                   "import"])
def test_forms(snap_compare, demo_store, which):
    app = FormHost(_form(demo_store, "Melanie", which), demo_store)
    assert snap_compare(app, terminal_size=WIDE, run_before=_form_shown)


@pytest.mark.parametrize("which", ["thought", "graduate"])
def test_forms_80x24(snap_compare, demo_store, which):
    app = FormHost(_form(demo_store, "Amaan", which), demo_store)
    assert snap_compare(app, terminal_size=NARROW, run_before=_form_shown)


def test_answer_form(snap_compare, demo_store):
    # The question the dashboard's questions pane holds first for Melanie: her first open one.
    melanie = client_named(demo_store, "Melanie")
    question = next(q for q in demo_store.questions([melanie.id]) if q.status is QuestionStatus.OPEN)
    app = FormHost(lambda: AnswerForm(question), demo_store)
    assert snap_compare(app, terminal_size=WIDE, run_before=_form_shown)


def test_delete_confirmation(snap_compare, demo_store):
    # The thought the dashboard's thoughts pane holds first for Amaan, asked about as action_delete asks.
    thought = demo_store.thoughts([client_named(demo_store, "Amaan").id])[0]

    def confirm():
        return Confirm(render.join(
            ("Delete this thought? It will be gone for good.\n\n", "bold"),
            render.user_text(thought.body[:400] + ("…" if len(thought.body) > 400 else ""), style="italic",
                             multiline=True),
        ), yes="Delete", no="Keep")
    assert snap_compare(FormHost(confirm, demo_store), terminal_size=WIDE, run_before=_form_shown)


def test_help(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Amaan", "question_mark"))


def test_search_results(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE,
                        run_before=_go_to("Amaan", "slash", *"approval"))


@pytest.mark.parametrize("size", [WIDE, NARROW], ids=["160x48", "80x24"])
def test_empty_first_run(snap_compare, empty_store, size):
    assert snap_compare(make_app(empty_store), terminal_size=size, run_before=_ready)


def test_graduate_view(snap_compare, demo_store):
    assert snap_compare(make_app(demo_store), terminal_size=WIDE, run_before=_go_to("Pauline"))


def test_news_form(snap_compare, demo_store):
    app = FormHost(_form(demo_store, "Pauline", "news"), demo_store)
    assert snap_compare(app, terminal_size=WIDE, run_before=_form_shown)
