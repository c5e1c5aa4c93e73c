"""The Patterns reading the store gives (few columns, no body unless needed) finds exactly what reading
every own response in full would: the same groups, sequences, whose tallies and counts, for the demo
and for a generated caseload."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.model.patterns import OwnResponse, Patterns
from caseload_tui.rules.patterns import feelings_in, named_feelings, read_patterns
from caseload_tui.store import Store

from clock import DEMO_DAY_END

_SPEC = importlib.util.spec_from_file_location(
    "bench_generate_reading", Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py")
assert _SPEC is not None and _SPEC.loader is not None
generate = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = generate  # its dataclasses look their module up while it loads
_SPEC.loader.exec_module(generate)


def _in_full(store: Store, since: datetime, until: datetime) -> list[OwnResponse]:
    """Every own response in the window read the plain way: all its columns, its whole body, worked out in Python."""
    own = [kind.value for kind, said in m.KIND_WORDS.items() if said.own_response]
    breaks = [(date.fromisoformat(a) - timedelta(days=7), date.fromisoformat(b))
              for a, b in store._conn.execute("SELECT starts_on, ends_on FROM breaks")]
    clients = {i: (n, c, date.fromisoformat(e) if e else None)
               for i, n, c, e in store._conn.execute("SELECT id, name, code, ended_on FROM clients")}
    found = []
    for i, written, client_id, body, whose, feelings, kind in store._conn.execute(
            "SELECT id, written_at, client_id, body, whose, feelings, kind FROM thoughts ORDER BY id"):
        when = datetime.fromisoformat(written)
        if kind not in own or not since <= when <= until:
            continue
        name, code, ended = clients.get(client_id, ("", "", None))
        found.append(OwnResponse(
            thought_id=i, written_at=when, body=body, client_id=client_id, name=name, code=code,
            near_break=any(a <= when.date() <= b for a, b in breaks),
            near_ending=ended is not None and abs((ended - when.date()).days) <= 14,
            whose=m.Whose(whose) if whose else None, feelings=feelings))
    return found


def _what_it_shows(found: Patterns) -> tuple:
    def told(responses: tuple[OwnResponse, ...]) -> list[tuple]:
        return [(r.thought_id, r.written_at, r.client_id, r.name, r.code, r.near_break, r.near_ending, r.whose,
                 r.feelings) for r in responses]

    return ([(g.feeling, told(g.responses), g.whose) for g in found.groups],
            [(s.first, s.then, told(s.responses)) for s in found.sequences],
            (found.weeks, found.named, found.from_text, found.unnamed))


def _read_both_ways(store: Store, since: datetime, until: datetime) -> tuple[Patterns, Patterns]:
    weeks = (until - since).days // 7
    return read_patterns(store.own_responses(since, until), weeks), read_patterns(_in_full(store, since, until), weeks)


def test_the_demo_reads_the_same_as_reading_every_note_in_full(store):
    store.import_data(load_demo(DEMO_DAY_END.date()))
    quick, in_full = _read_both_ways(store, DEMO_DAY_END - timedelta(weeks=52), DEMO_DAY_END)
    assert _what_it_shows(quick) == _what_it_shows(in_full)
    (relief_guilt,) = [s for s in quick.sequences if (s.first, s.then) == ("relief", "guilt")]
    assert len(relief_guilt.responses) == 3 and quick.named == 11


def test_a_generated_caseload_reads_the_same_as_reading_every_note_in_full(tmp_path):
    path = tmp_path / "s.db"
    generate.generate(path, generate.SIZES["S"], seed=1, log=lambda _line: None)
    store = Store.open(path)
    try:
        for weeks in (52, 52 * 5):
            quick, in_full = _read_both_ways(store, generate.ANCHOR - timedelta(weeks=weeks), generate.ANCHOR)
            assert _what_it_shows(quick) == _what_it_shows(in_full)
            assert quick.named > 50 and quick.from_text > 20 and quick.unnamed > 20 and quick.sequences
    finally:
        store.close()


def test_a_repeated_feeling_words_reading_is_its_own_list_each_time():
    # Read once and remembered: what one caller does with the list never changes the next reading.
    first = named_feelings("relieved, then guilty")
    first.append("changed")
    assert named_feelings("relieved, then guilty") == ["relief", "guilt"]
    assert feelings_in("Relieved; later guilty") == ["relief", "guilt"]
