"""Drafts kept inside the caseload file: kept and taken back in order, gone without a trace once
taken, an earlier version's JSON draft file moved in once, and encrypted with an encrypted caseload."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseload_tui.drafts import Draft, DraftKind, DraftNotKept, Drafts, legacy_draft_file
from caseload_tui.store import Busy, Store

TYPED = "Kestrelwing: what she did not say about her brother"


def every_byte(folder: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file())


def test_drafts_come_back_oldest_first_and_each_only_once(store):
    drafts = Drafts(store)
    drafts.save(Draft(DraftKind.THOUGHT, {"body": "from the first window"}, {"client_id": 3, "thought_id": 9}))
    drafts.save({"kind": "question", "context": {"client_id": 3}, "values": {"body": "from the second"}})
    first = drafts.take()
    assert first == Draft(DraftKind.THOUGHT, {"body": "from the first window"}, {"client_id": 3, "thought_id": 9})
    second = drafts.take()
    assert second is not None and (second.kind, second.values) == (DraftKind.QUESTION, {"body": "from the second"})
    assert drafts.take() is None
    assert store.kept_drafts() == []


def test_a_draft_this_version_cannot_reopen_is_left_for_a_later_one(store):
    store.keep_draft("a_form_from_the_future", "{}", json.dumps({"body": "kept"}))
    assert Drafts(store).take() is None
    assert [kind for _, kind, _, _ in store.kept_drafts()] == ["a_form_from_the_future"]


def busy(*_args):
    raise Busy("The caseload is busy in another window and did not free up in time. Nothing was changed.")


def test_a_draft_that_cannot_be_kept_says_so_without_its_text(store, monkeypatch):
    monkeypatch.setattr(store, "keep_draft", busy)
    with pytest.raises(DraftNotKept) as caught:
        Drafts(store).save(Draft(DraftKind.THOUGHT, {"body": TYPED}))
    assert "busy" in str(caught.value) and TYPED not in str(caught.value)


def test_a_draft_taken_back_leaves_no_trace_in_the_file(tmp_path):
    path = tmp_path / "caseload.db"
    store = Store.open(path, create=True)
    try:
        drafts = Drafts(store)
        drafts.save(Draft(DraftKind.THOUGHT, {"body": TYPED}))
        assert TYPED.encode() in every_byte(tmp_path)  # a plain caseload: in its file, nowhere else
        assert drafts.take() is not None
        assert TYPED.encode() not in every_byte(tmp_path)
    finally:
        store.close()


def test_a_draft_file_from_an_earlier_version_is_moved_into_the_caseload_once(tmp_path):
    path, folder = tmp_path / "caseload.db", tmp_path / "data" / "drafts"
    folder.mkdir(parents=True)
    legacy = legacy_draft_file(path, folder)
    legacy.write_text(json.dumps({"kind": "thought", "context": {"client_id": 1}, "values": {"body": TYPED}}))
    store = Store.open(path, create=True)
    try:
        drafts = Drafts(store)
        assert drafts.adopt(path, folder) is True
        assert not legacy.exists()
        assert drafts.adopt(path, folder) is False  # once: nothing left to move
        assert drafts.take() == Draft(DraftKind.THOUGHT, {"body": TYPED}, {"client_id": 1})
    finally:
        store.close()


def test_the_draft_file_stays_if_the_caseload_cannot_take_it(tmp_path, monkeypatch):
    path, folder = tmp_path / "caseload.db", tmp_path / "drafts"
    folder.mkdir()
    legacy = legacy_draft_file(path, folder)
    legacy.write_text(json.dumps({"kind": "thought", "context": {}, "values": {"body": TYPED}}))
    store = Store.open(path, create=True)
    try:
        monkeypatch.setattr(store, "keep_draft", busy)
        with pytest.raises(DraftNotKept):
            Drafts(store).adopt(path, folder)
        assert TYPED in legacy.read_text()  # not lost: moved in on a later start
    finally:
        store.close()


def test_an_encrypted_caseloads_draft_is_encrypted_with_it(tmp_path):
    pytest.importorskip("sqlcipher3")
    from caseload_tui.store.errors import PassphraseNeeded

    path, passphrase = tmp_path / "caseload.db", "Kestrel-orchard 4417"
    store = Store.open(path, create=True, passphrase=passphrase)
    Drafts(store).save(Draft(DraftKind.THOUGHT, {"body": TYPED}))
    store.close()
    assert TYPED.encode() not in every_byte(tmp_path)
    assert TYPED[:10].encode() not in every_byte(tmp_path)
    with pytest.raises(PassphraseNeeded):
        Store.open(path)
    store = Store.open(path, passphrase=passphrase)
    try:
        assert Drafts(store).take() == Draft(DraftKind.THOUGHT, {"body": TYPED})
    finally:
        store.close()
