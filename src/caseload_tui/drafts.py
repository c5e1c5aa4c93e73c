"""Unsaved form text kept when the program is told to stop (terminal closed, SIGTERM), or by choice.

Drafts are kept inside the caseload file (store/drafts.py), so they are encrypted with an
encrypted caseload and no plain-text copy lies beside a plain one. A draft is removed as soon
as the form is reopened with it. Earlier versions kept one JSON file per caseload in the data
folder; `Drafts.adopt` moves it in once.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import config


class DraftKind(str, enum.Enum):
    """Which form a draft reopens. The value is what the form's `draft_kind` holds and the JSON keeps."""

    THOUGHT = "thought"
    QUESTION = "question"
    ANSWER = "answer"
    CLIENT = "client"
    NEWS = "news"
    GRADUATE = "graduate"
    REFLECTION = "reflection"  # an ending written again later, from the arc
    DATE = "date"
    SUPERVISION_QUESTION = "supervision_question"
    SUPERVISION_MEETING = "supervision_meeting"
    SUPERVISION_OUTCOME = "supervision_outcome"

    @property
    def on_supervision(self) -> bool:
        """Reopened on the supervision screen rather than on the dashboard."""
        return self.value.startswith("supervision_")


@dataclass(frozen=True)
class Draft:
    """A form's kind, what reopens it (client_id, thought_id, question_id, editing, item_id), and its texts."""

    kind: DraftKind
    values: dict[str, str]
    context: dict[str, object] = field(default_factory=dict)

    def number(self, name: str) -> int | None:
        """An id from the context (client_id, thought_id, question_id…), if it holds one."""
        value = self.context.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def flag(self, name: str) -> bool:
        return bool(self.context.get(name))

    def to_json(self) -> dict[str, object]:
        return {"kind": self.kind.value, "context": dict(self.context), "values": dict(self.values)}

    @classmethod
    def from_json(cls, raw: object) -> Draft | None:
        """The draft a JSON object holds, or None if it is not one this version can reopen."""
        if not isinstance(raw, Mapping):
            return None
        values, context = raw.get("values"), raw.get("context") or {}
        try:
            kind = DraftKind(raw.get("kind"))
        except ValueError:
            return None
        if not isinstance(values, dict) or not isinstance(context, dict):
            return None
        return cls(kind, {str(k): str(v) for k, v in values.items()}, {str(k): v for k, v in context.items()})


class DraftKeeper(Protocol):
    """Where drafts are kept: the open caseload (store.Store, through store/drafts.py)."""

    def keep_draft(self, kind: str, context: str, values: str) -> int: ...

    def kept_drafts(self) -> list[tuple[int, str, str, str]]: ...

    def forget_draft(self, draft_id: int) -> None: ...


class DraftNotKept(OSError):
    """The caseload could not take the draft (busy, read-only, disk full); the text is still in the form."""


class Drafts:
    """The drafts of one caseload, kept inside its file (a table written in its own transaction).

    The oldest waiting draft reopens first; one kept from each window stopped at once all wait.
    """

    def __init__(self, keeper: DraftKeeper) -> None:
        self._keeper = keeper

    def save(self, draft: Draft | Mapping[str, object]) -> None:
        """Keep a draft: a Draft, or the JSON object a form's `draft()` gives."""
        raw = draft.to_json() if isinstance(draft, Draft) else dict(draft)
        kept = Draft.from_json(raw)
        if kept is None:
            raise DraftNotKept("not a draft this version can reopen")
        try:
            self._keeper.keep_draft(kept.kind.value, json.dumps(kept.context, ensure_ascii=True),
                                    json.dumps(kept.values, ensure_ascii=True))
        except Exception as problem:  # noqa: BLE001  # the store's own error, worded for the clinician
            raise DraftNotKept(str(problem)) from None

    def take(self) -> Draft | None:
        """The oldest waiting draft, if any, taken out of the caseload (one this version cannot
        reopen is left where it is, for a later version)."""
        for draft_id, kind, context, values in self._keeper.kept_drafts():
            try:
                found = Draft.from_json({"kind": kind, "context": json.loads(context), "values": json.loads(values)})
            except json.JSONDecodeError:
                found = None
            if found is not None:
                self._keeper.forget_draft(draft_id)
                return found
        return None

    def adopt(self, db_path: Path, folder: Path | None = None) -> bool:
        """Move a draft an earlier version kept as a JSON file in the data folder into the caseload,
        then remove the file (once: it is gone afterwards). True if there was one."""
        legacy = legacy_draft_file(db_path, folder)
        try:
            raw = legacy.read_text(encoding="utf-8")
        except (FileNotFoundError, OSError, UnicodeDecodeError):
            return False
        try:
            found = Draft.from_json(json.loads(raw))
        except json.JSONDecodeError:
            found = None
        if found is not None:
            self.save(found)  # if this fails the file stays, to be moved next time
        with contextlib.suppress(FileNotFoundError):
            legacy.unlink()
        return found is not None


def legacy_draft_file(db_path: Path, folder: Path | None = None) -> Path:
    """Where versions before drafts were kept in the caseload put a caseload's draft (plain JSON)."""
    digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
    return (folder or config.data_dir() / "drafts") / f"{digest}.json"
