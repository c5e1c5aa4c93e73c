"""Moving a caseload in and out of files: JSON (the sample format), iCalendar and CSV."""

from .errors import ImportProblem

__all__ = ["ImportProblem"]
