"""Supervision: the plan being prepared, leaving a case out of it, and recording the meeting once held.

The plan is the one planned meeting (see supervision.current_plan): made the first time
a case is chosen or a question written, and turned into the meeting held when that is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..model import Setting, SupervisionItem, SupervisionMeeting
from ..store import Conflict, Store
from ..supervision import current_plan, to_bring

_EVERYTHING = 100_000  # every thought of the meeting's cases, not the store's default page


PLAN_CHANGED = ("The supervision being prepared was changed in another window since this one read it, so "
                "this change was not saved. What is saved now is shown.")


def save_plan(store: Store, items: list[SupervisionItem], today: date, *, read: int | None) -> SupervisionMeeting:
    """Keep the cases chosen for supervision, with their questions, as the plan (made today the first time).

    `read` is the plan's version as this window read it (None: there was no plan then). A plan
    changed, made or recorded in another window since is refused (Conflict), never written over.
    """
    with store.transaction():
        return _save_plan(store, items, today, read)


def leave_out_case(store: Store, client_id: int, items: list[SupervisionItem], today: date, *,
                   read: int | None) -> bool:
    """Leave a case out of the supervision being prepared: no longer flagged, and the plan kept as `items`.

    Returns whether the case was flagged (and so is no longer). One transaction: if the plan
    cannot be saved (or changed in another window since `read`), the flag stays as it was.
    """
    with store.transaction():
        unflagged = _unflag(store, client_id)
        _save_plan(store, items, today, read)
    return unflagged


def plan_as_read(store: Store, read: int | None) -> SupervisionMeeting | None:
    """The plan being prepared, if it is still the one read at version `read` (None: no plan was read).

    Conflict if another window made, changed or recorded it since.
    """
    plan = current_plan(store.meetings())
    if (plan.version if plan is not None else None) != read:
        raise Conflict(PLAN_CHANGED)
    return plan


def record_meeting(store: Store, held_on: date, notes: str, items: list[SupervisionItem], *,
                   unflag: bool, read: int | None, log: MeetingLog | None = None) -> SupervisionMeeting:
    """Record the supervision once held (its date, notes, and each case's question and advice).

    The plan being prepared becomes this meeting (one is made if there was no plan); with
    `unflag`, its cases are no longer flagged for supervision. `read`: as in save_plan (a plan
    changed in another window since is refused, so its questions are not lost). What the brief brought for its
    cases (the thoughts still with me or flagged, written by that day) is marked brought to it,
    as are my practice thoughts flagged to bring. All in one transaction.
    """
    log = log or MeetingLog()
    with store.transaction():
        meeting = SupervisionMeeting(held_on=held_on, notes=notes, items=items, planned=False,
                                     supervisor=log.supervisor, minutes=log.minutes, setting=log.setting)
        plan = plan_as_read(store, read)
        if plan is None:
            saved = store.add_meeting(meeting)
        else:
            meeting.id, meeting.version = plan.id, plan.version
            saved = store.save_meeting(meeting)
        if unflag:
            for item in items:
                _unflag(store, item.client_id)
        if saved.id is not None:  # always, once saved
            store.mark_brought(_brought(store, held_on, [i.client_id for i in items]), saved.id)
    return saved


@dataclass(frozen=True)
class MeetingLog:
    """What the supervision log keeps of a meeting besides its cases: who, how long, one to one or a group."""

    supervisor: str = ""
    minutes: int = 0
    setting: Setting = Setting.INDIVIDUAL


def edit_meeting(store: Store, meeting: SupervisionMeeting) -> SupervisionMeeting:
    """Correct a supervision already recorded: its date, notes, supervisor, length, setting and cases
    (refused if it was saved in another window since `meeting` was read: its version)."""
    with store.transaction():
        return store.save_meeting(meeting)


def _brought(store: Store, held_on: date, client_ids: list[int]) -> list[int]:
    """The thoughts a supervision on `held_on` brought: for its cases, every one still to bring written
    by then; about my practice, those flagged to bring."""
    cases = store.thoughts(list(dict.fromkeys(client_ids)), limit=_EVERYTHING)
    practice = [t for t in store.flagged_thoughts() if t.client_id is None]
    return [t.id for t in cases + practice
            if t.id is not None and to_bring(t) and t.written_at.date() <= held_on]


def _save_plan(store: Store, items: list[SupervisionItem], today: date, read: int | None) -> SupervisionMeeting:
    plan = plan_as_read(store, read)
    if plan is None:
        return store.add_meeting(SupervisionMeeting(held_on=today, items=items, planned=True))
    plan.items = items
    return store.save_meeting(plan)


def _unflag(store: Store, client_id: int) -> bool:
    """Clear a client's flag for supervision if it is set; returns whether it was."""
    if not store.client(client_id).bring_to_supervision:
        return False
    store.set_flag(client_id, False)
    return True
