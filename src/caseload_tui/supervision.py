"""Preparing for supervision: the window, the cases to bring and the material for each.

Pure over a Store passed in, with `now` (or `today`) passed in: nothing here
reads the clock, and nothing imports textual or rich. The supervision screen
and `caseload brief` both ask this module what to show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
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
from .rules import DateError, days_ago, place, summarise

if TYPE_CHECKING:
    from .store import Store

# A case with this many thoughts still lingering is worth bringing.
SEVERAL_LINGERING = 3
# Before any supervision has been recorded, the window reaches back this far.
FIRST_WINDOW_WEEKS = 6
# The clinician's own responses and blind spots.
# Reactions first: they are what supervision most asks about.
OWN_RESPONSE_KINDS = tuple(sorted((kind for kind in ThoughtKind if kind.words.own_response),
                                  key=lambda kind: kind is not ThoughtKind.REACTION))

_EVERYTHING = 100_000  # read every thought in the window, not the store's default page


# ---------------------------------------------------------------- the window


@dataclass
class Window:
    """The time a supervision covers: from `start` (that day included) to today."""

    start: date
    today: date
    last_meeting: SupervisionMeeting | None  # the last one held, whether or not it set the start
    typed: bool = False  # the start was typed, not taken from the last meeting

    @property
    def start_moment(self) -> datetime:
        return datetime.combine(self.start, time())

    def contains(self, when: datetime | date) -> bool:
        day = when.date() if isinstance(when, datetime) else when
        return self.start <= day <= self.today

    def describe(self) -> str:
        """In a sentence: 'Since the last supervision, on Thu 29 Oct 2026 (4 weeks ago).'"""
        span = _span(self.start, self.today)
        if self.typed:
            return f"Since {long_day(self.start)} ({span})."
        if self.last_meeting is not None:
            return f"Since the last supervision, on {long_day(self.start)} ({span})."
        return (f"The last {FIRST_WINDOW_WEEKS} weeks, since {long_day(self.start)}: "
                "no supervision has been recorded yet.")

    def since_words(self) -> str:
        """How reasons and headings refer to the window: 'since 29 Oct'."""
        return f"since {short_day(self.start, self.today)}"


def last_held(meetings: list[SupervisionMeeting]) -> SupervisionMeeting | None:
    """The most recent meeting that was held (not one only planned)."""
    held = [m for m in meetings if not m.planned]
    return max(held, key=lambda m: (m.held_on, m.id or 0)) if held else None


def current_plan(meetings: list[SupervisionMeeting]) -> SupervisionMeeting | None:
    """The supervision being prepared, if one has been started."""
    planned = [m for m in meetings if m.planned]
    return max(planned, key=lambda m: (m.held_on, m.id or 0)) if planned else None


def make_window(meetings: list[SupervisionMeeting], today: date, since: date | None = None) -> Window:
    """Since the last supervision held (that day included), or since a typed day."""
    last = last_held(meetings)
    if since is not None:
        if since > today:
            raise DateError("The start of the time to cover cannot be after today.")
        return Window(start=since, today=today, last_meeting=last, typed=True)
    if last is not None:
        return Window(start=min(last.held_on, today), today=today, last_meeting=last)
    return Window(start=today - relativedelta(weeks=FIRST_WINDOW_WEEKS), today=today, last_meeting=None)


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
    found = []
    for record in records:
        client_id = record.client.id
        if client_id is None:
            continue  # not saved: the store gives none such
        placement = place(record, now, thresholds)
        reasons = _reasons(record, placement, window, [t for t in in_window if t.client_id == client_id],
                           last_advice(meetings, client_id))
        if reasons:
            found.append(Candidate(record, placement, [text for text, _ in reasons],
                                   record.client.bring_to_supervision, [tag for _, tag in reasons]))
    found.sort(key=lambda c: (not c.flagged, -len(c.reasons) if not c.flagged else 0,
                              c.client.name.lower(), c.client.id or 0))
    return found


def reasons_for(record: ClientRecord, placement: Placement, window: Window, thoughts_in_window: list[Thought],
                advice: FollowThrough | None = None) -> list[str]:
    """Why this case might go to supervision, in sentences; empty if nothing suggests it."""
    return [text for text, _ in _reasons(record, placement, window, thoughts_in_window, advice)]


def _reasons(record: ClientRecord, placement: Placement, window: Window, thoughts_in_window: list[Thought],
             advice: FollowThrough | None) -> list[tuple[str, str]]:
    """Each reason as (a sentence, a few words for a list)."""
    client = record.client
    reasons = []
    if client.bring_to_supervision:
        reasons.append(("Flagged to bring to supervision.", "flagged"))
    if placement.group is Group.ABSENTEES:
        reasons.append((f"An absentee: {_lower_first(placement.reason)}", "absentee"))
    if record.lingering_thoughts >= SEVERAL_LINGERING:
        reasons.append((f"{record.lingering_thoughts} thoughts still with me.",
                        f"{record.lingering_thoughts} still with me"))
    own = [t for t in thoughts_in_window if t.kind in OWN_RESPONSE_KINDS]
    if own:
        reasons.append((f"My own responses and blind spots: {_count_kinds(own, ' and ')} {window.since_words()}.",
                        _count_kinds(own, ", ")))
    if client.ended_on is not None and window.contains(client.ended_on):
        kind = f" ({client.ending_kind.label})" if client.ending_kind else ""
        since = "since the last supervision" if window.last_meeting and not window.typed else window.since_words()
        ended = short_day(client.ended_on, window.today)
        reasons.append((f"Work ended on {ended}{kind}, {since}.", f"ended {ended}"))
    if advice is not None and not advice.item.outcome.strip():
        reasons.append((f"Advice from the supervision on {short_day(advice.held_on, window.today)} "
                        "to follow through.", "advice to follow through"))
    return reasons


def _count_kinds(thoughts: list[Thought], joiner: str) -> str:
    parts = []
    for kind in OWN_RESPONSE_KINDS:
        n = sum(1 for t in thoughts if t.kind is kind)
        if n:
            parts.append(f"1 {kind.label}" if n == 1 else f"{n} {kind.label}s")
    return joiner.join(parts)


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def chosen_for_brief(store: Store, now: datetime, window: Window,
                     thresholds: Thresholds = Thresholds()) -> list[int]:
    """What `caseload brief` covers: the flagged cases, then any others in the plan being prepared."""
    flagged = [c.client.id for c in candidates(store, now, window, thresholds)
               if c.flagged and c.client.id is not None]
    plan = current_plan(store.meetings())
    planned = [item.client_id for item in plan.items] if plan else []
    return list(dict.fromkeys(flagged + planned))


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
    thoughts: list[Thought]  # still lingering, written in the window, oldest first
    open_questions: list[Question]  # oldest first
    advice: FollowThrough | None
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
    window_thoughts = [t for t in store.thoughts([client_id], since=window.start_moment, limit=_EVERYTHING)
                       if t.written_at <= now]
    lingering = sorted((t for t in window_thoughts if t.lingering), key=lambda t: (t.written_at, t.id or 0))
    advice = last_advice(meetings, client_id)
    plan = current_plan(meetings)
    question = next((i.question for i in plan.items if i.client_id == client_id), "") if plan else ""
    open_questions = sorted(store.questions([client_id], open_only=True, limit=_EVERYTHING),
                            key=lambda q: (q.asked_at, q.id or 0))
    return CaseMaterial(
        record=record,
        placement=placement,
        summary=summarise(record, now, thresholds),
        reasons=reasons_for(record, placement, window, window_thoughts, advice) or ["Chosen for this supervision."],
        question=question,
        thoughts=lingering,
        open_questions=open_questions,
        advice=advice,
        misses=store.recent_misses(client_id, now, now - relativedelta(weeks=thresholds.window_weeks))
        if record.client.active else [],
    )


@dataclass
class Preparation:
    """A whole supervision's material, in the order the cases will be brought."""

    window: Window
    now: datetime
    cases: list[CaseMaterial]
    practice_thoughts: list[Thought] = field(default_factory=list)  # lingering, in the window
    practice_questions: list[Question] = field(default_factory=list)  # open
    clients: list[Client] = field(default_factory=list)  # the whole caseload, for redaction


def prepare(store: Store, now: datetime, client_ids: list[int], since: date | None = None,
            thresholds: Thresholds = Thresholds()) -> Preparation:
    """The material for the chosen cases (in the order given), and for my own practice."""
    meetings = store.meetings()
    window = make_window(meetings, now.date(), since)
    cases = [material(store, cid, now, window, thresholds, meetings) for cid in dict.fromkeys(client_ids)]
    practice = [t for t in store.practice_thoughts(limit=_EVERYTHING)
                if t.lingering and window.contains(t.written_at) and t.written_at <= now]
    practice.sort(key=lambda t: (t.written_at, t.id or 0))
    questions = [q for q in store.questions(None, open_only=True, limit=_EVERYTHING) if q.client_id is None]
    questions.sort(key=lambda q: (q.asked_at, q.id or 0))
    return Preparation(window=window, now=now, cases=cases, practice_thoughts=practice,
                       practice_questions=questions, clients=store.clients())


# ---------------------------------------------------------------- in words


def attendance_words(case: CaseMaterial, now: datetime) -> str:
    """Where the client stands and how the sessions went, in two or three plain sentences."""
    client = case.client
    if client.ended_on is not None:
        return case.placement.reason
    words = f"{case.placement.group.singular.capitalize()}. {case.placement.reason}"
    if case.summary.next_expected is not None:
        when = case.summary.next_expected
        words += f" Next session expected {short_day(when.date(), now.date(), weekday=True)} {when:%H:%M}."
    recent = [status.label for status in case.summary.strip if status is not None]
    if len(recent) == 1:
        words += f" The last session: {recent[0]}."
    elif recent:
        words += f" The last {len(recent)} sessions, oldest first: {', '.join(recent)}."
    return words


def long_day(day: date) -> str:
    """'Thu 29 Oct 2026'."""
    return day.strftime("%a %-d %b %Y")


def short_day(day: date, today: date, weekday: bool = False) -> str:
    """'29 Oct' this year, '29 Oct 2025' another; with weekday=True, 'Thu 29 Oct'."""
    text = day.strftime("%a %-d %b" if weekday else "%-d %b")
    return text if day.year == today.year else f"{text} {day.year}"


def _span(start: date, today: date) -> str:
    return days_ago((today - start).days, years=False)
