"""The dashboard starts before the file's full check ends (store/background_check.py): when the check
finds damage, the clinician is told in the dashboard, and a write they try is refused in the same words."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from caseload_tui.store import Store
from caseload_tui.store.integrity import damaged_message

from pilot_helpers import loaded, make_app

sys.path.insert(0, str(Path(__file__).parents[1] / "trust"))
from trust_helpers import damaged_middle, real_caseload, sha


async def test_damage_found_after_the_start_is_told_and_a_write_is_refused(tmp_path):
    bad = tmp_path / "caseload.db"
    bad.write_bytes(damaged_middle(real_caseload(tmp_path)))
    os.chmod(bad, 0o600)
    before = sha(bad)
    damage = damaged_message(bad, cut=False)
    store = Store.open(bad, check_in_background=True)
    app = make_app(store)
    try:
        async with app.run_test(size=(120, 36)) as pilot:
            await loaded(pilot)
            for _ in range(300):  # told at the latest at the dashboard's next look (every 2 s)
                if any(damage == str(n.message) for n in app._notifications):
                    break
                await pilot.pause(0.02)
            assert [n.severity for n in app._notifications if str(n.message) == damage] == ["error"]
            app.clear_notifications()
            await pilot.press("b")  # flag the selected client for supervision: a write
            await pilot.pause()
            said = [str(n.message) for n in app._notifications]
            assert damage in said, said
            assert not any("Flagged for supervision" in s for s in said)
    finally:
        store.close()
    assert sha(bad) == before
