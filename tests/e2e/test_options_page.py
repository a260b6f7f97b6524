"""The options page: the server URL a seller sets is the one the next fetch uses."""

import requests
from browser import storage_get
from playwright.sync_api import expect


def open_options(context, extension_id):
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options/options.html")
    return page


def test_default_server_url_is_shown(browser_context, extension_id):
    page = open_options(browser_context, extension_id)
    expect(page.get_by_label("Server URL")).to_have_value("http://127.0.0.1:8417")


def test_an_invalid_url_is_refused_and_nothing_is_saved(browser_context, extension_id, worker):
    page = open_options(browser_context, extension_id)
    for bad in ("not a url", "ftp://example.com", "javascript:alert(1)", "http://example.com/?x=1"):
        page.get_by_label("Server URL").fill(bad)
        page.get_by_role("button", name="Save").click()
        expect(page.locator("#server-feedback")).to_contain_text("Enter a web address")
        expect(page.get_by_label("Server URL")).to_have_attribute("aria-invalid", "true")
    assert storage_get(worker, "sync", "serverUrl") is None


def test_saving_a_url_makes_the_next_fetch_use_it(
    browser_context, extension_id, worker, server_url
):
    page = open_options(browser_context, extension_id)
    page.get_by_label("Server URL").fill(server_url + "/")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#server-feedback")).to_contain_text("Saved")
    expect(page.get_by_label("Server URL")).to_have_value(server_url)
    assert storage_get(worker, "sync", "serverUrl") == server_url
    page.get_by_role("button", name="Reload rules").click()
    version = requests.get(f"{server_url}/api/v1/bundle", timeout=5).json()["version"]
    expect(page.locator("#rules-state")).to_contain_text(
        f"Rules version {version} (from the server)."
    )
    assert storage_get(worker, "local", "bundleUrl") == f"{server_url}/api/v1/bundle"
