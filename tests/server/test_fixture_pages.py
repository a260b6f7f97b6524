"""The Seller Central fixtures are well-formed and say what the browser tests expect.

No browser here (the adapters' selectors are checked against the fixtures in a real CSS
engine by tests/e2e/test_adapter_selectors.py).
"""

import json
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import order_bodies
import pytest
import sellercentral as sc

UNSHIPPED = "orders-list-unshipped.html"
EMPTY = "orders-list-empty.html"
UNKNOWN = "orders-list-unknown-layout.html"
ORIGINAL = (UNSHIPPED, EMPTY, UNKNOWN)
# Pages written from the evidence alone, by writers who saw neither Shipguard nor this harness:
# their sidecars are the truth, checked in the browser (tests/e2e/test_page_kinds.py). This
# file checks the harness's own reading of the pages written beside the code.
INDEPENDENT = tuple(n for n in sc.fixture_names() if n.startswith("independent-"))
ALL = tuple(n for n in sc.fixture_names() if n not in INDEPENDENT)
HTML = tuple(n for n in ALL if n.endswith(".html"))
JSON_FIXTURES = tuple(n for n in ALL if n.endswith(".json"))
PAGES_DIR = Path(__file__).resolve().parents[2] / "server" / "shipguard" / "data" / "pages"
US_LATE = "113-9703439-6162920"
DE_DUE = "305-9308558-3925690"

# Thu Dec 5 2019, 12:00 PST.
NOW = datetime(2019, 12, 5, 20, 0, tzinfo=timezone.utc)

EXPECTED_PAGE_1 = {
    "111-8264093-5502918": "due-soon",
    "113-4729618-2041735": "late",
    "113-2957730-8146602": "on-track",
    "112-7038815-6620147": "on-track",  # ship-by range +1 to +3
    "111-5592047-9903416": "shipped",
    "114-0385162-7719420": "late",  # buyer requested cancel
    "113-9904152-3068871": "fba",
    "112-0471839-5526643": "unknown",  # "Currently unavailable"
    "112-6610478-3398251": "due-soon",
    "114-3316690-1287254": "canceled",
    "114-1849306-4473129": "on-track",  # Pending
}
EXPECTED_PAGE_2 = {
    "111-2208463-7715390": "late",
    "114-6842217-0395518": "due-soon",
    "113-5175960-2286734": "on-track",
}
EXPECTED_UNKNOWN = {
    "112-3380946-1154302": "late",
    "111-7723195-6640481": "due-soon",
    "114-9057328-3912076": "on-track",
}


def _dom(name, now=NOW):
    return sc.parse_html(sc.render_fixture(name, now), strict=True)


def _by_id(root, ident):
    return root.find(lambda n: n.attrs.get("id") == ident)


def _tbody_rows(root):
    table = _by_id(root, "orders-table")
    tbody = [c for c in table.children if isinstance(c, sc.Node) and c.tag == "tbody"]
    assert len(tbody) == 1
    return [c for c in tbody[0].children if isinstance(c, sc.Node) and c.tag == "tr"]


# ---------------------------------------------------------------- date tokens


@pytest.mark.parametrize(
    ("now", "token", "expected"),
    [
        (datetime(2019, 12, 5, 12, 0, tzinfo=timezone.utc), "{{date:0}}", "Thu, Dec 5, 2019"),
        (datetime(2019, 12, 5, 12, 0), "{{date:0}}", "Thu, Dec 5, 2019"),  # naive = UTC
        (NOW, "{{date:+1}}", "Fri, Dec 6, 2019"),
        (NOW, "{{date:-1}}", "Wed, Dec 4, 2019"),
        (NOW, "{{date:+0}}", "Thu, Dec 5, 2019"),
        (NOW, "{{date:+27}}", "Wed, Jan 1, 2020"),
        # 07:30 UTC on Dec 6 is still Dec 5 in Los Angeles.
        (datetime(2019, 12, 6, 7, 30, tzinfo=timezone.utc), "{{date:0}}", "Thu, Dec 5, 2019"),
        (datetime(2019, 12, 6, 8, 30, tzinfo=timezone.utc), "{{date:0}}", "Fri, Dec 6, 2019"),
        (NOW, "{{datetime:-1}}", "Wed, Dec 4, 2019, 8:27 AM PST"),
        (NOW, "{{datetime:-1@16:05}}", "Wed, Dec 4, 2019, 4:05 PM PST"),
        (NOW, "{{datetime:-1@0:09}}", "Wed, Dec 4, 2019, 12:09 AM PST"),
        (NOW, "{{time:-2@12:30}}", "12:30 PM PST"),
        (
            datetime(2020, 7, 1, 19, 0, tzinfo=timezone.utc),
            "{{datetime:-1}}",
            "Tue, Jun 30, 2020, 8:27 AM PDT",
        ),
        # DST starts on Sun Mar 8 2020: the day before is PST, that day PDT.
        (
            datetime(2020, 3, 8, 19, 0, tzinfo=timezone.utc),
            "{{datetime:-1}}",
            "Sat, Mar 7, 2020, 8:27 AM PST",
        ),
        (
            datetime(2020, 3, 8, 19, 0, tzinfo=timezone.utc),
            "{{datetime:0}}",
            "Sun, Mar 8, 2020, 8:27 AM PDT",
        ),
        (datetime(2020, 11, 2, 19, 0, tzinfo=timezone.utc), "{{time:-1}}", "8:27 AM PST"),
        (datetime(2020, 11, 2, 19, 0, tzinfo=timezone.utc), "{{time:-2}}", "8:27 AM PDT"),
        (NOW, "{{age:-1@10:14}}", "1 day ago"),
        (NOW, "{{age:-1@16:42}}", "19 hours ago"),
        (NOW, "{{age:0@11:30}}", "30 minutes ago"),
        (NOW, "{{age:0@11:00}}", "1 hour ago"),
        (NOW, "{{age:-3}}", "3 days ago"),
        (NOW, "{{age:+1}}", "Just now"),
    ],
)
def test_token_formatting(now, token, expected):
    assert sc.render_text(f"<p>{token}</p>", now) == f"<p>{expected}</p>"


def test_unknown_token_is_an_error():
    with pytest.raises(ValueError):
        sc.render_text("{{date:tomorrow}}", NOW)
    with pytest.raises(ValueError):
        sc.render_text("{{order_id}}", NOW)


def test_no_leading_zero_on_day():
    assert sc.format_us_date(date(2021, 3, 1)) == "Mon, Mar 1, 2021"


def test_render_fixture_rejects_paths_outside_folder():
    with pytest.raises(ValueError):
        sc.render_fixture("../e2e/sellercentral.py", NOW)


# ---------------------------------------------------------------- well-formed


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize(
    "now",
    [NOW, datetime(2020, 3, 8, 9, 59, tzinfo=timezone.utc), None],
    ids=["dec-2019", "dst-start", "real-now"],
)
def test_fixture_renders_all_tokens(name, now):
    text = sc.render_fixture(name, now)
    assert "{{" not in text and "}}" not in text
    assert "shipguard-fixture" not in text  # the declaration line is removed
    if name.endswith(".json"):
        json.loads(text)
    else:
        sc.parse_html(text, strict=True)  # balanced tags


LANG_OF_HOST = {
    "sellercentral.amazon.com": "en-US",
    "sellercentral.amazon.co.uk": "en-GB",
    "sellercentral-europe.amazon.com": "en-GB",
    "sellercentral.amazon.de": "de-DE",
    "sellercentral.amazon.fr": "fr-FR",
    "sellercentral.amazon.co.jp": "ja-JP",
}


@pytest.mark.parametrize("name", HTML)
def test_fixture_is_self_contained(name):
    html = sc.render_fixture(name, NOW)
    root = sc.parse_html(html, strict=True)
    for link in root.find_all(lambda n: n.tag == "link"):  # only the inline favicon
        assert link.attrs == {"rel": "icon", "href": "data:,"}
    assert all("src" not in n.attrs for n in root.find_all(lambda n: n.tag == "script"))
    for img in root.find_all(lambda n: n.tag == "img"):
        assert img.attrs["src"].startswith("data:")
    for n in root.iter():  # no absolute URL that the page would load or submit to
        for attr in ("action", "src", "data", "poster"):
            assert not re.match(r"\s*(https?:)?//", n.attrs.get(attr, "")), (n.tag, attr)
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?(https?:)?//", html)
    assert not re.search(r"\b(fetch|open)\(\s*['\"](https?:)?//", html)  # scripts stay same-origin
    lang = root.find(lambda n: n.tag == "html").attrs["lang"]
    assert re.fullmatch(r"[a-z]{2}-[A-Z]{2}", lang)
    if not sc.expectations_path(name).exists():  # sign-in, account health: no orders
        return
    expect = sc.fixture_expectations(name)
    assert lang == LANG_OF_HOST[expect["origin"].split("//")[1]]
    apps = len(root.find_all(lambda n: n.attrs.get("id") == "MYO-app"))
    assert apps == (0 if expect["page_kind"] == "contact-buyer" else 1)


#: Fixtures that show the same orders on purpose: a page and its JSON, its variants, or one
#: order followed from its details page to confirm-shipment and contact-buyer.
FAMILIES = (
    {
        UNSHIPPED,
        "orders-list-unshipped-json.html",
        "orders-list-unshipped-xhr.html",
        "orders-api-search-us.json",
        "orders-api-search-us-page2.json",
        "bulk-confirm-shipment-us.html",
    },
    {
        "order-details-us-late.html",
        "confirm-shipment-us.html",
        "contact-buyer-us.html",
        *(c.name for c in order_bodies.ORDER_CASES if c.order_id == US_LATE),
    },
    {
        "order-details-de.html",
        "confirm-shipment-de.html",
        "contact-buyer-de.html",
        *(c.name for c in order_bodies.ORDER_CASES if c.order_id == DE_DUE),
    },
    {"order-details-de-en.html", "confirm-shipment-de-en.html"},
)
ORDER_LIKE = re.compile(r"(?<![\d-])\d{3}-\d{4,}-\d{4,}(?![\d-])")


def _family(name):
    return next((f for f in FAMILIES if name in f), {name})


def test_order_ids_valid_and_unique_across_fixtures():
    where = {}
    for name in ALL:
        text = sc.render_fixture(name, NOW)
        # Anything that looks like an order id must be one.
        for candidate in set(ORDER_LIKE.findall(text)):
            assert sc.ORDER_ID_RE.match(candidate), (name, candidate)
            where.setdefault(candidate, set()).add(name)
    for order_id, names in where.items():
        assert names <= _family(sorted(names)[0]), (order_id, sorted(names))
    for family in FAMILIES:
        assert family <= set(ALL), family - set(ALL)
    # Every id a page shows is a real link/value, and each list row's link is its own.
    seen = {}
    sections = [(UNSHIPPED, None), (UNSHIPPED, "page-2-rows"), (UNKNOWN, None), (EMPTY, None)]
    sections += [
        (n, None)
        for n in HTML
        if n.startswith("orders-list-")
        and n not in ORIGINAL
        and not sc.fixture_expectations(n).get("variant_of")
    ]
    for name, section in sections:
        for order in sc.fixture_orders(name, NOW, section=section):
            assert sc.ORDER_ID_RE.match(order["order_id"])
            assert order["href"] == f"/orders-v3/order/{order['order_id']}"
            assert order["order_id"] not in seen, (order["order_id"], seen.get(order["order_id"]))
            seen[order["order_id"]] = (name, section)
    list_ids = {i for i, names in where.items() if any(n.startswith("orders-list-") for n in names)}
    assert set(seen) == list_ids
    assert len(seen) == 17 + 6 + 7 + 6 + 6 + 7 + 5
    assert len(where) == len(seen) + 9  # plus one order per order-details page


# ---------------------------------------------------------------- main fixture


def test_unshipped_page_structure():
    root = _dom(UNSHIPPED)
    heading = root.find(lambda n: "total-orders-heading" in n.classes)
    span = next(c for c in heading.children if isinstance(c, sc.Node) and c.tag == "span")
    assert span.text() == f"{len(EXPECTED_PAGE_1) + len(EXPECTED_PAGE_2)} orders"
    table = _by_id(root, "orders-table")
    assert table.find(lambda n: n.tag == "thead") is not None
    rows = _tbody_rows(root)
    assert len(rows) == 12
    notices = [r for r in rows if r.find(lambda n: "data-test-id" in n.attrs) is None]
    assert len(notices) == 1
    assert notices[0].find(lambda n: n.tag == "td").attrs["colspan"] == "8"
    assert (
        notices[0].find(lambda n: n.tag == "a" and "/orders-v3/order/" in n.attrs.get("href", ""))
        is None
    )
    for row in rows:
        if row in notices:
            continue
        ids = {
            n.attrs["data-test-id"]
            for n in row.iter()
            if "data-test-id" in n.attrs and n.tag == "td"
        }
        assert {
            "oth-order-date",
            "oth-order-details",
            "oth-product-info",
            "oth-customer-option",
            "oth-order-status",
        } <= ids
        assert row.find(lambda n: n.tag == "td" and "myo-table-action-column" in n.classes)
        assert row.find(lambda n: n.attrs.get("data-test-id") == "buyer-name-with-link")
        assert row.find(lambda n: "order-status-column" in n.classes).find(
            lambda n: "main-status" in n.classes
        )
        assert row.find(lambda n: "secondary-status" in n.classes)
        details = row.find(lambda n: n.attrs.get("data-test-id") == "oth-order-details").lines()
        assert any(x.startswith("Buyer name:") for x in details)
        assert "Sales channel: Amazon.com" in details
        product = " ".join(
            row.find(lambda n: n.attrs.get("data-test-id") == "oth-product-info").lines()
        )
        for label in ("ASIN:", "SKU:", "Quantity:", "Item subtotal:"):
            assert label in product
        option = row.find(lambda n: n.attrs.get("data-test-id") == "oth-customer-option").lines()
        assert option[0] in ("Standard Orders", "Expedited Orders")
    # Templates for the simulated app, and the test buttons.
    for ident in ("page-1-rows", "page-2-rows", "sort-ship-by", "rerender-in-place"):
        assert _by_id(root, ident) is not None, ident
    pager = root.find(lambda n: "a-pagination" in n.classes)
    labels = [a.text().strip() for a in pager.find_all(lambda n: n.tag == "a")]
    assert labels == ["\u2190Previous", "1", "2", "Next\u2192"]
    assert len(root.find_all(lambda n: n.tag == "script")) == 1


def test_page_1_template_matches_initial_rows():
    html = sc.render_fixture(UNSHIPPED, NOW)
    tbody = re.search(r"<tbody>\n(.*?)</tbody>", html, re.S).group(1)
    template = re.search(r'<template id="page-1-rows">\n(.*?)</template>', html, re.S).group(1)
    assert tbody == template


def test_row_inventory_and_kinds():
    orders = sc.fixture_orders(UNSHIPPED, NOW)
    assert {o["order_id"]: sc.expected_kind(o, NOW) for o in orders} == EXPECTED_PAGE_1
    assert [o["order_id"] for o in orders] == list(EXPECTED_PAGE_1)
    page2 = sc.fixture_orders(UNSHIPPED, NOW, section="page-2-rows")
    assert {o["order_id"]: sc.expected_kind(o, NOW) for o in page2} == EXPECTED_PAGE_2
    # page-1 template holds the same orders as the initial table
    assert sc.fixture_orders(UNSHIPPED, NOW, section="page-1-rows") == orders


def test_kinds_hold_on_any_day():
    for now in (
        datetime.now(timezone.utc),
        datetime(2020, 3, 8, 7, 59, tzinfo=timezone.utc),
        datetime(2020, 11, 1, 8, 30, tzinfo=timezone.utc),
        datetime(2021, 1, 1, 7, 59, tzinfo=timezone.utc),
    ):
        got = {o["order_id"]: sc.expected_kind(o, now) for o in sc.fixture_orders(UNSHIPPED, now)}
        assert got == EXPECTED_PAGE_1


def test_fixture_orders_output():
    orders = {o["order_id"]: o for o in sc.fixture_orders(UNSHIPPED, NOW)}
    assert orders["111-8264093-5502918"] == {
        "order_id": "111-8264093-5502918",
        "href": "/orders-v3/order/111-8264093-5502918",
        "ship_by_text": "Thu, Dec 5, 2019",
        "deliver_by_text": "Mon, Dec 9, 2019",
        "status_text": "Unshipped",
        "fulfillment": "Seller",
        "sales_channel": "Amazon.com",
        "buyer_requested_cancel": False,
        "marketplace": "US",
        "zone": "America/Los_Angeles",
    }
    assert orders["113-4729618-2041735"]["ship_by_text"] == "Wed, Dec 4, 2019"
    assert orders["114-0385162-7719420"]["ship_by_text"] == "Mon, Dec 2, 2019"
    assert orders["114-0385162-7719420"]["buyer_requested_cancel"] is True
    assert orders["112-7038815-6620147"]["ship_by_text"] == "Fri, Dec 6, 2019 to Sun, Dec 8, 2019"
    assert sc.parse_ship_by(orders["112-7038815-6620147"]["ship_by_text"]) == (
        date(2019, 12, 6),
        date(2019, 12, 8),
    )
    assert orders["112-0471839-5526643"]["ship_by_text"] == "Currently unavailable"
    assert orders["113-9904152-3068871"]["fulfillment"] == "Amazon"
    assert orders["111-5592047-9903416"]["status_text"] == "Shipped"
    assert orders["114-3316690-1287254"]["status_text"] == "Canceled"
    assert orders["114-1849306-4473129"]["status_text"] == "Pending"
    assert orders["112-6610478-3398251"]["ship_by_text"] == "Thu, Dec 5, 2019"
    assert sum(o["buyer_requested_cancel"] for o in orders.values()) == 1
    assert [o["fulfillment"] for o in orders.values()].count("Amazon") == 1


def test_status_modifier_classes():
    root = _dom(UNSHIPPED)
    mods = {
        "Unshipped": "unshipped-status",
        "Pending": "pending-status",
        "Shipped": "shipped-status",
        "Canceled": "canceled-status",
    }
    statuses = root.find_all(lambda n: "main-status" in n.classes)
    assert {s.text() for s in statuses} == set(mods)
    for s in statuses:
        assert mods[s.text()] in s.classes


def test_ship_by_markup_varies():
    html = sc.render_fixture(UNSHIPPED, NOW)
    table = html.split('<template id="page-1-rows">')[0]
    # label and value in one text node
    assert re.search(r'<div class="a-row">Ship by date: (Mon|Tue|Wed|Thu|Fri|Sat|Sun), ', table)
    # label and value in separate elements
    assert '<span class="a-text-bold">Ship by date:</span> <span>' in table
    # React SSR comment separators and &nbsp; separator
    assert "Ship by date:<!-- --> <!-- -->" in table
    assert '<span class="a-color-secondary">Ship by date:</span>&nbsp;' in table


def _shape(node):
    parts = []
    for child in node.children:
        if isinstance(child, str):
            parts.append("#text")
        else:
            parts.append((child.tag, child.attrs.get("class", ""), tuple(_shape(child))))
    return parts


def test_first_two_order_rows_have_the_same_shape():
    """#rerender-in-place swaps text nodes/hrefs of the first two order rows in place,
    which needs identical markup shapes (else it falls back to innerHTML)."""
    rows = [
        r for r in _tbody_rows(_dom(UNSHIPPED)) if r.find(lambda n: "cell-body-title" in n.classes)
    ]
    assert _shape(rows[0]) == _shape(rows[1])
    kinds = [sc.expected_kind(o, NOW) for o in sc.fixture_orders(UNSHIPPED, NOW)[:2]]
    assert kinds == ["due-soon", "late"]


# ---------------------------------------------------------------- other fixtures


def test_empty_fixture():
    root = _dom(EMPTY)
    heading = root.find(lambda n: "total-orders-heading" in n.classes)
    assert heading.text().strip() == "0 orders"
    assert _tbody_rows(root) == []
    assert root.find(lambda n: "myo-empty-state" in n.classes).text().count("No orders found") == 1
    assert sc.fixture_orders(EMPTY, NOW) == []


def test_unknown_layout_fixture():
    html = sc.render_fixture(UNKNOWN, NOW)
    root = sc.parse_html(html, strict=True)
    assert _by_id(root, "orders-table") is None
    assert root.find(lambda n: n.tag in ("table", "tbody", "tr")) is None
    assert "data-test-id" not in html and "main-status" not in html
    assert "total-orders-heading" not in html
    orders = sc.fixture_orders(UNKNOWN, NOW)
    assert {o["order_id"]: sc.expected_kind(o, NOW) for o in orders} == EXPECTED_UNKNOWN
    assert all(o["fulfillment"] == "Seller" and o["status_text"] == "Unshipped" for o in orders)


# ---------------------------------------------------------------- routing (fake context)


class _Request:
    def __init__(self, url):
        self.url = url


class _Route:
    def __init__(self, url):
        self.request = _Request(url)
        self.answer = None

    def fulfill(self, **kw):
        self.answer = kw

    def fallback(self):
        self.answer = "fallback"


class _Context:
    def __init__(self):
        self.routes = []

    def route(self, pattern, handler):
        self.routes.append((pattern, handler))


def test_install_routes_sync():
    ctx = _Context()
    sc.install_routes(
        ctx, {"/orders-v3/mfn/unshipped": UNSHIPPED, "/orders-v3/mfn/empty": EMPTY}, now=NOW
    )
    [(pattern, handler)] = ctx.routes
    assert pattern.match("https://sellercentral.amazon.com/orders-v3")
    assert pattern.match("https://sellercentral-europe.amazon.com/orders-v3")
    assert pattern.match("https://sellercentral.amazon.co.jp/orders-v3")
    assert not pattern.match("https://www.amazon.com/dp/B08KT3MZ7Q")
    assert not pattern.match("http://127.0.0.1:5000/api/v1/bundle")

    def get(url):
        route = _Route(url)
        handler(route)
        return route.answer

    ok = get("https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1&sort=ship_by_asc")
    assert ok["status"] == 200 and ok["content_type"] == "text/html; charset=utf-8"
    assert ok["body"] == sc.render_fixture(UNSHIPPED, NOW)
    assert "0 orders" in get("https://sellercentral.amazon.com/orders-v3/mfn/empty")["body"]
    for url in (
        "https://sellercentral.amazon.com/favicon.ico",
        "https://sellercentral.amazon.com/orders-v3",
        "https://sellercentral.amazon.com/orders-api/search?limit=15",
    ):
        miss = get(url)
        assert miss["status"] == 404 and miss["content_type"].startswith("text/plain")


def test_install_routes_default_pages():
    ctx = _Context()
    sc.install_routes(ctx, now=NOW)
    _, handler = ctx.routes[0]
    for path in sc.FIXTURE_ROUTES:
        route = _Route(f"https://sellercentral.amazon.com{path}?page=2")
        handler(route)
        assert route.answer["status"] == 200
        assert "orders-table" in route.answer["body"]


def test_install_routes_serves_several_hosts_full_urls_and_json():
    ctx = _Context()
    table = {
        "/orders-v3/mfn/unshipped": UNSHIPPED,
        "https://sellercentral.amazon.de/orders-v3/mfn/unshipped": "orders-list-de.html",
        "/orders-api/search": "orders-api-search-us.json",
        "/orders-api/search?offset=15": "orders-api-search-us-page2.json",
    }
    sc.install_routes(ctx, table, now=NOW)
    [(pattern, handler)] = ctx.routes

    def get(url):
        assert pattern.match(url)
        route = _Route(url)
        handler(route)
        return route.answer

    assert get("https://sellercentral.amazon.com/orders-v3/mfn/unshipped")[
        "body"
    ] == sc.render_fixture(UNSHIPPED, NOW)
    de = get("https://sellercentral.amazon.de/orders-v3/mfn/unshipped/?page=1")
    assert de["status"] == 200 and 'lang="de-DE"' in de["body"]
    # JSON: content type, and the most specific key (query subset) wins.
    page1 = get(
        "https://sellercentral.amazon.com/orders-api/search?limit=15&offset=0&sort=ship_by_asc"
    )
    assert page1["content_type"] == "application/json; charset=utf-8"
    assert json.loads(page1["body"])["offset"] == 0
    page2 = get(
        "https://sellercentral.amazon.com/orders-api/search?limit=15&offset=15&sort=ship_by_asc"
    )
    assert json.loads(page2["body"])["offset"] == 15
    # Hosts the table serves answer 404 for the rest; other Seller Central hosts fall through.
    assert get("https://sellercentral.amazon.de/favicon.ico")["status"] == 404
    assert get("https://sellercentral.amazon.com/orders-v3/mfn/shipped")["status"] == 404
    assert get("https://sellercentral.amazon.fr/orders-v3/mfn/unshipped") == "fallback"
    # The table is live: new keys (and hosts) work after installing.
    table["https://sellercentral.amazon.fr/orders-v3/mfn/unshipped"] = "orders-list-fr.html"
    table["/orders-v3/order/" + US_LATE] = "order-details-us-late.html"
    assert 'lang="fr-FR"' in get("https://sellercentral.amazon.fr/orders-v3/mfn/unshipped")["body"]
    assert (
        "order-details-label"
        in get(f"https://sellercentral.amazon.com/orders-v3/order/{US_LATE}")["body"]
    )


def test_install_routes_once_per_origin():
    ctx = _Context()
    sc.install_routes(ctx, {"/orders-v3/mfn/unshipped": UNSHIPPED}, now=NOW)
    sc.install_routes(
        ctx,
        {"/orders-v3/mfn/unshipped": "orders-list-uk.html"},
        now=NOW,
        origin="https://sellercentral.amazon.co.uk",
    )
    sc.install_routes(
        ctx,
        {"/orders-v3/mfn/unshipped": EMPTY, "/orders-v3/fba/all": "orders-list-fba.html"},
        now=NOW,
    )
    [(pattern, handler)] = ctx.routes  # one Playwright route, several tables

    def get(url):
        route = _Route(url)
        handler(route)
        return route.answer

    assert (
        "0 orders" in get("https://sellercentral.amazon.com/orders-v3/mfn/unshipped")["body"]
    )  # later table first
    assert (
        'lang="en-GB"' in get("https://sellercentral.amazon.co.uk/orders-v3/mfn/unshipped")["body"]
    )
    assert (
        "Fulfillment method:" in get("https://sellercentral.amazon.com/orders-v3/fba/all")["body"]
    )
    assert get("https://sellercentral.amazon.co.uk/orders-v3/fba/all")["status"] == 404


def test_lookup_fixture_specificity():
    table = {
        "/orders-api/search": "a.json",
        "/orders-api/search?offset=15": "b.json",
        "/orders-api/search?offset=15&sort=x": "c.json",
        sc.ORIGIN + "/orders-api/search": "d.json",
    }
    assert sc.lookup_fixture(table, sc.ORIGIN + "/orders-api/search?offset=0") == "d.json"
    del table[sc.ORIGIN + "/orders-api/search"]
    assert sc.lookup_fixture(table, sc.ORIGIN + "/orders-api/search?offset=0") == "a.json"
    assert sc.lookup_fixture(table, sc.ORIGIN + "/orders-api/search?limit=15&offset=15") == "b.json"
    assert sc.lookup_fixture(table, sc.ORIGIN + "/orders-api/search?sort=x&offset=15") == "c.json"
    assert sc.lookup_fixture(table, "https://sellercentral.amazon.de/orders-api/search") is None


def test_expectation_routes_cover_every_page():
    routes = sc.expectation_routes()
    assert routes[sc.ORIGIN + "/orders-v3/mfn/unshipped"] == UNSHIPPED  # not a variant
    assert (
        routes["https://sellercentral-europe.amazon.com/orders-v3/mfn/unshipped"]
        == "orders-list-europe.html"
    )
    assert (
        routes[
            f"https://sellercentral.amazon.de/messaging/contact?orderID={DE_DUE}&marketplaceID=A1PA6795UKMFR9"
        ]
        == "contact-buyer-de.html"
    )
    url = f"https://sellercentral.amazon.de/messaging/contact?marketplaceID=A1PA6795UKMFR9&orderID={DE_DUE}&ref=x"
    assert sc.lookup_fixture(routes, url) == "contact-buyer-de.html"
    assert set(routes.values()) == {
        n
        for n in sc.fixtures_with_expectations()
        if not sc.fixture_expectations(n).get("variant_of")
    } - {EMPTY, UNKNOWN}
    for name, path in sc.API_ROUTES.items():
        assert (
            sc.fixture_url(path) == sc.ORIGIN + sc.fixture_expectations(path)["path"] or "?" in name
        )


# ---------------------------------------------------------------- locale tokens

BERLIN = "<!-- shipguard-fixture zone=Europe/Berlin style=de -->\n"
TOKYO = "<!-- shipguard-fixture zone=Asia/Tokyo style=ja -->\n"
LONDON = "<!-- shipguard-fixture zone=Europe/London style=uk -->\n"
PARIS = "<!-- shipguard-fixture zone=Europe/Paris style=fr -->\n"


@pytest.mark.parametrize(
    ("decl", "now", "token", "expected"),
    [
        # Explicit styles, zone from the declaration (default Los Angeles).
        ("", NOW, "{{date:0|us}}", "Thu, Dec 5, 2019"),
        ("", NOW, "{{date:0|uk}}", "Thu, 5 Dec 2019"),
        ("", NOW, "{{date:0|de}}", "05.12.2019"),
        ("", NOW, "{{date:0|de-wd}}", "Do., 05.12.2019"),
        ("", NOW, "{{date:0|fr}}", "jeu. 5 déc. 2019"),
        ("", NOW, "{{date:0|ja}}", "2019年12月5日(木)"),
        ("", NOW, "{{date:-2|de}} bis {{date:0|de}}", "03.12.2019 bis 05.12.2019"),
        ("", NOW, "{{date:+27|fr}}", "mer. 1 janv. 2020"),
        (
            "",
            datetime(2021, 3, 1, 20, tzinfo=timezone.utc),
            "{{date:0|fr}} {{date:+61|fr}} {{date:+153|fr}}",
            "lun. 1 mars 2021 sam. 1 mai 2021 dim. 1 août 2021",
        ),
        ("", datetime(2021, 3, 1, 20, tzinfo=timezone.utc), "{{date:0|uk}}", "Mon, 1 Mar 2021"),
        ("", datetime(2021, 3, 1, 20, tzinfo=timezone.utc), "{{date:+4|de}}", "05.03.2021"),
        # The declaration sets zone and default style.
        (BERLIN, NOW, "{{date:0}}", "05.12.2019"),
        (BERLIN, datetime(2019, 12, 5, 23, 30, tzinfo=timezone.utc), "{{date:0}}", "06.12.2019"),
        (BERLIN, NOW, "{{datetime:-1@08:27}}", "04.12.2019 08:27 MET"),
        (BERLIN, datetime(2021, 7, 1, 10, tzinfo=timezone.utc), "{{time:0@14:05}}", "14:05 MEST"),
        (BERLIN, NOW, "{{datetime:-1|de-wd}}", "Mi., 04.12.2019 08:27 MET"),
        (BERLIN, NOW, "{{age:-1@20:00}}", "vor 1 Tag"),
        (BERLIN, NOW, "{{age:0@12:00}}", "vor 9 Stunden"),
        (BERLIN, NOW, "{{age:-3}}", "vor 3 Tagen"),
        (BERLIN, NOW, "{{age:0@20:59}}", "vor 1 Minute"),
        (BERLIN, NOW, "{{date:0|uk|tz=Europe/London}}", "Thu, 5 Dec 2019"),
        (LONDON, NOW, "{{datetime:-1@16:20}}", "Wed, 4 Dec 2019, 16:20 GMT"),
        (LONDON, datetime(2021, 7, 1, 10, tzinfo=timezone.utc), "{{time:0@9:05}}", "09:05 BST"),
        (PARIS, NOW, "{{datetime:-1@10:25}}", "mer. 4 déc. 2019 10:25 CET"),
        (PARIS, NOW, "{{age:-3}}", "il y a 3 jours"),
        (PARIS, NOW, "{{age:0@20:00}}", "il y a 1 heure"),
        # JST: 15:00 UTC on May 19 is already May 20 in Tokyo.
        (
            TOKYO,
            datetime(2021, 5, 19, 14, 59, tzinfo=timezone.utc),
            "{{date:0}}",
            "2021年5月19日(水)",
        ),
        (
            TOKYO,
            datetime(2021, 5, 19, 15, 0, tzinfo=timezone.utc),
            "{{date:0}}",
            "2021年5月20日(木)",
        ),
        (
            TOKYO,
            datetime(2021, 5, 20, 3, tzinfo=timezone.utc),
            "{{datetime:-1@23:45}}",
            "2021年5月19日(水) 23:45 JST",
        ),
        (
            TOKYO,
            datetime(2021, 5, 20, 3, tzinfo=timezone.utc),
            "{{date:+1}}～{{date:+3}}",
            "2021年5月21日(金)～2021年5月23日(日)",
        ),
        (TOKYO, datetime(2021, 5, 20, 3, tzinfo=timezone.utc), "{{age:-1@23:45}}", "12時間前"),
        (TOKYO, datetime(2021, 5, 20, 3, tzinfo=timezone.utc), "{{age:-2}}", "2日前"),
        # Berlin DST starts Sun Mar 28 2021 at 01:00 UTC (02:00 CET -> 03:00 CEST).
        (BERLIN, datetime(2021, 3, 27, 22, 59, tzinfo=timezone.utc), "{{date:0}}", "27.03.2021"),
        (BERLIN, datetime(2021, 3, 27, 23, 0, tzinfo=timezone.utc), "{{date:0}}", "28.03.2021"),
        (
            BERLIN,
            datetime(2021, 3, 28, 12, tzinfo=timezone.utc),
            "{{datetime:-1@09:00}} | {{datetime:0@09:00}}",
            "27.03.2021 09:00 MET | 28.03.2021 09:00 MEST",
        ),
        # Old tokens keep the US style.
        (BERLIN, NOW, "{{date:0|us}}", "Thu, Dec 5, 2019"),
    ],
)
def test_locale_token_formatting(decl, now, token, expected):
    assert sc.render_text(f"{decl}<p>{token}</p>", now) == f"<p>{expected}</p>"


def _utc(y, mo, d, h=0, mi=0, s=0):
    return datetime(y, mo, d, h, mi, s, tzinfo=timezone.utc).timestamp()


@pytest.mark.parametrize(
    ("decl", "now", "token", "expected"),
    [
        # Los Angeles (PST = UTC-8): Dec 5 2019 ends at 07:59:59 UTC on Dec 6.
        ("", NOW, "{{epoch_end:0}}", f"{_utc(2019, 12, 6, 7, 59, 59):.1f}"),
        ("", NOW, "{{epoch_end:+0}}", "1575619199.0"),
        ("", NOW, "{{epoch_start:0}}", "1575532800.0"),
        ("", NOW, "{{epoch_end:-1}}", "1575532799.0"),
        ("", NOW, "{{epoch:-1@10:14}}", f"{_utc(2019, 12, 4, 18, 14):.1f}"),
        ("", NOW, "{{epoch_now:0}}", f"{_utc(2019, 12, 5, 20):.1f}"),
        ("", NOW, "{{epoch_now:-3}}", f"{_utc(2019, 12, 5, 17):.1f}"),
        ("", NOW, "{{epoch_now:-1.5}}", f"{_utc(2019, 12, 5, 18, 30):.1f}"),
        ("", NOW, "{{offset_ms}}", "-28800000"),
        ("", NOW, "{{tz_abbr}}", "PST"),
        ("", datetime(2021, 11, 18, 12, tzinfo=timezone.utc), "{{epoch_end:0}}", "1637308799.0"),
        ("", datetime(2021, 11, 17, 20, tzinfo=timezone.utc), "{{epoch_end:0}}", "1637222399.0"),
        # US DST ends Sun Nov 7 2021: the offset on day N is that day's.
        (
            "",
            datetime(2021, 11, 6, 20, tzinfo=timezone.utc),
            "{{offset_ms}} {{offset_ms:+1}} {{tz_abbr:+1}}",
            "-25200000 -28800000 PST",
        ),
        # Berlin around the start of DST (Sun Mar 28 2021).
        (
            BERLIN,
            datetime(2021, 3, 27, 12, tzinfo=timezone.utc),
            "{{offset_ms}} {{tz_abbr}}",
            "3600000 CET",
        ),
        (
            BERLIN,
            datetime(2021, 3, 27, 12, tzinfo=timezone.utc),
            "{{offset_ms:+1}} {{tz_abbr:+1}}",
            "7200000 CEST",
        ),
        (
            BERLIN,
            datetime(2021, 3, 28, 0, 30, tzinfo=timezone.utc),
            "{{offset_ms}}",
            "7200000",
        ),  # 01:30 CET, today
        (
            BERLIN,
            datetime(2021, 3, 28, 0, 30, tzinfo=timezone.utc),
            "{{epoch_start:0}}",
            f"{_utc(2021, 3, 27, 23):.1f}",
        ),
        (
            BERLIN,
            datetime(2021, 3, 28, 0, 30, tzinfo=timezone.utc),
            "{{epoch_end:0}}",
            f"{_utc(2021, 3, 28, 21, 59, 59):.1f}",
        ),
        (
            TOKYO,
            datetime(2021, 5, 19, 15, tzinfo=timezone.utc),
            "{{epoch_end:0}} {{offset_ms}} {{tz_abbr}}",
            f"{_utc(2021, 5, 20, 14, 59, 59):.1f} 32400000 JST",
        ),
        (
            "",
            NOW,
            "{{epoch_end:0|tz=Asia/Tokyo}}",
            f"{_utc(2019, 12, 6, 14, 59, 59):.1f}",
        ),  # Dec 6 in Tokyo
    ],
)
def test_epoch_and_offset_tokens(decl, now, token, expected):
    assert sc.render_text(decl + token, now) == expected


@pytest.mark.parametrize(
    "bad",
    [
        "{{date}}",
        "{{date:+1.5}}",
        "{{date:+1|xx}}",
        "{{date:+1|tz=Mars/Olympus}}",
        "{{epoch_end:+1|de}}",
        "{{epoch_end:+1@10:00}}",
        "{{epoch_start}}",
        "{{offset_ms@1:00}}",
        "{{date:+1|}}",
        "{{ epoch_now:x }}",
    ],
)
def test_bad_tokens_are_errors(bad):
    with pytest.raises(ValueError):
        sc.render_text(bad, NOW)


def test_declaration():
    info, rest = sc.split_declaration(
        "<!-- shipguard-fixture zone=Asia/Tokyo style=ja -->\n<!DOCTYPE html>"
    )
    assert info == sc.FixtureInfo("Asia/Tokyo", "ja") and rest == "<!DOCTYPE html>"
    info, rest = sc.split_declaration("/* shipguard-fixture zone=Europe/Paris */\n{}")
    assert info == sc.FixtureInfo("Europe/Paris", "us") and rest == "{}"
    assert sc.split_declaration("<!DOCTYPE html>") == (None, "<!DOCTYPE html>")
    for bad in (
        "<!-- shipguard-fixture zone=Nowhere/City -->",
        "<!-- shipguard-fixture style=xx -->",
        "<!-- shipguard-fixture colour=red -->",
    ):
        with pytest.raises(ValueError):
            sc.split_declaration(bad)
    # A declaration only counts on the first line.
    assert sc.render_text("<p></p>\n<!-- shipguard-fixture zone=Asia/Tokyo -->", NOW).endswith(
        "-->"
    )


@pytest.mark.parametrize("name", ALL)
def test_fixtures_declare_their_zone(name):
    info = sc.fixture_info(name)
    source = sc.fixture_source(name)
    assert sc.split_declaration(source)[0] is not None or "{{" not in source
    if sc.expectations_path(name).exists():
        expect = sc.fixture_expectations(name)
        # The orders' own marketplace where it differs from the page's (a UK order on .de).
        codes = set(expect.get("order_marketplaces", {}).values()) or {expect["marketplace"]}
        zones = {sc.MARKETPLACES[code or "DE"].zone for code in codes}
        assert info.zone in zones, name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thu, Dec 5, 2019", (date(2019, 12, 5), date(2019, 12, 5))),
        ("Fri, 6 Dec 2019 to Sat, 7 Dec 2019", (date(2019, 12, 6), date(2019, 12, 7))),
        ("03.12.2019 bis 05.12.2019", (date(2019, 12, 3), date(2019, 12, 5))),
        ("Mi., 04.12.2019", (date(2019, 12, 4), date(2019, 12, 4))),
        ("jeu. 5 déc. 2019", (date(2019, 12, 5), date(2019, 12, 5))),
        ("sam. 1 mars 2021", (date(2021, 3, 1), date(2021, 3, 1))),
        ("2021年5月19日(水)～2021年5月21日(金)", (date(2021, 5, 19), date(2021, 5, 21))),
        ("2021年5月19日(水)", (date(2021, 5, 19), date(2021, 5, 19))),
        ("Currently unavailable", None),
        ("Derzeit nicht verfügbar", None),
        ("05.12.2019 05.12.2019", None),
        ("31.02.2019", None),
        (None, None),
    ],
)
def test_parse_ship_by_all_styles(text, expected):
    assert sc.parse_ship_by(text) == expected


def test_format_round_trip_every_style_and_day():
    day = date(2020, 1, 1)
    while day.year == 2020:
        for style in sc.STYLES:
            assert sc.parse_ship_by(sc.format_date(day, style)) == (day, day), (style, day)
        day += timedelta(days=1)


# ---------------------------------------------------------------- sidecars

STATUSES = {"late", "due-soon", "on-track", "done", "unknown"}
KINDS = {
    "orders-list",
    "order-details",
    "confirm-shipment",
    "bulk-confirm-shipment",
    "contact-buyer",
    "orders-api",
}
SIDECAR_KEYS = {"origin", "path", "page_kind", "marketplace", "orders"}
OPTIONAL_KEYS = {
    "sections",
    "order_marketplaces",
    "source",
    "json",
    "seen_on",
    "variant_of",
    "note",
}
WITH_SIDECAR = tuple(n for n in sc.fixtures_with_expectations() if n not in INDEPENDENT)
NOWS = [
    NOW,
    datetime(
        2019, 12, 5, 23, 30, tzinfo=timezone.utc
    ),  # Berlin and Paris already on Dec 6, London not
    datetime(2019, 12, 6, 7, 30, tzinfo=timezone.utc),  # still Dec 5 in Los Angeles
    datetime(2021, 3, 27, 23, 30, tzinfo=timezone.utc),  # Berlin DST day
    datetime(2021, 3, 28, 1, 30, tzinfo=timezone.utc),
    datetime(2021, 5, 19, 15, 0, tzinfo=timezone.utc),  # Tokyo midnight
    datetime(2020, 11, 1, 8, 30, tzinfo=timezone.utc),  # LA DST end
    datetime(2020, 2, 29, 12, 0, tzinfo=timezone.utc),
    datetime(2021, 1, 1, 7, 59, tzinfo=timezone.utc),
    None,
]


def test_every_fixture_with_orders_has_a_sidecar():
    assert sc.SIGNIN_FIXTURE not in WITH_SIDECAR
    for name in set(ALL) - set(WITH_SIDECAR):
        assert not ORDER_LIKE.search(sc.render_fixture(name, NOW)), name
    new_pages = {f"orders-list-{m}.html" for m in ("uk", "de", "fr", "jp", "europe", "fba")}
    new_pages |= {
        f"order-details-{m}.html"
        for m in ("us-late", "us-ontrack", "us-shipped", "uk", "de", "fr", "jp", "unknown-layout")
    }
    new_pages |= {
        "confirm-shipment-us.html",
        "confirm-shipment-de.html",
        "contact-buyer-us.html",
        "contact-buyer-de.html",
        "orders-list-unshipped-json.html",
        "orders-list-unshipped-xhr.html",
    }
    assert new_pages | set(ORIGINAL) <= set(WITH_SIDECAR)
    for path in sc.FIXTURES_DIR.glob("*.expect.json"):
        stem = path.name[: -len(".expect.json")]
        assert (sc.FIXTURES_DIR / f"{stem}.html").exists() or (
            sc.FIXTURES_DIR / f"{stem}.json"
        ).exists(), path


def _adapter(kind):
    return json.loads((PAGES_DIR / f"{kind}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", WITH_SIDECAR)
def test_sidecar_format(name):
    expect = sc.fixture_expectations(name)
    assert SIDECAR_KEYS <= set(expect) <= SIDECAR_KEYS | OPTIONAL_KEYS
    assert expect["page_kind"] in KINDS
    assert (expect["page_kind"] == "orders-api") == name.endswith(".json")
    assert (
        sc.SELLER_CENTRAL_URL_RE.match(expect["origin"] + "/") and expect["origin"].count("/") == 2
    )
    host = expect["origin"].split("//")[1]
    if host == "sellercentral-europe.amazon.com":
        assert expect["marketplace"] is None
    else:
        assert sc.MARKETPLACES[expect["marketplace"]].host == host
    path, _, query = expect["path"].partition("?")
    assert any(re.search(p, path) for p in _adapter(expect["page_kind"])["url_patterns"]), path
    for statuses in [expect["orders"], *expect.get("sections", {}).values()]:
        assert set(statuses.values()) <= STATUSES
        assert all(sc.ORDER_ID_RE.match(i) for i in statuses)
    source = expect.get("source", "page")
    assert source in ("page", "json", "seen", "unreadable")
    assert ("json" in expect) == (source == "json") and ("seen_on" in expect) == (source == "seen")
    for other in expect.get("json", []) + [expect.get("seen_on"), expect.get("variant_of")]:
        assert other is None or other in ALL
    if expect["page_kind"] == "contact-buyer":
        params = dict(p.split("=") for p in query.split("&"))
        assert list(expect["orders"]) == [params["orderID"]]
        assert sc.marketplace_for_id(params["marketplaceID"]).code == expect["marketplace"]
    elif expect["page_kind"] in ("order-details", "confirm-shipment"):
        assert list(expect["orders"]) == [re.search(r"/order/([\d-]+)", path).group(1)]


@pytest.mark.parametrize("name", WITH_SIDECAR)
def test_sidecar_lists_exactly_the_orders_on_the_page(name):
    expect = sc.fixture_expectations(name)
    shown = [o["order_id"] for o in sc.page_orders(name, NOW)]
    assert len(shown) == len(set(shown))
    assert list(expect["orders"]) == shown  # same ids, page order
    for section, statuses in expect.get("sections", {}).items():
        assert list(statuses) == [
            o["order_id"] for o in sc.fixture_orders(name, NOW, section=section)
        ]
    if name.endswith(".html"):
        text = sc.render_fixture(name, NOW)
        assert set(ORDER_LIKE.findall(text)) == set(expect["orders"]).union(
            *expect.get("sections", {}).values()
        )


@pytest.mark.parametrize("now", NOWS, ids=lambda n: n.isoformat() if n else "real-now")
@pytest.mark.parametrize("name", WITH_SIDECAR)
def test_sidecar_statuses_hold_by_construction(name, now):
    expect = sc.fixture_expectations(name)
    assert sc.derived_statuses(name, now) == expect["orders"]
    for section, statuses in expect.get("sections", {}).items():
        assert sc.derived_statuses(name, now, section=section) == statuses


@pytest.mark.parametrize(
    "name", [n for n in WITH_SIDECAR if sc.fixture_expectations(n)["page_kind"] == "orders-list"]
)
def test_sidecar_marketplaces_follow_the_sales_channel(name):
    expect = sc.fixture_expectations(name)
    if expect.get("source") == "unreadable":
        return
    for order in sc.fixture_orders(name, NOW):
        want = expect.get("order_marketplaces", {}).get(order["order_id"], expect["marketplace"])
        assert order["marketplace"] == want, order["order_id"]
    if "order_marketplaces" in expect:
        assert set(expect["order_marketplaces"]) == set(expect["orders"])


NEW_LISTS = (
    "orders-list-uk.html",
    "orders-list-de.html",
    "orders-list-fr.html",
    "orders-list-jp.html",
    "orders-list-europe.html",
)


@pytest.mark.parametrize("name", NEW_LISTS + ("orders-list-fba.html",))
def test_new_lists_mix_the_situations(name):
    expect = sc.fixture_expectations(name)
    orders = sc.fixture_orders(name, NOW)
    assert 4 <= len(orders) <= 8
    assert sc.fixture_orders(name, NOW)[0]["href"].startswith("/orders-v3/order/")
    fba = [o for o in orders if (o["fulfillment"] or "").lower() == "amazon"]
    if name == "orders-list-fba.html":
        assert len(fba) == len(orders) and set(expect["orders"].values()) == {"done"}
        as_seller = {sc.expected_kind(dict(o, fulfillment="Seller"), NOW) for o in orders}
        assert as_seller >= {"late", "due-soon", "on-track"}  # the dates alone would say so
        return
    assert {"late", "due-soon", "on-track", "done"} <= set(expect["orders"].values())
    assert len(fba) == 1
    assert any(expect["orders"][o["order_id"]] == "done" for o in orders if o not in fba)
    windows = [sc.parse_ship_by(o["ship_by_text"]) for o in orders]
    has_range = any(w and w[0] != w[1] for w in windows)
    assert has_range or name in ("orders-list-fr.html", "orders-list-europe.html")


def test_europe_rows_cover_four_marketplaces_and_london():
    orders = sc.fixture_orders("orders-list-europe.html", NOW)
    assert {o["sales_channel"] for o in orders} == {
        "Amazon.de",
        "Amazon.fr",
        "Amazon.it",
        "Amazon.es",
        "Amazon.co.uk",
    }
    # 23:30 UTC: Berlin is on the next day, London not; the UK row is still due today.
    late_evening = datetime(2019, 12, 5, 23, 30, tzinfo=timezone.utc)
    statuses = sc.derived_statuses("orders-list-europe.html", late_evening)
    assert statuses["206-8109643-3838112"] == "due-soon"
    uk_row = next(
        o
        for o in sc.fixture_orders("orders-list-europe.html", late_evening)
        if o["marketplace"] == "UK"
    )
    assert (
        sc.expected_status(dict(uk_row, zone="Europe/Berlin"), late_evening) == "late"
    )  # the wrong zone


# ---------------------------------------------------------------- page JSON

EPOCH_FIELDS = (
    "orderDate",
    "purchaseDate",
    "earliestShipDate",
    "latestShipDate",
    "earliestDeliveryDate",
    "latestDeliveryDate",
    "cancellationDate",
)


def _json_orders(name, now=NOW):
    data = sc.render_json_fixture(name, now)
    return data["orders"] if "orders" in data else [data["order"]]


def test_json_fixtures_are_the_captured_bodies_rebuilt():
    """Every orders-api fixture is what order_bodies.py builds from the captured bodies."""
    built = order_bodies.fixtures()
    assert {n for n in built if not n.endswith(".expect.json")} == set(JSON_FIXTURES)
    for name, text in built.items():
        assert (sc.FIXTURES_DIR / name).read_text(encoding="utf-8") == text, (
            f"{name} differs: run python tests/support/order_bodies.py"
        )


def _keys(value, prefix=""):
    """Every key path of a JSON value, list items merged: the body's shape."""
    if isinstance(value, dict):
        return {p for k, v in value.items() for p in {prefix + k} | _keys(v, prefix + k + ".")}
    if isinstance(value, list):
        return set().union(*(_keys(v, prefix) for v in value)) if value else set()
    return set()


@pytest.mark.parametrize("now", [NOW, datetime(2021, 3, 28, 0, 30, tzinfo=timezone.utc), None])
@pytest.mark.parametrize("name", JSON_FIXTURES)
def test_json_fixture_shape(name, now):
    text = sc.render_fixture(name, now)
    data = json.loads(text)
    captured_path = (
        order_bodies.CAPTURED_SEARCH
        if name.startswith("orders-api-search")
        else order_bodies.CAPTURED_ORDER
    )
    captured = json.loads(captured_path.read_text(encoding="utf-8"))
    # The captured shape, key for key (an order without ship dates has fewer zone entries).
    assert _keys(data) <= _keys(captured)
    assert set(data) == set(captured)
    for order in _json_orders(name, now):
        for field in EPOCH_FIELDS:
            value = order.get(field)
            assert value is None or (isinstance(value, float) and value > 1.5e9), (field, value)
            if value is not None and field in order["timeZoneDetailsMap"]:
                zone = order["timeZoneDetailsMap"][field]
                assert isinstance(zone["offset"], int) and zone["offset"] % 900000 == 0
                local = datetime.fromtimestamp(value, timezone.utc) + timedelta(
                    milliseconds=zone["offset"]
                )
                if field == "latestShipDate":
                    assert local.time().isoformat() == "23:59:59"
                if field == "earliestShipDate":
                    # The zone entry is the day's noon offset: on a spring-forward day
                    # (London, 2021-03-28) midnight reads an hour later.
                    assert local.time().isoformat() in ("00:00:00", "01:00:00")
    # Epoch seconds are written as floats ("1637222399.0"), never as strings or ints.
    assert re.search(r'"latestShipDate": \d{10}\.0[,\n]', text)
    assert not re.search(r'"(orderDate|purchaseDate|latestShipDate)": "?\d{10}"?[,\n]', text)


def test_search_json_matches_the_list_page():
    rows = {o["order_id"]: o for o in sc.fixture_orders(UNSHIPPED, NOW)}
    page1 = {o["amazonOrderId"]: o for o in _json_orders("orders-api-search-us.json")}
    assert list(page1) == list(rows)
    page2 = [o["amazonOrderId"] for o in _json_orders("orders-api-search-us-page2.json")]
    assert page2 == [
        o["order_id"] for o in sc.fixture_orders(UNSHIPPED, NOW, section="page-2-rows")
    ]
    status_text = {
        "Unshipped": "Unshipped",
        "Shipped": "Shipped",
        "Canceled": "Canceled",
        "Pending": "Pending",
    }
    disagree = []
    for order_id, row in rows.items():
        js = page1[order_id]
        assert status_text[js["orderFulfillmentStatus"]] == row["status_text"]
        assert js["isMerchantFulfilled"] == (row["fulfillment"] == "Seller")
        assert js["orderItems"][0]["quantityOrdered"] > 0
        window = sc.parse_ship_by(row["ship_by_text"])
        if window is None:
            assert js["latestShipDate"] is None
            continue
        zone = js["timeZoneDetailsMap"]["latestShipDate"]["offset"]
        day = (
            datetime.fromtimestamp(js["latestShipDate"], timezone.utc)
            + timedelta(milliseconds=zone)
        ).date()
        if day != window[1]:
            disagree.append((order_id, (day - window[1]).days))
    assert disagree == [("113-4729618-2041735", 2)]
    # Vary the actions: one unshipped order cannot buy shipping.
    no_buy = [
        o["amazonOrderId"]
        for o in page1.values()
        if o["orderFulfillmentStatus"] == "Unshipped"
        and o["isMerchantFulfilled"]
        and "buyShipping" not in o["actions"]
    ]
    assert no_buy == ["113-2957730-8146602"]
    dom = sc.fixture_expectations(UNSHIPPED)["orders"]
    from_json = sc.fixture_expectations("orders-api-search-us.json")["orders"]
    assert {k for k in dom if dom[k] != from_json[k]} == {"113-4729618-2041735"}
    assert (dom["113-4729618-2041735"], from_json["113-4729618-2041735"]) == ("late", "on-track")


def test_details_json_matches_the_late_details_page():
    [order] = _json_orders(f"orders-api-order-{US_LATE}.json")
    [page] = sc.page_orders("order-details-us-late.html", NOW)
    assert order["amazonOrderId"] == page["order_id"] == US_LATE
    assert [i["ASIN"] for i in order["orderItems"]] == ["B07ZQ3R2LM", "B08HMN4Y1T"]
    assert order["orderStatus"]["OrderStatus"] == "Unshipped" and order["orderStatus"]["Late"]
    assert sc.API_ROUTES[f"/orders-api/order/{US_LATE}"] == f"orders-api-order-{US_LATE}.json"


def test_signin_page_is_html_not_json():
    text = sc.render_fixture(sc.SIGNIN_FIXTURE, NOW)
    root = sc.parse_html(text, strict=True)
    assert root.find(lambda n: n.tag == "form" and n.attrs.get("name") == "signIn")
    assert root.find(lambda n: n.attrs.get("id") == "ap_password")
    with pytest.raises(json.JSONDecodeError):
        json.loads(text)
    assert not ORDER_LIKE.search(text)


@pytest.mark.parametrize(
    "variant", ["orders-list-unshipped-json.html", "orders-list-unshipped-xhr.html"]
)
def test_json_variants_are_the_list_page_plus_a_loader(variant):
    base = sc.render_fixture(UNSHIPPED, NOW)
    text = sc.render_fixture(variant, NOW)
    loader = re.search(r'<script id="orders-api-loader">.*?</script>\n', text, re.S).group(0)
    assert text.replace(loader, "") == base
    assert "/orders-api/search?limit=15&offset=" in loader and "(page - 1) * 15" in loader
    assert "DOMContentLoaded" in loader
    if variant.endswith("-xhr.html"):
        assert "XMLHttpRequest" in loader and 'type === "json"' in loader and 'sync("")' in loader
        assert "fetch(" not in loader
    else:
        assert "fetch(" in loader and "XMLHttpRequest" not in loader
    assert sc.fixture_expectations(variant)["variant_of"] == UNSHIPPED


# ---------------------------------------------------------------- other page kinds


@pytest.mark.parametrize(
    "name", [n for n in HTML if n.startswith("order-details-") and "unknown" not in n]
)
def test_order_details_structure(name):
    root = sc.parse_html(sc.render_fixture(name, NOW), strict=True)
    tid = lambda t: root.find_all(lambda n: n.attrs.get("data-test-id") == t)  # noqa: E731
    for test_id in (
        "order-details-label",
        "order-id-value",
        "order-summary-purchase-date-value",
        "order-summary-shipby-value",
        "order-summary-deliverby-value",
        "order-summary-shipping-service-value",
        "order-summary-fulfillment-channel-value",
        "order-summary-sales-channel-value",
        "buyer-name-with-link",
    ):
        assert len(tid(test_id)) == 1, test_id
    assert tid("order-id-value")[0].tag == "span"
    [buyer] = tid("buyer-name-with-link")
    assert buyer.tag == "a" and buyer.attrs["href"].startswith("/messaging/contact?orderID=")
    table = root.find(lambda n: n.tag == "table" and "a-keyvalue" in n.classes)
    cells = table.find_all(
        lambda n: n.tag == "td" and n.attrs.get("data-test-id") == "item-status-cell"
    )
    labels = table.find_all(lambda n: n.attrs.get("data-test-id") == "item-status-label")
    # Either variant on record: a status cell with .main-status, or an item-status-label.
    assert bool(cells) != bool(labels)
    assert all(c.find(lambda n: "main-status" in n.classes) for c in cells)
    shipped = "shipped" in name
    assert bool(tid("tracking-id-value")) == shipped
    assert bool(tid("buy-shipping-button")) == (not shipped)
    # label and value in separate elements
    value = tid("order-summary-shipby-value")[0]
    assert value.parent.tag == "td" and value.parent.parent.find(lambda n: n.tag == "th")


def test_order_details_variety():
    values = {
        n: sc.page_orders(n, NOW)[0]
        for n in HTML
        if n.startswith("order-details-") and "unknown" not in n
    }
    root = sc.parse_html(sc.render_fixture("order-details-us-ontrack.html", NOW))
    deliver_by = root.find(lambda n: n.attrs.get("data-test-id") == "order-summary-deliverby-value")
    assert deliver_by.text() == "Currently unavailable"
    assert (
        values["order-details-jp.html"]["ship_by_text"] == "2019年12月7日(土)～2019年12月8日(日)"
    )  # Tokyo
    assert values["order-details-us-shipped.html"]["status_text"] == "Shipped"


def test_unknown_order_details_layout():
    html = sc.render_fixture("order-details-unknown-layout.html", NOW)
    assert "data-test-id" not in html and "main-status" not in html and "a-keyvalue" not in html
    assert "114-2373629-7474259" in html
    assert sc.fixture_expectations("order-details-unknown-layout.html")["source"] == "unreadable"


@pytest.mark.parametrize(
    ("name", "other"),
    [("confirm-shipment-us.html", "Other"), ("confirm-shipment-de.html", "Andere")],
)
def test_confirm_shipment_structure(name, other):
    html = sc.render_fixture(name, NOW)
    root = sc.parse_html(html, strict=True)
    [form] = root.find_all(lambda n: n.tag == "form")
    tid = lambda t: form.find(lambda n: n.attrs.get("data-test-id") == t)  # noqa: E731
    select = tid("tvs-carrier-dropdown").find(lambda n: n.tag == "select")
    options = [(o.attrs["value"], o.text()) for o in select.find_all(lambda n: n.tag == "option")]
    assert options[0][0] == "" and options[-1] == ("Other", other)
    assert all(v == t for v, t in options[1:-1])
    carriers = {v for v, _ in options[1:-1]}
    assert carriers == (
        {"UPS", "USPS", "FedEx", "DHL", "Amazon Logistics"}
        if "us" in name
        else {"DHL", "Deutsche Post", "DPD", "Hermes", "GLS", "UPS"}
    )
    carrier_input = tid("text-input-carrier")
    assert carrier_input.tag == "input" and "hidden" in carrier_input.parent.attrs
    assert tid("shipping-service").tag == "input" and tid("text-input-tracking-id").tag == "input"
    assert tid("confirm-shipment-button-action").attrs["type"] == "submit"
    assert "window.__fixtureSubmits" in html and "preventDefault" in html


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("contact-buyer-us.html", "Notify of a problem with shipping your order"),
        ("contact-buyer-de.html", "Über ein Problem beim Versand Ihrer Bestellung informieren"),
    ],
)
def test_contact_buyer_structure(name, reason):
    html = sc.render_fixture(name, NOW)
    root = sc.parse_html(html, strict=True)
    [app] = root.find_all(lambda n: n.attrs.get("id") == "ayb-contact-buyer")
    radios = app.find_all(lambda n: n.tag == "kat-radiobutton")
    assert reason in [r.attrs["label"] for r in radios] and len(radios) == 5
    assert all(r.attrs["value"] for r in radios)
    area = app.find(lambda n: "contact-buyer-text-area" in n.classes)
    assert area.find(lambda n: n.tag == "kat-textarea")
    send = app.find(lambda n: n.tag == "kat-button")
    assert "ayb-contact-form-send-button" in send.classes
    for needle in (
        'attachShadow({ mode: "open" })',
        'part="textarea"',
        "window.__fixtureForm",
        "customElements.define",
    ):
        assert needle in html
