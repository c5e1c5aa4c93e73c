"""Opening the caseload and the dashboard, and the errors of doing so: without click.

A plain `caseload` (no command; only --db, --demo, --redact) opens the dashboard from here
without loading click (about 10 ms and the command modules' imports): `start_dashboard` does
for it what `common.SafeGroup` does for every command (a one-line refusal, exit status 1,
SIGTERM and SIGHUP leaving through the `finally`s, "Stopped." on ctrl+c). The commands use
the same functions through `common`.
"""

from __future__ import annotations

import contextlib
import os
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NoReturn, TypeVar

from .. import config, crash
from ..private_files import NotAFile
from ..safe_text import for_terminal
from .context import CliContext, Clock

if TYPE_CHECKING:
    from ..model import Group
    from ..store import Store

T = TypeVar("T")


class Refusal(Exception):
    """A problem to tell the user in one line; exit status 1 (what `common.UserError` is for click)."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def show(self, file: IO[Any] | None = None) -> None:
        print(for_terminal(f"caseload: {self.message}"), file=file or sys.stderr, flush=True)


def say(text: str, err: bool = False, nl: bool = True) -> None:
    """Everything printed goes through here: paths, names and messages shown, never obeyed."""
    print(for_terminal(text), end="\n" if nl else "", file=sys.stderr if err else sys.stdout, flush=True)


def stopped(signum: int, frame: object) -> None:
    """SIGTERM or SIGHUP during a command: leave through the `finally`s (a half-made copy is removed,
    the caseload closed), quietly; the dashboard puts its own handler in place while it runs."""
    crash.stopping()
    raise SystemExit(128 + signum)


def refuse_demo_with_db(db_path: Path | None, demo: bool) -> None:
    """--demo and --db name two different caseloads: a command works on one."""
    if demo and db_path:
        raise Refusal("Use either --demo or --db, not both.")


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
    except BaseException as exc:  # every failure must reach the user in plain words
        if _not_a_problem(exc):
            raise  # a usage message, or ctrl+c at a question: not a crash
        if isinstance(exc, _known_problems()):
            raise Refusal(str(exc)) from None
        if isinstance(exc, OSError) and exc.filename:  # a file or folder the system refused, named
            raise Refusal(unwritable_message(Path(exc.filename), exc, "opened or written")) from None
        report = crash.write_report(exc, clock())
        raise Refusal(crash.message(report)) from None


def _not_a_problem(exc: BaseException) -> bool:
    """What passes through plain_errors: a refusal already worded, a usage message or ctrl+c at a question
    (click's, if click is loaded: until it is, none of its exceptions can exist), a stop, an exit."""
    if not isinstance(exc, Exception) or isinstance(exc, Refusal):
        return True
    click = sys.modules.get("click")
    return click is not None and isinstance(exc, (click.ClickException, click.Abort))


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
                    raise Refusal(str(wrong)) from None
                say("caseload: That passphrase does not open this caseload. Try again.", err=True)
            self._passphrase = self._ask()
            self._tries += 1

    @staticmethod
    def _ask() -> str:
        import click  # the plain start does without it until a passphrase is asked for

        from .asking import questions_stopped_by_signals

        try:
            with questions_stopped_by_signals():  # the plain start is not run through SafeGroup
                passphrase: str = click.prompt("Passphrase for this caseload", hide_input=True, err=True)
        except click.Abort:
            raise Refusal("No passphrase was given, so the caseload was not opened. Nothing was changed.") from None
        return passphrase


def keep_day_start(store: Store, clock: Clock) -> None:
    """Before the first change of the day (the dashboard opening, an import), keep where every client
    stands, so the day's end says who moved today (day_review.moves). A dry run or a command that only
    reads never calls this: they leave the file as it was."""
    now = clock()
    if store.kept_day_start(now.date()):
        return  # kept already today (one row read): neither the settings nor the day's rules are needed
    from ..day_review import keep_day_start as keep

    try:
        thresholds = config.load_settings().thresholds
    except config.ConfigError:
        return  # the settings' problem is said by whatever needs them; the day's end then judges at midnight
    keep(store, now, thresholds)


class DayStartKeeper:
    """keep_day_start beside the dashboard's start, in a thread, from the dashboard's own grouping.

    On the day's first start the dashboard hands over every client's group as it read them (`offer`, once,
    as it shows them), so nobody is placed twice; the write waits for the file's check, and neither holds
    the first screen. What it keeps was read as the dashboard opened, before any change of the
    clinician's could be written (every write waits for the same check). If the dashboard ends before it
    has read the caseload, the groups are counted here as it ends."""

    def __init__(self, store: Store, clock: Clock) -> None:
        self._store, self._clock = store, clock
        self._handed: queue.SimpleQueue[tuple[datetime, dict[int, Group]] | None] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._keep, name="caseload-day-start", daemon=True)

    def offer(self, now: datetime, groups: dict[int, Group]) -> None:
        """Every client's group at `now`, as the dashboard read them."""
        self._handed.put((now, groups))

    def _keep(self) -> None:
        from ..day_review import keep_day_start as keep
        from ..store import StoreError

        with contextlib.suppress(StoreError):  # a damaged file: the check tells the clinician, not this
            if self._store.kept_day_start(self._clock().date()):
                return  # not the day's first start: nothing to wait for
            handed = self._handed.get()
            if handed is None:
                keep_day_start(self._store, self._clock)
            else:
                keep(self._store, handed[0], groups=handed[1])

    @contextlib.contextmanager
    def running(self) -> Iterator[DayStartKeeper]:
        self._thread.start()
        try:
            yield self
        finally:
            self._handed.put(None)  # the dashboard has ended: if it handed nothing, count them now
            self._thread.join()  # before the store closes


@contextlib.contextmanager
def open_store(clock: Clock, db_path: Path | None, demo: bool = False, create: bool = False,
               check_in_background: bool = False) -> Iterator[Store]:
    """The caseload to work on: the demo (a fresh copy in memory), an explicit file, or yours.

    check_in_background (the dashboard): the file's full check, and the day's backup after it, run
    while the dashboard starts; writes wait for the check (Store.open).
    """
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
        passphrase=passphrase, check_in_background=check_in_background))
    if (crashed := crash.new_report_line()) is not None:  # told once, here and on the dashboard
        store.warnings.append(crashed)
    for warning in store.warnings:
        say(f"caseload: {warning}", err=True)
    try:
        yield store
    finally:
        store.close()


def open_dashboard(context: CliContext, db_path: Path | None, demo: bool, redact: bool,
                   start: str | None = None, client_text: str | None = None) -> None:
    """Run the dashboard on the chosen caseload, at START (and the client named CLIENT_TEXT) if given."""
    refuse_demo_with_db(db_path, demo)
    import gc

    # No garbage collection until the dashboard's first frame (the app turns it on again then, on_ready):
    # what is made before it (the program's code, Textual's, the caseload read) lives on, and the collector
    # walked it some 150 times before the first frame, a tenth of the start, to free next to nothing.
    gc.disable()
    try:
        with plain_errors(context.clock):
            settings = config.load_settings()
            with open_store(context.clock, db_path, demo=demo, check_in_background=True) as store, \
                    DayStartKeeper(store, context.clock).running() as day_start:
                client_id = store.find_client(client_text).id if client_text is not None else None
                from ..tui.app import run_app

                # Everything loaded so far (the program's code, Textual's) lives until the program
                # ends: set aside, no garbage collection has to walk it again, which keeps the
                # pauses while the dashboard paints short.
                gc.freeze()
                code = run_app(store, clock=context.clock, settings=settings, redact=redact, demo=demo,
                               start=start, start_client=client_id, day_start=day_start.offer)
    finally:
        gc.enable()  # however it ended (a refused file, a crash)
    if code:
        raise SystemExit(code)  # a crash inside the dashboard exits non-zero


def start_dashboard(context: CliContext, db_path: Path | None, demo: bool, redact: bool) -> NoReturn:
    """The plain start, as `caseload` with no command runs through click: the same output and exit status."""
    before = {}
    if threading.current_thread() is threading.main_thread():  # stopped from outside: it tidies up
        before = {stop: signal.signal(stop, stopped) for stop in (signal.SIGTERM, signal.SIGHUP)}
    code = 0
    try:
        crash.install_hooks(context.clock)  # nothing that escapes is ever printed with its content
        open_dashboard(context, db_path, demo, redact)
    except Refusal as refused:
        refused.show()
        code = refused.exit_code
    except (KeyboardInterrupt, EOFError):
        sys.stderr.write("\nStopped.\n")  # as click and SafeGroup say it
        code = 1
    finally:
        for stop, handler in before.items():
            signal.signal(stop, handler)
    sys.exit(code)
