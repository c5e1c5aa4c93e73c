"""The calendar benchmark runs end to end on a small file and reports every figure (timings are never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_calendar_benchmark_prints_and_writes_every_figure(tmp_path):
    out = tmp_path / "calendars.json"
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "calendars.py"), "--megabytes", "2",
                           "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "limits: under 10 s, under 200 MB" in done.stdout
    figures = json.loads(out.read_text())
    assert set(figures) == {"years", "crowded", "minutely"}
    for figure in figures.values():
        assert {"megabytes", "seconds", "peak_mib", "within", "said"} <= set(figure)
    # What each calendar did: read (2 MB is too few events for the crowded one to reach the event limit),
    # and the minutely rule left out with its reason, the weekly session beside it read.
    assert figures["years"]["said"].startswith("Would add")
    assert figures["crowded"]["said"].startswith("Would add")
    assert figures["minutely"]["said"].startswith("Would add 13,")
