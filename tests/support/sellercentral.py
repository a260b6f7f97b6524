"""Seller Central fixture pages for Shipguard's browser tests.

The fixtures in ``tests/fixtures/sellercentral/`` (HTML pages and the orders app's JSON)
contain tokens so that "late", "due today" and "on track" stay true whatever day the tests
run. This module renders them, serves them at real Seller Central URLs through Playwright
routing, and reads back which orders a fixture shows and what Shipguard must make of them.
Rendering and routing are ``shipguard.demo.samples`` and ``shipguard.demo.routes`` (re-exported
here), because ``shipguard demo`` serves the same pages.

**Declaration.** A fixture may start with one line that names its marketplace time zone and
its default date style; the line is removed when rendering::

    <!-- shipguard-fixture zone=Europe/Berlin style=de -->      (HTML)
    /* shipguard-fixture zone=America/Los_Angeles */           (JSON)

Defaults: ``zone=America/Los_Angeles style=us``. "Today" is today *in that zone*.

**Tokens.** N is a signed whole number of calendar days from today in the fixture's zone;
``@H:MM`` an optional 24-hour local time (default 8:27). Date-like tokens take an optional
style, every token an optional zone, as ``|`` modifiers: ``{{date:+1|de}}``,
``{{date:0|uk|tz=Europe/London}}``.

==========================  ===========================================================
``{{date:+N}}``             the ship-by style date; ``{{date:0}}`` is today
``{{datetime:-N@H:MM}}``    date and time with the zone's abbreviation
``{{time:-N@H:MM}}``        the time alone
``{{age:-N@H:MM}}``         relative age ("14 hours ago", "vor 3 Tagen", "3日前")
``{{epoch:-N@H:MM}}``       epoch seconds as a float string ("1575476820.0")
``{{epoch_start:+N}}``      epoch seconds of 00:00:00 local on day N
``{{epoch_end:+N}}``        epoch seconds of 23:59:59 local on day N ("1637222399.0")
``{{epoch_now:-H}}``        now minus H hours (H may be a decimal; ``+H`` is later)
``{{offset_ms}}``           the zone's UTC offset in ms on today's date (noon);
                            ``{{offset_ms:+N}}`` on day N (for ``timeZoneDetailsMap``)
``{{tz_abbr}}``             the zone's abbreviation on today's date ("PST", "CEST");
                            ``{{tz_abbr:+N}}`` on day N
==========================  ===========================================================

Styles (``|us`` ...; the declaration's ``style`` is the default):

=========  =====================  ==================================  =================
style      date                   datetime                            age
=========  =====================  ==================================  =================
``us``     Thu, Dec 5, 2019       Wed, Dec 4, 2019, 8:27 AM PST        14 hours ago
``uk``     Thu, 5 Dec 2019        Wed, 4 Dec 2019, 08:27 GMT           14 hours ago
``de``     05.12.2019             04.12.2019 08:27 MET                 vor 14 Stunden
``de-wd``  Do., 05.12.2019        Mi., 04.12.2019 08:27 MET            vor 14 Stunden
``fr``     jeu. 5 déc. 2019       mer. 4 déc. 2019 08:27 CET           il y a 14 heures
``ja``     2021年5月19日(水)       2021年5月19日(水) 23:45 JST           14時間前
=========  =====================  ==================================  =================

(German pages show Central European time as MET/MEST, as observed on Seller Central.)

``render_fixture`` raises ``ValueError`` on any ``{{...}}`` token it does not know.

**Expectations.** A fixture with orders has a sidecar ``<fixture stem>.expect.json``
(see :func:`fixture_expectations`) that says where the page lives and which status
Shipguard must show for each order.
"""

from __future__ import annotations

import html.parser
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

# The demo serves the same pages: rendering and routing live in the package (one implementation).
from shipguard.demo.routes import (  # noqa: F401  (re-exported for the tests)
    FIXTURE_ROUTES,
    ORIGIN,
    SELLER_CENTRAL_URL_RE,
    forget_routes,
    install_routes,
    lookup_fixture,
)
from shipguard.demo.samples import (  # noqa: F401
    _FR_MONTHS,
    _MONTHS,
    DEFAULT_ZONE,
    MARKETPLACE_TZ,
    STYLES,
    FixtureInfo,
    _fixture_path,
    _zone,
    fixture_info,
    fixture_source,
    format_age,
    format_date,
    format_datetime,
    format_time,
    format_us_date,
    format_us_time,
    marketplace_today,
    render_fixture,
    render_json_fixture,
    render_text,
    split_declaration,
)
from shipguard.demo.samples import SAMPLES_DIR as FIXTURES_DIR

EUROPE_ORIGIN = "https://sellercentral-europe.amazon.com"
ORDER_ID_RE = re.compile(r"^\d{3}-\d{7}-\d{7}$")


#: The orders app's JSON for the US fixtures (add to a ``pages`` table to serve them).
#: ``orders-list-unshipped-json.html`` asks for ``offset=0`` on load and ``offset=15``
#: for page 2; a key's query parameters must all be present in the request.
API_ROUTES: dict[str, str] = {
    "/orders-api/search": "orders-api-search-us.json",
    "/orders-api/search?offset=15": "orders-api-search-us-page2.json",
    "/orders-api/order/113-9703439-6162920": "orders-api-order-113-9703439-6162920.json",
}

#: What an expired session answers instead of JSON.
SIGNIN_FIXTURE = "orders-api-signin.html"


@dataclass(frozen=True)
class Marketplace:
    code: str
    id: str
    host: str
    zone: str
    channel: str


#: Seller Central's marketplaces: id, Seller Central host, time zone of ship-by days, sales channel.
MARKETPLACES: dict[str, Marketplace] = {
    m.code: m
    for m in (
        Marketplace(
            "US", "ATVPDKIKX0DER", "sellercentral.amazon.com", "America/Los_Angeles", "Amazon.com"
        ),
        Marketplace(
            "CA", "A2EUQ1WTGCTBG2", "sellercentral.amazon.ca", "America/Los_Angeles", "Amazon.ca"
        ),
        Marketplace(
            "MX",
            "A1AM78C64UM0Y8",
            "sellercentral.amazon.com.mx",
            "America/Mexico_City",
            "Amazon.com.mx",
        ),
        Marketplace(
            "UK", "A1F83G8C2ARO7P", "sellercentral.amazon.co.uk", "Europe/London", "Amazon.co.uk"
        ),
        Marketplace(
            "DE", "A1PA6795UKMFR9", "sellercentral.amazon.de", "Europe/Berlin", "Amazon.de"
        ),
        Marketplace("FR", "A13V1IB3VIYZZH", "sellercentral.amazon.fr", "Europe/Paris", "Amazon.fr"),
        Marketplace("IT", "APJ6JRA9NG5V4", "sellercentral.amazon.it", "Europe/Rome", "Amazon.it"),
        Marketplace(
            "ES", "A1RKKUPIHCS9HS", "sellercentral.amazon.es", "Europe/Madrid", "Amazon.es"
        ),
        Marketplace(
            "NL", "A1805IZSGTT6HS", "sellercentral.amazon.nl", "Europe/Amsterdam", "Amazon.nl"
        ),
        Marketplace(
            "SE", "A2NODRKZP88ZB9", "sellercentral.amazon.se", "Europe/Stockholm", "Amazon.se"
        ),
        Marketplace(
            "PL", "A1C3SOZRARQ6R3", "sellercentral.amazon.pl", "Europe/Warsaw", "Amazon.pl"
        ),
        Marketplace(
            "JP", "A1VC38T7YXB528", "sellercentral.amazon.co.jp", "Asia/Tokyo", "Amazon.co.jp"
        ),
        Marketplace("IN", "A21TJRUUN4KGV", "sellercentral.amazon.in", "Asia/Kolkata", "Amazon.in"),
        Marketplace(
            "AU",
            "A39IBJ37TRP1C6",
            "sellercentral.amazon.com.au",
            "Australia/Sydney",
            "Amazon.com.au",
        ),
    )
}


def marketplace_for_channel(channel: str | None) -> Marketplace | None:
    """``"Amazon.de"`` -> the DE marketplace (case-insensitive), else None."""
    wanted = (channel or "").strip().lower()
    return next((m for m in MARKETPLACES.values() if m.channel.lower() == wanted), None)


def marketplace_for_id(marketplace_id: str | None) -> Marketplace | None:
    return next((m for m in MARKETPLACES.values() if m.id == marketplace_id), None)


# --------------------------------------------------------------------------- routing


def fixture_url(name: str) -> str:
    """Where a fixture with a sidecar lives: ``origin + path`` of its expectations."""
    expect = fixture_expectations(name)
    return expect["origin"] + expect["path"]


def expectation_routes(names=None) -> dict[str, str]:
    """``{full URL: fixture}`` for every fixture with a sidecar (or those in ``names``);
    pass it to :func:`install_routes` to serve them all at once. Where pages share a URL,
    the one with readable orders wins: variants (sidecar ``variant_of``), empty and
    unreadable pages are served only when a test maps them itself."""

    def rank(name):
        expect = fixture_expectations(name)
        return (
            bool(expect.get("variant_of")),
            not expect["orders"] or expect.get("source") == "unreadable",
            name,
        )

    out: dict[str, str] = {}
    for name in sorted(names or fixtures_with_expectations(), key=rank):
        if names is None and fixture_expectations(name).get("variant_of"):
            continue
        out.setdefault(fixture_url(name), name)
    return out


# --------------------------------------------------------------------------- parsing

_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_BLOCK = {
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "template",
    "button",
}
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
        """Visible text split at block elements, whitespace (and nbsp) collapsed; scripts
        and styles are skipped."""
        out: list[str] = [""]

        def walk(node: Node):
            for child in node.children:
                if isinstance(child, str):
                    out[-1] += child
                elif child.tag in ("script", "style"):
                    continue
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


# The labels the fixtures use (English, German, French, Japanese; see the page adapters).
_SHIP_BY = re.compile(
    r"^(?:Ship by(?: date)?:?|Versand bis:|Versanddatum:|Date d'expédition ?:|Expédier avant le ?:"
    r"|出荷期限[:：]|出荷予定日[:：])\s*(.*)$",
    re.I,
)
_DELIVER_BY = re.compile(
    r"^(?:Deliver by(?: date)?:?|Zustellung bis:|Lieferung bis:|Date de livraison ?:|Livrer avant le ?:"
    r"|お届け予定日[:：]|配達予定日[:：])\s*(.*)$",
    re.I,
)
_FULFILLMENT = re.compile(
    r"^(?:Fulfil+ment(?: method| channel)?:?|Versandmethode:|Versand durch:|Mode d'expédition ?:"
    r"|Méthode d'expédition ?:|出荷方法[:：]|フルフィルメント[:：])\s*(.*)$",
    re.I,
)
_SALES_CHANNEL = re.compile(
    r"^(?:Sales channel:|Verkaufskanal:|Canal de vente ?:|販売チャネル[:：])\s*(.*)$", re.I
)
_DONE_STATUSES = {
    "shipped": "shipped",
    "canceled": "canceled",
    "cancelled": "canceled",
    "versandt": "shipped",
    "verschickt": "shipped",
    "storniert": "canceled",
    "expédiée": "shipped",
    "expédié": "shipped",
    "annulée": "canceled",
    "annulé": "canceled",
    "出荷済み": "shipped",
    "キャンセル済み": "canceled",
}


def _squash(text: str | None) -> str | None:
    return None if text is None else " ".join(text.replace("\xa0", " ").split())


def _by_test_id(root: Node, test_id: str) -> Node | None:
    return root.find(lambda n: n.attrs.get("data-test-id") == test_id)


def _row_nodes(root: Node, section: str | None) -> list[Node]:
    if section is not None:
        tpl = root.find(lambda n: n.tag == "template" and n.attrs.get("id") == section)
        if tpl is None:
            raise KeyError(f"no <template id={section!r}>")
        return [n for n in tpl.children if isinstance(n, Node) and n.tag == "tr"]
    table = root.find(lambda n: n.tag == "table" and n.attrs.get("id") == "orders-table")
    if table is not None:
        tbody = next((c for c in table.children if isinstance(c, Node) and c.tag == "tbody"), None)
        return (
            []
            if tbody is None
            else [c for c in tbody.children if isinstance(c, Node) and c.tag == "tr"]
        )
    # Unknown layouts: ARIA grid rows outside templates.
    return root.find_all(
        lambda n: (
            n.attrs.get("role") == "row" and not any(a.tag == "template" for a in n.ancestors())
        )
    )


def _row_order(row: Node) -> dict | None:
    link = row.find(
        lambda n: (
            n.tag == "a"
            and _ORDER_HREF_RE.search(n.attrs.get("href", ""))
            and ORDER_ID_RE.match(n.text().strip())
        )
    )
    if link is None:
        return None
    # Restrict label lookups to the customer-option cell when there is one.
    option = _by_test_id(row, "oth-customer-option") or row
    details = _by_test_id(row, "oth-order-details") or row
    status = row.find(
        lambda n: "main-status" in n.classes or n.attrs.get("data-testid") == "order-status"
    )
    return {
        "order_id": link.text().strip(),
        "href": link.attrs["href"],
        "ship_by_text": _label_value(option.lines(), _SHIP_BY),
        "deliver_by_text": _label_value(option.lines(), _DELIVER_BY),
        "status_text": _squash(status.text()) if status is not None else None,
        "fulfillment": _label_value(details.lines(), _FULFILLMENT),
        "sales_channel": _label_value(details.lines(), _SALES_CHANNEL),
        "buyer_requested_cancel": row.find(lambda n: "buyer-requested-cancel" in n.classes)
        is not None,
    }


def _place(order: dict, info: FixtureInfo) -> dict:
    """Add ``marketplace`` (from the sales channel) and the ``zone`` its days are in."""
    market = marketplace_for_channel(order.get("sales_channel"))
    order["marketplace"] = market.code if market else None
    order["zone"] = market.zone if market else info.zone
    return order


def fixture_orders(
    name: str, now: datetime | None = None, section: str | None = None
) -> list[dict]:
    """The orders a Manage Orders fixture shows, in page order.

    Each dict has ``order_id``, ``ship_by_text`` (e.g. ``"Thu, Dec 5, 2019"``,
    ``"<date> to <date>"``, ``"05.12.2019"``, ``"Currently unavailable"``), ``status_text``
    (``"Unshipped"``, ``"Versandt"``...), ``fulfillment`` (``"Seller"``/``"Amazon"``...),
    ``sales_channel`` (``"Amazon.de"``), ``marketplace`` (``"DE"``, from the sales channel)
    and ``zone`` (that marketplace's, else the fixture's), plus ``href``,
    ``deliver_by_text`` and ``buyer_requested_cancel``. Rows without an order id link
    (notices) are skipped. ``section`` reads a ``<template id=...>`` instead of the
    live table, e.g. ``"page-2-rows"``. Pass the same ``now`` as used for rendering.
    """
    info = fixture_info(name)
    root = parse_html(render_fixture(name, now))
    return [_place(o, info) for o in map(_row_order, _row_nodes(root, section)) if o is not None]


def _details_order(root: Node) -> dict | None:
    id_node = root.find(
        lambda n: n.tag == "span" and n.attrs.get("data-test-id") == "order-id-value"
    )
    if id_node is None:
        return None
    cell = root.find(lambda n: n.tag == "td" and n.attrs.get("data-test-id") == "item-status-cell")
    status = cell.find(lambda n: "main-status" in n.classes) if cell is not None else None
    status = status or _by_test_id(root, "order-status-value")

    def value(test_id):
        node = _by_test_id(root, test_id)
        return _squash(node.text()) if node is not None else None

    return {
        "order_id": id_node.text().strip(),
        "href": None,
        "ship_by_text": value("order-summary-shipby-value"),
        "deliver_by_text": value("order-summary-deliverby-value"),
        "status_text": _squash(status.text()) if status is not None else None,
        "fulfillment": value("order-summary-fulfillment-channel-value"),
        "sales_channel": value("order-summary-sales-channel-value"),
        "buyer_requested_cancel": False,
    }


def _bare_order(order_id: str, ship_by_text: str | None = None) -> dict:
    return {
        "order_id": order_id,
        "href": None,
        "ship_by_text": ship_by_text,
        "deliver_by_text": None,
        "status_text": None,
        "fulfillment": None,
        "sales_channel": None,
        "buyer_requested_cancel": False,
    }


def _url_order_id(expect: dict) -> str | None:
    parts = urlsplit(expect["path"])
    query = dict(parse_qsl(parts.query))
    m = re.search(r"/orders-v3/order/(\d{3}-\d{7}-\d{7})", parts.path)
    return m.group(1) if m else query.get("orderID")


def json_orders(name: str, now: datetime | None = None) -> list[dict]:
    """The orders in a JSON fixture, in either of the two shapes Amazon sends (the search
    body ``{orders: [...]}`` and the order body ``{order: {...}}``, whose status is nested
    and items PascalCase): ``order_id``, ``latest_ship`` (epoch seconds or None),
    ``ship_offset_ms`` (from ``timeZoneDetailsMap``, or None), ``status_text``,
    ``merchant_fulfilled``, ``amazon_late`` (the order body's own flag, else None),
    ``marketplace`` and ``zone``."""
    info = fixture_info(name)
    data = render_json_fixture(name, now)
    raw = data["orders"] if "orders" in data else [data["order"]]
    out = []
    for o in raw:
        status = o.get("orderStatus") if isinstance(o.get("orderStatus"), dict) else None
        if status is None:  # the search body
            status_text, merchant = o.get("orderFulfillmentStatus"), o.get("isMerchantFulfilled")
            market_id, late = o.get("homeMarketplaceId"), None
        else:
            status_text, late = status.get("OrderStatus"), status.get("Late")
            merchant = o.get("fulfillmentChannel") != "Amazon"
            market_id = o.get("orderMarketplaceId") or o.get("rootMarketplaceId")
        market = marketplace_for_id(market_id) or marketplace_for_channel(o.get("salesChannel"))
        zones = o.get("timeZoneDetailsMap") or {}
        out.append(
            {
                "order_id": o["amazonOrderId"],
                "latest_ship": o.get("latestShipDate"),
                "ship_offset_ms": (zones.get("latestShipDate") or {}).get("offset"),
                "status_text": status_text,
                "merchant_fulfilled": merchant,
                "amazon_late": late,
                "marketplace": market.code if market else None,
                "zone": market.zone if market else info.zone,
            }
        )
    return out


def page_orders(name: str, now: datetime | None = None) -> list[dict]:
    """The orders any fixture shows, read as its page kind (from its sidecar) dictates:
    list rows, the order-details summary, the confirm-shipment summary ("Ship by:" line),
    the contact-buyer page's order (no dates), or a JSON fixture's orders. An unreadable
    layout yields its order (from the URL) with no ship-by text."""
    if name.endswith(".json"):
        return json_orders(name, now)
    expect = fixture_expectations(name)
    info = fixture_info(name)
    kind = expect["page_kind"]
    if kind == "orders-list":
        return fixture_orders(name, now)
    root = parse_html(render_fixture(name, now))
    if kind == "order-details":
        order = _details_order(root) or _bare_order(_url_order_id(expect))
    elif kind == "confirm-shipment":
        summary = root.find(lambda n: "myo-order-summary" in n.classes) or root
        order = _bare_order(_url_order_id(expect), _label_value(summary.lines(), _SHIP_BY))
    elif kind == "contact-buyer":
        order = _bare_order(_url_order_id(expect))
    elif kind == "bulk-confirm-shipment":  # the orders of the URL, one row each, no dates
        ids = re.findall(r"\d{3}-\d{7}-\d{7}", expect["path"])
        return [_place(_bare_order(order_id), info) for order_id in ids]
    else:
        raise ValueError(f"unknown page kind {kind!r} in {name}")
    return [_place(order, info)]


# --------------------------------------------------------------------------- expectations

_DATE_RE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<us_mon>[A-Z][a-z]{2}) (?P<us_day>\d{1,2}), (?P<us_year>\d{4})"
    r"|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<uk_day>\d{1,2}) (?P<uk_mon>[A-Z][a-z]{2}) (?P<uk_year>\d{4})"
    r"|(?P<de_day>\d{2})\.(?P<de_mon>\d{2})\.(?P<de_year>\d{4})"
    r"|(?:lun|mar|mer|jeu|ven|sam|dim)\. (?P<fr_day>\d{1,2}) (?P<fr_mon>"
    + "|".join(map(re.escape, _FR_MONTHS))
    + r") (?P<fr_year>\d{4})"
    r"|(?P<ja_year>\d{4})年(?P<ja_mon>\d{1,2})月(?P<ja_day>\d{1,2})日(?:\([月火水木金土日]\))?"
)
_RANGE_SEPARATORS = {"to", "bis", "au", "～", "~", "-", "–"}


def parse_dates(text: str | None) -> list[tuple[date, int, int]] | None:
    """Every fixture-style date in ``text``: ``[(day, start, end)]``; None if a date-like
    part does not name a real day."""
    out = []
    for m in _DATE_RE.finditer(text or ""):
        g = m.groupdict()
        try:
            if g["us_mon"] or g["uk_mon"]:
                mon = g["us_mon"] or g["uk_mon"]
                if mon not in _MONTHS:
                    return None
                out.append(
                    (
                        date(
                            int(g["us_year"] or g["uk_year"]),
                            _MONTHS.index(mon) + 1,
                            int(g["us_day"] or g["uk_day"]),
                        ),
                        m.start(),
                        m.end(),
                    )
                )
            elif g["de_day"]:
                out.append(
                    (
                        date(int(g["de_year"]), int(g["de_mon"]), int(g["de_day"])),
                        m.start(),
                        m.end(),
                    )
                )
            elif g["fr_day"]:
                out.append(
                    (
                        date(
                            int(g["fr_year"]), _FR_MONTHS.index(g["fr_mon"]) + 1, int(g["fr_day"])
                        ),
                        m.start(),
                        m.end(),
                    )
                )
            else:
                out.append(
                    (
                        date(int(g["ja_year"]), int(g["ja_mon"]), int(g["ja_day"])),
                        m.start(),
                        m.end(),
                    )
                )
        except ValueError:
            return None
    return out


def parse_ship_by(text: str | None) -> tuple[date, date] | None:
    """``(earliest, latest)`` ship-by days from ``"<date>"`` or a range such as
    ``"<date> to <date>"``, ``"<date> bis <date>"``, ``"<date>～<date>"``."""
    if not text:
        return None
    found = parse_dates(text)
    if not found:
        return None
    if len(found) == 1:
        return found[0][0], found[0][0]
    if len(found) == 2 and text[found[0][2] : found[1][1]].strip() in _RANGE_SEPARATORS:
        return found[0][0], found[1][0]
    return None


def expected_deadline(order: dict) -> str | None:
    """The ship-by deadline an order's row implies, as ISO 8601 UTC: the end (23:59:59) of
    its last ship-by day in the order's marketplace zone; None without a readable day."""
    window = parse_ship_by(order.get("ship_by_text"))
    if window is None:
        return None
    day_end = datetime.combine(window[1], time(23, 59, 59), tzinfo=_zone(order.get("zone")))
    return day_end.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _day_kind(latest: date, today: date) -> str:
    if latest < today:
        return "late"
    if latest == today:
        return "due-soon"
    return "on-track"


def expected_kind(order: dict, now: datetime | None = None) -> str:
    """What Shipguard should make of an order read from a page: ``fba``, ``shipped``,
    ``canceled``, ``unknown`` (no readable ship-by), ``late`` (last ship day before
    today), ``due-soon`` (last ship day is today) or ``on-track``. Days are marketplace
    days (the order's ``zone``, default America/Los_Angeles)."""
    if (order.get("fulfillment") or "").strip().lower() == "amazon":
        return "fba"
    done = _DONE_STATUSES.get((order.get("status_text") or "").strip().lower())
    if done:
        return done
    window = parse_ship_by(order.get("ship_by_text"))
    if window is None:
        return "unknown"
    return _day_kind(window[1], marketplace_today(now, order.get("zone")))


def expected_json_kind(order: dict, now: datetime | None = None) -> str:
    """The same for an order from the orders app's JSON (:func:`json_orders`): the last
    ship day is ``latestShipDate`` shifted by its ``timeZoneDetailsMap`` offset."""
    if order.get("merchant_fulfilled") is False:
        return "fba"
    done = _DONE_STATUSES.get((order.get("status_text") or "").strip().lower())
    if done:
        return done
    if order.get("latest_ship") is None:
        return "unknown"
    if order.get("amazon_late"):
        return "late"  # Amazon's own flag wins over the clock
    instant = datetime.fromtimestamp(order["latest_ship"], timezone.utc)
    if order.get("ship_offset_ms") is not None:
        day = (instant + timedelta(milliseconds=order["ship_offset_ms"])).date()
    else:
        day = instant.astimezone(_zone(order.get("zone"))).date()
    return _day_kind(day, marketplace_today(now, order.get("zone")))


STATUS_OF_KIND = {"fba": "done", "shipped": "done", "canceled": "done"}


def expected_status(order: dict, now: datetime | None = None) -> str:
    """The badge status: ``late``, ``due-soon``, ``on-track``, ``done`` or ``unknown``."""
    kind = expected_json_kind(order, now) if "latest_ship" in order else expected_kind(order, now)
    return STATUS_OF_KIND.get(kind, kind)


def expectations_path(name: str) -> Path:
    """``orders-list-de.html`` -> ``.../orders-list-de.expect.json``."""
    stem = name.rsplit(".", 1)[0]
    return _fixture_path(f"{stem}.expect.json")


def fixture_names() -> list[str]:
    """Every fixture page and JSON fixture (sidecars excluded), sorted."""
    return sorted(
        p.name
        for p in FIXTURES_DIR.iterdir()
        if p.suffix in (".html", ".json") and not p.name.endswith(".expect.json")
    )


def fixtures_with_expectations() -> list[str]:
    return [n for n in fixture_names() if expectations_path(n).exists()]


def fixture_expectations(name: str) -> dict:
    """A fixture's sidecar ``<stem>.expect.json``::

        {"origin": "https://sellercentral.amazon.de",      where the page lives
         "path": "/orders-v3/mfn/unshipped",               path (and query, if it needs one)
         "page_kind": "orders-list",                        orders-list | order-details |
                                                            confirm-shipment | contact-buyer |
                                                            orders-api (JSON)
         "marketplace": "DE",                               the page's marketplace (null on
                                                            sellercentral-europe)
         "orders": {"302-3180900-8115835": "late", ...}}    status Shipguard must show:
                                                            late | due-soon | on-track |
                                                            done | unknown

    Optional keys: ``sections`` (``{"page-2-rows": {id: status}}`` for rows a page shows
    after pagination), ``order_marketplaces`` (``{id: "FR"}`` when rows differ from the
    page), ``source`` (where the statuses come from: ``page`` (default), ``json``
    (the JSON fixtures in ``json``, which win over the rows), ``seen`` (the page shows no
    deadline Shipguard reads; the statuses hold once Shipguard saw the order on
    ``seen_on``; a fresh profile shows ``unknown``), ``unreadable`` (unknown layout:
    a notice, no badges)), ``variant_of`` (same page and URL as another fixture),
    ``note``.

    Statuses hold by construction of the date tokens on any day: ship-by day before
    today = late, today = due-soon, later = on-track; shipped, cancelled and FBA = done.
    """
    path = expectations_path(name)
    if not path.exists():
        raise FileNotFoundError(f"no expectations for {name} ({path.name})")
    return json.loads(path.read_text(encoding="utf-8"))


def derived_statuses(
    name: str, now: datetime | None = None, section: str | None = None
) -> dict[str, str]:
    """The statuses a fixture's rendered content implies (what its sidecar must say):
    from its rows/summary, or from its JSON fixtures (``source: json``), or from the page
    the order was seen on (``source: seen``); ``unknown`` for unreadable layouts."""
    expect = fixture_expectations(name) if expectations_path(name).exists() else {}
    source = expect.get("source", "page")
    if section is not None:
        if source == "json":
            orders = [o for js in expect["json"] for o in json_orders(js, now)]
            shown = {o["order_id"] for o in fixture_orders(name, now, section=section)}
            return {
                o["order_id"]: expected_status(o, now) for o in orders if o["order_id"] in shown
            }
        return {
            o["order_id"]: expected_status(o, now)
            for o in fixture_orders(name, now, section=section)
        }
    shown = page_orders(name, now)
    if source == "unreadable":
        return {o["order_id"]: "unknown" for o in shown}
    if source == "json":
        from_json = {
            o["order_id"]: expected_status(o, now)
            for js in expect["json"]
            for o in json_orders(js, now)
        }
        return {o["order_id"]: from_json.get(o["order_id"], expected_status(o, now)) for o in shown}
    if source == "seen":
        seen = derived_statuses(expect["seen_on"], now)
        return {o["order_id"]: seen[o["order_id"]] for o in shown}
    return {o["order_id"]: expected_status(o, now) for o in shown}
