"""Rows to model objects and back. Dates are ISO 8601 text in the file."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from ..model import (
    REFLECTION_PARTS,
    Appointment,
    Client,
    Encounter,
    EndedBy,
    EndingHow,
    Episode,
    Need,
    Question,
    QuestionStatus,
    Reflection,
    SafetyConcern,
    SafetyMark,
    Setting,
    Status,
    SupervisionItem,
    SupervisionMeeting,
    Thought,
    ThoughtKind,
    Whose,
)
from ..model.dates import DateThatMatters
from ..model.follow_through import AdviceOutcome, Telling, TellOutcome


def iso_day(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def iso_moment(value: datetime | None) -> str | None:
    return value.isoformat(timespec="minutes") if value is not None else None


def day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


# Columns that are NOT NULL: read exactly as day() and moment() read them, typed as never None.
def given_day(text: str) -> date:
    return cast(date, day(text))


def given_moment(text: str) -> datetime:
    return cast(datetime, moment(text))


def client(row: Any) -> Client:
    return Client(
        id=row["id"],
        name=row["name"],
        code=row["code"],
        started_on=given_day(row["started_on"]),
        ended_on=day(row["ended_on"]),
        schedule=row["schedule"],
        themes=row["themes"],
        bring_to_supervision=bool(row["bring_to_supervision"]),
        version=row["version"],
    )


def client_values(c: Client) -> dict[str, Any]:
    return {
        "name": c.name,
        "code": c.code,
        "started_on": iso_day(c.started_on),
        "ended_on": iso_day(c.ended_on),
        "schedule": c.schedule,
        "themes": c.themes,
        "bring_to_supervision": int(c.bring_to_supervision),
    }


def episode(row: Any) -> Episode:
    return Episode(
        id=row["id"],
        client_id=row["client_id"],
        started_on=given_day(row["started_on"]),
        ended_on=day(row["ended_on"]),
        ended_by=EndedBy(row["ended_by"]) if row["ended_by"] else None,
        how=EndingHow(row["ending_how"]) if row["ending_how"] else None,
        reflection=Reflection(**{part: row[part] for part, _ in REFLECTION_PARTS}),
        recorded_as=row["recorded_as"],
        version=row["version"],
    )


def reflection_values(r: Reflection) -> dict[str, Any]:
    return {part: getattr(r, part) for part, _ in REFLECTION_PARTS}


def episode_values(e: Episode) -> dict[str, Any]:
    return {
        "client_id": e.client_id,
        "started_on": iso_day(e.started_on),
        "ended_on": iso_day(e.ended_on),
        "ended_by": e.ended_by.value if e.ended_by else None,
        "ending_how": e.how.value if e.how else None,
        "recorded_as": e.recorded_as,
        **reflection_values(e.reflection),
    }


def appointment(row: Any) -> Appointment:
    return Appointment(
        id=row["id"],
        client_id=row["client_id"],
        starts_at=given_moment(row["starts_at"]),
        status=Status(row["status"]),
        note=row["note"],
        source=row["source"],
        source_uid=row["source_uid"],
    )


def appointment_values(a: Appointment) -> dict[str, Any]:
    return {
        "client_id": a.client_id,
        "starts_at": iso_moment(a.starts_at),
        "status": a.status.value,
        "note": a.note,
        "source": a.source,
        "source_uid": a.source_uid,
    }


def thought(row: Any) -> Thought:
    return Thought(
        id=row["id"],
        client_id=row["client_id"],
        written_at=given_moment(row["written_at"]),
        body=row["body"],
        kind=ThoughtKind(row["kind"]),
        lingering=bool(row["lingering"]),
        tell_client=bool(row["tell_client"]),
        version=row["version"],
        whose=Whose(row["whose"]) if row["whose"] else None,
        feelings=row["feelings"],
        bring_to_supervision=bool(row["bring_to_supervision"]),
        brought_to=row["brought_to"],
        safety=safety(row),
        cue=row["cue"],
        telling=Telling(TellOutcome(row["told"]), given_moment(row["told_at"]), row["how_taken"])
        if row["told"] else None,
    )


def thought_values(t: Thought) -> dict[str, Any]:
    return {
        "client_id": t.client_id,
        "written_at": iso_moment(t.written_at),
        "body": t.body,
        "kind": t.kind.value,
        "lingering": int(t.lingering),
        "tell_client": int(t.tell_client),
        "whose": t.whose.value if t.whose else None,
        "feelings": t.feelings,
        "bring_to_supervision": int(t.bring_to_supervision),
        "brought_to": t.brought_to,
        **safety_values(t.safety),
        "cue": t.cue,
        "told": t.telling.outcome.value if t.telling else None,
        "told_at": iso_moment(t.telling.on) if t.telling else None,
        "how_taken": t.telling.how_taken if t.telling else "",
    }


def question(row: Any) -> Question:
    return Question(
        id=row["id"],
        client_id=row["client_id"],
        asked_at=given_moment(row["asked_at"]),
        body=row["body"],
        status=QuestionStatus(row["status"]),
        answer=row["answer"],
        closed_at=moment(row["closed_at"]),
        version=row["version"],
        safety=safety(row),
    )


def question_values(q: Question) -> dict[str, Any]:
    return {
        "client_id": q.client_id,
        "asked_at": iso_moment(q.asked_at),
        "body": q.body,
        "status": q.status.value,
        "answer": q.answer,
        "closed_at": iso_moment(q.closed_at),
        **safety_values(q.safety),
    }


def safety(row: Any) -> SafetyMark | None:
    """A thought's or question's safety marker (migration 0030), or None if it has none."""
    if row["safety"] is None:
        return None
    return SafetyMark(concern=SafetyConcern(row["safety"]), marked_at=given_moment(row["safety_marked_at"]),
                      resolved_at=moment(row["safety_resolved_at"]))


def safety_values(mark: SafetyMark | None) -> dict[str, Any]:
    if mark is None:
        return {"safety": None, "safety_marked_at": None, "safety_resolved_at": None}
    return {"safety": mark.concern.value, "safety_marked_at": iso_moment(mark.marked_at),
            "safety_resolved_at": iso_moment(mark.resolved_at)}


def encounter(row: Any) -> Encounter:
    return Encounter(
        id=row["id"], client_id=row["client_id"], happened_on=given_day(row["happened_on"]), body=row["body"],
        stirred=row["stirred"], taught=row["taught"],
        version=row["version"],
    )


def encounter_values(e: Encounter) -> dict[str, Any]:
    return {"client_id": e.client_id, "happened_on": iso_day(e.happened_on), "body": e.body,
            "stirred": e.stirred, "taught": e.taught}


# A supervision meeting's status column: the model has only `planned` (a bool) for it.
PLANNED, HELD = "planned", "held"
MEETING_STATUSES = (PLANNED, HELD)


def meeting(row: Any, items: list[SupervisionItem]) -> SupervisionMeeting:
    return SupervisionMeeting(id=row["id"], held_on=given_day(row["held_on"]), notes=row["notes"], items=items,
                              planned=row["status"] == PLANNED, supervisor=row["supervisor"],
                              minutes=row["minutes"], setting=Setting(row["setting"]), version=row["version"])


def meeting_values(mt: SupervisionMeeting) -> dict[str, Any]:
    return {"held_on": iso_day(mt.held_on), "notes": mt.notes, "status": PLANNED if mt.planned else HELD,
            "supervisor": mt.supervisor, "minutes": mt.minutes, "setting": mt.setting.value}


def item(row: Any) -> SupervisionItem:
    return SupervisionItem(
        id=row["id"],
        meeting_id=row["meeting_id"],
        client_id=row["client_id"],
        question=row["question"],
        advice=row["advice"],
        outcome=row["outcome"],
        tried=row["tried"],
        between_us=row["between_us"],
        need=Need(row["need"]) if row["need"] else None,
        advice_tried=AdviceOutcome(row["advice_tried"]) if row["advice_tried"] else None,
    )


def item_values(i: SupervisionItem) -> dict[str, Any]:
    return {
        "meeting_id": i.meeting_id,
        "client_id": i.client_id,
        "question": i.question,
        "advice": i.advice,
        "outcome": i.outcome,
        "tried": i.tried,
        "between_us": i.between_us,
        "need": i.need.value if i.need else None,
        "advice_tried": i.advice_tried.value if i.advice_tried else None,
    }


def date_that_matters(row: Any) -> DateThatMatters:
    return DateThatMatters(id=row["id"], client_id=row["client_id"], falls_on=given_day(row["falls_on"]),
                           yearly=bool(row["yearly"]), note=row["note"], version=row["version"])


def date_values(d: DateThatMatters) -> dict[str, Any]:
    return {"client_id": d.client_id, "falls_on": iso_day(d.falls_on), "yearly": int(d.yearly), "note": d.note}
