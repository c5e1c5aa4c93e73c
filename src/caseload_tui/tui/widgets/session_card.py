"""The before-the-session card: what I meant to say, ask and try with one client, read in five seconds.

`card_row` is a client's line in the day's list (when, who, what is waiting); `card_content`
the whole card. Every word a clinician wrote goes through render; a safety concern's words
are hidden in privacy mode, its marker never.
"""

from __future__ import annotations

from datetime import datetime

from textual.content import Content

from ... import model as m
from ...before_session import Card, last_came_words
from ...rules import in_days
from .. import render

_MUTED = "$foreground-muted"


def _when(card: Card) -> str:
    if card.starts_at is None:
        return ""
    return card.starts_at.strftime("%H:%M") + ("" if card.booked else "*")


def _counts(card: Card) -> list[tuple[str, str] | str]:
    parts: list[tuple[str, str] | str] = []
    for glyph, count in ((render.CONCERN_GLYPH, len(card.concerns)), (render.TELL_GLYPH, len(card.to_tell)),
                         (("?", "$text-accent"), len(card.open_questions)),
                         (render.ADVICE_GLYPH, 1 if card.advice else 0), (render.DATE_GLYPH, len(card.dates))):
        if count:
            parts += [(f"{glyph[0]}{count}", glyph[1]), " "]
    return parts


def card_row(card: Card, now: datetime) -> Content:
    """'09:00  Melanie   ⚠1 ✉2 ?1 ☞1 ◷1  last came 2 weeks ago' (a * marks a session only expected)."""
    return render.join((f"{_when(card):<6} ", "bold $text-accent"), render.client_name(card.client, 16, "bold"),
                       "  ", *_counts(card), (last_came_words(card, now), _MUTED))


def card_content(card: Card, now: datetime) -> Content:
    """The whole card: who and when, one line of context, then each kind of thing to bring in."""
    today = now.date()
    when = (f"today {card.starts_at.strftime('%H:%M')}" if card.starts_at and card.starts_at.date() == today
            else render.moment(card.starts_at, today) if card.starts_at else "")
    expected = "" if card.booked or card.starts_at is None else " (expected from their usual time)"
    lines = [render.join(render.client_name(card.client, style="bold"), "  ", (when + expected, "bold $text-accent"),
                         ("  ·  " if when else "", _MUTED), (last_came_words(card, now), _MUTED))]
    if card.after_last is not None:
        lines.append(render.join((f"After it I wrote ({card.after_last.kind.label}): ", _MUTED),
                                 render.note_text(card.after_last, style="italic", multiline=True)))
    for note in card.concerns:
        lines.append(render.join(render.concern_marker(note), "  ", render.note_text(note, multiline=True)))
    if card.to_tell:
        lines.append(render.join(render.TELL_GLYPH, " ", (m.TELL_HEADING, "bold")))
        for thought in card.to_tell:
            cue: list[Content | tuple[str, str]] = []
            if thought.cue.strip():
                cue = [("  cue: ", _MUTED), render.user_text(thought.cue, multiline=True)]
            lines.append(render.join("  • ", render.note_text(thought, multiline=True), *cue))
    if card.open_questions:
        lines.append(render.join(("? ", "$text-accent"), ("Open questions", "bold")))
        lines += [render.join("  • ", render.note_text(q, multiline=True)) for q in card.open_questions]
    if card.advice is not None:
        waited = card.advice.item.advice_tried is m.AdviceOutcome.NOT_YET
        lines.append(render.join(render.ADVICE_GLYPH, " ", (m.ADVICE_HEADING, "bold"),
                                 (f"  supervision on {render.day(card.advice.held_on, today)}", _MUTED),
                                 (", not yet the moment last time" if waited else "", _MUTED)))
        lines.append(render.join("  • ", render.user_text(card.advice.item.advice, multiline=True)))
    if card.dates:
        lines.append(render.join(render.DATE_GLYPH, " ", (m.DATES_HEADING, "bold")))
        for day, date in card.dates:
            mine = ("  (mine)", _MUTED) if date.client_id is None else ""
            lines.append(render.join((f"  {render.day(day, today)} ({in_days(day, today)})  ", "$text-warning"),
                                     render.user_text(date.note, multiline=True), mine))
    if card.empty:
        lines.append(render.label("Nothing written to bring in: no one thing to tell, ask or try.", f"italic {_MUTED}"))
    return Content("\n").join(lines)
