"""What every `caseload` command shares: the clock it is handed, its options, its errors, the caseload it opens.

The commands get the clock from the click context object (a `CliContext`), which the
entry point (`caseload_tui.cli.main`) fills with the real clock and a test with a fixed one.
Nothing in this module, or in the command modules, reads the real clock.
"""

from __future__ import annotations

import io
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, TypeVar

import click

from .. import config
from ..private_files import write_private
from ..safe_text import for_terminal, one_line
from .asking import questions_stopped_by_signals
from .context import CliContext, Clock
from .opening import (
    PASSPHRASE_TRIES,
    Refusal,
    Unlocking,
    keep_day_start,
    open_store,
    plain_errors,
    refuse_demo_with_db,
    stopped,
    unwritable_message,
)

__all__ = ["PASSPHRASE_TRIES", "CliContext", "Clock", "Refusal", "Unlocking", "keep_day_start", "open_store",
           "plain_errors", "refuse_demo_with_db", "unwritable_message"]  # shared with the plain start (opening.py)

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 88}

F = TypeVar("F", bound=Callable[..., Any])  # a function that a decorator hands back unchanged in type


# A command's first argument: the CliContext of this run.
pass_cli = click.make_pass_decorator(CliContext)


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Everything a command prints goes through here: paths, names and messages shown, never obeyed."""
    click.echo(for_terminal(text), err=err, nl=nl)


class UserError(click.ClickException):
    """A problem to tell the user in one line; exit status 1."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(for_terminal(f"caseload: {self.message}"), file=file, err=file is None)


class SafeGroup(click.Group):
    """The `caseload` group: click's own messages (a bad option, a path it refuses) go through
    for_terminal too, since they quote what was typed (a file name may hold escape sequences)."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        before = {}
        if threading.current_thread() is threading.main_thread():  # a command stopped from outside tidies up
            before = {stop: signal.signal(stop, stopped) for stop in (signal.SIGTERM, signal.SIGHUP)}
        try:
            with questions_stopped_by_signals():  # ctrl+c at a question ends the command however soon it comes
                code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except (click.ClickException, Refusal) as exc:
            shown = io.StringIO()
            exc.show(file=shown)
            sys.stderr.write(for_terminal(shown.getvalue()))
            sys.stderr.flush()
            sys.exit(exc.exit_code)
        except click.Abort:
            sys.stderr.write("Stopped.\n")  # ctrl+c at a question (click raises Abort for it)
            sys.exit(1)
        finally:
            for stop, handler in before.items():
                signal.signal(stop, handler)
        sys.exit(code if isinstance(code, int) else 0)


def _db_given_earlier(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    """`caseload --db FILE groups` means the same as `caseload groups --db FILE`: a --db given
    before the command's name is the command's own (never silently your default caseload)."""
    parent = ctx.parent
    while value is None and parent is not None:
        value = parent.params.get("db_path")
        parent = parent.parent
    return value


def db_option(func: F) -> F:
    """--db FILE, taken by every command (README, "Commands"; tests/cli/test_every_command.py)."""
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), callback=_db_given_earlier,
        help="The caseload file to use (default: your caseload; see `caseload locate`).",
    )(func)


def refuse_output(path: Path | None, force: bool, db_path: Path | None) -> None:
    """Before any work: `-o PATH` never overwrites the caseload, its backups or an existing file.

    The caseload file (and its -wal/-shm/-journal), the copies kept beside it (NAME.before-…) and
    everything in the backups folder are refused always; any other existing file only without
    --force. A folder is refused too: the commands that take -o write one file.
    """
    if path is None:
        return
    target = path.expanduser().resolve()
    caseload = (db_path if db_path is not None else config.default_db_path()).expanduser().resolve()
    backups = config.backups_dir().expanduser().resolve()
    if target.is_dir():
        raise UserError(f"{one_line(str(path))} is a folder; give a file name to write to.")
    beside_caseload = target.parent == caseload.parent and (
        target.name.startswith(caseload.name) or target.name.startswith(f"{caseload.stem}.before-"))
    if beside_caseload or target.is_relative_to(backups):
        raise UserError(f"{one_line(str(path))} is your caseload or one of its backups; it is never written "
                        "over. Nothing was changed.")
    if target.exists() and not force:
        raise UserError(f"{one_line(str(path))} already exists. Nothing was changed; add --force to "
                        "replace it, or give another name.")


def refuse_output_folder(folder: Path | None, db_path: Path | None) -> None:
    """Before any work: a folder of exported files is never the caseload's own or the backups'.

    (What else may be in the folder is write_tables' own rule: never among files it did not write.)
    """
    if folder is None:
        return
    target = folder.expanduser().resolve()
    caseload = (db_path if db_path is not None else config.default_db_path()).expanduser().resolve()
    backups = config.backups_dir().expanduser().resolve()
    if target == caseload.parent or target.is_relative_to(backups) or target == caseload:
        raise UserError(f"{one_line(str(folder))} holds your caseload or its backups; an export is never "
                        "written there. Nothing was changed.")
    if target.exists() and not target.is_dir():
        raise UserError(f"{one_line(str(folder))} is a file; a CSV export is a folder of files.")


def output_options(help_text: str) -> Callable[[F], F]:
    """`-o/--output FILE` and `--force`, the same on every command that writes a file."""
    def decorate(func: F) -> F:
        func = click.option("--force", is_flag=True, help="With -o: replace a file that already exists "
                            "(never the caseload or its backups).")(func)
        return click.option("-o", "--output", type=click.Path(path_type=Path), help=help_text)(func)

    return decorate


def write_file(path: Path, text: str) -> None:
    """Write what a command made to PATH, readable by you only."""
    try:
        write_private(path, text)
    except OSError as exc:
        raise UserError(unwritable_message(path, exc)) from None


