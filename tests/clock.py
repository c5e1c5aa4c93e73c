"""The two moments the tests are set at, each defined once (imported by name: tests/ is on sys.path).

Which one a test uses matters: words like "today", "tue" or "last week" and the demo's story are read
from it, so a module keeps the moment it was written for.
"""

from __future__ import annotations

from datetime import datetime

# Wednesday 25 November 2026, 18:00: the command line, the store and the caseload's grouping.
# "tue" is yesterday, "thu" tomorrow.
WEDNESDAY_EVENING = datetime(2026, 11, 25, 18, 0)

# Thursday 26 November 2026, 19:30, the day's end: the demo's story (load_demo) is written to end on this
# day, so the dashboard, the day's review and supervision preparation are looked at from here.
DEMO_DAY_END = datetime(2026, 11, 26, 19, 30)
