"""The benchmark's caseloads give reactions feeling words and whose they are (generator version 2), so
Patterns at S/M/L measures a caseload a clinician would have, not the text fallback alone."""

from __future__ import annotations

import importlib.util
import sys
from datetime import timedelta
from pathlib import Path

from caseload_tui.model import Whose
from caseload_tui.rules.patterns import read_patterns
from caseload_tui.store import Store

_SPEC = importlib.util.spec_from_file_location(
    "bench_generate", Path(__file__).resolve().parents[2] / "benchmarks" / "generate.py")
assert _SPEC is not None and _SPEC.loader is not None
generate = importlib.util.module_from_spec(_SPEC)
sys.modules[_SPEC.name] = generate  # its dataclasses look their module up while it loads
_SPEC.loader.exec_module(generate)


def test_reactions_in_a_generated_caseload_name_their_feelings_and_whose(tmp_path):
    path = tmp_path / "s.db"
    generate.generate(path, generate.SIZES["S"], seed=1, log=lambda _line: None)
    store = Store.open(path)
    try:
        responses = store.own_responses(generate.ANCHOR - timedelta(weeks=52 * 5), generate.ANCHOR)
        found = read_patterns(responses, weeks=52 * 5)
    finally:
        store.close()
    reactions = [r for r in responses if r.whose is not None or r.feelings]
    assert len(reactions) > 100
    assert {r.whose for r in reactions} >= {Whose.MINE, Whose.THEIRS, Whose.BOTH, Whose.NOT_SURE}
    assert found.named > 100 and found.named > found.from_text  # read mostly from the feeling words
    assert {"relief", "guilt"} <= {group.feeling for group in found.groups}
    assert any(", then " in r.feelings for r in reactions) and found.sequences


def test_the_same_seed_gives_the_same_feelings(tmp_path):
    def feelings(path: Path) -> list[tuple[str | None, str]]:
        generate.generate(path, generate.SIZES["S"], seed=7, log=lambda _line: None)
        store = Store.open(path)
        try:
            return [(r[0], r[1]) for r in store._conn.execute("SELECT whose, feelings FROM thoughts ORDER BY id")]
        finally:
            store.close()

    assert feelings(tmp_path / "a.db") == feelings(tmp_path / "b.db")
