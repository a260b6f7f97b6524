"""The orders app's JSON fixtures, built from the two captured bodies.

``tests/fixtures/evidence/seller-central/`` holds one real ``/orders-api/search`` body and one
real ``/orders-api/order/<id>`` body (US, 2021). Every ``orders-api-*.json`` fixture is one of
them moved in time (dates become day tokens relative to today, spaced as captured) with the
fields a case needs changed. Nothing else about the shape is written by hand.

Run ``python tests/support/order_bodies.py`` to rewrite the fixtures; a test checks that the files
on disk are exactly what this module builds.
"""

from __future__ import annotations

import copy
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVIDENCE_DIR = ROOT / "tests" / "fixtures" / "evidence" / "seller-central"
FIXTURES_DIR = ROOT / "tests" / "fixtures" / "sellercentral"
CAPTURED_SEARCH = EVIDENCE_DIR / "orders-api-search.2021-11.redacted.json"
CAPTURED_ORDER = EVIDENCE_DIR / "orders-api-order.2021-11.redacted.json"

US_ZONE = "America/Los_Angeles"
US_ID = "ATVPDKIKX0DER"
US_LATE = "113-9703439-6162920"
DE_DUE = "305-9308558-3925690"

# Captured: purchased Nov 15 08:04 PST, ship Nov 16-17, deliver Dec 10-29, cancellable
# until Nov 28. As day offsets from the last ship day, so moved bodies keep that spacing.
PURCHASE_DAYS, PURCHASE_TIME = -2, "8:04"
EARLIEST_SHIP_DAYS = -1
EARLIEST_DELIVERY_DAYS, LATEST_DELIVERY_DAYS = 23, 42
CANCELLATION_DAYS = 11

_NUMBER = "#number#"
_TEXT = "#text#"


def _number(token: str) -> str:
    return f"{_NUMBER}{token}#"


def _text(token: str) -> str:
    return f"{_TEXT}{token}#"


def _zone_entry(day: str) -> dict:
    return {"offset": _number(f"offset_ms:{day}"), "shortenedTzString": _text(f"tz_abbr:{day}")}


def _day(n: int) -> str:
    return f"{n:+d}"


@dataclass(frozen=True)
class Item:
    asin: str
    sku: str
    ordered: int
    shipped: int = 0
    canceled: int = 0

    @property
    def unshipped(self) -> int:
        return self.ordered - self.shipped - self.canceled


@dataclass(frozen=True)
class SearchOrder:
    """One row of the Manage Orders fixture as the search endpoint returns it."""

    order_id: str
    purchased: str  # "-1@10:14"
    ship: tuple[int, int] | None  # first and last ship day, None for no ship dates
    deliver: tuple[int, int] | None
    items: tuple[Item, ...]
    status: str = "Unshipped"
    merchant_fulfilled: bool = True
    service: str = "Standard"
    actions: tuple[str, ...] | None = None
    cancelled: str | None = None  # "-2@08:40"


UNSHIPPED_ACTIONS = (
    "buyShipping",
    "confirmShipment",
    "editMerchantOrderId",
    "manageFeedback",
    "manageSellerNotes",
    "printPackingSlip",
    "contactBuyer",
    "cancelOrder",
    "canViewOrderHistory",
)
SHIPPED_ACTIONS = ("printPackingSlip", "contactBuyer", "canViewOrderHistory")
CLOSED_ACTIONS = ("contactBuyer", "canViewOrderHistory")

#: orders-list-unshipped.html, page 1 and page 2, as the search endpoint returns them.
SEARCH_PAGES: dict[str, tuple[SearchOrder, ...]] = {
    "orders-api-search-us.json": (
        SearchOrder(
            "111-8264093-5502918",
            "-1@10:14",
            (0, 0),
            (4, 4),
            (Item("B08KT3MZ7Q", "BCB-3PC-NAT", 1),),
        ),
        # The row says ship by yesterday; the data says tomorrow: the data wins.
        SearchOrder(
            "113-4729618-2041735",
            "-3@19:52",
            (1, 1),
            (4, 4),
            (Item("B09QWX4R2L", "UCL-6FT-2PK", 2),),
        ),
        SearchOrder(
            "113-2957730-8146602",
            "-1@16:42",
            (2, 2),
            (6, 6),
            (Item("B07PZR5NMK", "CPD-02-WHT", 1),),
            actions=tuple(a for a in UNSHIPPED_ACTIONS if a != "buyShipping"),
        ),
        SearchOrder(
            "112-7038815-6620147",
            "-1@07:05",
            (1, 3),
            (5, 9),
            (Item("B0B1FH2T9C", "HG-ADJ-OS-GRN", 1),),
        ),
        SearchOrder(
            "111-5592047-9903416",
            "-4@11:38",
            (-2, -2),
            (1, 1),
            (Item("B00006JSUA", "CI-SKL-1025", 1, shipped=1),),
            status="Shipped",
            actions=SHIPPED_ACTIONS,
        ),
        SearchOrder(
            "114-0385162-7719420",
            "-5@13:30",
            (-3, -3),
            (-1, -1),
            (Item("B08R6K4ZQW", "LDL-WC-BLK", 1),),
            service="Expedited",
        ),
        SearchOrder(
            "113-9904152-3068871",
            "-2@21:09",
            (-1, -1),
            (2, 2),
            (Item("B00GRIR87M", "SBM-HS-2PK-FBA", 3),),
            merchant_fulfilled=False,
            actions=CLOSED_ACTIONS,
        ),
        SearchOrder(
            "112-0471839-5526643", "-1@05:51", None, None, (Item("B07D6Q2RXH", "WFC-RF9999-1", 1),)
        ),
        SearchOrder(
            "112-6610478-3398251",
            "-1@22:03",
            (0, 0),
            (1, 1),
            (Item("B09TQ7X8LM", "KBH-S-BLU", 1),),
            service="Expedited",
        ),
        SearchOrder(
            "114-3316690-1287254",
            "-3@09:17",
            (-1, -1),
            (3, 3),
            (Item("B01N5FQ9ZB", "MKS-16-SS", 1, canceled=1),),
            status="Canceled",
            actions=CLOSED_ACTIONS,
            cancelled="-2@08:40",
        ),
        SearchOrder(
            "114-1849306-4473129",
            "-1@18:26",
            (5, 5),
            (9, 12),
            (Item("B08Y5W3NCD", "LTP-18-4PK-OAT", 2),),
            status="Pending",
            actions=("cancelOrder",),
        ),
    ),
    "orders-api-search-us-page2.json": (
        SearchOrder(
            "111-2208463-7715390",
            "-6@14:48",
            (-2, -2),
            (1, 1),
            (Item("B07XJ8C8F5", "SWB-32-MBLK", 1),),
        ),
        SearchOrder(
            "114-6842217-0395518",
            "-2@08:12",
            (0, 0),
            (3, 3),
            (Item("B0C2M8DPL4", "YM6-NS-PUR", 1),),
        ),
        SearchOrder(
            "113-5175960-2286734",
            "-1@12:57",
            (4, 4),
            (7, 7),
            (Item("B09B2LX6QF", "MPS-05-360", 4),),
            service="Expedited",
        ),
    ),
}
SEARCH_TOTAL = sum(len(orders) for orders in SEARCH_PAGES.values())
PAGE_SIZE = 15


@dataclass(frozen=True)
class OrderCase:
    """One ``/orders-api/order/<id>`` body: the captured one with these facts changed."""

    name: str
    note: str
    status: str  # what Shipguard must show
    order_id: str = US_LATE
    ship_by: int = -1
    order_status: str = "Unshipped"
    late: bool = False
    at_risk: bool = False
    channel: str = "Seller"
    marketplace: str = US_ID
    sales_channel: str = "Amazon.com"
    zone: str = US_ZONE
    origin: str = "https://sellercentral.amazon.com"
    items: tuple[Item, ...] = field(
        default=(Item("B07ZQ3R2LM", "FJ-SS-16", 1), Item("B08HMN4Y1T", "LBD-SIL-2", 2))
    )


ORDER_CASES: tuple[OrderCase, ...] = (
    OrderCase(
        f"orders-api-order-{US_LATE}.json",
        "order-details-us-late.html's order: two items, a day late, Amazon's Late flag set.",
        "late",
        late=True,
    ),
    OrderCase(
        "orders-api-order-us-shipped.json",
        "The same order shipped: the page's markup still says late; the data says Shipped.",
        "done",
        order_status="Shipped",
        items=(
            Item("B07ZQ3R2LM", "FJ-SS-16", 1, shipped=1),
            Item("B08HMN4Y1T", "LBD-SIL-2", 2, shipped=2),
        ),
    ),
    OrderCase(
        "orders-api-order-us-canceled.json",
        "The same order cancelled.",
        "done",
        order_status="Canceled",
        items=(
            Item("B07ZQ3R2LM", "FJ-SS-16", 1, canceled=1),
            Item("B08HMN4Y1T", "LBD-SIL-2", 2, canceled=2),
        ),
    ),
    OrderCase(
        "orders-api-order-us-fba.json",
        "The same order fulfilled by Amazon (status still Unshipped): nothing for the seller to do.",
        "done",
        channel="Amazon",
    ),
    OrderCase(
        "orders-api-order-us-at-risk.json",
        "Six days late: Amazon flags it Late and at risk of cancellation.",
        "late",
        ship_by=-6,
        late=True,
        at_risk=True,
    ),
    OrderCase(
        "orders-api-order-us-one-item-shipped.json",
        "Ships today; the first item already shipped, the second (LBD-SIL-2) not.",
        "due-soon",
        ship_by=0,
        items=(Item("B07ZQ3R2LM", "FJ-SS-16", 1, shipped=1), Item("B08HMN4Y1T", "LBD-SIL-2", 2)),
    ),
    OrderCase(
        "orders-api-order-us-non-amazon.json",
        'An order from another channel (sales channel "Non-Amazon"), ship by in three days.',
        "on-track",
        ship_by=3,
        sales_channel="Non-Amazon",
    ),
    OrderCase(
        "orders-api-order-uk-on-de.json",
        "order-details-de.html's order as a UK order viewed on the German host: ship by tomorrow, London time.",
        "on-track",
        order_id=DE_DUE,
        ship_by=1,
        marketplace="A1F83G8C2ARO7P",
        sales_channel="Amazon.co.uk",
        zone="Europe/London",
        origin="https://sellercentral.amazon.de",
        items=(Item("B08X4M2KQL", "WK-17-EDS", 1),),
    ),
)


def _dates(ship: tuple[int, int] | None, deliver: tuple[int, int] | None) -> dict:
    if ship is None:
        return dict.fromkeys(
            ("earliestShipDate", "latestShipDate", "earliestDeliveryDate", "latestDeliveryDate")
        )
    return {
        "earliestShipDate": _number(f"epoch_start:{_day(ship[0])}"),
        "latestShipDate": _number(f"epoch_end:{_day(ship[1])}"),
        "earliestDeliveryDate": _number(f"epoch_start:{_day(deliver[0])}"),
        "latestDeliveryDate": _number(f"epoch_end:{_day(deliver[1])}"),
    }


def _zones(order: dict, keys: list[str]) -> dict:
    """The body's timeZoneDetailsMap: one entry per date field it has, on that field's day."""
    zones = {}
    for key in keys:
        value = order.get(key)
        if isinstance(value, str) and value.startswith(_NUMBER):
            day = re.search(r":([+-]\d+)", value).group(1)
            zones[key] = _zone_entry(day)
    return zones


def search_order(captured: dict, case: SearchOrder) -> dict:
    order = copy.deepcopy(captured)
    template_item = order["orderItems"][0]
    order.update(
        amazonOrderId=case.order_id,
        orderDate=_number(f"epoch:{case.purchased}"),
        cancellationDate=_number(f"epoch:{case.cancelled}") if case.cancelled else None,
        orderFulfillmentStatus=case.status,
        isMerchantFulfilled=case.merchant_fulfilled,
        shippingService=case.service,
        actions=list(case.actions or UNSHIPPED_ACTIONS),
        relativeOrderDate=None,  # a UI text; Shipguard never reads it
        **_dates(case.ship, case.deliver),
    )
    order["orderItems"] = []
    for index, item in enumerate(case.items):
        entry = copy.deepcopy(template_item)
        entry.update(
            asin=item.asin,
            sellerSku=item.sku,
            orderItemId=f"{19161702420218 + index}",
            productLink=f"https://www.amazon.com/gp/product/{item.asin}",
            quantityOrdered=item.ordered,
            quantityShipped=item.shipped,
            quantityUnShipped=item.unshipped,
        )
        order["orderItems"].append(entry)
    order["timeZoneDetailsMap"] = _zones(order, list(captured["timeZoneDetailsMap"]))
    return order


def search_body(name: str) -> dict:
    captured = json.loads(CAPTURED_SEARCH.read_text(encoding="utf-8"))
    offset = list(SEARCH_PAGES).index(name) * PAGE_SIZE
    body = copy.deepcopy(captured)
    body["orders"] = [search_order(captured["orders"][0], case) for case in SEARCH_PAGES[name]]
    body["total"] = SEARCH_TOTAL
    body["offset"] = offset
    for applied in body["appliedSearchFilters"]:
        if applied["key"] == "offset":
            applied["selectedValues"] = [str(offset)]
        if applied["key"] == "sort":
            applied["selectedValues"] = ["ship_by_asc"]
    return body


def order_body(case: OrderCase) -> dict:
    body = json.loads(CAPTURED_ORDER.read_text(encoding="utf-8"))
    order = body["order"]
    captured_zones = list(order["timeZoneDetailsMap"])
    captured_item = order["orderItems"][0]
    n = case.ship_by
    order.update(
        amazonOrderId=case.order_id,
        purchaseDate=_number(f"epoch:{_day(n + PURCHASE_DAYS)}@{PURCHASE_TIME}"),
        earliestShipDate=_number(f"epoch_start:{_day(n + EARLIEST_SHIP_DAYS)}"),
        latestShipDate=_number(f"epoch_end:{_day(n)}"),
        earliestDeliveryDate=_number(f"epoch_start:{_day(n + EARLIEST_DELIVERY_DAYS)}"),
        latestDeliveryDate=_number(f"epoch_end:{_day(n + LATEST_DELIVERY_DAYS)}"),
        cancellationDate=_number(f"epoch_end:{_day(n + CANCELLATION_DAYS)}"),
        fulfillmentChannel=case.channel,
        orderMarketplaceId=case.marketplace,
        rootMarketplaceId=case.marketplace,
        salesChannel=case.sales_channel,
    )
    order["orderStatus"].update(
        OrderStatus=case.order_status, Late=case.late, AtRiskOfCancellation=case.at_risk
    )
    if case.order_status != "Unshipped" or case.channel != "Seller":
        order["actions"] = list(CLOSED_ACTIONS)
        order["possibleCancelReasons"] = []
    order["pluginActions"]["requestAReview"]["url"] = (
        f"/messaging/reviews?orderId={case.order_id}&marketplaceId={case.marketplace}"
    )
    order["orderItems"] = []
    for index, item in enumerate(case.items):
        entry = copy.deepcopy(captured_item)
        item_status = "Shipped" if item.unshipped == 0 and item.shipped else "Unshipped"
        entry.update(
            ASIN=item.asin,
            SellerSKU=item.sku,
            OrderItemId=f"{19161702420218 + index}",
            QuantityOrdered=item.ordered,
            QuantityShipped=item.shipped,
            QuantityUnshipped=item.unshipped,
            QuantityCanceled=item.canceled,
        )
        entry["ItemStatus"] = {
            **entry["ItemStatus"],
            "ItemStatus": "Canceled" if item.canceled else item_status,
            "CancelStatus": "Canceled" if item.canceled else "None",
        }
        order["orderItems"].append(entry)
    order["timeZoneDetailsMap"] = _zones(order, captured_zones)
    return body


def render(body: dict, zone: str) -> str:
    """The fixture text: its declaration line, then the body with day tokens."""
    text = json.dumps(body, indent=2, ensure_ascii=False)
    text = re.sub(rf'"{_NUMBER}([^#]+)#"', r"{{\1}}", text)
    text = re.sub(rf"{_TEXT}([^#]+)#", r"{{\1}}", text)
    return f"/* shipguard-fixture zone={zone} */\n{text}\n"


MARKETPLACE_CODES = {"ATVPDKIKX0DER": "US", "A1F83G8C2ARO7P": "UK", "A1PA6795UKMFR9": "DE"}


def _code_of(origin: str) -> str:
    """The marketplace of the host a body is served on."""
    return {"https://sellercentral.amazon.com": "US", "https://sellercentral.amazon.de": "DE"}[
        origin
    ]


def fixtures() -> dict[str, str]:
    """File name -> text of every orders-api fixture and its sidecar."""
    files = {}
    for name in SEARCH_PAGES:
        files[name] = render(search_body(name), US_ZONE)
    for case in ORDER_CASES:
        files[case.name] = render(order_body(case), case.zone)
        sidecar = {
            "origin": case.origin,
            "path": f"/orders-api/order/{case.order_id}",
            "page_kind": "orders-api",
            "marketplace": _code_of(case.origin),
            "orders": {case.order_id: case.status},
            "note": case.note,
        }
        if MARKETPLACE_CODES[case.marketplace] != sidecar["marketplace"]:
            sidecar["order_marketplaces"] = {case.order_id: MARKETPLACE_CODES[case.marketplace]}
        main = f"orders-api-order-{case.order_id}.json"
        if case.name != main and any(c.name == main for c in ORDER_CASES):
            sidecar["variant_of"] = main  # served at the same URL only when a test asks
        stem = case.name.removesuffix(".json")
        files[f"{stem}.expect.json"] = json.dumps(sidecar, indent=2, ensure_ascii=False) + "\n"
    return files


def write() -> list[str]:
    written = []
    for name, text in fixtures().items():
        path = FIXTURES_DIR / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(name)
    return written


if __name__ == "__main__":
    sys.stdout.write("".join(f"wrote {name}\n" for name in write()) or "up to date\n")
