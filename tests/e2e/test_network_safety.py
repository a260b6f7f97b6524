"""Safe on a network, seen from the browser: the team token never crosses a network in clear,
and a Seller Central page cannot reach the extension's files to detect it."""

import pytest
import requests
from browser import storage_get, storage_set
from playwright.sync_api import expect
from sellercentral import ORIGIN

TOKEN = "team-token-0123456789abcdef"
RULES_HOST = "rules.example.test"


def open_options(context, extension_id):
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options/options.html")
    return page


@pytest.fixture
def rules_server(browser_context, server_url, extension_id):
    """A team server on another machine, at http:// and https://, answering with the real
    server's bundle; yields the bundle requests it received (URL, Authorization header)."""
    bundle = requests.get(f"{server_url}/api/v1/bundle", timeout=5).content
    received = []

    def answer(route):
        request = route.request
        received.append((request.url, request.headers.get("authorization")))
        route.fulfill(
            status=200,
            content_type="application/json",
            headers={"Access-Control-Allow-Origin": f"chrome-extension://{extension_id}"},
            body=bundle,
        )

    browser_context.route(f"*://{RULES_HOST}/api/v1/bundle", answer)
    return received


def reload_rules(context, extension_id, received, url):
    """Press Reload rules on the options page and wait for the server to see the fetch."""
    count = len(received)
    page = open_options(context, extension_id)
    page.get_by_role("button", name="Reload rules").click()
    page.wait_for_function(
        "() => !document.querySelector('#rules-state').textContent.includes('…')"
    )
    expect(page.locator("#rules-state")).to_contain_text("from the server")
    assert len(received) > count, f"no bundle request reached {url}"
    return received[-1]


def test_the_token_never_leaves_over_http_to_another_host(
    browser_context, extension_id, worker, rules_server
):
    storage_set(worker, "local", {"teamToken": TOKEN})
    # Set as the address syncs from another browser: the options page never allowed it here.
    storage_set(worker, "sync", {"serverUrl": f"http://{RULES_HOST}"})
    url, authorization = reload_rules(browser_context, extension_id, rules_server, "http")
    assert url == f"http://{RULES_HOST}/api/v1/bundle"
    assert authorization is None

    storage_set(worker, "sync", {"serverUrl": f"https://{RULES_HOST}"})
    url, authorization = reload_rules(browser_context, extension_id, rules_server, "https")
    assert url == f"https://{RULES_HOST}/api/v1/bundle"
    assert authorization == f"Bearer {TOKEN}"


def test_the_options_page_refuses_a_token_for_an_http_server_elsewhere_and_says_why(
    browser_context, extension_id, worker
):
    page = open_options(browser_context, extension_id)
    page.get_by_label("Server URL").fill(f"http://{RULES_HOST}")
    page.get_by_label("Team token (optional)").fill(TOKEN)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#server-feedback")).to_contain_text("sent only over https://")
    expect(page.get_by_label("Team token (optional)")).to_have_attribute("aria-invalid", "true")
    assert storage_get(worker, "local", "teamToken") is None
    assert storage_get(worker, "sync", "serverUrl") is None

    page.get_by_label("Server URL").fill(f"https://{RULES_HOST}")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#server-feedback")).to_contain_text("Saved")
    assert storage_get(worker, "local", "teamToken") == TOKEN


def test_the_options_page_warns_when_a_synced_http_address_meets_the_token(
    browser_context, extension_id, worker
):
    storage_set(worker, "local", {"teamToken": TOKEN})
    storage_set(worker, "sync", {"serverUrl": f"http://{RULES_HOST}"})
    page = open_options(browser_context, extension_id)
    expect(page.locator("#server-feedback")).to_contain_text("sent only over https://")


@pytest.mark.parametrize(
    "path",
    ["content/content-script.js", "content/page-hook.js", "core/order.js", "manifest.json"],
)
def test_a_page_cannot_reach_the_extensions_files(browser_context, extension_id, path):
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    # The overlay runs: the content script has everything it needs without the page's help.
    expect(page.locator("html")).to_have_attribute("data-shipguard-page", "orders-list")
    page.wait_for_selector("[data-shipguard-order]")
    answer = page.evaluate(
        """async (url) => {
            try {
                const response = await fetch(url);
                return `answered ${response.status}`;
            } catch (error) {
                return "refused";
            }
        }""",
        f"chrome-extension://{extension_id}/{path}",
    )
    assert answer == "refused"
    seen = page.evaluate(
        """() => performance.getEntriesByType("resource").map((entry) => entry.name)
                 .filter((name) => name.startsWith("chrome-extension:"))"""
    )
    assert seen == []
    scripts = page.evaluate(
        "() => [...document.scripts].map((s) => s.src).filter((src) => src.startsWith('chrome-extension:'))"
    )
    assert scripts == []
