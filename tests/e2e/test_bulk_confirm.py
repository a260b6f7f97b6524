"""Confirming several orders at once: a badge per order row and a tracking check per row."""

from overlay import host, wait_for_overlays, wait_until_remembered
from playwright.sync_api import expect
from sellercentral import expectation_routes, fixture_expectations, fixture_url

BULK = "bulk-confirm-shipment-us.html"


def test_each_row_gets_its_status_and_its_own_tracking_check(
    browser_context, worker, pages, page_errors
):
    pages.update(expectation_routes())
    expected = fixture_expectations(BULK)
    seen_on = browser_context.new_page()
    seen_on.goto(fixture_url(expected["seen_on"]))
    wait_for_overlays(seen_on, len(fixture_expectations(expected["seen_on"])["orders"]))
    for order_id in expected["orders"]:
        wait_until_remembered(worker, order_id)
    page = browser_context.new_page()
    page.goto(fixture_url(BULK))
    wait_for_overlays(page, len(expected["orders"]))
    for order_id, status in expected["orders"].items():
        expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
    first, second = expected["orders"]
    rows = page.locator("#bulk-confirm-orders-table tbody tr")
    rows.nth(0).locator("select").select_option("UPS")
    rows.nth(0).locator("input").fill("1Z879E930346834441")  # check digit wrong
    rows.nth(1).locator("select").select_option("UPS")
    rows.nth(1).locator("input").fill("1Z879E930346834440")  # a valid one
    expect(host(page, first).locator(".warnings p")).to_have_count(1)
    expect(host(page, second).locator(".warnings")).to_have_count(0)
    assert page.evaluate("window.__fixtureSubmits") == []
    assert page_errors == []
