"""Deleting means gone, in caseloads of many shapes: every kind of record deleted or edited, words in no file.

test_deleting.py shows it for one caseload; whether freed bytes are left in a live page's gap
depends on how the pages happen to be laid out, so here each kind of record is removed from
caseloads of several sizes and shapes (erasure_layouts.py), with and without another window
reading. tools/erasure_sweep.py runs hundreds of such layouts (see its header for the figures).
"""

from __future__ import annotations

import pytest
from erasure_layouts import KINDS, WHEN, Layout, folded, leaks, make, secret_words

from caseload_tui import model as m

LAYOUTS = [Layout(seed=seed, notes=notes, kind=kind, reader=False)
           for kind in KINDS for seed, notes in ((1, 45), (2, 130))]
LAYOUTS += [Layout(seed=3, notes=90, kind=kind, reader=True) for kind in ("thought", "answer_edit", "client")]
# The sweep's find: the words were left in the unused gap of a live page of the news index's data table.
LAYOUTS += [Layout(seed=5130, notes=59, kind="news", reader=False)]


@pytest.mark.parametrize("layout", LAYOUTS, ids=str)
def test_removed_words_are_in_no_file(tmp_path, layout):
    assert leaks(tmp_path, layout) == {}


def test_the_index_holds_words_folded_so_the_folded_spelling_is_looked_for(tmp_path):
    """unicode61 lowercases and takes diacritics off: the index holds a spelling the note never had."""
    import random

    (word,) = [w for w in secret_words(random.Random(5), 3) if "é" in w]
    store, clients = make(tmp_path / "caseload.db", Layout(seed=4, notes=40, kind="thought", reader=False))
    store.add_thought(m.Thought(body=f"{word.capitalize()} again", written_at=WHEN, client_id=clients[0]))
    store.close()
    raw = (tmp_path / "caseload.db").read_bytes()
    assert folded(word).encode() in raw and folded(word) != word
    assert word.capitalize().encode() in raw
