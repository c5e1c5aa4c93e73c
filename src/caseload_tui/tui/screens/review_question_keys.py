"""The review's keys for the highlighted question (r answers it, k keeps it open): where there is none to act
on, the key is left out of the footer and, pressed, says why (as the dashboard's `why_not`), not dimmed."""

from __future__ import annotations

from textual.binding import Binding

QUESTION_ACTIONS = {"answer", "carry"}

# After the keys' own bindings: Textual takes these when `check_action` refuses those.
EXPLAINING_BINDINGS = [
    Binding("r", "explain('answer')", show=False),
    Binding("k", "explain('carry')", show=False),
]


def question_key_refusal(action: str, at_a_session: bool, has_questions: bool,
                         highlighted: int | None) -> str | None:
    """Why r (answer) or k (carry) does not apply, in the clinician's words; None if it does."""
    if action not in QUESTION_ACTIONS or (at_a_session and highlighted is not None):
        return None
    what, key = ("to answer", "r") if action == "answer" else ("to keep open", "k")
    if not at_a_session:
        return f"The summary has no question {what}: go back to a session (←) first, then {key}."
    if not has_questions:
        return f"No question {what} for this session. Press f to add one for next time."
    return f"Highlight a question under Questions first (tab moves there), then {key}."
