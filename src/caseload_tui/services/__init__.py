"""What each user action does to the caseload: one function per action, one transaction each.

Screens gather what was typed, call one of these, and show the result; a command that
writes should call them too, so that each action has one road. Nothing here imports
textual or rich, and nothing reads the clock: the moment of the action (`now`, `today`)
is passed in.

- sessions: what happened at a session (and the new time of one that was moved)
- notes: writing a thought or a question
- questions: closing a follow-up question, answered or dropped
- supervision: the plan being prepared, leaving a case out, recording the meeting held
- clients: adding a client (with a code allocated), editing one, and a schedule in words
- endings: a case ending, and a graduate coming back
"""
