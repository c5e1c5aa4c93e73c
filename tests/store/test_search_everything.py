"""Search finds everything the clinician wrote (issue 20): a theme word, a reflection word and an
advice word each find their record; what is deleted or edited out is no longer found (and leaves no
trace in the file: tests/trust/test_deleting.py)."""

from __future__ import annotations

from datetime import date, datetime

from caseload_tui import model as m

from factories import add_client, add_thought

ENDED = date(2026, 10, 1)
HELD = date(2026, 11, 12)


def _ended(store) -> m.Client:
    ben = add_client(store, name="Ben Okafor", code="B2", themes="dementia in the family, caring for his father")
    store.end_work(ben.id, ENDED, m.EndedBy.BOTH, m.EndingHow.GOODBYE,
                   m.Reflection(helped="the steadiness of the hour", still_wonder="whether the lighthouse stayed lit"),
                   close_open_questions=False, now=datetime(2026, 10, 1, 19))
    return store.client(ben.id)


def _supervised(store, client: m.Client) -> None:
    store.add_meeting(m.SupervisionMeeting(held_on=HELD, supervisor="Dr Ines", items=[m.SupervisionItem(
        client_id=client.id, question="Why do I rush our endings?", advice="Notice the urge, name it, wait a beat")]))


def test_a_theme_word_finds_the_client(store):
    ben = _ended(store)
    hits = store.search("dementia")
    assert [(h.kind, h.client_id, h.client_name) for h in hits] == [(m.Found.CLIENT, ben.id, "Ben Okafor")]
    assert hits[0].body == "Ben Okafor — themes: dementia in the family, caring for his father"


def test_a_name_finds_the_client_and_what_is_written_about_them(store):
    ben = _ended(store)
    add_thought(store, ben, body="Okafor family again in my mind")
    assert {h.kind for h in store.search("okafor")} == {m.Found.CLIENT, m.Found.THOUGHT}


def test_a_reflection_word_finds_the_ending(store):
    ben = _ended(store)
    hits = store.search("lighthouse")
    assert [(h.kind, h.client_id, h.when) for h in hits] == [(m.Found.REFLECTION, ben.id, ENDED)]
    assert hits[0].body == ("What helped: the steadiness of the hour — "
                            "What I still wonder: whether the lighthouse stayed lit")


def test_an_advice_word_finds_the_supervision_case(store):
    ben = _ended(store)
    _supervised(store, ben)
    hits = store.search("urge")
    assert [(h.kind, h.client_id, h.when) for h in hits] == [(m.Found.SUPERVISION, ben.id, HELD)]
    assert hits[0].body == "Why do I rush our endings? — advice: Notice the urge, name it, wait a beat"


def test_results_carry_their_day_not_an_iso_string(store):
    ben = _ended(store)
    add_thought(store, ben, body="the rain on the window", written_at=datetime(2026, 11, 24, 19))
    assert [h.when for h in store.search("rain")] == [date(2026, 11, 24)]


def test_a_theme_edited_out_is_no_longer_found(store):
    ben = _ended(store)
    store.update_client(m.Client(**{**ben.__dict__, "themes": "caring for his father"}))
    assert store.search("dementia") == []
    assert [h.kind for h in store.search("father")] == [m.Found.CLIENT]


def test_a_deleted_client_leaves_no_search_result(store):
    ben = _ended(store)
    _supervised(store, ben)
    store.delete_client(ben.id)
    assert store.search("dementia") == [] and store.search("lighthouse") == [] and store.search("urge") == []


def test_advice_corrected_in_a_meeting_is_no_longer_found(store):
    ben = _ended(store)
    _supervised(store, ben)
    meeting = store.meetings()[0]
    meeting.items[0].advice = "Slow the last ten minutes"
    store.save_meeting(meeting)
    assert store.search("urge") == []
    assert [h.kind for h in store.search("slow")] == [m.Found.SUPERVISION]
