"""Pages Shipguard cannot read get one quiet notice; the page itself keeps working."""

from overlay import wait_for_page_kind
from playwright.sync_api import expect
from sellercentral import ORIGIN


def test_an_unknown_layout_gets_one_notice_and_no_errors(browser_context, pages, page_errors):
    pages["/orders-v3/mfn/unshipped"] = "orders-list-unknown-layout.html"
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    notice = page.locator("shipguard-notice")
    expect(notice).to_have_count(1, timeout=10_000)
    expect(notice.get_by_role("status")).to_contain_text("can't read this page's layout")
    assert page.locator("[data-shipguard-order]").count() == 0
    notice.get_by_role("button", name="Close").click()
    expect(notice).to_have_count(0)
    assert page_errors == []


def test_an_empty_order_list_is_not_an_unreadable_one(browser_context, pages, page_errors):
    pages["/orders-v3/mfn/unshipped"] = "orders-list-empty.html"
    pages["/orders-v3/mfn/pending"] = "orders-list-unknown-layout.html"
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    wait_for_page_kind(page, "orders-list")
    # The same layout check, started later on an unreadable page: once it has spoken,
    # the empty page's check has run too.
    unreadable = browser_context.new_page()
    unreadable.goto(ORIGIN + "/orders-v3/mfn/pending")
    expect(unreadable.locator("shipguard-notice")).to_have_count(1, timeout=10_000)
    assert page.locator("shipguard-notice").count() == 0
    assert page.locator("[data-shipguard-order]").count() == 0
    assert page_errors == []


def test_pages_shipguard_does_not_know_are_left_alone(browser_context, pages):
    pages["/home"] = "orders-list-unshipped.html"
    page = browser_context.new_page()
    page.goto(ORIGIN + "/home")
    wait_for_page_kind(page, "none")
    assert page.locator("shipguard-badge, shipguard-notice").count() == 0
