"""Calendar servers on loopback for the following tests: Radicale (CalDAV) and a plain feed.

Radicale runs as its own process on a free port, its calendars in a temporary folder, with
one test user (htpasswd, plain); the feed is the standard library's http.server answering
with whatever text the test gives it. Nothing here leaves 127.0.0.1.
"""

from __future__ import annotations

import base64
import http.server
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

USER, PASSWORD = "therapist", "correct horse battery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Radicale:
    """A running Radicale and the one calendar the tests keep in it."""

    port: int
    process: subprocess.Popen[bytes]

    def _send(self, method: str, url: str, body: bytes = b"") -> None:
        auth = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        request = urllib.request.Request(url, data=body or None, method=method, headers={
            "Authorization": f"Basic {auth}", "Content-Type": "text/calendar; charset=utf-8"})
        urllib.request.urlopen(request, timeout=10).close()

    def make_calendar(self, name: str) -> str:
        """A new, empty calendar of the test user; its address."""
        url = f"http://127.0.0.1:{self.port}/{USER}/{name}/"
        self._send("MKCALENDAR", url)
        return url

    def put_event(self, calendar_url: str, uid: str, ics: str) -> None:
        """Add or replace one event (a VCALENDAR of its own), as a calendar program does."""
        self._send("PUT", f"{calendar_url}{uid}.ics", ics.replace("\n", "\r\n").encode("utf-8"))

    def delete_event(self, calendar_url: str, uid: str) -> None:
        self._send("DELETE", f"{calendar_url}{uid}.ics")


def start_radicale(folder: Path) -> Iterator[Radicale]:
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
         "--storage-filesystem-folder", str(folder / "collections"), "--auth-type", "htpasswd",
         "--auth-htpasswd-filename", str(users), "--auth-htpasswd-encryption", "plain",
         "--rights-type", "owner_only", "--logging-level", "error"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server = Radicale(port, process)
    try:
        _wait_for(port, process)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


def _wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("Radicale stopped as it started")
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("Radicale did not start in 30 s")


@dataclass
class Feed:
    """An iCalendar feed on loopback: `text` is what the address gives; `status` what it answers."""

    port: int = 0
    text: str = ""
    status: int = 200
    content_type: str = "text/calendar; charset=utf-8"
    needs: tuple[str, str] | None = None  # (username, password) when the feed asks for them
    requests: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/calendar/secret-0123456789abcdef/basic.ics"


def serve_feed() -> Iterator[Feed]:
    feed = Feed()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's name
            feed.requests.append(self.path)
            status, body = feed.status, feed.text.replace("\n", "\r\n").encode("utf-8")
            if feed.needs is not None:
                expected = "Basic " + base64.b64encode(":".join(feed.needs).encode()).decode()
                if self.headers.get("Authorization") != expected:
                    status, body = 401, b"Unauthorized"
            self.send_response(status)
            self.send_header("Content-Type", feed.content_type if status == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            if status == 401:
                self.send_header("WWW-Authenticate", 'Basic realm="calendar"')
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # http.server's name
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    feed.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield feed
    finally:
        server.shutdown()
        server.server_close()
