"""A client's periods of work in the JSON caseload format (see json_format).

Each client record lists its episodes, the first first: dates, who ended it and how, the kind
of ending as first recorded, and the six-part reflection. A file written before episodes gives
one ending on the client itself ("ending_kind", "reflection"): it is read as one episode, with
who and how set as the caseload's own migration sets them (model.RECORDED_ENDING_MEANS).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from .. import model as m
from .json_fields import Document, FieldReader

OLDER_KEYS = ("ending_kind", "reflection")  # the one ending of a file written before episodes


def read_episodes(reader: FieldReader, where: str, record: object, client: m.Client,
                  position: int) -> list[m.Episode]:
    """The client's periods of work, checked: in order, apart, only the last one still going on."""
    assert isinstance(record, dict), "read after json_format has read the client from it"
    listed = reader._maybe(where, record, "episodes", list)
    if listed is None:
        return [_older_ending(reader, where, record, client, position)]
    if any(key in record for key in OLDER_KEYS):
        raise reader._fail(where, "'ending_kind' and 'reflection' belong to files without 'episodes'; "
                                  "this one's endings are in its episodes.")
    if not listed:
        raise reader._fail(where, "'episodes' is empty; every client has at least one period of work.")
    episodes = [_episode(reader, f"{where}.episodes[{j}]", raw, position) for j, raw in enumerate(listed)]
    for j, (before, after) in enumerate(zip(episodes, episodes[1:], strict=False)):
        if before.ended_on is None or after.started_on < before.ended_on:
            raise reader._fail(f"{where}.episodes[{j + 1}]", "begins before the period of work before it ended.")
    last = episodes[-1]
    if (client.started_on, client.ended_on) != (last.started_on, last.ended_on):
        raise reader._fail(where, "'started_on' and 'ended_on' should be those of its last episode.")
    return episodes


def _episode(reader: FieldReader, where: str, raw: object, position: int) -> m.Episode:
    if not isinstance(raw, dict):
        raise reader._fail(where, "should be an object with named fields.")
    episode = m.Episode(
        client_id=position,
        started_on=reader._required(where, raw, "started_on", reader._day),
        ended_on=reader._optional(where, raw, "ended_on", reader._day),
        ended_by=reader._optional(where, raw, "ended_by", reader._member(m.EndedBy)),
        how=reader._optional(where, raw, "how", reader._member(m.EndingHow)),
        recorded_as=reader._text(where, raw, "recorded_as"),
        reflection=_reflection(reader, where, raw),
    )
    if episode.recorded_as and episode.recorded_as not in m.RECORDED_ENDING_WORDS:
        raise reader._fail(where, f"'recorded_as' must be one of: {', '.join(m.RECORDED_ENDING_WORDS)}.")
    if episode.ended_on is None and (episode.ended_by or episode.how):
        raise reader._fail(where, "says who ended it or how, but has no 'ended_on'.")
    if episode.ended_on is not None and episode.ended_on < episode.started_on:
        raise reader._fail(where, "'ended_on' is before 'started_on'.")
    return episode


def _reflection(reader: FieldReader, where: str, raw: Document) -> m.Reflection:
    parts = reader._maybe(where, raw, "reflection", dict) or {}
    return m.Reflection(**{part: reader._text(f"{where}.reflection", parts, part) for part, _ in m.REFLECTION_PARTS})


def _older_ending(reader: FieldReader, where: str, record: Document, client: m.Client,
                  position: int) -> m.Episode:
    """An older file's client: its one ending, kept as one episode with the kind it was recorded as."""
    kind = reader._text(where, record, "ending_kind")
    if kind and kind not in m.RECORDED_ENDING_MEANS:
        raise reader._fail(where, f"'ending_kind' must be one of: {', '.join(m.RECORDED_ENDING_MEANS)}.")
    ended_by, how = m.RECORDED_ENDING_MEANS.get(kind, (None, None))
    return m.Episode(client_id=position, started_on=client.started_on, ended_on=client.ended_on,
                     ended_by=ended_by, how=how, recorded_as=kind, reflection=_reflection(reader, where, record))


def episode_document(e: m.Episode, iso: Callable[[date | None], str | None]) -> dict[str, Any]:
    return {
        "started_on": iso(e.started_on), "ended_on": iso(e.ended_on),
        "ended_by": e.ended_by.value if e.ended_by else None, "how": e.how.value if e.how else None,
        "recorded_as": e.recorded_as,
        "reflection": {part: getattr(e.reflection, part) for part, _ in m.REFLECTION_PARTS},
    }
