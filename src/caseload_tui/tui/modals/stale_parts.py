"""What each versioned record shows in the stale-edit view (stale_edit.py): its fields, theirs and mine.

The words are the forms' own labels and the model's words for each value, so the two versions
read as the form did. Only a note's text is always shown; a flag or a choice is shown when the
two versions differ in it (or when it is a graduation's, every part of which matters).
"""

from __future__ import annotations

from datetime import date

from ... import model as m
from .stale_edit import Part

YES_NO = {True: "yes", False: "no"}
STILL_GOING = "still going on"


def _day(value: date | None) -> str:
    return f"{value:%-d %b %Y}" if value is not None else STILL_GOING


def _kind(kind: m.ThoughtKind | None) -> str:
    return kind.words.label if kind is not None else ""


def _whose(whose: m.Whose | None) -> str:
    return whose.label if whose is not None else ""


def _need(need: m.Need | None) -> str:
    return need.label if need is not None else ""


def _who(who: m.EndedBy | None) -> str:
    return m.ENDED_BY_LABELS[who] if who is not None else ""


def _how(how: m.EndingHow | None) -> str:
    return m.ENDING_HOW_LABELS[how] if how is not None else ""


def _shown(parts: list[Part], always: int) -> list[Part]:
    """The first `always` parts, then only those that differ."""
    return parts[:always] + [p for p in parts[always:] if p.differs]


def thought_parts(theirs: m.Thought | None, mine: m.Thought) -> list[Part]:
    them = theirs or mine
    return _shown([
        Part("What stays with you", them.body if theirs else "", mine.body),
        Part("Kind", _kind(them.kind), _kind(mine.kind)),
        Part("Whose feeling", _whose(them.whose), _whose(mine.whose)),
        Part("Its words", them.feelings, mine.feelings),
        Part("Still with me", YES_NO[them.lingering], YES_NO[mine.lingering]),
        Part("To tell them", YES_NO[them.tell_client], YES_NO[mine.tell_client]),
        Part("To bring to supervision", YES_NO[them.bring_to_supervision], YES_NO[mine.bring_to_supervision]),
    ], always=2 if theirs else 1)


def question_parts(theirs: m.Question | None, mine: m.Question) -> list[Part]:
    them = theirs or mine
    return _shown([
        Part("What to ask or check next time", them.body if theirs else "", mine.body),
        Part("What I learned (the answer)", them.answer, mine.answer),
    ], always=1)


def bring_parts(theirs: m.SupervisionItem | None, mine: m.SupervisionItem) -> list[Part]:
    them = theirs or m.SupervisionItem(client_id=mine.client_id)
    return _shown([
        Part("What I want to ask my supervisor about this case", them.question, mine.question),
        Part("What I need today", _need(them.need), _need(mine.need)),
        Part("What I have tried", them.tried, mine.tried),
        Part("What happens between us", them.between_us, mine.between_us),
    ], always=1)


def ending_parts(theirs: m.Episode, mine: m.Episode) -> list[Part]:
    """A graduation: theirs as the other window left it (ended there, or still going on), and mine."""
    parts = [Part("Ended on", _day(theirs.ended_on), _day(mine.ended_on)),
             Part("Who ended it", _who(theirs.ended_by), _who(mine.ended_by)),
             Part("How", _how(theirs.how), _how(mine.how))]
    parts += [Part(title, getattr(theirs.reflection, key), getattr(mine.reflection, key))
              for key, title in m.REFLECTION_PARTS]
    return _shown(parts, always=3)


def client_parts(theirs: m.Client, mine: m.Client) -> list[Part]:
    return _shown([
        Part("Name", theirs.name, mine.name),
        Part("Code", theirs.code, mine.code),
        Part("Started", _day(theirs.started_on), _day(mine.started_on)),
        Part("Usual sessions", theirs.schedule, mine.schedule),
        Part("Themes", theirs.themes, mine.themes),
        Part("Work ended", _day(theirs.ended_on) if theirs.ended_on else "no",
             _day(mine.ended_on) if mine.ended_on else "no"),
        Part("Flagged for supervision", YES_NO[theirs.bring_to_supervision], YES_NO[mine.bring_to_supervision]),
    ], always=1)
