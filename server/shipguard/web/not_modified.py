"""Bundle revalidations answered before Flask: the 304 Flask gave for the same request, replayed.

Every open Seller Central tab revalidates the bundle, so `If-None-Match` requests are most
of the server's traffic, and almost all of them end in 304. Flask's routing, hooks and
CORS cost more than the answer itself; this WSGI layer remembers the 304 the app gave
(status and every header: ETag, Cache-Control, Vary, CORS, security) for a request's
deciding headers and the bundle served, and gives the same answer to the next such request.
Anything it has not seen, or that did not end in 304, goes to the app as before.
"""

# What the app's 304 depends on besides the bundle: which tag the client holds, which
# encoding it accepts (each has its own ETag) and its Origin (CORS).
DECIDING_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_ACCEPT_ENCODING", "HTTP_ORIGIN")
METHODS = ("GET", "HEAD")
REMEMBERED = 256  # distinct (tag, encoding, origin) answers per bundle; clients share a few


class NotModifiedReplay:
    """WSGI middleware for `path`; `current_etag()` names the bundle being served."""

    def __init__(self, wsgi_app, path, current_etag):
        self.wsgi_app = wsgi_app
        self.path = path
        self.current_etag = current_etag
        self.answers = {}  # key -> (status, headers); dict operations are atomic across threads
        self.answers_for = None  # the ETag the remembered answers belong to

    def __call__(self, environ, start_response):
        if (
            environ.get("PATH_INFO") != self.path
            or environ.get("REQUEST_METHOD") not in METHODS
            or not environ.get("HTTP_IF_NONE_MATCH")
        ):
            return self.wsgi_app(environ, start_response)
        etag = self.current_etag()
        if etag != self.answers_for:
            self.answers = {}
            self.answers_for = etag
        key = (environ["REQUEST_METHOD"], *(environ.get(name, "") for name in DECIDING_HEADERS))
        answer = self.answers.get(key)
        if answer is not None:
            start_response(*answer)
            return []
        return self._learn(key, etag, environ, start_response)

    def _learn(self, key, etag, environ, start_response):
        def remember(status, headers, exc_info=None):
            # Only a 304 computed from the bundle still served (not one swapped mid-request).
            if (
                status.startswith("304")
                and exc_info is None
                and self.current_etag() == etag == self.answers_for
                and len(self.answers) < REMEMBERED
            ):
                self.answers[key] = (status, list(headers))
            return start_response(status, headers, exc_info)

        return self.wsgi_app(environ, remember)
