// The orders app's JSON as Amazon sends it: the two captured bodies (tests/fixtures/evidence/
// seller-central/), changed per case, read through the shipped orders-api adapter.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { ordersFromResponse } from "../../extension/core/order-json.js";
import { orderFromJson, orderStatus } from "../../extension/core/order.js";
import { compileBundle } from "../../extension/core/compiled-bundle.js";

const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const EVIDENCE = "tests/fixtures/evidence/seller-central";
const spec = read("server/shipguard/data/pages/orders-api.json").json;
const compiled = compileBundle({
  version: "test",
  marketplaces: read("server/shipguard/data/marketplaces.json").marketplaces,
  date_formats: read("server/shipguard/data/date-formats.json").date_formats,
  pages: [read("server/shipguard/data/pages/orders-api.json")],
  rules: read("server/shipguard/data/rules.json"),
  templates: [],
});
const marketplace = (code) => compiled.marketplaces.find((m) => m.code === code);

const ORDER_URL = "/orders-api/order/114-7941379-5480234";
const SEARCH_URL = "/orders-api/search";
// The captured order ships by Nov 17 2021, 23:59:59 PST.
const DEADLINE = Date.UTC(2021, 10, 18, 7, 59, 59);
const HOUR = 3600 * 1000;

/** The captured order body with `change(order)` applied. */
function orderBody(change = () => {}) {
  const body = read(`${EVIDENCE}/orders-api-order.2021-11.redacted.json`);
  change(body.order);
  return JSON.stringify(body);
}

function searchBody(change = () => {}) {
  const body = read(`${EVIDENCE}/orders-api-search.2021-11.redacted.json`);
  change(body.orders[0]);
  return JSON.stringify(body);
}

/** What a seller sees for the one order of a body at `now`. */
function statusOf(text, url, now, page = marketplace("US")) {
  const [facts] = ordersFromResponse(text, url, spec);
  const order = orderFromJson(facts, compiled, page);
  return { facts, order, status: orderStatus(order, now, compiled) };
}

test("the captured order body reads as it is: unshipped, its deadline, its marketplace and SKU", () => {
  const { facts, order, status } = statusOf(orderBody(), ORDER_URL, DEADLINE - 30 * HOUR);
  assert.equal(facts.orderId, "114-7941379-5480234");
  assert.equal(facts.deadline, DEADLINE);
  assert.equal(facts.done, false);
  assert.equal(facts.amazonLate, false);
  assert.equal(facts.atRisk, false);
  assert.equal(facts.sku, "Pods custom");
  assert.deepEqual(facts.items, [{ asin: "B092DMN2TW", sku: "Pods custom", unshipped: 1, status: "Unshipped" }]);
  assert.equal(facts.shipByOffsetMs, -8 * HOUR);
  assert.equal(order.marketplace.code, "US");
  assert.deepEqual(order.shipByDay, { year: 2021, month: 11, day: 17 });
  assert.equal(status, "on-track");
});

test("the captured search body reads the same order alike", () => {
  const { facts, status } = statusOf(searchBody(), SEARCH_URL, DEADLINE - 30 * HOUR);
  assert.equal(facts.deadline, DEADLINE);
  assert.equal(facts.sku, "Pods custom");
  assert.equal(status, "on-track");
});

test("shipped, cancelled and Amazon-fulfilled orders are done however late their ship-by", () => {
  const late = DEADLINE + 48 * HOUR;
  const cases = {
    shipped: (o) => { o.orderStatus.OrderStatus = "Shipped"; },
    canceled: (o) => { o.orderStatus.OrderStatus = "Canceled"; },
    "fulfilled by Amazon": (o) => { o.fulfillmentChannel = "Amazon"; },
  };
  for (const [name, change] of Object.entries(cases)) {
    const { facts, status } = statusOf(orderBody(change), ORDER_URL, late);
    assert.equal(status, "done", name);
    assert.equal(facts.doneReason, name === "fulfilled by Amazon" ? "fulfilled-by-amazon" : "shipped-or-cancelled");
  }
  for (const change of [(o) => { o.orderFulfillmentStatus = "Shipped"; }, (o) => { o.isMerchantFulfilled = false; }]) {
    assert.equal(statusOf(searchBody(change), SEARCH_URL, late).status, "done");
  }
});

test("Amazon's late flag makes an order late before the clock does; its 'not late' does not outlast the deadline", () => {
  const flagged = orderBody((o) => { o.orderStatus.Late = true; });
  assert.equal(statusOf(flagged, ORDER_URL, DEADLINE - HOUR).status, "late");
  const notLate = orderBody();
  assert.equal(statusOf(notLate, ORDER_URL, DEADLINE - HOUR).status, "due-soon");
  assert.equal(statusOf(notLate, ORDER_URL, DEADLINE + 2 * HOUR).status, "late");
});

test("at-risk orders carry Amazon's flag", () => {
  const { facts, order } = statusOf(orderBody((o) => { o.orderStatus.AtRiskOfCancellation = true; o.orderStatus.Late = true; }), ORDER_URL, DEADLINE + 140 * HOUR);
  assert.equal(facts.atRisk, true);
  assert.equal(order.atRisk, true);
});

test("the SKU to check is the item not yet shipped", () => {
  const { facts } = statusOf(orderBody((o) => {
    const shipped = { ...o.orderItems[0], SellerSKU: "SHIPPED-ONE", QuantityUnshipped: 0, QuantityShipped: 1 };
    o.orderItems = [shipped, { ...o.orderItems[0], SellerSKU: "STILL-TO-SHIP", QuantityUnshipped: 2 }];
  }), ORDER_URL, DEADLINE);
  assert.equal(facts.sku, "STILL-TO-SHIP");
  assert.deepEqual(facts.items.map((i) => i.unshipped), [0, 2]);
});

test("the order's own marketplace id wins over the page's host; Non-Amazon falls back to the page", () => {
  const uk = orderBody((o) => { o.orderMarketplaceId = "A1F83G8C2ARO7P"; o.salesChannel = "Amazon.co.uk"; });
  assert.equal(statusOf(uk, ORDER_URL, DEADLINE, marketplace("DE")).order.marketplace.code, "UK");
  const nonAmazon = orderBody((o) => { o.salesChannel = "Non-Amazon"; delete o.orderMarketplaceId; delete o.rootMarketplaceId; });
  assert.equal(statusOf(nonAmazon, ORDER_URL, DEADLINE, marketplace("DE")).order.marketplace.code, "DE");
  const rootOnly = orderBody((o) => { delete o.orderMarketplaceId; o.rootMarketplaceId = "A13V1IB3VIYZZH"; o.salesChannel = "Non-Amazon"; });
  assert.equal(statusOf(rootOnly, ORDER_URL, DEADLINE, marketplace("DE")).order.marketplace.code, "FR");
});

test("bodies that are not well-formed are not read at all", () => {
  const forged = [
    orderBody((o) => { o.orderStatus.Late = "no"; }),
    orderBody((o) => { o.latestShipDate = String(o.latestShipDate); }),
    orderBody((o) => { o.latestShipDate = 99999999999; }),
    orderBody((o) => { o.amazonOrderId = "not-an-order"; }),
    orderBody((o) => { o.orderItems = ["x"]; }),
    orderBody((o) => { o.orderItems[0].QuantityUnshipped = -1; }),
    orderBody((o) => { o.timeZoneDetailsMap.latestShipDate.offset = 1e12; }),
    "<html>sign in</html>",
    "null",
    "[]",
  ];
  for (const text of forged) assert.deepEqual(ordersFromResponse(text, ORDER_URL, spec), [], text.slice(0, 60));
  // The search body's shape is not the order body's: each endpoint is read by its own shape.
  assert.deepEqual(ordersFromResponse(searchBody(), ORDER_URL, spec), []);
  assert.deepEqual(ordersFromResponse(orderBody(), "/orders-api/order/114-7941379-5480234/feedback", spec), []);
});
