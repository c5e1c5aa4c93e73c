"""No screen, modal or widget opens a transaction or makes more than one store write for one action.

A user action that writes more than once is a service (caseload_tui.services), one transaction.
"""

from __future__ import annotations

import ast
from pathlib import Path

import caseload_tui
from caseload_tui.store import Store

TUI = Path(caseload_tui.__file__).resolve().parent / "tui"
READS = {"records", "record", "clients", "client", "find_client", "client_count", "appointments",
         "appointments_between", "thoughts", "practice_thoughts", "practice_thought_count", "thought",
         "questions", "question", "encounters", "meetings", "meeting", "search", "export_data",
         "data_version", "pending_migrations", "open", "memory", "close", "breaks", "recent_misses",
         "open_concerns", "concern_counts", "dates", "date_that_matters", "backups_holding"}
# dir(), not vars(): the store is composed of one mixin per aggregate.
WRITES = {name for name in dir(Store) if not name.startswith("_") and callable(getattr(Store, name))} - READS


def _store_methods(node: ast.AST) -> list[str]:
    """The store methods named in a call's callee: `self.store.x(...)`, `store.x(...)`, `self._store.x(...)`."""
    found = []
    for inner in ast.walk(node):
        if isinstance(inner, ast.Attribute):
            owner = inner.value
            if (isinstance(owner, ast.Attribute) and owner.attr in ("store", "_store")) or (
                    isinstance(owner, ast.Name) and owner.id == "store"):
                found.append(inner.attr)
    return found


def _functions():
    for path in sorted(TUI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield f"{path.relative_to(TUI)}:{node.name}", node


def test_the_write_methods_are_known():
    assert {"record_attendance", "add_appointment", "update_question", "add_meeting", "save_meeting",
            "set_flag", "add_client", "update_client", "graduate", "reactivate", "transaction"} <= WRITES


def test_no_screen_opens_a_transaction_or_writes_twice_in_one_action():
    offenders = {}
    for where, function in _functions():
        calls = [node for node in ast.walk(function) if isinstance(node, ast.Call)]
        writes = [names for call in calls if (names := [n for n in _store_methods(call.func) if n in WRITES])]
        if "transaction" in sum(writes, []) or len(writes) > 1:
            offenders[where] = writes
    assert offenders == {}
