"""Moving a caseload in and out of files: JSON (the sample format), later CSV and iCalendar."""

from .errors import ImportProblem

__all__ = ["ImportProblem"]
