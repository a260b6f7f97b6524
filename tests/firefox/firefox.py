"""Firefox ESR, headless, with the built Shipguard extension and Seller Central served from fixtures.

Firefox is driven over WebDriver BiDi (see bidi.py). The extension is installed as a
temporary add-on; its moz-extension:// address is fixed through a preference, so tests can
open its popup and options pages. Requests to every Seller Central host are intercepted and
answered with the same fixture pages the Chromium tests and the demo serve.
"""

import base64
import contextlib
import json
import os
import re
import shutil
import subprocess
import threading
import time
import uuid
from pathlib import Path

from bidi import BidiError, BidiSession
from shipguard.commands.firefox_manifest import GECKO_ID
from shipguard.demo.routes import ORIGIN, fixture_answer

# The moz-extension:// host of the extension in every test profile.
EXTENSION_UUID = str(uuid.UUID(int=0x5B19_9A2D))
EXTENSION_ORIGIN = f"moz-extension://{EXTENSION_UUID}"

PREFERENCES = {
    # The extension's moz-extension:// host, normally random per profile.
    "extensions.webextensions.uuids": json.dumps({GECKO_ID: EXTENSION_UUID}),
    # ... kept when a test removes the add-on (its storage is not: each test starts empty).
    "extensions.webextensions.keepUuidOnUninstall": True,
    # Pages may read the clipboard without Firefox's paste prompt, so tests can read
    # back what Copy wrote.
    "dom.events.testing.asyncClipboard": True,
    # What the seller confirms in a doorhanger (permissions.request) is granted at once:
    # a headless browser has no doorhanger to click.
    "extensions.webextOptionalPermissionPrompts": False,
    # The extension's default server address (127.0.0.1:8417) never answers here, whatever
    # runs on this machine: a fresh install meets a server that is down. Tests that want a
    # server start one on a free port and save its URL.
    "network.security.ports.banned": "8417",
    # Nothing here may reach the network: no updates, telemetry or remote settings.
    "app.update.disabledForTesting": True,
    "browser.safebrowsing.update.enabled": False,
    "extensions.update.enabled": False,
    "extensions.getAddons.cache.enabled": False,
    "network.captive-portal-service.enabled": False,
    "network.connectivity-service.enabled": False,
    "datareporting.policy.dataSubmissionEnabled": False,
    "toolkit.telemetry.enabled": False,
    "browser.shell.checkDefaultBrowser": False,
}
NOT_FOUND = {"status": 404, "content_type": "text/plain; charset=utf-8", "body": "404 Not Found"}
LISTENING = re.compile(r"WebDriver BiDi listening on (ws://\S+)")


def firefox_executable():
    """$FIREFOX, else Debian's firefox-esr, else firefox on the PATH; None if there is none."""
    for candidate in (os.environ.get("FIREFOX"), "firefox-esr", "firefox"):
        found = candidate and shutil.which(candidate)
        if found:
            return found
    return None


def seller_central_hosts(manifest):
    """Every host the content scripts match: the ones whose requests are answered from fixtures."""
    patterns = {m for script in manifest["content_scripts"] for m in script["matches"]}
    return sorted(re.match(r"https://([^/]+)/", p).group(1) for p in patterns)


class Firefox:
    """One headless Firefox process with its own profile, and a BiDi session to it."""

    def __init__(self, profile_dir, executable=None):
        profile_dir = Path(profile_dir)
        profile_dir.mkdir(parents=True, exist_ok=True)
        (profile_dir / "user.js").write_text(
            "".join(
                f"user_pref({json.dumps(k)}, {json.dumps(v)});\n" for k, v in PREFERENCES.items()
            )
        )
        self.process = subprocess.Popen(
            [
                executable or firefox_executable(),
                "--headless",
                "--no-remote",
                "--profile",
                str(profile_dir),
                "--remote-allow-system-access",
                "--remote-debugging-port",
                "0",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            self.session = BidiSession(self._bidi_url() + "/session")
        except Exception:
            self.close()
            raise
        self.tables = []
        self._intercepts = {}

    def _bidi_url(self, timeout=30):
        found = []

        def watch():
            # Keep draining stderr for the life of the process, so Firefox never blocks on it.
            for line in self.process.stderr:
                match = LISTENING.search(line)
                if match and not found:
                    found.append(match.group(1))

        self._stderr_reader = threading.Thread(target=watch, daemon=True)
        self._stderr_reader.start()
        deadline = time.monotonic() + timeout
        while not found:
            if self.process.poll() is not None:
                raise RuntimeError(f"Firefox exited with {self.process.returncode}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Firefox did not open WebDriver BiDi within {timeout} s")
            time.sleep(0.05)
        return found[0]

    def install_extension(self, folder):
        """Install an unpacked extension as a temporary add-on; its id."""
        result = self.session.command(
            "webExtension.install", extensionData={"type": "path", "path": str(folder)}
        )
        return result["extension"]

    def uninstall_extension(self, extension_id):
        """Remove an add-on with everything it stored, as a seller removing it would."""
        self.session.command("webExtension.uninstall", extension=extension_id)

    def close_tabs(self):
        """Close every tab but one blank one, so the next test starts from a clean window."""
        tabs = self.session.command("browsingContext.getTree", maxDepth=0)["contexts"]
        for tab in tabs[1:]:
            Tab(self.session, tab["context"]).close()
        Tab(self.session, tabs[0]["context"]).goto("about:blank")

    def serve_seller_central(self, hosts, pages, now=None):
        """From now on answer every request to `hosts` from the fixture table `pages` (see routes.py)."""
        if not self.tables:
            patterns = [{"type": "pattern", "protocol": "https", "hostname": h} for h in hosts]
            self._intercept(patterns, self._answer_from_fixtures)
        self.tables = [(pages, ORIGIN, now)]

    def _intercept(self, patterns, handle):
        if not self._intercepts:
            self.session.on("network.beforeRequestSent", self._dispatch)
        result = self.session.command(
            "network.addIntercept", phases=["beforeRequestSent"], urlPatterns=patterns
        )
        self._intercepts[result["intercept"]] = handle

    def _dispatch(self, params):
        for intercept in params.get("intercepts", []) if params.get("isBlocked") else []:
            if intercept in self._intercepts:
                self._intercepts[intercept](params["request"])
                return

    def _answer_from_fixtures(self, request):
        # Every Seller Central host is intercepted; one no table serves is not found either.
        answer = fixture_answer(self.tables, request["url"]) or NOT_FOUND
        self.session.send(
            "network.provideResponse",
            request=request["request"],
            statusCode=answer["status"],
            reasonPhrase="OK" if answer["status"] == 200 else "Not Found",
            headers=[
                {
                    "name": "Content-Type",
                    "value": {"type": "string", "value": answer["content_type"]},
                }
            ],
            body={"type": "base64", "value": base64.b64encode(answer["body"].encode()).decode()},
        )

    def new_tab(self, url=None):
        tab = Tab(
            self.session, self.session.command("browsingContext.create", type="tab")["context"]
        )
        if url:
            tab.goto(url)
        return tab

    def extension_page(self, path):
        """A tab with one of the extension's own pages (popup/popup.html, options/options.html)."""
        return self.new_tab(f"{EXTENSION_ORIGIN}/{path}")

    def close(self):
        with contextlib.suppress(Exception):
            self.session.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._stderr_reader.join(timeout=5)
        self.process.stderr.close()


class Tab:
    """One browsing context: navigate, run script, wait for a condition, click."""

    def __init__(self, session, context):
        self.session, self.context = session, context

    def goto(self, url):
        self.session.command(
            "browsingContext.navigate", context=self.context, url=url, wait="complete"
        )

    def evaluate(self, function, *args):
        """Run a JS function (source text) with JSON-able args; its JSON-able result."""
        result = self.session.command(
            "script.callFunction",
            functionDeclaration=f"async (args) => JSON.stringify(await ({function})(...JSON.parse(args)))",
            arguments=[{"type": "string", "value": json.dumps(args)}],
            target={"context": self.context},
            awaitPromise=True,
        )
        if result["type"] == "exception":
            raise BidiError(f"script error: {result['exceptionDetails']['text']}")
        value = result["result"].get("value")
        return None if value is None else json.loads(value)

    def wait_for(self, function, *args, timeout=20):
        """Poll a JS function until it returns something truthy; that value."""
        deadline = time.monotonic() + timeout
        while True:
            value = self.evaluate(function, *args)
            if value:
                return value
            if time.monotonic() > deadline:
                raise TimeoutError(f"still falsy after {timeout} s: {function}")
            time.sleep(0.05)

    def click(self, function, *args):
        """Click, as the seller would (a trusted click), the element a JS function returns.

        Scrolled into view first, as a seller scrolls a long panel (and as WebDriver's element
        click does); BiDi's pointer actions only reach what is on screen.
        """
        result = self.session.command(
            "script.callFunction",
            functionDeclaration=(
                f"(args) => {{ const element = ({function})(...JSON.parse(args));"
                " element?.scrollIntoView?.({ block: 'nearest' }); return element; }"
            ),
            arguments=[{"type": "string", "value": json.dumps(args)}],
            target={"context": self.context},
            awaitPromise=True,
        )
        element = result.get("result", {})
        if element.get("type") != "node":
            raise BidiError(f"no element to click: {function} gave {result}")
        origin = {"type": "element", "element": {"sharedId": element["sharedId"]}}
        self.session.command(
            "input.performActions",
            context=self.context,
            actions=[
                {
                    "type": "pointer",
                    "id": "mouse",
                    "actions": [
                        {"type": "pointerMove", "x": 0, "y": 0, "origin": origin},
                        {"type": "pointerDown", "button": 0},
                        {"type": "pointerUp", "button": 0},
                    ],
                }
            ],
        )

    def type(self, function, text, *args):
        """Click the field a JS function returns, clear it, and type `text` key by key."""
        self.click(
            f"(...a) => {{ const field = ({function})(...a); field.value = ''; return field; }}",
            *args,
        )
        keys = [{"type": kind, "value": char} for char in text for kind in ("keyDown", "keyUp")]
        self.session.command(
            "input.performActions",
            context=self.context,
            actions=[{"type": "key", "id": "keyboard", "actions": keys}],
        )

    def close(self):
        with contextlib.suppress(BidiError):
            self.session.command("browsingContext.close", context=self.context)
