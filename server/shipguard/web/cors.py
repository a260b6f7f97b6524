"""CORS for browser extensions only: web pages get no cross-origin access to the API."""

import re

from flask_cors import CORS

from shipguard.config import CHROME_EXTENSION_ID, FIREFOX_EXTENSION_ID, parse_extension_ids


def is_chrome_id(extension_id):
    return re.fullmatch(CHROME_EXTENSION_ID, extension_id) is not None


def extension_origins(extension_ids=()):
    """The origins allowed to read API responses: every extension, or only the listed ones."""
    if not extension_ids:
        # \Z, not $: "$" would also accept a trailing newline.
        return [
            re.compile(rf"chrome-extension://{CHROME_EXTENSION_ID}\Z"),
            re.compile(rf"moz-extension://{FIREFOX_EXTENSION_ID}\Z"),
        ]
    return [
        f"chrome-extension://{item}" if is_chrome_id(item) else f"moz-extension://{item}"
        for item in extension_ids
    ]


def enable_cors(app):
    """Answer CORS requests and preflights from the configured extension origins only."""
    ids = parse_extension_ids(app.config.get("EXTENSION_IDS"))
    CORS(
        app,
        origins=extension_origins(ids),
        methods=["GET", "HEAD", "POST", "OPTIONS"],
        # Authorization: the extension may send the team token (Bearer) with its requests.
        allow_headers=["Content-Type", "If-None-Match", "Authorization"],
        expose_headers=["ETag"],
        supports_credentials=False,
        max_age=600,
        # Added below to every response instead: flask-cors adds it only when it admits the
        # origin, so a cache could keep a refusal and serve it to an extension.
        vary_header=False,
    )
    app.after_request(vary_by_origin)


def vary_by_origin(response):
    """Every answer depends on Origin (CORS headers or their absence): caches must key on it."""
    response.vary.add("Origin")
    return response
