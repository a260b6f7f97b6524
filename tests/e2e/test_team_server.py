"""A team's server in a real browser: a template changed on disk reaches the extension, broken
data never does, and the status page edits templates with the team token."""

import json
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import requests
from browser import chromium_executable, storage_get
from overlay import host, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import ORIGIN, expected_kind, fixture_orders
from shipguard.commands.server_process import running_server

TEMPLATE = "delay-out-of-stock"
DEFAULT_TEMPLATE = Path(__file__).parents[2] / "messages" / f"{TEMPLATE}.json"
MARKER = "Hello from the Acme shipping team,"
TOKEN = "e2e-team-token-0123456789"


def write_atomically(path, document):
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_text(json.dumps(document, indent=2), encoding="utf-8")
    temp.replace(path)


def served_body(url):
    bundle = requests.get(f"{url}/api/v1/bundle", timeout=5).json()
    template = next(t for t in bundle["templates"] if t["id"] == TEMPLATE)
    return template["locales"]["en-US"]["body"]


def wait_until(predicate, timeout=10):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.fixture
def team(tmp_path, monkeypatch):
    """A team folder holding its own copy of one template; the server checks it every 0.2 s."""
    folder = tmp_path / "team"
    (folder / "messages").mkdir(parents=True)
    write_atomically(
        folder / "messages" / f"{TEMPLATE}.json", json.loads(DEFAULT_TEMPLATE.read_text())
    )
    monkeypatch.setenv("SHIPGUARD_RELOAD_INTERVAL", "0.2")
    monkeypatch.setenv("SHIPGUARD_TOKEN", TOKEN)
    return folder


def copied_message(browser_context):
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    orders = fixture_orders("orders-list-unshipped.html", datetime.now(timezone.utc))
    wait_for_overlays(page, len(orders))
    late = next(o for o in orders if expected_kind(o, datetime.now(timezone.utc)) == "late")
    host(page, late["order_id"]).click()
    panel = host(page, late["order_id"]).locator(".panel")
    panel.locator(f'[data-shipguard-action="copy-{TEMPLATE}"]').click()
    expect(panel.get_by_role("status")).to_contain_text("Copied")
    message = page.evaluate("navigator.clipboard.readText()")
    page.close()
    return message


def test_template_changed_on_disk_reaches_the_extension(
    browser_context, use_server, worker, extension_id, team
):
    path = team / "messages" / f"{TEMPLATE}.json"
    with running_server(data_dir=team) as server:
        url = server.url
        use_server(url)
        template = json.loads(path.read_text())
        template["locales"]["en-US"]["body"] = template["locales"]["en-US"]["body"].replace(
            "Hello,", MARKER, 1
        )
        write_atomically(path, template)
        wait_until(lambda: MARKER in served_body(url))

        broken = json.loads(json.dumps(template))
        broken["locales"]["en-US"]["body"] += " Track it: {tracking_url}"
        write_atomically(path, broken)
        # The server says on its status page when it rejects a change.
        wait_until(lambda: "was rejected" in requests.get(url, timeout=5).text)
        assert MARKER in served_body(url) and "{tracking_url}" not in served_body(url)

        options = browser_context.new_page()
        options.goto(f"chrome-extension://{extension_id}/options/options.html")
        options.get_by_role("button", name="Reload rules").click()
        wait_until(lambda: MARKER in json.dumps(storage_get(worker, "local", "bundle")))
        options.close()
        message = copied_message(browser_context)
        assert message.startswith(MARKER) and "{" not in message


@pytest.fixture
def status_page(playwright, team):
    """A plain browser page (no extension) on the status page of a team server."""
    browser = playwright.chromium.launch(
        executable_path=chromium_executable(), args=["--no-sandbox"]
    )
    page = browser.new_page()
    errors = []
    # HTTP errors (the 422 of a refused edit, the favicon's 404) are logged too; keep the rest.
    page.on(
        "console",
        lambda m: (
            m.type == "error" and "Failed to load resource" not in m.text and errors.append(m.text)
        ),
    )
    with running_server(data_dir=team) as server:
        url = server.url
        page.goto(url + "/")
        yield page, url, errors
    browser.close()


def edit(page, subject):
    language = page.locator(f"#template-{TEMPLATE}-en-US")
    language.locator("summary", has_text="Edit en-US").click()
    form = language.locator("form").first
    form.locator('input[name="subject"]').fill(subject)
    form.get_by_label("Your name (for the history)").fill("Ana")
    form.locator('input[name="token"]').fill(TOKEN)
    form.get_by_role("button", name="Save en-US").click()
    page.wait_for_load_state()
    return language


def test_status_page_edits_a_template_with_the_token(status_page, team):
    page, url, errors = status_page
    edit(page, "Order {order_id}: a short delay")
    expect(page.locator("#saved")).to_contain_text(f"Saved {TEMPLATE} (en-US)")
    saved = json.loads((team / "messages" / f"{TEMPLATE}.json").read_text())
    assert saved["locales"]["en-US"]["subject"] == "Order {order_id}: a short delay"
    assert requests.get(f"{url}/api/v1/templates", timeout=5).ok
    history = page.locator(f"#history-{TEMPLATE}-en-US")
    history.locator("summary").click()
    expect(history).to_contain_text("Saved by Ana")
    expect(history.locator(".diff .added")).to_contain_text(
        "+Subject: Order {order_id}: a short delay"
    )

    language = edit(page, "Order {order_id}: {parcel_id}")
    expect(language.locator("#not-saved")).to_be_visible()
    expect(language.locator("table.problems")).to_contain_text("{parcel_id}")
    saved = json.loads((team / "messages" / f"{TEMPLATE}.json").read_text())
    assert saved["locales"]["en-US"]["subject"] == "Order {order_id}: a short delay"
    assert errors == [], errors  # no CSP violation, no script error
