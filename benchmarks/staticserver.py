"""The static baseline for the server benchmark: one file (the bundle's bytes) served by
the production server (waitress, the same settings, keep-alive after 304s), ETag and 304
included, and nothing else.

    python -m benchmarks.staticserver --file bundle.json --etag '"abc"' --port 8500
"""

import argparse
import os

from shipguard.commands.serve import WAITRESS_OPTIONS
from shipguard.commands.waitress_server import serve


def static_file_app(path, etag):
    """A WSGI app that serves `path` (read per request, like a file server) at every URL."""
    size = os.path.getsize(path)

    def app(environ, start_response):
        headers = [("ETag", etag), ("Cache-Control", "public, max-age=300")]
        wanted = environ.get("HTTP_IF_NONE_MATCH", "")
        if wanted.strip() == "*" or etag in wanted:
            start_response("304 Not Modified", headers)
            return [b""]
        with open(path, "rb") as stream:
            body = stream.read()
        start_response(
            "200 OK",
            headers + [("Content-Type", "application/json"), ("Content-Length", str(size))],
        )
        return [body]

    return app


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--file", required=True)
    parser.add_argument("--etag", required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    settings = {name: default for name, _, _, default, _ in WAITRESS_OPTIONS}
    serve(
        static_file_app(args.file, args.etag),
        "127.0.0.1",
        args.port,
        {**settings, "asyncore_use_poll": True},
    )


if __name__ == "__main__":
    main()
