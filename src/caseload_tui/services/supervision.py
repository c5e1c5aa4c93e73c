"""Supervision: the plan being prepared, leaving a case out of it, and recording the meeting once held.

The plan is the one planned meeting (see supervision.current_plan): made the first time
a case is chosen or a question written, and turned into the meeting held when that is recorded.
"""

from __future__ import annotations

from datetime import date

from ..model import SupervisionItem, SupervisionMeeting
from ..store import Store
from ..supervision import current_plan


def save_plan(store: Store, items: list[SupervisionItem], today: date) -> SupervisionMeeting:
    """Keep the cases chosen for supervision, with their questions, as the plan (made today the first time)."""
    with store.transaction():
        return _save_plan(store, items, today)


def leave_out_case(store: Store, client_id: int, items: list[SupervisionItem], today: date) -> bool:
    """Leave a case out of the supervision being prepared: no longer flagged, and the plan kept as `items`.

    Returns whether the case was flagged (and so is no longer). One transaction: if the plan
    cannot be saved, the flag stays as it was.
    """
    with store.transaction():
        unflagged = _unflag(store, client_id)
        _save_plan(store, items, today)
    return unflagged


def record_meeting(store: Store, held_on: date, notes: str, items: list[SupervisionItem], *,
                   unflag: bool) -> SupervisionMeeting:
    """Record the supervision once held (its date, notes, and each case's question and advice).

    The plan being prepared becomes this meeting (one is made if there was no plan); with
    `unflag`, its cases are no longer flagged for supervision. All in one transaction.
    """
    with store.transaction():
        meeting = SupervisionMeeting(held_on=held_on, notes=notes, items=items, planned=False)
        plan = current_plan(store.meetings())
        if plan is None:
            saved = store.add_meeting(meeting)
        else:
            meeting.id = plan.id
            saved = store.save_meeting(meeting)
        if unflag:
            for item in items:
                _unflag(store, item.client_id)
    return saved


def _save_plan(store: Store, items: list[SupervisionItem], today: date) -> SupervisionMeeting:
    plan = current_plan(store.meetings())
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
