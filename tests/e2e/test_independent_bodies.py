"""Orders-app bodies written from the captured ones and third parties' readers alone, by
writers who never saw Shipguard: each, fetched by the page as the orders app does, decides
the badges its sidecar names.

Order bodies go to the order's contact-buyer page, which shows no date (a fresh profile
knows none), so a badge there can only come from the body. Search bodies go to the
markup-only Manage Orders page, and change at least half of the statuses its rows say."""

import pytest
from overlay import host, overlay_state, wait_for_overlays, wait_for_page_data
from playwright.sync_api import expect
from sellercentral import (
    ORIGIN,
    expectation_routes,
    fixture_expectations,
    fixture_url,
    fixtures_with_expectations,
)

ORDER_ID = "113-9703439-6162920"
ORDER_PATH = f"/orders-api/order/{ORDER_ID}"
LIST_PAGE = "orders-list-unshipped.html"
INDEPENDENT = [n for n in fixtures_with_expectations() if n.startswith("independent-orders-api")]
ORDER_BODIES = [n for n in INDEPENDENT if n.startswith("independent-orders-api-order-")]
SEARCH_BODIES = [n for n in INDEPENDENT if n.startswith("independent-orders-api-search-")]


def test_there_are_independent_bodies_of_both_kinds():
    assert len(ORDER_BODIES) >= 8 and len(SEARCH_BODIES) >= 5


def app_fetches(page, path):
    page.evaluate("path => fetch(path).then((r) => r.text())", path)
    wait_for_page_data(page)


@pytest.mark.parametrize("body", ORDER_BODIES)
def test_an_order_body_decides_the_badge(browser_context, pages, body, page_errors):
    expectation = fixture_expectations(body)
    assert expectation["path"] == ORDER_PATH
    pages.update(expectation_routes())
    pages[ORIGIN + ORDER_PATH] = body
    page = browser_context.new_page()
    page.goto(fixture_url("contact-buyer-us.html"))
    wait_for_overlays(page, 1)
    expect(host(page, ORDER_ID)).to_have_attribute("data-shipguard-status", "unknown")
    app_fetches(page, ORDER_PATH)
    expect(host(page, ORDER_ID)).to_have_attribute(
        "data-shipguard-status", expectation["orders"][ORDER_ID]
    )
    assert page.locator("shipguard-notice").count() == 0
    assert page_errors == []


@pytest.mark.parametrize("body", SEARCH_BODIES)
def test_a_search_body_decides_the_badges_of_its_orders(browser_context, pages, body, page_errors):
    expectation = fixture_expectations(body)
    rows = fixture_expectations(LIST_PAGE)["orders"]
    pages.update(expectation_routes())
    pages[ORIGIN + expectation["path"]] = body
    page = browser_context.new_page()
    page.goto(fixture_url(LIST_PAGE))
    wait_for_overlays(page, len(rows))
    assert {s["order"]: s["status"] for s in overlay_state(page)} == rows
    app_fetches(page, expectation["path"])
    for order_id, status in expectation["orders"].items():
        expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
    others = {k: v for k, v in rows.items() if k not in expectation["orders"]}
    assert {s["order"]: s["status"] for s in overlay_state(page) if s["order"] in others} == others
    assert page_errors == []
