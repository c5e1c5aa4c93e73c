"""What the speed-ups for large caseloads must not change: the same records, searches and rows.

Covers the lazily parsed sessions of Store.records, the bounded ranking of Store.search,
migration 0003 (indexes, and full-text indexes made again with prefixes), the
virtualised caseload list and the notes panes that make rows as they come into view.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from sqlite_utils import Database
from textual.app import App, ComposeResult

from caseload_tui import model as m
from caseload_tui.caseload_groups import PAGE, CaseloadGroups
from caseload_tui.config import Settings
from caseload_tui.rules import group_caseload
from caseload_tui.store import Store
from caseload_tui.store.migrations import migrations
from caseload_tui.tui.widgets.caseload_list import CaseloadList, Shown, client_id
from caseload_tui.tui.widgets.notes_panes import NOTES_AT_ONCE, ThoughtsPane

from clock import DEMO_DAY_END


def fill(store: Store, clients: int, sessions: int = 30) -> None:
    """Clients (a third of them graduates) with weekly sessions of every outcome."""
    statuses = list(m.Status)
    data = m.CaseloadData()
    for i in range(clients):
        ended = DEMO_DAY_END.date() - timedelta(days=40 + i) if i % 3 == 0 else None
        data.clients.append(m.Client(name=f"Client {i:04d}", code=f"C{i:04d}", started_on=date(2024, 1, 1),
                                     ended_on=ended))
        for k in range(sessions):
            data.appointments.append(m.Appointment(client_id=i + 1, starts_at=DEMO_DAY_END - timedelta(days=7 * k - 14),
                                                   status=statuses[(i + k) % len(statuses)]))
    store.import_data(data)


# ---------------------------------------------------------------- the store


def test_records_read_together_equal_records_read_one_by_one():
    store = Store.memory()
    fill(store, 30)
    together = store.records(DEMO_DAY_END)
    assert [r.client.name for r in together] == sorted(r.client.name for r in together)
    for record in together:
        alone = store.record(record.client.id, DEMO_DAY_END)
        assert record == alone
        assert list(record.recent) == alone.recent and len(record.recent) == len(alone.recent) == 24
        assert all(a.starts_at >= b.starts_at for a, b in zip(record.recent, record.recent[1:], strict=False))
        assert record.recent[0] == alone.recent[0] and list(reversed(record.recent)) == alone.recent[::-1]
    grouped = group_caseload(together, DEMO_DAY_END, Settings().thresholds)
    one_by_one = [store.record(r.client.id, DEMO_DAY_END) for r in together]
    assert grouped == group_caseload(one_by_one, DEMO_DAY_END, Settings().thresholds)
    store.close()


def test_a_client_without_sessions_has_an_empty_list():
    store = Store.memory()
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    (record,) = store.records(DEMO_DAY_END)
    assert record.recent == [] and not record.recent and len(record.recent) == 0
    store.close()


def searchable(n: int) -> Store:
    store = Store.memory()
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    for i in range(n):
        words = "harbour " * (1 + i % 4)  # more mentions, better rank
        store.add_thought(m.Thought(body=f"{words}note {i}", written_at=DEMO_DAY_END - timedelta(days=n - i),
                                    client_id=ann.id))
    return store


def test_search_ranks_all_matches_when_there_are_few():
    store = searchable(12)
    hits = store.search("harbour", limit=100)
    assert len(hits) == 12
    assert {h.body.count("harbour") for h in hits[:3]} == {4}
    assert hits[0].client_name == "Ann"
    store.close()


def test_search_ranks_the_newest_matches_when_there_are_very_many(monkeypatch):
    store = searchable(40)
    monkeypatch.setattr(Store, "SEARCH_RANKED", 10)
    hits = store.search("harbour", limit=100)
    assert sorted(int(h.body.rsplit(" ", 1)[1]) for h in hits) == list(range(30, 40))  # the newest ten
    assert hits[0].body.count("harbour") == 4  # best first among them
    store.close()


def test_search_by_a_word_s_first_letters_and_for_practice_notes():
    store = searchable(3)
    store.add_thought(m.Thought(body="boundaries at work", written_at=DEMO_DAY_END))
    assert [h.client_name for h in store.search("bo")] == ["My practice"]
    assert len(store.search("ha")) == 3 and len(store.search("har")) == 3
    assert all("harbour" in h.body for h in store.search('"ha'))  # a stray quote is searched, not an error
    store.close()


def test_migration_0003_keeps_every_note_searchable_and_new_ones_indexed(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    db = Database(conn, execute_plugins=False)
    migrations.apply(db, stop_before="0003_faster_reading")  # a caseload as the previous version left it
    conn.execute("INSERT INTO clients (name, code, started_on) VALUES ('Ann', 'A1', '2026-01-05')")
    conn.execute("INSERT INTO thoughts (client_id, written_at, body, kind) "
                 "VALUES (1, '2026-11-01T10:00', 'the lighthouse again', 'holding')")
    conn.execute("INSERT INTO questions (client_id, asked_at, body, answer, status) "
                 "VALUES (1, '2026-11-01T10:00', 'did she call', 'yes, from the lighthouse', 'answered')")
    conn.commit()
    conn.close()

    store = Store.open(path)
    assert store.pending_migrations() == []
    assert {h.kind for h in store.search("lighthouse")} == {"thought", "question"}
    assert {h.kind for h in store.search("li")} == {"thought", "question"}
    store.add_thought(m.Thought(body="a lantern", written_at=DEMO_DAY_END, client_id=1))
    assert [h.body for h in store.search("lan")] == ["a lantern"]
    thought = store.search("lantern")[0]
    store.delete_thought(thought.id)
    assert store.search("lantern") == []
    indexes = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"appointments_by_client_time", "clients_by_name"} <= indexes
    assert "appointments_by_client" not in indexes
    plan = " ".join(r[3] for r in store._conn.execute(
        "EXPLAIN QUERY PLAN SELECT starts_at, status FROM appointments WHERE client_id = 1 "
        "ORDER BY starts_at DESC LIMIT 24"))
    assert "COVERING INDEX appointments_by_client_time" in plan
    store.close()


# ---------------------------------------------------------------- the widgets


class ListHost(App[None]):
    def __init__(self, widget) -> None:
        super().__init__()
        self.widget = widget

    def compose(self) -> ComposeResult:
        yield self.widget


async def test_a_long_caseload_list_makes_only_the_rows_it_draws_and_reads_only_their_records():
    store = Store.memory()
    fill(store, 600, sessions=3)
    read: list[int] = []
    records_of = store.records_of
    store.records_of = lambda ids, now: read.extend(ids) or records_of(ids, now)  # type: ignore[method-assign]
    groups = CaseloadGroups(store, DEMO_DAY_END, Settings().thresholds)
    caseload = CaseloadList()
    async with ListHost(caseload).run_test(size=(80, 30)) as pilot:
        caseload.show(Shown(groups.members, groups.record_if_there, groups.clients, groups.longest(False),
                            DEMO_DAY_END, 2))
        caseload.focus()
        await pilot.pause()
        assert caseload.option_count == 600 + 4
        assert len(caseload.options._made) < 60  # the rows' options themselves: those drawn, not 600
        made = [o for o in caseload.options if getattr(o, "_make", "made") is None]
        assert 0 < len(made) < 60
        assert 0 < len(read) <= PAGE  # the records of the rows drawn (and a few beyond), not 600
        assert caseload.virtual_size.height == 604
        await pilot.press("end")
        await pilot.pause()
        assert caseload.current == ("practice", None)
        assert len(read) <= 2 * PAGE  # the rows at the end, read when scrolled to
        await pilot.press("up", "pageup")
        await pilot.pause()
        kind, chosen = caseload.current
        assert kind == "client" and caseload.highlighted < 600
        # Every row reads as the whole list would: made when asked for.
        last = [r for r in store.records(DEMO_DAY_END) if r.client.ended_on is not None][-1]
        assert groups.members[m.Group.GRADUATES][-1] == last.client.id
        assert last.client.name in caseload.get_option(client_id(last.client.id)).prompt.plain
        # One row redrawn in place, the others left as they were.
        flagged = store.set_flag(last.client.id, True)
        record = store.record(flagged.id, DEMO_DAY_END)
        caseload.update_row(record, DEMO_DAY_END)
        assert "⚑" in caseload.get_option(client_id(last.client.id)).prompt.plain
        assert caseload.select_id(client_id(last.client.id))
        await pilot.pause()
        assert caseload.current == ("client", last.client.id)
    store.close()


async def test_a_pane_of_many_notes_makes_rows_as_they_come_into_view():
    thoughts = [m.Thought(body=f"thought number {i}\nand a second line", written_at=DEMO_DAY_END - timedelta(hours=i),
                          client_id=1, id=1000 - i) for i in range(150)]
    pane = ThoughtsPane()
    async with ListHost(pane).run_test(size=(80, 30)) as pilot:
        pane.show(thoughts, DEMO_DAY_END.date())
        pane.focus()
        await pilot.pause()
        made = pane.option_count  # only the notes that fill the pane, each of three lines with its separator
        assert made < NOTES_AT_ONCE and pane.virtual_size.height >= pane.scrollable_content_region.height
        assert pane.border_subtitle == "150 still with me"
        for _ in range(made):
            await pilot.press("down")
        assert pane.option_count > made
        # A note far down is made (with those before it) when asked for by id.
        pane.highlighted = pane.get_option_index("thought:870")
        assert pane.current_id == 870 and pane.option_count >= 131
        # Shown again (after a save, say), the highlighted note stays highlighted.
        pane.show(thoughts, DEMO_DAY_END.date())
        assert pane.current_id == 870
        await pilot.press("end")
        assert pane.option_count == 150 and pane.current_id == 851
        pane.show([], DEMO_DAY_END.date())
        assert pane.option_count == 1 and pane.current_id is None
