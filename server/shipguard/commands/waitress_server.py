"""The waitress server `shipguard serve` runs: keep-alive after 304s, remembered answers
served on the I/O thread, every waiting connection accepted at once."""

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import WSGITask

# Connections accepted in one turn of the I/O loop at most, so a flood of new connections
# cannot keep the established ones waiting.
ACCEPTS_AT_ONCE = 64


class KeepAliveTask(WSGITask):
    """waitress's task, except that a response without a body keeps the connection open.

    waitress 3 closes an HTTP/1.1 connection after any response it finds no Content-Length
    for, and it never gives one to a 304 or 204, so every bundle revalidation cost the
    client a new connection. Such a response ends at its headers (RFC 9112 6.3), so the
    connection can carry the next request; a client that asked to close still gets closed.
    """

    _keeping_open = False

    def build_response_header(self):
        connection = self.request.headers.get("CONNECTION", "").lower()
        self._keeping_open = (
            self.version == "1.1"
            and not self.has_body
            and connection != "close"
            and not self.close_on_finish
        )
        try:
            return super().build_response_header()
        finally:
            self._keeping_open = False

    def set_close_on_finish(self):
        if not self._keeping_open:
            super().set_close_on_finish()


class KeepAliveChannel(HTTPChannel):
    """waitress's channel with KeepAliveTask, answering some requests on the I/O thread.

    A request the server says can be answered at once (a bundle fetch or revalidation the
    app answered before, replayed from memory) is served right where it was read, as a
    worker would serve it. Handing it to a worker and back costs more than the answer: two
    thread wake-ups per request, each one a wait for a core on a busy machine.
    """

    task_class = KeepAliveTask
    _reading = False  # received() is parsing requests on the I/O thread
    _answer_here = False  # a request it parsed is to be served there, once it returns

    def received(self, data):
        self._reading = True
        try:
            result = super().received(data)
        finally:
            self._reading = False
        # After received() let go of the channel's request lock, which service() takes.
        while self._answer_here:
            self._answer_here = False
            self.service()
        return result


def _answerable_here(channel, answers_at_once):
    """Whether the channel's next request is served on the I/O thread that just read it."""
    request = channel.requests[0] if channel.requests else None
    return (
        channel._reading
        and not channel.total_outbufs_len  # a response still being sent goes first
        and request is not None
        and not request.error
        and answers_at_once(request.command, request.path, request.headers)
    )


def _answer_at_once(listener, answers_at_once):
    """Make the listener's channels serve what `answers_at_once` accepts themselves."""
    to_worker = listener.add_task

    def add_task(channel):
        if _answerable_here(channel, answers_at_once):
            channel._answer_here = True
        else:
            to_worker(channel)

    listener.add_task = add_task


def _accept_waiting(listener, most=ACCEPTS_AT_ONCE):
    """Accept every connection waiting (up to `most`) when the listener is ready, not one.

    waitress accepts one connection per turn of its I/O loop; 200 clients connecting at
    once then wait up to 200 turns, each longer as more clients are served, and the last
    ones time out before they were ever read.
    """
    accept_one = listener.handle_accept

    def handle_accept():
        for _ in range(most):
            before = len(listener._map)
            accept_one()
            if len(listener._map) == before or not listener.readable():
                return

    listener.handle_accept = handle_accept


def serve(app, host, port, settings, answers_at_once=None):
    """Serve a WSGI app with waitress until interrupted; `settings` from waitress_settings(),
    `answers_at_once(method, path, headers)` says which requests are served on the I/O thread
    (requests the app answers from memory: nothing that could wait)."""
    server = create_server(app, host=host, port=port, **settings)
    # One listening socket is a server; several (host names with v4 and v6) are in its map.
    listeners = [server] if isinstance(server, BaseWSGIServer) else server.map.values()
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = KeepAliveChannel
            _accept_waiting(listener)
            if answers_at_once is not None:
                _answer_at_once(listener, answers_at_once)
    server.run()
