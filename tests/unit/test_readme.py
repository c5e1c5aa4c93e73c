"""What the README says about running the tests is what a run shows (issue 20): progress as it goes,
pytest's closing "N passed" line (also with -q added), and a test skipped for want of tmux says so."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
SMALL = "tests/unit/test_safe_text.py"  # a quick file, run the README's way


def _pytest(*args: str, env: dict[str, str] | None = None) -> list[str]:
    done = subprocess.run([sys.executable, "-m", "pytest", *args, "-p", "no:cacheprovider"], cwd=REPO,
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode in (0, 5), done.stdout + done.stderr
    return [line for line in done.stdout.splitlines() if line.strip()]


def test_the_readme_runs_the_tests_with_plain_pytest():
    assert "pip install -e '.[test]' && python -m pytest\n" in README


def test_the_run_shows_its_progress_and_ends_with_the_passed_line():
    lines = _pytest(SMALL)
    assert re.search(r"\[\s*\d+/\d+\]$", lines[-2]), lines  # the running count, file by file
    assert re.fullmatch(r"=+ \d+ passed in [\d.]+s =+", lines[-1]), lines[-1]


def test_with_q_added_the_passed_line_is_still_there():
    """The project's settings hold no -q: added to one given on the command line, it would make -qq."""
    assert re.fullmatch(r"\d+ passed in [\d.]+s", _pytest(SMALL, "-q")[-1])


def test_an_end_to_end_test_without_tmux_says_why_it_was_skipped():
    bare = {**os.environ, "PATH": str(Path(sys.executable).parent)}  # this Python's folder: no tmux there
    lines = _pytest("tests/e2e/test_tmux.py", env=bare)
    assert any(line.startswith("SKIPPED") and "tmux is not installed" in line for line in lines), lines
    assert re.fullmatch(r"=+ \d+ skipped in [\d.]+s =+", lines[-1]), lines[-1]
