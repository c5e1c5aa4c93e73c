"""The `caseload` command: the only place that reads argv or the real clock.

`run` is the program (what the `caseload` command runs). It hands every command the real clock,
in a `CliContext`; a test hands in its own instead:
`CliRunner().invoke(main, args, obj=CliContext(clock=lambda: fixed))`, or `run(args, clock=...)`.

A plain start (no command; only --db FILE, --demo, --redact) opens the dashboard without loading
click or the commands (opening.start_dashboard); anything else (a command, --help, --version,
an option it does not know, shell completion) goes to `main`, the click group (group.py), which is
loaded only then: `from caseload_tui.cli import main` loads it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import CliContext, Clock

if TYPE_CHECKING:
    from .group import main

__all__ = ["CliContext", "main", "plain_start", "real_clock", "run"]

COMPLETION = "_CASELOAD_COMPLETE"  # click's shell completion asks through this variable


def real_clock() -> datetime:
    """The one reading of the real clock; everything else is handed it."""
    return datetime.now().replace(second=0, microsecond=0)


def plain_start(args: Sequence[str]) -> tuple[Path | None, bool, bool] | None:
    """(db, demo, redact) when ARGS only start the dashboard, as click would read them; else None.

    Only what is unambiguous is taken: each of --db FILE (or --db=FILE), --demo, --redact at most
    once, FILE neither empty, an option, nor a folder. Everything else is click's to read, refuse
    or explain, exactly as before.
    """
    db: Path | None = None
    demo = redact = False
    seen: set[str] = set()
    words = list(args)
    while words:
        word = words.pop(0)
        name, given, value = word.partition("=")
        if name not in ("--db", "--demo", "--redact") or name in seen or (given and name != "--db"):
            return None
        seen.add(name)
        if name == "--db":
            if not given:
                if not words:
                    return None
                value = words.pop(0)
            if not value or value.startswith("-") or Path(value).is_dir():
                return None
            db = Path(value)
        elif name == "--demo":
            demo = True
        else:
            redact = True
    return db, demo, redact


def run(args: Sequence[str] | None = None, clock: Clock | None = None) -> None:
    """The `caseload` command: the dashboard at once for a plain start; click for everything else."""
    words = list(sys.argv[1:] if args is None else args)
    context = CliContext(clock=clock or real_clock)
    plain = None if COMPLETION in os.environ else plain_start(words)
    if plain is None:
        from .group import main

        main(words, prog_name="caseload", obj=context)
        return
    from .opening import start_dashboard

    start_dashboard(context, *plain)


def __getattr__(name: str) -> Any:
    """`main`, the click group, loaded when first asked for; run as it is, it is handed the real clock."""
    if name == "main":
        from .group import main

        main.context_settings.setdefault("obj", CliContext(clock=real_clock))
        return main
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
