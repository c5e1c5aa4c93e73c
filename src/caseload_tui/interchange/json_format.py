"""The JSON caseload format used by sample_data/ and `caseload export`.

Records refer to their client by code. Export writes keys in a fixed order
and records in the order they were added, so export → import → export is
byte-identical.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TypeVar, overload

from .. import model as m
from ..rules import shift_schedule_days
from .errors import ImportProblem
from .json_fields import Document, FieldReader, short
from .json_limits import decode_limited

FORMAT = "caseload-tui"
VERSION = 1


# ---------------------------------------------------------------- reading

_When = TypeVar("_When", date, datetime)


def read_file(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path}: could not be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    doc = decode_limited(text, str(path))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportProblem(f'{path}: not a caseload file (expected "format": "{FORMAT}").')
    if doc.get("version") != VERSION:
        raise ImportProblem(f"{path}: written by a version of caseload this one cannot read.")
    return doc


def parse(doc: Document, source: str = "the file") -> m.CaseloadData:
    """Check every record and build the caseload; the first problem is reported by place and field."""
    reader = _Reader(source)
    clients = [reader.client(i, raw) for i, raw in enumerate(_list(doc, "clients", source))]
    positions: dict[str, int] = {}
    for i, client in enumerate(clients):
        if client.code in positions:
            raise ImportProblem(f"{source}: clients[{i}] has the code {client.code!r}, "
                                f"already used by clients[{positions[client.code]-1}].")
        positions[client.code] = i + 1
    reader.positions = positions
    data = m.CaseloadData(clients=clients)
    data.appointments = [reader.appointment(i, r) for i, r in enumerate(_list(doc, "appointments", source))]
    data.thoughts = [reader.thought(i, r) for i, r in enumerate(_list(doc, "thoughts", source))]
    data.questions = [reader.question(i, r) for i, r in enumerate(_list(doc, "questions", source))]
    data.encounters = [reader.encounter(i, r) for i, r in enumerate(_list(doc, "encounters", source))]
    data.meetings = [reader.meeting(i, r) for i, r in enumerate(_list(doc, "supervision", source))]
    data.breaks = [reader.a_break(i, r) for i, r in enumerate(_list(doc, "breaks", source))]
    data.dates = [reader.date_that_matters(i, r) for i, r in enumerate(_list(doc, "dates", source))]
    return data


def _list(doc: Document, key: str, source: str) -> list[object]:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ImportProblem(f"{source}: {key!r} should be a list.")
    return value


class _Reader(FieldReader):
    """Reads one record at a time, checking every field (json_fields.py reads the fields)."""

    def client(self, i: int, raw: object) -> m.Client:
        where = f"clients[{i}]"
        record = self._record(where, raw)
        code = self._text(where, record, "code", required=True)
        where = f"clients[{i}] (code {short(code)})"
        reflection = record.get("reflection") or {}
        if not isinstance(reflection, dict):
            raise self._fail(where, "'reflection' should be an object.")
        client = m.Client(
            code=code,
            name=self._text(where, record, "name", required=True),
            started_on=self._required(where, record, "started_on", self._day),
            ended_on=self._optional(where, record, "ended_on", self._day),
            ending_kind=self._optional(where, record, "ending_kind", self._member(m.EndingKind)),
            schedule=self._text(where, record, "schedule"),
            themes=self._text(where, record, "themes"),
            bring_to_supervision=self._flag(where, record, "bring_to_supervision", False),
            reflection=m.Reflection(**{
                k: self._text(where + ".reflection", reflection, k)
                for k in ("helped", "not_helped", "they_learned", "i_learned")
            }),
        )
        if client.schedule:
            from ..rules import ScheduleError, describe_schedule
            try:
                describe_schedule(client.schedule)
            except ScheduleError as exc:
                raise self._fail(where, f"'schedule' is not a repeating rule (RRULE) I can use: {exc}") from None
        if client.ended_on and client.ended_on < client.started_on:
            raise self._fail(where, "'ended_on' is before 'started_on'.")
        return client

    def appointment(self, i: int, raw: object) -> m.Appointment:
        where = f"appointments[{i}]"
        record = self._record(where, raw)
        return m.Appointment(
            client_id=self._required(where, record, "client", self._position),
            starts_at=self._required(where, record, "starts_at", self._minute),
            status=self._required(where, record, "status", self._member(m.Status)),
            note=self._text(where, record, "note"),
            source=self._text(where, record, "source"),
            source_uid=self._text(where, record, "source_uid"),
        )

    def thought(self, i: int, raw: object) -> m.Thought:
        where = f"thoughts[{i}]"
        record = self._record(where, raw)
        return m.Thought(
            client_id=self._optional(where, record, "client", self._position),
            written_at=self._required(where, record, "written_at", self._minute),
            body=self._text(where, record, "body", required=True),
            kind=self._required(where, record, "kind", self._member(m.ThoughtKind)),
            lingering=self._flag(where, record, "lingering", True),
            tell_client=self._flag(where, record, "tell_client", False),
            safety=self.safety(where, record),
            bring_to_supervision=self._flag(where, record, "bring_to_supervision", False),
            brought_to=self._count(where, record, "brought_to", least=1),
            cue=self._text(where, record, "cue"),
            telling=self.telling(where, record),
        )

    def question(self, i: int, raw: object) -> m.Question:
        where = f"questions[{i}]"
        record = self._record(where, raw)
        client_id = self._optional(where, record, "client", self._position)
        asked_at = self._required(where, record, "asked_at", self._minute)
        body = self._text(where, record, "body", required=True)
        status = self._optional(where, record, "status", self._member(m.QuestionStatus))
        return m.Question(
            client_id=client_id,
            asked_at=asked_at,
            body=body,
            status=m.QuestionStatus.OPEN if status is None else status,
            answer=self._text(where, record, "answer"),
            closed_at=self._optional(where, record, "closed_at", self._minute),
            safety=self.safety(where, record),
        )

    def safety(self, where: str, record: Document) -> m.SafetyMark | None:
        """A note's safety marker (model/safety.py): null, or its concern and when it was marked and resolved."""
        raw = record.get("safety")
        if raw is None:
            return None
        at = f"{where}.safety"
        mark = self._record(at, raw)
        return m.SafetyMark(concern=self._required(at, mark, "concern", self._member(m.SafetyConcern)),
                            marked_at=self._required(at, mark, "marked_at", self._minute),
                            resolved_at=self._optional(at, mark, "resolved_at", self._minute))

    def a_break(self, i: int, raw: object) -> m.Break:
        where = f"breaks[{i}]"
        record = self._record(where, raw)
        taken = m.Break(starts_on=self._required(where, record, "starts_on", self._day),
                        ends_on=self._required(where, record, "ends_on", self._day),
                        word=self._text(where, record, "word"))
        if taken.ends_on < taken.starts_on:
            raise self._fail(where, "ends before it starts")
        return taken
    def telling(self, where: str, record: Document) -> m.Telling | None:
        """What became of a thought to tell them (model/follow_through.py): null, or told/kept/let go, when, how."""
        raw = record.get("telling")
        if raw is None:
            return None
        at = f"{where}.telling"
        told = self._record(at, raw)
        return m.Telling(outcome=self._required(at, told, "outcome", self._member(m.TellOutcome)),
                         on=self._required(at, told, "on", self._minute), how_taken=self._text(at, told, "how_taken"))

    def date_that_matters(self, i: int, raw: object) -> m.DateThatMatters:
        where = f"dates[{i}]"
        record = self._record(where, raw)
        return m.DateThatMatters(
            client_id=self._optional(where, record, "client", self._position),
            falls_on=self._required(where, record, "falls_on", self._day),
            yearly=self._flag(where, record, "yearly", False),
            note=self._text(where, record, "note", required=True),
        )

    def encounter(self, i: int, raw: object) -> m.Encounter:
        where = f"encounters[{i}]"
        record = self._record(where, raw)
        return m.Encounter(
            client_id=self._required(where, record, "client", self._position),
            happened_on=self._required(where, record, "happened_on", self._day),
            body=self._text(where, record, "body", required=True),
        )

    def meeting(self, i: int, raw: object) -> m.SupervisionMeeting:
        where = f"supervision[{i}]"
        record = self._record(where, raw)
        items = []
        for j, item_raw in enumerate(self._maybe(where, record, "items", list) or []):
            at = f"{where}.items[{j}]"
            item = self._record(at, item_raw)
            items.append(m.SupervisionItem(
                client_id=self._required(at, item, "client", self._position),
                question=self._text(at, item, "question"),
                advice=self._text(at, item, "advice"),
                outcome=self._text(at, item, "outcome"),
                tried=self._text(at, item, "tried"),
                between_us=self._text(at, item, "between_us"),
                need=self._optional(at, item, "need", self._member(m.Need)),
                advice_tried=self._optional(at, item, "advice_tried", self._member(m.AdviceOutcome)),
            ))
        setting = self._optional(where, record, "setting", self._member(m.Setting))
        return m.SupervisionMeeting(
            held_on=self._required(where, record, "held_on", self._day), notes=self._text(where, record, "notes"),
            items=items,
            planned=self._flag(where, record, "planned", False),
            supervisor=self._text(where, record, "supervisor"),
            minutes=self._count(where, record, "minutes", least=0) or 0,
            setting=setting or m.Setting.INDIVIDUAL,
        )

    def _count(self, where: str, record: Document, key: str, least: int) -> int | None:
        """A whole number of at least `least`, or None when absent (a meeting's minutes, a meeting's place)."""
        value = self._maybe(where, record, key, int)
        if value is not None and value < least:
            raise self._fail(where, f"{key!r} should be a whole number of {least} or more.")
        return value


# ---------------------------------------------------------------- writing


def to_document(data: m.CaseloadData) -> Document:
    code_of = {i + 1: c.code for i, c in enumerate(data.clients)}

    def ref(position: int | None) -> str | None:
        return code_of[position] if position is not None else None

    def iso(value: date | None) -> str | None:
        if value is None:
            return None
        return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()

    return {
        "format": FORMAT,
        "version": VERSION,
        "clients": [
            {
                "code": c.code, "name": c.name, "started_on": iso(c.started_on),
                "ended_on": iso(c.ended_on),
                "ending_kind": c.ending_kind.value if c.ending_kind else None,
                "schedule": c.schedule, "themes": c.themes,
                "bring_to_supervision": c.bring_to_supervision,
                "reflection": {
                    "helped": c.reflection.helped, "not_helped": c.reflection.not_helped,
                    "they_learned": c.reflection.they_learned, "i_learned": c.reflection.i_learned,
                },
            }
            for c in data.clients
        ],
        "appointments": [
            {"client": ref(a.client_id), "starts_at": iso(a.starts_at), "status": a.status.value,
             "note": a.note, "source": a.source, "source_uid": a.source_uid}
            for a in data.appointments
        ],
        "thoughts": [
            {"client": ref(t.client_id), "written_at": iso(t.written_at), "kind": t.kind.value,
             "lingering": t.lingering, "tell_client": t.tell_client, "body": t.body,
             "safety": safety_document(t.safety, iso), "bring_to_supervision": t.bring_to_supervision,
             "brought_to": t.brought_to, "cue": t.cue,
             "telling": {"outcome": t.telling.outcome.value, "on": iso(t.telling.on), "how_taken": t.telling.how_taken}
             if t.telling else None}
            for t in data.thoughts
        ],
        "questions": [
            {"client": ref(q.client_id), "asked_at": iso(q.asked_at), "status": q.status.value,
             "body": q.body, "answer": q.answer, "closed_at": iso(q.closed_at),
             "safety": safety_document(q.safety, iso)}
            for q in data.questions
        ],
        "encounters": [
            {"client": ref(e.client_id), "happened_on": iso(e.happened_on), "body": e.body}
            for e in data.encounters
        ],
        "supervision": [
            {"held_on": iso(s.held_on), "planned": s.planned, "notes": s.notes, "supervisor": s.supervisor,
             "minutes": s.minutes, "setting": s.setting.value, "items": [
                {"client": ref(i.client_id), "question": i.question, "advice": i.advice, "outcome": i.outcome,
                 "tried": i.tried, "between_us": i.between_us, "need": i.need.value if i.need else None,
                 "advice_tried": i.advice_tried.value if i.advice_tried else None}
                for i in s.items]}
            for s in data.meetings
        ],
        # Mine, for no one client; written only when there are some, so older files read the same.
        **({"breaks": [{"starts_on": iso(b.starts_on), "ends_on": iso(b.ends_on), "word": b.word}
                       for b in data.breaks]} if data.breaks else {}),
        "dates": [
            {"client": ref(d.client_id), "falls_on": iso(d.falls_on), "yearly": d.yearly, "note": d.note}
            for d in data.dates
        ],
    }


def safety_document(mark: m.SafetyMark | None, iso: Callable[[datetime | None], str | None]) -> Document | None:
    if mark is None:
        return None
    return {"concern": mark.concern.value, "marked_at": iso(mark.marked_at), "resolved_at": iso(mark.resolved_at)}


def dumps(data: m.CaseloadData) -> str:
    # ensure_ascii keeps every byte of user text exact and the file plain ASCII.
    return json.dumps(to_document(data), indent=2, ensure_ascii=True) + "\n"


# ---------------------------------------------------------------- the demo's moving dates


def shift_dates(data: m.CaseloadData, days: int) -> m.CaseloadData:
    """Move every date by `days`, schedules' weekdays with them, so the demo stays current."""
    if days == 0:
        return data
    delta = timedelta(days=days)

    @overload
    def move(value: None) -> None: ...
    @overload
    def move(value: _When) -> _When: ...
    def move(value: _When | None) -> _When | None:
        return value + delta if value is not None else None

    for c in data.clients:
        c.started_on, c.ended_on = move(c.started_on), move(c.ended_on)
        c.schedule = shift_schedule_days(c.schedule, days)
    for a in data.appointments:
        a.starts_at = move(a.starts_at)
    for t in data.thoughts:
        t.written_at = move(t.written_at)
    for q in data.questions:
        q.asked_at, q.closed_at = move(q.asked_at), move(q.closed_at)
    for e in data.encounters:
        e.happened_on = move(e.happened_on)
    for s in data.meetings:
        s.held_on = move(s.held_on)
    for b in data.breaks:
        b.starts_on, b.ends_on = move(b.starts_on), move(b.ends_on)
    for d in data.dates:
        d.falls_on = move(d.falls_on)  # a yearly date moves too: the demo's story keeps its distance to it
    return data


def written_on(doc: Document) -> date | None:
    value = doc.get("written_on")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


