"""What happens when something unexpected goes wrong: no note text ever leaves.

The report names the kind of error and where in the program it happened
(file, line, function), never the error's message or any variable, because
either could hold what the clinician wrote.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

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
