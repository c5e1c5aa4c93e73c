"""With --peers: how quickly other Textual programs start, beside a bare Textual app started the same way.

Optional, and only for the peers installed on this machine (found on PATH: `tl` for toolong,
`dooit` for dooit; for example `pipx install toolong dooit`, each in its own environment, as
they pin their own Textual). Their code cannot be hooked as caseload's is (start_driver.py),
so each is timed from outside: from process start, in the same 120x36 pseudo-terminal, to
the moment its first screen's known text (a line of the log it is given, dooit's welcome)
has arrived on the terminal. The bare Textual app is timed the same way in the same runs,
taken in turn, and each peer's median is given as a ratio to the bare app's.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from on_a_pty import start_on_a_pty

ESCAPES = re.compile(rb"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-B]|[=>78MDEHc])")
LOG_LINE = "caseload benchmark peer log line zqxj"


@dataclass(frozen=True)
class Peer:
    name: str  # its package
    command: str  # the command it installs
    marker: str  # text its first screen shows

    def args(self, scratch: Path) -> list[str]:
        if self.name == "toolong":
            log = scratch / "peer.log"
            log.write_text("".join(f"{LOG_LINE} {i}\n" for i in range(50)), encoding="utf-8")
            return [str(log)]
        return []


PEERS = (Peer("toolong", "tl", LOG_LINE), Peer("dooit", "dooit", "Welcome to Dooit"))


def time_to_text(args: list[str], env: dict, marker: str, columns: int, rows: int, timeout: float = 60.0) -> float:
    """Seconds from starting `args` in a pseudo-terminal until `marker` has been written to it."""
    seen = threading.Event()
    shown_at: list[float] = []
    wanted = marker.encode()
    text = bytearray()

    def read(chunk: bytes) -> None:
        if not seen.is_set():
            text.extend(ESCAPES.sub(b"", chunk))
            if wanted in text:
                shown_at.append(time.perf_counter())
                seen.set()

    started = start_on_a_pty(args, env, columns, rows, read)
    child = started.child
    try:
        if not seen.wait(timeout):
            raise RuntimeError(f"{args[0]} never showed {marker!r}")
    finally:
        for sent in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(child.pid, sent)
                child.wait(timeout=5)
                break
            except (ProcessLookupError, subprocess.TimeoutExpired):
                continue
        started.close()
    return shown_at[0] - started.began


def version_of(command: str, package: str) -> str:
    """'1.5.0, Textual 0.58.1', read by the Python beside the command (its own environment)."""
    found = shutil.which(command)
    python = Path(found).resolve().parent / "python" if found else None
    if python is None or not python.exists():
        return "version unknown"
    done = subprocess.run([str(python), "-c", "import importlib.metadata as m, sys; "
                           "print(m.version(sys.argv[1]) + ', Textual ' + m.version('textual'))", package],
                          capture_output=True, text=True)
    return done.stdout.strip() or "version unknown"


def measure_peers(runs: int, scratch: Path, columns: int, rows: int, log) -> dict:
    here = Path(__file__).resolve().parent
    installed = [p for p in PEERS if shutil.which(p.command)]
    missing = [p.name for p in PEERS if p not in installed]
    if missing:
        log(f"  peers not installed (not on PATH), left out: {', '.join(missing)}")
    home = scratch / "peer-home"
    env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"))
    env.pop("TEXTUAL", None)
    bare = [sys.executable, str(here / "start_driver.py"), "bare", str(scratch / "peer-bare.json")]
    samples: dict[str, list[float]] = {"bare": [], **{p.name: [] for p in installed}}
    for i in range(runs + 1):  # the first round unrecorded, as for caseload's start
        took = time_to_text(bare, env, "A bare Textual app", columns, rows)
        if i:
            samples["bare"].append(took)
        for peer in installed:
            took = time_to_text([shutil.which(peer.command) or peer.command, *peer.args(scratch)], env, peer.marker,
                                columns, rows)
            if i:
                samples[peer.name].append(took)
    bare_ms = statistics.median(samples["bare"]) * 1e3
    out = {"bare": {"ms": bare_ms, "ratio": 1.0, "version": "this benchmark's bare app"}}
    for peer in installed:
        ms = statistics.median(samples[peer.name]) * 1e3
        out[peer.name] = {"ms": ms, "ratio": ms / bare_ms, "version": version_of(peer.command, peer.name),
                          "runs_ms": [round(t * 1e3, 1) for t in samples[peer.name]]}
    log("  peers: " + ", ".join(f"{name} {figures['ms']:.0f} ms" for name, figures in out.items()))
    return out


def peers_table(peers: dict, results: dict) -> str:
    lines = ["| app | start, median | ratio to the bare app |", "|---|---|---|"]
    for name, figures in peers.items():
        label = "bare Textual app (timed as the peers are)" if name == "bare" else f"{name} {figures['version']}"
        lines.append(f"| {label} | {figures['ms']:.0f} ms | {figures['ratio']:.2f}x |")
    for size, figures in results.items():
        start = figures["start"]
        lines.append(f"| caseload at {size} (its start figure above) | {start['ms']:.0f} ms | {start['ratio']:.2f}x |")
    return "\n".join(lines)
