"""Store failures, each carrying a message written for the clinician.

Messages never quote note text or SQL parameters: they name the file or
the kind of record, never its content.
"""

from __future__ import annotations


class StoreError(Exception):
    """Something the user must be told; str(exc) is that message."""


class NoDatabase(StoreError):
    pass


class NotACaseload(StoreError):
    pass


class Busy(StoreError):
    pass


class Conflict(StoreError):
    """The record was changed elsewhere since it was read."""


class NotFound(StoreError):
    pass


class Invalid(StoreError):
    """A value the store refuses, such as a second client with the same code."""


class Locked(StoreError):
    """An encrypted caseload that cannot be opened as things stand."""


class PassphraseNeeded(Locked):
    """The caseload is encrypted and no passphrase was given: the caller may ask for one."""


class WrongPassphrase(Locked):
    """The passphrase given does not open the caseload (the file was not changed)."""


class EncryptionUnavailable(Locked):
    """The caseload is encrypted and the sqlcipher3 extra is not installed."""


class FileGone(StoreError):
    """The caseload file was deleted, moved or replaced while open: a write would not reach it."""
