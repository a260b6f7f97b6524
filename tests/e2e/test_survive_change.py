"""Layout changes and remote switches: kill switch per page kind, SPA navigation."""

import json
from pathlib import Path

from overlay import wait_for_overlays, wait_for_page_kind
from sellercentral import ORIGIN, fixture_orders
from shipguard.commands.server_process import running_server

RULES = Path(__file__).parents[2] / "server/shipguard/data/rules.json"
UNSHIPPED = "orders-list-unshipped.html"


def test_kill_switch_turns_a_page_kind_off_within_one_refresh(
    browser_context, use_server, tmp_path
):
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3")
    wait_for_overlays(page, len(fixture_orders(UNSHIPPED)))
    (tmp_path / "rules.json").write_text(json.dumps({"disabled_features": ["orders-list"]}))
    with running_server(data_dir=tmp_path) as server:
        url = server.url
        bundle = use_server(url)
    assert bundle["disabled_features"] == ["orders-list"]
    # The open page drops its overlays without a reload…
    wait_for_overlays(page, 0)
    # …and a new page gets none.
    fresh = browser_context.new_page()
    fresh.goto(ORIGIN + "/orders-v3")
    wait_for_page_kind(fresh, "orders-list")
    assert fresh.locator("[data-shipguard-order]").count() == 0


def test_leaving_and_returning_by_in_page_navigation_rebuilds_the_overlay(
    browser_context, page_errors
):
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3")
    count = len(fixture_orders(UNSHIPPED))
    wait_for_overlays(page, count)
    page.evaluate("history.pushState({}, '', '/home')")
    wait_for_overlays(page, 0)
    page.evaluate("history.pushState({}, '', '/orders-v3/mfn/unshipped')")
    wait_for_overlays(page, count)
    assert page_errors == []
