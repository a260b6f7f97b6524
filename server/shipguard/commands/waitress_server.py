"""The waitress server `shipguard serve` runs: waitress, keeping connections open after 304s."""

from waitress.channel import HTTPChannel
from waitress.server import BaseWSGIServer, create_server
from waitress.task import WSGITask


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
    task_class = KeepAliveTask


def serve(app, host, port, settings):
    """Serve a WSGI app with waitress until interrupted; `settings` from waitress_settings()."""
    server = create_server(app, host=host, port=port, **settings)
    # One listening socket is a server; several (host names with v4 and v6) are in its map.
    listeners = [server] if isinstance(server, BaseWSGIServer) else server.map.values()
    for listener in listeners:
        if isinstance(listener, BaseWSGIServer):
            listener.channel_class = KeepAliveChannel
    server.run()
