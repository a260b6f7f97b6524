"""Seller Central's UI language is the seller's, not the marketplace's: every page kind reads
right in a UI language other than its host's (English on .de and .co.jp, German on
.co.uk), whether the page's ``lang`` names the UI language or the marketplace's.

The pages are the fixtures of one UI language served on another marketplace's host: its
clock (the fixture's day tokens in that zone), its sales channel and marketplace id. The
statuses their sidecars give hold there by construction.
"""

import re

import pytest
from browser import storage_get
from overlay import host, overlay_state, wait_for_overlays, wait_until_remembered
from playwright.sync_api import expect
from sellercentral import (
    MARKETPLACES,
    fixture_expectations,
    fixture_source,
    render_text,
)

#: (fixture in one UI language, host of another marketplace)
LISTS_AND_DETAILS = [
    ("orders-list-uk.html", "DE"),
    ("orders-list-unshipped.html", "JP"),
    ("orders-list-de.html", "UK"),
    ("order-details-uk.html", "DE"),
    ("order-details-us-late.html", "JP"),
    ("order-details-de.html", "UK"),
    ("order-details-de-en.html", "JP"),
]
#: Pages without a deadline of their own, after their order was seen on its details page.
SEEN_ON_DETAILS = [
    ("order-details-us-late.html", ("confirm-shipment-us.html", "contact-buyer-us.html"), "DE"),
    ("order-details-us-late.html", ("confirm-shipment-us.html", "contact-buyer-us.html"), "JP"),
    ("order-details-de.html", ("confirm-shipment-de.html", "contact-buyer-de.html"), "UK"),
]
LANG_OF_MARKETPLACE = {"DE": "de-DE", "UK": "en-GB", "JP": "ja-JP", "US": "en-US"}


def source_lang(name):
    return re.search(r'<html lang="([^"]+)"', fixture_source(name)).group(1)


def moved(name, code, lang):
    """`name` as the host of marketplace `code` would serve it, <html lang> = `lang`:
    (url, html, expected statuses)."""
    expect_ = fixture_expectations(name)
    source = MARKETPLACES[expect_["marketplace"]]
    target = MARKETPLACES[code]
    text = fixture_source(name)
    text = re.sub(r"zone=\S+", f"zone={target.zone}", text, count=1)
    html = render_text(text)
    html = re.sub(r'<html lang="[^"]+"', f'<html lang="{lang}"', html, count=1)
    html = html.replace(source.channel, target.channel).replace(source.id, target.id)
    path = expect_["path"].replace(source.id, target.id)
    return f"https://{target.host}{path}", html, expect_["orders"]


def serve(context, url, html):
    context.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))


@pytest.fixture
def context(browser_context):
    """Every Seller Central host answers from the fixtures; each test adds its moved pages."""
    return browser_context


def lang_modes(name, code):
    """The page's lang naming its UI language, and naming the marketplace's instead."""
    return [("ui", source_lang(name)), ("marketplace", LANG_OF_MARKETPLACE[code])]


CASES = [
    pytest.param(name, code, lang, id=f"{name}-on-{code}-lang-{mode}")
    for name, code in LISTS_AND_DETAILS
    for mode, lang in lang_modes(name, code)
]


@pytest.mark.parametrize(("name", "code", "lang"), CASES)
def test_lists_and_details_read_in_any_ui_language(context, name, code, lang, page_errors):
    url, html, statuses = moved(name, code, lang)
    serve(context, url, html)
    page = context.new_page()
    page.goto(url)
    wait_for_overlays(page, len(statuses))
    for order_id, status in statuses.items():
        expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
    assert {s["order"]: s["status"] for s in overlay_state(page)} == statuses
    assert page.locator("shipguard-notice").count() == 0
    assert page_errors == []


@pytest.mark.parametrize(
    ("details", "others", "code"),
    [pytest.param(*case, id=f"{case[0]}-on-{case[2]}") for case in SEEN_ON_DETAILS],
)
def test_confirm_shipment_and_contact_buyer_read_in_any_ui_language(
    context, worker, details, others, code, page_errors
):
    lang = LANG_OF_MARKETPLACE[code]  # the harder case: lang names the host's language
    url, html, statuses = moved(details, code, lang)
    serve(context, url, html)
    ((order_id, status),) = statuses.items()
    first = context.new_page()
    first.goto(url)
    expect(host(first, order_id)).to_have_attribute("data-shipguard-status", status)
    wait_until_remembered(worker, order_id)
    for name in others:
        other_url, other_html, _ = moved(name, code, lang)
        serve(context, other_url, other_html)
        page = context.new_page()
        page.goto(other_url)
        expect(host(page, order_id)).to_have_attribute("data-shipguard-status", status)
        assert page.locator("shipguard-notice").count() == 0
    assert page_errors == []


def test_the_reason_is_picked_in_the_pages_ui_language(context, worker):
    """German UI on the UK host: Fill message picks the German shipping-problem reason."""
    context.grant_permissions(
        ["clipboard-read", "clipboard-write"], origin="https://sellercentral.amazon.co.uk"
    )
    details_url, details_html, statuses = moved("order-details-de.html", "UK", "en-GB")
    serve(context, details_url, details_html)
    ((order_id, _),) = statuses.items()
    details = context.new_page()
    details.goto(details_url)
    panel = host(details, order_id).locator(".panel")
    expect(panel).to_be_visible()
    wait_until_remembered(worker, order_id)
    panel.locator('[data-shipguard-action="copy-delay-out-of-stock"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    url, html, _ = moved("contact-buyer-de.html", "UK", "en-GB")
    serve(context, url, html)
    with context.expect_page() as opened:
        panel.locator('[data-shipguard-action="open-contact-buyer"]').click()
    page = opened.value
    assert page.url == url
    fill = host(page, order_id).locator('[data-shipguard-action="fill-message"]')
    expect(fill).to_be_visible(timeout=10_000)
    fill.click()
    expect(host(page, order_id).get_by_role("status")).to_contain_text("Send")
    form = page.evaluate("window.__fixtureForm")
    assert "Versand" in form["reasonLabel"] and form["text"] and not form["sent"]


@pytest.mark.parametrize(
    ("name", "code", "lang"),
    [
        ("account-health-us.html", "DE", "de-DE"),
        ("account-health-de.html", "UK", "en-GB"),
    ],
)
def test_account_health_reads_in_any_ui_language(context, worker, name, code, lang):
    target = MARKETPLACES[code]
    html = re.sub(r'<html lang="[^"]+"', f'<html lang="{lang}"', render_text(fixture_source(name)))
    url = f"https://{target.host}/performance/dashboard"
    serve(context, url, html)
    context.new_page().goto(url)
    figures = wait_for_account_health(worker, code)
    assert figures["lsr10"] > 0 and figures["cancel7"] > 0


def test_account_health_rate_rows(context, worker):
    """The #shipping-*-rate-row rows: the 7-day cancel rate is read; the late shipment row
    shows 30 days only, so no 10-day rate is made up from it."""
    url = "https://sellercentral.amazon.de/performance/dashboard"
    serve(context, url, render_text(fixture_source("account-health-de-en.html")))
    context.new_page().goto(url)
    figures = wait_for_account_health(worker, "DE")
    assert figures["cancel7"] == pytest.approx(0.009) and figures["orders7"] == 110
    assert "lsr10" not in figures


def wait_for_account_health(worker, code):
    worker.evaluate(
        """async (code) => {
            for (let i = 0; i < 100; i++) {
                if ((await chrome.storage.local.get("accountHealth")).accountHealth?.[code]) return;
                await new Promise((r) => setTimeout(r, 100));
            }
            throw new Error("no account health figures for " + code);
        }""",
        code,
    )
    return storage_get(worker, "local", "accountHealth")[code]


def test_a_ui_language_without_known_labels_is_unknown_with_the_notice(context, page_errors):
    """No ship-by label of any known UI language (the Chinese one is on record nowhere):
    every order still to ship is unknown, never given a deadline, and the page says so."""
    url, html, statuses = moved("orders-list-uk.html", "DE", "de-DE")
    html = html.replace("Ship by date:", "发货日期：")
    serve(context, url, html)
    page = context.new_page()
    page.goto(url)
    wait_for_overlays(page, len(statuses))
    expect(page.locator("shipguard-notice")).to_have_count(1)
    shown = {s["order"]: s for s in overlay_state(page)}
    for order_id, status in statuses.items():
        want = "done" if status == "done" else "unknown"
        assert shown[order_id]["status"] == want and not (
            want == "unknown" and shown[order_id]["deadline"]
        )
    assert page_errors == []
