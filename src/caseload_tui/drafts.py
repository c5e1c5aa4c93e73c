"""Unsaved form text kept when the program is told to stop (terminal closed, SIGTERM).

One draft per caseload file, in the private data folder, readable only by
its owner; it is removed as soon as the form is reopened with it.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from . import config


class DraftKind(str, enum.Enum):
    """Which form a draft reopens. The value is what the form's `draft_kind` holds and the JSON keeps."""

    THOUGHT = "thought"
    QUESTION = "question"
    ANSWER = "answer"
    CLIENT = "client"
    NEWS = "news"
    GRADUATE = "graduate"
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


class Drafts:
    def __init__(self, db_path: Path, folder: Path | None = None) -> None:
        digest = hashlib.sha256(str(Path(db_path).resolve()).encode()).hexdigest()[:16]
        self._folder = folder or config.data_dir() / "drafts"
        self.path = self._folder / f"{digest}.json"

    def save(self, draft: Draft | Mapping[str, object]) -> None:
        """Keep a draft: a Draft, or the JSON object a form's `draft()` gives."""
        raw = draft.to_json() if isinstance(draft, Draft) else dict(draft)
        config.ensure_private_dir(self._folder)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(raw, handle, ensure_ascii=True)
            handle.flush()
            os.fsync(handle.fileno())

    def take(self) -> Draft | None:
        """The waiting draft, if any, removing it from disk."""
        try:
            raw = self.path.read_text(encoding="utf-8")
        except (FileNotFoundError, OSError, UnicodeDecodeError):
            return None
        try:
            found = json.loads(raw)
        except json.JSONDecodeError:
            found = None
        self.clear()
        return Draft.from_json(found)

    def clear(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
