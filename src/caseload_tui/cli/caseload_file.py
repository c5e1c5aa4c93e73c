"""`caseload locate`, `init`, `check`, `backup` and `restore`: the caseload file itself.

Where it is, a new one, and looking after it. An encrypted caseload (or backup) asks for
its passphrase, as opening the dashboard does.
"""

from __future__ import annotations

from pathlib import Path

import click

from .. import config
from ..model import holdings_in_words
from ..private_files import require_regular_file
from ..safe_text import for_terminal
from .common import CliContext, Unlocking, UserError, db_option, pass_cli, plain_errors, say, unwritable_message


@click.command()
@db_option
def locate(db_path: Path | None) -> None:
    """Say where your caseload, settings and backups are kept (with --db: that caseload)."""
    say(f"caseload:  {_caseload_path(db_path)}")
    say(f"settings:  {config.config_path()}")
    say(f"backups:   {config.backups_dir()}")


@click.command()
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--encrypt", is_flag=True,
              help="Lock the file with a passphrase, asked for now and at every start (needs "
                   "pip install 'caseload-tui[encrypted]'). It is stored nowhere: without it the notes "
                   "cannot be read.")
@pass_cli
def init(context: CliContext, path: Path | None, db_path: Path | None, encrypt: bool) -> None:
    """Create a new, empty caseload file at PATH (or --db FILE; neither: your own caseload)."""
    from ..store import Store
    from ..store.cipher import INSTALL, available

    if path is not None and db_path is not None and path != db_path:
        raise UserError("Give the new caseload's file once: as PATH or as --db, not both. Nothing was changed.")
    path = path or _caseload_path(db_path)
    if path.exists():
        raise UserError(f"{path} already exists; nothing was changed.")
    passphrase = None
    if encrypt:
        if not available():
            raise UserError(f"An encrypted caseload needs the extra: {INSTALL}. Nothing was changed.")
        try:
            passphrase = click.prompt("Passphrase for the new caseload", hide_input=True,
                                      confirmation_prompt="Type it again", err=True)
        except click.Abort:
            raise UserError("No passphrase was given, so no caseload was made.") from None
    with plain_errors(context.clock):
        config.ensure_private_dir(path.parent) if not path.parent.exists() else None
        Store.open(path, create=True, passphrase=passphrase).close()
    if encrypt:
        say(f"Created an empty encrypted caseload at {path}. Keep the passphrase somewhere safe: "
                   "it is stored nowhere, and without it the notes cannot be read.")
        return
    say(f"Created an empty caseload at {path}.")


def _caseload_path(db_path: Path | None) -> Path:
    return db_path if db_path is not None else config.default_db_path()


def _unwritable(path: Path, exc: OSError) -> UserError:
    return UserError(unwritable_message(path, exc))


@click.command()
@db_option
@pass_cli
def check(context: CliContext, db_path: Path | None) -> None:
    """Check the caseload file for damage and say what was found. Changes nothing."""
    from ..store import integrity

    path = _caseload_path(db_path)
    with plain_errors(context.clock):
        health = Unlocking().run(lambda passphrase: integrity.inspect_untouched(path, passphrase=passphrase))
        warning = integrity.exposure(path, fixing=False)
    if warning:
        say(f"caseload: {warning}", err=True)
    if not health.ok:
        for problem in health.problems:
            say(f"caseload: {problem}", err=True)
        raise SystemExit(1)
    held = holdings_in_words(health.counts)
    locked = " It is encrypted." if health.encrypted else ""
    say(f"The caseload at {path} is in good order: no damage found. It holds {held}.{locked}")


@click.command()
@click.argument("dest", required=False, type=click.Path(path_type=Path))
@db_option
@pass_cli
def backup(context: CliContext, dest: Path | None, db_path: Path | None) -> None:
    """Make a copy of the caseload, safe even while caseload is open in another window.

    DEST is a new file or a folder; without it the copy goes in your backups
    folder (see `caseload locate`). The copy is readable by you only.
    """
    from ..store import backup as backups
    from ..store import integrity

    path = _caseload_path(db_path)
    stem = f"{path.stem}-{context.clock():%Y-%m-%d-%H%M}"
    with plain_errors(context.clock):
        unlocking = Unlocking()  # an encrypted caseload: its passphrase, and its copy is encrypted too
        # Checked (and unlocked) before any folder is made for the copy.
        unlocking.run(lambda passphrase: integrity.unlock(path, passphrase))
        try:
            if dest is None:
                dest = backups.free_name(backups.private_folder(config.backups_dir()), stem, ".db")
            elif dest.is_dir():
                dest = backups.free_name(dest, stem, ".db")
            made = unlocking.run(lambda passphrase: backups.copy_file(path, dest, passphrase))
        except OSError as exc:
            raise _unwritable(dest or config.backups_dir(), exc) from None
    say(f"Backed up the caseload to {made}.")


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@db_option
@click.option("--yes", is_flag=True, help="Put the backup back without asking first.")
@pass_cli
def restore(context: CliContext, file: Path, db_path: Path | None, yes: bool) -> None:
    """Put the backup FILE back as the caseload.

    The caseload there now is not deleted: it is kept beside it under a dated
    name. Close caseload in other windows first.
    """
    from ..store import backup as backups
    from ..store import integrity
    from ..store.cipher import file_looks_encrypted

    path = _caseload_path(db_path)
    unlocking = Unlocking()  # one passphrase for an encrypted backup and an encrypted caseload
    with plain_errors(context.clock):
        require_regular_file(path, "caseload file")  # a FIFO or a device would wait for ever
        # checked before anything is asked
        health = unlocking.run(lambda passphrase: integrity.inspect(file, thorough=True, passphrase=passphrase))
        if not health.ok:
            raise UserError(f"{file} cannot be put back: {health.problems[0]}")
        if path.exists() and file_looks_encrypted(path):  # an encrypted caseload there: unlocked before asking
            unlocking.run(lambda passphrase: integrity.unlock(path, passphrase, damaged_ok=True))
        if db_path is None:
            config.ensure_private_dir(path.parent)
    aside = backups.aside_name(path, f"{context.clock():%Y%m%d-%H%M}")
    if not yes:
        question = f"Put the backup {file} back as the caseload at {path}?"
        if path.exists():
            question += f" The caseload there now will be kept as {aside.name}."
        try:
            agreed = click.confirm(for_terminal(question), default=False, err=True)
        except click.Abort:
            agreed = False
        if not agreed:
            say("Nothing was changed.", err=True)
            raise SystemExit(1)
    goes_plain = not health.encrypted and path.exists() and file_looks_encrypted(path)
    with plain_errors(context.clock):
        try:
            moved = unlocking.run(lambda passphrase: backups.restore(file, path, aside, passphrase))
        except OSError as exc:
            raise _unwritable(path, exc) from None
    kept = f" The caseload that was there is kept as {moved}." if moved else ""
    plain = " The backup is not encrypted, so the caseload is not encrypted now either." if goes_plain else ""
    say(f"Put the backup back as the caseload at {path}.{kept}{plain}")
