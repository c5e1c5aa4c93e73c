"""`caseload` with no command opens the dashboard without click (cli.run, cli/opening.py); everything
else is click's, exactly as before. The same words and exit status either way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from caseload_tui import cli
from caseload_tui import model as m
from caseload_tui.store import Store

from clock import WEDNESDAY_EVENING


@pytest.mark.parametrize(("args", "read"), [
    ([], (None, False, False)),
    (["--db", "a.db", "--redact"], (Path("a.db"), False, True)),
    (["--db=a.db", "--demo"], (Path("a.db"), True, False)),  # refused afterwards, in the user's words
    (["--demo", "--demo"], None), (["--db"], None), (["--db", "--demo"], None), (["--db="], None),
    (["--help"], None), (["--version"], None), (["groups"], None), (["--bogus"], None), (["--redact=1"], None),
])
def test_only_a_plain_start_is_read_without_click(args, read):
    assert cli.plain_start(args) == read


def test_a_folder_given_as_the_caseload_is_left_to_click(tmp_path):
    assert cli.plain_start(["--db", str(tmp_path)]) is None


def run(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as ended:
        cli.run(args, clock=lambda: WEDNESDAY_EVENING)
    said = capsys.readouterr()
    return ended.value.code or 0, said.out, said.err


def test_help_and_version_are_clicks_as_before(capsys):
    code, out, _ = run(["--help"], capsys)
    assert code == 0 and out.startswith("Usage: caseload [OPTIONS] [COMMAND] [ARGS]...")
    code, out, _ = run(["--version"], capsys)
    assert code == 0 and out.startswith("caseload ")


@pytest.mark.parametrize("args", [["--demo", "--db", "x.db"], ["--db", "x.db", "--demo"]])
def test_a_refusal_reads_the_same_on_the_plain_start_and_through_click(args, capsys):
    plain = run(args, capsys)  # the plain start: --db given before --demo is still a plain start
    assert plain == (1, "", "caseload: Use either --demo or --db, not both.\n")


def test_a_missing_caseload_is_refused_plainly(tmp_path, capsys):
    missing = tmp_path / "none.db"
    code, out, err = run(["--db", str(missing)], capsys)
    assert (code, out) == (1, "") and err.startswith(f"caseload: There is no caseload at {missing}.")
    assert not missing.exists()


def test_the_day_s_start_keeps_the_groups_the_dashboard_read_without_placing_anyone_again(tmp_path, capsys,
                                                                                         monkeypatch):
    """The dashboard hands over the groups it read (here: as the real one would, once it has read them);
    they are what is kept, and the caseload is not grouped a second time for it."""
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    bo = store.add_client(m.Client(name="Bo", code="B1", started_on=date(2025, 1, 5), ended_on=date(2026, 3, 1)))
    store.close()
    grouped: list[object] = []
    tallies = Store.tallies
    monkeypatch.setattr(Store, "tallies", lambda self, *args, **kwargs: grouped.append(args) or tallies(
        self, *args, **kwargs))

    def dashboard(store, **kwargs):
        from caseload_tui.caseload_groups import CaseloadGroups

        read = CaseloadGroups(store, kwargs["clock"](), kwargs["settings"].thresholds)
        kwargs["day_start"](read.now, read.groups())
        return 0

    monkeypatch.setattr("caseload_tui.tui.app.run_app", dashboard)
    assert run(["--db", str(db)], capsys)[0] == 0
    assert len(grouped) == 1  # by the dashboard only
    store = Store.open(db)
    try:
        kept = store.groups_at_day_start(WEDNESDAY_EVENING.date())
        assert kept is not None
        assert {client_id: p.group for client_id, p in kept.items()} == {ann.id: m.Group.REGULARS,
                                                                         bo.id: m.Group.GRADUATES}
    finally:
        store.close()


def test_the_plain_start_keeps_where_everyone_stands_as_the_day_begins(tmp_path, capsys, monkeypatch):
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5)))
    store.close()
    shown = []
    monkeypatch.setattr("caseload_tui.tui.app.run_app", lambda store, **kwargs: shown.append(store) or 0)
    assert run(["--db", str(db)], capsys)[0] == 0
    assert len(shown) == 1  # the dashboard was run on it
    store = Store.open(db)
    try:
        kept = store.groups_at_day_start(WEDNESDAY_EVENING.date())
        assert kept is not None and len(kept) == 1
    finally:
        store.close()
