"""caseload-tui: a private dashboard for the thinking done between sessions."""

__version__ = "0.1.0"
