"""A caseload in a file is searched in two halves at once (store/search.py): the same hits in the same
order as one search, the second connection closed with the store, and never another file's."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.store import Store

from clock import DEMO_DAY_END
from factories import add_client, add_thought, load_demo_store

QUERIES = [*string.ascii_lowercase, "bo", "the", "mother", "felt", "session again", "AND", '"the end', "qqq"]


def _hits(store: Store) -> dict[str, list[tuple]]:
    return {q: [(h.kind, h.id, h.when, h.body) for h in store.search(q, limit=100)] for q in QUERIES}


def test_a_caseload_in_a_file_finds_what_one_in_memory_finds_in_the_same_order(tmp_path):
    in_memory = load_demo_store()
    in_file = Store.open(tmp_path / "caseload.db", create=True)
    in_file.import_data(load_demo(DEMO_DAY_END.date()))
    try:
        found = _hits(in_file)
        assert in_file._search_aside is not None  # searched in two halves
        assert found == _hits(in_memory)
        assert [q for q, hits in found.items() if not hits] == ["x", "z", "qqq"]  # no such words in the demo
    finally:
        in_file.close()
        in_memory.close()


def test_the_second_connection_closes_with_the_store(tmp_path):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    add_thought(store, add_client(store), body="harbour walls")
    assert [h.body for h in store.search("harbour")] == ["harbour walls"]
    store.close()
    assert not Path(f"{path}-wal").exists()  # the last connection closed: the WAL folded back into the file


def test_a_file_put_in_its_place_is_never_searched(tmp_path):
    path, other = tmp_path / "caseload.db", tmp_path / "other.db"
    theirs = Store.open(other, create=True)
    add_thought(theirs, add_client(theirs, name="Harbour Else"), body="harbour of another caseload")
    theirs.close()
    mine = Store.open(path, create=True)
    add_thought(mine, add_client(mine), body="harbour walls")
    mine.close()
    mine = Store.open(path)  # its words in the file itself, none left in a WAL beside it
    try:
        path.rename(tmp_path / "moved.db")
        shutil.copy(other, path)
        assert [(h.kind, h.body) for h in mine.search("harbour")] == [(m.Found.THOUGHT, "harbour walls")]
    finally:
        mine.close()


def test_a_second_connection_that_fails_loses_no_hit(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    ann = add_client(store, name="Harbour Ann")
    add_thought(store, ann, body="harbour walls")
    try:
        store.search("harbour")
        store._search_aside.close()  # as if its file had gone from under it
        assert {h.kind for h in store.search("harbour")} == {m.Found.CLIENT, m.Found.THOUGHT}
        assert {h.kind for h in store.search("harbour")} == {m.Found.CLIENT, m.Found.THOUGHT}  # a new one made
    finally:
        store.close()
