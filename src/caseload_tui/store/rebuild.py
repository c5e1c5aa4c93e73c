"""Rebuilding a table, for a migration that changes what SQLite cannot ALTER (a CHECK constraint).

sqlite-utils' Table.transform() is no help here: it has no way to change a CHECK (it copies
the old ones), it drops the table's triggers without making them again (the FTS triggers
that keep search current would be lost), and inside a transaction it refuses a table that
others refer to with ON DELETE CASCADE. So this follows SQLite's own procedure
(https://www.sqlite.org/lang_altertable.html#otheralter, "making other kinds of table
schema changes"): make the new table under another name, copy the rows, drop the old one,
give the new one its name, make its indexes and triggers again, check the foreign keys.

It runs inside the migration's transaction, so a failure at any step leaves the caseload as
it was. Store._migrate turns foreign keys off around that transaction (the pragma cannot
change inside one): with them on, dropping a table that others refer to would delete their rows.
"""

from __future__ import annotations

import enum
import re
import sqlite3
from collections.abc import Iterable
from typing import TYPE_CHECKING

from .sql import quoted_values

if TYPE_CHECKING:
    from sqlite_utils import Database


def table_sql(db: Database, table: str) -> str:
    row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()
    if row is None:
        raise ValueError(f"There is no table {table} to rebuild.")
    sql: str = row[0]
    return sql


def with_check(db: Database, table: str, column: str, values: Iterable[enum.Enum | str]) -> str:
    """The table's CREATE statement as it is, with `column IN (...)` in its CHECK listing `values`."""
    check = re.compile(rf"""(CHECK\s*\(\s*["`\[]?{re.escape(column)}["`\]]?\s+IN\s*\()([^)]*)(\)\s*\))""",
                       re.IGNORECASE)
    sql = table_sql(db, table)
    if len(check.findall(sql)) != 1:
        raise ValueError(f"{table} has no single CHECK ({column} IN (...)) to change.")
    listed = quoted_values(values)
    return check.sub(lambda found: found.group(1) + listed + found.group(3), sql)


def rebuild_table(db: Database, table: str, create_sql: str) -> None:
    """Replace `table` with the one `create_sql` makes (a CREATE TABLE of the same name).

    Rows keep their ids (and rowids, which the full-text indexes refer to); the columns
    both tables have are copied. Every index and trigger on the table is made again as it
    was, so its full-text index stays current. Raises (rolling the migration back) if a row
    breaks the new table's constraints or a foreign key would be left dangling.
    """
    conn = db.conn
    if not conn.in_transaction:
        raise RuntimeError("rebuild_table runs inside a migration, in its transaction.")
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'view'").fetchone():
        raise RuntimeError("rebuild_table does not make views again; this caseload has none, so add that first.")
    children = _referring(conn, table)
    if children and conn.execute("PRAGMA foreign_keys").fetchone()[0]:
        raise RuntimeError(f"Rebuilding {table} with foreign keys on would delete the rows that refer to it.")
    old_sql = table_sql(db, table)
    kept = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL "
        "ORDER BY type, name", [table])]
    temporary = f"{table}_rebuilt"
    named = re.compile(rf"""^\s*CREATE\s+TABLE\s+(["`\[]?){re.escape(table)}["`\]]?(?=\s|\()""", re.IGNORECASE)
    if not named.match(create_sql) or not named.match(old_sql):
        raise ValueError(f"The new statement must be CREATE TABLE {table} (...).")
    conn.execute(named.sub(f'CREATE TABLE "{temporary}"', create_sql, count=1))
    old_columns = _columns(conn, table)
    columns = ", ".join(['"rowid"'] + [f'"{c}"' for c in _columns(conn, temporary) if c in old_columns])
    conn.execute(f'INSERT INTO "{temporary}" ({columns}) SELECT {columns} FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')  # its indexes and triggers go with it
    # Legacy renaming touches only the table's own statement, not the triggers and views of others.
    legacy = conn.execute("PRAGMA legacy_alter_table").fetchone()[0]
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute(f'ALTER TABLE "{temporary}" RENAME TO "{table}"')
    finally:
        conn.execute(f"PRAGMA legacy_alter_table = {'ON' if legacy else 'OFF'}")
    for sql in kept:
        conn.execute(sql)
    for checked in (table, *children):
        if conn.execute(f'PRAGMA foreign_key_check("{checked}")').fetchone():
            raise sqlite3.IntegrityError(f"After rebuilding {table}, records in {checked} refer to missing ones.")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]


def _referring(conn: sqlite3.Connection, table: str) -> list[str]:
    """The tables with a foreign key to `table`."""
    names = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    return [name for name in names if name != table and any(
        fk[2] == table for fk in conn.execute(f'PRAGMA foreign_key_list("{name}")'))]


def search_index(db: Database, table: str, columns: list[str]) -> None:
    """(Re)make a table's full-text index over `columns`, with its triggers, from the rows it has.

    For a migration (0031, 0033, 0110). As migration 0003 made them (prefixes of two and three
    letters); the triggers are the ones sqlite-utils makes, by the same names, so a table rebuilt
    later keeps them.
    """
    quoted = ", ".join(f'"{c}"' for c in columns)
    new = ", ".join(f'new."{c}"' for c in columns)
    old = ", ".join(f'old."{c}"' for c in columns)
    for suffix in ("ai", "ad", "au"):
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_{suffix}"')
    _index_anew(db, table, quoted, "2 3")
    insert = f'INSERT INTO "{table}_fts" (rowid, {quoted}) VALUES (new.rowid, {new});'
    delete = f'INSERT INTO "{table}_fts" ("{table}_fts", rowid, {quoted}) VALUES(\'delete\', old.rowid, {old});'
    db.execute(f'CREATE TRIGGER "{table}_ai" AFTER INSERT ON "{table}" BEGIN\n  {insert}\nEND')
    db.execute(f'CREATE TRIGGER "{table}_ad" AFTER DELETE ON "{table}" BEGIN\n  {delete}\nEND')
    db.execute(f'CREATE TRIGGER "{table}_au" AFTER UPDATE ON "{table}" BEGIN\n  {delete}\n  {insert}\nEND')


def remake_search_index(db: Database, table: str, prefix: str) -> None:
    """Unless it has them already, make a table's full-text index again over the same columns, indexing the
    word beginnings that `prefix` lists (FTS5's prefix option: '2 3'), from the rows it has. For 0131.

    Its triggers refer to it by name and carry on as they were; the rows are not touched.
    """
    (sql,) = db.execute("SELECT sql FROM sqlite_master WHERE name = ?", [f"{table}_fts"]).fetchone()
    if f"prefix='{prefix}'" not in sql:
        columns = [row[1] for row in db.execute(f'PRAGMA table_info("{table}_fts")').fetchall()]
        _index_anew(db, table, ", ".join(f'"{c}"' for c in columns), prefix)


def _index_anew(db: Database, table: str, quoted_columns: str, prefix: str) -> None:
    db.execute(f'DROP TABLE IF EXISTS "{table}_fts"')
    db.execute(f'CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 ({quoted_columns}, content="{table}", '
               f"prefix='{prefix}')")
    db.execute(f"INSERT INTO \"{table}_fts\" (\"{table}_fts\") VALUES ('rebuild')")
