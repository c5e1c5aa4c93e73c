"""How quick caseload is at every caseload size, measured against a bare Textual app.

    .venv/bin/python benchmarks/bench.py [--sizes S,M,L] [--json out.json] [--seed 1] [--quick] [--peers]

For each size it makes (once, then keeps under the cache folder) a synthetic caseload
from the seed, then measures, in the same run as a bare Textual app (a Header, a Static
and a Footer) started the same way:

- start: process start to the dashboard fully populated and painted (median of --runs
  starts of each app, taken in turn, in a 120x36 pseudo-terminal, after one unrecorded
  start of each; see start_driver.py). That first start of the day also makes the day's
  backup of the file, and is shown apart;
- peak memory: the child process's peak resident memory, VmHWM (median of the same runs);
- grouping: the groups counted in SQL and the first screen's rows, as the dashboard reads them (see interact.py);
- search: median and 95th percentile over 100 varied queries;
- selection change: key press to the panes showing the new row, median and p95 of 200 moves,
  beside the floor (floor.py: the best Textual allows for the same change, in the same layout);
- save: ctrl+s in the thought form to the thought listed, median and p95;
- mind and room, patterns in me: their key on the dashboard to the screen shown, median and p95;
- with --peers: toolong's and dooit's start beside the bare app's, where installed (peers.py).

Beside each timing of a change, the CPU time it took: the machine's load average is printed
too, and on a shared machine the clock counts the wait for a core as well.

It prints a table (each figure, its ratio to the bare app where one applies, its goal), then
every target (issue 19's, issue 18's) as met or not met and by how much (report.py), and
writes the same as JSON with --json: `python benchmarks/bench.py` makes the README's table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from on_a_pty import start_on_a_pty  # noqa: E402
from peers import measure_peers, peers_table  # noqa: E402
from report import table, verdicts  # noqa: E402

from generate import ANCHOR, SIZES  # noqa: E402

COLUMNS, ROWS = 120, 36
DEFAULT_CACHE = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "caseload-bench"

# ---------------------------------------------------------------- start-up in a pseudo-terminal


def compile_program() -> None:
    """Byte-compile the program's modules first, as an installed program's are (pip compiles a wheel's
    files; Python caches a module it compiles), so that a start is not timed compiling them from source:
    with PYTHONDONTWRITEBYTECODE set (as on this project's machines) an editable install, unlike Textual
    in site-packages, was compiled again on every start (~100 modules, about a tenth of the start)."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("caseload_tui")
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            compileall.compile_dir(folder, quiet=1)


def run_in_pty(args: list[str], env: dict, timeout: float = 120.0) -> tuple[float, int, int, bytes]:
    """Start `args` with a 120x36 pseudo-terminal as its terminal; wait for it to exit.

    Returns (perf_counter just before the start, exit status, peak RSS in KiB, output).
    """
    output = bytearray()
    started = start_on_a_pty(args, env, COLUMNS, ROWS, output.extend)
    child = started.child
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            child.kill()
            _, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.002)
    child.returncode = os.waitstatus_to_exitcode(status)
    started.close()
    return started.began, child.returncode, usage.ru_maxrss, bytes(output)


def start_once(which: str, db: Path | None, scratch: Path) -> dict:
    result = scratch / f"start-{which}.json"
    result.unlink(missing_ok=True)
    args = [sys.executable, str(HERE / "start_driver.py"), which, str(result)]
    if which == "caseload":
        args += [ANCHOR.isoformat(timespec="minutes"), "--db", str(db)]
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor",
               CASELOAD_CONFIG=str(scratch / "no-settings.toml"), CASELOAD_DATA_DIR=str(scratch / "data"))
    env.pop("TEXTUAL", None)
    began, status, peak_kib, output = run_in_pty(args, env)
    if status != 0 or not result.exists():
        tail = output[-3000:].decode("utf-8", "replace")
        raise RuntimeError(f"{which} did not start cleanly (exit {status}):\n{tail}")
    times = json.loads(result.read_text())
    return {"start_ms": (times["populated"] - began) * 1e3,
            "interpreter_ms": (times["interpreter_up"] - began) * 1e3,
            "peak_mib": times.get("peak_kib", peak_kib) / 1024}


def measure_start(db: Path, runs: int, scratch: Path, log) -> dict:
    """Both apps started in turn, `runs` times each after one unrecorded warm-up."""
    samples: dict[str, list[dict]] = {"bare": [], "caseload": []}
    first_of_day = None
    for i in range(runs + 1):
        for which in ("bare", "caseload"):
            figures = start_once(which, db, scratch)
            if i:
                samples[which].append(figures)
            elif which == "caseload":
                first_of_day = figures["start_ms"]  # it also made the day's backup of the file
    log(f"  start: bare {statistics.median(s['start_ms'] for s in samples['bare']):.0f} ms, "
        f"caseload {statistics.median(s['start_ms'] for s in samples['caseload']):.0f} ms")
    out = {}
    for which, runs_of in samples.items():
        out[which] = {
            "start_ms": statistics.median(s["start_ms"] for s in runs_of),
            "start_ms_runs": [round(s["start_ms"], 1) for s in runs_of],
            "interpreter_ms": statistics.median(s["interpreter_ms"] for s in runs_of),
            "peak_mib": statistics.median(s["peak_mib"] for s in runs_of),
        }
    out["caseload"]["first_of_day_ms"] = first_of_day
    return out


# ---------------------------------------------------------------- one size


def measure_size(name: str, args, scratch: Path, log) -> dict:
    size = SIZES[name]
    log(f"{name}: {size.clients:,} clients, {size.appointments:,} sessions, {size.thoughts:,} thoughts, "
        f"{size.questions:,} questions")
    # Made (and any migration newer than a cached file applied) in a child process, so this
    # one stays small: on Linux a child's rusage peak also counts what its parent held.
    made = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); from pathlib import Path; "
         "from generate import SIZES, cached; from caseload_tui.store import Store; "
         "db = cached(SIZES[sys.argv[2]], int(sys.argv[3]), Path(sys.argv[4]), "
         "log=lambda t: print(t, file=sys.stderr)); "
         "Store.open(db).close(); print(db); "
         "[p.unlink() for p in db.parent.glob(db.stem + '.before-*')]",  # copies made before updating it
         str(HERE), name, str(args.seed), str(args.cache_dir)],
        check=True, stdout=subprocess.PIPE, text=True)
    db = Path(made.stdout.strip().splitlines()[-1])
    start = measure_start(db, args.runs, scratch, log)

    work = scratch / f"work-{name}.db"  # interaction saves thoughts: never into the cached file
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(db, work)
    result = scratch / f"interact-{name}.json"
    command = [sys.executable, str(HERE / "interact.py"), str(work), str(result), "--seed", str(args.seed),
               "--queries", str(args.queries), "--moves", str(args.moves), "--saves", str(args.saves),
               "--grouping-runs", str(args.grouping_runs), "--screens", str(args.screens)]
    env = dict(os.environ, CASELOAD_CONFIG=str(scratch / "no-settings.toml"),
               CASELOAD_DATA_DIR=str(scratch / "data"))
    subprocess.run(command, check=True, env=env)
    inside = json.loads(result.read_text())
    floor = scratch / f"floor-{name}.json"
    subprocess.run([sys.executable, str(HERE / "interact.py"), "floor", str(floor), "--moves", str(args.moves)],
                   check=True, env=env)
    inside["textual_floor"] = json.loads(floor.read_text())
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work}{suffix}").unlink(missing_ok=True)
    log(f"  grouping {inside['grouping']['median_ms']:.1f} ms, search p95 {inside['search']['p95_ms']:.1f} ms, "
        f"selection p95 {inside['selection']['p95_ms']:.1f} ms, save p95 {inside['save']['p95_ms']:.1f} ms")

    bare, app = start["bare"], start["caseload"]
    return {
        "size": {"clients": size.clients, "active": size.active, "years": size.years,
                 "appointments": size.appointments, "thoughts": size.thoughts, "questions": size.questions,
                 "file_mib": round(db.stat().st_size / 2**20, 1)},
        "start": {"ms": app["start_ms"], "bare_ms": bare["start_ms"], "ratio": app["start_ms"] / bare["start_ms"],
                  "runs_ms": app["start_ms_runs"], "bare_runs_ms": bare["start_ms_runs"],
                  "interpreter_ms": app["interpreter_ms"], "first_of_day_ms": app["first_of_day_ms"]},
        "memory": {"mib": app["peak_mib"], "bare_mib": bare["peak_mib"], "ratio": app["peak_mib"] / bare["peak_mib"]},
        "grouping": inside["grouping"],
        "search": inside["search"],
        "selection": {**inside["selection"],
                      "ratio_to_textual_floor": inside["selection"]["median_ms"] / inside["textual_floor"]["median_ms"],
                      "p95_ratio_to_textual_floor": inside["selection"]["p95_ms"] / inside["textual_floor"]["p95_ms"]},
        "save": inside["save"],
        "mind_screen": inside["mind_screen"],
        "help_screen": inside["help_screen"],
        "patterns_screen": inside["patterns_screen"],
        "textual_floor": inside["textual_floor"],
    }


# ---------------------------------------------------------------- the table


def machine() -> dict:
    import textual

    def cpu_model() -> str:
        try:
            for line in Path("/proc/cpuinfo").read_text().splitlines():
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
        except OSError:
            pass
        return platform.processor() or "unknown"

    def memory() -> str:
        try:
            for line in Path("/proc/meminfo").read_text().splitlines():
                if line.startswith("MemTotal:"):
                    return f"{int(line.split()[1]) / 2**20:.1f} GiB"
        except OSError:
            pass
        return "unknown"

    try:
        from importlib.metadata import version

        sqlite_utils_version = version("sqlite-utils")
    except Exception:  # noqa: BLE001 - a figure for the report only: "unknown" whatever went wrong
        sqlite_utils_version = "unknown"
    return {"cpus": len(os.sched_getaffinity(0)), "cpu": cpu_model(), "memory": memory(),
            "os": platform.platform(), "python": platform.python_version(), "textual": textual.__version__,
            "sqlite": sqlite3.sqlite_version, "sqlite_utils": sqlite_utils_version}


# ---------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="S,M,L", help="comma-separated sizes among S, M, L (default S,M,L)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--seed", type=int, default=1, help="seed for the synthetic caseloads (default 1)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                        help=f"where generated caseloads are kept (default {DEFAULT_CACHE})")
    parser.add_argument("--runs", type=int, default=7, help="starts of each app per size (default 7)")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--moves", type=int, default=200)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--grouping-runs", type=int, default=5)
    parser.add_argument("--screens", type=int, default=10, help="openings of each issue-18 screen (default 10)")
    parser.add_argument("--peers", action="store_true",
                        help="also time the start of toolong and dooit, where installed (see peers.py)")
    parser.add_argument("--quick", action="store_true",
                        help="few repetitions (a smoke test: the figures are rough)")
    args = parser.parse_args(argv)
    if args.quick:
        args.runs, args.queries, args.moves, args.saves, args.grouping_runs, args.screens = 1, 20, 20, 3, 1, 2
    names = [n.strip().upper() for n in args.sizes.split(",") if n.strip()]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        parser.error(f"unknown size {', '.join(unknown)}; choose among {', '.join(SIZES)}")

    def log(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    compile_program()
    results, peers, load_before = {}, None, os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="caseload-bench-") as folder:
        for name in names:
            results[name] = measure_size(name, args, Path(folder), log)
        if args.peers:
            peers = measure_peers(args.runs, Path(folder), COLUMNS, ROWS, log)
    load = {"before": [round(x, 2) for x in load_before], "after": [round(x, 2) for x in os.getloadavg()]}
    report = {
        "command": " ".join(["python", "benchmarks/bench.py", *(argv if argv is not None else sys.argv[1:])]),
        "when": time.strftime("%Y-%m-%d %H:%M"),
        "seed": args.seed,
        "quick": args.quick,
        "machine": machine(),
        "load_average": load,
        "sizes": results,
        "targets": verdicts(results),
        "peers": peers,
    }
    m = report["machine"]
    print(f"caseload benchmark, seed {args.seed}{' (quick: rough figures)' if args.quick else ''}")
    print(f"{m['cpus']} CPUs ({m['cpu']}), {m['memory']}, Python {m['python']}, Textual {m['textual']}, "
          f"SQLite {m['sqlite']}, sqlite-utils {m['sqlite_utils']}")
    print(f"load average (1, 5, 15 min): {' '.join(map(str, load['before']))} before, "
          f"{' '.join(map(str, load['after']))} after")
    print()
    print(table(results))
    if peers is not None:
        print()
        print(peers_table(peers, results))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
        print(f"\nWrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
