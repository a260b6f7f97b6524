"""Manage Orders, order details and the remedies panel in Firefox ESR, as in Chromium."""

import re

import pytest
from pages import badge, in_panel, wait_for_statuses
from sellercentral import (
    API_ROUTES,
    fixture_expectations,
    fixture_url,
)

# One Manage Orders page per marketplace family: US dates, German dates, Japanese dates.
MANAGE_ORDERS = {
    "US": "orders-list-unshipped.html",
    "DE": "orders-list-de.html",
    "JP": "orders-list-jp.html",
}
LATE_BADGE = {
    "US": r"Late by \d+\s(d|h|min)(\s\d+\s(h|min))?",
    # The badge speaks the browser's language (English here), whatever the marketplace.
    "DE": r"Late by .+",
    "JP": r"Late by .+",
}


def open_fixture(firefox, pages, name):
    pages[fixture_url(name)] = name
    return firefox.new_tab(fixture_url(name))


@pytest.mark.parametrize("marketplace", MANAGE_ORDERS)
def test_manage_orders_badges_every_order_with_its_status(firefox, pages, marketplace):
    name = MANAGE_ORDERS[marketplace]
    expected = fixture_expectations(name)["orders"]
    tab = open_fixture(firefox, pages, name)
    wait_for_statuses(tab, expected)
    assert {"late", "due-soon", "on-track", "done"} <= set(expected.values())
    late = next(order for order, status in expected.items() if status == "late")
    shown = badge(tab, late)
    assert re.fullmatch(LATE_BADGE[marketplace], shown["text"]), shown
    assert shown["tooltip"].startswith("Ship-by deadline: ")


def test_the_pages_own_json_wins_over_its_markup(firefox, pages):
    # The page hook runs in the page's own world (Firefox 128+) and hands over its JSON.
    name = "orders-list-unshipped-json.html"
    pages.update(API_ROUTES)
    expected = fixture_expectations(name)["orders"]
    tab = open_fixture(firefox, pages, name)
    wait_for_statuses(tab, expected)


def test_order_details_opens_the_remedies_of_a_late_order_by_itself(firefox, pages):
    name = "order-details-us-late.html"
    ((order_id, status),) = fixture_expectations(name)["orders"].items()
    tab = open_fixture(firefox, pages, name)
    wait_for_statuses(tab, {order_id: status})
    assert tab.wait_for(f"() => ({in_panel(order_id, '.panel')})()?.checkVisibility()")


def test_copy_puts_the_orders_buyer_message_on_the_clipboard(firefox, pages):
    name = "orders-list-unshipped.html"
    expected = fixture_expectations(name)["orders"]
    late = next(order for order, status in expected.items() if status == "late")
    tab = open_fixture(firefox, pages, name)
    wait_for_statuses(tab, expected)
    tab.click(f"() => document.querySelector('[data-shipguard-order=\"{late}\"]')")
    copy = in_panel(late, '[data-shipguard-action="copy-delay-out-of-stock"]')
    tab.wait_for(f"() => ({copy})()?.checkVisibility()")
    tab.click(copy)
    status = tab.wait_for(f"() => ({in_panel(late, '[role=status]')})()?.textContent")
    assert "Copied" in status
    message = tab.evaluate("() => navigator.clipboard.readText()")
    assert late in message
    assert "out of stock" in message
    assert "{" not in message
