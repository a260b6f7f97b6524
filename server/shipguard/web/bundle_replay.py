"""Bundle requests answered before Flask: the answer Flask gave for the same request, replayed.

Every open Seller Central tab fetches and revalidates the bundle, so bundle requests are
most of the server's traffic, and their answers are the same bytes for the same few
headers. Flask's routing, hooks and CORS cost more than sending those bytes; this WSGI
layer remembers the answer the app gave (status, every header: ETag, Cache-Control, Vary,
CORS, security; the body, which is the bundle's own bytes object) for a request's deciding
headers and the bundle served, and gives it again to the next such request. Anything it
has not seen, or that was not a 200 or 304, goes to the app as before.
"""

# What the app's answer depends on besides the bundle: which tag the client holds, which
# encoding it accepts (each has its own body and ETag) and its Origin (CORS).
DECIDING_HEADERS = ("HTTP_IF_NONE_MATCH", "HTTP_ACCEPT_ENCODING", "HTTP_ORIGIN", "HTTP_HOST")
METHODS = ("GET", "HEAD")
REPLAYED = ("200", "304")
REMEMBERED = 256  # distinct answers per bundle; clients send a handful of header sets


class BundleReplay:
    """WSGI middleware for `path`; `current_etag()` names the bundle being served."""

    def __init__(self, wsgi_app, path, current_etag):
        self.wsgi_app = wsgi_app
        self.path = path
        self.current_etag = current_etag
        self.answers = {}  # key -> (status, headers, body); dict operations are atomic
        self.answers_for = None  # the ETag the remembered answers belong to

    def __call__(self, environ, start_response):
        if environ.get("PATH_INFO") != self.path or environ.get("REQUEST_METHOD") not in METHODS:
            return self.wsgi_app(environ, start_response)
        etag = self.current_etag()
        if etag != self.answers_for:
            self.answers = {}
            self.answers_for = etag
        key = (environ["REQUEST_METHOD"], *(environ.get(name, "") for name in DECIDING_HEADERS))
        answer = self.answers.get(key)
        if answer is not None:
            status, headers, body = answer
            start_response(status, headers)
            return [body]
        return self._learn(key, etag, environ, start_response)

    def remembers(self, method, path, headers):
        """Whether a request is answered from memory, without the app: `headers` by their
        WSGI names less the HTTP_ prefix (IF_NONE_MATCH, ...), as waitress parses them."""
        if path != self.path or self.answers_for != self.current_etag():
            return False
        key = (method, *(headers.get(name[5:], "") for name in DECIDING_HEADERS))
        return key in self.answers

    def _learn(self, key, etag, environ, start_response):
        given = {}

        def note(status, headers, exc_info=None):
            given.update(status=status, headers=list(headers), failed=exc_info is not None)
            return start_response(status, headers, exc_info)

        result = self.wsgi_app(environ, note)
        try:
            body = b"".join(result)  # one chunk, the bundle's bytes: joined without a copy
        finally:
            if hasattr(result, "close"):
                result.close()
        # Only an answer computed from the bundle still served (not one swapped mid-request).
        if (
            given.get("status", "")[:3] in REPLAYED
            and not given["failed"]
            and self.current_etag() == etag == self.answers_for
            and len(self.answers) < REMEMBERED
        ):
            self.answers[key] = (given["status"], given["headers"], body)
        return [body]
