"""Seller Central fixture pages for Shipguard's browser tests.

The HTML fixtures in ``tests/fixtures/sellercentral/`` contain date tokens so that
"late", "due today" and "on track" stay true whatever day the tests run. This module
renders them, serves them at real ``https://sellercentral.amazon.com`` URLs through
Playwright routing, and reads back which orders a fixture shows.

Tokens (N is a signed whole number of calendar days from *today in the marketplace's
zone*, America/Los_Angeles; ``@H:MM`` is an optional 24-hour local time, default 8:27):

=====================  ==========================================================
``{{date:+N}}``        ``Thu, Dec 5, 2019`` (US Seller Central; no leading zero)
``{{date:-N}}``        the same, N days back; ``{{date:0}}`` is today
``{{datetime:-N}}``    ``Wed, Dec 4, 2019, 8:27 AM PST`` (PST/PDT as on that day)
``{{time:-N}}``        ``8:27 AM PST``
``{{age:-N}}``         ``14 hours ago`` / ``1 day ago`` / ``3 days ago`` (relative to now)
=====================  ==========================================================

``render_fixture`` raises ``ValueError`` on any ``{{...}}`` token it does not know.
"""

from __future__ import annotations

import html.parser
import re
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

FIXTURES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "sellercentral"
ORIGIN = "https://sellercentral.amazon.com"
MARKETPLACE_TZ = ZoneInfo("America/Los_Angeles")
ORDER_ID_RE = re.compile(r"^\d{3}-\d{7}-\d{7}$")

#: Default routes: the Manage Orders URLs that show the main fixture.
FIXTURE_ROUTES: dict[str, str] = {
    "/orders-v3": "orders-list-unshipped.html",
    "/orders-v3/mfn/unshipped": "orders-list-unshipped.html",
    "/orders-v3/mfn/pending": "orders-list-unshipped.html",
    "/orders-v3/mfn/shipped": "orders-list-unshipped.html",
    "/orders-v3/search": "orders-list-unshipped.html",
}

_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_TOKEN_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_KNOWN_TOKEN_RE = re.compile(r"^(date|datetime|time|age):([+-]?\d+)(?:@(\d{1,2}):(\d{2}))?$")
_DEFAULT_TIME = time(8, 27)


# --------------------------------------------------------------------------- dates


def _now_utc(now: datetime | None) -> datetime:
    """``now`` as an aware datetime; naive values are taken as UTC."""
    if now is None:
        return datetime.now(timezone.utc)
    if now.tzinfo is None:
        return now.replace(tzinfo=timezone.utc)
    return now


def marketplace_today(now: datetime | None = None) -> date:
    """Today's calendar date in America/Los_Angeles."""
    return _now_utc(now).astimezone(MARKETPLACE_TZ).date()


def format_us_date(d: date) -> str:
    """``Thu, Dec 5, 2019``."""
    return f"{_DAYS[d.weekday()]}, {_MONTHS[d.month - 1]} {d.day}, {d.year}"


def format_us_time(dt: datetime) -> str:
    """``8:27 AM PST`` for an aware datetime in the marketplace zone."""
    hour = dt.hour % 12 or 12
    return f"{hour}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'} {dt.tzname()}"


def format_age(then: datetime, now: datetime) -> str:
    """Seller Central's relative age: ``5 minutes ago``, ``14 hours ago``, ``3 days ago``."""
    seconds = (now - then).total_seconds()
    if seconds < 60:
        return "Just now"
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'' if n == 1 else 's'} ago"
    raise AssertionError("unreachable")


def _token_value(token: str, now: datetime) -> str:
    m = _KNOWN_TOKEN_RE.match(token)
    if not m:
        raise ValueError(f"unknown fixture token {{{{{token}}}}}")
    kind, offset = m.group(1), int(m.group(2))
    day = marketplace_today(now) + timedelta(days=offset)
    if kind == "date":
        return format_us_date(day)
    at = time(int(m.group(3)), int(m.group(4))) if m.group(3) else _DEFAULT_TIME
    local = datetime.combine(day, at, tzinfo=MARKETPLACE_TZ)
    if kind == "datetime":
        return f"{format_us_date(day)}, {format_us_time(local)}"
    if kind == "time":
        return format_us_time(local)
    return format_age(local, now)  # age


def render_text(text: str, now: datetime | None = None) -> str:
    """Replace all tokens in ``text`` (see the module docstring)."""
    current = _now_utc(now)
    return _TOKEN_RE.sub(lambda m: _token_value(m.group(1), current), text)


def render_fixture(name: str, now: datetime | None = None) -> str:
    """Read ``tests/fixtures/sellercentral/<name>`` and replace its date tokens.

    ``now`` defaults to the current time; a naive ``now`` is taken as UTC.
    """
    path = (FIXTURES_DIR / name).resolve()
    if FIXTURES_DIR not in path.parents:
        raise ValueError(f"fixture name escapes the fixture folder: {name!r}")
    return render_text(path.read_text(encoding="utf-8"), now)


# --------------------------------------------------------------------------- routing


def _content_type(name: str) -> str:
    if name.endswith(".json"):
        return "application/json; charset=utf-8"
    return "text/html; charset=utf-8"


def install_routes(
    context,
    pages: dict[str, str] | None = None,
    now: datetime | None = None,
    origin: str = ORIGIN,
):
    """Serve fixtures at Seller Central URLs in a Playwright (sync or async) context.

    ``pages`` maps a URL path (query ignored, e.g. ``/orders-v3/mfn/unshipped``) to a
    fixture name; it defaults to :data:`FIXTURE_ROUTES`. Fixtures are rendered per request
    (with ``now``, else the current time). Every other request to ``origin`` (favicon
    included) gets a 404 text answer, so nothing for that host reaches the network.
    Routes registered later take precedence in Playwright, so a test can add its own
    handlers (e.g. for ``/orders-api/...``) after calling this.
    """
    # The mapping is read per request, so a test may add pages after installing routes.
    table = FIXTURE_ROUTES if pages is None else pages

    def answer(url: str) -> dict:
        path = urlsplit(url).path or "/"
        name = table.get(path) or (table.get(path.rstrip("/")) if path != "/" else None)
        if name is None:
            return {"status": 404, "content_type": "text/plain; charset=utf-8",
                    "body": f"404 Not Found (no fixture for {path})"}
        return {"status": 200, "content_type": _content_type(name),
                "body": render_fixture(name, now)}

    def handler(route):
        route.fulfill(**answer(route.request.url))

    return context.route(origin.rstrip("/") + "/**", handler)


# --------------------------------------------------------------------------- parsing

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
         "source", "track", "wbr"}
_BLOCK = {"address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
          "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
          "main", "nav", "ol", "p", "section", "table", "tbody", "td", "tfoot", "th",
          "thead", "tr", "ul", "template", "button"}
_ORDER_HREF_RE = re.compile(r"/orders-v3/order/(\d{3}-\d{7}-\d{7})(?:$|[/?#])")


class Node:
    """A minimal element tree node (children are ``Node`` or ``str``)."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: Node | None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def iter(self):
        """All descendant elements, document order."""
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, pred) -> list[Node]:
        return [n for n in self.iter() if pred(n)]

    def find(self, pred) -> Node | None:
        return next((n for n in self.iter() if pred(n)), None)

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def text(self) -> str:
        parts: list[str] = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child.text())
        return "".join(parts)

    def lines(self) -> list[str]:
        """Visible text split at block elements, whitespace (and nbsp) collapsed."""
        out: list[str] = [""]

        def walk(node: Node):
            for child in node.children:
                if isinstance(child, str):
                    out[-1] += child
                elif child.tag in _BLOCK:
                    out.append("")
                    walk(child)
                    out.append("")
                else:
                    walk(child)

        walk(self)
        return [s for s in (" ".join(x.replace("\xa0", " ").split()) for x in out) if s]


class MalformedHTML(ValueError):
    pass


class _TreeBuilder(html.parser.HTMLParser):
    def __init__(self, strict: bool):
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.root = Node("#document", {}, None)
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if tag in _VOID:
            return
        if self.stack[-1].tag == tag:
            self.stack.pop()
            return
        if self.strict:
            raise MalformedHTML(f"</{tag}> closes <{self.stack[-1].tag}> at {self.getpos()}")
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)

    def close(self):
        super().close()
        if self.strict and len(self.stack) > 1:
            raise MalformedHTML(f"unclosed <{self.stack[-1].tag}>")


def parse_html(text: str, strict: bool = False) -> Node:
    """Parse HTML into a :class:`Node` tree; ``strict`` rejects mismatched tags."""
    builder = _TreeBuilder(strict)
    builder.feed(text)
    builder.close()
    return builder.root


def _label_value(lines: list[str], label: re.Pattern) -> str | None:
    for i, line in enumerate(lines):
        m = label.match(line)
        if m:
            value = m.group(1).strip()
            if not value and i + 1 < len(lines):
                value = lines[i + 1]
            return value
    return None


_SHIP_BY = re.compile(r"^Ship by(?: date)?:?\s*(.*)$", re.I)
_DELIVER_BY = re.compile(r"^Deliver by(?: date)?:?\s*(.*)$", re.I)
_FULFILLMENT = re.compile(r"^Fulfil+ment(?: method| channel)?:?\s*(.*)$", re.I)


def _row_nodes(root: Node, section: str | None) -> list[Node]:
    if section is not None:
        tpl = root.find(lambda n: n.tag == "template" and n.attrs.get("id") == section)
        if tpl is None:
            raise KeyError(f"no <template id={section!r}>")
        return [n for n in tpl.children if isinstance(n, Node) and n.tag == "tr"]
    table = root.find(lambda n: n.tag == "table" and n.attrs.get("id") == "orders-table")
    if table is not None:
        tbody = next((c for c in table.children if isinstance(c, Node) and c.tag == "tbody"), None)
        return [] if tbody is None else [c for c in tbody.children if isinstance(c, Node) and c.tag == "tr"]
    # Unknown layouts: ARIA grid rows outside templates.
    return root.find_all(lambda n: n.attrs.get("role") == "row"
                         and not any(a.tag == "template" for a in n.ancestors()))


def _row_order(row: Node) -> dict | None:
    link = row.find(lambda n: n.tag == "a" and _ORDER_HREF_RE.search(n.attrs.get("href", ""))
                    and ORDER_ID_RE.match(n.text().strip()))
    if link is None:
        return None
    # Restrict label lookups to the customer-option cell when there is one.
    option = row.find(lambda n: n.attrs.get("data-test-id") == "oth-customer-option") or row
    details = row.find(lambda n: n.attrs.get("data-test-id") == "oth-order-details") or row
    status = row.find(lambda n: "main-status" in n.classes or n.attrs.get("data-testid") == "order-status")
    return {
        "order_id": link.text().strip(),
        "href": link.attrs["href"],
        "ship_by_text": _label_value(option.lines(), _SHIP_BY),
        "deliver_by_text": _label_value(option.lines(), _DELIVER_BY),
        "status_text": " ".join(status.text().split()) if status is not None else None,
        "fulfillment": _label_value(details.lines(), _FULFILLMENT),
        "buyer_requested_cancel": row.find(lambda n: "buyer-requested-cancel" in n.classes) is not None,
    }


def fixture_orders(name: str, now: datetime | None = None, section: str | None = None) -> list[dict]:
    """The orders a fixture shows, in page order.

    Each dict has ``order_id``, ``ship_by_text`` (e.g. ``"Thu, Dec 5, 2019"``,
    ``"<date> to <date>"``, ``"Currently unavailable"``), ``status_text``
    (``"Unshipped"``...), ``fulfillment`` (``"Seller"``/``"Amazon"``), plus ``href``,
    ``deliver_by_text`` and ``buyer_requested_cancel``. Rows without an order id link
    (notices) are skipped. ``section`` reads a ``<template id=...>`` instead of the
    live table, e.g. ``"page-2-rows"``. Pass the same ``now`` as used for rendering.
    """
    root = parse_html(render_fixture(name, now))
    return [o for o in map(_row_order, _row_nodes(root, section)) if o is not None]


_US_DATE_RE = re.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), ([A-Z][a-z]{2}) (\d{1,2}), (\d{4})")


def parse_ship_by(text: str | None) -> tuple[date, date] | None:
    """``(earliest, latest)`` ship-by days from ``"<date>"`` or ``"<date> to <date>"``."""
    if not text:
        return None
    days = []
    for mon, day, year in _US_DATE_RE.findall(text):
        if mon not in _MONTHS:
            return None
        days.append(date(int(year), _MONTHS.index(mon) + 1, int(day)))
    if len(days) == 1:
        return days[0], days[0]
    if len(days) == 2 and " to " in text:
        return days[0], days[1]
    return None


def expected_kind(order: dict, now: datetime | None = None) -> str:
    """What Shipguard should make of an order: ``fba``, ``shipped``, ``canceled``,
    ``unknown`` (no readable ship-by), ``late`` (last ship day before today),
    ``due-soon`` (last ship day is today) or ``on-track``. Days are marketplace days."""
    if (order.get("fulfillment") or "").lower() == "amazon":
        return "fba"
    status = (order.get("status_text") or "").lower()
    if status in ("shipped", "canceled", "cancelled"):
        return "canceled" if status.startswith("cancel") else "shipped"
    window = parse_ship_by(order.get("ship_by_text"))
    if window is None:
        return "unknown"
    today = marketplace_today(now)
    latest = window[1]
    if latest < today:
        return "late"
    if latest == today:
        return "due-soon"
    return "on-track"
