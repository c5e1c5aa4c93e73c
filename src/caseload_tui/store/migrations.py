"""The schema, created and evolved by numbered migrations (sqlite-utils' Migrations).

A migration is never edited once released: add a new numbered one instead.

Every CHECK that lists a vocabulary is written from the model's enum, so a new caseload
always accepts every value the model has. A caseload made before a value was added needs a
migration that rebuilds the table with the new list (SQLite cannot ALTER a CHECK):

    @migrations(name="0004_phoned_status")
    def m0004_phoned_status(db: Database) -> None:
        rebuild_table(db, "appointments", with_check(db, "appointments", "status", m.Status))

A new caseload runs it too, so both end with the same table. (That is the one way an
old migration's text follows the code: its lists, never its shape.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .. import model as m
from .migration_steps import Steps
from .rebuild import rebuild_table, remake_search_index, search_index, with_check
from .rows import HELD, MEETING_STATUSES
from .sql import quoted_values

if TYPE_CHECKING:
    from sqlite_utils import Database

__all__ = ["MIGRATION_SET", "migrations", "rebuild_table", "with_check"]

MIGRATION_SET = "caseload"
migrations = Steps(MIGRATION_SET)  # sqlite-utils' Migrations, its names read without loading it (migration_steps.py)


@migrations(name="0001_caseload")
def m0001_caseload(db: Database) -> None:
    # The outcome and question-status columns, their default and CHECK from the model's sets.
    attendance = f"DEFAULT {quoted_values([m.Status.SCHEDULED])} CHECK (status IN ({quoted_values(m.Status)}))"
    question = f"DEFAULT {quoted_values([m.QuestionStatus.OPEN])} CHECK (status IN ({quoted_values(m.QuestionStatus)}))"
    db.executescript(
        f"""
        CREATE TABLE clients (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            code TEXT NOT NULL UNIQUE,
            started_on TEXT NOT NULL,
            ended_on TEXT,
            ending_kind TEXT CHECK (ending_kind IN
                ({quoted_values(m.RECORDED_ENDING_WORDS)})),
            schedule TEXT NOT NULL DEFAULT '',
            themes TEXT NOT NULL DEFAULT '',
            bring_to_supervision INTEGER NOT NULL DEFAULT 0,
            helped TEXT NOT NULL DEFAULT '',
            not_helped TEXT NOT NULL DEFAULT '',
            they_learned TEXT NOT NULL DEFAULT '',
            i_learned TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE TABLE appointments (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            starts_at TEXT NOT NULL,
            status TEXT NOT NULL {attendance},
            note TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            source_uid TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX appointments_by_client ON appointments(client_id, starts_at);
        CREATE INDEX appointments_by_outcome ON appointments(client_id, status, starts_at);
        CREATE INDEX appointments_by_time ON appointments(starts_at);
        CREATE UNIQUE INDEX appointments_by_source ON appointments(source, source_uid)
            WHERE source_uid != '';
        CREATE TABLE thoughts (
            id INTEGER PRIMARY KEY,
            client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
            written_at TEXT NOT NULL,
            body TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN
                ({quoted_values(m.ThoughtKind)})),
            lingering INTEGER NOT NULL DEFAULT 1,
            tell_client INTEGER NOT NULL DEFAULT 0,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX thoughts_by_client ON thoughts(client_id, lingering, written_at);
        CREATE INDEX thoughts_by_time ON thoughts(written_at);
        CREATE TABLE questions (
            id INTEGER PRIMARY KEY,
            client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
            asked_at TEXT NOT NULL,
            body TEXT NOT NULL,
            status TEXT NOT NULL {question},
            answer TEXT NOT NULL DEFAULT '',
            closed_at TEXT,
            version INTEGER NOT NULL DEFAULT 1
        );
        CREATE INDEX questions_by_client ON questions(client_id, status, asked_at);
        CREATE TABLE encounters (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            happened_on TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX encounters_by_client ON encounters(client_id, happened_on);
        CREATE TABLE supervision_meetings (
            id INTEGER PRIMARY KEY,
            held_on TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE supervision_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id) ON DELETE CASCADE,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            question TEXT NOT NULL DEFAULT '',
            advice TEXT NOT NULL DEFAULT '',
            outcome TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX supervision_items_by_client ON supervision_items(client_id);
        """
    )
    # Full-text search, kept current by the triggers sqlite-utils creates.
    for table, columns in (("thoughts", ["body"]), ("questions", ["body", "answer"]), ("encounters", ["body"])):
        db.table(table).enable_fts(columns, create_triggers=True)


@migrations(name="0002_planned_supervision")
def m0002_planned_supervision(db: Database) -> None:
    """A supervision can be prepared before it is held: its cases and questions are kept as a plan."""
    db.execute(
        f"ALTER TABLE supervision_meetings ADD COLUMN status TEXT NOT NULL DEFAULT {quoted_values([HELD])} "
        f"CHECK (status IN ({quoted_values(MEETING_STATUSES, ', ')}))"
    )


@migrations(name="0003_faster_reading")
def m0003_faster_reading(db: Database) -> None:
    """Indexes that keep reading and searching quick in a caseload of any size.

    - A client's recent sessions (time and outcome) are read from an index alone, never
      from the table; it replaces the index on (client_id, starts_at), whose every use
      it serves. Clients are read in name order without a sort.
    - The full-text indexes also index every word's first two and three letters, so a
      search typed a letter at a time ("bo", "boo") need not gather every such word.
      They are made again from the notes; the triggers that keep them current refer to
      them by name and carry on as they were.
    """
    # One statement at a time (not executescript, which would commit the update's transaction).
    db.execute("CREATE INDEX appointments_by_client_time ON appointments(client_id, starts_at, status)")
    db.execute("DROP INDEX appointments_by_client")
    db.execute("CREATE INDEX clients_by_name ON clients(name COLLATE NOCASE)")
    for table, columns in (("thoughts", '"body"'), ("questions", '"body", "answer"'), ("encounters", '"body"')):
        db.execute(f"DROP TABLE {table}_fts")
        db.execute(f'CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 ({columns}, content="{table}", prefix=\'2 3\')')
        db.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")


@migrations(name="0030_safety_concerns")
def m0030_safety_concerns(db: Database) -> None:
    """A thought or a question can be marked as a safety concern (model/safety.py), until resolved.

    The kind of concern (NULL: none), when it was marked and when resolved; the partial
    indexes find the concerns still open, which every header and card shows.
    """
    for table in ("thoughts", "questions"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN safety TEXT CHECK (safety IN ({quoted_values(m.SafetyConcern)}))")
        db.execute(f"ALTER TABLE {table} ADD COLUMN safety_marked_at TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN safety_resolved_at TEXT")
        db.execute(f"CREATE INDEX {table}_with_open_concerns ON {table}(client_id) "
                   "WHERE safety IS NOT NULL AND safety_resolved_at IS NULL")


@migrations(name="0040_my_breaks")
def m0040_my_breaks(db: Database) -> None:
    """My own breaks (a holiday, illness): the sessions that fall in them say nothing about a client.

    (services/sessions.add_break refuses a break that ends before it starts.)"""
    db.execute("CREATE TABLE breaks (id INTEGER PRIMARY KEY, starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, "
               "word TEXT NOT NULL DEFAULT '')")


@migrations(name="0050_bring_a_thought")
def m0050_bring_a_thought(db: Database) -> None:
    """A thought can be flagged to bring to supervision, and is marked with the meeting it was brought to."""
    db.execute("ALTER TABLE thoughts ADD COLUMN bring_to_supervision INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE thoughts ADD COLUMN brought_to INTEGER "
               "REFERENCES supervision_meetings(id) ON DELETE SET NULL")


@migrations(name="0051_supervision_log")
def m0051_supervision_log(db: Database) -> None:
    """What a supervision log records: who the supervisor was, how long, individual or group;
    and for each case, what I have tried, what happens between us and what I need today."""
    db.execute("ALTER TABLE supervision_meetings ADD COLUMN supervisor TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE supervision_meetings ADD COLUMN minutes INTEGER NOT NULL DEFAULT 0")
    db.execute(f"ALTER TABLE supervision_meetings ADD COLUMN setting TEXT NOT NULL "
               f"DEFAULT {quoted_values([m.Setting.INDIVIDUAL])} CHECK (setting IN ({quoted_values(m.Setting)}))")
    db.execute("ALTER TABLE supervision_items ADD COLUMN tried TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE supervision_items ADD COLUMN between_us TEXT NOT NULL DEFAULT ''")
    db.execute(f"ALTER TABLE supervision_items ADD COLUMN need TEXT CHECK (need IN ({quoted_values(m.Need)}))")


@migrations(name="0052_news_can_be_corrected")
def m0052_news_can_be_corrected(db: Database) -> None:
    """News of a graduate can be corrected, and a stale correction refused, as a note's can."""
    db.execute("ALTER TABLE encounters ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


@migrations(name="0031_told_them")
def m0031_told_them(db: Database) -> None:
    """A thought to tell the client can hold the cue that would prompt it; and what became of it
    (model/follow_through.py): told, kept or let go, when, and how they took it. The cue and how they
    took it are searched with the thought."""
    db.execute("ALTER TABLE thoughts ADD COLUMN cue TEXT NOT NULL DEFAULT ''")
    db.execute(f"ALTER TABLE thoughts ADD COLUMN told TEXT CHECK (told IN ({quoted_values(m.TellOutcome)}))")
    db.execute("ALTER TABLE thoughts ADD COLUMN told_at TEXT")
    db.execute("ALTER TABLE thoughts ADD COLUMN how_taken TEXT NOT NULL DEFAULT ''")
    search_index(db, "thoughts", ["body", "cue", "how_taken"])


@migrations(name="0032_advice_tried")
def m0032_advice_tried(db: Database) -> None:
    """Whether a supervisor's advice was tried (model/follow_through.py); how it went stays in `outcome`."""
    tried = quoted_values(m.AdviceOutcome)
    db.execute(f"ALTER TABLE supervision_items ADD COLUMN advice_tried TEXT CHECK (advice_tried IN ({tried}))")


@migrations(name="0033_dates_that_matter")
def m0033_dates_that_matter(db: Database) -> None:
    """Dates that matter to a client (or, with no client, breaks of mine), searched by their notes."""
    db.execute(
        """
        CREATE TABLE dates (
            id INTEGER PRIMARY KEY,
            client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,
            falls_on TEXT NOT NULL,
            yearly INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1
        )"""
    )
    db.execute("CREATE INDEX dates_by_client ON dates(client_id, falls_on)")
    search_index(db, "dates", ["note"])


@migrations(name="0060_thought_kinds_in_my_words")
def m0060_thought_kinds_in_my_words(db: Database) -> None:
    """Blind spot joins the kinds; a reaction says whose feeling it is, and its feeling words.

    Every thought keeps the kind it had (the mapping is the identity: no thought changes kind);
    a reaction written before has no "whose" (NULL: never asked) and no feeling words.
    """
    rebuild_table(db, "thoughts", with_check(db, "thoughts", "kind", m.ThoughtKind))
    db.execute(f"ALTER TABLE thoughts ADD COLUMN whose TEXT CHECK (whose IN ({quoted_values(m.Whose)}))")
    db.execute("ALTER TABLE thoughts ADD COLUMN feelings TEXT NOT NULL DEFAULT ''")


@migrations(name="0061_episodes")
def m0061_episodes(db: Database) -> None:
    """Every period of work is an episode of its own, kept when a client returns.

    Each client's one ending becomes their first episode: its dates, its reflection, and the
    kind of ending as recorded (`recorded_as`, shown with it, never lost). Who ended it and how
    are set only where that kind says so for certain (m.RECORDED_ENDING_MEANS: mutual → both,
    by the client → the client, planned → with time to say goodbye); the rest is left unanswered.
    The client keeps the current episode's dates (the grouping rules read them); the ending's
    kind and reflection move to the episode.
    """
    db.execute(f"""
        CREATE TABLE episodes (
            id INTEGER PRIMARY KEY,
            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
            started_on TEXT NOT NULL,
            ended_on TEXT,
            ended_by TEXT CHECK (ended_by IN ({quoted_values(m.EndedBy)})),
            ending_how TEXT CHECK (ending_how IN ({quoted_values(m.EndingHow)})),
            recorded_as TEXT NOT NULL DEFAULT '',
            helped TEXT NOT NULL DEFAULT '',
            not_helped TEXT NOT NULL DEFAULT '',
            they_learned TEXT NOT NULL DEFAULT '',
            i_learned TEXT NOT NULL DEFAULT '',
            could_not_find TEXT NOT NULL DEFAULT '',
            still_wonder TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1
        )""")
    db.execute("CREATE INDEX episodes_by_client ON episodes(client_id, started_on)")
    case = " ".join(f"WHEN {quoted_values([kind])} THEN ?" for kind in m.RECORDED_ENDING_MEANS)
    means = list(m.RECORDED_ENDING_MEANS.values())
    db.execute(
        "INSERT INTO episodes (client_id, started_on, ended_on, ended_by, ending_how, recorded_as, "
        "helped, not_helped, they_learned, i_learned) "
        f"SELECT id, started_on, ended_on, CASE ending_kind {case} END, CASE ending_kind {case} END, "
        "coalesce(ending_kind, ''), helped, not_helped, they_learned, i_learned FROM clients ORDER BY id",
        [*(who.value if who else None for who, _ in means), *(how.value if how else None for _, how in means)],
    )
    for column in ("ending_kind", "helped", "not_helped", "they_learned", "i_learned"):
        db.execute(f"ALTER TABLE clients DROP COLUMN {column}")


@migrations(name="0062_news_in_my_words")
def m0062_news_in_my_words(db: Database) -> None:
    """News of a graduate says what it stirred in me and what it taught me, all three searchable.

    The search index and its triggers are made again over the three, as sqlite-utils makes them,
    one statement at a time (its enable_fts runs a script, which would commit the update).
    """
    columns = ("body", "stirred", "taught")
    for column in columns[1:]:
        db.execute(f"ALTER TABLE encounters ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
    for trigger in ("ai", "ad", "au"):
        db.execute(f"DROP TRIGGER encounters_{trigger}")
    db.execute("DROP TABLE encounters_fts")
    names = ", ".join(f'"{c}"' for c in columns)
    new, old = (", ".join(f'{row}."{c}"' for c in columns) for row in ("new", "old"))
    db.execute(f'CREATE VIRTUAL TABLE "encounters_fts" USING FTS5 ({names}, content="encounters", prefix=\'2 3\')')
    insert_new = f'INSERT INTO "encounters_fts" (rowid, {names}) VALUES (new.rowid, {new});'
    delete_old = (f'INSERT INTO "encounters_fts" ("encounters_fts", rowid, {names}) '
                  f"VALUES('delete', old.rowid, {old});")
    for name, event, body in (("ai", "INSERT", insert_new), ("ad", "DELETE", delete_old),
                              ("au", "UPDATE", f"{delete_old}\n  {insert_new}")):
        db.execute(f'CREATE TRIGGER "encounters_{name}" AFTER {event} ON "encounters" BEGIN\n  {body}\nEND')
    db.execute("INSERT INTO encounters_fts (encounters_fts) VALUES ('rebuild')")


@migrations(name="0080_supervision_versions")
def m0080_supervision_versions(db: Database) -> None:
    """A supervision (the plan being prepared, or a meeting held) is versioned like every other record,
    so a plan saved from a window that read it before another window changed it is refused, not
    written over the other window's questions (issue 11). Its items are written with it, so its
    version stands for them too."""
    db.execute("ALTER TABLE supervision_meetings ADD COLUMN version INTEGER NOT NULL DEFAULT 1")


@migrations(name="0081_drafts")
def m0081_drafts(db: Database) -> None:
    """Unsaved form text is kept inside the caseload file (issue 11): encrypted with an encrypted
    caseload, never a plain-text file beside it. `kind` is a drafts.DraftKind; `context` and
    `draft_values` are the JSON a form's draft gives (what reopens it, and what was typed); the
    oldest (lowest id) reopens first."""
    db.execute(
        "CREATE TABLE drafts (\n"
        "    id INTEGER PRIMARY KEY,\n"
        "    kind TEXT NOT NULL,\n"
        "    context TEXT NOT NULL DEFAULT '{}',\n"
        "    draft_values TEXT NOT NULL DEFAULT '{}'\n"
        ")"
    )


@migrations(name="0110_search_everything_written")
def m0110_search_everything_written(db: Database) -> None:
    """Search finds everything the clinician wrote: a client's name and themes, the reflection on an
    ending, and a supervision case's question, what I tried, what happens between us, the advice and
    how it went (store/search.py), each with its own index kept current by triggers."""
    search_index(db, "clients", ["name", "themes"])
    search_index(db, "episodes", ["helped", "not_helped", "they_learned", "i_learned", "could_not_find",
                                   "still_wonder"])
    search_index(db, "supervision_items", ["question", "tried", "between_us", "advice", "outcome"])


@migrations(name="0100_mind_and_patterns_indexes")
def m0100_mind_and_patterns_indexes(db: Database) -> None:
    """Mind and room counts the questions asked in a window; Patterns in me reads one year's own responses.

    Without these the one scans every question, the other every thought of the year, whatever its kind.
    """
    db.execute("CREATE INDEX questions_by_time ON questions(asked_at)")
    db.execute("CREATE INDEX thoughts_by_kind_time ON thoughts(kind, written_at)")


@migrations(name="0111_groups_at_day_start")
def m0111_groups_at_day_start(db: Database) -> None:
    """Each client's group and its reason as the day began (the first time the caseload was opened that
    day), so the day's end says who moved between groups today whatever moved them: a session of an
    earlier day recorded from the dashboard in the morning included (day_review.moves, issue 20).
    Only the latest day is kept."""
    db.execute(
        "CREATE TABLE groups_at_day_start (\n"
        "    client_id INTEGER PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,\n"
        "    day TEXT NOT NULL,\n"
        f"    grp TEXT NOT NULL CHECK (grp IN ({quoted_values(m.Group)})),\n"
        "    reason TEXT NOT NULL DEFAULT ''\n"
        ")"
    )


@migrations(name="0130_search_from_the_first_letter")
def m0130_search_from_the_first_letter(db: Database) -> None:
    """Withdrawn before any release (0131 undoes it where it ran): it remade every search index with each
    word's first letter as well."""


@migrations(name="0131_search_indexes_as_made_by_0003")
def m0131_search_indexes_as_made_by_0003(db: Database) -> None:
    """Search indexes with first letters too (0130 as first written) left a deleted note's words in the
    file (tests/trust/test_deleting.py): where it ran, each index is made again as 0003 made them."""
    for table in ("thoughts", "questions", "encounters", "dates", "clients", "episodes", "supervision_items"):
        remake_search_index(db, table, "2 3")
