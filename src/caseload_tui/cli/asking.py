"""Questions asked on the terminal (click.prompt, click.confirm) that ctrl+c always stops at once.

Why not input() or getpass: Python runs a signal's handler only between two steps of Python code. A
ctrl+c that lands after the last such step and before the read() of the answer has begun is only
noticed when that read returns, at the next key: the question stays on the screen and the program
does not stop. Here the answer is awaited with select() on the terminal and on a signal wake-up
pipe (signal.set_wakeup_fd, as asyncio does): a signal that came before the wait wrote a byte to
the pipe, so the wait returns at once and the handler (KeyboardInterrupt for ctrl+c, `stopped` for
SIGTERM and SIGHUP) runs. click reads every answer through termui's two prompt functions (its test
runner replaces them the same way); off a terminal they are left to click.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import termios
import threading
from collections.abc import Callable, Iterator

Prompt = Callable[[str], str]


def _terminal_fd() -> int | None:
    """The descriptor of standard input if it is a terminal this thread may wait on, else None."""
    if threading.current_thread() is not threading.main_thread():
        return None  # only the main thread can be woken by a signal (set_wakeup_fd refuses others)
    try:
        fd = sys.stdin.fileno()
    except (AttributeError, ValueError, OSError):  # closed, or not a file (a test's stream)
        return None
    return fd if os.isatty(fd) else None


def _read_line(fd: int) -> str:
    """One line typed at the terminal, without its end; EOFError on ctrl+d before any of it."""
    wake_read, wake_write = os.pipe()
    before, typed = -1, b""  # no other wake-up pipe is set while a command asks (asyncio runs only in the screen)
    try:
        os.set_blocking(wake_read, False)
        os.set_blocking(wake_write, False)
        # A signal that came before this is handled as it returns, inside the try, so the pipe is always unset.
        before = signal.set_wakeup_fd(wake_write, warn_on_full_buffer=False)
        while not typed.endswith(b"\n"):
            ready, _, _ = select.select([fd, wake_read], [], [])
            if wake_read in ready:
                os.read(wake_read, 512)  # a signal came: its handler has run by the next line, or runs now
                continue
            chunk = os.read(fd, 4096)  # the terminal holds a whole line (or ctrl+d): this does not wait
            if not chunk:
                if not typed:
                    raise EOFError
                break
            typed += chunk
    finally:
        signal.set_wakeup_fd(before)
        os.close(wake_read)
        os.close(wake_write)
    return typed.decode(sys.stdin.encoding or "utf-8", errors="replace").rstrip("\r\n")


def _visible(previous: Prompt) -> Prompt:
    def ask(prompt: str) -> str:
        fd = _terminal_fd()
        if fd is None:
            return previous(prompt)
        sys.stdout.write(prompt)  # click points sys.stdout at stderr for a question asked there
        sys.stdout.flush()
        return _read_line(fd)
    return ask


def _hidden(previous: Prompt) -> Prompt:
    def ask(prompt: str) -> str:
        fd = _terminal_fd()
        if fd is None:
            return previous(prompt)  # getpass, which asks on /dev/tty
        shown = termios.tcgetattr(fd)
        hidden = list(shown)
        hidden[3] &= ~termios.ECHO  # lflag: what is typed is not shown
        termios.tcsetattr(fd, termios.TCSAFLUSH, hidden)  # before it is asked: nothing typed ahead is taken for it
        try:
            sys.stderr.write(prompt)
            sys.stderr.flush()
            typed = _read_line(fd)
        finally:
            termios.tcsetattr(fd, termios.TCSADRAIN, shown)  # what is typed after it is kept
        sys.stderr.write("\n")  # the Enter typed was not shown either (click writes it after a ctrl+c)
        sys.stderr.flush()
        return typed
    return ask


@contextlib.contextmanager
def questions_stopped_by_signals() -> Iterator[None]:
    """While it lasts, every click question on a terminal is ended at once by ctrl+c, SIGTERM or SIGHUP."""
    import click.termui as termui

    before: dict[str, Prompt] = {name: getattr(termui, name) for name in _ASKERS}
    for name, wrapped in _ASKERS.items():
        setattr(termui, name, wrapped(before[name]))
    try:
        yield
    finally:
        for name, prompt in before.items():
            setattr(termui, name, prompt)


_ASKERS = {"visible_prompt_func": _visible, "hidden_prompt_func": _hidden}  # click.termui's names for them
