"""Privacy mode hides a name exactly as the redacted brief does (one matching, name_matching.py):
"Zoë Müller" written with combining marks is found on the screen and in `brief --redact` alike."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from caseload_tui.model import Client, Thought, ThoughtKind
from caseload_tui.store import Store
from caseload_tui.tui.widgets.case_header import CaseHeader
from caseload_tui.tui.widgets.caseload_list import CaseloadList
from caseload_tui.tui.widgets.notes_panes import QuestionsPane, ThoughtsPane

from cli_runner import run
from pilot_helpers import NOW, go_to, loaded, make_app, shown

NFD_NAME = "Zoe\u0308 Mu\u0308ller"  # as some keyboards and file systems write it
NAME = unicodedata.normalize("NFC", NFD_NAME)


def leaves_no_trace(text: str) -> bool:
    folded = unicodedata.normalize("NFC", text).casefold()
    return all(word.casefold() not in folded for word in ("Zoë", "Müller", "Zoe", "Muller"))


def zoe_caseload(store: Store) -> Client:
    """Zoë's name stored composed; her notes, and another client's, write it decomposed."""
    zoe = store.add_client(Client(name=NAME, code="Z-1", started_on=date(2026, 1, 5), bring_to_supervision=True))
    other = store.add_client(Client(name="Ann", code="A-2", started_on=date(2026, 1, 5)))
    store.add_thought(Thought(body=f"{NFD_NAME} said her name is always misspelt. ZOE\u0308 in capitals on the form.",
                              written_at=datetime(2026, 11, 20, 9), client_id=zoe.id, kind=ThoughtKind.REACTION))
    store.add_thought(Thought(body="Ann mentioned mu\u0308ller, her neighbour's surname too.",
                              written_at=datetime(2026, 11, 21, 9), client_id=other.id))
    return zoe


async def test_the_privacy_mode_screen_shows_no_trace_of_her_name(store):
    zoe = zoe_caseload(store)
    app = make_app(store, redact=True)
    async with app.run_test(size=(160, 48)) as pilot:
        await loaded(pilot)
        for client_id in (zoe.id, store.find_client("A-2").id):
            await go_to(pilot, f"client:{client_id}")
            screen = "\n".join(shown(w) for w in (app.screen.query_one(CaseloadList), app.screen.query_one(CaseHeader),
                                                  app.screen.query_one(ThoughtsPane),
                                                  app.screen.query_one(QuestionsPane)))
            assert leaves_no_trace(screen), screen
        assert "A-2 mentioned Z-1, her neighbour's surname too." in screen  # found in another client's note
        await go_to(pilot, f"client:{zoe.id}")
        assert "Z-1 said her name is always misspelt. Z-1 in capitals on the form." in shown(
            app.screen.query_one(ThoughtsPane))


def test_the_redacted_brief_shows_no_trace_of_her_name(tmp_path):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    zoe_caseload(store)
    store.close()
    result = run("brief", "--db", path, "--redact", now=NOW)
    assert result.exit_code == 0, result.output
    assert leaves_no_trace(result.stdout), result.stdout
    assert "Z-1 said her name is always misspelt. Z-1 in capitals on the form." in result.stdout
    assert leaves_no_trace(run("brief", "--db", path, now=NOW).stdout)  # the default is redacted too
