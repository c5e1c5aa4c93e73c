"""What happens when something unexpected goes wrong: no note text ever leaves.

The report names the kind of error and where in the program it happened
(file, line, function), never the error's message or any variable, because
either could hold what the clinician wrote.
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from . import config
from .private_files import write_private
from .safe_text import for_terminal

# Set once the program has been told to stop (terminal closed, SIGTERM): what fails after that is the
# stopping itself (a write to a terminal that is gone), not a problem to report.
_stopping = threading.Event()
SEEN = "crash-reports-mentioned.txt"  # the reports the user has already been told about
WRITER_THREAD = "textual-output"  # Textual's thread that writes to the terminal


def stopping() -> None:
    _stopping.set()


def write_report(exc: BaseException, when: datetime) -> Path | None:
    """Save a content-free report in the data directory (0600) under a name of its own; return its path."""
    if _stopping.is_set():
        return None
    lines = [f"caseload crash report, {when.isoformat(timespec='seconds')}",
             f"error kind: {type(exc).__module__}.{type(exc).__qualname__}", "where:"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    try:
        directory = config.ensure_private_dir(config.data_dir())
        stamp = when.strftime("%Y%m%d-%H%M%S")
        for n in itertools.count(1):  # O_EXCL: a second report in the same second never replaces the first
            path = directory / (f"crash-{stamp}.txt" if n == 1 else f"crash-{stamp}-{n}.txt")
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("\n".join(lines) + "\n")
            return path
    except OSError:
        return None
    return None  # pragma: no cover - the loop above only ends by returning


def new_report_line() -> str | None:
    """One line about crash reports written since the last start (and not yet mentioned), or None.

    Each report is mentioned once: the names told about are kept in SEEN beside them.
    """
    try:
        directory = config.data_dir()
        seen_file = directory / SEEN
        seen = set(seen_file.read_text(encoding="utf-8").split()) if seen_file.is_file() else set()
        reports = sorted(p for p in directory.glob("crash-*.txt") if p.name != SEEN and p.is_file())
        new = [p for p in reports if p.name not in seen]
        if not new:
            return None
        write_private(seen_file, "".join(f"{p.name}\n" for p in reports))
    except OSError:
        return None
    more = f" (and {len(new) - 1} earlier)" if len(new) > 1 else ""
    return (f"caseload stopped unexpectedly last time. A report without any of your notes is in "
            f"{new[-1]}{more}.")


def message(report: Path | None) -> str:
    where = f" A report without any of your notes is in {report}." if report else ""
    return ("caseload stopped because of an unexpected problem. "
            "Everything you saved before this is kept." + where)


def install_hooks(clock: Callable[[], datetime]) -> None:
    """Whatever escapes, in any thread or while Python shuts down, is reported without its content.

    Python's own handlers would print the error's message (which may quote a note),
    and asyncio's logs the repr of a failed task; these write the content-free report instead.
    """

    def report(exc: BaseException | None) -> Path | None:
        return write_report(exc, clock()) if exc is not None else None

    def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.stderr.write("caseload: stopped.\n")
            return
        sys.stderr.write(for_terminal(message(report(exc))) + "\n")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        if args.thread is not None and args.thread.name == WRITER_THREAD and isinstance(args.exc_value, OSError):
            # The terminal went away under the screen: that is the terminal closing, not a crash.
            # The SIGHUP handler (tui/app.py) keeps the drafts and leaves; without one, SIGHUP ends the program.
            stopping()
            os.kill(os.getpid(), signal.SIGHUP)
            return
        sys.stderr.write(for_terminal(message(report(args.exc_value))) + "\n")

    class ContentFree(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info and record.exc_info[1] is not None:
                report(record.exc_info[1])

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    sys.unraisablehook = lambda unraisable: report(unraisable.exc_value)
    logging.lastResort = ContentFree(logging.WARNING)
