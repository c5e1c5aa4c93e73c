"""Mind and room: how much of my mind a client took beside how much of the room, and the words for it.

The counts come from the store (store/mind.py), the reading of them from rules/mind.py.
"""

from __future__ import annotations

from dataclasses import dataclass

from .counting import numbered

DEFAULT_WEEKS = 8
COUNTED_AT_LEAST = 3  # sessions counted (came or missed) in the window before either contrast speaks of a client

# The two contrasts, said at the top of the screen and the command's text.
CARRIED_HEADING = "Who I carry most, though they come least"
CARRIED_RULE = "the third most written about, and the third least often there when due"
UNSEEN_HEADING = "Who comes steadily, yet seldom crosses my mind"
UNSEEN_RULE = "came to 4 in 5 or more, as often as most; the third least written about"
# Said under both rules: who neither contrast speaks of, and why.
TOO_NEW_RULE = f"new clients (fewer than {COUNTED_AT_LEAST} sessions counted in the window) are in neither"
NOBODY = "nobody in this window"
# The picture's two bars and the table's columns.
MIND_WORD = "mind"
ROOM_WORD = "room"
MIND_EXPLAINED = "mind: thoughts and questions I wrote about them"
ROOM_EXPLAINED = "room: sessions they came to (missed ones beside)"
COLUMNS = ("client", "thoughts", "questions", "lingering", "words", "came", "missed")


@dataclass(frozen=True)
class MindAndRoom:
    """One active client over the window: what I wrote about them, and whether they came."""

    client_id: int
    name: str
    code: str
    thoughts: int = 0  # thoughts written about them in the window
    questions: int = 0  # questions asked about them in the window
    lingering: int = 0  # of those thoughts, the ones still lingering
    words: int = 0  # words written in those thoughts and questions
    came: int = 0  # sessions they came to (model CAME), not in my breaks
    missed: int = 0  # sessions they missed (model MISSED), not in my breaks

    @property
    def notes(self) -> int:
        return self.thoughts + self.questions

    @property
    def mind_numbers(self) -> str:
        lingering = f" · {self.lingering} lingering" if self.lingering else ""
        return f"{numbered(self.notes, 'note')} · {numbered(self.words, 'word')}{lingering}"

    @property
    def room_numbers(self) -> str:
        return f"{self.came} came · {self.missed} missed"


@dataclass(frozen=True)
class MindReading:
    """The window's clients, most in mind first, and the two contrasts drawn from them."""

    weeks: int
    clients: tuple[MindAndRoom, ...]
    carried: tuple[MindAndRoom, ...]  # most in mind though least in the room
    unseen: tuple[MindAndRoom, ...]  # steady in the room, seldom in mind
