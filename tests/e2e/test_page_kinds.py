"""Every page kind in every marketplace's fixture reads as its sidecar says, in Chromium."""

import pytest
from overlay import (
    copy_and_fill,
    host,
    overlay_state,
    wait_for_overlays,
    wait_for_page_data,
    wait_for_statuses,
    wait_until_remembered,
)
from playwright.sync_api import expect
from sellercentral import (
    expectation_routes,
    fixture_expectations,
    fixture_url,
    fixtures_with_expectations,
)


def sidecars(*, kinds, source=None):
    names = []
    for name in fixtures_with_expectations():
        expect_ = fixture_expectations(name)
        if expect_["page_kind"] in kinds and expect_.get("source") == source and expect_["orders"]:
            names.append(name)
    return names


@pytest.fixture
def all_pages(pages):
    pages.update(expectation_routes())
    return pages


def serve(pages, name, at=None):
    """Serve `name` at its own URL (or `at`): several fixtures share one Seller Central URL."""
    pages[at or fixture_url(name)] = name


def statuses_on(context, url, count):
    page = context.new_page()
    page.goto(url)
    wait_for_overlays(page, count)
    return page, {s["order"]: s["status"] for s in overlay_state(page)}


@pytest.mark.parametrize("name", sidecars(kinds=("orders-list", "order-details")))
def test_page_reads_as_expected(browser_context, all_pages, name, page_errors):
    expected = fixture_expectations(name)["orders"]
    serve(all_pages, name)
    _, shown = statuses_on(browser_context, fixture_url(name), len(expected))
    assert shown == expected
    assert page_errors == []


@pytest.mark.parametrize("name", sidecars(kinds=("orders-list",), source="json"))
def test_the_pages_own_json_wins_over_its_markup(browser_context, all_pages, name):
    expectation = fixture_expectations(name)
    serve(all_pages, name)  # the variant that loads its JSON like the real app
    page, _ = statuses_on(browser_context, fixture_url(name), len(expectation["orders"]))
    # A status may be refined as the JSON arrives after the rows.
    wait_for_statuses(page, expectation["orders"])
    page.get_by_role("link", name="Next").click()
    wait_for_statuses(page, expectation["sections"]["page-2-rows"])


def test_a_sign_in_page_instead_of_json_changes_nothing(browser_context, all_pages, page_errors):
    serve(all_pages, "orders-list-unshipped-json.html", fixture_url("orders-list-unshipped.html"))
    for url in [u for u in all_pages if "/orders-api/" in u]:
        all_pages[url] = "orders-api-signin.html"
    markup_only = fixture_expectations("orders-list-unshipped.html")["orders"]
    page, _ = statuses_on(
        browser_context, fixture_url("orders-list-unshipped.html"), len(markup_only)
    )
    wait_for_page_data(page)  # the sign-in page reached Shipguard as the page's data
    assert {s["order"]: s["status"] for s in overlay_state(page)} == markup_only
    assert page_errors == []


@pytest.mark.parametrize(
    "name", sidecars(kinds=("orders-list", "order-details"), source="unreadable")
)
def test_an_unreadable_layout_gets_the_notice(browser_context, all_pages, name, page_errors):
    serve(all_pages, name)
    page = browser_context.new_page()
    page.goto(fixture_url(name))
    expect(page.locator("shipguard-notice")).to_have_count(1, timeout=10_000)
    assert page.locator("[data-shipguard-order]").count() == 0
    assert page_errors == []


def test_order_details_opens_the_remedies_of_a_late_order_by_itself(browser_context, all_pages):
    name = "order-details-us-late.html"
    ((order_id, status),) = fixture_expectations(name)["orders"].items()
    assert status == "late"
    page, _ = statuses_on(browser_context, fixture_url(name), 1)
    expect(host(page, order_id).locator(".panel")).to_be_visible()
    # The badge sits beside the ship-by value.
    assert page.evaluate(
        """() => document.querySelector('[data-shipguard-order]').previousElementSibling
            .matches('[data-test-id="order-summary-shipby-value"]')"""
    )


def test_an_on_track_order_keeps_its_panel_closed(browser_context, all_pages):
    name = "order-details-us-ontrack.html"
    ((order_id, status),) = fixture_expectations(name)["orders"].items()
    assert status == "on-track"
    page, _ = statuses_on(browser_context, fixture_url(name), 1)
    # A late order's panel opens as its badge is first painted: the badge is the sign.
    expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
    assert not host(page, order_id).locator(".panel").is_visible()


@pytest.mark.parametrize("name", sidecars(kinds=("confirm-shipment",), source="seen"))
def test_confirm_shipment_warns_above_the_form_once_the_order_was_seen(
    browser_context, worker, all_pages, name
):
    expectation = fixture_expectations(name)
    ((order_id, status),) = expectation["orders"].items()
    serve(all_pages, name)  # a variant shares its URL with the page it varies
    statuses_on(browser_context, fixture_url(expectation["seen_on"]), 1)
    wait_until_remembered(worker, order_id)
    page, shown = statuses_on(browser_context, fixture_url(name), 1)
    expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
    expect(host(page, order_id).locator(".note")).to_contain_text(
        "past its ship-by deadline" if status == "late" else "deadline is near"
    )
    assert (
        page.evaluate(
            "() => document.querySelector('[data-shipguard-order]').nextElementSibling.tagName"
        )
        == "FORM"
    )
    assert page.evaluate("window.__fixtureSubmits || []") == []


def test_contact_buyer_fills_the_copied_message_and_never_sends(browser_context, all_pages):
    details = "order-details-us-late.html"
    ((order_id, _),) = fixture_expectations(details)["orders"].items()
    page, _ = statuses_on(browser_context, fixture_url(details), 1)
    copied, contact = copy_and_fill(browser_context, page, order_id)
    form = contact.evaluate("window.__fixtureForm")
    assert form["text"] == copied
    assert "shipping" in form["reasonLabel"].lower()
    assert not form["sent"]


def test_order_details_flags_an_address_worth_a_second_look(browser_context, all_pages):
    from sellercentral import render_fixture

    name = "order-details-us-late.html"
    ((order_id, _),) = fixture_expectations(name)["orders"].items()
    html = render_fixture(name).replace("<div>1208 Alder St</div>", "<div>PO Box 4411</div>")
    html = html.replace(
        'order-summary-shipping-service-value">',
        'order-summary-shipping-service-value">UPS Ground · ',
        1,
    )
    browser_context.route(
        fixture_url(name), lambda route: route.fulfill(body=html, content_type="text/html")
    )
    page, _ = statuses_on(browser_context, fixture_url(name), 1)
    warnings = host(page, order_id).locator(".panel .address-warnings li")
    expect(warnings).to_have_text(
        ["A PO box, but the shipping service cannot deliver to PO boxes."]
    )


def test_a_plain_address_raises_no_warning(browser_context, all_pages):
    name = "order-details-us-late.html"
    ((order_id, _),) = fixture_expectations(name)["orders"].items()
    page, _ = statuses_on(browser_context, fixture_url(name), 1)
    expect(host(page, order_id).locator(".panel")).to_be_visible()
    assert host(page, order_id).locator(".address-warnings").count() == 0


def test_an_order_with_one_item_shipped_and_one_not_is_still_late(browser_context, all_pages):
    from sellercentral import render_fixture

    name = "order-details-us-late.html"
    ((order_id, status),) = fixture_expectations(name)["orders"].items()
    unshipped = '<div class="main-status unshipped-status">Unshipped</div>'
    html = render_fixture(name).replace(
        unshipped, '<div class="main-status shipped-status">Shipped</div>', 1
    )
    assert html.count(unshipped) == 1  # the second item is still to ship
    browser_context.route(
        fixture_url(name), lambda route: route.fulfill(body=html, content_type="text/html")
    )
    page, shown = statuses_on(browser_context, fixture_url(name), 1)
    expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
