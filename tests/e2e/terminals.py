"""What the end-to-end tests share: the installed program, a caseload of one client, and a terminal to
run it in: a pty read directly, or a tmux session on a socket of its own (never the user's tmux)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

from caseload_tui import model as m
from caseload_tui.store import Store

CASELOAD = str(Path(sys.executable).parent / "caseload")  # the console script installed beside this Python

# Run first in the program's new session: the pty becomes its controlling terminal, with the program in the
# foreground, so that ctrl+c typed on the pty reaches it as SIGINT (as in a terminal); then it becomes the program.
_TAKE_THE_TERMINAL = ("import fcntl, os, sys, termios; fcntl.ioctl(0, termios.TIOCSCTTY, 0); "
                      "os.execv(sys.argv[1], sys.argv[1:])")


def caseload_command() -> str:
    assert Path(CASELOAD).exists(), "install the project (pip install -e .) so `caseload` exists"
    return CASELOAD


def one_client_caseload(tmp_path: Path, client: m.Client) -> tuple[Path, dict[str, str]]:
    """A caseload file holding one client, and the environment that keeps the run out of the user's folders."""
    db = tmp_path / "caseload.db"
    store = Store.open(db, create=True)
    store.add_client(client)
    store.close()
    env = {"CASELOAD_DATA_DIR": str(tmp_path / "data"), "CASELOAD_CONFIG": str(tmp_path / "config.toml"),
           "TERM": "xterm-256color"}
    return db, env


def full_env(tmp_path: Path, **more: str) -> dict[str, str]:
    """This process's environment for a program run on a pty, with its data and settings in tmp_path."""
    env = {**os.environ, "TERM": "xterm-256color", "CASELOAD_DATA_DIR": str(tmp_path / "data"),
           "CASELOAD_CONFIG": str(tmp_path / "config.toml"), **more}
    env.pop("CASELOAD_DB", None)
    return env


def on_a_pty(argv: list[str], env: dict[str, str], *, session: bool = True,
             controlling: bool = False) -> tuple[subprocess.Popen[bytes], int]:
    """ARGV started with a fresh pty as its stdin, stdout and stderr; the process and the pty's master side.

    session: in a session of its own (signals sent to the test's group do not reach it); controlling:
    the pty is also its controlling terminal, so that keys such as ctrl+c act as they do at a terminal."""
    master, slave = pty.openpty()
    if controlling:
        argv = [sys.executable, "-c", _TAKE_THE_TERMINAL, *argv]
    process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                               start_new_session=session or controlling)
    os.close(slave)
    return process, master


def _read_ready(fd: int, wait: float) -> bytes | None:
    """What the pty holds within WAIT seconds (b"" if nothing yet); None once the program has closed its side."""
    ready, _, _ = select.select([fd], [], [], wait)
    if not ready:
        return b""
    try:
        return os.read(fd, 65536) or None
    except OSError:
        return None


def read_until(fd: int, wanted: bytes | None, seconds: float) -> bytes:
    """What the pty shows until WANTED is among it (None: whatever comes), SECONDS pass or the program closes it."""
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and (wanted is None or wanted not in out):
        chunk = _read_ready(fd, 0.05)
        if chunk is None:
            break
        out += chunk
    return out


def read_to_the_end(process: subprocess.Popen[bytes], master: int, seconds: float = 20) -> bytes:
    """Everything the program writes until it ends (or SECONDS pass); it is never left running."""
    out = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        chunk = _read_ready(master, 0.1)
        if chunk is None or (not chunk and process.poll() is not None):
            break
        out += chunk
    try:
        process.wait(timeout=10)
    finally:
        if process.poll() is None:  # never leave a caseload process behind, even when the test fails
            process.kill()
            process.wait()
        os.close(master)
    return out


def ended_within(process: subprocess.Popen[bytes], seconds: float) -> int | None:
    """The program's exit status if it ends within SECONDS; otherwise it is killed, and None."""
    try:
        return process.wait(timeout=seconds)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        return None


class Terminal:
    """A tmux session of its own, on its own socket, read with capture-pane and typed into with send-keys."""

    def __init__(self, tmp_path: Path, width: int, height: int):
        self.name = f"caseload-e2e-{os.getpid()}-{time.monotonic_ns()}"
        self.socket = str(tmp_path / f"tmux-{time.monotonic_ns()}.sock")
        self.width, self.height = width, height

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-S", self.socket, *args], capture_output=True, text=True, timeout=30)
        return done.stdout

    def start(self, command: str, env: dict[str, str]) -> None:
        """COMMAND run by a shell that says how it ended ("EXITED status") and stays for the screen to be read."""
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(self.width), "-y", str(self.height),
                  f"env {exports} {command}; echo EXITED $?; sleep 30")

    def start_bare(self, argv: list[str], env: dict[str, str]) -> None:
        """ARGV as the session's own process, no shell between: closing the session hangs up on it directly."""
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(self.width), "-y", str(self.height),
                  *(f"-e{key}={value}" for key, value in env.items()), *argv)

    def start_caseload(self, db: Path, env: dict[str, str], showing: str) -> None:
        """`caseload --db DB`, once the screen shows SHOWING."""
        self.start(f"{caseload_command()} --db {db}", env)
        self.wait_for(showing)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def close(self) -> None:
        self.tmux("kill-server")

    def open_thought_form(self) -> None:
        self.keys("t")
        self.wait_for("What stays with you")

    def choose_first_kind(self) -> None:
        """The thought form asks its kind (none is assumed): from the text, tab to the kinds, enter on the first."""
        for key in ("Tab", "Enter"):
            time.sleep(0.3)  # one at a time, as typed: each moves the focus before the next arrives
            self.keys(key)
        time.sleep(0.3)

    def paste(self, path: Path) -> None:
        """The file's text as a bracketed paste (tmux paste-buffer -p), as a terminal sends one."""
        self.tmux("load-buffer", str(path))
        self.tmux("paste-buffer", "-p", "-t", self.name)

    def save_and_quit(self, saved: str, quit_key: str = "q", timeout: float = 20) -> None:
        """ctrl+s, the screen saying SAVED, then quit: the program ends with status 0."""
        self.keys("C-s")
        self.wait_for(saved, timeout)
        self.keys(quit_key)
        self.wait_for("EXITED 0", timeout)
