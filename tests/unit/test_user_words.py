"""Every sentence the program defines is in the clinician's words (issue 20).

The program's own text is read from its source: every string (and f-string) in src/ that
reads as words (it holds a space), except docstrings, SQL and the few places listed below with
their reason; the model's vocabulary (every word table in `model/`); and the names and columns
of the exported files. Each must be free of database words (a table or column name, snake_case,
"encounter", "table") and of plural errors: "1 minutes", or a number put before a plural noun
("{n} minutes") without the plural helper `model.numbered` saying it.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import re
from datetime import date
from pathlib import Path

import pytest

from caseload_tui import config
from caseload_tui import model as m
from caseload_tui.demo import load_demo
from caseload_tui.interchange import csv_export, json_format
from caseload_tui.store import Store

SRC = Path(__file__).resolve().parents[2] / "src" / "caseload_tui"

SNAKE = re.compile(r"(?<![\w.$#-])[a-z]+(?:_[a-z]+)+\b")
DATABASE_WORDS = re.compile(r"\bencounters?\b|\btables?\b|_fts\b", re.IGNORECASE)
ONE_PLURAL = re.compile(r"(?<![\d.,:])\b1 (?:[a-z-]+ )?([a-z]+s)\b")
# A number, then a word ending in s: a plural noun, unless it is one of these verbs or other words.
NOT_PLURAL_NOUNS = set(
    "is was has does its this us as yes plus across perhaps always less unless says goes comes needs holds makes "
    "gives takes means seems looks keeps shows writes reads asks ends begins starts falls stays works lives gets lets "
    "puts tells sits hides fits names leaves runs exists refers matches belongs changes opens closes moves "
    "stands repeats status".split())
# SQL, in the store and wherever a query is built: keywords, placeholders, qualified columns.
SQL = re.compile(r"\?|\b(SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|PRAGMA|WHERE|VALUES|BEGIN|FROM|ORDER BY|"
                 r"IS NULL|IS NOT NULL|AND|OR|LIMIT|JOIN|CASE WHEN)\b|\bIN \(|\bt\.[a-z_]+|coalesce\(")
CODE_CALLS = {"execute", "executemany", "executescript", "compile", "match", "search", "sub", "fullmatch",
              "findall", "finditer", "split", "strftime", "strptime"}


def _names_a_user_types() -> set[str]:
    """snake_case words a message may name because the clinician writes them: a setting in the settings
    file ("date_order under [csv]"), a field of a caseload file ("'ended_on' is before 'started_on'"), a
    field of `--column FIELD=HEADER`, a status word the settings map ("no_show")."""
    settings = {f.name for value in vars(config).values()
                if isinstance(value, type) and dataclasses.is_dataclass(value) for f in dataclasses.fields(value)}
    store = Store.memory()
    fields: set[str] = set()

    def keys(node: object) -> None:
        if isinstance(node, dict):
            fields.update(node)
            for value in node.values():
                keys(value)
        elif isinstance(node, list):
            for value in node:
                keys(value)

    store.import_data(load_demo(date(2026, 12, 1)))
    keys(json_format.to_document(store.export_data()))
    store.close()
    statuses = {s.value for s in m.Status}
    return settings | fields | statuses | {"weeks_back", "weeks_ahead", "monthly_minimum_minutes", "ending_kind"}


# (file, words in the string, why it may say so). Kept small: each is a name the reader must type or
# a message no clinician is shown.
ALLOWED = [
    ("store/rebuild.py", "rebuild_table", "a programmer's mistake in a migration; only a crash report (which "
                                          "never quotes it) would follow"),
    ("store/rebuild.py", "There is no table", "the same: a migration naming a table that is not there"),
    ("store/rebuild.py", "CREATE TABLE", "the same"),
    ("interchange/json_episodes.py", "read after json_format", "a programmer's assertion, never shown"),
    ("cli/patterns.py", "no_feeling_found", "a JSON key of `caseload patterns --json`, for programs to read"),
]


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, ast.Module | ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) and body \
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            found.add(id(body[0].value))
    return found


def _code_strings(tree: ast.AST) -> set[int]:
    """Strings that are code, not words: inside a query, a regular expression, a date format or CSS."""
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in CODE_CALLS:
                skip.update(id(inner) for inner in ast.walk(node))
        if isinstance(node, ast.Assign | ast.AnnAssign):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and "CSS" in target.id:
                skip.update(id(inner) for inner in ast.walk(node))
    return skip


def _strings(path: Path) -> list[tuple[int, str, list[ast.expr]]]:
    """(line, text, what each {} stands for) of each string in the module that reads as words."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree) | _code_strings(tree)
    found = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr):
            skip.update(id(v) for v in node.values)
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
            found.append((node.lineno, text, [v.value for v in node.values if isinstance(v, ast.FormattedValue)]))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value, []))
    return [(line, text, values) for line, text, values in found
            if " " in text and not SQL.search(text)]


def problems(text: str, values: list[ast.expr], allowed_names: set[str]) -> list[str]:
    """What is wrong with one of the program's sentences ([] if nothing)."""
    wrong = [f"database word {w!r}" for w in SNAKE.findall(text) if w not in allowed_names]
    wrong += [f"database word {w.group()!r}" for w in DATABASE_WORDS.finditer(text)]
    wrong += [f"plural after 1: {w.group()!r}" for w in ONE_PLURAL.finditer(text)
              if w.group(1) not in NOT_PLURAL_NOUNS]
    pieces = text.split("{}")
    for value, after in zip(values, pieces[1:], strict=False):
        noun = re.match(r" ([a-z]+s)\b", after)
        fixed_limit = isinstance(value, ast.Name) and value.id.isupper()  # a limit such as MAX_CELL, never 1
        if noun and noun.group(1) not in NOT_PLURAL_NOUNS and not fixed_limit:
            wrong.append(f"{{{ast.unparse(value)}}} {noun.group(1)} without model.numbered")
    return wrong


@pytest.fixture(scope="module")
def allowed_names() -> set[str]:
    return _names_a_user_types()


def _allowed(path: Path, text: str) -> bool:
    where = path.relative_to(SRC).as_posix()
    return any(where == file and words in text for file, words, _ in ALLOWED)


def test_every_sentence_in_the_program_is_in_the_clinician_s_words(allowed_names):
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for line, text, values in _strings(path):
            wrong = problems(text, values, allowed_names)
            if wrong and not _allowed(path, text):
                found.append(f"{path.relative_to(SRC)}:{line}: {'; '.join(wrong)}: {text[:90]!r}")
    assert found == []


def _vocabulary_words() -> list[str]:
    """Every word in the model's word tables and word records (labels, hints, tallies, headings)."""
    words: list[str] = []

    def take(value: object) -> None:
        if isinstance(value, enum.Enum):
            return  # a stored value, not a word (its words are in the tables)
        if isinstance(value, str):
            words.append(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                take(getattr(value, f.name))
        elif isinstance(value, dict):
            for inner in value.values():
                take(inner)
        elif isinstance(value, list | tuple):
            for inner in value:
                take(inner)

    for name in m.__all__:
        value = getattr(m, name)
        if name.isupper() and name != "REFLECTION_PARTS":
            take(value)
    take([label for _, label in m.REFLECTION_PARTS])  # (attribute, label): the labels are the words
    return words


def test_the_model_s_vocabulary_has_no_database_word_or_plural_error():
    words = _vocabulary_words()
    assert len(words) > 100  # the tables were read
    assert [(w, problems(w, [], set())) for w in words if problems(w, [], set())] == []


def test_exported_files_and_their_columns_are_named_in_words():
    for name in csv_export.FILE_NAMES:
        assert problems(name.removesuffix(".csv"), [], set()) == [] and "_" not in name, name
    for table, header in csv_export.HEADERS.items():
        for column in header:
            assert "_" not in column and problems(column, [], set()) == [], (table, column)


def test_exported_cells_say_values_in_words(demo_store):
    rows = csv_export.table_rows(demo_store.export_data())
    cells = {cell for table in rows.values() for row in table for cell in row if isinstance(cell, str)}
    stored_values = {v.value for kind in csv_export._WORDS for v in kind if "_" in v.value}
    assert stored_values and not cells & stored_values  # "no_show", "blind_spot" never reach a spreadsheet
    assert "did not come" in cells or "cancelled late" in cells


@pytest.mark.parametrize("text, values, expected", [
    ("Hidden after 1 minutes without use.", [], ["plural after 1: '1 minutes'"]),
    ("Hidden after {} minutes without use.", [ast.Name("minutes")], ["{minutes} minutes without model.numbered"]),
    ("Hidden after {} without use.", [ast.parse("numbered(n, 'minute')", mode="eval").body], []),
    ("Wrote {} tables to {}.", [ast.Name("n"), ast.Name("folder")],
     ["database word 'tables'", "{n} tables without model.numbered"]),
    ("3 encounters, 1 supervision meetings", [], ["database word 'encounters'",
                                                  "plural after 1: '1 supervision meetings'"]),
    ("see supervision_items.csv", [], ["database word 'supervision_items'"]),
    ("{} is not a caseload file.", [ast.Name("path")], []),
    ("more than {} characters", [ast.Name("MAX_CELL")], []),
])
def test_the_reading_catches_what_the_issue_found(text, values, expected):
    assert problems(text, values, set()) == expected
