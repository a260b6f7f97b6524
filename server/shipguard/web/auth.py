"""Who may read the status page and who may change data: localhost, the team token, same site."""

import hashlib
import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

from flask import current_app, request

from shipguard.config import parse_token
from shipguard.web.errors import error_response

CSRF_COOKIE = "shipguard_csrf"
# A request relayed by a proxy on this host comes from loopback too, but not from this host.
# waitress rewrites the socket address from a configured trusted proxy's header and, without
# one, passes these through (see commands/serve.py) so that a proxy nobody declared still
# makes every request remote.
FORWARDING_HEADERS = ("Forwarded", "X-Forwarded-For", "X-Real-IP", "X-Forwarded-Host")
SAME_SITE_FETCHES = ("same-origin", "none")


def install_auth(app):
    """Check the configured token once at start (refusing a weak one) and keep it parsed."""
    app.config["TOKEN"] = parse_token(app.config.get("TOKEN"))


def editing_enabled():
    return bool(current_app.config.get("TOKEN"))


def token_matches(candidate):
    """Whether `candidate` is the team token, compared in constant time."""
    token = current_app.config.get("TOKEN")
    if not token or not candidate:
        return False
    return hmac.compare_digest(candidate.encode("utf-8"), token.encode("utf-8"))


def presented_token():
    """The token sent as `Authorization: Bearer <token>` or Basic (any user, token as password)."""
    auth = request.authorization
    if auth is None:
        return None
    if auth.type == "basic":
        return auth.password
    return auth.token if auth.type == "bearer" else None


def is_loopback(address):
    try:
        return ipaddress.ip_address((address or "").strip("[]")).is_loopback
    except ValueError:
        return False


def is_local_request():
    """A request from this machine itself, not relayed by a proxy."""
    return is_loopback(request.remote_addr) and not any(
        name in request.headers for name in FORWARDING_HEADERS
    )


def open_to_local_readers():
    """Whether this machine may read without the token: only when the server is bound to
    loopback, since otherwise a port forward or container network can make others local."""
    return is_loopback(current_app.config.get("BIND_HOST"))


def read_refusal():
    """None if the request may read the status page, else the error response to send."""
    if (open_to_local_readers() and is_local_request()) or token_matches(presented_token()):
        return None
    if not editing_enabled():
        return error_response(
            403,
            "The status page is open to localhost only, on a server bound to loopback; "
            "set SHIPGUARD_TOKEN to open it wider.",
        )
    response = error_response(
        401, "The status page needs the team token (any user name, the token as password)."
    )
    response.headers["WWW-Authenticate"] = 'Basic realm="Shipguard", charset="UTF-8"'
    return response


def cross_site_reason():
    """Why the request looks cross-site (a page elsewhere making the browser post), or None."""
    site = request.headers.get("Sec-Fetch-Site")
    if site and site not in SAME_SITE_FETCHES:
        return f"The request came from another site (Sec-Fetch-Site: {site})."
    origin = request.headers.get("Origin")
    # Hosts, not schemes, are compared: a TLS-terminating proxy makes https look like http here.
    if origin is not None and urlsplit(origin).netloc != request.host:
        return "The request came from another origin."
    return None


def write_refusal(form_token=None):
    """None if the request may change data, else the error response to send.

    Changes need the team token (header or form field), a same-site request, and the
    form's CSRF token, so a page elsewhere cannot make a logged-in browser post for it.
    """
    if not editing_enabled():
        return error_response(
            403, "Editing is off: the server has no team token (SHIPGUARD_TOKEN)."
        )
    reason = cross_site_reason()
    if reason:
        return error_response(403, reason)
    if not (token_matches(presented_token()) or token_matches(form_token)):
        return error_response(401, "Saving needs the team token.")
    if not csrf_token_valid(request.form.get("csrf_token")):
        return error_response(403, "The form is out of date; reload the page and try again.")
    return None


def csrf_nonce():
    """The browser's CSRF cookie value, or a fresh one (the page then sets the cookie)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)


def csrf_token(nonce):
    """The form token for a cookie nonce: keyed by the team token, so every server process agrees."""
    key = (current_app.config.get("TOKEN") or "").encode("utf-8")
    return hmac.new(key, nonce.encode("utf-8"), hashlib.sha256).hexdigest()


def csrf_token_valid(value):
    nonce = request.cookies.get(CSRF_COOKIE)
    if not (value and nonce and editing_enabled()):
        return False
    return hmac.compare_digest(value.encode("utf-8"), csrf_token(nonce).encode("utf-8"))


def set_csrf_cookie(response, nonce):
    if request.cookies.get(CSRF_COOKIE) != nonce:
        response.set_cookie(
            CSRF_COOKIE, nonce, httponly=True, samesite="Strict", secure=request.is_secure
        )
    return response
