"""The JSON caseload format used by sample_data/ and `caseload export`.

Records refer to their client by code. Export writes keys in a fixed order
and records in the order they were added, so export → import → export is
byte-identical.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from .. import model as m
from ..rules import shift_schedule_days
from .errors import ImportProblem

FORMAT = "caseload-tui"
VERSION = 1


# ---------------------------------------------------------------- reading


def read_file(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportProblem(f"{path}: could not be read ({exc.strerror}).") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ImportProblem(f"{path}: not UTF-8 text (byte {exc.start}).") from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportProblem(f"{path}: not valid JSON (line {exc.lineno}, column {exc.colno}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportProblem(f'{path}: not a caseload file (expected "format": "{FORMAT}").')
    if doc.get("version") != VERSION:
        raise ImportProblem(f"{path}: written by a version of caseload this one cannot read.")
    return doc


def parse(doc: dict, source: str = "the file") -> m.CaseloadData:
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
    return data


def _list(doc: dict, key: str, source: str) -> list:
    value = doc.get(key, [])
    if not isinstance(value, list):
        raise ImportProblem(f"{source}: {key!r} should be a list.")
    return value


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self.positions: dict[str, int] = {}

    def _fail(self, where: str, message: str) -> ImportProblem:
        return ImportProblem(f"{self.source}: {where}: {message}")

    def _get(self, where: str, raw: Any, key: str, kind: type | tuple, required: bool = True, default=None):
        if not isinstance(raw, dict):
            raise self._fail(where, "should be an object with named fields.")
        if key not in raw or raw[key] is None:
            if required:
                raise self._fail(where, f"the field {key!r} is missing.")
            return default
        value = raw[key]
        kinds = kind if isinstance(kind, tuple) else (kind,)
        if isinstance(value, bool) and bool not in kinds:
            raise self._fail(where, f"{key!r} should be {_kind_name(kinds)}, not true/false.")
        if not isinstance(value, kinds):
            raise self._fail(where, f"{key!r} should be {_kind_name(kinds)}.")
        if isinstance(value, str) and not _is_text(value):
            raise self._fail(where, f"{key!r} holds a character that is not valid text.")
        return value

    def _text(self, where, raw, key, required=False) -> str:
        value = self._get(where, raw, key, str, required, "")
        if required and not value.strip():
            raise self._fail(where, f"the field {key!r} is empty.")
        return value

    def _date(self, where, raw, key, required=True) -> date | None:
        value = self._get(where, raw, key, str, required)
        if value is None:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise self._fail(where, f"{key!r} is not a date in the form YYYY-MM-DD.") from None

    def _moment(self, where, raw, key, required=True) -> datetime | None:
        value = self._get(where, raw, key, str, required)
        if value is None:
            return None
        try:
            parsed = datetime.fromisoformat(value)
        except ValueError:
            raise self._fail(where, f"{key!r} is not a date and time in the form YYYY-MM-DDTHH:MM.") from None
        if parsed.tzinfo is not None or parsed.second or parsed.microsecond:
            raise self._fail(where, f"{key!r} should be a local time to the minute, YYYY-MM-DDTHH:MM.")
        return parsed

    def _enum(self, where, raw, key, enum: type, default=None, required=False):
        value = self._get(where, raw, key, str, required, None)
        if value is None:
            return default
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            raise self._fail(where, f"{key!r} must be one of: {allowed}.") from None

    def _flag(self, where, raw, key, default: bool) -> bool:
        return self._get(where, raw, key, bool, False, default)

    def _client_ref(self, where, raw, required=True) -> int | None:
        code = self._get(where, raw, "client", str, required)
        if code is None:
            return None
        if code not in self.positions:
            raise self._fail(where, f"refers to a client code that is not in the file ({_short(code)}).")
        return self.positions[code]

    def client(self, i: int, raw: Any) -> m.Client:
        where = f"clients[{i}]"
        code = self._text(where, raw, "code", required=True)
        where = f"clients[{i}] (code {_short(code)})"
        reflection = raw.get("reflection") or {}
        if not isinstance(reflection, dict):
            raise self._fail(where, "'reflection' should be an object.")
        client = m.Client(
            code=code,
            name=self._text(where, raw, "name", required=True),
            started_on=self._date(where, raw, "started_on"),
            ended_on=self._date(where, raw, "ended_on", required=False),
            ending_kind=self._enum(where, raw, "ending_kind", m.EndingKind),
            schedule=self._text(where, raw, "schedule"),
            themes=self._text(where, raw, "themes"),
            bring_to_supervision=self._flag(where, raw, "bring_to_supervision", False),
            reflection=m.Reflection(**{
                k: self._text(where + ".reflection", reflection, k)
                for k in ("helped", "not_helped", "they_learned", "i_learned")
            }),
        )
        if client.schedule:
            from ..rules import ScheduleError, describe_schedule
            try:
                describe_schedule(client.schedule)
            except ScheduleError:
                raise self._fail(where, "'schedule' is not a repeating rule (RRULE) I can read.") from None
        if client.ended_on and client.ended_on < client.started_on:
            raise self._fail(where, "'ended_on' is before 'started_on'.")
        return client

    def appointment(self, i: int, raw: Any) -> m.Appointment:
        where = f"appointments[{i}]"
        return m.Appointment(
            client_id=self._client_ref(where, raw),
            starts_at=self._moment(where, raw, "starts_at"),
            status=self._enum(where, raw, "status", m.Status, required=True),
            note=self._text(where, raw, "note"),
            source=self._text(where, raw, "source"),
            source_uid=self._text(where, raw, "source_uid"),
        )

    def thought(self, i: int, raw: Any) -> m.Thought:
        where = f"thoughts[{i}]"
        return m.Thought(
            client_id=self._client_ref(where, raw, required=False),
            written_at=self._moment(where, raw, "written_at"),
            body=self._text(where, raw, "body", required=True),
            kind=self._enum(where, raw, "kind", m.ThoughtKind, required=True),
            lingering=self._flag(where, raw, "lingering", True),
            tell_client=self._flag(where, raw, "tell_client", False),
        )

    def question(self, i: int, raw: Any) -> m.Question:
        where = f"questions[{i}]"
        return m.Question(
            client_id=self._client_ref(where, raw, required=False),
            asked_at=self._moment(where, raw, "asked_at"),
            body=self._text(where, raw, "body", required=True),
            status=self._enum(where, raw, "status", m.QuestionStatus, m.QuestionStatus.OPEN),
            answer=self._text(where, raw, "answer"),
            closed_at=self._moment(where, raw, "closed_at", required=False),
        )

    def encounter(self, i: int, raw: Any) -> m.Encounter:
        where = f"encounters[{i}]"
        return m.Encounter(
            client_id=self._client_ref(where, raw),
            happened_on=self._date(where, raw, "happened_on"),
            body=self._text(where, raw, "body", required=True),
        )

    def meeting(self, i: int, raw: Any) -> m.SupervisionMeeting:
        where = f"supervision[{i}]"
        items_raw = self._get(where, raw, "items", list, False, [])
        items = []
        for j, item in enumerate(items_raw):
            at = f"{where}.items[{j}]"
            items.append(m.SupervisionItem(
                client_id=self._client_ref(at, item),
                question=self._text(at, item, "question"),
                advice=self._text(at, item, "advice"),
                outcome=self._text(at, item, "outcome"),
            ))
        return m.SupervisionMeeting(
            held_on=self._date(where, raw, "held_on"), notes=self._text(where, raw, "notes"), items=items,
            planned=self._flag(where, raw, "planned", False),
        )


def _kind_name(kinds: tuple) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true or false",
             list: "a list", dict: "an object"}
    return " or ".join(dict.fromkeys(names.get(k, k.__name__) for k in kinds))


def _is_text(value: str) -> bool:
    """False if it holds a lone surrogate ('\\ud83d', half an emoji): JSON allows one, storage does not."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _short(text: str, limit: int = 24) -> str:
    visible = "".join(c if c.isprintable() else "�" for c in text)
    return visible if len(visible) <= limit else visible[: limit - 1] + "…"


# ---------------------------------------------------------------- writing


def to_document(data: m.CaseloadData) -> dict:
    code_of = {i + 1: c.code for i, c in enumerate(data.clients)}

    def ref(position: int | None) -> str | None:
        return code_of[position] if position is not None else None

    def iso(value) -> str | None:
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
             "lingering": t.lingering, "tell_client": t.tell_client, "body": t.body}
            for t in data.thoughts
        ],
        "questions": [
            {"client": ref(q.client_id), "asked_at": iso(q.asked_at), "status": q.status.value,
             "body": q.body, "answer": q.answer, "closed_at": iso(q.closed_at)}
            for q in data.questions
        ],
        "encounters": [
            {"client": ref(e.client_id), "happened_on": iso(e.happened_on), "body": e.body}
            for e in data.encounters
        ],
        "supervision": [
            {"held_on": iso(s.held_on), "planned": s.planned, "notes": s.notes, "items": [
                {"client": ref(i.client_id), "question": i.question, "advice": i.advice,
                 "outcome": i.outcome} for i in s.items]}
            for s in data.meetings
        ],
    }


def dumps(data: m.CaseloadData) -> str:
    # ensure_ascii keeps every byte of user text exact and the file plain ASCII.
    return json.dumps(to_document(data), indent=2, ensure_ascii=True) + "\n"


# ---------------------------------------------------------------- the demo's moving dates


def shift_dates(data: m.CaseloadData, days: int) -> m.CaseloadData:
    """Move every date by `days`, schedules' weekdays with them, so the demo stays current."""
    if days == 0:
        return data
    delta = timedelta(days=days)

    def move(value):
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
    return data


def written_on(doc: dict) -> date | None:
    value = doc.get("written_on")
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


