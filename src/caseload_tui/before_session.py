"""Before the session: what I meant to say, ask and try, for each client due today (or one client).

Pure functions over a Store handed in, each given `now`; nothing here knows about the screen.
A card holds, for one client: the things to tell them I remembered (with their cues), their
open questions, the last supervision's advice not yet tried, open safety concerns, dates that
matter coming up in the next two weeks, and one line of context (when they last came, and the
first thing written after it). `caseload today` prints the cards; the before-the-session screen
shows them (tui/screens/before_session.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from . import rules
from .day_review import day_sessions
from .model import ADVICE_HEADING, TELL_HEADING, Client, DateThatMatters, Question, Thought
from .supervision import FollowThrough, last_advice

if TYPE_CHECKING:
    from .store import Store


@dataclass
class Card:
    client: Client
    starts_at: datetime | None  # the session today (None: a card asked for without one)
    booked: bool  # False: only expected from their schedule
    to_tell: list[Thought]  # still to tell them, oldest first
    open_questions: list[Question]  # oldest first
    advice: FollowThrough | None  # the last supervision's advice about them, not yet tried
    concerns: list[Thought | Question]  # open safety concerns, most recently marked first
    dates: list[tuple[date, DateThatMatters]]  # coming up, soonest first
    last_came: datetime | None
    after_last: Thought | None  # the first thought about them written after they last came

    @property
    def empty(self) -> bool:
        """Nothing to bring in: nothing to tell, ask, try, watch for or remember."""
        return not (self.to_tell or self.open_questions or self.advice or self.concerns or self.dates)


def client_card(store: Store, client_id: int, now: datetime, starts_at: datetime | None = None,
                booked: bool = True) -> Card:
    """One client's card, for the moment before they walk in."""
    record = store.record(client_id, now)
    thoughts = store.thoughts([client_id])
    last_came = record.last_attended
    concerns = store.open_concerns([client_id])
    # The context line: the first thought written after they last came, unless the card shows it anyway.
    after = [t for t in thoughts if last_came is not None and last_came <= t.written_at <= now
             and not t.still_to_tell and not (t.safety is not None and t.safety.open)]
    follow = last_advice(store.meetings(), client_id)
    return Card(
        client=record.client, starts_at=starts_at, booked=booked,
        to_tell=sorted((t for t in thoughts if t.still_to_tell), key=lambda t: (t.written_at, t.id or 0)),
        open_questions=sorted(store.questions([client_id], open_only=True), key=lambda q: (q.asked_at, q.id or 0)),
        advice=follow if follow is not None and follow.item.still_to_try else None,
        concerns=concerns,
        dates=rules.coming_up(store.dates([client_id]), now.date()),
        last_came=last_came,
        after_last=after[-1] if after else None,  # thoughts come newest first: the last is the first written
    )


def day_cards(store: Store, now: datetime, hours: int | None = None) -> list[Card]:
    """A card for each client due today (booked, or expected from their schedule), in order of time.

    With `hours`, only the sessions from now to that many hours ahead. A client with two sessions
    today has a card for each.
    """
    sessions = day_sessions(store, now).today
    if hours is not None:
        sessions = [s for s in sessions if now <= s.starts_at <= now + timedelta(hours=hours)]
    return [client_card(store, s.client.id, now, s.starts_at, s.booked) for s in sessions if s.client.id is not None]


def last_came_words(card: Card, now: datetime) -> str:
    """'last came 7 days ago', or 'not seen yet'."""
    return f"last came {rules.ago(card.last_came, now)}" if card.last_came else "not seen yet"


# ---------------------------------------------------------------- `caseload today`: text and JSON

Shown = Callable[[str, bool], str]  # user text as it may be printed (redacted, or a concern's words hidden)


def _iso(value: date | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def who(client: Client, redact: bool) -> str:
    return client.code if redact else f"{client.name} ({client.code})"


def when_words(card: Card) -> str:
    if card.starts_at is None:
        return "     "
    return card.starts_at.strftime("%H:%M") + ("" if card.booked else " (expected, not booked)")


def card_lines(card: Card, now: datetime, shown: Shown, redact: bool) -> list[str]:
    """The card as lines of plain text (user text through `shown`; the caller prints it safely)."""
    today = now.date()
    context = last_came_words(card, now)
    if card.after_last is not None:
        context += f"; after it I wrote ({card.after_last.kind.label}): " + shown(card.after_last.body, False)
    lines = [f"{when_words(card)}  {who(card.client, redact)}", f"   {context}"]
    for note in card.concerns:
        mark = note.safety
        words = mark.words if mark is not None else ""
        lines.append(f"   ⚠ {words[:1].upper()}{words[1:]} — {shown(note.body, True)}")
    if card.to_tell:
        lines.append(f"   {TELL_HEADING}:")
        for thought in card.to_tell:
            cue = f"  (cue: {shown(thought.cue, False)})" if thought.cue.strip() else ""
            lines.append(f"     ✉ {shown(thought.body, False)}{cue}")
    if card.open_questions:
        lines.append("   Open questions:")
        lines += [f"     ? {shown(q.body, False)}" for q in card.open_questions]
    if card.advice is not None:
        lines.append(f"   {ADVICE_HEADING} ({card.advice.held_on.strftime('%-d %b')}): "
                     f"{shown(card.advice.item.advice, False)}")
    for day, when in card.dates:
        lines.append(f"   ◷ {day.strftime('%a %-d %b')} ({rules.in_days(day, today)}): {shown(when.note, False)}")
    if card.empty:
        lines.append("   Nothing written to bring in.")
    return lines


def card_document(card: Card, now: datetime, shown: Shown, redact: bool) -> dict[str, object]:
    """The card as JSON-ready data (user text through `shown`)."""
    client = card.client
    return {
        "name": client.code if redact else client.name, "code": client.code,
        "starts_at": _iso(card.starts_at), "booked": card.booked,
        "last_came": _iso(card.last_came),
        "after_last": None if card.after_last is None else {
            "written_at": _iso(card.after_last.written_at), "kind": card.after_last.kind.value,
            "body": shown(card.after_last.body, False)},
        "safety_concerns": [{"concern": n.safety.concern.value if n.safety else None,
                             "marked_at": _iso(n.safety.marked_at) if n.safety else None,
                             "about": "thought" if isinstance(n, Thought) else "question",
                             "body": shown(n.body, True)} for n in card.concerns],
        "tell_them": [{"written_at": _iso(t.written_at), "body": shown(t.body, False), "cue": shown(t.cue, False)}
                      for t in card.to_tell],
        "open_questions": [{"asked_at": _iso(q.asked_at), "body": shown(q.body, False)} for q in card.open_questions],
        "advice_to_try": None if card.advice is None else {
            "supervision_on": _iso(card.advice.held_on), "advice": shown(card.advice.item.advice, False),
            "tried": card.advice.item.advice_tried.value if card.advice.item.advice_tried else None},
        "dates_coming_up": [{"on": _iso(day), "note": shown(when.note, False), "yearly": when.yearly,
                             "mine": when.client_id is None} for day, when in card.dates],
    }
