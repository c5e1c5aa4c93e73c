"""`caseload export --format csv`: the whole caseload as one CSV file per kind of record, in a folder.

For reading in a spreadsheet; the JSON export is the one to move a caseload
with. Records name their client by code, as the JSON format does. Files are
UTF-8 with a byte-order mark (so spreadsheets read accents right), readable
by their owner only (0600), in a folder only its owner can enter (0700).

Values are in the clinician's words ("did not come", "blind spot"), as the screens show them.
A cell of text that starts with = + - @ or a tab would be run as a formula by
a spreadsheet: it is written with a leading apostrophe, which spreadsheets
show as text and do not run.
"""

from __future__ import annotations

import csv
import enum
import io
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .. import model as m
from ..private_files import private_dir, write_private
from .errors import ImportProblem

TABLES = ("clients", "episodes", "appointments", "thoughts", "questions", "encounters",
          "supervision_meetings", "supervision_items", "dates")
# Each table's file, named in the clinician's words (tests/unit/test_user_words.py).
FILES = {"clients": "clients.csv", "episodes": "periods-of-work.csv", "appointments": "sessions.csv",
         "thoughts": "thoughts.csv", "questions": "questions.csv", "encounters": "news.csv",
         "supervision_meetings": "supervisions.csv", "supervision_items": "supervision-cases.csv",
         "dates": "dates-that-matter.csv"}
FILE_NAMES = tuple(FILES[table] for table in TABLES)
# The names an export had before (issue 20): a folder holding such an export is an earlier export, replaced.
EARLIER_FILE_NAMES = tuple(f"{table}.csv" for table in TABLES)

SAFETY_HEADERS = ["safety concern", "safety marked at", "safety resolved at"]  # a note's marker (model/safety.py)

# Column headers as a spreadsheet shows them; the cells follow in the same order (table_rows).
HEADERS = {
    "clients": ["code", "name", "started on", "ended on", "schedule", "themes", "bring to supervision"],
    "episodes": ["client", "started on", "ended on", "ended by", "how", "recorded as",
                 *(label for _, label in m.REFLECTION_PARTS)],
    "appointments": ["client", "starts at", "status", "note", "imported from", "event id there"],
    "thoughts": ["client", "written at", "kind", "lingering", "to tell them", "body", *SAFETY_HEADERS,
                 "bring to supervision", "brought to supervision", "whose", "feelings", "cue", "told", "told on",
                 "how they took it"],
    "questions": ["client", "asked at", "status", "body", "answer", "closed at", *SAFETY_HEADERS],
    "encounters": ["client", "happened on", "news", "what it stirred in me", "what it taught me"],
    "supervision_meetings": ["supervision", "held on", "planned", "notes", "supervisor", "minutes", "setting"],
    "supervision_items": ["supervision", "client", "question", "advice", "how it went", "what I tried",
                          "what happens between us", "what I need", "advice tried"],
    "dates": ["client", "falls on", "yearly", "note"],
}

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportProblem(ImportProblem):
    """The export could not be written where asked; the message says why.

    A kind of ImportProblem only so that the command line reports both alike.
    """


# What a cell of an exported table can hold.
Cell = str | int | bool | date | None


def table_rows(data: m.CaseloadData) -> dict[str, list[list[Cell]]]:
    """Each table's rows (without the header), records in the order they were added."""
    code = {i + 1: c.code for i, c in enumerate(data.clients)}

    def ref(position: int | None) -> str:
        return code[position] if position is not None else ""

    items: list[list[Cell]] = [[n, ref(i.client_id), i.question, i.advice, i.outcome, i.tried, i.between_us,
                                word(i.need), word(i.advice_tried)]
                               for n, s in enumerate(data.meetings, start=1) for i in s.items]
    return {
        "clients": [[c.code, c.name, c.started_on, c.ended_on, c.schedule, c.themes, c.bring_to_supervision]
                    for c in data.clients],
        "episodes": [[ref(e.client_id), e.started_on, e.ended_on, word(e.ended_by),
                      word(e.how), e.recorded_as,
                      *(getattr(e.reflection, part) for part, _ in m.REFLECTION_PARTS)] for e in data.episodes],
        "appointments": [[ref(a.client_id), a.starts_at, word(a.status), a.note, a.source, a.source_uid]
                         for a in data.appointments],
        "thoughts": [[ref(t.client_id), t.written_at, word(t.kind), t.lingering, t.tell_client, t.body,
                      *safety_cells(t.safety), t.bring_to_supervision, t.brought_to, word(t.whose),
                      t.feelings, t.cue, *telling_cells(t.telling)] for t in data.thoughts],
        "questions": [[ref(q.client_id), q.asked_at, word(q.status), q.body, q.answer, q.closed_at,
                       *safety_cells(q.safety)] for q in data.questions],
        "encounters": [[ref(e.client_id), e.happened_on, e.body, e.stirred, e.taught] for e in data.encounters],
        "supervision_meetings": [[n, s.held_on, s.planned, s.notes, s.supervisor, s.minutes,
                                  word(s.setting)] for n, s in enumerate(data.meetings, start=1)],
        "supervision_items": items,
        "dates": [[ref(d.client_id), d.falls_on, d.yearly, d.note] for d in data.dates],
    }


# Each stored value's words, as the screens say them: "did not come", never "no_show" (issue 20).
_WORDS: dict[type[enum.Enum], Callable[[Any], str]] = {
    m.Status: lambda v: v.label, m.ThoughtKind: lambda v: m.KIND_WORDS[v].label,
    m.QuestionStatus: lambda v: m.QUESTION_LABELS[v], m.EndedBy: lambda v: m.ENDED_BY_LABELS[v],
    m.EndingHow: lambda v: m.ENDING_HOW_LABELS[v], m.Whose: lambda v: m.WHOSE_LABELS[v],
    m.SafetyConcern: lambda v: m.CONCERN_WORDS[v].label, m.TellOutcome: lambda v: m.TELL_WORDS[v].label,
    m.AdviceOutcome: lambda v: m.ADVICE_WORDS[v].label, m.Need: lambda v: m.NEED_WORDS[v].label,
    m.Setting: lambda v: m.SETTING_LABELS[v],
}


def word(value: enum.Enum | None) -> str:
    """A stored value in the clinician's words (nothing for none)."""
    return "" if value is None else _WORDS[type(value)](value)


def safety_cells(mark: m.SafetyMark | None) -> list[Cell]:
    if mark is None:
        return ["", None, None]
    return [word(mark.concern), mark.marked_at, mark.resolved_at]


def telling_cells(telling: m.Telling | None) -> list[Cell]:
    if telling is None:
        return ["", None, ""]
    return [word(telling.outcome), telling.on, telling.how_taken]


def cell(value: Cell) -> str:
    """A value as a spreadsheet should see it: dates in ISO form, yes/no, formulas defused."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, datetime):
        return value.isoformat(timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def table_text(table: str, rows: list[list[Cell]]) -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADERS[table])
    writer.writerows([[cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def write_tables(folder: Path, data: m.CaseloadData) -> list[Path]:
    """Write one file per table into `folder`, made 0700; returns the files written.

    The folder must be new, empty, or hold only an earlier export, so an
    export never lands among other files (nor makes a shared folder private).
    """
    if folder.exists() and not folder.is_dir():
        raise ExportProblem(f"{folder} is a file; a CSV export needs a folder.")
    if folder.exists():
        others = [p.name for p in folder.iterdir() if p.name not in FILE_NAMES + EARLIER_FILE_NAMES]
        if others:
            raise ExportProblem(
                f"{folder} already holds other files; export into a new or empty folder. Nothing was written."
            )
    try:
        private_dir(folder)
        rows = table_rows(data)
        written = []
        for table in TABLES:
            path = folder / FILES[table]
            write_private(path, table_text(table, rows[table]), encoding="utf-8-sig", newline="")
            written.append(path)
        for earlier in EARLIER_FILE_NAMES:  # an earlier export's files under their old names, replaced
            if earlier not in FILE_NAMES:
                (folder / earlier).unlink(missing_ok=True)
    except OSError as exc:
        raise ExportProblem(f"{folder} could not be written ({exc.strerror}).") from None
    return written
