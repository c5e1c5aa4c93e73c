"""Adding a client with a code allocated, the code check, editing a client, a schedule in words."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from caseload_tui.model import Client
from caseload_tui.rules import parse_schedule
from caseload_tui.services import clients
from caseload_tui.store import Busy, Conflict, Invalid

from factories import add_client, every_row
from service_helpers import fail_on

STARTED = date(2026, 3, 2)


def test_the_next_code_follows_the_highest_numbered_one():
    def known(*codes):
        return [Client(name=c, code=c, started_on=STARTED, id=i) for i, c in enumerate(codes, 1)]

    assert clients.next_code([]) == "C-001"
    assert clients.next_code(known("C-002", "C-010", "A1", "C-x", "c-099")) == "C-011"
    assert clients.next_code(known("C-999")) == "C-1000"


def test_a_code_another_client_has_is_refused_but_ones_own_is_not():
    known = [Client(name="Ann", code="A1", started_on=STARTED, id=1)]
    assert clients.code_problem("A1", None, known) == clients.CODE_TAKEN
    assert clients.code_problem("A1", 2, known) == clients.CODE_TAKEN
    assert clients.code_problem("A1", 1, known) is None
    assert clients.code_problem("B1", None, known) is None


def test_a_client_is_added_with_the_code_typed(store):
    added = clients.add_client(store, name="Ann", code="A1", started_on=STARTED,
                               schedule=parse_schedule("weekly tue 10:00"), themes="grief")
    assert store.clients() == [added]
    assert (added.name, added.code, added.started_on, added.schedule, added.themes) == (
        "Ann", "A1", STARTED, "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10;BYMINUTE=0", "grief")


def test_a_client_added_without_a_code_is_given_the_next_free_one(store):
    add_client(store, "Ann", "C-004")
    added = clients.add_client(store, name="Bea", started_on=STARTED)
    assert added.code == "C-005"
    assert store.client(added.id).code == "C-005"


def test_a_code_already_taken_adds_nothing(store):
    add_client(store, "Ann", "A1")
    before = every_row(store)
    with pytest.raises(Invalid):
        clients.add_client(store, name="Bea", code="A1", started_on=STARTED)
    assert every_row(store) == before


def test_a_client_that_cannot_be_added_is_not_half_added(store, monkeypatch):
    add_client(store, "Ann", "C-001")
    before = every_row(store)
    fail_on(monkeypatch, store, "add_client")
    with pytest.raises(Busy):
        clients.add_client(store, name="Bea", started_on=STARTED)
    assert every_row(store) == before


def test_an_edited_client_is_saved(store):
    ann = add_client(store)
    saved = clients.edit_client(store, ann, name="Annie", code="A2", started_on=STARTED, schedule="",
                                themes="work")
    assert store.client(ann.id) == saved
    assert (saved.name, saved.code, saved.started_on, saved.themes, saved.version) == (
        "Annie", "A2", STARTED, "work", ann.version + 1)
    assert ann.name == "Ann"  # the client passed in is left as it was read


def test_an_edit_that_changes_nothing_writes_nothing(store):
    ann = add_client(store, themes="grief")
    before = every_row(store)
    assert clients.edit_client(store, ann, name=ann.name, code=ann.code, started_on=ann.started_on,
                               schedule=ann.schedule, themes=ann.themes) is None
    assert every_row(store) == before


def test_a_client_changed_in_another_window_is_not_overwritten(store):
    ann = add_client(store)
    store.update_client(replace(ann, themes="elsewhere"))
    before = every_row(store)
    with pytest.raises(Conflict):
        clients.edit_client(store, ann, name="Stale", code=ann.code, started_on=ann.started_on, schedule="",
                            themes="")
    assert every_row(store) == before


@pytest.mark.parametrize("typed", ["weekly tue 10:00", "fortnightly thursday 18:30", "monthly first mon 09:00",
                                   "weekly mon thu 08:00"])
def test_a_schedule_is_shown_as_words_that_type_back_to_the_same_rule(typed):
    rule = parse_schedule(typed)
    words = clients.schedule_words(rule)
    assert not words.startswith("FREQ=")
    assert parse_schedule(words) == rule


def test_a_rule_no_words_can_say_is_shown_as_the_rule():
    assert clients.schedule_words("") == ""
    assert clients.schedule_words("FREQ=DAILY;INTERVAL=3") == "FREQ=DAILY;INTERVAL=3"
    assert clients.schedule_words("not a rule") == "not a rule"
