"""Caseloads of many shapes in which words are deleted or edited out, and where in the files they remain.

Shared by tests/trust/test_deleting_layouts.py (a few dozen layouts, seconds) and
tools/erasure_sweep.py (hundreds, run once and reported). A layout is made from a seed: how
many notes, how long, for how many clients, written in how many transactions (each commit
flushes FTS5's new terms as a segment, so this varies the index's shape), then one kind of
record holding the removed words is edited or deleted, with or without another window reading.

The words are looked for in every spelling the files might hold them in: as typed, lowercased and
without diacritics (FTS5's unicode61 tokenizer folds both), by their last letters alone (an FTS5
leaf stores each term after the letters it shares with the one before it) and by their first five
(the keys of the index's pages are the shortest beginnings of terms).
"""

from __future__ import annotations

import random
import sqlite3
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from caseload_tui import model as m
from caseload_tui.store import Store

from trust_helpers import db_files

WHEN = datetime(2026, 11, 24, 19)
FILLER = ("the weekly rhythm ordinary session she said mother father work sleep anger quiet late early "
          "holiday silence laughter tired hopeful stuck moving sister brother dream fear body hands").split()
TAIL = 7  # letters at the end of a removed word that no prefix compression can split off
HEAD = 5  # "xq" and three random letters: a removed word's beginning, as the index's page keys hold it
KINDS = ("thought", "thought_edit", "question", "answer_edit", "news", "news_edit", "reflection_edit",
         "supervision", "supervision_edit", "date", "date_edit", "draft", "theme_edit", "client")


def folded(word: str) -> str:
    """A word as FTS5's unicode61 tokenizer indexes it: lowercased, diacritics taken off."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def spellings(word: str) -> set[bytes]:
    shapes = {word, word.lower(), folded(word), unicodedata.normalize("NFD", word)}
    # %_idx keeps the first letters of the first term of each index leaf: the beginning alone too.
    return {part.encode() for s in shapes for part in (s, s[-TAIL:], s[:HEAD])}


def traces(path: Path, words: list[str]) -> dict[str, list[str]]:
    """Which of the database's files still hold each word, in any of its spellings (name -> files)."""
    files = {p.name: p.read_bytes() for p in db_files(path)}
    found: dict[str, list[str]] = {}
    for word in words:
        where = sorted({name for name, raw in files.items() for s in spellings(word) if s in raw})
        if where:
            found[word] = where
    return found


@dataclass(frozen=True)
class Layout:
    seed: int
    notes: int
    kind: str
    reader: bool  # another window holds a read transaction while the words are removed

    def __str__(self) -> str:
        return f"{self.kind}-n{self.notes}-s{self.seed}{'-reader' if self.reader else ''}"


def secret_words(rng: random.Random, n: int) -> list[str]:
    """Words no other text shares four letters of, some capitalised, some with diacritics."""
    words = []
    for i in range(n):
        letters = "".join(rng.choice("bcdfghjklmnpqrstvwxyz") for _ in range(10))
        word = "Xq" + letters if i % 2 else "xq" + letters
        if i % 3 == 0:
            word = word[:5] + "é" + word[5:]
        words.append(word)
    return words


def _text(rng: random.Random) -> str:
    size = rng.choice((1, 3, 8, 20, 60, 150, 400, 1200))  # a line, a paragraph, pages (overflow pages)
    return " ".join(rng.choice(FILLER) + (str(rng.randrange(1000)) if rng.random() < 0.2 else "")
                    for _ in range(rng.randint(1, size)))


def make(path: Path, layout: Layout) -> tuple[Store, list[int]]:
    """A caseload of the layout's size and shape: its clients' ids."""
    rng = random.Random(layout.seed)
    store = Store.open(path, create=True)
    clients = [store.add_client(m.Client(name=f"Client {c}", code=f"C{c}", started_on=date(2025, 1, 1),
                                         themes=_text(rng)[:200])).id for c in range(rng.randint(1, 6))]
    _write_more(store, rng, clients, layout.notes)
    return store, clients


def _write_more(store: Store, rng: random.Random, clients: list[int], notes: int) -> None:
    written = 0
    while written < notes:
        with store._lock.writing():  # several notes a transaction, as an import or a busy evening
            for _ in range(min(notes - written, rng.choice((1, 1, 3, 10, 40)))):
                _add_one(store, rng, rng.choice(clients), written)
                written += 1


def _add_one(store: Store, rng: random.Random, client_id: int, n: int) -> None:
    at = WHEN - timedelta(hours=n)
    pick = rng.random()
    if pick < 0.55:
        store.add_thought(m.Thought(body=_text(rng), written_at=at, client_id=client_id))
    elif pick < 0.75:
        store.add_question(m.Question(body=_text(rng), asked_at=at, client_id=client_id))
    elif pick < 0.85:
        store.add_encounter(m.Encounter(client_id=client_id, happened_on=at.date(), body=_text(rng)))
    elif pick < 0.92:
        store.add_date(m.DateThatMatters(falls_on=at.date(), note=_text(rng)[:300], client_id=client_id))
    else:
        store.add_meeting(m.SupervisionMeeting(held_on=at.date(), items=[
            m.SupervisionItem(client_id=client_id, advice=_text(rng))]))


def _with(rng: random.Random, words: list[str]) -> str:
    """Text with the removed words among ordinary ones, at the start, middle and end."""
    body = _text(rng).split()
    for word in words:
        body.insert(rng.randint(0, len(body)), word)
    return " ".join(body)


def remove_words(store: Store, clients: list[int], layout: Layout) -> list[str]:
    """Write the layout's kind of record holding new words, then delete it or edit them out; the words."""
    rng = random.Random(layout.seed * 7919 + len(layout.kind))
    words = secret_words(rng, rng.randint(1, 5))
    client_id = rng.choice(clients)
    kept = " ".join(rng.choice(FILLER) for _ in range(rng.randint(1, 30)))
    remove = _write(store, layout.kind, client_id, _with(rng, words), kept)
    _write_more(store, rng, clients, rng.choice((0, 5, 40)))  # later notes split and move its page's cells
    assert traces(store.path, words), "the words must be in the file before they are removed"
    if layout.reader:
        reader = sqlite3.connect(str(store.path), check_same_thread=False)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM thoughts").fetchall()  # holds the WAL as it is now
        threading.Timer(0.05, reader.rollback).start()
        try:
            remove()
        finally:
            reader.close()
    else:
        remove()
    return words


def _write(store: Store, kind: str, client_id: int, text: str, kept: str):  # one branch a kind of record
    """Write a record of `kind` holding `text`; the function that removes it (or edits `text` out)."""
    if kind.startswith("thought"):
        t = store.add_thought(m.Thought(body=text, written_at=WHEN, client_id=client_id))
        if kind == "thought":
            return lambda: store.delete_thought(t.id)
        return lambda: store.update_thought(_edited(t, body=kept))
    if kind in ("question", "answer_edit"):
        q = store.add_question(m.Question(body=kept if kind == "answer_edit" else text, asked_at=WHEN,
                                          client_id=client_id))
        q.status, q.answer, q.closed_at = m.QuestionStatus.ANSWERED, text, WHEN
        q = store.update_question(q)
        if kind == "question":
            return lambda: store.delete_question(q.id)
        return lambda: store.update_question(_edited(q, answer=kept))
    if kind.startswith("news"):
        e = store.add_encounter(m.Encounter(client_id=client_id, happened_on=WHEN.date(), body=text))
        if kind == "news":
            return lambda: store.delete_encounter(e.id)
        return lambda: store.update_encounter(_edited(e, body=kept))
    if kind.startswith("date"):
        d = store.add_date(m.DateThatMatters(falls_on=WHEN.date(), note=text, client_id=client_id))
        if kind == "date":
            return lambda: store.delete_date(d.id)
        return lambda: store.update_date(_edited(d, note=kept))
    if kind.startswith("supervision"):
        meeting = store.add_meeting(m.SupervisionMeeting(held_on=WHEN.date(), items=[
            m.SupervisionItem(client_id=client_id, advice=text)]))
        if kind == "supervision":
            return lambda: store.delete_meeting(meeting.id)
        meeting.items[0].advice = kept
        return lambda: store.save_meeting(meeting)
    if kind == "draft":
        draft = store.keep_draft("thought", "{}", text)
        return lambda: store.forget_draft(draft)
    if kind == "theme_edit":
        client = store.client(client_id)
        client.themes = text
        client = store.update_client(client)
        return lambda: store.update_client(_edited(client, themes=kept))
    if kind == "reflection_edit":
        client = store.add_client(m.Client(name="Ending", code=f"E{client_id}", started_on=date(2025, 2, 1)))
        store.end_work(client.id, date(2026, 9, 1), m.EndedBy.BOTH, m.EndingHow.GOODBYE,
                       m.Reflection(helped=text, i_learned=kept), False, WHEN)
        with store._lock.reading() as conn:
            (episode_id,) = conn.execute("SELECT id FROM episodes WHERE client_id = ?", [client.id]).fetchone()
        episode = store.episode(episode_id)
        return lambda: store.save_ending(_edited(episode, reflection=m.Reflection(helped=kept, i_learned=kept)))
    assert kind == "client"
    client = store.add_client(m.Client(name=text[:200], code="WG-77", started_on=date(2025, 3, 1), themes=text))
    store.add_thought(m.Thought(body=text, written_at=WHEN, client_id=client.id))
    store.add_question(m.Question(body=text, asked_at=WHEN, client_id=client.id))
    store.add_encounter(m.Encounter(client_id=client.id, happened_on=WHEN.date(), body=text))
    store.record_attendance(client.id, datetime(2026, 11, 20, 10), m.Status.ATTENDED, note=text)
    return lambda: store.delete_client(client.id)


def _edited(record, **changes):
    for name, value in changes.items():
        setattr(record, name, value)
    return record


def leaks(folder: Path, layout: Layout) -> dict[str, dict[str, list[str]]]:
    """Where the removed words remain: while open, after closing (empty: nowhere)."""
    store, clients = make(folder / "caseload.db", layout)
    try:
        words = remove_words(store, clients, layout)
        if layout.reader:
            store._empty_wal()  # the confirm: once the other window let go, the WAL is emptied
        found = {"open": traces(store.path, words)}
    finally:
        store.close()
    found["closed"] = traces(folder / "caseload.db", words)
    return {when: where for when, where in found.items() if where}
