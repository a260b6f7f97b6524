"""A small WebDriver BiDi client: the commands the Firefox tests use, over one websocket.

Firefox speaks BiDi itself (no geckodriver); Playwright cannot drive a stock Firefox. One
reader thread receives everything: command results go to whoever waits for them, events to
the handlers subscribed to them. Handlers run on that thread, so an intercepted request is
answered even while a test waits on a navigation that needs it.
"""

import contextlib
import itertools
import json
import queue
import threading

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect


class BidiError(RuntimeError):
    """A command Firefox answered with an error."""


class BidiSession:
    def __init__(self, url, timeout=30):
        # Bundles and fixture pages exceed the 1 MiB default frame limit. No keepalive pings
        # on loopback: their payloads come from the random module, which Hypothesis, in
        # other tests of the same run, takes for a strategy using global randomness.
        self._connection = contextlib.ExitStack()
        self._socket = self._connection.enter_context(
            connect(url, max_size=None, open_timeout=timeout, ping_interval=None)
        )
        self._timeout = timeout
        self._ids = itertools.count(1)
        self._waiting = {}
        self._lock = threading.Lock()
        self._handlers = {}
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.command("session.new", capabilities={})

    def _read(self):
        # The socket ends with the session, or abruptly when Firefox stops: both end the reading.
        with contextlib.suppress(ConnectionClosed):
            for raw in self._socket:
                self._receive(json.loads(raw))
        with self._lock:
            for answer in self._waiting.values():
                answer.put({"type": "error", "error": "closed", "message": "connection closed"})

    def _receive(self, message):
        if "id" in message:
            with self._lock:
                answer = self._waiting.pop(message["id"], None)
            if answer is not None:
                answer.put(message)
        elif message.get("type") == "event":
            for handler in self._handlers.get(message["method"], []):
                handler(message["params"])

    def send(self, method, **params):
        """Send a command without waiting for its result (from event handlers)."""
        self._socket.send(json.dumps({"id": next(self._ids), "method": method, "params": params}))

    def command(self, method, timeout=None, **params):
        """Send a command and return its result; BidiError if Firefox refused it."""
        command_id = next(self._ids)
        answer = queue.Queue(maxsize=1)
        with self._lock:
            self._waiting[command_id] = answer
        self._socket.send(json.dumps({"id": command_id, "method": method, "params": params}))
        try:
            message = answer.get(timeout=timeout or self._timeout)
        except queue.Empty:
            raise BidiError(f"{method}: no answer within {timeout or self._timeout} s") from None
        if message.get("type") == "error":
            raise BidiError(f"{method}: {message['error']}: {message.get('message')}")
        return message["result"]

    def on(self, event, handler):
        """Call handler(params) for each `event` (subscribed for all browsing contexts)."""
        self._handlers.setdefault(event, []).append(handler)
        self.command("session.subscribe", events=[event])

    def close(self):
        with contextlib.suppress(BidiError):
            self.command("session.end", timeout=5)
        self._connection.close()
        self._reader.join(timeout=5)
