"""How long a supervision lasted, as the meeting form reads it for the log."""

from __future__ import annotations

import pytest

from caseload_tui.tui.modals.base import FormError
from caseload_tui.tui.modals.supervision_forms import minutes_of


@pytest.mark.parametrize("typed, minutes", [("90", 90), ("1h30", 90), ("1 h 30 min", 90), ("2h", 120),
                                            ("45 min", 45), ("", 0), ("  ", 0), ("1 hour 15", 75)])
def test_lengths_as_people_write_them(typed, minutes):
    assert minutes_of(typed) == minutes


@pytest.mark.parametrize("typed", ["an hour", "1.5", "-30", "90 seconds", "2000"])
def test_anything_else_is_a_clear_message(typed):
    with pytest.raises(FormError):
        minutes_of(typed)
