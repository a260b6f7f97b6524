"""Manage Orders in a real Chromium with the built extension: badges follow the table."""

import re
from datetime import datetime, timezone

import pytest
from overlay import expected_status, overlay_state, wait_for_overlays
from sellercentral import ORIGIN, expected_deadline, expected_kind, fixture_orders

UNSHIPPED = "orders-list-unshipped.html"


@pytest.fixture
def now():
    return datetime.now(timezone.utc)


@pytest.fixture
def orders(now):
    return fixture_orders(UNSHIPPED, now)


def open_orders(context, path="/orders-v3/mfn/unshipped"):
    page = context.new_page()
    page.goto(ORIGIN + path)
    return page


def test_every_order_row_gets_one_badge_with_its_status(browser_context, orders, now, page_errors):
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    state = overlay_state(page)
    assert sorted(s["order"] for s in state) == sorted(o["order_id"] for o in orders)
    by_id = {s["order"]: s for s in state}
    kinds = {o["order_id"]: expected_kind(o, now) for o in orders}
    for order_id, kind in kinds.items():
        assert by_id[order_id]["status"] == expected_status(kind), (order_id, kind, by_id[order_id])
        assert by_id[order_id]["rowOrder"] == order_id, "badge sits in its own order's row"
    # The fixture holds every situation; make sure none went missing from it.
    assert {"late", "due-soon", "on-track", "unknown", "fba", "shipped", "canceled"} <= set(
        kinds.values()
    )
    assert page_errors == []


def test_badges_say_how_long_is_left_in_words(browser_context, orders):
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    for state in overlay_state(page):
        status, text = state["status"], state["text"]
        if status == "late":
            # A count and its unit are joined by a no-break space (\xa0), so they wrap together.
            assert re.fullmatch(r"Late by \d+\xa0(d|h|min)( \d+\xa0(h|min))?", text), text
        elif status == "due-soon":
            assert re.fullmatch(r"Ship within \d+\xa0(h|min)( \d+\xa0min)?", text), text
        elif status == "on-track":
            assert re.fullmatch(
                r"Ship by \w{3}, \w{3} \d{1,2} · \d+\xa0(d|h)( \d+\xa0h)? left", text
            ), text
        elif status == "unknown":
            assert text == "Ship-by unknown"
            assert "could not read the ship-by date" in state["tooltip"]
        else:
            assert text in ("Shipped or canceled", "Fulfilled by Amazon")
        if status in ("late", "due-soon", "on-track"):
            assert (
                state["tooltip"].startswith("Ship-by deadline: ")
                and "your time" in state["tooltip"]
            )


def test_deadline_is_the_end_of_the_last_ship_by_day_in_los_angeles(browser_context, orders, now):
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    by_id = {s["order"]: s for s in overlay_state(page)}
    dated = [o for o in orders if expected_kind(o, now) in ("late", "due-soon", "on-track")]
    assert any(" to " in o["ship_by_text"] for o in dated), "the fixture has a ship-by window"
    for order in dated:
        assert by_id[order["order_id"]]["deadline"] == expected_deadline(order)
    for order in orders:
        if expected_kind(order, now) not in ("late", "due-soon", "on-track"):
            assert by_id[order["order_id"]]["deadline"] is None


def test_rows_replaced_by_pagination_get_badges_and_old_ones_go(browser_context, orders, now):
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    page_two = fixture_orders(UNSHIPPED, now, section="page-2-rows")
    page.get_by_role("link", name="Next").click()
    wait_for_overlays(page, len(page_two))
    state = overlay_state(page)
    assert sorted(s["order"] for s in state) == sorted(o["order_id"] for o in page_two)
    assert all(s["rowOrder"] == s["order"] for s in state)
    for order in page_two:
        status = next(s["status"] for s in state if s["order"] == order["order_id"])
        assert status == expected_status(expected_kind(order, now))
    page.get_by_role("link", name="Previous").click()
    wait_for_overlays(page, len(orders))
    assert sorted(s["order"] for s in overlay_state(page)) == sorted(o["order_id"] for o in orders)


def test_sorting_moves_badges_with_their_rows(browser_context, orders):
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    first_row = "#orders-table tbody tr a[href*='/orders-v3/order/']"
    before = page.locator(first_row).first.text_content()
    page.click("#sort-ship-by")
    page.wait_for_function(
        """before => {
            const link = (row) => row.querySelector('a[href*="/orders-v3/order/"]');
            const rows = [...document.querySelectorAll('#orders-table tbody tr')].filter(link);
            return link(rows[0]).textContent !== before && rows.every(row =>
                row.querySelector('[data-shipguard-order]')?.dataset.shipguardOrder
                    === link(row).textContent.trim());
        }""",
        arg=before,
    )
    state = overlay_state(page)
    assert len(state) == len(orders)
    assert all(s["rowOrder"] == s["order"] for s in state)


def test_a_row_reused_for_another_order_gets_that_orders_badge(browser_context, orders, now):
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    before = overlay_state(page)
    page.click("#rerender-in-place")
    page.wait_for_function(
        """() => [...document.querySelectorAll('#orders-table tbody tr')].slice(0, 2).every(row => {
            const host = row.querySelector('[data-shipguard-order]');
            const link = row.querySelector('a[href*="/orders-v3/order/"]');
            return host && link && host.dataset.shipguardOrder === link.textContent.trim();
        })"""
    )
    after = overlay_state(page)
    assert len(after) == len(before)
    assert [s["order"] for s in after[:2]] == [before[1]["order"], before[0]["order"]]
    assert [s["status"] for s in after[:2]] == [before[1]["status"], before[0]["status"]]


def test_every_manage_orders_tab_is_annotated(browser_context, orders):
    for path in ("/orders-v3", "/orders-v3/mfn/pending", "/orders-v3/search?q=1"):
        page = open_orders(browser_context, path)
        wait_for_overlays(page, len(orders))
        page.close()


def test_a_seller_in_another_time_zone_gets_the_same_deadlines(
    playwright, extension_dir, tmp_path, pages, orders, now
):
    """Deadlines are the marketplace's; only the tooltip's "your time" follows the seller."""
    from browser import launch_with_extension
    from sellercentral import install_routes

    context = launch_with_extension(
        playwright, extension_dir, tmp_path / "profile", timezone_id="Asia/Tokyo"
    )
    install_routes(context, pages)
    try:
        page = context.new_page()
        page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
        wait_for_overlays(page, len(orders))
        assert page.evaluate("Intl.DateTimeFormat().resolvedOptions().timeZone") == "Asia/Tokyo"
        by_id = {s["order"]: s for s in overlay_state(page)}
        for order in orders:
            if expected_kind(order, now) in ("late", "due-soon", "on-track"):
                shown = by_id[order["order_id"]]
                assert shown["deadline"] == expected_deadline(order)
                assert re.search(r"11:59\sPM P[SD]T", shown["tooltip"]), shown["tooltip"]
                assert "GMT+9" in shown["tooltip"] or "JST" in shown["tooltip"], shown["tooltip"]
    finally:
        context.close()


def test_orders_shown_again_in_new_rows_keep_their_badges_and_a_changed_status_shows(
    browser_context, orders
):
    """The app redraws the same orders in new rows (as pagination back does), one of them now
    shipped by its status class alone: what Shipguard remembers of a row's text must not hide it."""
    page = open_orders(browser_context)
    wait_for_overlays(page, len(orders))
    before = {s["order"]: s for s in overlay_state(page)}
    target = next(o for o, s in before.items() if s["status"] in ("late", "due-soon", "on-track"))
    page.evaluate(
        """target => {
            const tbody = document.querySelector('#orders-table tbody');
            tbody.innerHTML = [...tbody.rows].map(row => {
                const copy = row.cloneNode(true);
                copy.querySelectorAll('shipguard-badge').forEach(host => host.remove());
                if (copy.querySelector(`a[href$="/orders-v3/order/${target}"]`)) {
                    copy.querySelector('.main-status').className = 'main-status shipped-status';
                }
                return copy.outerHTML;
            }).join('');
        }""",
        target,
    )
    page.wait_for_function(
        """target => document.querySelector(`[data-shipguard-order="${target}"]`)
            ?.dataset.shipguardStatus === 'done'""",
        arg=target,
    )
    wait_for_overlays(page, len(orders))
    after = {s["order"]: s for s in overlay_state(page)}
    assert after[target]["text"] == "Shipped or canceled"
    assert all(s["rowOrder"] == s["order"] for s in after.values())
    for order_id, shown in before.items():
        if order_id != target:
            assert (after[order_id]["status"], after[order_id]["deadline"]) == (
                shown["status"],
                shown["deadline"],
            )
