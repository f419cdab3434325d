"""A small headless Chromium driver for the view's browser test, with the network off.

It speaks the DevTools protocol over ``--remote-debugging-pipe`` (file
descriptors 3 and 4, messages ending in NUL), so it needs neither a
websocket library nor a port: only Debian's ``chromium``. The page is opened
with the network emulated offline and a proxy that goes nowhere; every
request the page makes is recorded, and so are console errors and uncaught
exceptions.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--disable-default-apps",
    "--mute-audio",
    "--hide-scrollbars",
    # Nowhere to go even if something tried: no proxy listens on port 9, no name resolves.
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # loopback: a local server under test
    "--remote-debugging-pipe",
)


# A page script for the view: how many labels are drawn, and how many pairs of them overlap.
LABEL_OVERLAPS = """(function () {
  var boxes = govkg.labels(), overlaps = 0;
  for (var i = 0; i < boxes.length; i++) {
    for (var j = i + 1; j < boxes.length; j++) {
      var a = boxes[i], b = boxes[j];
      if (a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1) { overlaps += 1; }
    }
  }
  return [boxes.length, overlaps];
})()"""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def _high(fd: int) -> int:
    """The same pipe end on a descriptor above 9, clear of the 3 and 4 the browser wants."""
    high = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return high


@dataclass
class PageReport:
    """What a page did: its console errors, the requests it made, values read from it."""

    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    values: dict = field(default_factory=dict)
    screenshot: bytes = b""


class Chromium:
    """One headless browser; use as a context manager."""

    def __init__(self, binary: str, profile: Path, width: int = 1280, height: int = 820) -> None:
        self.width, self.height = width, height
        commands_r, commands_w = (_high(fd) for fd in os.pipe())
        replies_r, replies_w = (_high(fd) for fd in os.pipe())
        # The browser reads commands on fd 3 and writes replies on fd 4.
        script = f'exec "$0" "$@" 3<&{commands_r} 4>&{replies_w} {commands_r}<&- {replies_w}>&-'
        self.log = open(profile.parent / f"{profile.name}.log", "wb")
        self.process = subprocess.Popen(
            ["bash", "-c", script, binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            pass_fds=(commands_r, replies_w),
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=self.log,
        )
        os.close(commands_r)
        os.close(replies_w)
        self._out, self._in = commands_w, replies_r
        self._buffer = b""
        self._next = 0
        self._events: list[dict] = []

    def __enter__(self) -> Chromium:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        for fd in (self._out, self._in):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("chromium did not answer")
            ready, _, _ = select.select([self._in], [], [], left)
            if ready:
                chunk = os.read(self._in, 1 << 20)
                if not chunk:
                    raise RuntimeError("chromium closed the pipe (see its log)")
                self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(self, method: str, params: dict | None = None, session: str | None = None, timeout: float = 30):
        """Send a command and wait for its result; events meanwhile are kept."""
        self._next += 1
        message = {"id": self._next, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._out, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self._events.append(reply)

    def open(
        self,
        path: Path | str,
        ready: str,
        values: dict[str, str],
        hover: str | None = None,
        timeout: float = 60,
    ) -> PageReport:
        """Open a file offline, wait until the ``ready`` expression is true, read ``values``.

        ``hover``, an expression giving page coordinates ``[x, y]``, moves the
        mouse there (and waits a moment for tooltips) before the values are read.
        ``path`` may also be an ``http://127.0.0.1:PORT/…`` address (a local
        server's page): the network is then left on, for loopback only.
        """
        loopback = isinstance(path, str) and path.startswith("http://127.0.0.1:")
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for method in ("Page.enable", "Runtime.enable", "Log.enable", "Network.enable"):
            self.call(method, session=session)
        self.call(
            "Network.emulateNetworkConditions",
            {"offline": not loopback, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
            session=session,
        )
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": self.width, "height": self.height, "deviceScaleFactor": 1, "mobile": False},
            session=session,
        )
        self._events.clear()
        url = path if loopback else Path(path).resolve().as_uri()
        self.call("Page.navigate", {"url": url}, session=session)
        deadline = time.monotonic() + timeout
        while not self.evaluate(ready, session):
            if time.monotonic() > deadline:
                errors = self._report().errors
                raise TimeoutError(f"the page was not ready within {timeout} s: {ready}; errors: {errors}")
            time.sleep(0.05)
        if hover:
            x, y = self.evaluate(hover, session)
            self.call("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y}, session=session)
            time.sleep(0.6)
        report = self._report()
        report.values = {name: self.evaluate(expr, session) for name, expr in values.items()}
        report.screenshot = base64.b64decode(
            self.call("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        )
        self.call("Target.closeTarget", {"targetId": target})
        return report

    def _report(self) -> PageReport:
        report = PageReport()
        for event in self._events:
            method, params = event["method"], event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                report.errors.append(
                    " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
                )
            elif method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                report.errors.append(
                    details.get("exception", {}).get("description") or details.get("text", "")
                )
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                report.errors.append(params["entry"].get("text", ""))
            elif method == "Network.requestWillBeSent":
                report.requests.append(params["request"]["url"])
        return report

    def evaluate(self, expression: str, session: str):
        result = self.call(
            "Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")
