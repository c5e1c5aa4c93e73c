"""The store: what is written is what is read back, edits never silently overwrite each other."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from caseload_tui import model as m
from caseload_tui.interchange import json_format
from caseload_tui.rules import place
from caseload_tui.store import Conflict, Invalid, NotFound, Store, StoreError

from clock import WEDNESDAY_EVENING
from factories import add_client


@pytest.fixture
def path(tmp_path):
    return tmp_path / "caseload.db"


@pytest.fixture
def store(path):
    opened = Store.open(path, create=True)
    yield opened
    opened.close()


# ---------------------------------------------------------------- clients


def test_add_and_read_a_client(store):
    added = add_client(
        store, schedule="FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", themes="grief; work",
        bring_to_supervision=True,
    )
    assert added.id is not None
    assert added.version == 1
    read = store.client(added.id)
    assert read == added
    assert read.schedule == "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"
    assert read.bring_to_supervision is True
    assert read.active
    [episode] = store.episodes(added.id)  # the first period of work begins with the client
    assert (episode.started_on, episode.ended_on, episode.reflection) == (added.started_on, None, m.Reflection())


def test_update_a_client_and_graduate_them(store):
    added = add_client(store)
    added.name = "Annie"
    added.ended_on = date(2026, 11, 20)
    added.started_on = date(2026, 2, 1)
    saved = store.update_client(added)
    assert saved.version == 2
    read = store.client(added.id)
    assert (read.name, read.ended_on) == ("Annie", date(2026, 11, 20))
    assert not read.active
    [episode] = store.episodes(added.id)  # the client's dates are their current episode's
    assert (episode.started_on, episode.ended_on) == (date(2026, 2, 1), date(2026, 11, 20))


def test_a_stale_client_edit_is_refused(store):
    added = add_client(store)
    first = store.client(added.id)
    second = store.client(added.id)
    first.name = "First"
    store.update_client(first)
    second.name = "Second"
    with pytest.raises(Conflict):
        store.update_client(second)
    assert store.client(added.id).name == "First"


def test_flag_for_supervision(store):
    added = add_client(store)
    assert store.set_flag(added.id, True).bring_to_supervision is True
    assert store.client(added.id).bring_to_supervision is True
    assert store.set_flag(added.id, False).bring_to_supervision is False


def test_clients_are_listed_by_name_whatever_the_case(store):
    for name, code in [("bob", "B"), ("Ann", "A"), ("Cat", "C")]:
        add_client(store, name, code)
    assert [c.name for c in store.clients()] == ["Ann", "bob", "Cat"]
    assert store.client_count() == 3


def test_duplicate_code_is_invalid_and_nothing_is_stored(store):
    add_client(store, "Ann", "A1")
    with pytest.raises(Invalid) as caught:
        add_client(store, "Another Ann", "A1")
    assert "code" in str(caught.value)
    assert [c.name for c in store.clients()] == ["Ann"]


def test_changing_a_code_to_someone_elses_is_invalid(store):
    add_client(store, "Ann", "A1")
    bob = add_client(store, "Bob", "B1")
    bob.code = "A1"
    with pytest.raises(Invalid):
        store.update_client(bob)
    assert store.client(bob.id).code == "B1"


def test_keeping_ones_own_code_is_fine(store):
    ann = add_client(store, "Ann", "A1")
    ann.themes = "new theme"
    assert store.update_client(ann).code == "A1"


def test_find_client_by_code_name_or_beginning(store):
    ann = add_client(store, "Ann Smith", "AS01")
    add_client(store, "Anna Jones", "AJ02")
    bob = add_client(store, "Bob", "B01")
    assert store.find_client("AS01").id == ann.id
    assert store.find_client("as01").id == ann.id
    assert store.find_client("bob").id == bob.id
    assert store.find_client("Bo").id == bob.id
    with pytest.raises(NotFound) as caught:
        store.find_client("Ann")
    assert "AS01" in str(caught.value) and "AJ02" in str(caught.value)
    with pytest.raises(NotFound):
        store.find_client("Zed")


def test_deleting_a_client_removes_everything_written_about_them(store):
    ann = add_client(store)
    bob = add_client(store, "Bob", "B1")
    store.record_attendance(ann.id, datetime(2026, 11, 24, 10), m.Status.ATTENDED)
    store.add_thought(m.Thought(body="about ann", written_at=WEDNESDAY_EVENING, client_id=ann.id))
    store.add_thought(m.Thought(body="about bob", written_at=WEDNESDAY_EVENING, client_id=bob.id))
    store.add_question(m.Question(body="ask ann", asked_at=WEDNESDAY_EVENING, client_id=ann.id))
    store.add_encounter(m.Encounter(client_id=ann.id, happened_on=date(2026, 11, 1), body="saw ann"))
    store.add_meeting(m.SupervisionMeeting(held_on=date(2026, 11, 2), items=[m.SupervisionItem(client_id=ann.id)]))

    store.delete_client(ann.id)

    with pytest.raises(NotFound):
        store.client(ann.id)
    assert [t.body for t in store.thoughts()] == ["about bob"]
    assert store.questions() == []
    assert store.appointments(ann.id) == []
    assert store.encounters(ann.id) == []
    assert store.meetings()[0].items == []
    assert store.search("ann") == []


def test_a_missing_client_is_not_found(store):
    with pytest.raises(NotFound):
        store.client(99)
    with pytest.raises(NotFound):
        store.delete_client(99)


# ---------------------------------------------------------------- thoughts


def test_add_update_and_delete_a_thought(store):
    ann = add_client(store)
    thought = store.add_thought(m.Thought(
        body="he wanted my approval", written_at=WEDNESDAY_EVENING, client_id=ann.id,
        kind=m.ThoughtKind.INSIGHT, tell_client=True,
    ))
    assert thought.version == 1
    read = store.thought(thought.id)
    assert (read.body, read.kind, read.lingering, read.tell_client, read.written_at) == (
        "he wanted my approval", m.ThoughtKind.INSIGHT, True, True, WEDNESDAY_EVENING)

    read.lingering = False  # let go
    read.body = "he wanted my approval, as with his mother"
    updated = store.update_thought(read)
    assert updated.version == 2
    assert store.thought(thought.id).lingering is False
    assert store.thoughts(lingering_only=True) == []

    store.delete_thought(thought.id)
    with pytest.raises(NotFound):
        store.thought(thought.id)
    assert store.thoughts() == []


def test_thoughts_about_my_practice(store):
    ann = add_client(store)
    store.add_thought(m.Thought(body="about ann", written_at=WEDNESDAY_EVENING, client_id=ann.id))
    mine = store.add_thought(m.Thought(body="I rush endings", written_at=WEDNESDAY_EVENING,
                                       kind=m.ThoughtKind.LEARNING))
    assert mine.client_id is None
    assert [t.body for t in store.practice_thoughts()] == ["I rush endings"]
    assert [t.body for t in store.thoughts(client_ids=[ann.id])] == ["about ann"]
    assert store.thoughts(client_ids=[]) == []


def test_thoughts_newest_first_and_since(store):
    for days in (3, 1, 2):
        store.add_thought(m.Thought(body=f"{days} days ago", written_at=WEDNESDAY_EVENING - timedelta(days=days)))
    assert [t.body for t in store.thoughts()] == ["1 days ago", "2 days ago", "3 days ago"]
    assert [t.body for t in store.thoughts(since=WEDNESDAY_EVENING - timedelta(days=2))] == ["1 days ago", "2 days ago"]


def test_a_thought_about_a_missing_client_is_not_stored(store):
    with pytest.raises(NotFound):
        store.add_thought(m.Thought(body="x", written_at=WEDNESDAY_EVENING, client_id=42))
    assert store.thoughts() == []


def test_a_stale_thought_edit_is_a_conflict_across_windows(path, store):
    ann = add_client(store)
    thought = store.add_thought(m.Thought(body="original", written_at=WEDNESDAY_EVENING, client_id=ann.id))
    other = Store.open(path)
    try:
        mine = store.thought(thought.id)
        theirs = other.thought(thought.id)
        theirs.body = "their edit"
        other.update_thought(theirs)

        mine.body = "my edit"
        mine.lingering = False
        with pytest.raises(Conflict) as caught:
            store.update_thought(mine)
        assert "was not saved" in str(caught.value)
        assert "my edit" not in str(caught.value)

        for reader in (store, other):
            kept = reader.thought(thought.id)
            assert kept.body == "their edit"
            assert kept.lingering is True
            assert kept.version == 2
        assert store.search("my edit") == []
    finally:
        other.close()


def test_editing_a_thought_deleted_elsewhere_is_not_found(path, store):
    thought = store.add_thought(m.Thought(body="original", written_at=WEDNESDAY_EVENING))
    other = Store.open(path)
    try:
        other.delete_thought(thought.id)
    finally:
        other.close()
    thought.body = "edited"
    with pytest.raises(NotFound):
        store.update_thought(thought)
    assert store.thoughts() == []


# ---------------------------------------------------------------- questions


def test_answer_a_question(store):
    ann = add_client(store)
    question = store.add_question(m.Question(body="did her husband take it well?", asked_at=WEDNESDAY_EVENING,
                                             client_id=ann.id))
    assert store.question(question.id).status is m.QuestionStatus.OPEN
    question.status = m.QuestionStatus.ANSWERED
    question.answer = "better than she feared"
    question.closed_at = WEDNESDAY_EVENING + timedelta(days=7)
    store.update_question(question)
    read = store.question(question.id)
    assert (read.status, read.answer, read.closed_at) == (
        m.QuestionStatus.ANSWERED, "better than she feared", WEDNESDAY_EVENING + timedelta(days=7))
    assert store.questions(open_only=True) == []
    assert store.record(ann.id, WEDNESDAY_EVENING).open_questions == 0


def test_drop_a_question(store):
    question = store.add_question(m.Question(body="ask about sleep", asked_at=WEDNESDAY_EVENING))
    question.status = m.QuestionStatus.DROPPED
    question.closed_at = WEDNESDAY_EVENING
    store.update_question(question)
    assert store.question(question.id).status is m.QuestionStatus.DROPPED
    assert store.questions(open_only=True) == []
    assert [q.body for q in store.questions()] == ["ask about sleep"]


def test_open_questions_come_first(store):
    old = store.add_question(m.Question(body="old open", asked_at=WEDNESDAY_EVENING - timedelta(days=9)))
    done = store.add_question(m.Question(body="answered", asked_at=WEDNESDAY_EVENING - timedelta(days=1)))
    done.status, done.closed_at = m.QuestionStatus.ANSWERED, WEDNESDAY_EVENING
    store.update_question(done)
    store.add_question(m.Question(body="new open", asked_at=WEDNESDAY_EVENING - timedelta(days=2)))
    assert [q.body for q in store.questions()] == ["new open", "old open", "answered"]
    assert old.id is not None


def test_a_stale_question_edit_is_a_conflict(store):
    question = store.add_question(m.Question(body="ask", asked_at=WEDNESDAY_EVENING))
    stale = store.question(question.id)
    question.answer, question.status = "first answer", m.QuestionStatus.ANSWERED
    store.update_question(question)
    stale.status = m.QuestionStatus.DROPPED
    with pytest.raises(Conflict):
        store.update_question(stale)
    assert store.question(question.id).status is m.QuestionStatus.ANSWERED


def test_delete_a_question(store):
    question = store.add_question(m.Question(body="ask", asked_at=WEDNESDAY_EVENING))
    store.delete_question(question.id)
    with pytest.raises(NotFound):
        store.question(question.id)


# ---------------------------------------------------------------- encounters and supervision


def test_encounters_newest_first(store):
    pauline = add_client(store, "Pauline", "P1", ended_on=date(2026, 6, 1))
    store.add_encounter(m.Encounter(client_id=pauline.id, happened_on=date(2026, 8, 1), body="saw her at the market"))
    store.add_encounter(m.Encounter(client_id=pauline.id, happened_on=date(2026, 10, 1), body="a card"))
    assert [e.body for e in store.encounters(pauline.id)] == ["a card", "saw her at the market"]
    assert store.encounters(pauline.id)[0].happened_on == date(2026, 10, 1)


def test_an_encounter_with_a_missing_client_is_not_stored(store):
    with pytest.raises(NotFound):
        store.add_encounter(m.Encounter(client_id=7, happened_on=date(2026, 8, 1), body="x"))


def test_supervision_meetings_with_their_items(store):
    ann = add_client(store)
    bob = add_client(store, "Bob", "B1")
    first = store.add_meeting(m.SupervisionMeeting(held_on=date(2026, 10, 1), notes="first"))
    second = store.add_meeting(m.SupervisionMeeting(
        held_on=date(2026, 11, 1), notes="second",
        items=[m.SupervisionItem(client_id=ann.id, question="why do I rush?", advice="slow down"),
               m.SupervisionItem(client_id=bob.id, question="his cancellations", outcome="helped")],
    ))
    assert first.items == []
    assert [(i.client_id, i.question, i.advice, i.outcome) for i in second.items] == [
        (ann.id, "why do I rush?", "slow down", ""), (bob.id, "his cancellations", "", "helped")]
    meetings = store.meetings()
    assert [x.notes for x in meetings] == ["second", "first"]
    assert all(i.meeting_id == second.id for i in meetings[0].items)


def test_a_meeting_with_a_missing_client_is_not_stored_at_all(store):
    ann = add_client(store)
    with pytest.raises(NotFound):
        store.add_meeting(m.SupervisionMeeting(
            held_on=date(2026, 11, 1),
            items=[m.SupervisionItem(client_id=ann.id), m.SupervisionItem(client_id=99)],
        ))
    assert store.meetings() == []


# ---------------------------------------------------------------- sessions and records


def test_record_attendance_books_a_session_that_was_not_booked(store):
    ann = add_client(store)
    session = store.record_attendance(ann.id, datetime(2026, 11, 24, 14, 0), m.Status.ATTENDED, "good")
    assert (session.starts_at, session.status, session.note) == (
        datetime(2026, 11, 24, 14, 0), m.Status.ATTENDED, "good")
    assert len(store.appointments(ann.id)) == 1


def test_record_attendance_updates_the_session_booked_that_day(store):
    ann = add_client(store)
    store.add_appointment(m.Appointment(client_id=ann.id, starts_at=datetime(2026, 11, 24, 10, 0),
                                        note="booked by phone"))
    store.add_appointment(m.Appointment(client_id=ann.id, starts_at=datetime(2026, 11, 17, 10, 0)))
    session = store.record_attendance(ann.id, datetime(2026, 11, 24, 14, 0), m.Status.NO_SHOW)
    assert session.starts_at == datetime(2026, 11, 24, 10, 0)
    assert session.status is m.Status.NO_SHOW
    assert session.note == "booked by phone"  # an empty note keeps the old one
    sessions = store.appointments(ann.id)
    assert [(s.starts_at, s.status) for s in sessions] == [
        (datetime(2026, 11, 24, 10, 0), m.Status.NO_SHOW),
        (datetime(2026, 11, 17, 10, 0), m.Status.SCHEDULED),
    ]
    # Recording again changes the same session, and a new note replaces the old one.
    store.record_attendance(ann.id, datetime(2026, 11, 24, 10, 0), m.Status.LATE, "came at 10:20")
    sessions = store.appointments(ann.id)
    assert len(sessions) == 2
    assert (sessions[0].status, sessions[0].note) == (m.Status.LATE, "came at 10:20")


def test_record_attendance_for_a_missing_client(store):
    with pytest.raises(NotFound):
        store.record_attendance(5, WEDNESDAY_EVENING, m.Status.ATTENDED)


def test_records_give_what_the_groups_need(store):
    ann = add_client(store)
    bob = add_client(store, "Bob", "B1")
    for days, status in [(1, m.Status.CANCELLED), (8, m.Status.ATTENDED), (15, m.Status.LATE),
                         (22, m.Status.CLINICIAN_CANCELLED)]:
        store.record_attendance(ann.id, WEDNESDAY_EVENING - timedelta(days=days), status)
    store.add_appointment(m.Appointment(client_id=ann.id, starts_at=WEDNESDAY_EVENING + timedelta(days=6)))
    store.add_appointment(m.Appointment(client_id=ann.id, starts_at=WEDNESDAY_EVENING + timedelta(days=2),
                                        status=m.Status.CLINICIAN_CANCELLED))
    store.add_appointment(m.Appointment(client_id=ann.id, starts_at=WEDNESDAY_EVENING + timedelta(days=13)))
    store.add_thought(m.Thought(body="lingering", written_at=WEDNESDAY_EVENING, client_id=ann.id))
    let_go = store.add_thought(m.Thought(body="let go", written_at=WEDNESDAY_EVENING, client_id=ann.id))
    let_go.lingering = False
    store.update_thought(let_go)
    store.add_question(m.Question(body="q1", asked_at=WEDNESDAY_EVENING, client_id=ann.id))
    store.add_question(m.Question(body="q2", asked_at=WEDNESDAY_EVENING, client_id=ann.id))
    store.add_question(m.Question(body="q3", asked_at=WEDNESDAY_EVENING, client_id=bob.id))

    records = store.records(WEDNESDAY_EVENING)
    assert [r.client.name for r in records] == ["Ann", "Bob"]
    ann_record = records[0]
    assert [(s.starts_at, s.status) for s in ann_record.recent] == [
        (WEDNESDAY_EVENING - timedelta(days=1), m.Status.CANCELLED),
        (WEDNESDAY_EVENING - timedelta(days=8), m.Status.ATTENDED),
        (WEDNESDAY_EVENING - timedelta(days=15), m.Status.LATE),
        (WEDNESDAY_EVENING - timedelta(days=22), m.Status.CLINICIAN_CANCELLED),
    ]
    assert ann_record.last_attended == WEDNESDAY_EVENING - timedelta(days=8)
    assert ann_record.next_booked == WEDNESDAY_EVENING + timedelta(days=6)
    assert ann_record.open_questions == 2
    assert ann_record.lingering_thoughts == 1
    assert store.record(ann.id, WEDNESDAY_EVENING) == ann_record

    bob_record = records[1]
    assert (bob_record.recent, bob_record.last_attended, bob_record.next_booked) == ([], None, None)
    assert (bob_record.open_questions, bob_record.lingering_thoughts) == (1, 0)


def test_records_feed_the_grouping_rules(store):
    ann = add_client(store)
    for days, status in [(1, m.Status.NO_SHOW), (8, m.Status.NO_SHOW), (15, m.Status.ATTENDED),
                         (22, m.Status.ATTENDED), (29, m.Status.ATTENDED)]:
        store.record_attendance(ann.id, WEDNESDAY_EVENING - timedelta(days=days), status)
    placement = place(store.record(ann.id, WEDNESDAY_EVENING), WEDNESDAY_EVENING)
    assert placement.group is m.Group.ABSENTEES
    assert "2 in a row" in placement.reason


def test_record_of_a_missing_client(store):
    with pytest.raises(NotFound):
        store.record(3, WEDNESDAY_EVENING)


# ---------------------------------------------------------------- search


@pytest.fixture
def searchable(store):
    ann = add_client(store)
    store.add_thought(m.Thought(body="He wanted my approval, the way he wanted his mother's",
                                written_at=WEDNESDAY_EVENING, client_id=ann.id))
    store.add_thought(m.Thought(body="I notice I dread Mondays", written_at=WEDNESDAY_EVENING - timedelta(days=1)))
    store.add_question(m.Question(body="Did her husband take the news well?", asked_at=WEDNESDAY_EVENING,
                                  client_id=ann.id, answer="He was relieved"))
    store.add_encounter(m.Encounter(client_id=ann.id, happened_on=date(2026, 11, 3),
                                    body="Met her by chance at the library"))
    return store


def test_search_by_word(searchable):
    hits = searchable.search("approval")
    assert [(h.kind, h.client_name) for h in hits] == [("thought", "Ann")]
    assert "approval" in hits[0].body


def test_search_by_prefix_and_case(searchable):
    assert [h.kind for h in searchable.search("APPRO")] == ["thought"]
    assert [h.kind for h in searchable.search("libr")] == [m.Found.NEWS]


def test_search_finds_questions_by_their_answer(searchable):
    hits = searchable.search("relieved")
    assert [h.kind for h in hits] == ["question"]
    assert "He was relieved" in hits[0].body


def test_search_names_my_practice(searchable):
    hits = searchable.search("dread")
    assert [(h.kind, h.client_id, h.client_name) for h in hits] == [("thought", None, "My practice")]


def test_search_needs_every_word(searchable):
    assert [h.kind for h in searchable.search("wanted mother")] == ["thought"]
    assert searchable.search("wanted library") == []


def test_empty_search(searchable):
    assert searchable.search("") == []
    assert searchable.search("   ") == []


@pytest.mark.parametrize(
    "query",
    ['"', '""', "AND", "OR", "NOT", "NEAR(", "NEAR(a b)", "*", "approval*", "-", "^", ":", "(",
     ")", "body:approval", '"approval', "approval AND", "{a b}", "a + b", "'", "\x1b[2J", "🌱"],
)
def test_search_with_quotes_and_operators_does_not_fail(searchable, query):
    hits = searchable.search(query)
    assert isinstance(hits, list)


def test_operators_are_searched_as_plain_words(store):
    store.add_thought(m.Thought(body="near the end and then not much", written_at=WEDNESDAY_EVENING))
    assert len(store.search("AND")) == 1
    assert len(store.search("NOT")) == 1
    assert len(store.search("NEAR(")) == 1
    assert len(store.search('"the end"')) == 1
    assert store.search("OR") == []


def test_search_forgets_deleted_and_edited_text(searchable):
    thought = searchable.search("approval")[0]
    searchable.delete_thought(thought.id)
    assert searchable.search("approval") == []

    question = searchable.question(searchable.search("husband")[0].id)
    question.body = "Did the move go well?"
    question.answer = ""
    searchable.update_question(question)
    assert searchable.search("husband") == []
    assert searchable.search("relieved") == []
    assert [h.id for h in searchable.search("move")] == [question.id]


def test_deleted_text_is_not_found_even_when_its_number_is_reused(store):
    ann = add_client(store)
    secret = store.add_thought(m.Thought(body="a very private confession", written_at=WEDNESDAY_EVENING,
                                         client_id=ann.id))
    store.delete_client(ann.id)
    after = store.add_thought(m.Thought(body="an ordinary note", written_at=WEDNESDAY_EVENING))
    assert after.id == secret.id  # SQLite hands out the same row number again
    assert store.search("confession") == []
    assert [h.body for h in store.search("ordinary")] == ["an ordinary note"]


# ---------------------------------------------------------------- text comes back byte for byte


HOSTILE_TEXTS = [
    "[b]x[/b]",
    "O'Brien [/x]",
    "[@click=app.quit]quit[/]",
    "\x1b[2J",
    "\x1b]52;c;aGk=\x07",
    "\x9b31mred\x7f",
    "🌱 👩‍⚕️ emoji",
    "\u202eevil.txt",
    "مرحبا بالعالم",
    "שלום",
    "心理療法",
    "x" * 100_000,
    "line one\r\nline two\rline three\n",
    "\ttabbed\t",
    "  leading and trailing  ",
    "'; DROP TABLE clients; --",
    'say "hello" \\n not a newline',
    "%s {0} $(rm -rf ~)",
]
IDS = [f"text{i}" for i in range(len(HOSTILE_TEXTS))]


@pytest.mark.parametrize("text", HOSTILE_TEXTS, ids=IDS)
def test_every_kind_of_text_comes_back_exactly(path, store, text):
    client = add_client(store, name=text, code="C1", themes=text)
    store.end_work(client.id, date(2026, 11, 1), m.EndedBy.ME, m.EndingHow.GOODBYE,
                   m.Reflection(text, text, text, text, text, text), False, WEDNESDAY_EVENING)
    store.add_appointment(m.Appointment(client_id=client.id, starts_at=WEDNESDAY_EVENING, note=text))
    thought = store.add_thought(m.Thought(body=text, written_at=WEDNESDAY_EVENING, client_id=client.id,
                                          kind=m.ThoughtKind.REACTION, whose=m.Whose.BOTH, feelings=text))
    question = store.add_question(m.Question(body=text, asked_at=WEDNESDAY_EVENING, client_id=client.id, answer=text))
    store.add_encounter(m.Encounter(client_id=client.id, happened_on=date(2026, 11, 1), body=text, stirred=text,
                                    taught=text))
    store.add_meeting(m.SupervisionMeeting(held_on=date(2026, 11, 2), notes=text, items=[
        m.SupervisionItem(client_id=client.id, question=text, advice=text, outcome=text)]))
    store.close()

    reopened = Store.open(path)
    try:
        read = reopened.client(client.id)
        assert read.name == text and read.themes == text
        assert reopened.episodes(client.id)[0].reflection == m.Reflection(text, text, text, text, text, text)
        assert reopened.appointments(client.id)[0].note == text
        read_t = reopened.thought(thought.id)
        assert (read_t.body, read_t.feelings, read_t.whose) == (text, text, m.Whose.BOTH)
        read_q = reopened.question(question.id)
        assert (read_q.body, read_q.answer) == (text, text)
        news = reopened.encounters(client.id)[0]
        assert (news.body, news.stirred, news.taught) == (text, text, text)
        meeting = reopened.meetings()[0]
        assert meeting.notes == text
        item = meeting.items[0]
        assert (item.question, item.advice, item.outcome) == (text, text, text)
        assert reopened.records(WEDNESDAY_EVENING)[0].client.name == text
    finally:
        reopened.close()


# ---------------------------------------------------------------- the whole caseload at once


def _sample_data() -> m.CaseloadData:
    return m.CaseloadData(
        clients=[
            m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5), schedule="FREQ=WEEKLY;BYDAY=TU"),
            m.Client(name="Pauline", code="P1", started_on=date(2025, 3, 1), ended_on=date(2026, 6, 1)),
        ],
        episodes=[  # Ann's one, going on; Pauline came back once and ended twice
            m.Episode(client_id=1, started_on=date(2026, 1, 5)),
            m.Episode(client_id=2, started_on=date(2023, 1, 9), ended_on=date(2024, 2, 1), recorded_as="planned",
                      how=m.EndingHow.GOODBYE, reflection=m.Reflection(helped="time")),
            m.Episode(client_id=2, started_on=date(2025, 3, 1), ended_on=date(2026, 6, 1), ended_by=m.EndedBy.ME,
                      how=m.EndingHow.NO_LAST_SESSION, reflection=m.Reflection(still_wonder="her sister")),
        ],
        appointments=[m.Appointment(client_id=1, starts_at=datetime(2026, 11, 24, 10), status=m.Status.ATTENDED,
                                    source="ics", source_uid="uid-1")],
        thoughts=[m.Thought(body="a thought", written_at=WEDNESDAY_EVENING, client_id=1),
                  m.Thought(body="about me", written_at=WEDNESDAY_EVENING)],
        questions=[m.Question(body="a question", asked_at=WEDNESDAY_EVENING, client_id=1)],
        encounters=[m.Encounter(client_id=2, happened_on=date(2026, 9, 1), body="news")],
        meetings=[m.SupervisionMeeting(held_on=date(2026, 11, 1), notes="n",
                                       items=[m.SupervisionItem(client_id=2, question="q")])],
    )


def test_import_then_export_is_the_same_caseload(tmp_path, store):
    counts = store.import_data(_sample_data())
    assert counts["clients"] == 2 and counts["thoughts"] == 2
    exported = json_format.dumps(store.export_data())
    other = Store.open(tmp_path / "other.db", create=True)
    try:
        other.import_data(json_format.parse(json_format.to_document(store.export_data())))
        assert json_format.dumps(other.export_data()) == exported
    finally:
        other.close()
    assert json_format.dumps(_sample_data()) == exported


def test_a_dry_run_adds_nothing(store):
    counts = store.import_data(_sample_data(), dry_run=True)
    assert counts["clients"] == 2
    assert store.client_count() == 0
    assert store.thoughts() == [] and store.meetings() == []


def test_an_import_that_clashes_adds_nothing(store):
    add_client(store, "Existing", "P1")
    with pytest.raises(Invalid) as caught:
        store.import_data(_sample_data())
    assert "P1" in str(caught.value)
    assert [c.name for c in store.clients()] == ["Existing"]
    assert store.thoughts() == []


def _repeated_calendar_ids() -> m.CaseloadData:
    data = _sample_data()
    data.appointments.append(m.Appointment(client_id=1, starts_at=datetime(2026, 11, 17, 10),
                                           source="ics", source_uid="uid-1"))
    return data


def test_an_import_with_repeated_calendar_ids_adds_nothing(store):
    with pytest.raises(StoreError):
        store.import_data(_repeated_calendar_ids())
    assert store.client_count() == 0


def test_repeated_calendar_ids_are_explained(store):
    with pytest.raises(Invalid) as caught:
        store.import_data(_repeated_calendar_ids())
    assert "same source and calendar id" in str(caught.value)
    assert "appointments[1]" in str(caught.value)  # named as the file names it
    assert store.client_count() == 0


def test_an_import_clash_names_the_client_as_the_file_does(store):
    add_client(store, "Existing", "P1")
    with pytest.raises(Invalid) as caught:
        store.import_data(_sample_data())
    assert str(caught.value).startswith("clients[1] (code P1):")
