"""The remedies panel: opened from a badge, messages copied, Amazon's pages opened."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from overlay import host, overlay_state, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import ORIGIN, expected_kind, fixture_orders

UNSHIPPED = "orders-list-unshipped.html"
LA = ZoneInfo("America/Los_Angeles")


@pytest.fixture
def orders():
    return fixture_orders(UNSHIPPED, datetime.now(timezone.utc))


@pytest.fixture
def page(browser_context, orders):
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    wait_for_overlays(page, len(orders))
    return page


def first_of(orders, kind):
    now = datetime.now(timezone.utc)
    return next(o for o in orders if expected_kind(o, now) == kind)


def test_clicking_a_late_badge_opens_its_remedies(page, orders):
    late = first_of(orders, "late")
    host(page, late["order_id"]).click()
    panel = host(page, late["order_id"]).locator(".panel")
    panel.wait_for(state="visible")
    assert panel.get_by_role("heading").inner_text() == f"Order {late['order_id']}"
    actions = panel.locator("[data-shipguard-action]").evaluate_all(
        "els => els.map(e => e.dataset.shipguardAction)"
    )
    # Every step, in the order a seller should take them: verify, tell, fix, update, decide.
    expected_in_order = [
        "open-inventory-for-sku",
        "copy-delay-out-of-stock",
        "copy-delay-carrier-problem",
        "copy-delay-weather",
        "copy-delay-address-confirmation",
        "open-contact-buyer",
        "open-buy-shipping",
        "info-switch-carrier",
        "open-confirm-shipment",
        "info-ship-late-or-cancel",
        "snooze-4-hours",
        "mark-handled",
    ]
    assert [a for a in actions if a in expected_in_order] == expected_in_order
    legends = panel.locator("legend").all_inner_texts()
    assert legends[:4] == [
        "Verify the order",
        "Tell the buyer",
        "Fix the cause",
        "Update the order",
    ]
    # Only one panel at a time.
    other = first_of(orders, "due-soon")
    host(page, other["order_id"]).click()
    host(page, other["order_id"]).locator(".panel").wait_for(state="visible")
    assert not panel.is_visible()


def test_copy_delay_message_puts_this_orders_message_on_the_clipboard(page, orders):
    late = first_of(orders, "late")
    host(page, late["order_id"]).click()
    panel = host(page, late["order_id"]).locator(".panel")
    # By name: the templates ask for an optional new delivery date too.
    new_date = panel.locator('input[name="new_ship_date"]')
    suggested = datetime.strptime(new_date.input_value(), "%Y-%m-%d").date()
    today = datetime.now(LA).date()
    assert suggested > today, "a late order's new date lies ahead"
    assert suggested.isoweekday() < 6, "the new ship date is a business day"
    new_date.fill((today + timedelta(days=10)).isoformat())
    panel.locator('[data-shipguard-action="copy-delay-out-of-stock"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    message = page.evaluate("navigator.clipboard.readText()")
    chosen = today + timedelta(days=10)
    assert late["order_id"] in message
    # Written as a US sentence writes a day: "by Monday, December 9".
    assert f"by {chosen.strftime('%A, %B')} {chosen.day}" in message
    assert "out of stock" in message
    assert "refund you in full" in message  # the FTC rule's cancel-for-refund option
    assert "{" not in message


def test_contact_buyer_opens_amazons_contact_form_for_the_order(page, orders, browser_context):
    late = first_of(orders, "late")
    host(page, late["order_id"]).click()
    with browser_context.expect_page() as opened:
        host(page, late["order_id"]).locator('[data-shipguard-action="open-contact-buyer"]').click()
    assert opened.value.url == (
        f"{ORIGIN}/messaging/contact?orderID={late['order_id']}&marketplaceID=ATVPDKIKX0DER"
    )


@pytest.mark.parametrize(
    "action, suffix",
    [("open-buy-shipping", "buy-shipping"), ("open-confirm-shipment", "confirm-shipment")],
)
def test_order_pages_open_for_the_order(page, orders, browser_context, action, suffix):
    due = first_of(orders, "due-soon")
    host(page, due["order_id"]).click()
    with browser_context.expect_page() as opened:
        host(page, due["order_id"]).locator(f'[data-shipguard-action="{action}"]').click()
    assert opened.value.url == f"{ORIGIN}/orders-v3/order/{due['order_id']}/{suffix}"


def test_panel_works_from_the_keyboard_and_escape_closes_it(page, orders):
    due = first_of(orders, "due-soon")
    badge = host(page, due["order_id"]).locator(".badge")
    badge.focus()
    assert badge.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    panel = host(page, due["order_id"]).locator(".panel")
    panel.wait_for(state="visible")
    expect(badge).to_have_attribute("aria-expanded", "true")
    assert panel.get_attribute("role") == "dialog"
    focused_in_panel = page.evaluate(
        f"""() => {{
            const root = document.querySelector('[data-shipguard-order="{due["order_id"]}"]').shadowRoot;
            return root.querySelector('.panel').contains(root.activeElement);
        }}"""
    )
    assert focused_in_panel, "focus moves into the panel"
    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    expect(badge).to_have_attribute("aria-expanded", "false")
    assert (
        page.evaluate(
            f"""() => document.querySelector('[data-shipguard-order="{due["order_id"]}"]').shadowRoot.activeElement?.className"""
        )
        == "badge"
    ), "focus returns to the badge"


def test_done_orders_open_nothing(page, orders):
    shipped, late = first_of(orders, "shipped"), first_of(orders, "late")
    host(page, shipped["order_id"]).click(force=True)
    # Clicks are handled in order: once the late order's panel shows, the first was handled.
    host(page, late["order_id"]).click()
    expect(host(page, late["order_id"]).locator(".panel")).to_be_visible()
    assert host(page, shipped["order_id"]).locator(".panel").count() == 0


def test_the_seller_clicks_everything_shipguard_sends_nothing_to_amazon(
    page, orders, browser_context
):
    requests = []

    def record(request):
        requests.append(request.url)

    browser_context.on("request", record)
    late = first_of(orders, "late")
    host(page, late["order_id"]).click()
    panel = host(page, late["order_id"]).locator(".panel")
    panel.locator('[data-shipguard-action="copy-delay-weather"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    browser_context.remove_listener("request", record)  # the browser serves the next test too
    assert [u for u in requests if u.startswith(ORIGIN)] == []
    assert all(s["status"] for s in overlay_state(page))


def test_check_stock_opens_manage_inventory_for_the_orders_sku(page, orders, browser_context):
    late = first_of(orders, "late")
    sku = page.locator(
        f'tr:has(a:text-is("{late["order_id"]}")) td[data-test-id="oth-product-info"]'
    ).inner_text()
    sku = sku.split("SKU:")[1].split()[0]
    host(page, late["order_id"]).click()
    with browser_context.expect_page() as opened:
        host(page, late["order_id"]).locator(
            '[data-shipguard-action="open-inventory-for-sku"]'
        ).click()
    assert opened.value.url == f"{ORIGIN}/myinventory/inventory?searchField=all&searchTerm={sku}"


def test_guidance_opens_in_place_and_says_what_each_choice_costs(page, orders):
    late = first_of(orders, "late")
    host(page, late["order_id"]).click()
    button = host(page, late["order_id"]).locator(
        '[data-shipguard-action="info-ship-late-or-cancel"]'
    )
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    text = host(page, late["order_id"]).locator(".guidance:visible").inner_text()
    assert (
        "Late Shipment Rate" in text and "4%" in text and "Cancel Rate" in text and "2.5%" in text
    )


def test_a_message_needing_a_date_is_not_copied_without_one(page, orders):
    late = first_of(orders, "late")
    host(page, late["order_id"]).click()
    panel = host(page, late["order_id"]).locator(".panel")
    page.evaluate("navigator.clipboard.writeText('untouched')")
    panel.locator('input[name="new_ship_date"]').fill("")
    panel.locator('[data-shipguard-action="copy-delay-carrier-problem"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Fill in first")
    assert page.evaluate("navigator.clipboard.readText()") == "untouched"


def test_snoozed_orders_stay_snoozed_across_reloads_until_undone(page, orders):
    late = first_of(orders, "late")
    badge = host(page, late["order_id"])
    badge.click()
    badge.locator('[data-shipguard-action="snooze-4-hours"]').click()
    expect(badge).to_have_attribute("data-shipguard-mark", "snoozed")
    assert badge.get_attribute("data-shipguard-status") == "late", (
        "snoozing hides nothing about the deadline"
    )
    expect(badge.locator(".badge")).to_contain_text("snoozed")
    page.reload()
    wait_for_overlays(page, len(orders))
    expect(host(page, late["order_id"])).to_have_attribute("data-shipguard-mark", "snoozed")
    host(page, late["order_id"]).click()
    host(page, late["order_id"]).locator(".mark").get_by_role("button", name="Undo").click()
    expect(host(page, late["order_id"])).not_to_have_attribute("data-shipguard-mark", "snoozed")
