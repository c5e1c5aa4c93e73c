"""Preparing for supervision: the window, the cases to bring and the material for each.

Pure over a Store passed in, with `now` (or `today`) passed in: nothing here
reads the clock, and nothing imports textual or rich. The supervision screen
and `caseload brief` both ask this module what to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from .config import Thresholds
from .model import (
    Appointment,
    AttendanceSummary,
    Client,
    ClientRecord,
    Group,
    Placement,
    Question,
    SupervisionItem,
    SupervisionMeeting,
    Thought,
    ThoughtKind,
)
from .model.counting import numbered
from .rules import place, summarise
from .supervision_window import (
    FIRST_WINDOW_WEEKS,
    Window,
    current_plan,
    last_held,
    long_day,
    make_window,
    month_words,
    short_day,
)

if TYPE_CHECKING:
    from .store import Store

__all__ = [  # the window's names too, so the screens and the brief ask this one module
    "FIRST_WINDOW_WEEKS", "Candidate", "CaseMaterial", "FollowThrough", "Preparation", "SafetyItem", "Window",
    "candidates", "chosen_for_brief", "current_plan", "last_advice", "last_held", "long_day", "make_window",
    "material", "month_words", "prepare", "reasons_for", "safety_items", "short_day", "still_with_me", "to_bring",
]

# A case with this many thoughts still lingering is worth bringing.
SEVERAL_LINGERING = 3
# The clinician's own responses and blind spots.
# Reactions first: they are what supervision most asks about.
OWN_RESPONSE_KINDS = tuple(sorted((kind for kind in ThoughtKind if kind.words.own_response),
                                  key=lambda kind: kind is not ThoughtKind.REACTION))

_EVERYTHING = 100_000  # read every thought in the window, not the store's default page


# ---------------------------------------------------------------- which cases to bring


@dataclass
class Candidate:
    """A case that could go to supervision, and why, in plain sentences."""

    record: ClientRecord
    placement: Placement
    reasons: list[str]
    flagged: bool
    tags: list[str] = field(default_factory=list)  # the reasons in a few words each, for a list

    @property
    def client(self) -> Client:
        return self.record.client


def candidates(store: Store, now: datetime, window: Window,
               thresholds: Thresholds = Thresholds()) -> list[Candidate]:
    """The flagged cases first, then the suggested ones (most reasons first), each with its reasons."""
    records = store.records(now)
    meetings = store.meetings()
    in_window = [t for t in store.thoughts(since=window.start_moment, limit=_EVERYTHING)
                 if t.written_at <= now and t.client_id is not None]
    concerns: dict[int | None, list[str]] = {}
    for note in store.open_concerns():
        if note.safety is not None:
            concerns.setdefault(note.client_id, []).append(note.safety.concern.label)
    seen = {t.id for t in in_window}
    in_window += [t for t in store.flagged_thoughts() if t.id not in seen and t.written_at <= now]
    found = []
    for record in records:
        client_id = record.client.id
        if client_id is None:
            continue  # not saved: the store gives none such
        placement = place(record, now, thresholds)
        reasons = _reasons(record, placement, window, [t for t in in_window if t.client_id == client_id],
                           last_advice(meetings, client_id), concerns.get(client_id, []))
        if reasons:
            found.append(Candidate(record, placement, [text for text, _ in reasons],
                                   record.client.bring_to_supervision, [tag for _, tag in reasons]))
    found.sort(key=lambda c: (not c.flagged, -len(c.reasons) if not c.flagged else 0,
                              c.client.name.lower(), c.client.id or 0))
    return found


# A case's reason when nothing else calls for it: chosen in the plan, or (after a meeting, when no
# plan holds it) not chosen, with nothing in particular to bring.
CHOSEN_ONLY = "Chosen for this supervision."
NOTHING_CALLS = "Nothing in particular calls for it since the last supervision; choose it if it is on your mind."


def reasons_for(record: ClientRecord, placement: Placement, window: Window, thoughts_in_window: list[Thought],
                advice: FollowThrough | None = None, concerns: list[str] | None = None) -> list[str]:
    """Why this case might go to supervision, in sentences; empty if nothing suggests it.

    `thoughts_in_window` are the client's thoughts written in the window, and any flagged to bring."""
    return [text for text, _ in _reasons(record, placement, window, thoughts_in_window, advice, concerns or [])]


def _reasons(record: ClientRecord, placement: Placement, window: Window, thoughts_in_window: list[Thought],
             advice: FollowThrough | None, concerns: list[str]) -> list[tuple[str, str]]:
    """Each reason as (a sentence, a few words for a list); an open safety concern first."""
    client = record.client
    reasons = []
    if concerns:
        words = ", ".join(dict.fromkeys(concerns))
        reasons.append((f"A safety concern still open: {words}.", f"safety: {words}"))
    if client.bring_to_supervision:
        reasons.append(("Flagged to bring to supervision.", "flagged"))
    if placement.group is Group.ABSENTEES:
        reasons.append((f"An absentee: {_lower_first(placement.reason)}", "absentee"))
    if record.lingering_thoughts >= SEVERAL_LINGERING:
        reasons.append((f"{numbered(record.lingering_thoughts, 'thought')} still with me.",
                        f"{record.lingering_thoughts} still with me"))
    flagged = [t for t in thoughts_in_window if t.bring_to_supervision and t.brought_to is None]
    if flagged:
        many = _things(len(flagged), "thought")
        reasons.append((f"{many} flagged to bring to supervision.", f"{many} flagged"))
    own = [t for t in thoughts_in_window if t.kind in OWN_RESPONSE_KINDS and window.contains(t.written_at)]
    if own:
        reasons.append((f"My own responses and blind spots: {_count_kinds(own, ' and ')} {window.since_words()}.",
                        _count_kinds(own, ", ")))
    if client.ended_on is not None and window.contains(client.ended_on):
        since = "since the last supervision" if window.last_meeting and not window.typed else window.since_words()
        ended = short_day(client.ended_on, window.today)
        reasons.append((f"Work ended on {ended}, {since}.", f"ended {ended}"))
    if advice is not None and not advice.item.outcome.strip():
        reasons.append((f"Advice from the supervision on {short_day(advice.held_on, window.today)} "
                        "to follow through.", "advice to follow through"))
    return reasons


def _count_kinds(thoughts: list[Thought], joiner: str) -> str:
    parts = []
    for kind in OWN_RESPONSE_KINDS:
        n = sum(1 for t in thoughts if t.kind is kind)
        if n:
            parts.append(numbered(n, kind.label))
    return joiner.join(parts)


def _things(n: int, noun: str) -> str:
    return numbered(n, noun)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def chosen_for_brief(store: Store, now: datetime, window: Window,
                     thresholds: Thresholds = Thresholds()) -> list[int]:
    """What `caseload brief` covers: the flagged cases, any others in the plan being prepared, then cases
    with a thought flagged to bring. (Every open safety concern leads the brief whichever cases it covers.)"""
    flagged = [c.client.id for c in candidates(store, now, window, thresholds)
               if c.flagged and c.client.id is not None]
    plan = current_plan(store.meetings())
    planned = [item.client_id for item in plan.items] if plan else []
    with_thoughts = [t.client_id for t in store.flagged_thoughts() if t.client_id is not None and t.written_at <= now]
    return list(dict.fromkeys(flagged + planned + with_thoughts))


# ---------------------------------------------------------------- what to bring for each case


@dataclass
class FollowThrough:
    """What the supervisor advised about a client last time, and how it went."""

    item: SupervisionItem
    held_on: date


def last_advice(meetings: list[SupervisionMeeting], client_id: int) -> FollowThrough | None:
    """The most recent advice about this client from a meeting that was held."""
    held = sorted((m for m in meetings if not m.planned), key=lambda m: (m.held_on, m.id or 0), reverse=True)
    for meeting in held:
        for item in meeting.items:
            if item.client_id == client_id and (item.advice.strip() or item.outcome.strip()):
                return FollowThrough(item=item, held_on=meeting.held_on)
    return None


@dataclass
class CaseMaterial:
    """Everything to bring about one case."""

    record: ClientRecord
    placement: Placement
    summary: AttendanceSummary
    reasons: list[str]
    question: str  # the question to bring, as written in the plan ('' if not yet)
    thoughts: list[Thought]  # still with me (lingering or flagged), written in the window, not yet brought
    open_questions: list[Question]  # oldest first
    advice: FollowThrough | None
    # Still with me from before the window and never brought to a supervision, oldest first.
    carried: list[Thought] = field(default_factory=list)
    plan_item: SupervisionItem | None = None  # what I wrote for this case in the plan: tried, between us, need
    misses: list[Appointment] = field(default_factory=list)  # the latest, newest first, each with how it came

    @property
    def client(self) -> Client:
        return self.record.client


def material(store: Store, client_id: int, now: datetime, window: Window,
             thresholds: Thresholds = Thresholds(),
             meetings: list[SupervisionMeeting] | None = None) -> CaseMaterial:
    """The material for one case: its question, thoughts, attendance, open questions and last advice."""
    meetings = store.meetings() if meetings is None else meetings
    record = store.record(client_id, now)
    placement = place(record, now, thresholds)
    every = sorted((t for t in store.thoughts([client_id], limit=_EVERYTHING) if t.written_at <= now),
                   key=lambda t: (t.written_at, t.id or 0))
    window_thoughts = [t for t in every if t.written_at >= window.start_moment or t.bring_to_supervision]
    new, carried = still_with_me(every, window)
    advice = last_advice(meetings, client_id)
    plan = current_plan(meetings)
    plan_item = next((i for i in plan.items if i.client_id == client_id), None) if plan else None
    open_questions = sorted(store.questions([client_id], open_only=True, limit=_EVERYTHING),
                            key=lambda q: (q.asked_at, q.id or 0))
    return CaseMaterial(
        record=record,
        placement=placement,
        summary=summarise(record, now, thresholds),
        reasons=reasons_for(record, placement, window, window_thoughts, advice,
                            [n.safety.concern.label for n in store.open_concerns([client_id]) if n.safety])
        or [CHOSEN_ONLY if plan_item else NOTHING_CALLS],
        question=plan_item.question if plan_item else "",
        thoughts=new,
        open_questions=open_questions,
        advice=advice,
        carried=carried,
        plan_item=plan_item,
        misses=store.recent_misses(client_id, now, now - relativedelta(weeks=thresholds.window_weeks))
        if record.client.active else [],
    )


def to_bring(thought: Thought) -> bool:
    """Still with me, or flagged to bring, and not yet brought to a supervision."""
    return (thought.lingering or thought.bring_to_supervision) and thought.brought_to is None


def still_with_me(thoughts: list[Thought], window: Window) -> tuple[list[Thought], list[Thought]]:
    """The thoughts to bring, oldest first: (written in the window, from before it and not yet brought)."""
    new = [t for t in thoughts if to_bring(t) and t.written_at >= window.start_moment]
    carried = [t for t in thoughts if to_bring(t) and t.written_at < window.start_moment]
    return new, carried


@dataclass
class Preparation:
    """A whole supervision's material, in the order the cases will be brought."""

    window: Window
    now: datetime
    cases: list[CaseMaterial]
    practice_thoughts: list[Thought] = field(default_factory=list)  # lingering, in the window
    practice_questions: list[Question] = field(default_factory=list)  # open
    clients: list[Client] = field(default_factory=list)  # the whole caseload, for redaction
    safety: list[SafetyItem] = field(default_factory=list)  # open safety concerns: they lead the agenda


@dataclass
class SafetyItem:
    """A note marked as a safety concern, still open: what the brief's safety section lists."""

    client: Client | None  # None: about my own practice
    concern: str  # the concern in words: "risk to others"
    body: str  # the note, as written
    written_at: datetime


def prepare(store: Store, now: datetime, client_ids: list[int], since: date | None = None,
            thresholds: Thresholds = Thresholds()) -> Preparation:
    """The material for the chosen cases (in the order given), and for my own practice."""
    meetings = store.meetings()
    window = make_window(meetings, now.date(), since)
    cases = [material(store, cid, now, window, thresholds, meetings) for cid in dict.fromkeys(client_ids)]
    practice = [t for t in store.practice_thoughts(limit=_EVERYTHING) if t.written_at <= now and to_bring(t)
                and (window.contains(t.written_at) or t.bring_to_supervision)]
    practice.sort(key=lambda t: (t.written_at, t.id or 0))
    questions = [q for q in store.questions(None, open_only=True, limit=_EVERYTHING) if q.client_id is None]
    questions.sort(key=lambda q: (q.asked_at, q.id or 0))
    clients = store.clients()
    return Preparation(window=window, now=now, cases=cases, practice_thoughts=practice,
                       practice_questions=questions, clients=clients, safety=safety_items(store, clients))


def safety_items(store: Store, clients: list[Client]) -> list[SafetyItem]:
    """Every open safety concern (model/safety.py), oldest first: they lead the agenda."""
    by_id = {c.id: c for c in clients}
    items = []
    for note in store.open_concerns():
        if note.safety is None:
            continue  # open_concerns gives only marked notes
        when = note.written_at if isinstance(note, Thought) else note.asked_at
        items.append(SafetyItem(by_id.get(note.client_id) if note.client_id is not None else None,
                                note.safety.concern.label, note.body, when))
    items.sort(key=lambda i: i.written_at)
    return items
