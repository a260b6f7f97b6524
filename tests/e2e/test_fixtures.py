"""The Seller Central fixtures are well-formed and say what the browser tests expect.

Plain pytest, no browser.
"""

import re
from datetime import date, datetime, timezone

import pytest

import sellercentral as sc

UNSHIPPED = "orders-list-unshipped.html"
EMPTY = "orders-list-empty.html"
UNKNOWN = "orders-list-unknown-layout.html"
ALL = (UNSHIPPED, EMPTY, UNKNOWN)

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
        (datetime(2020, 7, 1, 19, 0, tzinfo=timezone.utc), "{{datetime:-1}}",
         "Tue, Jun 30, 2020, 8:27 AM PDT"),
        # DST starts on Sun Mar 8 2020: the day before is PST, that day PDT.
        (datetime(2020, 3, 8, 19, 0, tzinfo=timezone.utc), "{{datetime:-1}}",
         "Sat, Mar 7, 2020, 8:27 AM PST"),
        (datetime(2020, 3, 8, 19, 0, tzinfo=timezone.utc), "{{datetime:0}}",
         "Sun, Mar 8, 2020, 8:27 AM PDT"),
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
    html = sc.render_fixture(name, now)
    assert "{{" not in html and "}}" not in html
    sc.parse_html(html, strict=True)  # balanced tags


@pytest.mark.parametrize("name", ALL)
def test_fixture_is_self_contained(name):
    html = sc.render_fixture(name, NOW)
    root = sc.parse_html(html, strict=True)
    for link in root.find_all(lambda n: n.tag == "link"):  # only the inline favicon
        assert link.attrs == {"rel": "icon", "href": "data:,"}
    assert all("src" not in n.attrs for n in root.find_all(lambda n: n.tag == "script"))
    for img in root.find_all(lambda n: n.tag == "img"):
        assert img.attrs["src"].startswith("data:")
    assert "@import" not in html and not re.search(r"url\(\s*['\"]?https?:", html)
    assert root.find(lambda n: n.tag == "html").attrs["lang"] == "en-US"
    assert len(root.find_all(lambda n: n.attrs.get("id") == "MYO-app")) == 1


def test_order_ids_valid_and_unique_across_fixtures():
    seen = {}
    raw_ids = set()
    for name in ALL:
        text = sc.render_fixture(name, NOW)
        # Anything that looks like an order id must be one.
        for candidate in re.findall(r"\b\d{3}-\d{4,}-\d{4,}\b", text):
            assert sc.ORDER_ID_RE.match(candidate), candidate
            raw_ids.add(candidate)
    sections = [(UNSHIPPED, None), (UNSHIPPED, "page-2-rows"), (UNKNOWN, None), (EMPTY, None)]
    for name, section in sections:
        for order in sc.fixture_orders(name, NOW, section=section):
            assert sc.ORDER_ID_RE.match(order["order_id"])
            assert order["href"] == f"/orders-v3/order/{order['order_id']}"
            assert order["order_id"] not in seen, (order["order_id"], seen.get(order["order_id"]))
            seen[order["order_id"]] = (name, section)
    assert set(seen) == raw_ids
    assert len(seen) == 17


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
    assert notices[0].find(lambda n: n.tag == "a" and "/orders-v3/order/" in n.attrs.get("href", "")) is None
    for row in rows:
        if row in notices:
            continue
        ids = {n.attrs["data-test-id"] for n in row.iter() if "data-test-id" in n.attrs and n.tag == "td"}
        assert {"oth-order-date", "oth-order-details", "oth-product-info", "oth-customer-option",
                "oth-order-status"} <= ids
        assert row.find(lambda n: n.tag == "td" and "myo-table-action-column" in n.classes)
        assert row.find(lambda n: n.attrs.get("data-test-id") == "buyer-name-with-link")
        assert row.find(lambda n: "order-status-column" in n.classes).find(
            lambda n: "main-status" in n.classes)
        assert row.find(lambda n: "secondary-status" in n.classes)
        details = row.find(lambda n: n.attrs.get("data-test-id") == "oth-order-details").lines()
        assert any(x.startswith("Buyer name:") for x in details)
        assert "Sales channel: Amazon.com" in details
        product = " ".join(row.find(lambda n: n.attrs.get("data-test-id") == "oth-product-info").lines())
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
    for now in (datetime.now(timezone.utc), datetime(2020, 3, 8, 7, 59, tzinfo=timezone.utc),
                datetime(2020, 11, 1, 8, 30, tzinfo=timezone.utc),
                datetime(2021, 1, 1, 7, 59, tzinfo=timezone.utc)):
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
        "buyer_requested_cancel": False,
    }
    assert orders["113-4729618-2041735"]["ship_by_text"] == "Wed, Dec 4, 2019"
    assert orders["114-0385162-7719420"]["ship_by_text"] == "Mon, Dec 2, 2019"
    assert orders["114-0385162-7719420"]["buyer_requested_cancel"] is True
    assert orders["112-7038815-6620147"]["ship_by_text"] == "Fri, Dec 6, 2019 to Sun, Dec 8, 2019"
    assert sc.parse_ship_by(orders["112-7038815-6620147"]["ship_by_text"]) == (
        date(2019, 12, 6), date(2019, 12, 8))
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
    mods = {"Unshipped": "unshipped-status", "Pending": "pending-status",
            "Shipped": "shipped-status", "Canceled": "canceled-status"}
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
    rows = [r for r in _tbody_rows(_dom(UNSHIPPED)) if r.find(lambda n: "cell-body-title" in n.classes)]
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



class _Context:
    def __init__(self):
        self.routes = []

    def route(self, pattern, handler):
        self.routes.append((pattern, handler))



def test_install_routes_sync():
    ctx = _Context()
    sc.install_routes(ctx, {"/orders-v3/mfn/unshipped": UNSHIPPED, "/orders-v3/mfn/empty": EMPTY}, now=NOW)
    [(pattern, handler)] = ctx.routes
    assert pattern == "https://sellercentral.amazon.com/**"

    def get(url):
        route = _Route(url)
        handler(route)
        return route.answer

    ok = get("https://sellercentral.amazon.com/orders-v3/mfn/unshipped?page=1&sort=ship_by_asc")
    assert ok["status"] == 200 and ok["content_type"] == "text/html; charset=utf-8"
    assert ok["body"] == sc.render_fixture(UNSHIPPED, NOW)
    assert "0 orders" in get("https://sellercentral.amazon.com/orders-v3/mfn/empty")["body"]
    for url in ("https://sellercentral.amazon.com/favicon.ico",
                "https://sellercentral.amazon.com/orders-v3",
                "https://sellercentral.amazon.com/orders-api/search?limit=15"):
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
