"""Headless Firefox driven over WebDriver BiDi (a websocket), with the network cut off.

Firefox's own remote agent speaks WebDriver BiDi (``--remote-debugging-port``), so no geckodriver
and nothing downloaded at run time: Debian's ``firefox-esr`` and the ``websockets`` package are
all it needs. Used by tests/test_render_firefox.py and benchmarks/render_bench.py.

Every event of the subscribed modules is kept in ``Firefox.events``: console entries and script
errors (``log.entryAdded``), dialogs (``browsingContext.userPromptOpened``, which the session
dismisses at once, so an ``alert`` never blocks the page) and requests
(``network.beforeRequestSent``).
"""
from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

#: user.js of the throwaway profile: every connection goes to a closed local port (offline), and
#: the background services that would try the network are off
PREFS = {
    "network.proxy.type": 1,
    "network.proxy.http": "127.0.0.1",
    "network.proxy.http_port": 9,
    "network.proxy.ssl": "127.0.0.1",
    "network.proxy.ssl_port": 9,
    "network.proxy.socks": "127.0.0.1",
    "network.proxy.socks_port": 9,
    "network.proxy.socks_remote_dns": True,
    "network.proxy.no_proxies_on": "",
    "network.proxy.allow_hijacking_localhost": True,
    "network.dns.disableIPv6": True,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "app.update.disabledForTesting": True,
    "app.normandy.enabled": False,
    "browser.safebrowsing.update.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "messaging-system.rsexperimentloader.enabled": False,
    "toolkit.telemetry.enabled": False,
    "extensions.update.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
    "browser.startup.homepage_override.mstone": "ignore",
}

EVENTS = ["log.entryAdded", "browsingContext.userPromptOpened", "network.beforeRequestSent"]


def find_firefox() -> str | None:
    """``KG_FIREFOX``, else firefox-esr or firefox on PATH."""
    named = os.environ.get("KG_FIREFOX")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    return shutil.which("firefox-esr") or shutil.which("firefox")


class BidiError(RuntimeError):
    pass


class Firefox:
    """One headless Firefox with one BiDi session on its first tab."""

    def __init__(self, profile: Path, size: tuple[int, int] = (1400, 850), binary: str | None = None) -> None:
        from websockets.sync.client import connect

        binary = binary or find_firefox()
        if binary is None:
            raise FileNotFoundError("no firefox installed (apt-get install -y firefox-esr)")
        profile.mkdir(parents=True, exist_ok=True)
        (profile / "user.js").write_text(
            "".join(f'user_pref("{k}", {json.dumps(v)});\n' for k, v in PREFS.items()), encoding="utf-8"
        )
        self.proc = subprocess.Popen(
            [binary, "--headless", "--no-remote", "--profile", str(profile), "--remote-debugging-port=0",
             f"--width={size[0]}", f"--height={size[1]}", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        self.log: list[str] = []
        self._closing = contextlib.ExitStack()
        self.counter = 0
        self.events: list[dict[str, Any]] = []
        try:
            url = self._listening(timeout=60)
            threading.Thread(target=self._drain, daemon=True).start()
            self.ws = self._closing.enter_context(connect(url + "/session", max_size=None, open_timeout=30))
            self.call("session.new", capabilities={"alwaysMatch": {"unhandledPromptBehavior": {"default": "dismiss"}}})
            self.call("session.subscribe", events=EVENTS)
            self.context: str = self.call("browsingContext.getTree")["contexts"][0]["context"]
            self.call("browsingContext.setViewport", context=self.context, viewport={"width": size[0], "height": size[1]})
        except BaseException:
            self.close()
            raise

    def _listening(self, timeout: float) -> str:
        assert self.proc.stderr is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.proc.stderr.readline()
            if not line:
                break
            self.log.append(line)
            found = re.search(r"WebDriver BiDi listening on (ws://\S+)", line)
            if found:
                return found.group(1)
        raise BidiError("firefox did not start its WebDriver BiDi server:\n" + "".join(self.log[-20:]))

    def _drain(self) -> None:
        assert self.proc.stderr is not None
        for line in self.proc.stderr:
            self.log.append(line)

    # ------------------------------------------------------------ protocol

    def call(self, method: str, timeout: float = 60.0, **params: Any) -> dict[str, Any]:
        self.counter += 1
        ident = self.counter
        self.ws.send(json.dumps({"id": ident, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if message.get("type") == "event":
                self.events.append(message)
            elif message.get("id") == ident:
                if message.get("type") == "error":
                    raise BidiError(f"{method}: {message.get('error')}: {message.get('message')}")
                return message["result"]

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression (anything JSON can carry); awaits promises."""
        result = self.call(
            "script.evaluate",
            expression=f"Promise.resolve({expression}).then(v => JSON.stringify(v === undefined ? null : v))",
            target={"context": self.context},
            awaitPromise=True,
        )
        if result["type"] == "exception":
            raise BidiError(result["exceptionDetails"].get("text", "exception"))
        return json.loads(result["result"]["value"])

    def navigate(self, url: str) -> None:
        self.call("browsingContext.navigate", context=self.context, url=url, wait="complete")

    def wait_for(self, expression: str, timeout: float = 60.0, every: float = 0.05) -> Any:
        """Poll until the expression is truthy; its value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(expression)
            if value or time.monotonic() > deadline:
                return value
            time.sleep(every)

    # ------------------------------------------------------------ input (real pointer and key events)

    def click(self, x: float, y: float) -> None:
        """A left click at viewport coordinates."""
        self.call("input.performActions", context=self.context, actions=[{
            "type": "pointer", "id": "mouse", "parameters": {"pointerType": "mouse"},
            "actions": [
                {"type": "pointerMove", "x": round(x), "y": round(y), "duration": 0},
                {"type": "pointerDown", "button": 0},
                {"type": "pause", "duration": 50},
                {"type": "pointerUp", "button": 0},
            ],
        }])
        self.call("input.releaseActions", context=self.context)

    def type(self, text: str) -> None:
        """Key presses, one per character, into the focused element."""
        keys: list[dict[str, Any]] = []
        for char in text:
            keys += [{"type": "keyDown", "value": char}, {"type": "keyUp", "value": char}]
        self.call("input.performActions", context=self.context, actions=[{"type": "key", "id": "keyboard", "actions": keys}])

    def screenshot(self, target: Path) -> Path:
        data = self.call("browsingContext.captureScreenshot", context=self.context)["data"]
        target.write_bytes(base64.b64decode(data))
        return target

    # ------------------------------------------------------------ what happened

    def clear_events(self) -> None:
        self.events.clear()

    def dialogs(self) -> list[dict[str, Any]]:
        return [e["params"] for e in self.events if e["method"] == "browsingContext.userPromptOpened"]

    def errors(self) -> list[str]:
        """Script errors and console.error/warn entries."""
        return [
            f"{e['params'].get('type')} {e['params'].get('level')}: {e['params'].get('text')}"
            for e in self.events
            if e["method"] == "log.entryAdded"
            and (e["params"].get("type") == "javascript" or e["params"].get("level") in ("error", "warn"))
        ]

    def requests(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events if e["method"] == "network.beforeRequestSent"]

    def close(self) -> None:
        if not hasattr(self, "ws"):  # it never answered: nothing to ask
            self.proc.kill()
        try:
            self.call("browser.close", timeout=15)
        except Exception:  # noqa: BLE001 - closing: the browser may be gone already
            pass
        try:
            self._closing.close()
        except Exception:  # noqa: BLE001 - the socket may be closed already
            pass
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def __enter__(self) -> "Firefox":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
