"""The toolbar count, the popup's list and projections, the log export, and shortcuts."""

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from browser import storage_get, storage_set
from overlay import host, wait_for_overlays
from playwright.sync_api import expect
from sellercentral import ORIGIN, expected_kind, fixture_orders
from shipguard.commands.server_process import running_server

UNSHIPPED = "orders-list-unshipped.html"


@pytest.fixture
def needing_action():
    now = datetime.now(timezone.utc)
    orders = fixture_orders(UNSHIPPED, now)
    return [o for o in orders if expected_kind(o, now) in ("late", "due-soon")], orders


@pytest.fixture
def list_page(browser_context, worker, needing_action):
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    wait_for_overlays(page, len(needing_action[1]))
    # Seen orders are written in batches; wait until the record has them all.
    worker.evaluate(
        """async (n) => {
            for (let i = 0; i < 100; i++) {
                const { seenOrders = {} } = await chrome.storage.local.get("seenOrders");
                if (Object.keys(seenOrders).length >= n) return;
                await new Promise((r) => setTimeout(r, 100));
            }
            throw new Error("orders were not recorded");
        }""",
        len(needing_action[1]),
    )
    return page


def open_popup(context, extension_id):
    popup = context.new_page()
    popup.goto(f"chrome-extension://{extension_id}/popup/popup.html")
    return popup


def test_toolbar_counts_late_and_due_soon_orders_in_the_worst_colour(
    list_page, worker, needing_action
):
    expected = str(len(needing_action[0]))
    worker.evaluate(
        """async (want) => {
            for (let i = 0; i < 50; i++) {
                if (await chrome.action.getBadgeText({}) === want) return;
                await new Promise((r) => setTimeout(r, 100));
            }
            throw new Error("badge text is " + await chrome.action.getBadgeText({}));
        }""",
        expected,
    )
    assert worker.evaluate("chrome.action.getBadgeBackgroundColor({})") == [
        204,
        12,
        57,
        255,
    ]  # late red


def test_popup_lists_them_soonest_deadline_first_and_opens_each(
    list_page, browser_context, extension_id, needing_action
):
    popup = open_popup(browser_context, extension_id)
    items = popup.locator("#orders li")
    expect(items).to_have_count(len(needing_action[0]))
    shown = items.locator("a").all_inner_texts()
    assert sorted(shown) == sorted(o["order_id"] for o in needing_action[0])
    statuses = items.locator("span[class^=status-]").evaluate_all(
        "els => els.map(e => e.className)"
    )
    assert statuses == sorted(statuses, key=lambda c: c != "status-late"), (
        "late ones (past deadlines) come first"
    )
    with browser_context.expect_page() as opened:
        items.first.locator("a").click()
    assert opened.value.url == f"{ORIGIN}/orders-v3/order/{shown[0]}"


def test_snoozed_orders_leave_the_count(list_page, browser_context, extension_id, needing_action):
    first = needing_action[0][0]["order_id"]
    host(list_page, first).click()
    host(list_page, first).locator('[data-shipguard-action="snooze-4-hours"]').click()
    popup = open_popup(browser_context, extension_id)
    expect(popup.locator("#orders li")).to_have_count(len(needing_action[0]) - 1)
    assert first not in popup.locator("#orders").inner_text()


def test_projection_from_the_sellers_figures(
    list_page, browser_context, extension_id, needing_action
):
    options = browser_context.new_page()
    options.goto(f"chrome-extension://{extension_id}/options/options.html")
    options.get_by_label("Late Shipment Rate, 10 days (%)").fill("2.1")
    options.get_by_label("Orders in those 10 days").fill("100")
    options.get_by_label("Pre-fulfillment Cancel Rate, 7 days (%)").fill("1")
    options.get_by_label("Orders in those 7 days").fill("80")
    options.get_by_label("Orders in those 7 days").press("Tab")
    expect(options.locator("#prefs-feedback")).to_contain_text("saved")
    n = len(needing_action[0])
    popup = open_popup(browser_context, extension_id)
    lines = popup.locator("#projection-lines li")
    expect(lines).to_have_count(2)
    late_after = (2.1 + n) / (100 + n) * 100
    cancel_after = (0.8 + n) / (80 + n) * 100
    expect(lines.nth(0)).to_have_text(
        f"If these {n} orders ship late, your 10-day Late Shipment Rate goes from 2.1% to {late_after:.1f}% (limit 4.0%)."
    )
    expect(lines.nth(1)).to_contain_text(f"from 1.0% to {cancel_after:.1f}% (limit 2.5%)")


def test_the_kill_switch_turns_projections_off(
    list_page, browser_context, worker, extension_id, needing_action, use_server, tmp_path
):
    storage_set(worker, "sync", {"metrics": {"lsr10": 0.021, "orders10": 100}})
    expect(open_popup(browser_context, extension_id).locator("#projection")).to_be_visible()
    (tmp_path / "rules.json").write_text(json.dumps({"disabled_features": ["projections"]}))
    with running_server(data_dir=tmp_path) as server:
        assert use_server(server.url)["disabled_features"] == ["projections"]
    popup = open_popup(browser_context, extension_id)
    # The list is drawn first; the projection (or not) in the same step after it.
    expect(popup.locator("#orders li")).to_have_count(len(needing_action[0]))
    expect(popup.locator("#projection")).to_be_hidden()
    assert popup.locator("#projection-lines li").count() == 0


def test_remedy_log_exports_as_csv(list_page, browser_context, extension_id, needing_action):
    order_id = needing_action[0][0]["order_id"]
    host(list_page, order_id).click()
    host(list_page, order_id).locator('[data-shipguard-action="copy-delay-weather"]').click()
    expect(host(list_page, order_id).locator(".panel").get_by_role("status")).to_contain_text(
        "Copied"
    )
    popup = open_popup(browser_context, extension_id)
    with popup.expect_download() as download:
        popup.get_by_role("button", name="Export remedy log (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    assert rows[0] == ["order_id", "remedy", "time"]
    assert [order_id, "copy-delay-weather"] == rows[-1][:2]


def test_next_order_shortcut_focuses_late_and_due_soon_badges_in_turn(
    list_page, worker, needing_action
):
    # As the shortcut handler does: the command goes to the page's content script.
    send = """async () => {
        for (const tab of await chrome.tabs.query({})) {
            await chrome.tabs.sendMessage(tab.id, { type: "background-to-content:command", command: "next-order" })
                .catch(() => {});
        }
    }"""
    focused = []
    for _ in range(2):
        worker.evaluate(send)
        moved = list_page.wait_for_function(
            """previous => {
                const id = document.activeElement?.dataset.shipguardOrder;
                return id && id !== previous && id;
            }""",
            arg=focused[-1] if focused else None,
        )
        focused.append(moved.json_value())
    wanted = {o["order_id"] for o in needing_action[0]}
    assert focused[0] in wanted and focused[1] in wanted and focused[0] != focused[1]


def test_a_changed_due_soon_window_repaints_open_pages(list_page, browser_context, extension_id):
    before = list_page.locator('[data-shipguard-status="due-soon"]').count()
    options = browser_context.new_page()
    options.goto(f"chrome-extension://{extension_id}/options/options.html")
    field = options.get_by_label('"Due soon" window in hours (empty: the rules\' window)')
    field.fill("96")
    field.press("Tab")
    expect(options.locator("#prefs-feedback")).to_contain_text("saved")
    # The overlay is rebuilt, so the count passes through 0: wait for more, not for different.
    list_page.wait_for_function(
        """before => document.querySelectorAll('[data-shipguard-status="due-soon"]').length > before""",
        arg=before,
        timeout=10_000,
    )


def test_account_health_figures_drive_the_projection(
    list_page, browser_context, extension_id, worker, pages, needing_action
):
    pages["/performance/dashboard"] = "account-health-us.html"
    health = browser_context.new_page()
    health.goto(ORIGIN + "/performance/dashboard")
    worker.evaluate(
        """async () => {
            for (let i = 0; i < 60; i++) {
                if ((await chrome.storage.local.get("accountHealth")).accountHealth?.US) return;
                await new Promise((r) => setTimeout(r, 100));
            }
            throw new Error("Account Health was not read");
        }"""
    )
    figures = storage_get(worker, "local", "accountHealth")["US"]
    assert (figures["orders10"], figures["orders7"]) == (142, 110)
    assert figures["lsr10"] == pytest.approx(0.021) and figures["cancel7"] == pytest.approx(0.009)
    n = len(needing_action[0])
    popup = open_popup(browser_context, extension_id)
    expect(popup.locator("#projection-lines li").first).to_contain_text(
        f"goes from 2.1% to {(3 + n) / (142 + n) * 100:.1f}%"
    )
