"""How each form that edits a versioned record settles a stale edit (modals/stale_edit.py).

Each builder gives a form's `stale`: how to read theirs as saved now and lay it beside mine, and
the savers for Keep mine (against the version shown, so a further change is shown again, never
written over) and, for a note, Save mine as a new note. Keep theirs lets mine go and redraws.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from textual.content import Content

from ... import supervision as sv
from ...model import Client, Episode, Question, SupervisionItem, Thought
from ...services import versions
from ...store import NotFound, Store
from ..modals.stale_edit import Part, StaleHandling
from ..modals.stale_parts import bring_parts, client_parts, ending_parts, question_parts, thought_parts

if TYPE_CHECKING:  # the forms are loaded when first opened (startup), not with the screens
    from ..modals.endings import EndingInput
    from ..modals.forms import ClientInput, ThoughtInput
    from ..modals.supervision_forms import BringInput

Record = TypeVar("Record", Thought, Question, Client, Episode)
Result = TypeVar("Result")


def edited_thought(thought: Thought, result: ThoughtInput) -> Thought:
    """The thought as the form says it should be (its id and version as read)."""
    return replace(thought, body=result.body, kind=result.kind, whose=result.whose, feelings=result.feelings,
                   lingering=result.lingering, tell_client=result.tell_client, bring_to_supervision=result.bring)


def stale_record(read: Callable[[], Record], mine: Callable[[Result], Record],
                 parts: Callable[[Record, Record], list[Part]], what: Content, kept_theirs: Callable[[], None], *,
                 keep: Callable[[Record, Record], object], as_new: Callable[[Record], object] | None = None,
                 kept: Callable[[], None] | None = None) -> StaleHandling[Result]:
    """A record edited in a form: `read` gives theirs as saved now, `mine` the record the form's result
    makes; `keep` saves mine over theirs as shown; `as_new` (a note's) saves mine beside it; `kept`
    tells the opener mine was saved either way."""
    seen: list[Record] = []  # theirs, as shown side by side (none: deleted there)

    def compare(result: Result) -> tuple[list[Part], bool]:
        try:
            theirs: Record | None = read()
        except NotFound:
            theirs = None
        seen[:] = [theirs] if theirs is not None else []
        made = mine(result)
        return parts(theirs if theirs is not None else made, made), theirs is None

    def keep_mine(result: Result) -> None:
        keep(mine(result), seen[-1])
        if kept is not None:
            kept()

    def save_new(result: Result) -> None:
        assert as_new is not None
        as_new(mine(result))
        if kept is not None:
            kept()

    return StaleHandling(what, compare, keep_mine, kept_theirs, save_as_new=save_new if as_new else None)


def stale_thought(store: Store, thought: Thought, what: Content, now: datetime,
                  kept_theirs: Callable[[], None]) -> StaleHandling[ThoughtInput]:
    return stale_record(lambda: store.thought(thought.id or 0), lambda result: edited_thought(thought, result),
                        thought_parts, what, kept_theirs,
                        keep=lambda mine, theirs: versions.keep_mine(store, mine, theirs),
                        as_new=lambda mine: versions.save_as_new(store, mine, now))


def stale_question_note(store: Store, question: Question, what: Content, now: datetime,
                        kept_theirs: Callable[[], None]) -> StaleHandling[str]:
    return stale_record(lambda: store.question(question.id or 0), lambda body: replace(question, body=body),
                        question_parts, what, kept_theirs,
                        keep=lambda mine, theirs: versions.keep_mine(store, mine, theirs),
                        as_new=lambda mine: versions.save_as_new(store, mine, now))


def stale_client(store: Store, client: Client, what: Content, kept_theirs: Callable[[], None],
                 kept: Callable[[], None]) -> StaleHandling[ClientInput]:
    """Only what the client form edits is mine: their flag and their ending stay theirs, whichever is kept."""

    def mine(result: ClientInput) -> Client:
        return replace(client, name=result.name, code=result.code, started_on=result.started_on,
                       schedule=result.schedule, themes=result.themes)

    def over(theirs: Client, made: Client) -> Client:
        return replace(theirs, name=made.name, code=made.code, started_on=made.started_on, schedule=made.schedule,
                       themes=made.themes)

    return stale_record(lambda: store.client(client.id or 0), mine,
                        lambda theirs, made: client_parts(theirs, over(theirs, made)), what, kept_theirs,
                        keep=lambda made, theirs: versions.keep_mine(store, over(theirs, made), theirs), kept=kept)


def stale_reflection(store: Store, episode: Episode, what: Content,
                     kept_theirs: Callable[[], None]) -> StaleHandling[Episode]:
    return stale_record(lambda: store.episode(episode.id or 0), lambda result: result, ending_parts, what,
                        kept_theirs, keep=lambda mine, theirs: versions.keep_mine(store, mine, theirs))


def stale_ending(store: Store, client: Client, what: Content, now: datetime,
                 kept_theirs: Callable[[], None]) -> StaleHandling[EndingInput]:
    """A graduation: the case as the other window left it (ended there, or changed) beside my ending."""
    client_id = client.id or 0
    seen: list[tuple[int, int]] = []  # the client's and their last episode's versions, as shown

    def compare(result: EndingInput) -> tuple[list[Part], bool]:
        theirs_client, theirs = store.client(client_id), store.episodes(client_id)[-1]
        seen[:] = [(theirs_client.version, theirs.version)]
        mine = Episode(started_on=theirs.started_on, ended_on=result.ended_on, ended_by=result.ended_by,
                       how=result.how, reflection=result.reflection)
        return ending_parts(theirs, mine), False

    def keep_mine(result: EndingInput) -> None:
        versions.keep_my_ending(store, client_id, result.ended_on, result.ended_by, result.how, result.reflection,
                                now, close_questions=result.close_questions, read=seen[-1])

    return StaleHandling(what, compare, keep_mine, kept_theirs)


def stale_question(store: Store, client_id: int, what: Content, today_of: Callable[[], datetime],
                   kept: Callable[[], None], kept_theirs: Callable[[], None]) -> StaleHandling[BringInput]:
    """A question to bring, refused because another window saved the plan: theirs for this case beside mine.

    Keep mine puts mine into their plan for this case only; every other case they chose or wrote stays.
    """
    seen: list[int | None] = []  # the plan's version as shown

    def mine(result: BringInput) -> SupervisionItem:
        return SupervisionItem(client_id=client_id, question=result.question, tried=result.tried,
                               between_us=result.between_us, need=result.need)

    def compare(result: BringInput) -> tuple[list[Part], bool]:
        plan = sv.current_plan(store.meetings())
        seen[:] = [plan.version if plan else None]
        theirs = next((i for i in plan.items if i.client_id == client_id), None) if plan else None
        return bring_parts(theirs, mine(result)), False

    def keep_mine(result: BringInput) -> None:
        versions.keep_my_question(store, mine(result), today_of().date(), read=seen[-1])
        kept()

    return StaleHandling(what, compare, keep_mine, kept_theirs)
