"""A program started on a fresh pseudo-terminal of its own size, its output read in a thread as it comes:
the start the benchmark times (bench.run_in_pty) and the one it times its peers by (peers.time_to_text)."""

from __future__ import annotations

import fcntl
import os
import pty
import struct
import subprocess
import termios
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class OnAPty:
    child: subprocess.Popen[bytes]
    began: float  # perf_counter just before the start
    master: int
    reader: threading.Thread

    def close(self) -> None:
        self.reader.join(timeout=2)
        os.close(self.master)


def start_on_a_pty(args: list[str], env: dict, columns: int, rows: int,
                   on_output: Callable[[bytes], None]) -> OnAPty:
    """Start `args` in a session of its own on a COLUMNS x ROWS pty; on_output is given each chunk it writes
    (a terminal that is never read would block the program)."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            on_output(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    began = time.perf_counter()
    child = subprocess.Popen(args, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
                             close_fds=True)
    os.close(slave)
    return OnAPty(child, began, master, reader)
