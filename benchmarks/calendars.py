"""How long `caseload import --dry-run` takes, and how much memory, for the calendars issue 13 found too big.

    .venv/bin/python benchmarks/calendars.py [--megabytes 50] [--json out.json]

Each calendar is written to a temporary folder, then imported (a dry run) into a caseload of
40 clients by the installed `caseload` in a process of its own, whose wall time and peak
resident memory (the kernel's ru_maxrss for that process) are measured:

- years: a practice calendar of that size, ten years of weekly sessions with long
  descriptions (most of it outside the weeks read);
- crowded: the same size, every event in the weeks read (refused by the event limit);
- minutely: one event repeating every minute with no end, beside a weekly session.

It prints a table (each figure against the limit: under 10 s, under 200 MB) and what the
import said first; the same as JSON with --json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

LIMIT_SECONDS = 10.0
LIMIT_MIB = 200.0
NOW = datetime.now().replace(second=0, microsecond=0)  # the import reads the real clock
CLIENTS = 40  # a full-time practice's weekly clients
DESCRIPTION = "Room 2, ring twice; the code for the door is on the card. " * 4  # folded at 75 octets


def fold(line: str) -> str:
    raw = line.encode()
    parts = [raw[i:i + 74] for i in range(0, len(raw), 74)]
    return "\r\n ".join(p.decode("utf-8", errors="ignore") for p in parts) + "\r\n"


def event(uid: str, start: datetime, summary: str, rule: str = "") -> str:
    text = ("BEGIN:VEVENT\r\n" + f"UID:{uid}\r\nDTSTART:{start:%Y%m%dT%H%M%S}Z\r\n"
            f"DTEND:{start + timedelta(minutes=50):%Y%m%dT%H%M%S}Z\r\nSUMMARY:{summary}\r\n")
    if rule:
        text += f"RRULE:{rule}\r\n"
    return text + fold(f"DESCRIPTION:{DESCRIPTION}") + "END:VEVENT\r\n"


def write_years(path: Path, megabytes: float, crowded: bool) -> None:
    """Sessions for every client, week after week, until the file is `megabytes` long."""
    target = int(megabytes * 2**20)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nX-WR-CALNAME:Practice\r\n")
        written, n = 0, 0
        last = NOW + timedelta(weeks=2 if crowded else 12)  # written from the last week back
        while written < target:
            week, client = divmod(n, CLIENTS)
            when = last - timedelta(weeks=week % 20 if crowded else week) + timedelta(hours=client % 10,
                                                                                   minutes=client // 10)
            text = event(f"e{n}@bench", when, f"Therapy C{client:03d}")
            out.write(text)
            written += len(text)
            n += 1
        out.write("END:VCALENDAR\r\n")


def write_minutely(path: Path) -> None:
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\n"
                    + event("m@bench", NOW - timedelta(weeks=30), "Therapy C001", "FREQ=MINUTELY")
                    + event("w@bench", NOW - timedelta(days=1), "Therapy C002", "FREQ=WEEKLY")
                    + "END:VCALENDAR\r\n", encoding="utf-8", newline="")


def caseload_of_clients(folder: Path, env: dict[str, str]) -> Path:
    seed = folder / "clients.json"
    seed.write_text(json.dumps({"format": "caseload-tui", "version": 1, "clients": [
        {"code": f"C{i:03d}", "name": f"Client {i}", "started_on": "2016-01-04"} for i in range(CLIENTS)]}))
    db = folder / "bench.db"
    subprocess.run([caseload(), "import", str(seed), "--db", str(db)], env=env, check=True, capture_output=True)
    return db


def caseload() -> str:
    return str(Path(sys.executable).with_name("caseload"))


def measure(calendar: Path, db: Path, env: dict[str, str]) -> dict[str, object]:
    began = time.perf_counter()
    process = subprocess.Popen([caseload(), "import", str(calendar), "--dry-run", "--db", str(db),
                                "--calendar", "Practice"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", errors="replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - began
    mib = usage.ru_maxrss / 1024  # KiB on Linux
    lines = output.strip().splitlines()
    said = next((line for line in lines if "Would add" in line or "caseload:" in line), lines[0] if lines else "")
    return {"megabytes": round(calendar.stat().st_size / 2**20, 1), "seconds": round(seconds, 2),
            "peak_mib": round(mib, 1), "exit": process.returncode, "said": said[:160],
            "within": seconds < LIMIT_SECONDS and mib < LIMIT_MIB}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--megabytes", type=float, default=50.0)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    figures: dict[str, dict[str, object]] = {}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        env = dict(os.environ, CASELOAD_DATA_DIR=str(folder / "data"), CASELOAD_CONFIG=str(folder / "config.toml"))
        (folder / "config.toml").write_text('[calendar]\ntimezone = "Europe/London"\nprefix = "Therapy"\n')
        db = caseload_of_clients(folder, env)
        for what in ("years", "crowded", "minutely"):
            path = folder / f"{what}.ics"
            if what == "minutely":
                write_minutely(path)
            else:
                write_years(path, args.megabytes, crowded=what == "crowded")
            figures[what] = measure(path, db, env)
    print(f"calendar import, dry run (limits: under {LIMIT_SECONDS:.0f} s, under {LIMIT_MIB:.0f} MB)")
    print(f"{'calendar':<10} {'size MB':>8} {'time s':>8} {'peak MB':>8}  within  first words")
    for what, f in figures.items():
        print(f"{what:<10} {f['megabytes']:>8} {f['seconds']:>8} {f['peak_mib']:>8}  "
              f"{'yes' if f['within'] else 'NO':<6}  {f['said']}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
