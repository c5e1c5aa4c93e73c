"""The passwords of followed calendars, kept in the system keyring (never in the settings file).

Through the `keyring` library: the macOS Keychain, Windows Credential Locker, or the Secret
Service (GNOME Keyring, KWallet) on Linux. Where there is none, nothing is kept and the
password is asked each time.
"""

from __future__ import annotations

from ..config import FollowedCalendar
from .errors import ImportProblem

SERVICE = "caseload-tui"


def _entry(followed: FollowedCalendar) -> tuple[str, str]:
    """(service, username) in the keyring: one entry for each calendar name and account."""
    return f"{SERVICE} calendar {followed.name}", followed.username


def stored_password(followed: FollowedCalendar) -> str | None:
    """The password kept for this calendar, or None when none is kept or there is no keyring to ask."""
    import keyring
    from keyring.errors import KeyringError

    try:
        password: str | None = keyring.get_password(*_entry(followed))
    except KeyringError:
        return None
    return password


def keep_password(followed: FollowedCalendar, password: str) -> None:
    """Keep the password in the keyring; ImportProblem when this computer has no keyring to keep it in."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(*_entry(followed), password)
    except KeyringError:
        raise ImportProblem("This computer has no keyring I can keep the password in, so nothing was kept: "
                            "the password will be asked each time the calendar is fetched.") from None


def forget_password(followed: FollowedCalendar) -> bool:
    """Remove the kept password; False when none was kept."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.delete_password(*_entry(followed))
    except KeyringError:  # none kept (PasswordDeleteError), or no keyring at all
        return False
    return True
