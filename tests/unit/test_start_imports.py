"""The plain start loads only what the first screen needs (issue 19): the dashboard drawn and read from a
caseload file, as `caseload --db FILE` runs it, without click, sqlite-utils, the forms, search, help or
dateutil's parser. Each is loaded when first used. (What that is worth is measured by the benchmark.)"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime

from caseload_tui import model as m
from caseload_tui.store import Store

NOT_AT_START = [
    "click",  # the commands, --help: the plain start does without (cli/__init__.py)
    "sqlite_utils", "pluggy",  # migrations, imports and search (store/migration_steps.py)
    "caseload_tui.cli.group",
    "caseload_tui.tui.modals.base", "caseload_tui.tui.modals.forms", "textual.widgets._text_area",
    "caseload_tui.tui.modals.search", "caseload_tui.tui.screens.help",
    "dateutil.parser",  # typed dates (rules/dates.py)
    "caseload_tui.interchange",
    # what a save that met another window's change needs (screens/stale_handling.py), with the first form
    "caseload_tui.tui.screens.stale_handling", "caseload_tui.tui.modals.stale_edit", "caseload_tui.supervision",
    "caseload_tui.services.versions",
    "caseload_tui.name_matching",  # privacy mode's matcher (tui/render.py), when privacy mode is first on
]

# The real entry point on the file, the app run headless until the dashboard has read the caseload and
# drawn it; then what was loaded is printed.
START = """
import json, sys
from caseload_tui.tui import app as tui_app

real = tui_app.CaseloadApp.run

def run_headless(app, *args, **kwargs):
    async def until_drawn(pilot):
        while not getattr(pilot.app.screen, "loaded", False):
            await pilot.pause(0.02)
        await pilot.pause(0.1)
        print(json.dumps(sorted(sys.modules)))
        pilot.app.exit()
    return real(app, headless=True, size=(120, 36), auto_pilot=until_drawn)

tui_app.CaseloadApp.run = run_headless
from caseload_tui import cli
cli.run(["--db", sys.argv[1]])
"""


def test_the_plain_start_loads_only_what_the_first_screen_needs(tmp_path):
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    ann = store.add_client(m.Client(name="Ann", code="A1", started_on=date(2026, 1, 5),
                                    schedule="FREQ=WEEKLY;BYDAY=TU;BYHOUR=10"))
    store.add_thought(m.Thought(body="a thought", written_at=datetime(2026, 11, 24, 19), client_id=ann.id,
                                kind=m.ThoughtKind.INSIGHT))
    store.close()
    env = {"CASELOAD_CONFIG": str(tmp_path / "config.toml"), "CASELOAD_DATA_DIR": str(tmp_path / "data"),
           "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", START, str(db)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "caseload_tui.tui.screens.dashboard" in loaded  # it did start
    assert sorted(name for name in NOT_AT_START if name in loaded) == []
