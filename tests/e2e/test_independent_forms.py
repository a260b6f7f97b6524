"""Amazon's forms as writers who never saw Shipguard wrote them from the evidence alone
(tests/fixtures/sellercentral/independent-contact-buyer-*, -confirm-shipment-*): a message
copied on the order's details page fills their contact form, and nothing is ever sent.
(Their confirm-shipment pages run in test_page_kinds with every confirm-shipment page.)"""

import pytest
from overlay import copy_and_fill, host, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import (
    expectation_routes,
    fixture_expectations,
    fixture_url,
    fixtures_with_expectations,
)

CONTACT_PAGES = [
    name
    for name in fixtures_with_expectations()
    if name.startswith("independent-")
    and fixture_expectations(name)["page_kind"] == "contact-buyer"
]


def test_there_are_independent_contact_pages():
    assert len(CONTACT_PAGES) >= 2


@pytest.mark.parametrize("name", CONTACT_PAGES)
def test_a_copied_message_fills_the_contact_form_and_is_never_sent(
    browser_context, pages, name, page_errors
):
    expectation = fixture_expectations(name)
    ((order_id, status),) = expectation["orders"].items()
    pages.update(expectation_routes())
    pages[fixture_url(name)] = name  # over the team's own page at the same URL
    seen_on = fixture_expectations(expectation["seen_on"])
    browser_context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin=seen_on["origin"]
    )
    details = browser_context.new_page()
    details.goto(fixture_url(expectation["seen_on"]))
    wait_for_overlays(details, 1)
    badge = host(details, order_id)
    expect(badge).to_have_attribute("data-shipguard-status", status)
    if not badge.locator(".panel").is_visible():  # a late order's panel opens by itself
        badge.click()
    copied, contact = copy_and_fill(browser_context, details, order_id)
    assert contact.url == fixture_url(name)
    form = contact.evaluate("window.__fixtureForm")
    assert form["text"] == copied
    assert "shipping" in form["reasonLabel"].lower()  # both pages' UI is English
    assert not form["sent"]
    assert page_errors == []
