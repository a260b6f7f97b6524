"""Server-rendered HTML pages: their own CSP (no scripts, the app's stylesheet) and no caching."""

from flask import make_response, render_template

# No script at all; styles only from the app's own stylesheet; forms post only to us.
HTML_CSP = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
HTML_REFERRER_POLICY = "same-origin"


def html_response(template, status=200, **context):
    """Render a Jinja template (autoescaped) into a response with the page headers."""
    response = make_response(render_template(template, **context), status)
    response.headers["Content-Security-Policy"] = HTML_CSP
    # Pages show the data of this moment and carry a CSRF token: never store them.
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    # Not no-referrer: under it browsers send `Origin: null` with the page's own form posts,
    # and the Origin check could no longer tell them from a sandboxed attacker's.
    response.headers["Referrer-Policy"] = HTML_REFERRER_POLICY
    return response
