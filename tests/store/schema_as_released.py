# ruff: noqa: E501  (a data file: the schema as released, SQL strings kept exactly as SQLite prints them)
"""The schema as released (after migration 0051), object by object as sqlite_master holds it.

A new caseload must have exactly this; a migration that changes the schema changes this with it.
(type, name, tbl_name, sql), sorted by type and name; the FTS5 shadow tables and the triggers
that keep them current are made by SQLite and sqlite-utils.
"""

SCHEMA = [
    ('index', 'appointments_by_client_time', 'appointments', 'CREATE INDEX appointments_by_client_time ON appointments(client_id, starts_at, status)'),
    ('index', 'appointments_by_outcome', 'appointments', 'CREATE INDEX appointments_by_outcome ON appointments(client_id, status, starts_at)'),
    ('index', 'appointments_by_source', 'appointments', "CREATE UNIQUE INDEX appointments_by_source ON appointments(source, source_uid)\n            WHERE source_uid != ''"),
    ('index', 'appointments_by_time', 'appointments', 'CREATE INDEX appointments_by_time ON appointments(starts_at)'),
    ('index', 'clients_by_name', 'clients', 'CREATE INDEX clients_by_name ON clients(name COLLATE NOCASE)'),
    ('index', 'encounters_by_client', 'encounters', 'CREATE INDEX encounters_by_client ON encounters(client_id, happened_on)'),
    ('index', 'idx__sqlite_migrations_migration_set_name', '_sqlite_migrations', 'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"\n    ON "_sqlite_migrations" ("migration_set", "name")'),
    ('index', 'questions_by_client', 'questions', 'CREATE INDEX questions_by_client ON questions(client_id, status, asked_at)'),
    ('index', 'sqlite_autoindex_clients_1', 'clients', None),
    ('index', 'supervision_items_by_client', 'supervision_items', 'CREATE INDEX supervision_items_by_client ON supervision_items(client_id)'),
    ('index', 'thoughts_by_client', 'thoughts', 'CREATE INDEX thoughts_by_client ON thoughts(client_id, lingering, written_at)'),
    ('index', 'thoughts_by_time', 'thoughts', 'CREATE INDEX thoughts_by_time ON thoughts(written_at)'),
    ('table', '_sqlite_migrations', '_sqlite_migrations', 'CREATE TABLE "_sqlite_migrations" (\n   "id" INTEGER PRIMARY KEY,\n   "migration_set" TEXT,\n   "name" TEXT,\n   "applied_at" TEXT\n)'),
    ('table', 'appointments', 'appointments', "CREATE TABLE appointments (\n            id INTEGER PRIMARY KEY,\n            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n            starts_at TEXT NOT NULL,\n            status TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled','attended','late','cancelled','late_cancelled','no_show','clinician_cancelled','rescheduled')),\n            note TEXT NOT NULL DEFAULT '',\n            source TEXT NOT NULL DEFAULT '',\n            source_uid TEXT NOT NULL DEFAULT ''\n        )"),
    ('table', 'clients', 'clients', "CREATE TABLE clients (\n            id INTEGER PRIMARY KEY,\n            name TEXT NOT NULL,\n            code TEXT NOT NULL UNIQUE,\n            started_on TEXT NOT NULL,\n            ended_on TEXT,\n            ending_kind TEXT CHECK (ending_kind IN\n                ('planned','mutual','client_ended','unplanned')),\n            schedule TEXT NOT NULL DEFAULT '',\n            themes TEXT NOT NULL DEFAULT '',\n            bring_to_supervision INTEGER NOT NULL DEFAULT 0,\n            helped TEXT NOT NULL DEFAULT '',\n            not_helped TEXT NOT NULL DEFAULT '',\n            they_learned TEXT NOT NULL DEFAULT '',\n            i_learned TEXT NOT NULL DEFAULT '',\n            version INTEGER NOT NULL DEFAULT 1\n        )"),
    ('table', 'encounters', 'encounters', 'CREATE TABLE encounters (\n            id INTEGER PRIMARY KEY,\n            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n            happened_on TEXT NOT NULL,\n            body TEXT NOT NULL\n        )'),
    ('table', 'encounters_fts', 'encounters_fts', 'CREATE VIRTUAL TABLE "encounters_fts" USING FTS5 ("body", content="encounters", prefix=\'2 3\')'),
    ('table', 'encounters_fts_config', 'encounters_fts_config', "CREATE TABLE 'encounters_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID"),
    ('table', 'encounters_fts_data', 'encounters_fts_data', "CREATE TABLE 'encounters_fts_data'(id INTEGER PRIMARY KEY, block BLOB)"),
    ('table', 'encounters_fts_docsize', 'encounters_fts_docsize', "CREATE TABLE 'encounters_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)"),
    ('table', 'encounters_fts_idx', 'encounters_fts_idx', "CREATE TABLE 'encounters_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID"),
    ('table', 'questions', 'questions', "CREATE TABLE questions (\n            id INTEGER PRIMARY KEY,\n            client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,\n            asked_at TEXT NOT NULL,\n            body TEXT NOT NULL,\n            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','dropped')),\n            answer TEXT NOT NULL DEFAULT '',\n            closed_at TEXT,\n            version INTEGER NOT NULL DEFAULT 1\n        )"),
    ('table', 'questions_fts', 'questions_fts', 'CREATE VIRTUAL TABLE "questions_fts" USING FTS5 ("body", "answer", content="questions", prefix=\'2 3\')'),
    ('table', 'questions_fts_config', 'questions_fts_config', "CREATE TABLE 'questions_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID"),
    ('table', 'questions_fts_data', 'questions_fts_data', "CREATE TABLE 'questions_fts_data'(id INTEGER PRIMARY KEY, block BLOB)"),
    ('table', 'questions_fts_docsize', 'questions_fts_docsize', "CREATE TABLE 'questions_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)"),
    ('table', 'questions_fts_idx', 'questions_fts_idx', "CREATE TABLE 'questions_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID"),
    ('table', 'supervision_items', 'supervision_items', "CREATE TABLE supervision_items (\n            id INTEGER PRIMARY KEY,\n            meeting_id INTEGER NOT NULL REFERENCES supervision_meetings(id) ON DELETE CASCADE,\n            client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,\n            question TEXT NOT NULL DEFAULT '',\n            advice TEXT NOT NULL DEFAULT '',\n            outcome TEXT NOT NULL DEFAULT ''\n        , tried TEXT NOT NULL DEFAULT '', between_us TEXT NOT NULL DEFAULT '', need TEXT CHECK (need IN ('think','decide','support')))"),
    ('table', 'supervision_meetings', 'supervision_meetings', "CREATE TABLE supervision_meetings (\n            id INTEGER PRIMARY KEY,\n            held_on TEXT NOT NULL,\n            notes TEXT NOT NULL DEFAULT ''\n        , status TEXT NOT NULL DEFAULT 'held' CHECK (status IN ('planned', 'held')), supervisor TEXT NOT NULL DEFAULT '', minutes INTEGER NOT NULL DEFAULT 0, setting TEXT NOT NULL DEFAULT 'individual' CHECK (setting IN ('individual','group')))"),
    ('table', 'thoughts', 'thoughts', "CREATE TABLE thoughts (\n            id INTEGER PRIMARY KEY,\n            client_id INTEGER REFERENCES clients(id) ON DELETE CASCADE,\n            written_at TEXT NOT NULL,\n            body TEXT NOT NULL,\n            kind TEXT NOT NULL CHECK (kind IN\n                ('insight','curiosity','holding','reaction','wondering','learning')),\n            lingering INTEGER NOT NULL DEFAULT 1,\n            tell_client INTEGER NOT NULL DEFAULT 0,\n            version INTEGER NOT NULL DEFAULT 1\n        , bring_to_supervision INTEGER NOT NULL DEFAULT 0, brought_to INTEGER REFERENCES supervision_meetings(id) ON DELETE SET NULL)"),
    ('table', 'thoughts_fts', 'thoughts_fts', 'CREATE VIRTUAL TABLE "thoughts_fts" USING FTS5 ("body", content="thoughts", prefix=\'2 3\')'),
    ('table', 'thoughts_fts_config', 'thoughts_fts_config', "CREATE TABLE 'thoughts_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID"),
    ('table', 'thoughts_fts_data', 'thoughts_fts_data', "CREATE TABLE 'thoughts_fts_data'(id INTEGER PRIMARY KEY, block BLOB)"),
    ('table', 'thoughts_fts_docsize', 'thoughts_fts_docsize', "CREATE TABLE 'thoughts_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB)"),
    ('table', 'thoughts_fts_idx', 'thoughts_fts_idx', "CREATE TABLE 'thoughts_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID"),
    ('trigger', 'encounters_ad', 'encounters', 'CREATE TRIGGER "encounters_ad" AFTER DELETE ON "encounters" BEGIN\n  INSERT INTO "encounters_fts" ("encounters_fts", rowid, "body") VALUES(\'delete\', old.rowid, old."body");\nEND'),
    ('trigger', 'encounters_ai', 'encounters', 'CREATE TRIGGER "encounters_ai" AFTER INSERT ON "encounters" BEGIN\n  INSERT INTO "encounters_fts" (rowid, "body") VALUES (new.rowid, new."body");\nEND'),
    ('trigger', 'encounters_au', 'encounters', 'CREATE TRIGGER "encounters_au" AFTER UPDATE ON "encounters" BEGIN\n  INSERT INTO "encounters_fts" ("encounters_fts", rowid, "body") VALUES(\'delete\', old.rowid, old."body");\n  INSERT INTO "encounters_fts" (rowid, "body") VALUES (new.rowid, new."body");\nEND'),
    ('trigger', 'questions_ad', 'questions', 'CREATE TRIGGER "questions_ad" AFTER DELETE ON "questions" BEGIN\n  INSERT INTO "questions_fts" ("questions_fts", rowid, "body", "answer") VALUES(\'delete\', old.rowid, old."body", old."answer");\nEND'),
    ('trigger', 'questions_ai', 'questions', 'CREATE TRIGGER "questions_ai" AFTER INSERT ON "questions" BEGIN\n  INSERT INTO "questions_fts" (rowid, "body", "answer") VALUES (new.rowid, new."body", new."answer");\nEND'),
    ('trigger', 'questions_au', 'questions', 'CREATE TRIGGER "questions_au" AFTER UPDATE ON "questions" BEGIN\n  INSERT INTO "questions_fts" ("questions_fts", rowid, "body", "answer") VALUES(\'delete\', old.rowid, old."body", old."answer");\n  INSERT INTO "questions_fts" (rowid, "body", "answer") VALUES (new.rowid, new."body", new."answer");\nEND'),
    ('trigger', 'thoughts_ad', 'thoughts', 'CREATE TRIGGER "thoughts_ad" AFTER DELETE ON "thoughts" BEGIN\n  INSERT INTO "thoughts_fts" ("thoughts_fts", rowid, "body") VALUES(\'delete\', old.rowid, old."body");\nEND'),
    ('trigger', 'thoughts_ai', 'thoughts', 'CREATE TRIGGER "thoughts_ai" AFTER INSERT ON "thoughts" BEGIN\n  INSERT INTO "thoughts_fts" (rowid, "body") VALUES (new.rowid, new."body");\nEND'),
    ('trigger', 'thoughts_au', 'thoughts', 'CREATE TRIGGER "thoughts_au" AFTER UPDATE ON "thoughts" BEGIN\n  INSERT INTO "thoughts_fts" ("thoughts_fts", rowid, "body") VALUES(\'delete\', old.rowid, old."body");\n  INSERT INTO "thoughts_fts" (rowid, "body") VALUES (new.rowid, new."body");\nEND'),
]
