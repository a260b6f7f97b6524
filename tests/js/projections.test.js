import { test } from "node:test";
import assert from "node:assert/strict";
import { project, choices, claimRisks, percent, LIMITS } from "../../extension/core/projections.js";

const close = (actual, expected) => assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);

test("each order at risk adds a failure and an order", () => {
  const p = project(0.021, 100, 3, LIMITS.lateShipmentRate);
  close(p.after, (2.1 + 3) / 103);
  assert.equal(percent(p.before), "2.1%");
  assert.equal(percent(p.after), "5.0%");
  assert.equal(p.crosses, true);
});

test("limits are crossed only when passed, not when reached", () => {
  // 3 late of 100 plus 1 of 1 more: exactly 4/101 < 4% … and 4% itself is not over the limit.
  assert.equal(project(0.03, 100, 1, 0.04).exceeds, false);
  assert.equal(project(0.04, 100, 0, 0.04).exceeds, false);
  assert.equal(project(0.04, 100, 1, 0.04).crosses, true);
  // Already over: exceeds, but nothing is newly crossed.
  const over = project(0.05, 100, 1, 0.04);
  assert.equal(over.exceeds, true);
  assert.equal(over.crosses, false);
});

test("no orders yet: the orders at risk are all there is", () => {
  close(project(0, 0, 2, 0.04).after, 1);
  assert.equal(project(0, 0, 0, 0.04).after, 0);
});

test("nonsense figures give no projection", () => {
  assert.equal(project(1.5, 100, 1, 0.04), null);
  assert.equal(project(-0.1, 100, 1, 0.04), null);
  assert.equal(project(0.01, -5, 1, 0.04), null);
  assert.equal(project(Number.NaN, 100, 1, 0.04), null);
});

test("shipping late and cancelling are weighed against their own windows and limits", () => {
  const both = choices({ lsr10: 0.021, orders10: 140, cancel7: 0.01, orders7: 90 }, 3);
  close(both.shipLate.after, (0.021 * 140 + 3) / 143);
  close(both.cancel.after, (0.9 + 3) / 93);
  assert.equal(both.cancel.limit, 0.025);
  assert.deepEqual(choices({ lsr10: 0.02 }, 3), { shipLate: null, cancel: null });
});

test("A-to-z risk: unshipped orders whose latest delivery date cannot be met", () => {
  const now = Date.UTC(2026, 10, 26, 12);
  const orders = [
    { orderId: "a", done: false, latestDelivery: now - 1 },
    { orderId: "b", done: false, latestDelivery: now + 3600e3 },
    { orderId: "c", done: false, latestDelivery: now + 5 * 24 * 3600e3 },
    { orderId: "d", done: true, latestDelivery: now - 1 },
    { orderId: "e", done: false },
  ];
  assert.deepEqual(claimRisks(orders, now).map((o) => o.orderId), ["a", "b"]);
});

import { readMetric } from "../../extension/core/account-health.js";

const LSR = { labels: ["Late Shipment Rate"], windows: ["10 days", "10 Tage"] };
const COUNT = "(\\d[\\d,.\\u00a0]*)\\s*(?:of|von)\\s*(\\d[\\d,.\\u00a0]*)";

test("a metric's rate and counts are read after its window's name", () => {
  assert.deepEqual(readMetric("Late Shipment Rate Target: under 4% 10 days 2.1% 3 of 142 orders 30 days 1.2%", LSR, COUNT),
    { rate: 0.021, failures: 3, orders: 142 });
  assert.deepEqual(readMetric("Verspätete Versandrate 10 Tage 2,5 % 5 von 1.200 Bestellungen", LSR, COUNT),
    { rate: 0.025, failures: 5, orders: 1200 });
  assert.deepEqual(readMetric("Late Shipment Rate 10 days 0%", LSR, COUNT), { rate: 0 });
});

test("no window named, no figure: a 30-day rate is never taken for the 10-day one", () => {
  assert.equal(readMetric("Late Shipment Rate 30 days 1.2%", LSR, COUNT), null);
  assert.equal(readMetric("Late Shipment Rate 10 days — no data", LSR, COUNT), null);
});
