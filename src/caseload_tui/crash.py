"""What happens when something unexpected goes wrong: no note text ever leaves.

The report names the kind of error and where in the program it happened
(file, line, function), never the error's message or any variable, because
either could hold what the clinician wrote.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from . import config


def write_report(exc: BaseException, when: datetime) -> Path | None:
    """Save a content-free report in the data directory (0600); return its path."""
    lines = [f"caseload crash report, {when.isoformat(timespec='seconds')}",
             f"error kind: {type(exc).__module__}.{type(exc).__qualname__}", "where:"]
    for frame in traceback.extract_tb(exc.__traceback__):
        lines.append(f"  {Path(frame.filename).name}:{frame.lineno} in {frame.name}")
    try:
        directory = config.ensure_private_dir(config.data_dir())
        path = directory / f"crash-{when.strftime('%Y%m%d-%H%M%S')}.txt"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write("\n".join(lines) + "\n")
        return path
    except OSError:
        return None


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
        sys.stderr.write(message(report(exc)) + "\n")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            sys.stderr.write(message(report(args.exc_value)) + "\n")

    class ContentFree(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.exc_info and record.exc_info[1] is not None:
                report(record.exc_info[1])

    sys.excepthook = excepthook
    threading.excepthook = thread_hook
    sys.unraisablehook = lambda unraisable: report(unraisable.exc_value)
    logging.lastResort = ContentFree(logging.WARNING)
