"""The one way tests run `caseload` in-process (imported by name: tests/ is on sys.path).

The command gets a fixed clock the way it gets the real one when run as the program: in the
CliContext handed to `main` as the click context's object. A module whose tests share a
clock binds it once, e.g. `run = functools.partial(cli_runner.run, now=CLOCK)`; one test
at another time passes `now=` itself.
"""

from __future__ import annotations

from datetime import datetime

from click.testing import CliRunner, Result

from caseload_tui.cli import CliContext, main

from clock import WEDNESDAY_EVENING


def run(*args: object, now: datetime = WEDNESDAY_EVENING, input: str | None = None) -> Result:
    """`caseload ARGS...` at NOW, with INPUT typed on the terminal; what it printed and its exit status."""
    return CliRunner().invoke(main, [str(a) for a in args], prog_name="caseload", input=input,
                              obj=CliContext(clock=lambda: now))
