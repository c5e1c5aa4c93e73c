"""What every `caseload` command shares: the clock it is handed, its options, its errors, the caseload it opens.

The commands get the clock from the click context object (a `CliContext`), which the
entry point (`caseload_tui.cli.main`) fills with the real clock and a test with a fixed one.
Nothing in this module, or in the command modules, reads the real clock.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TypeVar

import click

from .. import config, crash
from ..private_files import NotAFile, write_private
from ..safe_text import for_terminal, one_line

if TYPE_CHECKING:
    from ..store import Store

CONTEXT: dict[str, Any] = {"help_option_names": ["-h", "--help"], "max_content_width": 88}

Clock = Callable[[], datetime]
T = TypeVar("T")
F = TypeVar("F", bound=Callable[..., Any])  # a function that a decorator hands back unchanged in type


@dataclass(frozen=True)
class CliContext:
    """What the entry point hands every command (as the click context's `obj`)."""

    clock: Clock


# A command's first argument: the CliContext of this run.
pass_cli = click.make_pass_decorator(CliContext)


def _stopped(signum: int, frame: object) -> None:
    """SIGTERM or SIGHUP during a command: leave through the `finally`s (a half-made copy is removed,
    the caseload closed), quietly; the dashboard puts its own handler in place while it runs."""
    crash.stopping()
    raise SystemExit(128 + signum)


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
            before = {stop: signal.signal(stop, _stopped) for stop in (signal.SIGTERM, signal.SIGHUP)}
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.ClickException as exc:
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


def refuse_demo_with_db(db_path: Path | None, demo: bool) -> None:
    """--demo and --db name two different caseloads: a command works on one."""
    if demo and db_path:
        raise UserError("Use either --demo or --db, not both.")


def _known_problems() -> tuple[type[Exception], ...]:
    from ..interchange import ImportProblem
    from ..rules import DateError, ScheduleError
    from ..store import StoreError

    return (StoreError, ImportProblem, DateError, ScheduleError, config.ConfigError, NotAFile)


@contextlib.contextmanager
def plain_errors(clock: Clock) -> Iterator[None]:
    """Known problems become a one-line message; anything else a content-free crash report."""
    try:
        yield
    except (click.ClickException, click.Abort, KeyboardInterrupt, SystemExit):
        raise  # a usage message, or ctrl+c at a question: not a crash
    except Exception as exc:  # noqa: BLE001  # every failure must reach the user in plain words
        if isinstance(exc, _known_problems()):
            raise UserError(str(exc)) from None
        if isinstance(exc, OSError) and exc.filename:  # a file or folder the system refused, named
            raise UserError(unwritable_message(Path(exc.filename), exc, "opened or written")) from None
        report = crash.write_report(exc, clock())
        raise UserError(crash.message(report)) from None


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


def unwritable_message(path: Path, exc: OSError, doing: str = "written") -> str:
    """Why PATH could not be written, naming a folder that cannot be written to as such."""
    import errno

    folder = path.parent if path.parent != Path() else Path(".")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and not os.access(folder, os.W_OK):
        return f"The folder {folder} cannot be written to, so {path.name} could not be made there. Nothing was changed."
    return f"{path} could not be {doing} ({exc.strerror or 'an error from the system'}). Nothing was changed."


PASSPHRASE_TRIES = 3


class Unlocking:
    """The passphrase of an encrypted caseload, asked for only when one is needed.

    Asked on the terminal with the typing hidden, before any screen is drawn; held only
    while this one command runs, never written anywhere (not to the settings, drafts,
    logs, crash reports or the environment). Three tries, then a plain refusal.
    """

    def __init__(self) -> None:
        self._passphrase: str | None = None
        self._tries = 0

    def run(self, action: Callable[[str | None], T]) -> T:
        """action(passphrase): first with what is known (nothing, or the passphrase already given)."""
        from ..store.errors import PassphraseNeeded, WrongPassphrase

        while True:
            try:
                return action(self._passphrase)
            except PassphraseNeeded:
                if self._passphrase is not None:
                    raise
            except WrongPassphrase as wrong:
                if self._tries >= PASSPHRASE_TRIES:
                    raise UserError(str(wrong)) from None
                say("caseload: That passphrase does not open this caseload. Try again.", err=True)
            self._passphrase = self._ask()
            self._tries += 1

    @staticmethod
    def _ask() -> str:
        try:
            passphrase: str = click.prompt("Passphrase for this caseload", hide_input=True, err=True)
        except click.Abort:
            raise UserError("No passphrase was given, so the caseload was not opened. Nothing was changed.") from None
        return passphrase


@contextlib.contextmanager
def open_store(clock: Clock, db_path: Path | None, demo: bool = False, create: bool = False) -> Iterator[Store]:
    """The caseload to work on: the demo (a fresh copy in memory), an explicit file, or yours."""
    from ..store import Store

    if demo:
        # In memory: nothing of the demo is ever on disk, so no way of stopping can leave it behind.
        store = Store.memory()
        try:
            from ..demo import load_demo

            store.import_data(load_demo(clock().date()))
            yield store
        finally:
            store.close()
        return
    if db_path is None:
        db_path = config.default_db_path()
        # Your own caseload is created on first use, in a folder only you can open.
        config.ensure_private_dir(db_path.parent)
        create = True
    # Your own file (not the demo) is backed up on the first start of each day.
    # An encrypted one asks for its passphrase here, before any screen is drawn.
    path, today, keep = db_path, clock().date(), config.backups_keep()
    store = Unlocking().run(lambda passphrase: Store.open(
        path, create=create, daily_backup_dir=config.backups_dir(), today=today, keep_backups=keep,
        passphrase=passphrase))
    if (crashed := crash.new_report_line()) is not None:  # told once, here and on the dashboard
        store.warnings.append(crashed)
    for warning in store.warnings:
        say(f"caseload: {warning}", err=True)
    try:
        yield store
    finally:
        store.close()
