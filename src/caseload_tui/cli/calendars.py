"""`caseload calendar password NAME`: the password of a calendar followed at its address.

Kept in the system keyring, never in the settings file ([calendars.NAME] holds only the
address, the kind and the username).
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import config
from ..config import FollowedCalendar
from ..safe_text import one_line
from .common import CliContext, F, UserError, pass_cli, plain_errors, say


def _keyring_not_caseload(func: F) -> F:
    """--db, as every command takes it; a calendar's password belongs to this computer, not to one caseload."""
    return click.option(
        "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
        help="Taken by every command; a calendar's password is kept for this computer, whichever caseload "
             "you use, so it changes nothing here.")(func)


@click.group("calendar")
@_keyring_not_caseload
def calendar(db_path: Path | None) -> None:
    """Calendars followed at their address ([calendars.NAME] in the settings)."""


@calendar.command()
@click.argument("name")
@click.option("--forget", is_flag=True, help="Remove the kept password: it will be asked each time.")
@_keyring_not_caseload
@pass_cli
def password(context: CliContext, name: str, forget: bool, db_path: Path | None) -> None:
    """Keep the password of calendar NAME in this computer's keyring (typed, never shown)."""
    from ..interchange.calendar_passwords import forget_password, keep_password

    followed = _followed(context, name)
    shown = one_line(name, 40)
    if forget:
        kept = forget_password(followed)
        say(f"Forgot the password of “{shown}”." if kept else f"No password was kept for “{shown}”.")
        return
    typed: str = click.prompt(f"Password of {one_line(followed.username, 40)} for “{shown}”", hide_input=True,
                              confirmation_prompt=True)
    with plain_errors(context.clock):
        keep_password(followed, typed)
    say(f"Kept the password of “{shown}” in this computer's keyring; `caseload import --calendar \"{shown}\"` "
        "uses it.")


def _followed(context: CliContext, name: str) -> FollowedCalendar:
    with plain_errors(context.clock):
        settings = config.load_settings()
    followed = settings.calendars.get(name)
    if followed is None:
        raise UserError(f"No address is set for the calendar “{one_line(name, 40)}”: add "
                        f"[calendars.\"{one_line(name, 40)}\"] with its url to the settings first.")
    if not followed.username:
        raise UserError(f"The calendar “{one_line(name, 40)}” has no username in the settings, so it needs no "
                        "password; add username = \"…\" to its section if its server asks for one.")
    return followed
