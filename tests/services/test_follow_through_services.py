"""Closing the loop (told / kept / let go; tried / not yet / doesn't fit) and dates that matter, as stored."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from caseload_tui import model as m
from caseload_tui import supervision as sv
from caseload_tui.brief import build_brief
from caseload_tui.interchange import csv_export, json_format
from caseload_tui.services.follow_through import close_advice, close_telling
from caseload_tui.store import Conflict

from clock import DEMO_DAY_END
from factories import add_client, add_thought, memory_store

TOLD_AT = datetime(2026, 11, 26, 17, 0)


def test_a_told_thought_keeps_its_story_and_is_no_longer_offered(store):
    ann = add_client(store)
    thought = add_thought(store, ann, body="the drawings in the drawer", tell_client=True,
                          cue="if he says he never made anything")
    assert thought.still_to_tell
    kept = close_telling(store, thought, m.TellOutcome.NOT_YET, how_taken="", now=TOLD_AT)
    assert kept.still_to_tell  # not the moment: offered again
    told = close_telling(store, kept, m.TellOutcome.TOLD, how_taken="he went quiet, then smiled", now=TOLD_AT)
    assert not told.still_to_tell
    assert store.thought(thought.id).telling == m.Telling(m.TellOutcome.TOLD, TOLD_AT, "he went quiet, then smiled")
    assert store.thought(thought.id).cue == "if he says he never made anything"
    let_go = close_telling(store, add_thought(store, ann, tell_client=True), m.TellOutcome.LET_GO, how_taken="",
                           now=TOLD_AT)
    assert not let_go.still_to_tell
    with pytest.raises(ValueError):
        close_telling(store, add_thought(store, ann), m.TellOutcome.TOLD, how_taken="", now=TOLD_AT)
    with pytest.raises(Conflict):  # the thought as it was read before the first close
        close_telling(store, thought, m.TellOutcome.LET_GO, how_taken="", now=TOLD_AT)


def test_how_they_took_it_and_the_cue_are_searched(store):
    ann = add_client(store)
    close_telling(store, add_thought(store, ann, body="the choir", tell_client=True, cue="belonging"),
                  m.TellOutcome.TOLD, how_taken="tearful, then relieved", now=TOLD_AT)
    assert [h.body for h in store.search("relieved")] == ["the choir — belonging — tearful, then relieved"]
    assert [h.kind for h in store.search("belonging")] == ["thought"]


def test_advice_tried_becomes_how_it_went_in_the_next_brief(demo_store):
    melanie = next(c for c in demo_store.clients() if c.name == "Melanie")
    follow = sv.last_advice(demo_store.meetings(), melanie.id)
    close_advice(demo_store, follow.item, m.AdviceOutcome.TRIED, how_it_went="Offered her a later time; she took it")
    item = sv.last_advice(demo_store.meetings(), melanie.id).item
    assert (item.advice_tried, item.outcome) == (m.AdviceOutcome.TRIED, "Offered her a later time; she took it")
    text = build_brief(sv.prepare(demo_store, DEMO_DAY_END, [melanie.id]))
    assert "- *How it went:* tried: Offered her a later time; she took it" in text
    close_advice(demo_store, item, m.AdviceOutcome.DOES_NOT_FIT, how_it_went="")  # an empty line keeps the old one
    item = sv.last_advice(demo_store.meetings(), melanie.id).item
    assert item.how_it_went == "doesn't fit: Offered her a later time; she took it" and not item.still_to_try


def test_dates_that_matter_are_kept_found_and_searched(store):
    ann, ben = add_client(store), add_client(store, name="Ben", code="B2")
    mine = store.add_date(m.DateThatMatters(date(2026, 12, 21), "my winter break"))
    hers = store.add_date(m.DateThatMatters(date(2019, 12, 2), "her brother's death", client_id=ann.id, yearly=True))
    assert store.dates([ann.id]) == [hers, mine]
    assert store.dates([ann.id], with_mine=False) == [hers]
    assert store.dates([ben.id]) == [mine]
    assert store.dates() == [hers, mine]
    assert [(h.kind, h.client_name) for h in store.search("brother")] == [("date", "Ann")]
    hers.note = "her brother's death (the anniversary)"
    store.update_date(hers)
    store.delete_date(mine.id)
    assert [d.note for d in store.dates()] == ["her brother's death (the anniversary)"]
    assert store.search("winter") == []


def test_the_loop_and_dates_travel_through_json_byte_for_byte_and_into_csv(demo_store):
    melanie = next(c for c in demo_store.clients() if c.name == "Melanie")
    [thought] = [t for t in demo_store.thoughts([melanie.id]) if t.still_to_tell]
    close_telling(demo_store, thought, m.TellOutcome.TOLD, how_taken="she laughed", now=TOLD_AT)
    close_advice(demo_store, sv.last_advice(demo_store.meetings(), melanie.id).item, m.AdviceOutcome.NOT_YET,
                 how_it_went="not the week for it")
    first = json_format.dumps(demo_store.export_data())
    again = memory_store()
    again.import_data(json_format.parse(json.loads(first)))
    assert json_format.dumps(again.export_data()) == first
    doc = json.loads(first)
    told = [t for t in doc["thoughts"] if t["telling"]]
    assert told == [{**told[0], "telling": {"outcome": "told", "on": "2026-11-26T17:00", "how_taken": "she laughed"}}]
    assert len(doc["dates"]) == 2
    rows = csv_export.table_rows(again.export_data())
    assert [r[-3:] for r in rows["thoughts"] if r[-3]] == [["told", TOLD_AT, "she laughed"]]
    assert ["not the week for it", "not yet"] in [[r[4], r[-1]] for r in rows["supervision_items"]]
    assert [r[0] for r in rows["dates"]] == ["C-025", "C-018"]
    again.close()
