"""The README's "Every command takes --db FILE": each command, run with --db and --help, says how
to use it; and a --db given before the command's name is the command's own."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from caseload_tui.cli import main
from caseload_tui.store import Store

from cli_runner import run
from factories import add_client


def _commands(group: click.Group, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [path]
    for name, command in sorted(group.commands.items()):
        found += _commands(command, (*path, name)) if isinstance(command, click.Group) else [(*path, name)]
    return found


EVERY_COMMAND = _commands(main)


def test_the_walk_finds_the_commands_the_readme_lists() -> None:
    names = {" ".join(path) for path in EVERY_COMMAND}
    assert {"", "locate", "init", "import", "export", "calendar password", "supervision log", "groups"} <= names
    assert len(names) >= 19


@pytest.mark.parametrize("path", EVERY_COMMAND, ids=lambda path: " ".join(path) or "caseload")
def test_every_command_takes_db_and_help(path: tuple[str, ...], tmp_path: Path) -> None:
    result = run(*path, "--db", tmp_path / "mine.db", "--help")
    assert result.exit_code == 0, result.output
    assert "No such option" not in result.output
    assert "Usage: caseload" in result.output
    assert "--db FILE" in result.output or "--db PATH" in result.output


def test_a_db_given_before_the_command_is_the_one_used(tmp_path: Path) -> None:
    mine = tmp_path / "mine.db"
    store = Store.open(mine, create=True)
    add_client(store, name="Ann Example")
    store.close()
    result = run("--db", mine, "groups")
    assert result.exit_code == 0, result.output
    assert "Ann Example" in result.output


def test_locate_names_the_caseload_given(tmp_path: Path) -> None:
    result = run("locate", "--db", tmp_path / "other.db")
    assert result.exit_code == 0, result.output
    assert f"caseload:  {tmp_path / 'other.db'}" in result.output


def test_init_makes_the_file_given_as_db(tmp_path: Path) -> None:
    result = run("init", "--db", tmp_path / "new.db")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "new.db").exists()
    assert "Created an empty caseload" in result.output
