"""Serving the sample pages at their real Seller Central URLs in a Playwright context; nothing reaches Amazon."""

from __future__ import annotations

import inspect
import re
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

from shipguard.demo.samples import render_fixture

ORIGIN = "https://sellercentral.amazon.com"

#: Default routes: the Manage Orders URLs that show the main fixture.
FIXTURE_ROUTES: dict[str, str] = {
    "/orders-v3": "orders-list-unshipped.html",
    "/orders-v3/mfn/unshipped": "orders-list-unshipped.html",
    "/orders-v3/mfn/pending": "orders-list-unshipped.html",
    "/orders-v3/mfn/shipped": "orders-list-unshipped.html",
    "/orders-v3/search": "orders-list-unshipped.html",
}


# --------------------------------------------------------------------------- routing

#: Every Seller Central host (country hosts, sellercentral-europe, ...).
SELLER_CENTRAL_URL_RE = re.compile(r"^https://sellercentral(?:-[a-z]+)?\.amazon\.[a-z.]+(?::\d+)?/")
_ROUTE_TABLES: dict[int, tuple[object, list]] = {}


def _content_type(name: str) -> str:
    if name.endswith(".json"):
        return "application/json; charset=utf-8"
    return "text/html; charset=utf-8"


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _norm_path(path: str) -> str:
    return (path or "/").rstrip("/") or "/"


def lookup_fixture(table: dict[str, str], url: str, origin: str = ORIGIN) -> str | None:
    """The fixture ``table`` serves at ``url``, or None.

    Keys are paths (on ``origin``) or full URLs (any host), with or without a query; a
    key's query parameters must all be in the request. The most specific key wins: a full
    URL over a path, then more query parameters over fewer; trailing slashes are ignored.
    """
    want = urlsplit(url)
    want_origin = _origin_of(url)
    want_path = _norm_path(want.path)
    want_query = set(parse_qsl(want.query, keep_blank_values=True))
    best, best_score = None, None
    for key, name in list(table.items()):
        if key.startswith(("http://", "https://")):
            key_origin, explicit = _origin_of(key), 1
        else:
            key_origin, explicit = origin.rstrip("/").lower(), 0
        parts = urlsplit(key)
        key_query = set(parse_qsl(parts.query, keep_blank_values=True))
        if (
            key_origin != want_origin
            or _norm_path(parts.path) != want_path
            or not key_query <= want_query
        ):
            continue
        score = (explicit, len(key_query))
        if best_score is None or score > best_score:
            best, best_score = name, score
    return best


def _owned_origins(table: dict[str, str], origin: str) -> set[str]:
    owned = {origin.rstrip("/").lower()}
    owned.update(_origin_of(k) for k in list(table) if k.startswith(("http://", "https://")))
    return owned


def fixture_answer(tables, url: str) -> dict | None:
    """What Seller Central answers at ``url``: ``{status, content_type, body}``, or None.

    ``tables`` is a list of ``(pages, origin, now)``, asked in order (see
    :func:`install_routes`). A URL on a host some table serves but with no fixture gets a
    404 text answer; a URL on no served host gets None (the request is someone else's).
    """
    owned = False
    for table, origin, now in list(tables):
        name = lookup_fixture(table, url, origin)
        if name is not None:
            return {
                "status": 200,
                "content_type": _content_type(name),
                "body": render_fixture(name, now),
            }
        owned = owned or _origin_of(url) in _owned_origins(table, origin)
    if not owned:
        return None
    path = urlsplit(url).path or "/"
    return {
        "status": 404,
        "content_type": "text/plain; charset=utf-8",
        "body": f"404 Not Found (no fixture for {path})",
    }


def install_routes(
    context,
    pages: dict[str, str] | None = None,
    now: datetime | None = None,
    origin: str = ORIGIN,
):
    """Serve fixtures at Seller Central URLs in a Playwright (sync or async) context.

    ``pages`` maps a URL path on ``origin`` (e.g. ``/orders-v3/mfn/unshipped``) or a full
    URL (``https://sellercentral.amazon.de/orders-v3/mfn/unshipped``) to a fixture name;
    keys may carry a query (see :func:`lookup_fixture`). It defaults to
    :data:`FIXTURE_ROUTES`. The mapping is read per request, so a test may add keys (and
    hosts) after installing. ``.json`` fixtures are served as ``application/json``.

    Call it again (e.g. once per ``origin``) to serve more tables in the same context;
    later tables are asked first. Fixtures are rendered per request with that table's
    ``now`` (else the current time). Every other request to a host a table serves
    (favicon included) gets a 404 text answer, so nothing for it reaches the network;
    requests to other Seller Central hosts fall through to earlier routes. Routes a test
    registers later take precedence in Playwright, so it can still add its own handlers.
    """
    table = FIXTURE_ROUTES if pages is None else pages
    entry = (table, origin.rstrip("/").lower(), now)
    known = _ROUTE_TABLES.get(id(context))
    if known is not None and known[0] is context:
        known[1].insert(0, entry)
        if inspect.iscoroutinefunction(getattr(context, "route", None)):
            return _done()
        return None
    entries = [entry]
    _ROUTE_TABLES[id(context)] = (context, entries)

    def handler(route):
        result = fixture_answer(entries, route.request.url)
        if result is None:
            return route.fallback()
        return route.fulfill(**result)

    return context.route(SELLER_CENTRAL_URL_RE, handler)


def forget_routes(context):
    """After ``context.unroute_all()``: the next :func:`install_routes` on ``context`` serves
    its table alone, none installed before (a browser reused by the next test)."""
    _ROUTE_TABLES.pop(id(context), None)


async def _done():
    return None
