"""A stale edit, resolved as the clinician chose once both versions were shown side by side (issue 11).

Each save here is against the version saved now (theirs), so it is refused again (Conflict) if
the other window saves once more in between: nothing is ever written over unseen.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TypeVar

from ..model import Client, Encounter, EndedBy, EndingHow, Episode, Question, Reflection, SupervisionItem, Thought
from ..model import SupervisionMeeting as Meeting
from ..store import Conflict, Invalid, Store
from .supervision import plan_as_read

ENDING_CHANGED = ("This case was changed in another window again while both versions were shown, so nothing "
                  "was saved. What is saved now is shown.")
Kept = TypeVar("Kept", Thought, Question, Episode, Client, Encounter)


def keep_mine(store: Store, mine: Kept, theirs: Kept) -> Kept:
    """Mine saved over theirs, knowingly: my record at the version now saved."""
    again = replace(mine, id=theirs.id, version=theirs.version)
    saved: object
    if isinstance(again, Thought):
        saved = store.update_thought(again)
    elif isinstance(again, Question):
        saved = store.update_question(again)
    elif isinstance(again, Episode):
        saved = store.save_ending(again)
    elif isinstance(again, Client):
        saved = store.update_client(again)
    else:
        saved = store.update_encounter(again)
    assert isinstance(saved, type(mine))
    return saved


def save_as_new(store: Store, mine: Thought | Question, now: datetime) -> Thought | Question:
    """Theirs stays as saved; mine is saved beside it as a new note, written now."""
    if isinstance(mine, Thought):
        return store.add_thought(replace(mine, id=None, version=1, written_at=now))
    return store.add_question(replace(mine, id=None, version=1, asked_at=now))


def keep_my_ending(store: Store, client_id: int, ended_on: date, ended_by: EndedBy, how: EndingHow,
                   reflection: Reflection, now: datetime, *, close_questions: bool, read: tuple[int, int]) -> Client:
    """My ending kept over what another window saved meanwhile, in one transaction.

    `read` is (the client's version, their last episode's) as shown beside mine: changed again since,
    it is refused (Conflict). If the work was ended there, my date, who ended it, how and reflection
    replace theirs on that ending; if the client was only changed there, the work ends as I wrote it.
    """
    with store.transaction():
        theirs, episode = store.client(client_id), store.episodes(client_id)[-1]
        if (theirs.version, episode.version) != read:
            raise Conflict(ENDING_CHANGED)
        if theirs.ended_on is None:
            return store.end_work(client_id, ended_on, ended_by, how, reflection, close_questions, now,
                                  version=theirs.version)
        if ended_on < episode.started_on:
            raise Invalid(f"This period of work began on {episode.started_on:%-d %b %Y}; "
                          "the ending cannot come before it.")
        store.save_ending(replace(episode, ended_by=ended_by, how=how, reflection=reflection))
        if ended_on != theirs.ended_on:
            store.update_client(replace(theirs, ended_on=ended_on))
        return store.client(client_id)


def keep_my_question(store: Store, item: SupervisionItem, today: date, *, read: int | None) -> Meeting:
    """My question (and its structure) for one case put into the plan as saved now (version `read`);
    every other case the other window chose or wrote is kept as it is."""
    with store.transaction():
        plan = plan_as_read(store, read)
        if plan is None:
            return store.add_meeting(Meeting(held_on=today, items=[item], planned=True))
        mine = replace(item, meeting_id=plan.id, id=None)
        cases = [i.client_id for i in plan.items]
        plan.items = ([mine if i.client_id == item.client_id else i for i in plan.items]
                      if item.client_id in cases else [*plan.items, mine])
        return store.save_meeting(plan)
