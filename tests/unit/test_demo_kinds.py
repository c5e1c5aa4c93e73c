"""The demo caseload files its thoughts and endings as the essay means them (issue 17)."""

from __future__ import annotations

from caseload_tui import model as m
from caseload_tui.model import EndedBy, EndingHow, ThoughtKind


def _by_name(store):
    return {c.name: c for c in store.clients()}


def test_every_kind_is_used(demo_store):
    assert {t.kind for t in demo_store.thoughts()} == set(ThoughtKind)


def test_amaans_living_room_realisation_is_a_blind_spot(demo_store):
    amaan = _by_name(demo_store)["Amaan"]
    [tidying] = [t for t in demo_store.thoughts([amaan.id]) if "Tidying the living room" in t.body]
    assert tidying.kind is ThoughtKind.BLIND_SPOT
    assert "because" in tidying.body  # what I missed in the room, and why
    assert ThoughtKind.BLIND_SPOT.words.own_response and not ThoughtKind.INSIGHT.words.own_response


def test_the_stay_tuned_client_is_a_curiosity_that_asks_what_my_wanting_says(demo_store):
    [stay_tuned] = [t for t in demo_store.thoughts() if "stay tuned" in t.body]
    assert stay_tuned.kind is ThoughtKind.CURIOSITY and "my wanting" in stay_tuned.body
    assert stay_tuned.client_id == _by_name(demo_store)["Ines"].id


def test_holding_is_only_a_feeling_they_cannot_yet_feel_that_I_carry(demo_store):
    names = {c.id: c.name for c in demo_store.clients()}
    holding = [t for t in demo_store.thoughts() if t.kind is ThoughtKind.HOLDING]
    assert sorted(names[t.client_id] for t in holding if t.client_id) == ["Amaan", "Dev", "Sanne"]
    for thought in holding:
        assert "cannot feel" in thought.body or "until she wants it back" in thought.body, thought.body
        assert not thought.body.startswith("Something to tell")  # a memory to tell them is not a holding


def test_every_reaction_says_whose_feeling_it_is(demo_store):
    reactions = [t for t in demo_store.thoughts() if t.kind is ThoughtKind.REACTION]
    assert reactions and all(t.whose is not None and t.feelings for t in reactions)
    assert {t.whose for t in reactions} == set(m.Whose)
    melanie = _by_name(demo_store)["Melanie"]
    resentment = next(t for t in reactions if t.client_id == melanie.id and "resentment" in t.body)
    assert resentment.whose is m.Whose.BOTH  # as her supervisor said: probably both


def test_endings_say_who_and_how_and_a_returner_keeps_both_periods(demo_store):
    clients = _by_name(demo_store)
    pauline = demo_store.episodes(clients["Pauline"].id)[-1]
    assert (pauline.ended_by, pauline.how) == (EndedBy.CLIENT, EndingHow.NO_LAST_SESSION)
    assert "end abruptly" in pauline.reflection.could_not_find
    ended = [e for c in clients.values() for e in demo_store.episodes(c.id) if e.ended]
    assert {e.ended_by for e in ended} == set(EndedBy)
    assert {e.how for e in ended} == set(EndingHow)
    assert len(demo_store.episodes(clients["Marcus"].id)) == 2 and not clients["Marcus"].active
    rosa = demo_store.episodes(clients["Rosa"].id)
    assert len(rosa) == 2 and rosa[0].ended_by is EndedBy.CIRCUMSTANCES and clients["Rosa"].active


def test_news_carries_what_it_stirred_and_taught_with_no_thought_beside_it(demo_store):
    pauline = _by_name(demo_store)["Pauline"]
    [bookshop] = [e for e in demo_store.encounters(pauline.id) if "bookshop" in e.body]
    assert bookshop.stirred and bookshop.taught
    assert not [t for t in demo_store.thoughts([pauline.id]) if "bookshop" in t.body]
    assert all(e.happened_on >= demo_store.client(e.client_id).ended_on
               for c in demo_store.clients() if not c.active for e in demo_store.encounters(c.id))
