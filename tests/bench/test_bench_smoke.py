"""The benchmark runs end to end at size S and reports every figure (timings are never asserted)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ROW_LABELS = (
    "start to populated dashboard", "bare Textual app start", "peak memory", "bare Textual app memory",
    "grouping (groups + first rows)", "search median / p95", "selection change median / p95",
    "Textual floor median / p95", "ratio to the floor, median / p95", "CPU per change, median / p95",
    "save a thought median / p95", "CPU per save, median / p95",
    "show Mind and room median / p95", "show Patterns in me median / p95",
)
FIGURES = {
    "start": ("ms", "bare_ms", "ratio"),
    "memory": ("mib", "bare_mib", "ratio"),
    "grouping": ("median_ms", "group_ms", "rows_ms"),
    "search": ("median_ms", "p95_ms"),
    "selection": ("median_ms", "p95_ms", "cpu_median_ms", "ratio_to_textual_floor", "p95_ratio_to_textual_floor"),
    "save": ("median_ms", "p95_ms", "cpu_median_ms"),
    "mind_screen": ("median_ms", "p95_ms"),
    "patterns_screen": ("median_ms", "p95_ms"),
    "textual_floor": ("median_ms", "p95_ms", "cpu_median_ms"),
}
# Issue 19's targets that hold at every size, each printed for S beside its goal (with issue 18's at L only).
EVERY_SIZE = ("start", "selection_median", "selection_p95", "selection_median_to_floor", "selection_p95_to_floor",
              "save_median", "save_p95")


def test_benchmark_at_size_s_prints_and_writes_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench.py"), "--sizes", "S", "--quick",
         "--json", str(out), "--cache-dir", str(tmp_path / "cache")],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    for label in ROW_LABELS:
        assert label in done.stdout
    report = json.loads(out.read_text())
    figures = report["sizes"]["S"]
    for group, keys in FIGURES.items():
        for key in keys:
            value = figures[group][key]
            assert isinstance(value, (int, float)) and math.isfinite(value) and value > 0, (group, key, value)
    assert figures["grouping"]["groups"]["graduates"] > 0
    assert {"figure", "size", "value", "target", "met", "by"} <= set(report["targets"][0])
    judged = {t["figure"] for t in report["targets"] if t["size"] == "S"}
    assert set(EVERY_SIZE) | {"memory"} <= judged
    for figure in judged:
        assert any(line.startswith(("met ", "NOT met ")) and f" {figure} " in line and " S: " in line
                   and "goal ≤" in line for line in done.stdout.splitlines()), figure
    assert report["load_average"]["before"] and report["peers"] is None
    assert report["machine"]["textual"] and report["machine"]["python"]
