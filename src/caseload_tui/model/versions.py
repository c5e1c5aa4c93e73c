"""A record changed in another window while it was being edited here: the words for what to do.

A stale edit is refused by the store (Conflict); the clinician then sees both versions side by side
(theirs, saved in the other window; mine, still in the form) and chooses one of these.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class StaleChoice(str, enum.Enum):
    KEEP_MINE = "keep_mine"  # save mine over theirs, knowingly, against the version now saved
    KEEP_THEIRS = "keep_theirs"  # let mine go; theirs stays as saved
    SAVE_AS_NEW = "save_as_new"  # theirs stays, and mine is saved beside it as a new note

    @property
    def words(self) -> StaleWords:
        return STALE_WORDS[self]


@dataclass(frozen=True)
class StaleWords:
    label: str  # on its button
    after: str  # the notice once it is done


STALE_WORDS = {
    StaleChoice.KEEP_MINE: StaleWords("Keep mine", "Saved yours over the other window's version."),
    StaleChoice.KEEP_THEIRS: StaleWords("Keep theirs", "Kept the other window's version; yours was let go."),
    StaleChoice.SAVE_AS_NEW: StaleWords("Save mine as a new note",
                                        "Both kept: theirs as it was saved, yours as a new note."),
}
STALE_HEADING = "Changed in another window while you were writing"
STALE_EXPLAINS = "Nothing is saved until you choose. Escape goes back to your form."
THEIRS_HEADING = "Theirs: saved in the other window"
MINE_HEADING = "Mine: still in your form"
BACK_TO_FORM = "Back to my form"
GONE_THEIRS = "(deleted in the other window)"
