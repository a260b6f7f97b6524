"""Carrier calendars and transit estimates on Seller Central pages, in a real Chromium.

The note needs a day without collection right after today whatever day the tests run, so
a team folder on the real server closes one carrier on tomorrow's weekday (its holidays
worked, so a real holiday today cannot get in first); the holiday dates themselves are
covered by the shared vectors (tests/vectors/carrier-calendar.json).
"""

import json
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from browser import storage_set
from overlay import host, wait_for_overlays
from sellercentral import ORIGIN, expected_kind, fixture_orders
from shipguard import config
from shipguard.commands.server_process import running_server

UNSHIPPED_US = "orders-list-unshipped.html"
ORDERS_DE = "orders-list-de.html"
ORIGIN_DE = "https://sellercentral.amazon.de"
NOTE_STATUSES = {"late"}  # due-soon orders here are due today, before tomorrow's closed day


def tomorrow_weekday(zone):
    """(ISO weekday, English name) of tomorrow on a marketplace's clock."""
    tomorrow = datetime.now(ZoneInfo(zone)) + timedelta(days=1)
    return tomorrow.isoweekday(), tomorrow.strftime("%A")


def closed_tomorrow(marketplace, country, carrier, zone):
    weekday, _ = tomorrow_weekday(zone)
    return {
        "marketplace": marketplace,
        "country": country,
        "carriers": [
            {
                "carrier": carrier,
                "closed_weekdays": [weekday],
                "works_all_holidays": True,
                "regional_holidays": False,
                "source": "Test depot closed one weekday",
            }
        ],
    }


@pytest.fixture
def german_orders(pages):
    """The German Manage Orders fixture at its own host."""
    pages[ORIGIN_DE + "/orders-v3/mfn/unshipped"] = ORDERS_DE


@pytest.fixture
def team(tmp_path):
    folder = tmp_path / "team"
    folder.mkdir()
    calendars = [
        closed_tomorrow("US", "US", "usps", "America/Los_Angeles"),
        closed_tomorrow("DE", "DE", "dhl", "Europe/Berlin"),
    ]
    (folder / "carrier-calendars.json").write_text(json.dumps({"calendars": calendars}))
    return folder


def notes_by_order(page):
    return page.eval_on_selector_all(
        "[data-shipguard-order]",
        """hosts => Object.fromEntries(hosts.map(h => [h.dataset.shipguardOrder, {
            status: h.dataset.shipguardStatus,
            notes: h.dataset.shipguardNotes || null,
            tooltip: h.shadowRoot.querySelector('.badge').title,
        }]))""",
    )


@pytest.mark.parametrize(
    ("fixture", "origin", "zone", "carrier_name"),
    [
        (UNSHIPPED_US, ORIGIN, "America/Los_Angeles", "USPS"),
        (ORDERS_DE, ORIGIN_DE, "Europe/Berlin", "DHL"),
    ],
    ids=["US", "DE"],
)
def test_late_orders_before_a_day_without_collection_carry_the_note(
    german_orders,
    browser_context,
    use_server,
    team,
    fixture,
    origin,
    zone,
    carrier_name,
    page_errors,
):
    now = datetime.now(timezone.utc)
    orders = fixture_orders(fixture, now)
    with running_server(data_dir=team) as server:
        use_server(server.url)
        page = browser_context.new_page()
        page.goto(origin + "/orders-v3/mfn/unshipped")
        wait_for_overlays(page, len(orders))
        state = notes_by_order(page)
    _, weekday = tomorrow_weekday(zone)
    sentence = f"Tomorrow is a {weekday}: {carrier_name} doesn't collect. Ship today."
    late = [o["order_id"] for o in orders if expected_kind(o, now) in NOTE_STATUSES]
    assert late, "the fixture has late orders"
    for order in orders:
        seen = state[order["order_id"]]
        if order["order_id"] in late:
            assert "carrier-holiday" in seen["notes"].split(), (order["order_id"], seen)
            assert seen["tooltip"].endswith(sentence), seen["tooltip"]
        else:
            assert "carrier-holiday" not in (seen["notes"] or "").split(), (order["order_id"], seen)
            assert "collect" not in seen["tooltip"]
    # The panel says which day and why, too.
    host(page, late[0]).click()
    note = host(page, late[0]).locator('.panel [data-shipguard-note="carrier-holiday"]')
    assert note.inner_text() == sentence
    assert page_errors == []


def test_the_shipped_calendars_put_no_note_on_an_order_with_time_to_spare(browser_context):
    # Default data, no server: an on-track order never carries the note, whatever the day.
    now = datetime.now(timezone.utc)
    orders = fixture_orders(UNSHIPPED_US, now)
    page = browser_context.new_page()
    page.goto(ORIGIN + "/orders-v3/mfn/unshipped")
    wait_for_overlays(page, len(orders))
    state = notes_by_order(page)
    for order in orders:
        if expected_kind(order, now) not in ("late", "due-soon"):
            assert "carrier-holiday" not in (state[order["order_id"]]["notes"] or ""), order[
                "order_id"
            ]


def open_panel(browser_context, worker, origin, order_id, count, carriers):
    storage_set(worker, "sync", {"carriers": carriers})
    page = browser_context.new_page()
    page.goto(origin + "/orders-v3/mfn/unshipped")
    wait_for_overlays(page, count)
    host(page, order_id).click()
    panel = host(page, order_id).locator(".panel")
    panel.wait_for(state="visible")
    return panel


def fix_the_cause(panel):
    return panel.locator("fieldset").filter(
        has=panel.page.locator("legend", has_text="Fix the cause")
    )


def test_a_us_order_lists_the_services_that_still_arrive(browser_context, worker):
    now = datetime.now(timezone.utc)
    orders = fixture_orders(UNSHIPPED_US, now)
    # Due today, to be delivered within four days: Priority Mail Express makes it on any day.
    order = next(o for o in orders if o["order_id"] == "111-8264093-5502918")
    assert expected_kind(order, now) == "due-soon"
    panel = open_panel(browser_context, worker, ORIGIN, order["order_id"], len(orders), ["usps"])
    group = fix_the_cause(panel)
    transit = group.locator(".transit")
    assert transit.get_attribute("data-shipguard-transit") == "some"
    assert transit.locator("p").first.inner_text().startswith("Services that still arrive by ")
    assert "estimate" in transit.inner_text()
    services = transit.locator("li").evaluate_all("els => els.map(e => e.dataset.shipguardService)")
    assert "usps priority-mail-express" in services
    assert all(s.startswith("usps ") for s in services), "only the seller's carrier"
    express = transit.locator('[data-shipguard-service="usps priority-mail-express"]').inner_text()
    assert express.startswith("Priority Mail Express (1–2 business days): ")
    assert "in time" in express
    assert "Source: USPS" in transit.inner_text()
    # Amazon's own quotes are one click away in the same group.
    assert group.locator('[data-shipguard-action="open-buy-shipping"]').count() == 1


def test_an_order_past_its_delivery_date_says_no_service_arrives(browser_context, worker):
    now = datetime.now(timezone.utc)
    orders = fixture_orders(UNSHIPPED_US, now)
    order = next(
        o for o in orders if o["order_id"] == "114-0385162-7719420"
    )  # deliver by yesterday
    panel = open_panel(browser_context, worker, ORIGIN, order["order_id"], len(orders), [])
    transit = fix_the_cause(panel).locator(".transit")
    assert transit.get_attribute("data-shipguard-transit") == "none"
    assert transit.locator("li").count() == 0
    text = transit.locator(".transit-none").inner_text()
    assert text.startswith("No service still arrives by ")
    assert "Tell the buyer the new delivery date first" in text


def test_a_german_order_lists_dhl_services(german_orders, browser_context, worker):
    now = datetime.now(timezone.utc)
    orders = fixture_orders(ORDERS_DE, now)
    # Ship by in three days, deliver by in six: DHL Paket makes it whatever today is.
    panel = open_panel(
        browser_context, worker, ORIGIN_DE, "305-1224820-2243280", len(orders), ["dhl"]
    )
    transit = fix_the_cause(panel).locator(".transit")
    assert transit.get_attribute("data-shipguard-transit") == "some"
    services = transit.locator("li").evaluate_all("els => els.map(e => e.dataset.shipguardService)")
    assert "dhl paket" in services
    tables = json.loads((config.default_data_dir() / "transit-times.json").read_text())
    dhl = next(
        t for t in tables["transit_tables"] if (t["marketplace"], t["carrier"]) == ("DE", "dhl")
    )
    assert f"Source: {dhl['source']}" in transit.inner_text()


def test_the_options_page_saves_the_sellers_carriers_and_ship_from_region(
    browser_context, extension_id, worker
):
    page = browser_context.new_page()
    page.goto(f"chrome-extension://{extension_id}/options/options.html")
    carriers = page.get_by_role("group", name="Carriers you ship with")
    carriers.get_by_label("USPS").wait_for()
    assert carriers.get_by_label("Deutsche Post").count() == 1
    region = page.get_by_label("Ship-from region")
    assert region.locator("option").first.inner_text() == "None: national holidays only"
    carriers.get_by_label("USPS").check()
    region.select_option("DE-BY")
    page.locator("#prefs-feedback").filter(has_text="saved").wait_for()
    page.wait_for_function(
        """async () => {
            const s = await chrome.storage.sync.get(["carriers", "shipFromRegion"]);
            return JSON.stringify(s.carriers) === '["usps"]' && s.shipFromRegion === "DE-BY";
        }"""
    )
    page.reload()
    assert (
        page.get_by_role("group", name="Carriers you ship with").get_by_label("USPS").is_checked()
    )
    assert page.get_by_label("Ship-from region").input_value() == "DE-BY"
