"""The orders app's real order body (built from the captured one) decides what every page
about one order shows; page scripts cannot forge it."""

import json
import re
from datetime import datetime, timezone

import pytest
from overlay import host, overlay_state, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import (
    ORIGIN,
    expectation_routes,
    fixture_expectations,
    fixture_url,
    render_json_fixture,
)

US_LATE = "113-9703439-6162920"
DE_DUE = "305-9308558-3925690"
ORDER_URL = f"/orders-api/order/{US_LATE}"
ORDER_BODY_URL = ORIGIN + ORDER_URL  # where the tests below swap in another case's body
#: The pages about the late US order; none of them has a loader, so the test fetches the
#: body from the page itself, as the orders app does.
SINGLE_ORDER_PAGES = (
    "order-details-us-late.html",
    "confirm-shipment-us.html",
    "contact-buyer-us.html",
)


@pytest.fixture
def all_pages(pages):
    pages.update(expectation_routes())
    return pages


def open_page(context, name):
    page = context.new_page()
    page.goto(fixture_url(name))
    wait_for_overlays(page, 1)
    return page


def app_fetches(page, path):
    """The page's own code fetches `path` (relative, as the orders app does)."""
    page.evaluate("path => fetch(path).then((r) => r.text())", path)


@pytest.mark.parametrize("name", SINGLE_ORDER_PAGES)
@pytest.mark.parametrize(
    "body",
    [
        "orders-api-order-us-shipped.json",
        "orders-api-order-us-canceled.json",
        "orders-api-order-us-fba.json",
    ],
)
def test_a_finished_order_shows_no_warning_on_any_page_about_it(
    browser_context, all_pages, name, body, page_errors
):
    all_pages[ORDER_BODY_URL] = body
    page = open_page(browser_context, name)
    app_fetches(page, ORDER_URL)
    badge = host(page, US_LATE)
    expect(badge).to_have_attribute("data-shipguard-status", "done")
    expect(badge).not_to_have_attribute("data-shipguard-deadline", "")
    assert badge.locator(".note").count() == 0  # confirm shipment's late warning is gone
    assert page.locator("shipguard-notice").count() == 0
    assert page_errors == []


def test_amazons_late_flag_keeps_a_late_order_late(browser_context, all_pages):
    page = open_page(browser_context, "order-details-us-late.html")
    app_fetches(page, ORDER_URL)
    badge = host(page, US_LATE)
    expect(badge).to_have_attribute("data-shipguard-status", "late")
    expected = fixture_expectations(f"orders-api-order-{US_LATE}.json")["orders"][US_LATE]
    assert badge.get_attribute("data-shipguard-status") == expected


def test_an_order_at_risk_of_cancellation_says_so(browser_context, all_pages):
    all_pages[ORDER_BODY_URL] = "orders-api-order-us-at-risk.json"
    page = open_page(browser_context, "order-details-us-late.html")
    app_fetches(page, ORDER_URL)
    badge = host(page, US_LATE)
    # Notes are a space-separated list: a carrier-holiday note may sit beside it on some days.
    expect(badge).to_have_attribute(
        "data-shipguard-notes", re.compile(r"(^| )at-risk-of-cancellation( |$)")
    )
    assert badge.get_attribute("data-shipguard-status") == "late"
    text = badge.evaluate("h => h.shadowRoot.querySelector('.badge').textContent")
    text = text.replace("\u00a0", " ")  # a count and its unit are joined by a no-break space
    assert text.startswith("At risk of cancellation · Late by 5 d"), text


def test_stock_is_checked_for_the_item_not_yet_shipped(browser_context, all_pages):
    all_pages[ORDER_BODY_URL] = "orders-api-order-us-one-item-shipped.json"
    page = open_page(browser_context, "order-details-us-late.html")
    app_fetches(page, ORDER_URL)
    badge = host(page, US_LATE)
    expect(badge).to_have_attribute("data-shipguard-status", "due-soon")
    # The page's markup said late, so the remedies opened at once: reopen them.
    expect(badge.locator(".panel")).to_be_visible()
    page.keyboard.press("Escape")
    expect(badge.locator(".panel")).to_be_hidden()
    badge.locator(".badge").click()
    stock = badge.locator('[data-shipguard-action="open-inventory-for-sku"]')
    expect(stock).to_be_visible()
    with browser_context.expect_page() as opened:
        stock.click()
    assert "searchTerm=LBD-SIL-2" in opened.value.url


def test_a_uk_order_on_the_german_host_keeps_its_own_deadline(browser_context, all_pages):
    body = "orders-api-order-uk-on-de.json"
    page = open_page(browser_context, "order-details-de.html")
    expect(host(page, DE_DUE)).to_have_attribute("data-shipguard-status", "due-soon")
    app_fetches(page, f"/orders-api/order/{DE_DUE}")
    expect(host(page, DE_DUE)).to_have_attribute(
        "data-shipguard-status", fixture_expectations(body)["orders"][DE_DUE]
    )
    order = render_json_fixture(body)["order"]
    deadline = datetime.fromtimestamp(order["latestShipDate"], timezone.utc)
    assert host(page, DE_DUE).get_attribute("data-shipguard-deadline") == deadline.strftime(
        "%Y-%m-%dT%H:%M:%SZ"
    )


def _forged_search_body(order_id):
    """A well-formed search body that would make a late order look a month early."""
    body = render_json_fixture("orders-api-search-us.json")
    [order] = [o for o in body["orders"] if o["amazonOrderId"] == order_id]
    order["latestShipDate"] += 30 * 86400
    return json.dumps({**body, "orders": [order]})


def test_page_scripts_cannot_forge_the_pages_data(browser_context, all_pages):
    late, sign = "114-0385162-7719420", "113-4729618-2041735"
    # One order of the real search body, at a URL of its own: its arrival is the sign.
    body = render_json_fixture("orders-api-search-us.json")
    body["orders"] = [o for o in body["orders"] if o["amazonOrderId"] == sign]
    browser_context.route(
        "**/orders-api/search?limit=1&offset=1",
        lambda route: route.fulfill(body=json.dumps(body), content_type="application/json"),
    )
    page = browser_context.new_page()
    page.goto(fixture_url("orders-list-unshipped.html"))
    wait_for_overlays(page, len(fixture_expectations("orders-list-unshipped.html")["orders"]))
    expect(host(page, late)).to_have_attribute("data-shipguard-status", "late")
    expect(host(page, sign)).to_have_attribute("data-shipguard-status", "late")
    forged = json.dumps({"url": "/orders-api/search", "text": _forged_search_body(late)})
    page.evaluate(
        """forged => {
            // The document-wide event an earlier version listened to.
            document.dispatchEvent(new CustomEvent("shipguard:page-data", { detail: forged }));
            document.dispatchEvent(new CustomEvent("shipguard:content-ready"));
            // A port of the page's own, posted as the content script posts its port.
            const channel = new MessageChannel();
            window.postMessage({ type: "shipguard:page-data-port" }, location.origin, [channel.port2]);
            channel.port1.postMessage(JSON.parse(forged));
        }""",
        forged,
    )
    app_fetches(page, "/orders-api/search?limit=1&offset=1")
    expect(host(page, sign)).to_have_attribute("data-shipguard-status", "on-track")
    shown = {s["order"]: s["status"] for s in overlay_state(page)}
    assert shown[late] == "late"
