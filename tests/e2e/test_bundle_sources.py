"""Where the extension's rules come from: the server, its cache, or the packed bundle.
A server that is down, slow or answers garbage changes nothing for the seller."""

import json
from pathlib import Path

import pytest
import requests
from browser import storage_get
from overlay import overlay_state, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import ORIGIN, fixture_orders
from shipguard.commands.server_process import running_server

UNSHIPPED = "orders-list-unshipped.html"
RULES = Path(__file__).parents[2] / "server/shipguard/data/rules.json"
BROKEN_SERVER = "http://shipguard.test"


def statuses(context):
    page = context.new_page()
    page.goto(ORIGIN + "/orders-v3")
    wait_for_overlays(page, len(fixture_orders(UNSHIPPED)))
    result = {s["order"]: s["status"] for s in overlay_state(page)}
    page.close()
    return result


@pytest.fixture
def wide_window_dir(tmp_path):
    """A team data dir whose rules call anything due within 72 h "due soon"."""
    rules = json.loads(RULES.read_text())
    rules["due_soon_hours"] = 72
    (tmp_path / "rules.json").write_text(json.dumps(rules))
    return tmp_path


def test_fresh_install_with_no_server_uses_the_packed_bundle(
    playwright, extension_dir, tmp_path, pages
):
    from browser import launch_with_extension, service_worker
    from sellercentral import install_routes

    context = launch_with_extension(playwright, extension_dir, tmp_path / "profile")
    # Nothing answers at the default server address.
    context.route("http://127.0.0.1:8417/**", lambda route: route.abort("connectionrefused"))
    install_routes(context, pages)
    worker = service_worker(context)
    try:
        result = statuses(context)
        assert "late" in result.values() and "due-soon" in result.values()
        assert storage_get(worker, "local", "bundle") is None, "no server bundle was cached"
        assert "connection" in (
            storage_get(worker, "local", "lastProblem") or ""
        ).lower() or storage_get(worker, "local", "lastProblem")
    finally:
        context.close()


def test_the_servers_bundle_is_used_and_kept_when_the_server_stops(
    browser_context, use_server, worker, wide_window_dir
):
    before = statuses(browser_context)
    with running_server(data_dir=wide_window_dir) as server:
        url = server.url
        bundle = use_server(url)
        assert bundle["rules"]["due_soon_hours"] == 72
        served = requests.get(f"{url}/api/v1/bundle", timeout=5).json()
        assert bundle["version"] == served["version"]
    # The server is gone now; the cached bundle still decides.
    after = statuses(browser_context)
    widened = [
        order
        for order, status in before.items()
        if status == "on-track" and after[order] == "due-soon"
    ]
    assert widened, (before, after)
    assert all(after[o] == s for o, s in before.items() if s in ("late", "done", "unknown"))


@pytest.mark.parametrize(
    "answer",
    [
        {"status": 200, "content_type": "text/html", "body": "<html><body>Sign in</body></html>"},
        {
            "status": 200,
            "content_type": "application/json",
            "body": json.dumps({"version": "x", "rules": []}),
        },
        {
            "status": 500,
            "content_type": "application/json",
            "body": json.dumps({"code": 500, "message": "boom"}),
        },
        {"status": 200, "content_type": "application/json", "body": '{"version": "trunc'},
    ],
    ids=["html", "wrong-shape", "server-error", "truncated-json"],
)
def test_a_bad_answer_keeps_the_last_good_bundle(
    browser_context, use_server, worker, extension_id, server_url, answer, page_errors
):
    good = use_server(server_url)
    before = statuses(browser_context)
    browser_context.route(f"{BROKEN_SERVER}/**", lambda route: route.fulfill(**answer))
    shown = reload_from_options(browser_context, extension_id, BROKEN_SERVER)
    assert f"Rules version {good['version']}" in shown
    assert "Last download failed" in shown, "the seller is told what went wrong"
    assert storage_get(worker, "local", "bundle")["version"] == good["version"]
    assert statuses(browser_context) == before
    assert page_errors == []


def test_a_server_that_never_answers_changes_nothing(
    browser_context, use_server, worker, extension_id, server_url
):
    good = use_server(server_url)
    before = statuses(browser_context)
    browser_context.route(f"{BROKEN_SERVER}/**", lambda route: None)  # the request just hangs
    shown = reload_from_options(browser_context, extension_id, BROKEN_SERVER)
    assert "did not answer in time" in shown
    assert storage_get(worker, "local", "bundle")["version"] == good["version"]
    assert statuses(browser_context) == before


def reload_from_options(context, extension_id, url):
    """Save a server URL and press "Reload rules" on the options page; the text it shows."""
    page = context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options/options.html")
    page.get_by_label("Server URL").fill(url)
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#server-feedback")).to_contain_text("Saved")
    page.get_by_role("button", name="Reload rules").click()
    expect(page.locator("#rules-state")).to_contain_text("Rules version", timeout=10_000)
    text = page.locator("#rules-state").inner_text()
    page.close()
    return text


def test_the_browser_gets_the_bundle_gzipped_and_revalidates_it(
    browser_context, use_server, worker, extension_id, server_url
):
    use_server(server_url)
    etag = storage_get(worker, "local", "etag")
    assert etag.endswith('-gzip"'), etag
    plain = requests.get(
        f"{server_url}/api/v1/bundle", headers={"Accept-Encoding": "identity"}, timeout=5
    )
    answer = requests.get(f"{server_url}/api/v1/bundle", headers={"If-None-Match": etag}, timeout=5)
    assert answer.status_code == 304 and plain.headers["ETag"] != etag
    shown = reload_from_options(browser_context, extension_id, server_url)
    assert "Last download failed" not in shown
    assert storage_get(worker, "local", "etag") == etag
