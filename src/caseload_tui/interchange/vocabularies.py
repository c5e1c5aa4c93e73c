"""The status words that practice-management reports use, and what each means here.

A vocabulary maps a report's word (compared without regard to case, spaces,
hyphens or underscores) to a session status. A word mapped to NO_EQUIVALENT is
known, but says nothing about attendance that this program records (OpenEMR's
'!' left without a visit, '#' insurance or financial issue): such a session is
imported as awaiting the clinician's record, and the import says so.

The vocabularies are named after the systems whose reports use these words;
each is written from the words those systems show, and any report's own words
can be added in the settings file under [csv.statuses].
"""

from __future__ import annotations

import re

from ..model import Status

NO_EQUIVALENT = None

S = Status

SIMPLEPRACTICE: dict[str, Status | None] = {
    "show": S.ATTENDED,
    "no show": S.NO_SHOW,
    "canceled": S.CANCELLED,
    "cancelled": S.CANCELLED,
    "late canceled": S.LATE_CANCELLED,
    "late cancelled": S.LATE_CANCELLED,
    "clinician canceled": S.CLINICIAN_CANCELLED,
    "clinician cancelled": S.CLINICIAN_CANCELLED,
    "scheduled": S.SCHEDULED,
    "late cancel": S.LATE_CANCELLED,
}

THERAPYNOTES: dict[str, Status | None] = {
    "pending": S.SCHEDULED,
    "scheduled": S.SCHEDULED,
    "kept": S.ATTENDED,
    "show": S.ATTENDED,
    "missed": S.NO_SHOW,  # TherapyNotes marks a no-show "Missed"
    "no show": S.NO_SHOW,
    "late cancel": S.LATE_CANCELLED,
    "late canceled": S.LATE_CANCELLED,
    "rescheduled": S.RESCHEDULED,
    "canceled": S.CANCELLED,
    "cancelled": S.CANCELLED,
    "clinician canceled": S.CLINICIAN_CANCELLED,
}

# TheraNest (Ensora Health): Upcoming, Kept, Canceled, No Show, Late Cancel, Rescheduled; who initiated a
# cancellation (Provider or Client) is a column of its own (csv_format's cancelled_by).
THERANEST: dict[str, Status | None] = {
    "upcoming": S.SCHEDULED,
    "kept": S.ATTENDED,
    "canceled": S.CANCELLED,
    "cancelled": S.CANCELLED,
    "no show": S.NO_SHOW,
    "late cancel": S.LATE_CANCELLED,
    "rescheduled": S.RESCHEDULED,
}

# Jane: Booked, Arrived, No Show, Cancelled, Late Cancellation, Rescheduled.
JANE: dict[str, Status | None] = {
    "booked": S.SCHEDULED,
    "arrived": S.ATTENDED,
    "checked in": S.ATTENDED,
    "no show": S.NO_SHOW,
    "cancelled": S.CANCELLED,
    "canceled": S.CANCELLED,
    "late cancellation": S.LATE_CANCELLED,
    "late cancelled": S.LATE_CANCELLED,
    "rescheduled": S.RESCHEDULED,
}

# Owl Practice: Show, No Show, Cancelled, Late Cancel; "Non-Billable" says nothing about attendance.
OWL: dict[str, Status | None] = {
    "scheduled": S.SCHEDULED,
    "show": S.ATTENDED,
    "attended": S.ATTENDED,
    "no show": S.NO_SHOW,
    "cancelled": S.CANCELLED,
    "canceled": S.CANCELLED,
    "late cancel": S.LATE_CANCELLED,
    "late cancelled": S.LATE_CANCELLED,
    "non billable": NO_EQUIVALENT,
}

# OpenEMR's appointment status codes, alone or followed by their description ("@ Arrived").
OPENEMR_CODES: dict[str, Status | None] = {
    "@": S.ATTENDED,  # arrived
    "~": S.LATE,  # arrived late
    "<": S.ATTENDED,  # in exam room
    ">": S.ATTENDED,  # checked out
    "$": S.ATTENDED,  # coding done: the visit happened
    "?": S.NO_SHOW,
    "x": S.CANCELLED,
    "%": S.LATE_CANCELLED,  # cancelled less than 24 hours before
    "-": S.SCHEDULED,  # no status yet
    "*": S.SCHEDULED,  # reminder done
    "+": S.SCHEDULED,  # chart pulled
    "^": S.SCHEDULED,  # pending
    "!": NO_EQUIVALENT,  # left without a visit
    "#": NO_EQUIVALENT,  # insurance or financial issue
}
OPENEMR: dict[str, Status | None] = {
    **OPENEMR_CODES,
    "none": S.SCHEDULED,
    "reminder done": S.SCHEDULED,
    "chart pulled": S.SCHEDULED,
    "pending": S.SCHEDULED,
    "arrived": S.ATTENDED,
    "arrived late": S.LATE,
    "in exam room": S.ATTENDED,
    "checked out": S.ATTENDED,
    "coding done": S.ATTENDED,
    "no show": S.NO_SHOW,
    "canceled": S.CANCELLED,
    "cancelled": S.CANCELLED,
    "canceled < 24h": S.LATE_CANCELLED,
    "cancelled < 24h": S.LATE_CANCELLED,
    "left w/o visit": NO_EQUIVALENT,
    "ins/fin issue": NO_EQUIVALENT,
}

# This program's own words: the status names and the labels shown on screen.
CASELOAD: dict[str, Status | None] = {
    **{s.value: s for s in Status},
    **{s.label: s for s in Status},
}

VOCABULARIES: dict[str, dict[str, Status | None]] = {
    "simplepractice": SIMPLEPRACTICE,
    "therapynotes": THERAPYNOTES,
    "theranest": THERANEST,
    "jane": JANE,
    "owl": OWL,
    "openemr": OPENEMR,
    "caseload": CASELOAD,
}


def _union() -> dict[str, Status | None]:
    merged: dict[str, Status | None] = {}
    for vocabulary in VOCABULARIES.values():
        for word, status in vocabulary.items():
            key = normal_word(word)
            assert merged.get(key, status) == status, f"vocabularies disagree about {word!r}"
            merged[key] = status
    return merged


def normal_word(word: str) -> str:
    """A status word as compared: lower case, hyphens and underscores as spaces, spaces single."""
    return " ".join(re.sub(r"[-_]", " ", word).casefold().split()) if len(word.strip()) > 1 else word.strip()


VOCABULARIES["any"] = _union()
NAMES = tuple(VOCABULARIES)


class UnknownStatus(ValueError):
    """A word the vocabulary does not know."""


def vocabulary(name: str, extra: dict[str, str] | None = None) -> dict[str, Status | None]:
    """The named vocabulary, with the clinician's own words added; keys are normal_word()s.

    Raises ValueError (with a message for the clinician) for an unknown name or status.
    """
    if name not in VOCABULARIES:
        raise ValueError(f"“{name}” is not a status vocabulary I know; choose one of: {', '.join(NAMES)}.")
    words = {normal_word(w): s for w, s in VOCABULARIES[name].items()}
    for word, value in (extra or {}).items():
        try:
            words[normal_word(word)] = Status(value)
        except ValueError:
            allowed = ", ".join(s.value for s in Status)
            raise ValueError(
                f"In the settings, [csv.statuses] gives “{word}” the status “{value}”, "
                f"which is not one of: {allowed}."
            ) from None
    return words


def status_for(word: str, words: dict[str, Status | None]) -> Status | None:
    """The status a report's word stands for; NO_EQUIVALENT (None) for a known word without one.

    A blank cell means nothing has been recorded yet. Raises UnknownStatus for an unknown word.
    """
    if not word.strip():
        return Status.SCHEDULED
    key = normal_word(word)
    if key in words:
        return words[key]
    code = word.strip()[:1]
    if code in OPENEMR_CODES and code in words and word.strip()[1:2] in (" ", ""):
        return words[code]  # "@ Arrived": a code followed by its description
    raise UnknownStatus(word)
