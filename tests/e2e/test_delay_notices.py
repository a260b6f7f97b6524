"""The delay notice an order's history calls for: the second notice once a delay message
was given for the order, the open-ended one when the seller knows no new date."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from browser import storage_get
from overlay import host, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import ORIGIN, expected_kind, fixture_orders

LA = ZoneInfo("America/Los_Angeles")
# The delay messages' group is the one whose form can offer a notice.
FIRST_MESSAGE = "fieldset:has(.offered-notice) .actions .copy-message >> nth=0"


@pytest.fixture
def orders():
    return fixture_orders("orders-list-unshipped.html", datetime.now(timezone.utc))


@pytest.fixture
def page(browser_context, orders, use_server, server_url):
    use_server(server_url)
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    wait_for_overlays(page, len(orders))
    return page


def late_orders(orders):
    now = datetime.now(timezone.utc)
    return [o for o in orders if expected_kind(o, now) == "late"]


def open_panel(page, order_id):
    host(page, order_id).click()
    panel = host(page, order_id).locator(".panel")
    panel.wait_for(state="visible")
    return panel


def day_in_us_message(day):
    return f"{day.strftime('%A, %B')} {day.day}"


def test_after_a_delay_message_was_copied_the_panel_offers_the_second_notice(page, orders, worker):
    order_id = late_orders(orders)[0]["order_id"]
    panel = open_panel(page, order_id)
    # History read, and nothing given yet: the first notices in the rules' order.
    expect(panel.locator(".offered-notice")).to_have_attribute("data-shipguard-notice", "none")
    assert panel.locator(FIRST_MESSAGE).get_attribute("data-shipguard-action") == (
        "copy-delay-out-of-stock"
    )
    promised = datetime.now(LA).date() + timedelta(days=7)
    panel.locator('input[name="new_ship_date"]').fill(promised.isoformat())
    panel.locator('[data-shipguard-action="copy-delay-out-of-stock"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    # The log is written beside the copy: wait until it holds it before leaving the page.
    worker.evaluate(
        """async (orderId) => {
            for (let i = 0; i < 100; i++) {
                const { remedyLog = [] } = await chrome.storage.local.get("remedyLog");
                if (remedyLog.some((e) => e.orderId === orderId && e.template)) return;
                await new Promise((r) => setTimeout(r, 50));
            }
            throw new Error("the copy was not logged");
        }""",
        order_id,
    )

    # The seller comes back later: the next delay message offered is the second notice.
    page.reload()
    wait_for_overlays(page, len(orders))
    panel = open_panel(page, order_id)
    offer = panel.locator(".offered-notice")
    expect(offer).to_have_attribute("data-shipguard-notice", "second")
    expect(offer).to_contain_text("A delay message was already given for this order")
    assert panel.locator(FIRST_MESSAGE).get_attribute("data-shipguard-action") == (
        "copy-delay-second-notice"
    )
    # The date the first notice promised is the day silence cancels the order.
    expect(panel.locator('input[name="earlier_ship_date"]')).to_have_value(promised.isoformat())
    later = promised + timedelta(days=7)
    panel.locator('input[name="new_ship_date"]').fill(later.isoformat())
    panel.locator(FIRST_MESSAGE).click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    message = page.evaluate("navigator.clipboard.readText()")
    assert order_id in message
    assert "we will only keep your order if you agree to wait" in message
    assert f"If we have not heard from you by {day_in_us_message(promised)}" in message
    assert f"We now expect to ship it by {day_in_us_message(later)}" in message
    log = storage_get(worker, "local", "remedyLog")
    assert [e["template"] for e in log if e["orderId"] == order_id] == [
        "delay-out-of-stock",
        "delay-second-notice",
    ]

    # Another order's history is its own.
    other = open_panel(page, late_orders(orders)[1]["order_id"])
    expect(other.locator(".offered-notice")).to_have_attribute("data-shipguard-notice", "none")


def test_with_no_date_known_the_panel_offers_the_open_ended_notice(page, orders):
    order_id = late_orders(orders)[0]["order_id"]
    panel = open_panel(page, order_id)
    expect(panel.locator(".offered-notice")).to_have_attribute("data-shipguard-notice", "none")
    new_date = panel.locator('input[name="new_ship_date"]')
    assert new_date.input_value(), "a date is suggested until the seller says none is known"
    panel.get_by_label("No new ship date known yet").check()
    expect(new_date).to_be_disabled()
    assert new_date.input_value() == ""
    offer = panel.locator(".offered-notice")
    expect(offer).to_have_attribute("data-shipguard-notice", "open-ended")
    expect(offer).to_contain_text("the delay notice without a date is offered first")
    first = panel.locator(FIRST_MESSAGE)
    assert first.get_attribute("data-shipguard-action") == "copy-delay-no-date"
    cancel_by = datetime.now(LA).date() + timedelta(days=9)
    panel.locator('input[name="cancel_by_date"]').fill(cancel_by.isoformat())
    first.click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    message = page.evaluate("navigator.clipboard.readText()")
    assert order_id in message
    assert "we cannot yet give you a new shipping date" in message
    assert "you may still cancel at any time until the order ships" in message
    assert f"still cannot ship the order by {day_in_us_message(cancel_by)}" in message

    # Unticked, the suggested date comes back and the first notices lead again.
    panel.get_by_label("No new ship date known yet").uncheck()
    expect(new_date).to_be_enabled()
    assert new_date.input_value()
    expect(offer).to_have_attribute("data-shipguard-notice", "second")
