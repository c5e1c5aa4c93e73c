"""What a kept reading is true for (Store.reading_key), and the read-only connection beside the store."""

from __future__ import annotations

from datetime import timedelta

from caseload_tui.store import Store

from factories import WRITTEN, add_client, add_thought


def test_the_key_changes_with_every_commit_whichever_connection_makes_it(tmp_path):
    store = Store.open(tmp_path / "caseload.db", create=True)
    try:
        ann = add_client(store)
        first = store.reading_key()
        store.mind_and_room(WRITTEN - timedelta(weeks=8), WRITTEN)  # reading changes nothing
        assert store.reading_key() == first
        add_thought(store, ann)  # this connection's own commit: data_version alone would not change
        second = store.reading_key()
        assert second != first
        other = Store.open(store.path)
        try:
            add_thought(other, other.client(ann.id))
        finally:
            other.close()
        assert store.reading_key() not in (first, second)
        with store.transaction():  # inside a transaction nothing is yet the file's
            assert store.reading_key() is None
    finally:
        store.close()


def test_the_aside_reader_reads_what_the_store_reads_and_none_in_memory(tmp_path, store):
    assert store.read_aside() is None
    on_file = Store.open(tmp_path / "caseload.db", create=True)
    try:
        ann = add_client(on_file)
        add_thought(on_file, ann, body="one two three")
        since, until = WRITTEN - timedelta(weeks=8), WRITTEN + timedelta(hours=1)
        aside = on_file.read_aside()
        assert aside is not None
        try:
            assert aside.mind_and_room(since, until) == on_file.mind_and_room(since, until)
            assert aside.mind_and_room(since, until)[0].words == 3
            assert aside.own_responses(since, until) == on_file.own_responses(since, until)
        finally:
            aside.close()
    finally:
        on_file.close()
