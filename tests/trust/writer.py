"""A second caseload process for the trust tests: `python writer.py MODE DB ...`.

stream DB COUNT LABEL GO   say "ready", wait for the file GO, then save COUNT thoughts, printing "saved ID" after each
edit DB THOUGHT_ID BODY    change a thought's text (as another window would)
delete DB THOUGHT_ID       delete a thought
hold DB SECONDS            take the write lock, say "holding", keep it SECONDS, then let go
"""

from __future__ import annotations

import sqlite3
import sys
import time
from datetime import datetime
from pathlib import Path

from caseload_tui import model as m
from caseload_tui.store import Store


def stream(db: str, count: str, label: str, go: str) -> None:
    store = Store.open(db)
    client_id = store.clients()[0].id
    print("ready", flush=True)
    while not Path(go).exists():
        time.sleep(0.001)
    for n in range(int(count)):
        saved = store.add_thought(m.Thought(body=f"{label} note {n}", written_at=datetime(2026, 11, 24, 19),
                                            client_id=client_id))
        print(f"saved {saved.id}", flush=True)
        time.sleep(0.002)  # a brisk typist, not a tight loop: each window gets its turns
    store.close()


def edit(db: str, thought_id: str, body: str) -> None:
    store = Store.open(db)
    thought = store.thought(int(thought_id))
    thought.body = body
    store.update_thought(thought)
    store.close()


def delete(db: str, thought_id: str) -> None:
    store = Store.open(db)
    store.delete_thought(int(thought_id))
    store.close()


def hold(db: str, seconds: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    print("holding", flush=True)
    time.sleep(float(seconds))
    conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    {"stream": stream, "edit": edit, "delete": delete, "hold": hold}[sys.argv[1]](*sys.argv[2:])
