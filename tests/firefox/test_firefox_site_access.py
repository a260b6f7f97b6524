"""Seller Central access withheld in Firefox: the toolbar and the popup say so, and one click
in the popup asks for it back."""

from pages import button, extension_url, text_of, wait_for_statuses
from sellercentral import fixture_expectations, fixture_url

UNSHIPPED = "orders-list-unshipped.html"
# What the seller does in the add-on's Permissions tab, done through the same API.
WITHDRAW = """async (hosts) => {
    const origins = chrome.runtime.getManifest().content_scripts.flatMap((s) => s.matches)
        .filter((o) => hosts === null || hosts.some((h) => o.includes(h)));
    return chrome.permissions.remove({ origins });
}"""
TOOLBAR = "async () => ({ text: await chrome.action.getBadgeText({}), title: await chrome.action.getTitle({}) })"


def test_with_access_withdrawn_the_popup_asks_for_it_and_one_click_grants_it(firefox, pages):
    popup = firefox.new_tab(extension_url("popup/popup.html"))
    assert popup.evaluate(WITHDRAW, None)
    toolbar = popup.wait_for(
        f"async () => {{ const t = await ({TOOLBAR})(); return t.text === '!' && t; }}"
    )
    assert toolbar["title"] == "Shipguard cannot read Seller Central: click to allow access"

    popup.goto(extension_url("popup/popup.html"))
    notice = popup.wait_for(text_of("#site-access"))
    assert "Shipguard cannot read Seller Central" in notice
    assert "Allow access to Seller Central" in notice
    popup.click(button("Allow access to Seller Central"))
    assert "Access allowed" in popup.wait_for(text_of("#access-granted"))
    assert popup.evaluate("() => document.getElementById('site-access').hidden")
    popup.wait_for(f"async () => (await ({TOOLBAR})()).text !== '!'")

    pages[fixture_url(UNSHIPPED)] = UNSHIPPED
    orders = firefox.new_tab(fixture_url(UNSHIPPED))
    wait_for_statuses(orders, fixture_expectations(UNSHIPPED)["orders"])


def test_one_marketplace_withdrawn_is_named_and_the_rest_keep_working(firefox, pages):
    popup = firefox.new_tab(extension_url("popup/popup.html"))
    assert popup.evaluate(WITHDRAW, ["sellercentral.amazon.de"])
    popup.goto(extension_url("popup/popup.html"))
    notice = popup.wait_for(text_of("#site-access"))
    assert "Shipguard cannot read these Seller Central sites: sellercentral.amazon.de." in notice
    # Other marketplaces still run: the toolbar keeps counting orders instead of "!".
    pages[fixture_url(UNSHIPPED)] = UNSHIPPED
    orders = firefox.new_tab(fixture_url(UNSHIPPED))
    wait_for_statuses(orders, fixture_expectations(UNSHIPPED)["orders"])
    late_and_due = sum(
        s in ("late", "due-soon") for s in fixture_expectations(UNSHIPPED)["orders"].values()
    )
    popup.wait_for(f"async () => (await ({TOOLBAR})()).text === '{late_and_due}'")
