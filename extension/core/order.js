/** An order as Shipguard understands it, from the facts a page adapter read off a row. */
import { shipStatus } from "./deadline.js";
import { readShipBy } from "./ui-language.js";
import { zonedDay } from "./zoned-time.js";

const normalise = (text) => (text || "").replace(/\s+/g, " ").trim().toLowerCase();

// Per adapter and kind, computed once: rows ask for the same labels thousands of times.
const labelCache = new WeakMap();

function cachedLabels(adapter, kind) {
  let byKind = labelCache.get(adapter);
  if (!byKind) labelCache.set(adapter, (byKind = new Map()));
  let entry = byKind.get(kind);
  if (!entry) {
    const labels = Object.values(adapter.labels || {}).flatMap((set) => set[kind] || []);
    entry = { labels, normalised: labels.map(normalise), judged: new Map() };
    byKind.set(kind, entry);
  }
  return entry;
}

/** Normalise the labels rows are judged by now, before the first row asks for them. */
export function prepareLabels(adapter) {
  for (const kind of ["done_statuses", "fulfilled_by_amazon"]) cachedLabels(adapter, kind);
}

/** Labels of one kind ("ship_by", "done_statuses", …) across every language of an adapter. */
export const labelsOf = (adapter, kind) => cachedLabels(adapter, kind).labels;

/** Whether a text is one of the adapter's labels of a kind (or starts with one and a space). */
function matchesAny(text, adapter, kind) {
  // Rows repeat a handful of status and fulfillment texts: each is judged once.
  const { judged, normalised } = cachedLabels(adapter, kind);
  let result = judged.get(text);
  if (result === undefined) {
    const value = normalise(text);
    result = normalised.some((c) => value === c || value.startsWith(`${c} `));
    if (judged.size > 1000) judged.clear();
    judged.set(text, result);
  }
  return result;
}

/** Whether a status element's text or classes say shipped or cancelled. */
export function isDoneStatus(adapter, text, classes) {
  const doneClasses = adapter.done_status_classes || [];
  return classes.some((c) => doneClasses.includes(c)) || Boolean(text && matchesAny(text, adapter, "done_statuses"));
}

/** Why an order needs nothing: "shipped-or-cancelled", "fulfilled-by-amazon", or null. */
function doneReason(facts, adapter) {
  if (isDoneStatus(adapter, facts.statusText, facts.statusClasses)) return "shipped-or-cancelled";
  if (facts.fulfillmentText && matchesAny(facts.fulfillmentText, adapter, "fulfilled_by_amazon")) return "fulfilled-by-amazon";
  if (facts.onFbaPage) return "fulfilled-by-amazon";
  return null;
}

/**
 * {orderId, marketplace, done, doneReason, deadline, shipByDay, latestDeliveryDay, problem}
 * for one row's facts; `problem` says why the deadline is unknown.
 */
export function orderFromFacts(facts, compiled, adapter, { host, marketplaceId }) {
  const marketplace = compiled.marketplaceForChannel(facts.salesChannel)
    || compiled.marketplaceById(marketplaceId) || compiled.marketplaceForHost(host);
  const order = {
    orderId: facts.orderId, marketplace, sku: facts.sku || null,
    done: false, doneReason: null, deadline: null, shipByDay: null, latestDeliveryDay: null, problem: null, actions: null,
  };
  const reason = doneReason(facts, adapter);
  if (reason) return { ...order, done: true, doneReason: reason };
  if (!marketplace) return { ...order, problem: "unknown-marketplace" };
  // The marketplace's clock, the UI language's way of writing dates.
  const result = readShipBy(facts.shipByText, compiled.dateFormatList, marketplace, facts.uiLocale ?? null);
  if (result.problem) return { ...order, problem: result.problem };
  // "Deliver by" may be a window too: its last day is the promise.
  const delivery = facts.deliverByText ? readShipBy(facts.deliverByText, compiled.dateFormatList, marketplace, facts.uiLocale ?? null) : {};
  return { ...order, deadline: result.deadline, shipByDay: result.shipByDay, latestDeliveryDay: delivery.shipByDay || null };
}

/**
 * The order a page shows: from the DOM facts, overridden by the orders app's JSON for
 * the same order (`json`, or null) where that has the deadline. `place` is placeOf()'s.
 */
export function orderFromPage(facts, json, compiled, adapter, place) {
  const fromDom = orderFromFacts({ ...facts, onFbaPage: place.onFbaPage }, compiled, adapter, place);
  if (!json) return fromDom;
  const fromJson = orderFromJson(json, compiled, fromDom.marketplace, fromDom.sku);
  // The page's data is exact; the DOM only stands in where the data lacks the deadline.
  return fromJson.problem && !fromDom.problem ? fromDom : fromJson;
}

/**
 * Why an order Shipguard could not read means the page itself was not understood (the
 * unreadable-layout notice), or null: no ship-by label in any known UI language, a date
 * in no known format, or one that reads as two different days. A ship-by that says
 * "Currently unavailable" is Amazon's own answer, not a layout problem.
 */
export function unreadablePageStep(order, shipByText) {
  if (order.done || order.deadline !== null) return null;
  if (shipByText === null) return "no-ship-by-label";
  if (order.problem === "ambiguous-ship-by") return "ambiguous-ship-by";
  if (order.problem === "unreadable-ship-by" && /\d/.test(shipByText)) return "unreadable-ship-by";
  return null;
}

/**
 * The same, from the orders app's JSON facts (see order-json.js): its deadline is exact,
 * so only the marketplace is looked up (the order's own id first); `fallback` is the
 * page's own marketplace. Amazon's own late and at-risk flags travel with the order.
 */
export function orderFromJson(json, compiled, fallback, fallbackSku = null) {
  const marketplace = compiled.marketplaceById(json.marketplaceId)
    || compiled.marketplaceForChannel(json.salesChannel) || fallback || null;
  const order = {
    orderId: json.orderId, marketplace, sku: json.sku || fallbackSku, latestDelivery: json.latestDelivery,
    latestDeliveryDay: json.latestDelivery !== null && marketplace ? zonedDay(json.latestDelivery, marketplace.time_zone) : null,
    done: json.done, doneReason: json.doneReason,
    deadline: json.deadline, shipByDay: null, problem: null, actions: json.actions,
    amazonLate: json.amazonLate ?? null, atRisk: json.atRisk ?? null,
    items: json.items || [],
  };
  if (order.done) return order;
  if (order.deadline === null) return { ...order, problem: "no-ship-by" };
  if (!marketplace) return { ...order, problem: "unknown-marketplace", deadline: null };
  // The ship-by day as Amazon shows it: the deadline on the marketplace's clock, with the
  // JSON's own offset where it gives one.
  const shipByDay = json.shipByOffsetMs === null
    ? zonedDay(order.deadline, marketplace.time_zone)
    : zonedDay(order.deadline + json.shipByOffsetMs, "UTC");
  return { ...order, shipByDay };
}

/**
 * The same, from what Shipguard saw of the order on another page (seen-orders), for pages
 * that show no deadline of their own.
 */
export function orderFromSeen(orderId, seen, compiled) {
  const marketplace = compiled.marketplaces.find((m) => m.code === seen.marketplace) || null;
  return {
    orderId, marketplace, done: seen.done, doneReason: seen.done ? "shipped-or-cancelled" : null,
    deadline: seen.deadline, shipByDay: seen.shipByDay, actions: null,
    latestDeliveryDay: typeof seen.latestDelivery === "number" && marketplace ? zonedDay(seen.latestDelivery, marketplace.time_zone) : null,
    problem: seen.deadline === null && !seen.done ? "no-ship-by" : null,
  };
}

/** An order Shipguard knows nothing about yet: status unknown, with the reason. */
export const unseenOrder = (orderId, marketplace) => ({
  orderId, marketplace, done: false, doneReason: null, deadline: null, shipByDay: null, latestDeliveryDay: null, actions: null, problem: "not-seen",
});

/** The order's status now. */
export const orderStatus = (order, now, compiled) => shipStatus(order, now, compiled.dueSoonMs);
