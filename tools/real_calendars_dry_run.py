"""Each real calendar in ../shared/real-calendars through `caseload import --dry-run`, on an empty caseload.

Prints, as JSON, each file's exit code and the first line of what it said: run it with two
versions' `caseload` and compare, to see that a change to the importers keeps every outcome.

    python tools/real_calendars_dry_run.py [CASELOAD_COMMAND] > outcomes.json
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CALENDARS = Path(__file__).resolve().parents[1].parent / "shared" / "real-calendars"


def outcomes(caseload: str) -> dict[str, tuple[int, str]]:
    found: dict[str, tuple[int, str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        env = dict(os.environ, CASELOAD_DATA_DIR=f"{folder}/data", CASELOAD_CONFIG=f"{folder}/config.toml")
        db = Path(folder) / "caseload.db"
        subprocess.run([caseload, "init", str(db)], env=env, capture_output=True, check=True)
        for calendar in sorted(CALENDARS.glob("*.ics")):
            said = subprocess.run([caseload, "import", str(calendar), "--dry-run", "--db", str(db)], env=env,
                                  capture_output=True, text=True, timeout=60)
            lines = (said.stdout + said.stderr).strip().splitlines()
            found[calendar.name] = (said.returncode, lines[0].replace(folder, "TMP") if lines else "")
    return found


if __name__ == "__main__":
    if not CALENDARS.is_dir():
        sys.exit(f"No real calendars at {CALENDARS}.")
    json.dump(outcomes(sys.argv[1] if len(sys.argv) > 1 else "caseload"), sys.stdout, indent=1)
    print()
