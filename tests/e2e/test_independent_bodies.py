"""Order bodies written from the captured one and third parties' readers alone, by a writer
who never saw Shipguard: each, fetched by the orders app on the order's contact-buyer page
(which shows no date, so a fresh profile knows none), decides the badge its sidecar names."""

import pytest
from overlay import host, wait_for_overlays, wait_for_page_data
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
BODIES = [
    name for name in fixtures_with_expectations() if name.startswith("independent-orders-api")
]


def test_there_are_independent_bodies():
    assert len(BODIES) >= 8


@pytest.mark.parametrize("body", BODIES)
def test_the_body_decides_the_badge(browser_context, pages, body, page_errors):
    expectation = fixture_expectations(body)
    assert expectation["path"] == ORDER_PATH
    pages.update(expectation_routes())
    pages[ORIGIN + ORDER_PATH] = body
    page = browser_context.new_page()
    page.goto(fixture_url("contact-buyer-us.html"))
    wait_for_overlays(page, 1)
    expect(host(page, ORDER_ID)).to_have_attribute("data-shipguard-status", "unknown")
    page.evaluate("path => fetch(path).then((r) => r.text())", ORDER_PATH)  # as the app does
    wait_for_page_data(page)
    expect(host(page, ORDER_ID)).to_have_attribute(
        "data-shipguard-status", expectation["orders"][ORDER_ID]
    )
    assert page.locator("shipguard-notice").count() == 0
    assert page_errors == []
