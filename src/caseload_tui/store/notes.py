"""Notes: thoughts (about a client or my own practice), questions, and news and encounters."""

from __future__ import annotations

from datetime import datetime

from .. import model as m
from . import rows
from .base import StoreBase


def about(client_ids: list[int] | None) -> tuple[list[str], list[object]]:
    """WHERE terms for notes about these clients (None: about anyone, [] about no one)."""
    if client_ids is None:
        return [], []
    if not client_ids:
        return ["0"], []
    return [f"client_id IN ({', '.join('?' * len(client_ids))})"], list(client_ids)


class NotesMixin(StoreBase):
    # ------------------------------------------------------------ thoughts

    def thoughts(
        self, client_ids: list[int] | None = None, lingering_only: bool = False, limit: int = 500,
        since: datetime | None = None,
    ) -> list[m.Thought]:
        """Thoughts, newest first: about some clients, or (None) about everyone."""
        where, args = about(client_ids)
        if lingering_only:
            where.append("lingering = 1")
        if since is not None:
            where.append("written_at >= ?")
            args.append(rows.iso_moment(since))
        sql = "SELECT * FROM thoughts"
        if where:
            sql += " WHERE " + " AND ".join(where)
        with self._lock.reading() as conn:
            found = conn.execute(sql + " ORDER BY written_at DESC, id DESC LIMIT ?", [*args, limit]).fetchall()
        return [rows.thought(r) for r in found]

    def practice_thoughts(self, limit: int = 500) -> list[m.Thought]:
        """Thoughts about my own practice rather than one client."""
        with self._lock.reading() as conn:
            found = conn.execute(
                "SELECT * FROM thoughts WHERE client_id IS NULL ORDER BY written_at DESC, id DESC LIMIT ?",
                [limit],
            ).fetchall()
        return [rows.thought(r) for r in found]

    def practice_thought_count(self) -> int:
        with self._lock.reading() as conn:
            count: int = conn.execute("SELECT count(*) FROM thoughts WHERE client_id IS NULL").fetchone()[0]
        return count

    def thought(self, thought_id: int) -> m.Thought:
        return self._one("thoughts", thought_id, rows.thought, "That thought has been deleted.")

    def add_thought(self, thought: m.Thought) -> m.Thought:
        return self.thought(self._add("thoughts", rows.thought_values(thought), thought.client_id))

    def update_thought(self, thought: m.Thought) -> m.Thought:
        return self.thought(self._save("thoughts", thought.id, thought.version, rows.thought_values(thought)))

    def delete_thought(self, thought_id: int) -> bool:
        """True once its words are gone from every file; False while another window holds the WAL."""
        return self._delete_note("thoughts", thought_id)

    # ------------------------------------------------------------ questions

    def questions(self, client_ids: list[int] | None = None, open_only: bool = False,
                  limit: int = 500) -> list[m.Question]:
        """Questions with the open ones first, newest first within each."""
        where, args = about(client_ids)
        open_ = m.QuestionStatus.OPEN.value
        if open_only:
            where.append("status = ?")
            args.append(open_)
        sql = "SELECT * FROM questions"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY status != ?, coalesce(closed_at, asked_at) DESC, id DESC LIMIT ?"
        with self._lock.reading() as conn:
            found = conn.execute(sql, [*args, open_, limit]).fetchall()
        return [rows.question(r) for r in found]

    def question(self, question_id: int) -> m.Question:
        return self._one("questions", question_id, rows.question, "That question has been deleted.")

    def add_question(self, question: m.Question) -> m.Question:
        return self.question(self._add("questions", rows.question_values(question), question.client_id))

    def update_question(self, question: m.Question) -> m.Question:
        return self.question(self._save("questions", question.id, question.version, rows.question_values(question)))

    def delete_question(self, question_id: int) -> bool:
        """As delete_thought."""
        return self._delete_note("questions", question_id)

    # ------------------------------------------------------------ news and encounters

    def encounters(self, client_id: int) -> list[m.Encounter]:
        return self._of_client("encounters", "happened_on", client_id, rows.encounter)

    def add_encounter(self, encounter: m.Encounter) -> m.Encounter:
        with self._lock.writing():  # read back in the same transaction, as it was written
            new_id = self._add("encounters", rows.encounter_values(encounter), encounter.client_id)
            return self._one("encounters", new_id, rows.encounter, "That news has been deleted.")

    def encounter(self, encounter_id: int) -> m.Encounter:
        return self._one("encounters", encounter_id, rows.encounter, "That news has been deleted.")

    def update_encounter(self, encounter: m.Encounter) -> m.Encounter:
        """Correct news of a graduate (refused if it changed since it was read)."""
        return self.encounter(self._save("encounters", encounter.id, encounter.version,
                                         rows.encounter_values(encounter)))

    def delete_encounter(self, encounter_id: int) -> None:
        self._delete_note("encounters", encounter_id)
