import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { bundleProblems } from "../../extension/core/bundle-check.js";
import { compileBundle } from "../../extension/core/compiled-bundle.js";
import { remediesFor, remedyPath, defaultNewShipDay, messageLocale } from "../../extension/core/remedies.js";
import { orderFromFacts } from "../../extension/core/order.js";

// A bundle assembled from the shipped data files, as the server would serve it.
const read = (path) => JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));
const templates = readdirSync(new URL("../../messages/", import.meta.url)).map((f) => read(`messages/${f}`));
const bundle = () => ({
  version: "test",
  marketplaces: read("server/shipguard/data/marketplaces.json").marketplaces,
  date_formats: read("server/shipguard/data/date-formats.json").date_formats,
  pages: [read("server/shipguard/data/pages/orders-list.json")],
  rules: read("server/shipguard/data/rules.json"),
  templates,
  lint: { rules: [] },
  disabled_features: [],
});

test("the shipped data makes a usable bundle", () => {
  assert.deepEqual(bundleProblems(bundle()), []);
});

test("a message date format the renderer could not use makes the bundle unusable", () => {
  for (const broken of [{ pattern: 5 }, { pattern: "{weekday} {day}", weekdays: ["Mon"] }, { pattern: "{day} {month}", months: "jan" }]) {
    const changed = bundle();
    changed.date_formats[0].message_date = broken;
    assert.deepEqual(bundleProblems(changed), ["date_formats.0.message_date"]);
  }
  const without = bundle();
  delete without.date_formats[0].message_date;
  assert.deepEqual(bundleProblems(without), [], "a format without message dates keeps ISO days");
});

test("garbage is never a usable bundle", () => {
  for (const junk of [null, "<html>", 42, [], {}, { version: "x" }]) assert.notDeepEqual(bundleProblems(junk), []);
  const foreign = bundle();
  foreign.rules.remedies[0] = { ...foreign.rules.remedies.find((r) => r.kind === "open-page"), path: "https://evil.example/" };
  assert.ok(bundleProblems(foreign).some((p) => p.endsWith("path")));
  const protocolRelative = bundle();
  protocolRelative.rules.remedies.find((r) => r.kind === "open-page").path = "//evil.example/x";
  assert.ok(bundleProblems(protocolRelative).some((p) => p.endsWith("path")));
  const dangling = bundle();
  dangling.rules.remedies.find((r) => r.kind === "copy-message").template = "no-such-template";
  assert.ok(bundleProblems(dangling).some((p) => p.endsWith("template")));
  const noSelectors = bundle();
  noSelectors.pages[0].selectors.row = [];
  assert.ok(bundleProblems(noSelectors).includes("pages.0: selectors.row"));
});

test("pages are found by URL path", () => {
  const compiled = compileBundle(bundle());
  for (const path of ["/orders-v3", "/orders-v3/", "/orders-v3/mfn/unshipped", "/orders-v3/fba/all", "/orders-v3/search"]) {
    assert.equal(compiled.pageFor(path)?.id, "orders-list", path);
  }
  for (const path of ["/home", "/orders-v3/order/112-1234567-1234567", "/messaging/contact"]) {
    assert.equal(compiled.pageFor(path), null, path);
  }
});

test("late and due-soon orders get the delay messages, the order pages and guidance, in groups", () => {
  const compiled = compileBundle(bundle());
  const ids = remediesFor("late", compiled.remedies).map((r) => r.id);
  for (const id of ["copy-delay-out-of-stock", "copy-delay-carrier-problem", "copy-delay-weather",
    "copy-delay-address-confirmation", "open-contact-buyer", "open-buy-shipping", "open-confirm-shipment"]) {
    assert.ok(ids.includes(id), id);
  }
  assert.ok(!remediesFor("on-track", compiled.remedies).some((r) => r.kind === "copy-message"));
  assert.deepEqual(remediesFor("done", compiled.remedies), []);
});

test("remedy paths are filled and encoded", () => {
  const remedy = { path: "/messaging/contact?orderID={order_id}&marketplaceID={marketplace_id}" };
  assert.equal(remedyPath(remedy, { orderId: "112-1234567-1234567", marketplace: { id: "ATVPDKIKX0DER" } }),
    "/messaging/contact?orderID=112-1234567-1234567&marketplaceID=ATVPDKIKX0DER");
  assert.equal(remedyPath(remedy, { orderId: "a&b=c", marketplace: { id: "x" } }), "/messaging/contact?orderID=a%26b%3Dc&marketplaceID=x");
  // A path needing a value the order lacks is not offered at all.
  assert.equal(remedyPath({ path: "/myinventory/inventory?searchTerm={sku}" }, { orderId: "1", marketplace: null }), null);
  assert.equal(remedyPath({ path: "/myinventory/inventory?searchTerm={sku}" }, { orderId: "1", sku: "AB C" }),
    "/myinventory/inventory?searchTerm=AB%20C");
});

test("the suggested new ship date is two business days on, and never in the past", () => {
  const us = { weekend_days: [6, 7] };
  const thursday = { year: 2019, month: 12, day: 5 };
  assert.deepEqual(defaultNewShipDay(thursday, thursday, 2, us), { year: 2019, month: 12, day: 9 });
  const laterToday = { year: 2019, month: 12, day: 10 };
  assert.deepEqual(defaultNewShipDay(thursday, laterToday, 2, us), { year: 2019, month: 12, day: 12 });
});

test("a message is written in the marketplace's buyer language", () => {
  const template = { locales: { "en-GB": {}, "en-US": {} } };
  assert.equal(messageLocale(template, { buyer_locales: ["en-US"] }), "en-US");
  assert.equal(messageLocale(template, { buyer_locales: ["de-DE"] }), "en-GB");
});

test("orders from row facts: done, FBA, unknown and dated", () => {
  const compiled = compileBundle(bundle());
  const adapter = compiled.pageFor("/orders-v3");
  const base = { orderId: "112-1234567-1234567", shipByText: "Thu, Dec 5, 2019", statusText: "Unshipped",
    statusClasses: ["main-status", "unshipped-status"], fulfillmentText: "Seller", salesChannel: "Amazon.com" };
  const place = { host: "sellercentral.amazon.com" };
  const dated = orderFromFacts(base, compiled, adapter, place);
  assert.equal(new Date(dated.deadline).toISOString(), "2019-12-06T07:59:59.000Z");
  assert.equal(dated.marketplace.code, "US");
  assert.equal(orderFromFacts({ ...base, statusClasses: ["shipped-status"] }, compiled, adapter, place).doneReason, "shipped-or-cancelled");
  assert.equal(orderFromFacts({ ...base, statusText: "Canceled", statusClasses: [] }, compiled, adapter, place).done, true);
  assert.equal(orderFromFacts({ ...base, fulfillmentText: "Amazon" }, compiled, adapter, place).doneReason, "fulfilled-by-amazon");
  assert.equal(orderFromFacts({ ...base, shipByText: "Currently unavailable" }, compiled, adapter, place).problem, "unreadable-ship-by");
  const elsewhere = orderFromFacts({ ...base, salesChannel: "Amazon.nowhere" }, compiled, adapter, { host: "example.com" });
  assert.equal(elsewhere.problem, "unknown-marketplace");
});
