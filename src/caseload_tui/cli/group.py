"""`main`, the `caseload` click group: every command, --help and --version (the plain start is in __init__.py).

It is handed the clock in a `CliContext` (the click context's `obj`): the real one by `run` and
`caseload_tui.cli.main`, a test its own (`CliRunner().invoke(main, args, obj=CliContext(clock=...))`).
The commands live beside this file, one module per kind of work, and import only
`common`; this module registers them.
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import __version__, crash
from .breaks import breaks
from .calendars import calendar
from .caseload_file import backup, check, init, locate, restore
from .common import CONTEXT, CliContext, SafeGroup, db_option
from .dashboard import graduate, review
from .import_export import export, import_
from .mind import mind
from .opening import open_dashboard
from .patterns import patterns
from .summaries import brief, groups
from .supervision_log import supervision
from .today import today

__all__ = ["main"]


@click.group(cls=SafeGroup, invoke_without_command=True, context_settings={**CONTEXT})
@db_option
@click.option("--demo", is_flag=True, help="Explore a made-up caseload; your own is never touched.")
@click.option("--redact", is_flag=True, help="Start in privacy mode: clients shown only by their codes.")
@click.version_option(__version__, "--version", message="caseload %(version)s")
@click.pass_context
def main(ctx: click.Context, db_path: Path | None, demo: bool, redact: bool) -> None:
    """A private dashboard for the thinking you do between sessions.

    Run with no command to open the dashboard. Your notes stay on this
    computer; nothing leaves it unless you export it.
    """
    context: CliContext = ctx.obj  # the real clock from cli.run (or cli.main), a test's own clock
    crash.install_hooks(context.clock)  # nothing that escapes is ever printed with its content
    if ctx.invoked_subcommand is not None:
        return
    open_dashboard(context, db_path, demo, redact)


for command in (groups, import_, export, locate, init, review, supervision, graduate, brief,
                check, backup, restore, breaks, mind,
                patterns, calendar, today):
    main.add_command(command)

